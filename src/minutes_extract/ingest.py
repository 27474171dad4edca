"""Files -> Source: find inputs, detect format from content, decode, extract text.

Contract used by the rest of the pipeline:
  iter_inputs(paths)        -> Iterator[Path]   (files under the given files/directories, sorted)
  read_sources(path)        -> Iterator[Source] (one per document; an archive yields one per member)
  Source.text is raw extracted text (before normalise); Source.pages lists the offsets in that text
  where each page starts (PDF only). Failures raise errors.MinutesError subclasses.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import EmptyInput, InputNotFound, UnreadableInput


@dataclass
class Source:
    path: str
    format: str
    sha256: str
    size: int
    text: str
    pages: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise InputNotFound(f"no such file or directory: {path}")
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        else:
            yield path


def read_sources(path: Path) -> Iterator[Source]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    yield source_from_bytes(str(path), data)


def source_from_bytes(name: str, data: bytes) -> Source:
    if not data.strip():
        raise EmptyInput(f"{name} is empty")
    text = data.decode("utf-8-sig", errors="replace")
    return Source(path=name, format="text", sha256=hashlib.sha256(data).hexdigest(), size=len(data), text=text)
