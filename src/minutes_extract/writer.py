"""JSONL reading and writing.

Writing: one whole line per record, UTF-8, flushed per record so a crash never tears more than the line
being written (`batch.resume` drops that one). A file written by `extract` is locked (flock) for the run:
a second run on the same file refuses, naming the holder's pid, instead of interleaving lines.
Reading: `read_records` is the one reader of JSONL outputs (evaluate, export, review, resume): it yields
only lines that are complete records and reports the others.
"""
from __future__ import annotations

import fcntl
import io
import json
import os
import stat
import sys
from pathlib import Path
from typing import IO, Callable, Iterator, NamedTuple, Optional

from .errors import UsageError
from .records import DocumentRecord, ErrorRecord


def to_line(record: DocumentRecord | ErrorRecord) -> str:
    return record.model_dump_json(exclude_none=False) + "\n"


# ---------------------------------------------------------------- reading

class Line(NamedTuple):
    start: int               # byte offset of the line in the file
    end: int                 # byte offset after its newline
    record: Optional[dict]   # None when the line is not a complete record


def complete_record(line: bytes | str) -> Optional[dict]:
    """The record on one JSONL line, or None when the line is torn, junk or not a record (a document record
    has source.path, text and items; an error record has source.path and error)."""
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("source"), dict):
        return None
    if not isinstance(data["source"].get("path"), str):
        return None
    if isinstance(data.get("error"), dict) or (isinstance(data.get("text"), str) and isinstance(data.get("items"), list)):
        return data
    return None


def json_object(line: bytes | str) -> Optional[dict]:
    """Any JSON object (for readers that accept other tools' outputs, e.g. the scorer)."""
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def iter_lines(path: Path, check: Callable = complete_record) -> Iterator[Line]:
    """Every non-blank line of a JSONL file with its byte range; its record when it is a complete one."""
    position = 0
    with open(path, "rb") as handle:
        for raw in handle:
            start, position = position, position + len(raw)
            if raw.strip():
                yield Line(start, position, check(raw))


def read_records(path: Path, bad: Optional[list[int]] = None, errors: bool = True,
                 check: Callable = complete_record) -> Iterator[dict]:
    """The complete records of a JSONL output, in file order, as dicts (error records too unless
    errors=False). The 1-based numbers of lines that are not records go to `bad` when given.
    Raises UsageError (one line) when the file cannot be read."""
    try:
        for number, line in enumerate(iter_lines(Path(path), check), 1):
            if line.record is None:
                if bad is not None:
                    bad.append(number)
            elif errors or "error" not in line.record:
                yield line.record
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc


# ---------------------------------------------------------------- writing

def lock_holder(handle: IO) -> Optional[int]:
    """The pid holding a flock on this open file (Linux /proc/locks), None when it cannot be told."""
    status = os.fstat(handle.fileno())
    device = (os.major(status.st_dev), os.minor(status.st_dev))
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            for row in locks:
                fields = row.split()
                if len(fields) < 6 or fields[1] != "FLOCK":
                    continue
                major, minor, inode = fields[5].split(":")
                if int(inode) == status.st_ino and (int(major, 16), int(minor, 16)) == device:
                    return int(fields[4])
    except (OSError, ValueError):
        return None
    return None


# Descriptors of the outputs this process holds locked. A worker process forked from it inherits them, and
# with them the lock (a flock belongs to the open file, which fork shares): the workers of a killed run,
# still dying after the run itself is gone, would keep its output locked and refuse a `--resume` started
# straight after. Workers let go of them when they start (release_inherited_outputs).
_LOCKED_FDS: dict[int, tuple[int, int]] = {}  # descriptor -> (device, inode) of the file locked through it


def release_inherited_outputs() -> None:
    """In a forked worker: drop this process's share of the parent's locked outputs (a worker never writes
    them). /dev/null is put in their place rather than closing them, so that their numbers are not reused
    under the file objects the worker inherited."""
    if not _LOCKED_FDS:
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        for fd, file in _LOCKED_FDS.items():
            if _identity(fd) == file:  # still that file (never another one given the same number)
                os.dup2(null, fd)
    finally:
        os.close(null)
    _LOCKED_FDS.clear()


def _identity(fd: int) -> Optional[tuple[int, int]]:
    try:
        status = os.fstat(fd)
    except OSError:
        return None
    return status.st_dev, status.st_ino


class JsonlWriter:
    """Writes to `path`, or to stdout when path is None. The file is opened without truncating and locked
    first; `start(append)` then empties it unless resuming, so a refused or failed run never loses lines."""

    def __init__(self, path: Optional[Path], append: bool = False, lock: bool = True):
        self.path = path
        self.closed = False
        self.locked_fd: Optional[int] = None
        if path is None:
            self.handle: IO[str] = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", write_through=True)
            self.owned = False
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = open(path, "a", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
        self.owned = True
        if lock:
            self._lock()
        if not append:
            self.truncate()

    def _lock(self) -> None:
        # Only a regular file can be interleaved by two runs; a device (/dev/null, /dev/full) is shared by
        # every process on the machine and locking it would make unrelated runs refuse each other.
        if not stat.S_ISREG(os.fstat(self.handle.fileno()).st_mode):
            return
        try:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            self.locked_fd = self.handle.fileno()
            _LOCKED_FDS[self.locked_fd] = _identity(self.locked_fd)
        except BlockingIOError:
            holder = lock_holder(self.handle)
            self.handle.close()
            self.closed = True
            who = f"pid {holder}" if holder else "another process"
            raise UsageError(f"{self.path} is being written by another run ({who}); wait for it or choose another -o")
        except OSError:
            pass  # a file system without locks (some network mounts): write unlocked, as before

    def truncate(self) -> None:
        """Empty the file for a fresh run (devices such as /dev/null are left alone)."""
        if self.owned and stat.S_ISREG(os.fstat(self.handle.fileno()).st_mode):
            try:
                self.handle.truncate(0)
            except OSError as exc:
                raise UsageError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def write_line(self, line: str | bytes) -> None:
        """One complete line (ending in a newline), written and flushed in one go; bytes are UTF-8 already
        (a large text's record: never decoded to a str, which may take 4 bytes a character)."""
        try:
            if isinstance(line, bytes):
                self.handle.flush()
                self.handle.buffer.write(line)
                self.handle.buffer.flush()
            else:
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
            try:
                _LOCKED_FDS.pop(self.locked_fd, None)
                self.handle.close()
            except OSError:
                pass  # a failed write was reported already (one line); closing must not add a traceback
        else:
            self.handle.flush()
            self.handle.detach()

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
