"""Files -> Source: find inputs, detect format from content, decode, extract text.

Contract used by the rest of the pipeline:
  iter_inputs(paths)          -> Iterator[Path]  files under the given files/directories, sorted;
                                 directories are walked without following a symlink loop twice;
                                 hidden files (".DS_Store", "._x.pdf") inside directories are skipped;
                                 an unreadable directory is yielded itself (read_sources reports it)
  read_sources(path)          -> Iterator[Source | MinutesError]
  sources_from_bytes(name, b) -> Iterator[Source | MinutesError]   (same, for bytes in hand)
  source_from_bytes(name, b)  -> Source                            (one document; not a zip)

Errors carry .path (the file, or "archive.zip!member") and a one-line .message about the problem
(without the path). A failure of the input as a whole (cannot read it, empty, corrupt PDF,
encrypted, unknown format, a zip whose directory is unreadable) is RAISED as an
errors.MinutesError subclass.
Inside a zip archive, each member is its own document: a member that fails is YIELDED as a
MinutesError instance (not raised) whose .path is "archive.zip!member/path.pdf", and the
remaining members still follow. So a batch runner writes one record per item:

    try:
        for item in read_sources(path):
            if isinstance(item, MinutesError):
                write_error(item.path, item)      # one failed archive member
            else:
                process(item)                     # a Source
    except MinutesError as err:                   # the whole file failed (err.path is set too)
        write_error(err.path, err)

iter_sources(paths) does exactly that wrapping and never raises for a bad input.

Source.text is the raw extracted text (before normalise), LF line ends, one line per
paragraph/heading where the format knows it, blank lines between blocks, bullets as "• ",
table rows as one line with cells joined by "  -  ". Source.pages lists the offsets in that
text where each page starts (PDF only). Source.path of an archive member is "archive.zip!member".
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .errors import (
    ExtractionFailed,
    InputNotFound,
    InputTooLarge,
    MinutesError,
    UnreadableInput,
    UnsafeArchive,
    UnsupportedFormat,
)
from .formats import Extracted
from .formats.archive import MAX_NESTING, Budget, Member, iter_members, open_zip
from .formats.detect import detect_format
from .formats.text import extract_text

MAX_INPUT_BYTES = 512 * 1024 * 1024  # a single file (or archive) read into memory


def _on_first_use(module: str, name: str) -> Callable[[bytes], Extracted]:
    """A format reader imported when first called: a run over plain texts never loads lxml, python-docx or
    pdfium (about a tenth of the start-up of `extract` on one text)."""
    def read(data: bytes, *args: Any, **kwargs: Any) -> Extracted:
        from importlib import import_module
        return getattr(import_module(module, __package__), name)(data, *args, **kwargs)
    read.__name__ = read.__qualname__ = name
    return read


EXTRACTORS: dict[str, Callable[[bytes], Extracted]] = {
    "text": extract_text,
    "html": _on_first_use(".formats.html", "extract_html"),
    "pdf": _on_first_use(".formats.pdf", "extract_pdf"),
    "docx": _on_first_use(".formats.docx", "extract_docx"),
}


@dataclass
class Source:
    path: str
    format: str
    sha256: str
    size: int
    text: str
    pages: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None                         # text/html: the encoding the bytes were in
    meta: dict[str, Any] = field(default_factory=dict)  # extraction statistics (see formats/*)


# --- finding inputs -----------------------------------------------------------------------------

def iter_inputs(paths: Iterable[Path], skip: frozenset[str] | set[str] = frozenset()) -> Iterator[Path]:
    """Files named, and files under directories named; `skip` holds real paths never to yield from a
    walk (a run's own output files inside an input directory)."""
    for path in paths:
        path = Path(path)
        if not path.exists() and not path.is_symlink():
            raise InputNotFound(f"no such file or directory: {path}")
        if path.is_dir():
            yield from sorted(p for p in _walk(path) if not skip or os.path.realpath(p) not in skip)
        else:
            yield path


def _walk(root: Path) -> Iterator[Path]:
    """Files under root; each real directory is listed once, so symlink loops end. Entries that are neither
    directories nor regular files (FIFOs, sockets, devices, dangling symlinks) are yielded too: reading
    them gives an error record, so nothing is skipped silently."""
    seen: set[str] = set()
    stack = [root]
    while stack:
        directory = stack.pop()
        real = os.path.realpath(directory)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = list(os.scandir(directory))
        except OSError:
            yield directory  # read_sources turns it into an UnreadableInput record
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if _is_dir(entry):
                stack.append(Path(entry.path))
            else:
                yield Path(entry.path)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def is_regular_file(path: str | Path) -> bool:
    """A regular file (after symlinks): the only kind read, since a FIFO blocks and a device never ends."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


# --- reading ------------------------------------------------------------------------------------

def read_sources(path: Path) -> Iterator[Source | MinutesError]:
    name = str(path)
    try:
        data = _read_file(Path(path))
    except MinutesError as err:
        raise _located(err, name)
    yield from sources_from_bytes(name, data)


def _read_file(path: Path) -> bytes:
    """The file's bytes, bounded by bytes actually read (st_size may lie: /proc files, a file growing)."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory")
        if not stat.S_ISREG(mode):
            raise UnreadableInput(f"not a regular file ({_file_kind(mode)}); only regular files are read")
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise InputTooLarge(f"file is {path.stat().st_size} bytes (limit {MAX_INPUT_BYTES})")
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise InputTooLarge(f"file is over {MAX_INPUT_BYTES} bytes (limit {MAX_INPUT_BYTES})")
        return data
    except FileNotFoundError as exc:
        if path.is_symlink():
            raise UnreadableInput("dangling symbolic link (its target does not exist)") from exc
        raise InputNotFound("no such file or directory") from exc
    except IsADirectoryError as exc:
        raise UnreadableInput(_directory_problem(path)) from exc
    except OSError as exc:
        raise UnreadableInput(f"cannot read: {exc.strerror or exc}") from exc


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a file")


def _directory_problem(path: Path) -> str:
    """iter_inputs yields a directory it could not list; say why."""
    try:
        os.scandir(path).close()
    except OSError as exc:
        return f"cannot list directory: {exc.strerror or exc}"
    return "is a directory, not a document"


def sources_from_bytes(name: str, data: bytes, _depth: int = 0,
                       _budget: Budget | None = None) -> Iterator[Source | MinutesError]:
    """One Source per document: a zip yields one per member (failed members as error instances)."""
    try:
        kind = detect_format(data)
        zf = open_zip(data) if kind == "zip" else None
    except MinutesError as err:
        raise _located(err, name)
    if zf is None:
        yield source_from_bytes(name, data, kind)
        return
    budget = _budget or Budget()
    for member in iter_members(zf, name, budget):
        if isinstance(member, MinutesError):
            yield _located(member, member.path or name)
        else:
            yield from _member_sources(f"{name}!{member.name}", member, _depth, budget)


def _member_sources(path: str, member: Member, depth: int, budget: Budget) -> Iterator[Source | MinutesError]:
    """A member's Sources; its failures become yielded errors so the other members carry on."""
    try:
        if detect_format(member.data) == "zip" and depth >= MAX_NESTING:
            raise UnsafeArchive(f"archive nested more than {MAX_NESTING} level(s) deep; skipped")
        yield from sources_from_bytes(path, member.data, depth + 1, budget)
    except MinutesError as err:
        yield _located(err, err.path if err.path and err.path.startswith(path) else path)


def source_from_bytes(name: str, data: bytes, kind: str | None = None) -> Source:
    """One document's bytes -> Source. Raises MinutesError (with .path = name) on failure."""
    try:
        kind = kind or detect_format(data)
        if kind not in EXTRACTORS:
            raise UnsupportedFormat(f"{kind} archive holds several documents; use read_sources()")
        extracted = _extract(kind, data)
    except MinutesError as err:
        raise _located(err, name)
    return Source(path=name, format=kind, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                  text=extracted.text, pages=extracted.pages, warnings=extracted.warnings,
                  encoding=extracted.encoding, meta=extracted.meta)


def _extract(kind: str, data: bytes) -> Extracted:
    try:
        return EXTRACTORS[kind](data)
    except MinutesError:
        raise
    except MemoryError as exc:
        raise InputTooLarge(f"{kind} document too large to extract in memory") from exc
    except RecursionError as exc:
        raise ExtractionFailed(f"{kind} document nested too deeply to extract") from exc
    except Exception as exc:  # a bug or an unforeseen library failure: one record, never a crash
        raise ExtractionFailed(f"unexpected {type(exc).__name__} extracting {kind}: {exc}") from exc


def _located(err: MinutesError, path: str) -> MinutesError:
    """Record which input an error is about. The message stays about the problem only: error
    records and the CLI print the path next to it."""
    err.path = path
    return err


def iter_sources(paths: Iterable[Path]) -> Iterator[Source | MinutesError]:
    """Every document under paths; each failure (whole file or archive member) is yielded as a
    MinutesError with .path set. Only a missing command-line path raises (InputNotFound)."""
    for path in iter_inputs(paths):
        try:
            yield from read_sources(path)
        except MinutesError as err:
            yield _located(err, err.path or str(path))
