"""JSONL writing: one whole line per record, UTF-8, flushed per record so a crash never tears more
than the line being written (and `batch.repair_torn_line` drops that one on resume)."""
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
    """Writes to `path` (truncating, or appending when resuming), or to stdout when path is None."""

    def __init__(self, path: Optional[Path], append: bool = False):
        self.path = path
        self.closed = False
        if path is None:
            self.handle: IO[str] = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", write_through=True)
            self.owned = False
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.handle = open(path, "a" if append else "w", encoding="utf-8", newline="\n")
            except OSError as exc:
                raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
            self.owned = True

    def write_line(self, line: str) -> None:
        """One complete line (ending in a newline), written and flushed in one go."""
        try:
            self.handle.write(line)
            self.handle.flush()
        except BrokenPipeError:
            raise  # the reader went away (`| head`): click exits quietly
        except OSError as exc:  # disk full, quota, I/O error: one line, not a traceback
            raise UsageError(f"cannot write {self.path or 'stdout'}: {exc.strerror or exc}") from exc

    def write(self, record: DocumentRecord | ErrorRecord) -> None:
        self.write_line(to_line(record))

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.owned:
            self.handle.close()
        else:
            self.handle.flush()
            self.handle.detach()

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
