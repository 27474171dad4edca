"""minutes_segmenter: agenda items, sections inside items, blocks (paragraphs, bullets) and their
list introductions, written as span groups that every later component reuses.

The normaliser guarantees one logical line per paragraph, so the structure is read line by line.
Items are found by the first layout that matches the document (printed "(Item N)" minutes, a
ModernGov agenda-item page, an issue page, a report's "Subject of Report:", numbered meeting pages,
an unnumbered "No. Item" meeting page), else by a single-item fallback.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

import numpy as np
from spacy.attrs import IDX, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401  (registers the extensions)
from ..extensions import PAYLOAD_ATTRS, document_text
from ..matching import sentencizer_starts


@dataclass
class Line:
    start: int
    end: int
    text: str
    kind: Optional[str] = None  # Segmenter.section_kind(text), read once (Segmenter.read_lines)
    level: int = 0              # _list_level(text.strip())


@dataclass
class ItemStart:
    line: int          # index of the first line of the item
    number: Optional[str]
    title_start: int   # character offsets of the title in the document text
    title_end: int
    rule: str


_ITEM_MARKER = re.compile(r"^\(?Item\s+(\d+[A-Za-z]?)\.?\)$", re.I)
_TITLE_WITH_MARKER = re.compile(r"^(.+?)\s*\(Item\s+(\d+[A-Za-z]?)\.?\)$", re.I)
_AGENDA_ITEM = re.compile(r"^(?:.*\s[-–]\s)?Agenda item(?:\s+(\d{1,3}[A-Za-z]?))?$", re.I)  # "Agenda item 6" too
_AGENDA_ITEM_END = re.compile(r"Agenda item(?:\s+\d{1,3}[A-Za-z]?)?$", re.I)  # what _AGENDA_ITEM needs, tried near the end only
_ISSUE_PAGE = re.compile(r"^Issue\s*-\s*meetings$", re.I)
_MEETING_ITEM = re.compile(r"^(?:•\s*)?Meeting(?::|\s+of\b)\s*.*\(Item\s+(\d+[A-Za-z]?)\.?\)", re.I)
_ITEM_REFERENCE = re.compile(r"\((?:agenda\s+)?item\s+(\d+[A-Za-z]?)\.?\)|\bfor item (\d+[A-Za-z]?)\b", re.I)
_SUBJECT = re.compile(r"^(?:Subject of Report|Subject|Title of Report|Report Title|Title|Decision Title)\s*:\s*(.+)$", re.I)
_ITEM_LABEL = re.compile(r"^Item:\s*([A-Z]?\d+[A-Za-z]?)\s+(.+)$")
_NUMBERED = re.compile(r"^(\d{1,3}(?:/\d{2}(?=\s))?)(?:\.|\s)\s*(?:\(\d+\)\s*)?(.+)$")  # "45.", "23/16" (minute/year)
# CMIS pages: "Minute No. 12 – Title", "Minute 45: Title", "Minute 43/23 Apologies for Absence"
_MINUTE_LABEL = re.compile(r"^Minute\s+(?:No\.?\s*)?(\d{1,4}(?:/\d{2,4})?[A-Za-z]?)\.?(?:\s*[–—:-]\s*|\s+)(\S.*)$", re.I)
_NUMBER_ALONE = re.compile(r"^(\d{1,3})\.?$")
_NO_ITEM = re.compile(r"^No\.?\s+Item$", re.I)
_REPORT_OF = re.compile(r"^(?:Report of|Joint report of)\b", re.I)
_DECISION_WORD = re.compile(r"^(?:RESOLVED|Resolved|AGREED|Agreed|DECIDED|RECOMMENDED|That\b|The\b|This\b|There\b|It\b|In\b|A\s)")
_LIST_MARKER = re.compile(r"^(?:•\s|\(?[a-zA-Z]\)\s|[a-zA-Z]\.\s|\(?[ivxIVX]{1,5}\)\s|[ivx]{1,5}\.\s|\d{1,3}(?:\.\d{1,2})*[.)]?\s)")
_BULLET = "• "
_MINUTE_NUMBER = re.compile(r"^\d{1,4}\.\s+(?=\S)")
_DECIMAL_PARAGRAPH = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s")
_SECTION_NUMBER = re.compile(r"^\d{1,2}\.?\s+(?=[A-Z])")  # "1. Summary of Report"
_CAPS_TITLE_END = re.compile(r"\s[–—-]\s")
_MONTH_START = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December"
                          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+\d|,|$)")


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


class Segmenter:
    def __init__(self, rules: dict):
        self.headings = {h: kind for kind, names in rules["section_headings"].items() for h in names}
        self.agenda_titles = set(rules["agenda_titles"])
        # a standard agenda title, alone or followed by more words or a comma
        self.agenda_title = re.compile("(?:" + "|".join(map(re.escape, sorted(self.agenda_titles))) + r")(?:[ ,]|\Z)"
                                       if self.agenda_titles else r"(?!)")
        self.chrome = [re.compile(p, re.I) for p in rules["chrome_patterns"]]
        self.intro_cues = tuple(rules["list_intro_cues"])

    # -- pure helpers -------------------------------------------------------------------------
    def read_lines(self, text: str) -> list[Line]:
        """The non-blank lines, each with its section kind and list level (asked for many times)."""
        lines = split_lines(text)
        for line in lines:
            line.kind = self.section_kind(line.text)
            line.level = _list_level(line.text.strip())
        return lines

    def strip_chrome(self, line: Line) -> tuple[int, int]:
        """Title offsets without link chrome such as "pdf icon PDF 86 KB" or "(agenda item 7)"."""
        text = line.text.rstrip()
        for pattern in self.chrome:
            text = pattern.sub("", text)
        text = text.rstrip(" -–")
        return line.start, line.start + len(text)

    def section_kind(self, text: str) -> Optional[str]:
        key = _SECTION_NUMBER.sub("", text.strip()).rstrip(":-–. ").strip().lower()
        return self.headings.get(key) if len(key) < 60 else None

    def clean_title(self, text: str) -> str:
        for pattern in self.chrome:
            text = pattern.sub("", text)
        return text.strip().rstrip(" -–")

    def heading_like(self, text: str, allow_period: bool = False, max_words: int = 25) -> bool:
        """A short line that reads as a title, not a sentence of minutes."""
        text = self.clean_title(text)
        words = text.split()
        if not words or len(words) > max_words or text.startswith(_BULLET) or text.endswith((":", ";", ",")):
            return False
        if not (words[0][0].isupper() or words[0][0].isdigit()) or _DECISION_WORD.match(text):
            return False
        if text.endswith((".", "?")) and not allow_period:
            return False
        return ". " not in text.rstrip(".")

    def is_agenda_title(self, text: str) -> bool:
        key = text.lower().rstrip(". ").replace("’", "'")
        return bool(self.agenda_title.match(key))

    def title_item(self, lines: list[Line], index: int, number: Optional[str], rule: str) -> ItemStart:
        start, end = self.strip_chrome(lines[index])
        return ItemStart(index, number, start, end, rule)

    # -- item layouts, tried in order --------------------------------------------------------
    def items_printed(self, lines: list[Line]) -> list[ItemStart]:
        items = []
        for i, line in enumerate(lines):
            text = line.text.strip()
            m = _ITEM_MARKER.match(text)
            if m and i > 0:
                item = self.title_item(lines, i - 1, m.group(1), "printed_item_marker")
                minute = _MINUTE_NUMBER.match(lines[i - 1].text)
                if minute:  # "270. Apologies for Absence": the minute number is not part of the title
                    item.title_start = lines[i - 1].start + minute.end()
                items.append(item)
                continue
        return items

    def items_agenda_page(self, lines: list[Line]) -> list[ItemStart]:
        for i, line in enumerate(lines[:8]):
            if _is_agenda_item(line.text.strip()) and i + 1 < len(lines):
                if _is_agenda_item(lines[i + 1].text.strip()):
                    continue  # "Agendas, Meetings and Minutes - Agenda item" then "Agenda item"
                written = _AGENDA_ITEM.match(line.text.strip()).group(1)
                report = self.items_report(lines) if written else []
                if report:  # "Agenda Item 7" over a report's "Report to:" / "Subject:" fields
                    report[0].number = written
                    return report
                return [self.title_item(lines, i + 1, written or self.item_number_near(lines, i + 1), "agenda_item_page")]
        return []

    def item_number_near(self, lines: list[Line], index: int) -> Optional[str]:
        for line in lines[index:index + 5]:
            m = _ITEM_REFERENCE.search(line.text)
            if m:
                return m.group(1) or m.group(2)
        return None

    def items_issue_page(self, lines: list[Line]) -> list[ItemStart]:
        """ModernGov issue pages: a title line, then "Meeting: 03/07/2025 - Board (Item 10)" (or
        "- Meeting of Board, Monday ... (Item 6.)"), often then "10 Title PDF 103 KB"."""
        for j, line in enumerate(lines[:10]):
            m = _MEETING_ITEM.match(line.text.strip())
            if not m or j == 0:
                continue
            numbered = self.numbered_title(lines, j + 1, m.group(1))
            if numbered:
                numbered.rule = "issue_page"
                return [numbered]
            title = j - 1
            if _ISSUE_PAGE.match(lines[title].text.strip()):
                return []
            return [self.title_item(lines, title, m.group(1), "issue_page")]
        return []

    def numbered_title(self, lines: list[Line], index: int, number: str) -> Optional[ItemStart]:
        if index < len(lines):
            m = _NUMBERED.match(lines[index].text.strip())
            if m and m.group(1) == number:
                item = self.title_item(lines, index, number, "numbered_item")
                item.title_start = lines[index].start + lines[index].text.index(m.group(2))
                return item
        return None

    def items_minute_label(self, lines: list[Line]) -> list[ItemStart]:
        """Every "Minute No. 12 – Title" line that reads as a title."""
        items = []
        for i, line in enumerate(lines):
            if not line.text.lstrip().startswith(("Minute", "MINUTE")):
                continue
            m = _MINUTE_LABEL.match(line.text.strip())
            if m and self.heading_like(m.group(2), allow_period=True, max_words=30):
                start = line.start + line.text.index(m.group(2))
                items.append(ItemStart(i, m.group(1), start, self.strip_chrome(line)[1], "minute_label"))
        return items

    def items_report(self, lines: list[Line]) -> list[ItemStart]:
        for i, line in enumerate(lines[:40]):
            m = _SUBJECT.match(line.text.strip())
            if m:
                start = line.start + line.text.index(m.group(1))
                return [ItemStart(0, None, start, self.strip_chrome(line)[1], "subject_of_report")]
            m = _ITEM_LABEL.match(line.text.strip())
            if m:
                start = line.start + line.text.index(m.group(2))
                return [ItemStart(i, m.group(1), start, line.start + len(line.text.rstrip(" .")), "item_label")]
        for i, line in enumerate(lines[:6]):
            if _REPORT_OF.match(line.text.strip()) and i + 1 < len(lines) and self.heading_like(lines[i + 1].text.strip()):
                return [self.title_item(lines, i + 1, None, "report_title")]
        return []

    def items_numbered(self, lines: list[Line]) -> list[ItemStart]:
        items: list[ItemStart] = []
        last = 0
        minute_number = -10
        for i, line in enumerate(lines):
            text = line.text.strip()
            alone = _NUMBER_ALONE.match(text)
            if alone and i + 1 < len(lines) and self.heading_like(lines[i + 1].text.strip()):
                number = int(alone.group(1))
                if number > last and (not items or number - last <= 3):
                    item = self.title_item(lines, i + 1, alone.group(1), "numbered_item")
                    item.line = i
                    items.append(item)
                    last = number
                continue
            m = _NUMBERED.match(text)
            if not m:
                continue
            number, title = int(m.group(1).split("/")[0]), m.group(2)
            sentence = title.rstrip().endswith((".", "?", ":")) and _reads_as_sentence(title)
            if sentence and ((i > 0 and lines[i - 1].kind) or number == minute_number + 1):
                minute_number = number  # numbered paragraphs of the minutes themselves, not items
                continue
            if number <= last or (items and number - last > 3) or _MONTH_START.match(title):
                continue
            caps = _CAPS_TITLE_END.split(title, 1)
            if len(caps) == 2 and caps[0].isupper():
                title = caps[0]  # "48 (8) ANNUAL PERFORMANCE ASSESSMENT – The Service Director ..."
            elif not self.heading_like(title, allow_period=True, max_words=30):
                continue
            start = line.start + line.text.index(title)
            end = self.strip_chrome(Line(start, start + len(title), title))[1]
            items.append(ItemStart(i, m.group(1), start, end, "numbered_item"))
            last = number
        return items

    def items_unnumbered_meeting(self, lines: list[Line]) -> list[ItemStart]:
        header = next((i for i, line in enumerate(lines[:20]) if _NO_ITEM.match(line.text.strip())), None)
        if header is None:
            return []
        items = []
        for i in range(header + 1, len(lines)):
            text = lines[i].text.strip()
            if lines[i].kind:
                continue
            if (i == header + 1 and text.startswith("To ")) or self.meeting_page_title(lines, i):
                items.append(self.title_item(lines, i, None, "meeting_page_title"))
        return items

    def meeting_page_title(self, lines: list[Line], i: int) -> bool:
        """On an unnumbered meeting page, titles carry document links, are standard agenda titles,
        are followed by a "To receive ..." description, or are short title lines before a paragraph."""
        text = lines[i].text.strip()
        has_chrome = len(self.clean_title(text)) < len(text)
        if (has_chrome or self.is_agenda_title(text)) and self.heading_like(text, allow_period=True, max_words=30):
            return True
        if not self.heading_like(text):
            return False
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        if nxt.startswith(("To ", "This item", "This report")):
            return True
        return len(text.split()) <= 8 and len(nxt) > 2 * len(text) and not nxt.startswith(_BULLET)

    def items_fallback(self, lines: list[Line]) -> list[ItemStart]:
        """A single item whose title is the line before the first Minutes:/Decision: heading."""
        for i, line in enumerate(lines[:4]):
            if line.kind in ("minutes", "decision"):
                if i == 1 and not lines[0].kind:
                    return [self.title_item(lines, 0, None, "description_before_minutes")]
                break
        return []

    def find_items(self, lines: list[Line]) -> list[ItemStart]:
        for layout in (self.items_printed, self.items_agenda_page, self.items_issue_page, self.items_minute_label,
                       self.items_report):
            items = layout(lines)
            if items:
                return items
        numbered = self.items_numbered(lines)
        if len(numbered) >= 2:
            return numbered
        return self.items_unnumbered_meeting(lines) or numbered or self.items_fallback(lines)

    # -- blocks and sections -------------------------------------------------------------------
    def intro_for(self, lines: list[Line], index: int, floor: int) -> Optional[tuple[int, int]]:
        """The paragraph that introduces the list containing line `index`, if it reads as one."""
        level = _list_level(lines[index].text)
        for j in range(index - 1, floor - 1, -1):
            text = lines[j].text.strip()
            if lines[j].kind:
                return None
            if lines[j].level >= level and lines[j].level > 0:
                continue
            if lines[j].level == 0 and not (text.endswith((":", ":-", "–")) or any(c in text.lower() for c in self.intro_cues)):
                if j == index - 1:
                    return None
                continue  # a paragraph inside the list (e.g. "(Where planning ...)")
            return lines[j].start, lines[j].start + len(lines[j].text.rstrip())
        return None


def _is_agenda_item(text: str) -> bool:
    """ "Agenda item" or "... - Agenda item": the slow pattern runs only on lines that end so."""
    return bool(_AGENDA_ITEM_END.search(text, max(0, len(text) - len("Agenda item 999A"))) and _AGENDA_ITEM.match(text))


def _reads_as_sentence(text: str) -> bool:
    """Long, or mostly lower-case after its first word: minutes prose rather than a title."""
    words = text.split()
    lower = sum(w[0].islower() for w in words[1:])
    return len(words) > 6 or (len(words) > 2 and lower > (len(words) - 1) / 2)


_DEEP_MARKER = re.compile(r"^\(?[a-z]\)\s|^[a-z]\.\s|^\(?[ivx]{1,5}\)\s|^[ivx]{1,5}\.\s")
# The checks of _list_level in order, as one pattern: the first alternative that matches names the level.
_LEVEL_MARKER = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in (
    ("bullet", re.escape(_BULLET)), ("decimal", _DECIMAL_PARAGRAPH.pattern), ("deep", _DEEP_MARKER.pattern),
    ("marker", _LIST_MARKER.pattern))))
_LEVELS = {"bullet": 1, "decimal": 0, "deep": 2, "marker": 1}


def _list_level(text: str) -> int:
    """0 for a paragraph, 1 for a bullet or lettered/numbered sub-paragraph, 2 for deeper markers
    ("3.3 Areas for improvement were:" is a report's numbered paragraph: 0, not a list entry)."""
    m = _LEVEL_MARKER.match(text)
    return _LEVELS[m.lastgroup] if m else 0


class _Spans:
    """doc.char_span(start, end, label, alignment_mode="expand") for the many spans of one Doc: the token
    offsets are read once, and each span costs two bisects instead of a Doc call making Token objects."""

    def __init__(self, doc: Doc, size: int):
        self.doc, self.size = doc, size
        offsets = doc.to_array([IDX, SPACY])
        self.starts = offsets[:, 0].tolist()
        self.spaces = offsets[:, 1].tolist()

    def token_at(self, char: int) -> int:
        """The token whose text or trailing space holds `char` (tokens tile the text), else -1."""
        return bisect_right(self.starts, char) - 1 if 0 <= char < self.size else -1

    def token_end(self, token: int) -> int:
        """Where the token's text ends: where the next one starts, less its trailing space."""
        following = self.starts[token + 1] if token + 1 < len(self.starts) else self.size
        return following - self.spaces[token]

    def span(self, start: int, end: int, label: str) -> Optional[Span]:
        first, last = self.token_at(start), self.token_at(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.token_end(first):
            first += 1  # the character is the token's trailing space, not the token
        return Span(self.doc, first, last + 1, label=label)


class SegmenterComponent:
    def __init__(self, nlp: Language, name: str, rules: dict):
        self.name = name
        self.segmenter = Segmenter(rules)

    def __call__(self, doc: Doc) -> Doc:
        text = document_text(doc)
        lines = self.segmenter.read_lines(text)
        items = self.segmenter.find_items(lines)
        spans = _Spans(doc, len(text))
        doc.spans["items"] = self.item_spans(spans, text, lines, items)
        doc.spans["sections"] = self.section_spans(spans, text, lines, items)
        doc.spans["blocks"] = blocks = self.block_spans(spans, lines, items)
        _start_sentences(doc, [span.start for span in blocks])
        return doc

    def item_spans(self, spans_of: _Spans, text: str, lines: list[Line], items: list[ItemStart]) -> list[Span]:
        spans = []
        for k, item in enumerate(items):
            start = min(lines[item.line].start, item.title_start)
            end = lines[items[k + 1].line].start - 1 if k + 1 < len(items) else len(text)
            span = spans_of.span(start, max(end, item.title_end), item.rule)
            if span is None:
                continue
            _set_payload(span, PAYLOAD_ATTRS["items"], {
                "number": item.number, "title": text[item.title_start:item.title_end].strip(),
                "title_start": item.title_start, "title_end": item.title_end,
            })
            spans.append(span)
        return spans

    def section_spans(self, spans_of: _Spans, text: str, lines: list[Line], items: list[ItemStart]) -> list[Span]:
        item_lines = {item.line for item in items}
        heads = [(i, line.kind) for i, line in enumerate(lines) if line.kind]
        spans = []
        for k, (i, kind) in enumerate(heads):
            stop = len(text)
            for j in range(i + 1, len(lines)):
                if j in item_lines or (k + 1 < len(heads) and j == heads[k + 1][0]):
                    stop = lines[j].start - 1
                    break
            span = spans_of.span(lines[i].start, max(stop, lines[i].end), kind)
            if span is not None:
                _set_payload(span, PAYLOAD_ATTRS["sections"], {"heading": lines[i].text.strip()})
                spans.append(span)
        return spans

    def block_spans(self, spans_of: _Spans, lines: list[Line], items: list[ItemStart]) -> list[Span]:
        title_lines = {item.line for item in items}
        spans = []
        floor = 0
        previous = (0, None)  # (level, intro) of the line before: siblings in a list share an intro
        for i, line in enumerate(lines):
            if i in title_lines:
                floor = i
            level = line.level
            if i in title_lines or line.kind:
                label = "heading"
            else:
                label = "bullet" if level else "paragraph"
            if label == "heading":
                level, intro = 0, None
            elif level and previous[0] == level and previous[1] is not None:
                intro = previous[1]
            else:
                intro = self.segmenter.intro_for(lines, i, floor) if level else None
            previous = (level, intro)
            span = spans_of.span(line.start, line.end, label)
            if span is None:
                continue
            _set_payload(span, PAYLOAD_ATTRS["blocks"], {"intro": intro, "level": level})
            spans.append(span)
        return spans


def _payloads_in_user_data() -> bool:
    """Does this spaCy keep a Span's `span._.<name>` value in doc.user_data[("._.", name, start_char,
    end_char)] (spacy/tokens/underscore.py)? Asked once, on a two-token Doc."""
    from spacy.vocab import Vocab
    doc = Doc(Vocab(), words=["a", "b"])
    span = doc[1:2]
    span._.set(PAYLOAD_ATTRS["blocks"], "probe")
    return doc.user_data.get(("._.", PAYLOAD_ATTRS["blocks"], span.start_char, span.end_char)) == "probe"


_DIRECT_PAYLOADS = _payloads_in_user_data()


def _set_payload(span: Span, attr: str, value: dict) -> None:
    """span._.set(attr, value), without building an Underscore object per span when spaCy allows."""
    if _DIRECT_PAYLOADS:
        span.doc.user_data[("._.", attr, span.start_char, span.end_char)] = value
    else:
        span._.set(attr, value)


def _start_sentences(doc: Doc, tokens: list[int]) -> None:
    """Sentence starts for every token, in one pass: where spaCy's sentencizer would put them (so no
    sentencizer runs) and at every block start. Token.is_sent_start = True would check the whole Doc for a
    parse on every call."""
    if not len(doc):
        return
    starts = sentencizer_starts(doc)
    starts[0] = True
    starts[tokens] = True
    doc.from_array([SENT_START], np.where(starts, 1, -1).astype(np.uint64))


@Language.factory(
    "minutes_segmenter",
    assigns=["doc.spans", "token.is_sent_start"],
    default_config={"rules": {}},
)
def make_segmenter(nlp: Language, name: str, rules: dict) -> SegmenterComponent:
    return SegmenterComponent(nlp, name, rules)
