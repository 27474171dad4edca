"""Zip containers read in memory, member by member, with zip-bomb and path limits.

Nothing is ever extracted to disk, so "../" and absolute member names cannot write anywhere; they
are still refused (UnsafeArchive) because no honest bundle of minutes contains them.
iter_members() yields a Member for each readable document and a MinutesError (with .path set to
"archive.zip!member") for each member that breaks a limit, so one bad member never stops the rest.
The same size limits guard DOCX files (a DOCX is a zip) before python-docx inflates them.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Iterator

from ..errors import CorruptInput, EncryptedInput, InputTooLarge, MinutesError, UnsafeArchive, UnsupportedFormat

MAX_ARCHIVE_MEMBERS = 5000                  # entries in one zip (directories included)
MAX_MEMBER_BYTES = 100 * 1024 * 1024        # uncompressed size of one member
MAX_ARCHIVE_BYTES = 500 * 1024 * 1024       # uncompressed size of all members read from one input
MAX_COMPRESSION_RATIO = 500                 # uncompressed / compressed, for members over RATIO_MIN_BYTES
RATIO_MIN_BYTES = 1024 * 1024               # small members may compress very well legitimately
MAX_NESTING = 1                             # a zip inside a zip is read; one level deeper is refused
READ_CHUNK = 1024 * 1024

_SKIPPED = re.compile(r"(?:^|/)(?:__MACOSX/|\.[^/]*$|Thumbs\.db$|desktop\.ini$)", re.I)
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass
class Member:
    name: str
    data: bytes


class Budget:
    """Uncompressed bytes still allowed for one input file, shared by nested archives."""

    def __init__(self, limit: int | None = None) -> None:
        self.remaining = MAX_ARCHIVE_BYTES if limit is None else limit

    def take(self, size: int) -> bool:
        if size > self.remaining:
            return False
        self.remaining -= size
        return True


def open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # zipfile raises BadZipFile, NotImplementedError, ValueError, ... on junk
        raise CorruptInput(f"corrupt or truncated zip container: {exc}") from exc
    if len(zf.infolist()) > MAX_ARCHIVE_MEMBERS:
        raise UnsafeArchive(f"zip has {len(zf.infolist())} entries (limit {MAX_ARCHIVE_MEMBERS})")
    return zf


def check_package(zf: zipfile.ZipFile) -> None:
    """Refuse a DOCX whose parts would inflate past the limits (python-docx reads them all)."""
    total = 0
    for info in zf.infolist():
        _check_sizes(info)
        total += info.file_size
    if total > MAX_ARCHIVE_BYTES:
        raise UnsafeArchive(f"package inflates to {total} bytes (limit {MAX_ARCHIVE_BYTES})")


def iter_members(zf: zipfile.ZipFile, container: str, budget: Budget) -> Iterator[Member | MinutesError]:
    for info in zf.infolist():
        path = f"{container}!{info.filename}"
        try:
            _check_name(info.filename)  # before the skip list: "dir/..\\..\\x" looks like a hidden file
            if info.is_dir() or _SKIPPED.search(info.filename):
                continue
            yield Member(info.filename, _read_member(zf, info, budget))
        except MinutesError as err:
            err.path = path
            yield err
            if isinstance(err, UnsafeArchive) and budget.remaining <= 0:
                return  # the archive's budget is spent: the remaining members would all fail


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes:
    _check_name(info.filename)
    if info.flag_bits & 0x1:
        raise EncryptedInput("archive member is password-protected")
    _check_sizes(info)
    if not budget.take(info.file_size):
        budget.remaining = 0
        raise UnsafeArchive(f"archive inflates past {MAX_ARCHIVE_BYTES} bytes; remaining members skipped")
    return _read_bounded(zf, info)


def _check_name(name: str) -> None:
    parts = re.split(r"[/\\]", name)
    if name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in parts:
        raise UnsafeArchive(f"unsafe member path {name!r} (absolute or '..')")


def _check_sizes(info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise InputTooLarge(f"member {info.filename!r} inflates to {info.file_size} bytes (limit {MAX_MEMBER_BYTES})")
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
        raise UnsafeArchive(f"member {info.filename!r} has compression ratio {ratio:.0f}:1 (zip bomb?)")


def _read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read in chunks and stop past the declared size, whatever the headers claimed."""
    chunks, size = [], 0
    try:
        with zf.open(info) as stream:
            while chunk := stream.read(READ_CHUNK):
                size += len(chunk)
                if size > min(info.file_size, MAX_MEMBER_BYTES):
                    raise UnsafeArchive(f"member {info.filename!r} inflates past its declared size")
                chunks.append(chunk)
    except NotImplementedError as exc:
        raise UnsupportedFormat(f"member {info.filename!r} uses an unsupported compression method") from exc
    except MinutesError:
        raise
    except Exception as exc:  # BadZipFile (CRC), zlib.error, EOFError, RuntimeError, ...
        raise CorruptInput(f"member {info.filename!r} is corrupt: {exc}") from exc
    return b"".join(chunks)
