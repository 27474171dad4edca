"""JSONL writing: one whole line per record, UTF-8, flushed per record so a crash never tears more
than the line being written."""
from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import IO, Optional

from .errors import UsageError
from .records import DocumentRecord, ErrorRecord


def to_line(record: DocumentRecord | ErrorRecord) -> str:
    return record.model_dump_json(exclude_none=False) + "\n"


class JsonlWriter:
    def __init__(self, path: Optional[Path], append: bool = False):
        self.path = path
        if path is None:
            self.handle: IO[str] = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=False, write_through=True)
            self.owned = False
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.handle = open(path, "a" if append else "w", encoding="utf-8")
            except OSError as exc:
                raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
            self.owned = True

    def write(self, record: DocumentRecord | ErrorRecord) -> None:
        self.handle.write(to_line(record))
        self.handle.flush()

    def close(self) -> None:
        if self.owned:
            self.handle.close()
        else:
            self.handle.flush()
            self.handle.detach()

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
