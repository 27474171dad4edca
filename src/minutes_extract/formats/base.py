"""What every format reader returns."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Extracted:
    text: str
    pages: list[int] = field(default_factory=list)      # PDF: offset where each page starts
    warnings: list[str] = field(default_factory=list)   # recoverable problems worth recording
    encoding: str | None = None                         # text/html: the encoding used to decode
    meta: dict[str, Any] = field(default_factory=dict)  # extraction statistics (counts, removed lines)


def join_blocks(blocks: list[str]) -> str:
    """One block per line, blank line between blocks: the shape the normaliser expects."""
    return "\n\n".join(b for b in blocks if b.strip())
