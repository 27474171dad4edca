"""Results of pure functions of rule patterns kept on disk between runs (next to the compiled-regex cache).

Building the findings rules reads every lexicon pattern's parse tree for its keys (regex_keys): about two
thirds of the pipeline's build time, the same work on every start. A DiskMemo holds, per (function, its
arguments), what the function returned; the file is named by the Python version and a hash of the source
of the module that computes them, so an edited analysis or another interpreter never reads old results, and
an edited rule simply misses. Only marshal-able values (str, int, bool, None, tuple, list, set, frozenset,
dict) are kept. Written again when a build missed (atomically; this build's entries first: write_merged).
Off with $MINUTES_EXTRACT_CACHE=off, as the regex cache; a cache that cannot be read or written is ignored.
"""
from __future__ import annotations

import functools
import hashlib
import marshal
import sys
from pathlib import Path
from typing import Callable, Optional

from .compiled import cache_dir, write_merged

_COPIED = (list, set, dict)  # mutable results are handed out as copies: a caller may change its own


class DiskMemo:
    def __init__(self, name: str, source: Path, salt: str = ""):
        self.name, self.source, self.salt = name, source, salt  # salt: versions of what else the results depend on
        self.entries: Optional[dict] = None  # loaded on first use
        self.used: dict = {}
        self.missed = 0

    def path(self) -> Optional[Path]:
        directory = cache_dir()
        if directory is None:
            return None
        try:
            digest = hashlib.sha256(self.source.read_bytes() + self.salt.encode()).hexdigest()[:16]
        except OSError:
            return None
        version = "".join(map(str, sys.version_info[:3]))
        return directory / f"{self.name}-py{version}-{digest}.marshal"

    def _load(self) -> dict:
        if self.entries is None:
            self.entries, self.file = {}, self.path()
            if self.file is not None:
                try:
                    with open(self.file, "rb") as handle:
                        loaded = marshal.load(handle)
                    if isinstance(loaded, dict):
                        self.entries = loaded
                except (OSError, EOFError, ValueError, TypeError):
                    pass
        return self.entries

    def __call__(self, fn: Callable) -> Callable:
        name = fn.__name__

        @functools.wraps(fn)
        def memoised(*args):
            key = (name, *args)
            entries = self._load()
            if key in entries:
                value = entries[key]
            else:
                value = fn(*args)
                try:
                    marshal.dumps(value)
                except ValueError:  # not storable: computed every time
                    return value
                entries[key] = value
                self.missed += 1
            self.used[key] = value
            return type(value)(value) if isinstance(value, _COPIED) else value

        return memoised

    def save(self) -> None:
        """Writes the entries used since the last save when any was computed afresh (write_merged)."""
        path = getattr(self, "file", None)
        if path is not None and self.missed:
            write_merged(path, self.used, f".{self.name}-")
        self.used, self.missed = {}, 0
