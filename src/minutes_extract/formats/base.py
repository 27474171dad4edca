"""What every format reader returns."""
from __future__ import annotations

import re
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


CELL_SEP = "  -  "
_ITEM_LABEL = re.compile(r"^(?:item\s+)?\d{1,4}[a-z]?[.)]?$|^\(?[a-z]{1,3}[.)]$", re.I)


def render_row(cells: list[list[str]]) -> list[str]:
    """A table row -> blocks. Simple rows (one line per cell) become one line, cells joined with
    CELL_SEP; layout rows (cells holding paragraphs) keep each block. A leading cell holding only
    an item number ("4.", "Item 7") is joined to the first block after it: "4. Apologies"."""
    blocks = [list(cell) for cell in cells if cell]
    if len(blocks) > 1 and len(blocks[0]) == 1 and _ITEM_LABEL.match(blocks[0][0]):
        label = blocks.pop(0)[0]
        blocks[0][0] = f"{label} {blocks[0][0]}"
    if all(len(cell) == 1 and "\n" not in cell[0] for cell in blocks):
        return [CELL_SEP.join(cell[0] for cell in blocks)] if blocks else []
    return [block for cell in blocks for block in cell]
