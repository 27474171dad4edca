"""Python's cyclic garbage collector is paused while one document (or one part of a large one) is extracted, and
while a record's objects are assembled (they all stay alive until the record is written).

Why: a document's extraction allocates many short-lived Python objects; each collection the allocations trigger
also walks every object still alive, and a long document keeps more of them alive as it goes, so the stages'
cost per word grew with the document (make bench, 10 MB against 100 KB: segmenter 2.1x, inspections 1.8x,
normalise 1.6x with the collector running; all within 1.1x with it paused). Reference counting still frees
almost everything at once; what only the collector frees (reference cycles) waits until the document is done,
and is collected then when the caller wants it."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector's previous state is restored after it (nesting and a
    caller that disabled it themselves are respected)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
