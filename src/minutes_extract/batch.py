"""Batch runs: stream inputs through the pipeline (optionally in N processes), write each record as
one flushed JSONL line, route error records to their own file, and summarise."""
from __future__ import annotations

import multiprocessing as mp
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .extract import extract_path
from .ingest import iter_inputs
from .records import DocumentRecord, ErrorRecord
from .writer import JsonlWriter, to_line


@dataclass
class Summary:
    documents: int = 0
    errors: int = 0
    items: int = 0
    words: int = 0
    extractions: dict = field(default_factory=dict)

    def add(self, record: DocumentRecord | ErrorRecord) -> None:
        if isinstance(record, ErrorRecord):
            self.errors += 1
            return
        self.documents += 1
        self.items += len(record.items)
        self.words += len(record.text.split())
        for holder in [*record.items, record.unassigned]:
            for group in ("resolutions", "findings", "metrics", "dates", "judgements", "inspections"):
                n = len(getattr(holder, group))
                if n:
                    self.extractions[group] = self.extractions.get(group, 0) + n


def _records_for(path: str) -> list[DocumentRecord | ErrorRecord]:
    return list(extract_path(Path(path)))


def process_inputs(paths: Iterable[Path], jobs: int = 1) -> Iterator[DocumentRecord | ErrorRecord]:
    """Records in input order. With jobs > 1, a pool of processes, each loading the pipeline once."""
    inputs = (str(p) for p in paths)
    if jobs <= 1:
        for path in inputs:
            yield from _records_for(path)
        return
    ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
    with ctx.Pool(jobs) as pool:
        for records in pool.imap(_records_for, inputs, chunksize=4):
            yield from records


def default_errors_path(out: Optional[Path]) -> Optional[Path]:
    return out.with_name(out.stem + ".errors.jsonl") if out else None


def run_batch(paths: list[Path], out: Optional[Path], errors: Optional[Path] = None, jobs: int = 1) -> Summary:
    inputs = list(iter_inputs(paths))  # validates every path before any output is written
    summary = Summary()
    errors = errors or default_errors_path(out)
    with JsonlWriter(out) as writer:
        error_writer = JsonlWriter(errors) if errors else writer
        try:
            for record in process_inputs(inputs, jobs):
                summary.add(record)
                (error_writer if isinstance(record, ErrorRecord) else writer).write(record)
        finally:
            if error_writer is not writer:
                error_writer.close()
    return summary
