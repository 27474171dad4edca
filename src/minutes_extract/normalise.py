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

from .matching.searches import line_start_search

BULLET = "• "
# Characters replaced one-for-one (keeps offsets): spaces of all kinds, tabs, zero-width marks.
_SAME_LENGTH = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\t": " ", "\u200b": " ", "\ufeff": " ", "\u200e": " ", "\u200f": " ", "\x0c": "\n", "\x0b": "\n",
    "\u2028": "\n", "\u2029": "\n",
})
_SAME_LENGTH_CHARS = [chr(code) for code in _SAME_LENGTH]
_GLYPHS = "✔✓✘✗·•▪\uf0b7●◦‣∙■□➢►▸\uf0a7\uf076\uf0d8Ø§*"
_BULLET_FIRSTS = frozenset(_GLYPHS + "-–o>")  # a line starting otherwise is no bullet: no regex needed
# A bullet: a glyph (or a lone "-", "–", "o" used as one) followed by space or end of line; an email's quoted
# line ("> Children are seen regularly.") is one too, when words follow (not "> 90%").
_BULLET_RE = re.compile(rf"^(?:[{re.escape(_GLYPHS)}]|[-–o](?=\s)|>(?=[ ]+[\"“‘A-Za-z]))\s*")
_LONE_GLYPH_RE = re.compile(rf"^(?:[{re.escape(_GLYPHS)}]|[-–o])$")
# Lines that always start a new logical line: list markers and printed-minutes item markers.
_MARKER_RE = re.compile(
    r"^(?:\(?[a-zA-Z]\)|[a-zA-Z]\.\s|\(?[ivxIVX]{1,5}\)|[ivx]{1,5}\.\s|\d{1,3}(?:\.\d{1,2})*(?:[.)]\s|\s+(?=[A-Z]))|\(Item\s+\d+\)"
    r"|(?!(?:19|20)\d\d\b)\d{4}\.\s+(?=[A-Z])"  # a four-figure minute number ("2462. Declarations"), not a year
    r"|RESOLVED|Resolved|AGREED|DECIDED|RECOMMENDED"
    r"|(?:Agenda\s+)?(?:Item|ITEM|Minute|MINUTE)\s*[-–:]?\s*(?:No\.?\s*)?\d{1,4}\b|\d{1,2}/\d{1,2}/\d{2,4}\s*[-–]\s)"
)
# A line opening with an item label ("Item 4 - Taxi licensing", "Minute 18") is a title: a capitalised line
# after it is the item's body, not the title's continuation.
_ITEM_LABEL_RE = re.compile(r"^(?:Agenda\s+)?(?:Item|ITEM|Minute|MINUTE)\s*[-–:]?\s*(?:No\.?\s*)?\d{1,4}\b"
                            # a running minute code ("2026/031 Title", "CYP 41/24 Title"), not a financial year
                            r"|^(?:[A-Z]{1,5}[/ .]?)?(?!(?:19|20)\d\d/(?:\d\d|\d{4})\b)\d{1,4}/\d{2,4}\s+(?=[A-Z])")
_HARD_MARKER_RE = re.compile(r"^(?:\(Item\s+\d+\)|RESOLVED|AGREED|DECIDED|RECOMMENDED)")
# A line opening with a body and its decision in capitals ("Councillors RESOLVED:-", "The Sub-Committee AGREED")
# starts a decision, never the tail of the heading above it.
_SUBJECT_DECIDED_RE = re.compile(r"^(?:[A-Z][\w'’-]*\s+){1,3}(?:RESOLVED|AGREED|DECIDED)\b")
# A line ending on an auxiliary ("... at its meeting on 13 November the Cabinet had") reports another body's
# decision: the "RESOLVED" on the next line is the same sentence, not this meeting's decision.
_REPORTED_TAIL_RE = re.compile(r"\b(?:had|has|have|having|been|previously|already)$")
# Clause markers ("(1)", "1)", "(a)", "a)", "(i)", "i.", "1.") followed by a space: a clause of a decision or
# a list entry always starts its own line, even after "and" or a comma ("That\n(1) ... ; and\n(2) ...").
_CLAUSE_MARKER_RE = re.compile(r"^(?:\((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)|(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])\s")
# "18." may also be a number ending a wrapped sentence ("... rose to\n18. Inspectors ..."): a marker only as
# "1." or as the next number of a clause already in the block.
_NUMBER_MARKER_RE = re.compile(r"^(\d{1,3})\.\s")
# An agenda description ("To consider a report of ...") starts its own line under the item's title.
_DESCRIPTION_START_RE = re.compile(r"^To [a-z]+\b|^(?:Joint )?Report (?:of|by) (?:the )?[A-Z]")  # ("Report of the Director" under a title)
# A line that ends with a document link's size ("... PDF 1 MB") is a title: the next line is not its continuation.
_LINK_END_RE = re.compile(r"\b(?:PDF|DOCX?|DOTX?|XLSX?|PPTX?|ODT|RTF|CSV)\s+\d+(?:\.\d+)?\s*[KMG]B\.?$"
                          r"|\(\d+(?:\.\d+)?\s*[KMG]B\)$|\(\d{1,2}:\d{2}(?:[.:]\d{2})?\)$", re.I)
# A field line of a decision or issue page ("Decision Maker: Cabinet", "Is Key decision?: Yes"): a short label
# and a colon; it never continues the title line above it.
_FIELD_LINE_RE = re.compile(r"^[A-Z][A-Za-z]*(?: [A-Za-z]+){0,4}\??:(?:\s|$)")
# A header line of a meeting page, whole by its shape: a council's or body's name (two or more capitalised words
# ending in its noun, maybe after a Welsh name and "/"), a date alone (maybe with its weekday and time), or the
# meeting line of an item page ("... (Item 6.)").
_HEADER_LINE_RE = re.compile(
    r"^(?:[^/]{3,80}\s/\s*)?(?:The\s+)?(?:[A-Z][\w’'&-]*,?\s+(?:(?:and|of|for|upon|on|the|&)\s+)*){1,8}"
    r"(?:Council|Authority|Committee|Sub-Committee|Panel|Board|Cabinet|Executive|Commission|Forum|Partnership)$"
    r"|^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December),?\s+\d{4}"
    r"(?:,?\s+(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?)?$"
    r"|.*\((?:Agenda\s+)?Item\s+\d{1,3}[A-Za-z]?\.?\)$")
_END_PUNCT = tuple(".:;!?")
_CLOSING_QUOTES = tuple("\"'”’")
# The word must stand alone: "Call-in" ends a heading, not a sentence on "in".
_DANGLING_RE = re.compile(r"(?<![\w-])(?:the|a|an|of|to|and|or|in|for|with|by|on|at|from|as|that|which|their|its|our|was|were|is|are|be)$")
_DANGLING_TAIL = 5  # its longest word: only the end of a line needs searching
_SPACES_RE = re.compile(r" {2,}")
# No printed page wraps its lines this long: a block whose full lines are longer holds one paragraph per line
# (a web page's text), and a capitalised line after an unstopped one starts anew.
_LONGEST_WRAP_WIDTH = 150
# Words that in capitals open a sentence, never a wrapped tail (names and acronyms may be either).
_SENTENCE_OPENERS = frozenset("The This These Those There They We He She It Its Our Their His Her".split())
_LONGER_BY = 1.15  # a margin for a proportional font's narrow letters
_FITS_WELL_WITHIN = 0.75


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


class _Line:
    __slots__ = ("start", "text", "bullet", "own_line")

    def __init__(self, start: int, text: str, bullet: bool = False) -> None:
        self.start = start    # source offset of the first kept character
        self.text = text      # stripped text (runs of spaces intact; collapsed on output)
        self.bullet = bullet
        self.own_line = False  # a table cell put on a line of its own: never a wrapped line's continuation


def _strip_bullet(line: _Line) -> _Line:
    if _LONE_GLYPH_RE.match(line.text):
        return _Line(line.start, "", bullet=True)
    m = _BULLET_RE.match(line.text)
    if m and m.end() < len(line.text):
        return _Line(line.start + m.end(), line.text[m.end():], bullet=True)
    return line


_COLUMN_GAP_RE = re.compile(r"\S {3,}\S")  # a gap between two table columns
_KEY_VALUE_ROW_RE = re.compile(r"^[A-Z][^:.;!?]{2,120}:\s+[^:.;!?]{1,60}$")  # a label, then a short value (a grade, a date)
_NAME_DASH_ROW_RE = re.compile(r"^[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,4}\s+[-–—]\s+\S")  # "Ashgrove - retained its rating"


def _clause_start(text: str, numbers: set[int]) -> bool:
    """Does `text` open a clause? `numbers`: the "N." clause numbers already opened in the block."""
    if not _CLAUSE_MARKER_RE.match(text):
        return False
    number = _NUMBER_MARKER_RE.match(text)
    return number is None or int(number.group(1)) == 1 or int(number.group(1)) - 1 in numbers


def _continues(prev: str, nxt: _Line, wrap_width: int, numbers: frozenset[int] | set[int] = frozenset(),
               after: _Line | None = None, prev_bullet: bool = False) -> bool:
    """Is `nxt` the hard-wrapped continuation of the line ending with `prev`? (`after`: the line after `nxt`;
    `prev_bullet`: whether `prev` belongs to a bullet.)"""
    if nxt.bullet or nxt.own_line or _clause_start(nxt.text, numbers):
        return False
    if _HARD_MARKER_RE.match(nxt.text) or _SUBJECT_DECIDED_RE.match(nxt.text):
        return bool(_REPORTED_TAIL_RE.search(prev))  # a decision starts a line, unless "... the Cabinet had\nRESOLVED"
    if "|" in nxt.text and prev.count("|") == nxt.text.count("|"):
        return False  # rows of a table pasted with "|" between cells stay rows
    if "   " in nxt.text and "   " in prev and _COLUMN_GAP_RE.search(nxt.text) and _COLUMN_GAP_RE.search(prev):
        return False  # rows of a table laid out in space-aligned columns stay rows
    if _KEY_VALUE_ROW_RE.match(prev) and _KEY_VALUE_ROW_RE.match(nxt.text):
        return False  # rows of a list of "Label: short value" ("How well ... protected: Good") stay rows
    if _NAME_DASH_ROW_RE.match(prev) and _NAME_DASH_ROW_RE.match(nxt.text):
        return False  # rows of a list of "Name - status" ("Fernleigh - improved to Outstanding (2025)") stay rows
    if _LINK_END_RE.search(prev, max(0, len(prev) - 20)):
        return False
    if prev.endswith(",") or _DANGLING_RE.search(prev, len(prev) - _DANGLING_TAIL):
        return True  # a sentence cannot stop on "the", "of", "held on", ...
    if _heading_before_body(nxt, after, wrap_width):
        return False
    if _MARKER_RE.match(nxt.text) or _FIELD_LINE_RE.match(nxt.text) or _DESCRIPTION_START_RE.match(nxt.text):
        return False
    if _HEADER_LINE_RE.match(nxt.text):
        return False  # a page's header lines (the council, the body, the date, the meeting line) are lines of their own
    first = nxt.text[0]
    ends_sentence = prev.endswith(_END_PUNCT) or prev.endswith(":-") \
        or prev.endswith(_CLOSING_QUOTES) and prev[:-1].endswith(_END_PUNCT)  # a quotation's sentence ('... account."')
    if first.islower():
        return not prev.endswith(":") and not prev.endswith(":-")
    if ends_sentence:
        return False
    if _ITEM_LABEL_RE.match(prev):
        return False
    if _in_capitals(prev) and not _in_capitals(nxt.text):
        return False  # a title in capitals ("48/22 REVIEW OF A LICENCE") ends where mixed-case text starts
    # A long line that stops without punctuation was wrapped; a short one is a heading or a title.
    if not (wrap_width >= 50 and len(prev) >= 0.6 * wrap_width) or max(wrap_width, len(prev)) > _LONGEST_WRAP_WIDTH:
        return False
    # Wrapping moves a word down only when it would not fit: if the next line's first word fits well within
    # the page's typical full line after `prev`, `prev` was ended on purpose ("2462. Declarations of interest").
    # (Well within: characters are no measure of width in a proportional font.)
    first_word = nxt.text.split(" ", 1)[0]
    if first_word in _SENTENCE_OPENERS:
        return False  # "The", "They", "This" in capitals open a sentence: no wrap puts them mid-sentence
    if prev_bullet and first.isupper() and len(nxt.text) > _LONGER_BY * (len(prev) + 1 + len(first_word)):
        return False  # a bullet's line, then a longer line: the longer line's first word would have fitted
    return not first.isupper() or len(prev) + 1 + len(first_word) > _FITS_WELL_WITHIN * wrap_width


def _heading_before_body(line: _Line, after: _Line | None, wrap_width: int) -> bool:
    """Is `line` a heading (short, capitalised, no closing punctuation) with body text starting on the next
    line? Then it is no tail of the line above ("Members present: ...", "Apologies for absence", "Apologies
    were received ...")."""
    text = line.text
    if after is None or line.bullet or not text[0].isupper() or len(text) >= 0.6 * wrap_width:
        return False
    if text.endswith(_END_PUNCT) and not _question_heading(text) or text.endswith(",") or ". " in text \
            or _DANGLING_RE.search(text, max(0, len(text) - _DANGLING_TAIL)):
        return False
    return after.text[0].isupper() and len(after.text) > len(text)


_QUESTION_HEADING_WORDS = 8


def _question_heading(text: str) -> bool:
    """A short question on a line of its own heads what follows ("What is working well?", "What are we
    worried about?"); with no blank line above it, it is still no tail of the bullet before it."""
    return text.endswith("?") and len(text.split()) <= _QUESTION_HEADING_WORDS


def _in_capitals(text: str) -> bool:
    """Two or more words and every letter a capital."""
    return text.isupper() and " " in text.strip()


# Page furniture of printed (PDF) minutes: a page number line ("Page 3 of 9", "- 4 -", "12") and the running
# header or footer beside it ("Cabinet - 14 May 2026"). It is no text of the minutes: left inside a decision
# it splits the decision's sentence ("... subject to / Cabinet - 14 May 2026 / Page 3 / the completion ...").
_PAGE_LABEL_RE = re.compile(r"^(?:Page|PAGE)\s+\d{1,4}(?:\s+(?:of|OF)\s+\d{1,4})?$")
# A footer row with other cells beside its page label, set apart by wide gaps ("Page 1 of 2      OFFICIAL").
_PAGE_LABEL_CELL_RE = re.compile(r"^(?:Page|PAGE)\s+\d{1,4}(?:\s+(?:of|OF)\s+\d{1,4})?\s{3,}\S|\S\s{3,}(?:Page|PAGE)\s+\d{1,4}(?:\s+(?:of|OF)\s+\d{1,4})?$")
_PAGE_NUMBER_RE = re.compile(r"^(?:-\s*\d{1,4}\s*-|\d{1,3})$")
# A running header and its page number on one row, set apart by a wide gap or a bar/dash
# ("Southvale County Council          Page 5", "Page 5 | Cabinet - 4 May 2026").
_SHARED_PAGE_RE = re.compile(r"^(?:[^.;:!?]{3,80}?(?:\s{2,}|\s+[|–—-]\s+))?(?:Page|PAGE)\s+\d{1,4}(?:\s+(?:of|OF)\s+\d{1,4})?"
                             r"(?:(?:\s{2,}|\s+[|–—-]\s+)[^.;:!?]{3,80})?$")
# A running header names a date ("4 February 2026", "14/05/2026"); a line opening with an item code is a title.
_HEADER_DATE_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d\d\b|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b")
_HEADER_MAX_WORDS = 14  # words, not dashes
_FURNITURE_REACH = 2  # header/footer lines looked for on each side of a page number
_RUNNING_TEXT_CHARS = 40  # a page break interrupts running text, whose lines are long


def _page_furniture(rows: list[str]) -> set[int]:
    """Indices of page-furniture rows: every "Page N (of M)" line and a bare page number where it interrupts a
    sentence or a clause list (the text before it stops without a full stop, the text after it goes on in
    lower case or with a clause marker), each with the dated or repeated header/footer lines beside it."""
    drop: set[int] = set()
    repeated = None
    for i, row in enumerate(rows):
        # a footer with cells beside its page label, or a running header sharing the page number's row
        footer = ("Page" in row or "PAGE" in row) and bool(_PAGE_LABEL_CELL_RE.search(row) or _SHARED_PAGE_RE.match(row))
        if not footer and (not row or len(row) > 16 or not (row[0].isdigit() or row[0] in "-Pp")):
            continue
        labelled = footer or bool(_PAGE_LABEL_RE.match(row))
        if not labelled and not _PAGE_NUMBER_RE.match(row):
            continue
        if repeated is None:
            counts: dict[str, int] = {}
            for r in rows:
                if r:
                    counts[r] = counts.get(r, 0) + 1
            repeated = {r for r, n in counts.items() if n > 1}
        group = [i] + _header_rows(rows, i, -1, repeated) + _header_rows(rows, i, 1, repeated)
        if labelled or _interrupts(rows, min(group), max(group)):
            drop.update(group)
    running = {rows[i] for i in drop if repeated and rows[i] in repeated and not _PAGE_LABEL_RE.match(rows[i])}
    if running:  # a running header found beside one page number is furniture on every page, the first one too
        drop.update(i for i, row in enumerate(rows) if row in running)
    return drop


def _header_rows(rows: list[str], i: int, step: int, repeated: set[str]) -> list[int]:
    """The running header/footer rows next to the page number on row i, looking up (step -1) or down (+1)."""
    found, k, seen = [], i + step, 0
    while 0 <= k < len(rows) and seen < _FURNITURE_REACH:
        row = rows[k]
        if row:
            seen += 1
            if not (sum(w[0].isalnum() for w in row.split()) <= _HEADER_MAX_WORDS and not row.endswith(_END_PUNCT + (",",))
                    and not _MARKER_RE.match(row) and (_HEADER_DATE_RE.search(row) or row in repeated)):
                break
            found.append(k)
        k += step
    return found


def _interrupts(rows: list[str], first: int, last: int) -> bool:
    """Does the text run on across rows first..last: the row before stops mid-sentence or mid-list and the row
    after continues in lower case or with a clause marker?"""
    if first == last and 0 < first and not rows[first - 1] and last + 1 < len(rows) and rows[last + 1]:
        return False  # a figure over its caption ("38" / "new foster carers approved"), set apart above only
    before = next((rows[k] for k in range(first - 1, -1, -1) if rows[k]), "")
    after = next((rows[k] for k in range(last + 1, len(rows)) if rows[k]), "")
    if len(before) < _RUNNING_TEXT_CHARS or not after or before.endswith((".", ":", "!", "?")):
        return False  # (a short line before a number is a table's label over its value: "Children in care", "480")
    return after[0].islower() or bool(_CLAUSE_MARKER_RE.match(after))


_PAGE_NUMBER_LINE = r"[ \t]*(?:Page[ \t]+\d|PAGE[ \t]+\d|-[ \t]*\d{1,4}[ \t]*-[ \t]*$|\d{1,3}[ \t]*$)"
# (a search for "^" tries every character of the text: a tenth of a short document's normalising)
_HAS_PAGE_NUMBER_LINE = line_start_search(re.compile("^" + _PAGE_NUMBER_LINE, re.M))
_PAGE_BESIDE_RE = re.compile(r"(?:[ \t]{2,}|[ \t][|–—-][ \t])(?:Page|PAGE)[ \t]+\d")  # "Council    Page 5"


def _has_page_number(text: str) -> bool:
    # the "beside" search tries every gap of the text: only where a page label can be at all
    return _HAS_PAGE_NUMBER_LINE(text) or (
        ("Page" in text or "PAGE" in text) and bool(_PAGE_BESIDE_RE.search(text)))


def _logical_lines(text: str, own_lines: frozenset[int] | set[int] = frozenset()) -> list[list[_Line] | None]:
    """The stripped physical lines, with their source offsets, grouped into logical lines (None = a
    paragraph break); page furniture is left out. `own_lines`: offsets where a line starts that continues none."""
    out: list[list[_Line] | None] = []
    block: list[_Line] = []
    pending_bullet = False
    pos = 0
    raws = text.split("\n")
    furniture = _page_furniture([raw.strip() for raw in raws]) if _has_page_number(text) else ()
    for index, raw in enumerate(raws):
        start, pos = pos, pos + len(raw) + 1
        if index in furniture:
            continue
        stripped = raw.strip()
        if not stripped:
            if not pending_bullet:
                if block:
                    out.extend(_join_block(block))
                    block = []
                out.append(None)
            continue
        line = _Line(start + raw.find(stripped), stripped)  # (found right after the leading whitespace)
        if own_lines and start in own_lines:
            line.own_line = True
        if stripped[0] in _BULLET_FIRSTS:  # otherwise it is no bullet: no regex needed
            line = _strip_bullet(line)
            if line.bullet and not line.text:
                pending_bullet = True  # the glyph sits alone; its text is on the next line
                continue
        if pending_bullet:
            line.bullet = True
            pending_bullet = False
        block.append(line)
    if block:
        out.extend(_join_block(block))
    return out


def _wrap_width(block: list[_Line]) -> int:
    """Typical length of a full line in this block (upper quartile), the page's wrap width."""
    lengths = sorted(len(line.text) for line in block)
    return lengths[(3 * len(lengths)) // 4] if len(lengths) > 1 else 0


def _join_block(block: list[_Line]) -> list[list[_Line]]:
    if len(block) == 1:
        return [block]
    wrap_width = _wrap_width(block)
    logical: list[list[_Line]] = []
    numbers: set[int] = set()  # "N." clause numbers that open logical lines of this block
    for k, line in enumerate(block):
        after = block[k + 1] if k + 1 < len(block) else None
        if logical and _continues(logical[-1][-1].text, line, wrap_width, numbers, after, logical[-1][0].bullet):
            logical[-1].append(line)
            continue
        logical.append([line])
        number = _NUMBER_MARKER_RE.match(line.text)
        if number:
            numbers.add(int(number.group(1)))
    return logical


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


def _tab_tables_to_pipes(text: str, own_lines: set[int] | None = None) -> str:
    """A block of lines with two or more tab-separated cells each is a pasted table: its tabs become "|" (one
    for one, offsets kept) so its rows stay rows and its cells stay cells. A block whose first cells are numbers
    is a numbered list laid out with tabs (an agenda), left to the item reader."""
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and len(_TAB_CELL_RE.findall(lines[end])) >= 2:
            end += 1
        block = lines[k:end]
        if len(block) >= 3 and _DECISION_COLUMN_RE.search(block[0]) and all(
                _CODE_CELL_RE.match(line) for line in block[1:]):
            lines[k:end] = [block[0].replace("\t", " ")] + [_item_row_lines(line) for line in block[1:]]
            if own_lines is not None:  # each row and each of its later cells start lines of their own
                offset = sum(len(line) + 1 for line in lines[:k]) + len(lines[k]) + 1
                for row in lines[k + 1:end]:
                    own_lines.update([offset] + [offset + m.end() for m in _LINE_BREAK_RE.finditer(row)])
                    offset += len(row) + 1
        elif len(block) >= 2 and not any(_NUMBER_CELL_RE.match(line) for line in block):
            lines[k:end] = [line.replace("\t", "|") for line in block]
        k = max(end, k + 1)
    return "\n".join(lines)


def _menu_line_to_pipes(lines: list[str]) -> None:
    """A site's menu copied with a page ("About us   Our services   Work for us   Contact us"): one line near the top,
    alone (no wide gaps in the lines beside it), of three or more short capitalised links set apart by wide gaps.
    Its gaps become " |" (offsets kept), so it reads as the site's furniture, as a breadcrumb does."""
    for k in range(min(len(lines), _MENU_REACH)):
        cells = _SPACE_GAP_RE.split(lines[k].strip())
        if len(cells) >= 3 and all(_MENU_CELL_RE.match(c) for c in cells) \
                and not any(_SPACE_GAP_RE.search(lines[j]) for j in (k - 1, k + 1) if 0 <= j < len(lines)):
            lines[k] = _SPACE_GAP_RE.sub(lambda m: " |" + m.group()[2:], lines[k])


_MENU_REACH = 12  # lines at a page's top where its site menu stands
_MENU_CELL_RE = re.compile(r"^[A-Z][\w’'&-]*(?: [\w’'&-]+){0,3}$")  # "Work for us", "A-Z of services"


def _space_tables_to_pipes(text: str) -> str:
    """A run of two or more lines each with three or more cells set apart by wide gaps of spaces is a plain-text
    table (an inspection history: "2022    ILACS short inspection    Requires improvement"): the first space of
    each gap becomes "|" after a space (offsets kept), as tab tables do, so its cells stay cells."""
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and len(_SPACE_GAP_RE.findall(lines[end])) >= 2:
            end += 1
        if end - k >= 2 and not any(_NUMBER_CELL_RE.match(line.replace("   ", "\t", 1)) for line in lines[k:end]):
            # its column headings over an empty corner ("        Quarter 2    Quarter 3"), in the run or just
            # above it, are a row too, whose first cell is empty
            first = k - 1 if k > 0 and _corner_heading(lines[k - 1], lines[k]) else k
            for i in range(first, end - 1):  # (a second heading row of units: "       £000    £000")
                if _corner_heading(lines[i], lines[i + 1]):
                    lines[i] = _CORNER_RE.sub(lambda m: "|" + m.group()[1:], lines[i])
            lines[first:end] = [_SPACE_GAP_RE.sub(lambda m: " |" + m.group()[2:], line) for line in lines[first:end]]
        k = max(end, k + 1)
    _menu_line_to_pipes(lines)
    return "\n".join(lines)


_SPACE_GAP_RE = re.compile(r"(?<=\S) {3,}(?=\S)")  # a wide gap between two cells' text
_CORNER_RE = re.compile(r"^ {8,}(?=\S)")  # a heading row's indent over the row labels


def _corner_heading(line: str, first_row: str) -> bool:
    """A line of column headings over a space-laid table, indented over the row labels: one cell short of the
    row under it."""
    return bool(_CORNER_RE.match(line)) and len(_SPACE_GAP_RE.findall(line)) + 1 == len(_SPACE_GAP_RE.findall(first_row))


def _dot_leaders_to_pipes(text: str) -> str:
    """A report card's "Label ........ Value" lines (a run of leader dots between two cells' text, on two or more
    lines in a row) are rows of a two-cell table: the dots become " |" and spaces (offsets kept), as a table's tabs
    do. A line alone keeps its dots."""
    lines = text.split("\n")
    led = [bool(_DOT_LEADER_RE.search(line)) for line in lines]
    for k, line in enumerate(lines):
        if led[k] and (k > 0 and led[k - 1] or k + 1 < len(lines) and led[k + 1]):
            lines[k] = _DOT_LEADER_RE.sub(lambda m: " |" + " " * (len(m.group()) - 2), line)
    return "\n".join(lines)


_DOT_LEADER_RE = re.compile(r"(?<=\S) ?\.{4,} ?(?=\S)")  # "... people ........ Good" (never an ellipsis's three dots)


def _markdown_markup_to_spaces(text: str) -> str:
    """A page saved as Markdown ("# Title", "**bold**", "[link](/url)", "| a | b |" over "|---|---|"): its markup
    becomes spaces (offsets kept), leaving the words, and a table's rows the "a | b" rows tab tables make. Done
    only where the text has Markdown headings, so a "*" or "#" in plain minutes is left alone."""
    text = _MARKDOWN_LINK_RE.sub(lambda m: " " + m.group(1) + " " * (len(m.group()) - len(m.group(1)) - 1), text)
    text = _MARKDOWN_HEADING_RE.sub(lambda m: " " * len(m.group()), text)
    text = _MARKDOWN_RULE_ROW_RE.sub(lambda m: " " * len(m.group()), text)  # (with its line break: the heading row
    # stays over the rows)
    text = _MARKDOWN_ROW_EDGE_RE.sub(lambda m: " " * len(m.group()), text)
    text = text.replace("**", "  ").replace("__", "  ")
    return _MARKDOWN_EMPHASIS_RE.sub(lambda m: " " + m.group(1) + " ", text)  # "*Published 4 May 2026*"


_MARKDOWN_HEADING_RE = re.compile(r"(?m)^#{1,6}[ ]+(?=\S)")
_MARKDOWN_EMPHASIS_RE = re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]{1,200}?)(?<=\S)[*_](?![\w*])")
_MARKDOWN_LINK_RE = re.compile(r"\[([^\]\n]{1,200})\]\([^)\s]{0,300}\)")
_MARKDOWN_RULE_ROW_RE = re.compile(r"(?m)\n[ ]*\|?[ ]*:?-{3,}:?[ ]*(?:\|[ ]*:?-{3,}:?[ ]*)+\|?[ ]*$")
_MARKDOWN_ROW_EDGE_RE = re.compile(r"(?m)^[ ]*\|[ ]?(?=\S.*\|[ ]*$)|(?<=\S)[ ]?\|[ ]*$")


def _item_row_lines(row: str) -> str:
    """A row of a table of items with a decision column ("12<tab>Title<tab>Presenter<tab>Outcome"): the number
    and title become the item's line, each later cell a line under it, the decision last (the first tab of a
    run made a line break, the others spaces: offsets kept)."""
    gaps = list(_CELL_GAP_RE.finditer(row.rstrip()))
    out, pos = [], 0
    for k, gap in enumerate(gaps):
        out.append(row[pos:gap.start()])
        out.append(" " * len(gap.group()) if k == 0 else "\n" + " " * (len(gap.group()) - 1))
        pos = gap.end()
    out.append(row[pos:])
    return "".join(out)


_BARE_PIPE_RE = re.compile(r"\S\||\|\S")  # a cell separator without spaces (a tab made "|")
_TAB_CELL_RE = re.compile(r"\S[ ]*\t+[ ]*(?=\S)")  # a tab between two cells' text
_NUMBER_CELL_RE = re.compile(r"^\s*\(?\d{1,3}[.)]?\s*\t")
# A table of items whose last column holds each item's decision: its header row ("Item | Subject | Outcome",
# "Min. No. | Subject | Resolution") and rows that open with an item's number or minute code ("JWC/19").
_DECISION_COLUMN_RE = re.compile(r"\t[ ]*(?:Outcomes?|Resolutions?|Resolved|Decisions?(?: taken| made)?|Decision\(s\)"
                                 r"|Conclusions?|Actions? agreed)[ ]*:?[ ]*$", re.I)
_CELL_GAP_RE = re.compile(r"\t+")
_LINE_BREAK_RE = re.compile(r"\n")
_CODE_CELL_RE = re.compile(r"^\s*\(?(?:[A-Z]{1,5}[ /.-]?)?\d{1,4}(?:[./]\d{1,4})?[a-z]?[.)]?[ ]*\t+[ ]*\S[^\t]*\t")


def _same_length_fixes(text: str, own_lines: set[int] | None = None) -> str:
    """The one-for-one replacements, made only for the characters present: str.translate walks every
    character through a dict, which costs more than the rest of normalise."""
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    if "\t" in text:
        text = _tab_tables_to_pipes(text, own_lines)
    if "...." in text:
        text = _dot_leaders_to_pipes(text)
    if "   " in text:
        text = _space_tables_to_pipes(text)
    if "#" in text and _MARKDOWN_HEADING_RE.search(text):
        text = _markdown_markup_to_spaces(text)
    for char in _SAME_LENGTH_CHARS:
        if char in text:
            text = text.replace(char, _SAME_LENGTH[ord(char)])
    return text


def _emit(logical_lines: list[list[_Line] | None]) -> Normalised:
    """The output text, one logical line per line and one blank line between paragraphs, with an anchor
    (output offset, source offset) where each piece starts."""
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    length = 0
    blank_pending = False
    for logical in logical_lines:
        if logical is None:
            blank_pending = length > 0
            continue
        first = logical[0]
        if length:
            separator = "\n\n" if blank_pending else "\n"
            anchors.append((length, first.start))
            parts.append(separator)
            length += len(separator)
        blank_pending = False
        if len(logical) == 1 and "  " not in first.text and "|" not in first.text:  # the common case: as it is
            if first.bullet:
                anchors.append((length, first.start))
                parts.append(BULLET)
                length += len(BULLET)
            anchors.append((length, first.start))
            parts.append(first.text)
            length += len(first.text)
        else:
            length = _emit_joined(logical, parts, anchors, length)
    return Normalised("".join(parts), anchors)


def _broken_word(before: str, after: str) -> bool:
    """Is a word hyphenated across a line break (PDF text: "Novem-" / "ber 2025", "assess-" / "ments")? The line
    ends in letters and a hyphen, the next begins in lower case, and the stem is no word that forms compounds
    ("well-" / "coordinated" keeps its hyphen)."""
    before = before.rstrip()
    m = _HYPHEN_END_RE.search(before) if before.endswith("-") else None  # (every match ends the text with "-")
    return bool(m) and after[:1].islower() and m.group(1).lower() not in _COMPOUND_STEMS


_HYPHEN_END_RE = re.compile(r"(?:^|\s)([A-Za-z]{2,})-$")
_COMPOUND_STEMS = frozenset(
    "well self non co multi cross long short full part high low half ex anti pre post over under inter out top "
    "first second third one two three four five six ten year day week month time face wide fast front step mid "
    "sub semi re de pro all up down in on off end age world".split())


def _emit_joined(logical: list[_Line], parts: list[str], anchors: list[tuple[int, int]], length: int) -> int:
    """A logical line's bullet and physical lines, joined by single spaces, runs of spaces collapsed."""

    def add(text: str, source_offset: int) -> None:
        nonlocal length
        if text:
            anchors.append((length, source_offset))
            parts.append(text)
            length += len(text)

    if logical[0].bullet:
        add(BULLET, logical[0].start)
    for k, part in enumerate(logical):
        if k and _broken_word(logical[k - 1].text, part.text):
            joined = parts[-1].rstrip()[:-1]  # "Novem-" + "ber 2025": one word again (the hyphen dropped)
            length -= len(parts[-1]) - len(joined)
            parts[-1] = joined
        elif k:
            add(" ", part.start)
        if "|" in part.text and _BARE_PIPE_RE.search(part.text):  # a row of a tabbed table: cells spaced as " | " so words stay words
            pos = 0
            for k_cell, cell in enumerate(part.text.split("|")):
                if k_cell:
                    add(" | ", part.start + pos - 1)
                lead = len(cell) - len(cell.lstrip())
                add(_SPACES_RE.sub(" ", cell.strip()), part.start + pos + lead)
                pos += len(cell) + 1
            continue
        if "  " not in part.text:
            add(part.text, part.start)
            continue
        pos = 0
        for m in _SPACES_RE.finditer(part.text):
            add(part.text[pos:m.start() + 1], part.start + pos)
            pos = m.end()
        add(part.text[pos:], part.start + pos)
    return length


# Characters that print as nothing inside a word: a soft hyphen (HTML &shy;, PDF text), a word joiner, zero-width
# (non-)joiners. Left in, "safe\u00adguarding" is no word any rule knows; replaced by a space, it becomes two.
_INVISIBLE = "\u00ad\u2060\u200c\u200d"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]+")


def _without_invisible(normalised: Normalised) -> Normalised:
    """The text with invisible in-word characters removed; every kept character still maps to its source."""
    text = normalised.text
    if not any(map(text.__contains__, _INVISIBLE)):  # (a search for the class took ~0.2 ms on a 10 KB text)
        return normalised
    old_outs = normalised._outs
    kept: list[str] = []
    anchors: list[tuple[int, int]] = []
    removed = 0
    start = 0
    for m in _INVISIBLE_RE.finditer(text):
        _keep_run(normalised, old_outs, start, m.start(), removed, kept, anchors)
        removed += m.end() - m.start()
        start = m.end()
    _keep_run(normalised, old_outs, start, len(text), removed, kept, anchors)
    return Normalised("".join(kept), anchors)


def _keep_run(normalised: Normalised, old_outs: list[int], start: int, end: int, removed: int,
              kept: list[str], anchors: list[tuple[int, int]]) -> None:
    """Output characters [start, end) kept, shifted left by the `removed` characters before them: an anchor at the
    run's start, and each old anchor inside the run carried over."""
    if start >= end:
        return
    kept.append(normalised.text[start:end])
    anchors.append((start - removed, normalised.to_source(start)))
    for i in range(bisect_right(old_outs, start), len(old_outs)):
        out, src = normalised.anchors[i]
        if out >= end:
            break
        anchors.append((out - removed, src))


def normalise(text: str) -> Normalised:
    own_lines: set[int] = set()
    fixed = _same_length_fixes(text, own_lines)
    return _without_invisible(_emit(_rejoin_across_blanks(_logical_lines(fixed, own_lines))))
