"""DOCX -> text with python-docx: body paragraphs and tables in document order.

python-docx opens the package and gives us the numbering and style parts; the text of each
paragraph is read from its XML so that nothing Word shows is lost (hyperlinks, tracked insertions,
fields, tabs, line breaks, non-breaking hyphens). Word's automatic numbering, which python-docx
drops and where agenda numbers often live, is recomputed: a numbered paragraph becomes its own
block "4. Apologies for absence"; a bulleted one becomes "• ...". Tables: one line per simple row
(cells joined with "  -  "); layout rows (cells holding several paragraphs) keep each paragraph
as its own block. Text boxes become blocks after their paragraph; headers/footers are dropped.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import docx
import lxml.etree as etree
from docx.oxml.ns import qn

from ..errors import CorruptInput, MinutesError, NoText
from .archive import check_package, open_zip
from .base import Extracted, join_blocks, render_row

MAX_TABLE_DEPTH = 8  # deeper nested tables are read as plain paragraphs

W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_NBH, W_SDT, W_SDTCONTENT, W_CUSTOMXML = qn("w:noBreakHyphen"), qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
W_TXBX, W_PPR, W_DEL, W_VAL = qn("w:txbxContent"), qn("w:pPr"), qn("w:del"), qn("w:val")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT_SKIP = frozenset({W_TXBX, W_DEL, MC_FALLBACK, W_PPR})
_CONTAINERS = frozenset({W_SDT, W_SDTCONTENT, W_CUSTOMXML})


def extract_docx(data: bytes) -> Extracted:
    check_package(open_zip(data))
    document = _open(data)
    numbering = _Numbering(document)
    blocks = _Body(numbering).blocks(document.element.body)
    text = join_blocks(blocks)
    if not text.strip():
        raise NoText("DOCX has no text in its body")
    return Extracted(text=text, meta={"blocks": len(blocks), "numbered": numbering.used})


def _open(data: bytes):
    try:
        return docx.Document(io.BytesIO(data))
    except MinutesError:
        raise
    except Exception as exc:  # python-docx raises KeyError/ValueError/XMLSyntaxError/... on bad packages
        raise CorruptInput(f"corrupt DOCX: {type(exc).__name__}: {exc}") from exc


# --- numbering ----------------------------------------------------------------------------------

@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """Word's list numbering, recomputed in document order (counters per abstract list)."""
    document: object
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    abstract_of: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)
    style_num: dict[str, tuple[str, int] | None] = field(default_factory=dict)
    used: int = 0

    def __post_init__(self) -> None:
        try:
            root = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.iter(qn("w:abstractNum")):
            aid = abstract.get(qn("w:abstractNumId"))
            self.levels[aid] = {int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in abstract.iter(qn("w:lvl"))}
        for num in root.iter(qn("w:num")):
            nid, ref = num.get(qn("w:numId")), num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.abstract_of[nid] = ref.get(W_VAL)
            self.overrides[nid] = {
                int(o.get(qn("w:ilvl"), "0")): int(s.get(W_VAL, "1"))
                for o in num.iter(qn("w:lvlOverride")) for s in o.iter(qn("w:startOverride"))
            }

    def label(self, p: etree._Element) -> str | None:
        """'4.', '(a)', '•' for a numbered/bulleted paragraph; None when it has no numbering."""
        num = self._num_of(p)
        if num is None or num[0] not in self.abstract_of:
            return None
        nid, ilvl = num
        aid = self.abstract_of[nid]
        levels = self.levels.get(aid, {})
        level = levels.get(ilvl, _Level())
        if level.fmt == "bullet":
            return "•"
        counts = self._advance(nid, aid, ilvl, levels)
        self.used += 1
        return _format_label(level.text, counts, levels)

    def _advance(self, nid: str, aid: str, ilvl: int, levels: dict[int, _Level]) -> list[int | None]:
        counts = self.counters.setdefault(aid, [None] * 9)
        if nid not in self.started:  # a w:num with startOverride restarts its list
            self.started.add(nid)
            for lvl, start in self.overrides.get(nid, {}).items():
                if 0 <= lvl < 9:
                    counts[lvl] = start - 1
        ilvl = min(max(ilvl, 0), 8)
        current = counts[ilvl]
        counts[ilvl] = (levels.get(ilvl, _Level()).start if current is None else current + 1)
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = None
        return counts

    def _num_of(self, p: etree._Element) -> tuple[str, int] | None:
        ppr = p.find(W_PPR)
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is not None:
            return _num_pair(numpr)
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return self._style_num(style.get(W_VAL)) if style is not None else None

    def _style_num(self, style_id: str | None, depth: int = 0) -> tuple[str, int] | None:
        """Numbering inherited from a paragraph style (List Number, List Bullet, numbered headings)."""
        if style_id is None or depth > 10:
            return None
        if style_id not in self.style_num:
            self.style_num[style_id] = None
            style = self.document.part.styles.element.get_by_id(style_id)
            if style is not None:
                numpr = style.find(f"{W_PPR}/{qn('w:numPr')}")
                based = style.find(qn("w:basedOn"))
                if numpr is not None:
                    self.style_num[style_id] = _num_pair(numpr)
                elif based is not None:
                    self.style_num[style_id] = self._style_num(based.get(W_VAL), depth + 1)
        return self.style_num[style_id]


def _level(lvl: etree._Element) -> _Level:
    def val(tag: str, default: str) -> str:
        el = lvl.find(qn(tag))
        return el.get(W_VAL, default) if el is not None else default
    try:
        start = int(val("w:start", "1"))
    except ValueError:
        start = 1
    return _Level(fmt=val("w:numFmt", "decimal"), text=val("w:lvlText", "%1."), start=start)


def _num_pair(numpr: etree._Element) -> tuple[str, int] | None:
    nid = numpr.find(qn("w:numId"))
    ilvl = numpr.find(qn("w:ilvl"))
    if nid is None or nid.get(W_VAL) in (None, "0"):
        return None
    try:
        return nid.get(W_VAL), int(ilvl.get(W_VAL, "0")) if ilvl is not None else 0
    except ValueError:
        return nid.get(W_VAL), 0


def _format_label(template: str, counts: list[int | None], levels: dict[int, _Level]) -> str:
    out = template
    for i in range(9):
        if f"%{i + 1}" in out:
            level = levels.get(i, _Level())
            value = counts[i] if counts[i] is not None else level.start
            out = out.replace(f"%{i + 1}", _format_number(value, level.fmt))
    return out.strip()


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(n)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _letters(n: int) -> str:
    """Word repeats the letter: a..z, aa..zz."""
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out or str(n)


# --- body ---------------------------------------------------------------------------------------

@dataclass
class _Body:
    numbering: _Numbering

    def blocks(self, container: etree._Element, depth: int = 0) -> list[str]:
        out: list[str] = []
        for child in self._children(container):
            if child.tag == W_P:
                out += self._paragraph(child)
            elif child.tag == W_TBL and depth < MAX_TABLE_DEPTH:
                out += self._table(child, depth + 1)
            elif child.tag == W_TBL:
                out += [t for p in child.iter(W_P) if (t := _paragraph_text(p))]
        return out

    def _children(self, container: etree._Element):
        """Block children, looking through content controls and custom XML wrappers."""
        stack = list(reversed(container))
        while stack:
            child = stack.pop()
            if child.tag in _CONTAINERS:
                stack.extend(reversed(child))
            else:
                yield child

    def _paragraph(self, p: etree._Element) -> list[str]:
        text = _paragraph_text(p)
        boxes = [t for box in _text_boxes(p) for t in self.blocks(box, MAX_TABLE_DEPTH)]
        if not text:
            return boxes
        label = self.numbering.label(p)
        if label:
            text = f"{label} {text}"
        return [text, *boxes]

    def _table(self, tbl: etree._Element, depth: int) -> list[str]:
        out = []
        for tr in tbl.iter(W_TR):
            if _nearest(tr, W_TBL) is not tbl:
                continue  # a row of a nested table: rendered inside its cell
            cells = [self.blocks(tc, depth) for tc in tr if tc.tag == W_TC]
            out += render_row(cells)
        return out


def _nearest(el: etree._Element, tag: str) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _text_boxes(p: etree._Element) -> list[etree._Element]:
    return [box for box in p.iter(W_TXBX) if not any(a.tag == MC_FALLBACK for a in box.iterancestors())]


def _paragraph_text(p: etree._Element) -> str:
    """The visible text of one paragraph (not its text boxes, deletions or field codes)."""
    parts: list[str] = []
    walker = etree.iterwalk(p, events=("start",))
    for _, el in walker:
        tag = el.tag
        if tag in _TEXT_SKIP:
            walker.skip_subtree()
        elif tag == W_T:
            parts.append(el.text or "")
        elif tag == W_TAB:
            parts.append("\t")
        elif tag in (W_BR, W_CR):
            parts.append("\n")
        elif tag == W_NBH:
            parts.append("-")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line.strip())
