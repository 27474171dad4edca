"""Resume: what an interrupted run already wrote, and keeping its outputs to one record per input.

Only lines that parse as complete records count (a torn line, NUL bytes or junk left by a crash are
dropped and their inputs done again). The newest record of a path wins: after a resumed run, records of a
path that got a new record (its file changed) and older duplicates are removed from the files in place.
The resume key of a record is (source.path, source.sha256).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Optional

from ..errors import UsageError
from ..writer import Line, iter_lines
from .tasks import Key

def repair_torn_line(path: Path) -> bool:
    """Drop a last line without its newline (a record torn by a crash). True when something was cut."""
    try:
        handle = open(path, "r+b")
    except FileNotFoundError:
        return False
    with handle:
        size = handle.seek(0, 2)
        if size == 0:
            return False
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return False
        keep, position = 0, size
        while position > 0 and not keep:  # scan back for the last newline, 64 KB at a time
            start = max(0, position - 65536)
            handle.seek(start)
            block = handle.read(position - start)
            cut = block.rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
            position = start
        handle.truncate(keep)
        return True


class Entry(NamedTuple):
    """Where one line of an output file lies and whose record it is (None: not a complete record). Only
    this is kept in memory, never the records, so resuming a very large output stays small."""
    start: int
    end: int
    key: Optional[Key]


def entry(line: Line) -> Entry:
    if line.record is None:
        return Entry(line.start, line.end, None)
    source = line.record["source"]
    return Entry(line.start, line.end, (source["path"], source.get("sha256")))


class DoneIndex:
    """The newest key written for each path (records and error records); archive members also under the
    archive's path, so a resumed archive re-extracts only the members it lacks."""

    def __init__(self) -> None:
        self.latest: dict[str, Optional[str]] = {}
        self.members: dict[str, dict[str, Optional[str]]] = {}

    @property
    def count(self) -> int:
        return len(self.latest)

    def add(self, key: Key) -> None:
        path, sha = key
        self.latest[path] = sha
        for at, char in enumerate(path):  # "a.zip!minutes.pdf" is a member of a.zip
            if char == "!":
                self.members.setdefault(path[:at], {})[path] = sha

    def __contains__(self, key: Key) -> bool:
        return key[0] in self.latest and self.latest[key[0]] == key[1]

    def has_path(self, path: str) -> bool:
        return path in self.latest

    def members_of(self, path: str) -> frozenset:
        return frozenset(self.members.get(path, {}).items())


@dataclass
class OutputFile:
    """One output file as the resumed run found it: its lines (with their keys) and where the run began."""
    path: Path
    lines: list[Entry] = field(default_factory=list)
    run_start: int = 0

    @classmethod
    def scan(cls, path: Path) -> "OutputFile":
        try:
            repair_torn_line(path)
            lines = [entry(line) for line in iter_lines(path)] if path.is_file() else []
            size = path.stat().st_size if path.is_file() else 0
        except OSError as exc:
            raise UsageError(f"cannot resume from {path}: {exc.strerror or exc}") from exc
        return cls(path, lines, size)


class ResumeState:
    """What the output files hold when a run resumes, and the tidying after it: `compact` keeps one
    record per path, the newest, and drops lines that are not records."""

    def __init__(self, *files: Optional[Path]):
        self.files = [OutputFile.scan(path) for path in dict.fromkeys(f for f in files if f is not None)]
        self.done = DoneIndex()
        for output in self.files:
            for line in output.lines:
                if line.key is not None:
                    self.done.add(line.key)

    def compact(self, fresh: set[str]) -> int:
        """After the run: remove the earlier records of paths written again in this run (`fresh`), earlier
        duplicates of a path, and lines that are not records. Returns how many paths were replaced."""
        replaced = set()
        containers = {path[:at] for path in fresh for at, char in enumerate(path) if char == "!"}
        for output in self.files:
            last = {line.key[0]: line.start for line in output.lines if line.key is not None}
            keep = []
            for line in output.lines:
                key = line.key
                if key is None or last[key[0]] != line.start:
                    continue
                if key[0] in fresh or key[0] in containers or superseded_member(key[0], fresh):
                    replaced.add(key[0])
                    continue
                keep.append(line)
            if len(keep) != len(output.lines):
                rewrite(output, keep)
        return len(replaced)


def superseded_member(path: str, fresh: set[str]) -> bool:
    """"a.zip!m.pdf" when this run wrote a record for "a.zip" itself (the archive now fails as a whole)."""
    return any(path[:at] in fresh for at, char in enumerate(path) if char == "!")


def rewrite(output: OutputFile, keep: list[Entry]) -> None:
    """Keep `keep` (lines before the run, in order) and everything the run appended, in place: the kept
    lines move towards the start and the file is cut. A crash part-way leaves complete records plus
    lines the next resume drops as duplicates or junk."""
    with open(output.path, "r+b") as handle:
        size = handle.seek(0, 2)
        ranges = [(line.start, line.end) for line in keep] + [(output.run_start, size)]
        write_at = 0
        for start, end in ranges:
            position = start
            while position < end:
                handle.seek(position)
                block = handle.read(min(1 << 20, end - position))
                handle.seek(write_at)
                handle.write(block)
                position += len(block)
                write_at += len(block)
        handle.truncate(write_at)
