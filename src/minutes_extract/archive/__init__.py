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


def write_table(rows: list[dict], columns: tuple[str, ...], path: Path) -> None:
    """An export table as CSV (`.csv`) or JSON lines (`.jsonl`), chosen by the file name."""
    import csv
    import json
    path = Path(path)
    if path.suffix not in (".csv", ".jsonl"):
        raise UsageError(f"{path}: tables are written as .csv or .jsonl")
    try:
        with open(path, "w", newline="", encoding="utf-8") as handle:
            if path.suffix == ".csv":
                writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
                writer.writeheader()
                writer.writerows(rows)
            else:
                for row in rows:
                    handle.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
