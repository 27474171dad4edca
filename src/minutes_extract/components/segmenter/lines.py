"""The segmenter's units: a document's non-blank lines (Line), where an item starts (ItemStart), and how
deep in a list a line sits (ListLevels, its markers read from segmenter.json "list_markers").
What a line is (heading, title, body) is decided in headings.py, not here."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional


@dataclass
class Line:
    start: int
    end: int
    text: str
    kind: Optional[str] = None  # Headings.section_kind(text), read once (Headings.read_lines)
    level: int = 0              # ListLevels.level(text.strip())


@dataclass
class ItemStart:
    line: int          # index of the first line of the item
    number: Optional[str]
    title_start: int   # character offsets of the title in the document text
    title_end: int
    rule: str
    agenda_number: Optional[str] = None  # printed minutes: "(Item 3)" beside the minute number


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


class ListLevels:
    """0 for a paragraph, 1 for a bullet or lettered/numbered sub-paragraph, 2 for deeper markers
    ("3.3 Areas for improvement were:" is a report's numbered paragraph: 0, not a list entry). The markers
    are tried in order as one pattern; the first that matches names the level."""

    def __init__(self, markers: list[dict]):
        self.levels = {f"m{k}": marker["level"] for k, marker in enumerate(markers)}
        self.pattern = re.compile("|".join(f"(?P<m{k}>{marker['pattern']})" for k, marker in enumerate(markers))
                                  if markers else r"(?!)")

    def level(self, text: str) -> int:
        m = self.pattern.match(text)
        return self.levels[m.lastgroup] if m else 0
