"""The archive view: what an analyst asks of a whole archive of `extract` records (reads JSONL only).

- gazetteer: the canonical authority of each document (models/gazetteer.jsonl)
- timeline: judgements and inspections per authority, deduplicated, checked against the official record
- followups: resolutions asking for something later, and the later meeting that took each up
- report: a self-contained static HTML site over all of it
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import UsageError


def load_records(path: Path) -> Iterator[dict]:
    """The document records of an `extract` JSONL (error records and lines that are not records skipped),
    read with the package's shared reader."""
    from ..writer import read_records
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"no such records file: {path}")
    for record in read_records(path, [], errors=False):
        if "doc_id" in record:
            yield record
