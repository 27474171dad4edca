"""PDF -> text with pypdfium2: pages in order, hard line breaks kept, page furniture removed.

What is done to pdfium's per-page text, and why:
  * a blank line is put where the vertical gap between two lines is clearly wider than the
    body text's usual line pitch (small print in tables and footnotes does not set it):
    that is where paragraphs and headings end (the normaliser rejoins the remaining hard wraps, so
    it needs these boundaries);
  * the line geometry says what the text alone cannot. A line that reaches the right edge, so
    that the next line's first word could not have fitted, was wrapped: the next line is joined to
    it with a space, even after a full stop where the normaliser would see a paragraph end
    ("... staff." / "(Recruitment ..."); not when the next line starts a list item, a decision or
    "(Item 3)", is in another font, or the full line is spread out (a table row, a contents line);
    across a page only when no sentence ends there. A line with room left for the next line's
    first word ends its paragraph when a long line that starts no further right follows, or a line
    in another font (a heading set close to its text), unless it ends with a comma;
  * repeated page headers/footers (a line in the top or bottom zone of most pages, digits
    ignored: "Kent County Council", "Cabinet - 9 January 2025 3") and page numbers ("12",
    "Page 3 of 10", in sequence) are removed; "(Item 3)" lines are never treated as furniture;
  * pdfium's U+FFFE marks a hyphen ("multi\ufffeagency") -> "-"; a line ending in a soft hyphen
    is joined without it; a word broken after a real hyphen ("multi-" / "agency") is moved up so
    the normaliser cannot put a space inside it;
  * private-use bullet glyphs from Symbol/Wingdings fonts at the start of a line become "• ".
pypdfium2 is not thread-safe: a module lock serialises use inside one process; use processes
for parallelism.
"""
from __future__ import annotations

import math
import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import CorruptInput, EncryptedInput, InputTooLarge, NoText
from .base import Extracted

MAX_PAGES = 5000
EDGE_LINES = 3            # lines at the top/bottom of a page searched for headers/footers
MAX_FURNITURE_CHARS = 150  # a header/footer line is never longer than this
PARAGRAPH_GAP = 1.45      # a gap this many times the usual line pitch ends a block
PITCH_QUANTILE = 0.1      # the usual pitch: wraps inside paragraphs, even where most paragraphs are one line
LONG_LINE = 0.15          # a line ending within this share of the text width from its right edge is long
_LOCK = threading.Lock()

_ITEM_LINE = re.compile(r"^\(?item\s+\d+[a-z]?\)?\.?$", re.I)
_PAGE_WORD = re.compile(r"^(?:page|p\.|pg\.?)\s*(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_PAGE_BARE = re.compile(r"^[-–—(\[]?\s*(\d{1,4})\s*[-–—)\]]?$|^(\d{1,4})\s*(?:of|/)\s*\d{1,4}$", re.I)
_DIGITS = re.compile(r"\d+")
# Lines that start a paragraph of their own even right under a full line: list items, decisions,
# and printed minutes' "(Item 3)" line, which the segmenter reads under its title line.
_STARTS_BLOCK = re.compile(
    r"^(?:[•·]|\(?(?:\d{1,3}(?:\.\d{1,2})*|[a-zA-Z]|[ivxIVX]{1,5})[.)](?:\s|$)|\(Item\s+\d"
    r"|(?:RESOLVED|AGREED|DECIDED|RECOMMENDED)\b)"
)
_ENDS_SENTENCE = re.compile(r"[.!?:;][’'”\")]*$")  # a full last line of a page may end a paragraph
_BULLET_GLYPHS = "\uf0b7\uf06e\uf0a7\uf0d8\uf076\uf0fc\uf0e8\uf0a8\uf02d\uf0be\u25aa\u25fc\u25a0\u25cf\u25e6\u27a2\u25ba\u25b6\u2666\u2756\u2043\u2219\u25cb"
_LEAD_BULLET = re.compile(f"^[{_BULLET_GLYPHS}•·](?:\\s+|$)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HYPHEN_END = re.compile(r"(?<=[A-Za-z]{2})-$")
# pdfium joins a line broken after a hyphen and marks the hyphen U+FFFE. Council PDFs are rarely
# auto-hyphenated, so the hyphen is kept ("multi-agency", "Crow-Brown") unless what follows is a
# bare suffix ("improve-ment", "recommend-ations"): then the word was split, not compounded.
_MARKED_HYPHEN = re.compile(r"(\w?)\ufffe([a-z]+)?")
_SUFFIXES = frozenset(
    "ment ments tion tions sion sions ation ations ing ings ed er ers ly ally ity ities ness ance "
    "ances ence ences able ible ship ships ture tures ive ives ous ised ized isation ization ist ists "
    "ism al ial ic ical age ages ency ful less".split()
)
_NOT_CONTINUATION = frozenset({"and", "or", "nor", "to"})  # "pre-" / "and post-": a real hyphen pair


@dataclass
class Line:
    text: str
    y: float | None = None      # bottom of the first glyph, PDF points (origin at page bottom)
    y_end: float | None = None  # bottom of the last glyph (pdfium joins lines broken at a hyphen)
    break_before: bool = False  # a blank line goes before this line
    x0: float | None = None     # left of the first glyph
    x1: float | None = None     # right of the last glyph
    height: float | None = None  # height of the first glyph's font box: the type size, roughly
    word_width: float | None = None  # width of the first word (would it have fitted above?)
    font_head: tuple | None = None  # (size, weight) of the first glyph's font
    font_tail: tuple | None = None  # (size, weight) of the last word's font (its first glyph: "6th")
    wrapped: bool = False       # the line before was full: this continues it (joined with a space)


def extract_pdf(data: bytes) -> Extracted:
    with _LOCK:
        pages, warnings = _read_pages(data)
    _mark_breaks(pages)
    _clean_lines(pages)
    before = [list(lines) for lines in pages]
    stats = _remove_furniture(pages)
    if not any(pages) and any(before):
        # every line repeats on every page: that is the body, not furniture (a form, a one-line-a-page list)
        pages = before
        stats = _remove_furniture(pages, repeated=False)
        warnings.append("every line repeats on most pages; repeated lines kept as text")
    for lines in pages:
        _tidy_lines(lines)
    _mark_wraps(pages)
    text, offsets = _assemble(pages)
    if not text.strip():
        raise NoText(f"PDF has no text layer ({len(pages)} page(s); scanned images need OCR)")
    meta = {"page_count": len(pages), **stats}
    return Extracted(text=text, pages=offsets, warnings=warnings, meta=meta)


def _read_pages(data: bytes) -> tuple[list[list[Line]], list[str]]:
    pdf = _open(data)
    try:
        count = len(pdf)
        if count > MAX_PAGES:
            raise InputTooLarge(f"PDF has {count} pages (limit {MAX_PAGES})")
        pages, warnings = [], []
        for index in range(count):
            try:
                pages.append(_page_lines(pdf, index))
            except pdfium.PdfiumError as exc:
                pages.append([])
                warnings.append(f"page {index + 1}: text could not be read ({exc})")
        if count and len(warnings) == count:
            raise CorruptInput("PDF pages could not be read: damaged content")
        return pages, warnings
    finally:
        pdf.close()


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedInput("PDF is password-protected") from exc
        raise CorruptInput(f"corrupt or truncated PDF ({_reason(exc)})") from exc


def _reason(exc: Exception) -> str:
    match = re.search(r"PDFium: ([^)]*)", str(exc))
    return match.group(1) if match else str(exc)


def _page_lines(pdf: pdfium.PdfDocument, index: int) -> list[Line]:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        return _with_geometry(textpage, text)
    finally:
        textpage.close()
        page.close()


def _with_geometry(textpage: pdfium.PdfTextPage, text: str) -> list[Line]:
    """Split pdfium's text into lines, each with the position of its first and last glyph."""
    lines, pos = [], 0
    for part in re.split(r"(\r\n|\n|\r)", text):
        if part in ("\r\n", "\n", "\r"):
            pos += len(part)
            continue
        first = next((i for i, ch in enumerate(part) if not ch.isspace()), None)
        if first is None:
            lines.append(Line(part))
        else:
            lines.append(_measured_line(textpage, part, pos, first))
        pos += len(part)
    return lines


def _measured_line(textpage: pdfium.PdfTextPage, part: str, pos: int, first: int) -> Line:
    last = len(part.rstrip()) - 1
    word_end = next((i - 1 for i in range(first, last + 1) if part[i].isspace()), last)
    last_word = next((i for i in range(last, first, -1) if part[i - 1].isspace()), first)
    head, tail = _glyph_box(textpage, pos + first), _glyph_box(textpage, pos + last)
    word = _glyph_box(textpage, pos + word_end) if word_end != last else tail
    line = Line(part, font_head=_glyph_font(textpage, pos + first),
                font_tail=_glyph_font(textpage, pos + last_word))
    if head:
        line.y = line.y_end = head[1]
        line.x0, line.height = head[0], head[3] - head[1]
        if word:
            line.word_width = word[2] - head[0]
    if tail:
        line.x1 = tail[2]
        if "\ufffe" in part:
            line.y_end = tail[1]
    return line


def _glyph_font(textpage: pdfium.PdfTextPage, text_index: int) -> tuple | None:
    """(size, weight) of a glyph's font: a heading in bold or a larger size is not a wrap."""
    char_index = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, text_index)
    if char_index < 0:
        return None
    size = pdfium_c.FPDFText_GetFontSize(textpage, char_index)
    return round(size, 1), pdfium_c.FPDFText_GetFontWeight(textpage, char_index)


def _glyph_box(textpage: pdfium.PdfTextPage, text_index: int) -> tuple[float, float, float, float] | None:
    """(left, bottom, right, top) of a glyph's font box; None for text pdfium generated."""
    char_index = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, text_index)
    if char_index < 0:
        return None
    try:
        return textpage.get_charbox(char_index, loose=True)
    except pdfium.PdfiumError:
        return None


# --- blocks -------------------------------------------------------------------------------------

def _mark_breaks(pages: list[list[Line]]) -> None:
    """Blank lines from pdfium, and wide vertical gaps, start a new block."""
    pitch = _usual_pitch(pages)
    for lines in pages:
        prev_y, pending = None, False
        for line in lines:
            if not line.text.strip():
                pending = True
                continue
            if prev_y is not None and line.y is not None and pitch:
                gap = prev_y - line.y
                pending = pending or gap > PARAGRAPH_GAP * pitch or gap < -pitch
            # "(Item 3)" stays under its title line, as printed minutes set it
            line.break_before = pending and prev_y is not None and not _ITEM_LINE.match(line.text.strip())
            prev_y = line.y_end if line.y_end is not None else prev_y
            pending = False


def _usual_pitch(pages: list[list[Line]]) -> float | None:
    """The body text's line pitch: a low quantile of the gaps between lines in the most common
    type size (wrapped lines inside paragraphs, even where most paragraphs are one line; small
    print in tables and footnotes does not set it)."""
    placed = [[line for line in lines if line.y is not None and line.height and line.text.strip()]
              for lines in pages]
    sizes = Counter(round(line.height * 2) for lines in placed for line in lines)
    if not sizes:
        return None
    body = sizes.most_common(1)[0][0]
    gaps = sorted(above.y - below.y for lines in placed for above, below in zip(lines, lines[1:])
                  if round(above.height * 2) == body == round(below.height * 2) and 2 < above.y - below.y < 60)
    return gaps[int(PITCH_QUANTILE * (len(gaps) - 1))] if gaps else None


def _clean_lines(pages: list[list[Line]]) -> None:
    """Drop blank lines (their breaks are marked), control characters and pdfium's hyphen marker."""
    for lines in pages:
        lines[:] = [line for line in lines if line.text.strip()]
        for line in lines:
            line.text = _CONTROL.sub("", _MARKED_HYPHEN.sub(_unmark_hyphen, line.text)).strip()


# --- page furniture -----------------------------------------------------------------------------

def _remove_furniture(pages: list[list[Line]], repeated: bool = True) -> dict:
    """Drop page numbers and (unless repeated=False) repeated header/footer lines; return what was removed."""
    numbers = _page_number_lines(pages)
    repeated = _repeated_edge_lines(pages) if repeated else set()
    removed: Counter = Counter()
    for page_no, lines in enumerate(pages):
        keep = []
        for i, line in enumerate(lines):
            if (page_no, i) not in numbers and (page_no, i) not in repeated:
                keep.append(line)
                continue
            removed["page number" if (page_no, i) in numbers else _signature(line.text)] += 1
            if i + 1 < len(lines):  # the gap before a removed line still separates what follows
                lines[i + 1].break_before |= line.break_before
        if keep:
            keep[0].break_before = False
        lines[:] = keep
    return {"page_numbers_removed": removed.pop("page number", 0),
            "furniture_removed": dict(removed)}


def _edge_indexes(lines: list[Line]) -> list[tuple[str, int]]:
    top = [("top", i) for i in range(min(EDGE_LINES, len(lines)))]
    bottom = [("bottom", i) for i in range(max(0, len(lines) - EDGE_LINES), len(lines))]
    return top + bottom


def _page_number_lines(pages: list[list[Line]]) -> set[tuple[int, int]]:
    """First/last line of a page that is a page number: "Page 3" always; a bare "3" only when the
    bare numbers found keep a constant offset from the page index on at least two pages."""
    found, bare = set(), defaultdict(list)
    for page_no, lines in enumerate(pages):
        for i in {0, len(lines) - 1} if lines else ():
            text = lines[i].text
            if _PAGE_WORD.match(text):
                found.add((page_no, i))
            elif match := _PAGE_BARE.match(text):
                number = int(match.group(1) or match.group(2))
                bare[number - page_no].append((page_no, i))
    found.update(bare.pop(1, []))  # "3" on the third page: natural numbering, trusted alone
    if bare:
        hits = max(bare.values(), key=len)  # the most common (number - page index) offset
        if len({page for page, _ in hits}) >= 2:
            found.update(hits)
    return found


def _repeated_edge_lines(pages: list[list[Line]]) -> set[tuple[int, int]]:
    """Lines whose digit-blind form sits in the same edge zone of most pages."""
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for page_no, lines in enumerate(pages):
        for zone, i in _edge_indexes(lines):
            if _furniture_candidate(lines[i].text):
                seen[(zone, _signature(lines[i].text))].add(page_no)
    frequent = {key for key, hit in seen.items() if len(hit) >= _min_pages(len(pages))}
    return {
        (page_no, i)
        for page_no, lines in enumerate(pages)
        for zone, i in _edge_indexes(lines)
        if (zone, _signature(lines[i].text)) in frequent and _furniture_candidate(lines[i].text)
    }


def _min_pages(count: int) -> int:
    """'Most pages': all but the (title) first page of short documents, half of long ones."""
    if count <= 4:
        return max(2, count - 1)
    return max(3, math.ceil(count / 2))


def _furniture_candidate(text: str) -> bool:
    return 0 < len(text) <= MAX_FURNITURE_CHARS and not _ITEM_LINE.match(text) and any(c.isalpha() for c in text)


def _signature(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text.lower()).split())


# --- line repairs -------------------------------------------------------------------------------

def _unmark_hyphen(match: re.Match) -> str:
    before, fragment = match.group(1), match.group(2) or ""
    joined = before.islower() and fragment in _SUFFIXES
    return before + (fragment if joined else "-" + fragment)


def _tidy_lines(lines: list[Line]) -> None:
    _lone_bullets(lines)
    for line in lines:
        line.text = _LEAD_BULLET.sub("• ", line.text, count=1)
    _join_hyphenated(lines)


def _lone_bullets(lines: list[Line]) -> None:
    """A bullet glyph alone on a line (own text object) belongs to the next line."""
    i = 0
    while i < len(lines) - 1:
        if len(lines[i].text) == 1 and _LEAD_BULLET.match(lines[i].text):
            lines[i + 1].text = f"• {lines[i + 1].text}"
            lines[i + 1].break_before = lines[i].break_before
            del lines[i]
        i += 1


def _join_hyphenated(lines: list[Line]) -> None:
    """'multi-' / 'agency work' -> 'multi-agency' / 'work'; a soft hyphen is dropped instead."""
    for i in range(len(lines) - 1):
        cur, nxt = lines[i], lines[i + 1]
        if nxt.break_before or not nxt.text[:1].islower():
            continue
        word, _, rest = nxt.text.partition(" ")
        if cur.text.endswith("\u00ad"):
            cur.text = cur.text[:-1] + word
        elif _HYPHEN_END.search(cur.text) and word.lower() not in _NOT_CONTINUATION:
            cur.text += word
        else:
            continue
        nxt.text = rest.lstrip()
    lines[:] = [line for line in lines if line.text]


# --- wrapped lines ------------------------------------------------------------------------------

def _mark_wraps(pages: list[list[Line]]) -> None:
    """A full line continues on the next (wrapped); a line with room left ends its paragraph
    (break_before) when a long line at the same or a lesser indent, or a heading's text, follows."""
    edges = _text_edges(pages)
    if edges is None:
        return
    left, right = edges
    long_from = right - LONG_LINE * (right - left)
    spread = _usual_spread(pages)
    above: Line | None = None
    for lines in pages:
        for i, line in enumerate(lines):
            measured = above is not None and None not in (above.x0, above.x1, line.x0, line.x1)
            if measured and not line.break_before:
                full = _fills_line(above, line, right)
                if full and _same_paragraph(above, line) and _spread(above) <= 1.5 * spread:
                    # across a page, no gap tells a paragraph's full last line from a wrap
                    line.wrapped = i > 0 or not _ENDS_SENTENCE.search(above.text)
                elif not full and i > 0 and (_heading_above(above, line) or
                                             (line.x1 >= long_from and line.x0 <= above.x0 + 1)):
                    line.break_before = not _runs_on(above, line)
            above = line


def _heading_above(above: Line, line: Line) -> bool:
    """A line set all in one font over a line all in another: a heading (bold, larger) and its text."""
    return (above.font_head == above.font_tail and line.font_head == line.font_tail
            and above.font_head != line.font_head)


def _runs_on(above: Line, line: Line) -> bool:
    """A sentence broken by hand ("Mrs S Chandler," / "Mr D Jeffrey ...") is still one sentence."""
    return above.text.endswith(",") or line.text[:1].islower()


def _same_paragraph(above: Line, line: Line) -> bool:
    """After a full line: the same font, and not a list item or a decision."""
    return above.font_tail == line.font_head and not _STARTS_BLOCK.match(line.text)


def _spread(line: Line) -> float:
    """Width per character, in glyph heights: high for a table row or a dotted contents line."""
    if line.x0 is None or line.x1 is None or not line.height or not line.text:
        return 0.0
    return (line.x1 - line.x0) / (len(line.text) * line.height)


def _usual_spread(pages: list[list[Line]]) -> float:
    spreads = sorted(s for lines in pages for line in lines if len(line.text) >= 20 and (s := _spread(line)))
    return spreads[len(spreads) // 2] if spreads else 0.0


def _text_edges(pages: list[list[Line]]) -> tuple[float, float] | None:
    """Left and right edges of the body text: where most lines start, and where full lines end."""
    starts = sorted(line.x0 for lines in pages for line in lines if line.x0 is not None)
    ends = sorted(line.x1 for lines in pages for line in lines if line.x1 is not None)
    if len(ends) < 4:
        return None
    left, right = starts[len(starts) // 10], ends[(95 * (len(ends) - 1)) // 100]
    return (left, right) if right > left else None


def _fills_line(above: Line, below: Line, right: float) -> bool:
    """Would the first word of `below` (and a space) have fitted at the end of `above`? If not,
    the line was wrapped there."""
    if below.word_width is None or not below.height:
        return False
    space = 0.25 * below.height
    return above.x1 + space + below.word_width > right


# --- assembly -----------------------------------------------------------------------------------

def _assemble(pages: list[list[Line]]) -> tuple[str, list[int]]:
    """Join pages; a page boundary is a block break unless a sentence runs across it."""
    parts, offsets, length = [], [], 0
    for lines in pages:
        sep = _page_separator(parts[-1] if parts else "", lines)
        if parts and lines:
            parts.append(sep)
            length += len(sep)
        offsets.append(length)
        page_text = _page_text(lines)
        parts.append(page_text)
        length += len(page_text)
    return "".join(parts), offsets


def _page_separator(previous: str, lines: list[Line]) -> str:
    if not previous or not lines:
        return ""
    end, start = previous.rstrip()[-1:], lines[0].text[:1]
    if lines[0].wrapped:
        return " "  # a paragraph running on from the page before's full last line
    if _ITEM_LINE.match(lines[0].text):
        return "\n"  # "(Item 2)" printed at the top of the next page still belongs to its title
    if _LEAD_BULLET.match(lines[0].text) or start.isdigit() or start == "(" or lines[0].break_before:
        return "\n\n"
    return "\n" if end.isalnum() or end in ",;-–&" else "\n\n"


def _page_text(lines: list[Line]) -> str:
    out = []
    for line in lines:
        if out and line.wrapped:
            out[-1] += " " + line.text
            continue
        if out and line.break_before:
            out.append("")
        out.append(line.text)
    return "\n".join(out)
