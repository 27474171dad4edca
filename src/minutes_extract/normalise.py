"""Pure text clean-up that keeps an offset map back to the source text.

What it does, in order:
  1. length-preserving character fixes (nbsp, tabs, zero-width, CR) so offsets survive;
  2. one logical line per paragraph: rejoin hard-wrapped lines (PDF, seed 004) and attach a bullet
     glyph alone on its line to the text that follows it;
  3. unify bullet glyphs to "• " and collapse runs of spaces; one blank line between blocks.
Every output character maps back to a source offset (`Normalised.to_source`), which is how PDF page
numbers reach the records.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

BULLET = "• "
# Characters replaced one-for-one (keeps offsets): spaces of all kinds, tabs, zero-width marks.
_SAME_LENGTH = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\t": " ", "\u200b": " ", "\ufeff": " ", "\u200e": " ", "\u200f": " ", "\x0c": "\n", "\x0b": "\n",
    "\u2028": "\n", "\u2029": "\n",
})
_GLYPHS = "·•▪\uf0b7●◦‣∙■□➢►▸\uf0a7\uf076\uf0d8Ø§*"
# A bullet: a glyph (or a lone "-", "–", "o" used as one) followed by space or end of line.
_BULLET_RE = re.compile(rf"^(?:[{re.escape(_GLYPHS)}]|[-–o](?=\s))\s*")
_LONE_GLYPH_RE = re.compile(rf"^(?:[{re.escape(_GLYPHS)}]|[-–o])$")
# Lines that always start a new logical line: list markers and printed-minutes item markers.
_MARKER_RE = re.compile(
    r"^(?:\(?[a-zA-Z]\)|[a-zA-Z]\.\s|\(?[ivxIVX]{1,5}\)|[ivx]{1,5}\.\s|\d{1,3}(?:\.\d{1,2})*(?:[.)]\s|\s+(?=[A-Z]))|\(Item\s+\d+\)"
    r"|RESOLVED|Resolved|AGREED|DECIDED|RECOMMENDED)"
)
_HARD_MARKER_RE = re.compile(r"^(?:\(Item\s+\d+\)|RESOLVED|AGREED|DECIDED|RECOMMENDED)")
_END_PUNCT = tuple(".:;!?")
_DANGLING_RE = re.compile(r"\b(?:the|a|an|of|to|and|or|in|for|with|by|on|at|from|as|that|which|their|its|our|was|were|is|are|be)$")
_SPACES_RE = re.compile(r" {2,}")


@dataclass
class Normalised:
    text: str
    # anchors[i] = (output offset, source offset): output runs map linearly from each anchor.
    anchors: list[tuple[int, int]] = field(default_factory=list)

    def to_source(self, offset: int) -> int:
        i = bisect_right(self._outs, offset) - 1
        if i < 0:
            return 0
        out, src = self.anchors[i]
        return src + (offset - out)

    @property
    def _outs(self) -> list[int]:
        outs = getattr(self, "_cached_outs", None)
        if outs is None or len(outs) != len(self.anchors):
            outs = [a[0] for a in self.anchors]
            object.__setattr__(self, "_cached_outs", outs)
        return outs


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.length = 0

    def add(self, text: str, source_offset: int) -> None:
        if text:
            self.anchors.append((self.length, source_offset))
            self.parts.append(text)
            self.length += len(text)

    def result(self) -> Normalised:
        return Normalised("".join(self.parts), self.anchors)


@dataclass
class _Line:
    start: int  # source offset of the first kept character
    text: str   # stripped text (runs of spaces intact; collapsed on output)
    bullet: bool = False


def _split_lines(text: str) -> list[_Line | None]:
    """Stripped lines with source offsets; None for a blank line."""
    lines: list[_Line | None] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lines.append(_Line(pos + (len(raw) - len(raw.lstrip())), stripped))
        else:
            lines.append(None)
        pos += len(raw) + 1
    return lines


def _strip_bullet(line: _Line) -> _Line:
    if _LONE_GLYPH_RE.match(line.text):
        return _Line(line.start, "", bullet=True)
    m = _BULLET_RE.match(line.text)
    if m and m.end() < len(line.text):
        return _Line(line.start + m.end(), line.text[m.end():], bullet=True)
    return line


def _continues(prev: str, nxt: _Line, wrap_width: int) -> bool:
    """Is `nxt` the hard-wrapped continuation of the line ending with `prev`?"""
    if nxt.bullet or _HARD_MARKER_RE.match(nxt.text):
        return False
    if prev.endswith(",") or _DANGLING_RE.search(prev):
        return True  # a sentence cannot stop on "the", "of", "held on", ...
    if _MARKER_RE.match(nxt.text):
        return False
    first = nxt.text[0]
    ends_sentence = prev.endswith(_END_PUNCT) or prev.endswith(":-")
    if first.islower():
        return not prev.endswith(":") and not prev.endswith(":-")
    if ends_sentence:
        return False
    # A long line that stops without punctuation was wrapped; a short one is a heading or a title.
    return wrap_width >= 50 and len(prev) >= 0.6 * wrap_width


def _logical_lines(lines: list[_Line | None]) -> list[list[_Line] | None]:
    """Group physical lines into logical ones (None = paragraph break)."""
    out: list[list[_Line] | None] = []
    block: list[_Line] = []
    pending_bullet: _Line | None = None

    def flush_block() -> None:
        nonlocal block
        if block:
            out.extend(_join_block(block))
            block = []

    for line in lines:
        if line is None:
            if pending_bullet is None:
                flush_block()
                out.append(None)
            continue
        line = _strip_bullet(line)
        if line.bullet and not line.text:
            pending_bullet = line  # the glyph sits alone; its text is on the next line
            continue
        if pending_bullet is not None:
            line = _Line(line.start, line.text, bullet=True)
            pending_bullet = None
        block.append(line)
    flush_block()
    return out


def _wrap_width(block: list[_Line]) -> int:
    """Typical length of a full line in this block (upper quartile), the page's wrap width."""
    lengths = sorted(len(line.text) for line in block)
    return lengths[(3 * len(lengths)) // 4] if len(lengths) > 1 else 0


def _join_block(block: list[_Line]) -> list[list[_Line]]:
    wrap_width = _wrap_width(block)
    logical: list[list[_Line]] = []
    for line in block:
        if logical and _continues(logical[-1][-1].text, line, wrap_width):
            logical[-1].append(line)
        else:
            logical.append([line])
    return logical


def _emit_line(builder: _Builder, parts: list[_Line]) -> None:
    if parts[0].bullet:
        builder.add(BULLET, parts[0].start)
    for k, part in enumerate(parts):
        if k:
            builder.add(" ", part.start)
        _emit_collapsed(builder, part)


def _emit_collapsed(builder: _Builder, part: _Line) -> None:
    pos = 0
    for m in _SPACES_RE.finditer(part.text):
        builder.add(part.text[pos:m.start() + 1], part.start + pos)
        pos = m.end()
    builder.add(part.text[pos:], part.start + pos)


def _rejoin_across_blanks(logical: list[list[_Line] | None]) -> list[list[_Line] | None]:
    """A paragraph that starts in lower case after one that stops mid-sentence is its continuation
    (web pages that wrap a clause into a new <p>)."""
    out: list[list[_Line] | None] = []
    last: list[_Line] | None = None
    for entry in logical:
        if entry is not None and last is not None and out and out[-1] is None and not entry[0].bullet:
            first, prev = entry[0].text, last[-1].text
            if first[0].islower() and not prev.endswith(_END_PUNCT) and not _MARKER_RE.match(first):
                while out and out[-1] is None:
                    out.pop()
                last.extend(entry)
                continue
        out.append(entry)
        if entry is not None:
            last = entry
    return out


def normalise(text: str) -> Normalised:
    text = text.replace("\r\n", " \n").replace("\r", "\n").translate(_SAME_LENGTH)
    builder = _Builder()
    blank_pending = False
    for logical in _rejoin_across_blanks(_logical_lines(_split_lines(text))):
        if logical is None:
            blank_pending = builder.length > 0
            continue
        if builder.length:
            builder.add("\n\n" if blank_pending else "\n", logical[0].start)
        blank_pending = False
        _emit_line(builder, logical)
    return builder.result()
