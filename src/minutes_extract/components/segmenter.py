"""minutes_segmenter: agenda items, sections inside items, blocks (paragraphs, bullets) and their
list introductions, written as span groups that every later component reuses.

The normaliser guarantees one logical line per paragraph, so the structure is read line by line.
Items are headings recognised by what makes them headings, not by a list of council layouts: a short
line with no closing full stop (or no verb before it), followed by body text, among like lines. Numbered
items are the longest run of lines numbered in one scheme (the code's shape - "12.", "25/20", "HC.043" -
and small steps up); unnumbered ones are standard agenda titles, titles marked by a document link or a
"Report of" line, or the short headings of a "No. Item" page; a single-item page takes its title line,
else the subject its description names. The few layouts that remain (printed "(Item N)" minutes,
"Agenda item" and issue pages, "Minute No." labels, a report's "Subject:") and every pattern are data in
models/rules/segmenter.json ("item_patterns").
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
    agenda_number: Optional[str] = None  # printed minutes: "(Item 3)" beside the minute number


_LIST_MARKER = re.compile(r"^(?:•\s|\(?[a-zA-Z]\)\s|[a-zA-Z]\.\s|\(?[ivxIVX]{1,5}\)\s|[ivx]{1,5}\.\s|\d{1,3}(?:\.\d{1,2})*[.)]?\s)")
_BULLET = "• "
_DECIMAL_PARAGRAPH = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s")
_LIST_INTRO_ENDS = (":", ":-", "–", " -", " that", " That")  # a line ending so introduces a list: what follows is no heading
_DECISION_KINDS = ("decision", "resolved", "recommendations")  # headings whose numbered lines are clauses
_MAX_STEP = 3  # item numbers in a sequence go up by at most this much (exempt minutes leave gaps)


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


@dataclass
class _Numbered:
    """A line that may open a numbered item: its code ("12", "25/20", "HC.043"), the code's shape (digits
    as 9: "9/9", "HC.9", "9."), the numbers in it, and the item it would start."""
    item: ItemStart
    shape: str
    key: tuple[int, ...]
    sentence: bool = False  # a long title with a full stop: an item only in a sequence of items
    sub: bool = False  # "6a" after "6": a lettered sub-item, placed after the sequence is found
    lettered: bool = False  # "IV." or "B.": a sequence of them must be two long


class Segmenter:
    def __init__(self, rules: dict):
        self.headings = {h: kind for kind, names in rules["section_headings"].items() for h in names}
        self.agenda_titles = set(rules["agenda_titles"])
        # a standard agenda title, alone or followed by more words or a comma
        self.agenda_title = re.compile("(?:" + "|".join(map(re.escape, sorted(self.agenda_titles))) + r")(?:[ ,]|\Z)"
                                       if self.agenda_titles else r"(?!)")
        self.chrome = [re.compile(p, re.I) for p in rules["chrome_patterns"]]
        self.chrome_prefix = [re.compile(p, re.I) for p in rules.get("chrome_prefix_patterns", [])]
        self.intro_cues = tuple(rules["list_intro_cues"])
        self.pattern = {name: re.compile(p) for name, p in rules.get("item_patterns", {}).items()
                        if not name.startswith("_")}
        self.page_chrome = set(rules.get("page_chrome_lines", []))
        self.finite_verbs = frozenset(rules.get("finite_verbs", []))
        self.reporting_verbs = frozenset(rules.get("reporting_verbs", []))
        self.field_labels = frozenset(rules.get("field_labels", []))

    # -- pure helpers -------------------------------------------------------------------------
    def read_lines(self, text: str) -> list[Line]:
        """The non-blank lines, each with its section kind and list level (asked for many times)."""
        lines = split_lines(text)
        for line in lines:
            line.kind = self.section_kind(line.text)
            line.level = _list_level(line.text.strip())
        return lines

    def strip_chrome(self, line: Line) -> tuple[int, int]:
        """Title offsets without link chrome such as "pdf icon PDF 86 KB", "(0:24.50)" or "(agenda item 7)"
        after it, or a time of day ("15:15 Title") before it."""
        text = line.text.rstrip()
        for pattern in self.chrome:
            text = pattern.sub("", text)
        text = text.rstrip(" -–")
        lead = self.prefix_length(text)
        return line.start + lead, line.start + max(lead, len(text))

    def prefix_length(self, text: str) -> int:
        """How many characters of chrome (a time of day, a file-type icon word) come before the title."""
        lead = len(text) - len(text.lstrip())
        for pattern in self.chrome_prefix:
            m = pattern.match(text, lead)
            if m:
                lead = m.end()
        return lead

    def section_kind(self, text: str) -> Optional[str]:
        key = self.pattern["section_number"].sub("", text.strip()).rstrip(":-–. ").strip().lower()
        return self.headings.get(key) if len(key) < 60 else None

    def clean_title(self, text: str) -> str:
        for pattern in self.chrome:
            text = pattern.sub("", text)
        text = text.strip().rstrip(" -–")
        return text[self.prefix_length(text):]

    def is_time_line(self, text: str) -> bool:
        """A time of day alone on its line ("5.30pm", "18:00", "2.00 pm - 3.30 pm"): a programme's
        timing, neither an item nor its body."""
        return bool(self.pattern["time_line"].match(text.strip()))

    def heading_like(self, text: str, allow_period: bool = False, max_words: int = 25) -> bool:
        """A short line that reads as a title, not a sentence of minutes."""
        text = self.clean_title(text)
        words = text.split()
        if not words or len(words) > max_words or text.startswith(_BULLET) or text.endswith((":", ";", ",")):
            return False
        if not (words[0][0].isupper() or words[0][0].isdigit()) or self.pattern["not_a_title_start"].match(text):
            return False
        if text.endswith((".", "?")) and not allow_period:
            return False
        return ". " not in text.rstrip(".") and not self.is_field(text) and not self.reports_speech(text)

    def is_field(self, text: str) -> bool:
        """A field of an item ("Action: ...", "Lead officer: ...", "Wards affected: All"), not a heading."""
        label = text.split(":", 1)[0].strip().lower() if ":" in text else None
        return label in self.field_labels

    def reports_speech(self, text: str) -> bool:
        """A sentence of minutes without its full stop: someone did something ("Councillor Owen apologised
        for late arrival"), a reporting verb in the past tense after the first word."""
        return any(word in self.reporting_verbs for word in text.split()[1:])

    def title_like(self, text: str, numbered: bool = False) -> bool:
        """A heading line: short, not a list introduction; a closing full stop only on a title with no verb
        (numbered titles are judged by the sequence they are in instead)."""
        if not self.heading_like(text, allow_period=True, max_words=30):
            return False
        return not text.rstrip().endswith(_LIST_INTRO_ENDS) and (numbered or not self.has_finite_verb(text))

    def has_finite_verb(self, text: str) -> bool:
        """A full stop after a verb ("Apologies were received from ...") ends a sentence, not a title."""
        cleaned = self.clean_title(text)
        return cleaned.endswith(".") and any(w in self.finite_verbs for w in cleaned.split()[1:])

    def sentence_title(self, text: str) -> bool:
        """A long line with a closing full stop: a title only when others like it are items."""
        cleaned = self.clean_title(text)
        return cleaned == text.strip() and cleaned.endswith(".") and len(cleaned.split()) > 8

    def is_agenda_title(self, text: str) -> bool:
        key = text.lower().rstrip(". ").replace("’", "'")
        return bool(self.agenda_title.match(key))

    def is_page_chrome(self, text: str) -> bool:
        return text.strip().lower() in self.page_chrome

    def is_agenda_item(self, text: str) -> bool:
        """ "Agenda item" or "... - Agenda item": the slow pattern runs only on lines that end so."""
        return bool(self.pattern["agenda_item_end"].search(text, max(0, len(text) - len("Agenda item No: 999A")))
                    and self.pattern["agenda_item"].match(text))

    def title_item(self, lines: list[Line], index: int, number: Optional[str], rule: str) -> ItemStart:
        start, end = self.strip_chrome(lines[index])
        return ItemStart(index, number, start, end, rule)

    def body_follows(self, lines: list[Line], index: int) -> bool:
        """Is line `index` followed by body text (a paragraph longer than it or a sentence), not by another
        short line?"""
        if index + 1 >= len(lines):
            return False
        nxt = lines[index + 1].text.strip()
        return (nxt.endswith((".", ":", ";", "?")) or len(nxt) > max(60, 2 * len(lines[index].text.strip()))
                or self.reports_speech(nxt) or self.is_field(nxt) or bool(self.pattern["report_of"].match(nxt)))

    # -- item layouts, tried in order --------------------------------------------------------
    def items_printed(self, lines: list[Line]) -> list[ItemStart]:
        """Printed minutes: a title line, then "(Item 3)". A minute number before the title ("285. English
        Devolution White Paper") is the item's number; the agenda position in "(Item 3)" is not."""
        items = []
        for i, line in enumerate(lines):
            m = self.pattern["printed_marker"].match(line.text.strip())
            if m and i > 0:
                item = self.title_item(lines, i - 1, m.group(1), "printed_item_marker")
                item.agenda_number = m.group(1)
                minute = self.pattern["minute_number"].match(lines[i - 1].text)
                if minute:
                    item.number = minute.group(1)
                    item.title_start = lines[i - 1].start + minute.end()
                items.append(item)
        return self.leading_agenda_titles(lines, items) if items else items

    def leading_agenda_titles(self, lines: list[Line], items: list[ItemStart]) -> list[ItemStart]:
        """Unnumbered standard agenda headings ("Election of Chair") between the attendance lines and the first
        numbered item, each followed by its body text, are items too (above the attendance lines, a heading
        such as "Minutes of the meeting held on ..." names the document)."""
        attendance = [i for i in self.attendance_lines(lines) if i < items[0].line]
        if not attendance:
            return items
        leading = [self.title_item(lines, i, None, "agenda_title_heading") for i in range(attendance[-1] + 1, items[0].line)
                   if self.is_agenda_title(self.clean_title(lines[i].text)) and not lines[i].kind
                   and self.heading_like(lines[i].text) and self.body_follows(lines, i)]
        return leading + items

    def items_agenda_page(self, lines: list[Line]) -> list[ItemStart]:
        numbered = [i for i, line in enumerate(lines) if i + 1 < len(lines) and self.is_agenda_item(line.text.strip())
                    and self.pattern["agenda_item"].match(line.text.strip()).group(1)
                    and self.title_like(lines[i + 1].text.strip())]
        if len(numbered) >= 2:  # a whole meeting, each item under its "Agenda Item N" line
            return [self.title_item(lines, i + 1, self.pattern["agenda_item"].match(lines[i].text.strip()).group(1),
                                    "agenda_item_page") for i in numbered]
        for i, line in enumerate(lines[:8]):
            if self.is_agenda_item(line.text.strip()) and i + 1 < len(lines):
                if self.is_agenda_item(lines[i + 1].text.strip()):
                    continue  # "Agendas, Meetings and Minutes - Agenda item" then "Agenda item"
                if self.numbered_title(lines, i + 1) and len(self.items_numbered(lines)) >= 2:
                    return []  # "Agenda Item" heads the column of a numbered list of items
                written = self.pattern["agenda_item"].match(line.text.strip()).group(1)
                report = self.items_report(lines) if written else []
                if report:  # "Agenda Item 7" over a report's "Report to:" / "Subject:" fields
                    report[0].number = written
                    return report
                number = written or self.item_number_near(lines, i + 1)
                if lines[i + 1].kind and not self.is_agenda_title(lines[i + 1].text):
                    # no title line: "Agenda item" over "Purpose of the report:"
                    described = self.item_from_description(lines, i + 1)
                    if described:
                        described.number = number
                    return [described] if described else []
                return [self.title_item(lines, i + 1, number, "agenda_item_page")]
        return []

    def item_number_near(self, lines: list[Line], index: int) -> Optional[str]:
        for line in lines[index:index + 5]:
            m = self.pattern["item_reference"].search(line.text)
            if m:
                return m.group(1) or m.group(2)
        return None

    def items_issue_page(self, lines: list[Line]) -> list[ItemStart]:
        """ModernGov issue pages: a title line, then "Meeting: 03/07/2025 - Board (Item 10)" (or
        "- Meeting of Board, Monday ... (Item 6.)"), often then "10 Title PDF 103 KB"."""
        for j, line in enumerate(lines[:10]):
            m = self.pattern["meeting_item"].match(line.text.strip())
            if not m or j == 0:
                continue
            numbered = self.numbered_title(lines, j + 1, m.group(1))
            if numbered:
                numbered.rule = "issue_page"
                return [numbered]
            title = j - 1
            if self.pattern["issue_meetings_header"].match(lines[title].text.strip()) \
                    or self.pattern["meeting_header"].search(lines[title].text):
                return []  # no title line above the meeting line
            return [self.title_item(lines, title, m.group(1), "issue_page")]
        return []

    def numbered_title(self, lines: list[Line], index: int, number: Optional[str] = None) -> Optional[ItemStart]:
        """The item on line `index` if it starts with its number ("10 Title PDF 103 KB"), `number` if given."""
        if index < len(lines):
            m = self.inline_code(lines[index].text.strip())
            if m and (number is None or m.group("code") == number):
                number = m.group("code")
                item = self.title_item(lines, index, number, "numbered_item")
                title = m.group("title")
                item.title_start = lines[index].start + lines[index].text.index(title) + self.prefix_length(title)
                return item
        return None

    def inline_code(self, text: str) -> Optional[re.Match]:
        """A number and a title on one line ("12. Title", "25/20 Title", "6a Title", "IV. Title", "B. Title");
        a year opening a title ("2024/25 Budget Monitoring") is part of the title."""
        m = self.pattern["item_code_inline"].match(text) or self.pattern["item_letter_inline"].match(text)
        if m and not m.group("stop") and self.pattern["year_like"].match(m.group("code")):
            return None
        return m

    def items_minute_label(self, lines: list[Line]) -> list[ItemStart]:
        """Every "Minute No. 12 – Title" line that reads as a title."""
        items = []
        for i, line in enumerate(lines):
            if not line.text.lstrip().startswith(("Minute", "MINUTE")):
                continue
            m = self.pattern["minute_label"].match(line.text.strip())
            if m and self.heading_like(m.group(2), allow_period=True, max_words=30):
                start = line.start + line.text.index(m.group(2))
                items.append(ItemStart(i, m.group(1), start, self.strip_chrome(line)[1], "minute_label"))
        return items

    def items_report(self, lines: list[Line]) -> list[ItemStart]:
        for i, line in enumerate(lines[:40]):
            m = self.pattern["subject_field"].match(line.text.strip())
            if m and m.group(1):
                start = line.start + line.text.index(m.group(1))
                return [ItemStart(0, None, start, self.strip_chrome(line)[1], "subject_of_report")]
            if m and i + 1 < len(lines) and self.heading_like(lines[i + 1].text, allow_period=True):
                item = self.title_item(lines, i + 1, None, "subject_of_report")  # "Subject:" over its value
                item.line = 0
                return [item]
            m = self.pattern["item_label"].match(line.text.strip())
            if m:
                start = line.start + line.text.index(m.group(2))
                return [ItemStart(i, m.group(1), start, line.start + len(line.text.rstrip(" .")), "item_label")]
        i = next((i for i, line in enumerate(lines[:6]) if self.pattern["report_of"].match(line.text.strip())), None)
        if i is None or sum(self.marked_title(lines, j) for j in range(len(lines))) >= 2:
            return []  # several titles over "Report of" lines: an agenda of reports (items_unnumbered_meeting)
        if i + 1 < len(lines) and self.heading_like(lines[i + 1].text.strip()) and not lines[i + 1].kind:
            return [self.title_item(lines, i + 1, None, "report_title")]  # "Report of ..." over its title
        if i > 0 and self.report_title_above(lines[i - 1]):
            return [self.title_item(lines, i - 1, None, "report_title")]  # "Title" over "Report of the Director"
        return []

    def report_title_above(self, line: Line) -> bool:
        """Is the line above a "Report of ..." line the report's title (not the meeting's name or date)?"""
        text = line.text.strip()
        return (not line.kind and not self.page_top(text) and len(text.split()) >= 2 and self.heading_like(text)
                and not self.pattern["date_line"].match(text))

    # -- numbered items: the longest run of like numbers --------------------------------------
    def numbered_candidates(self, lines: list[Line]) -> list[_Numbered]:
        """Lines that open a numbered item: a number alone over a title line, or a number and a title.
        Numbered sentences (minute paragraphs, decision clauses after "RESOLVED:") are not candidates."""
        out: list[_Numbered] = []
        paragraph = None  # the number of the last numbered paragraph of the minutes themselves
        clause = False  # ... and whether those paragraphs are the clauses of a decision
        for i, line in enumerate(lines):
            text = line.text.strip()
            alone = self.pattern["item_code_alone"].match(text) or self.pattern["item_letter_alone"].match(text)
            if alone:
                title = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
                if title and self.title_like(title, numbered=True):
                    item = self.title_item(lines, i + 1, alone.group("code"), "numbered_item")
                    item.line = i
                    out.extend(self.coded(item, alone, self.sentence_title(title), lines, i + 1))
                continue
            m = self.inline_code(text)
            if not m:
                continue
            shape, key = _code_shapes(m.group("code"), m.group("stop"))[0]
            title = m.group("title")
            sentence = title.rstrip().endswith((".", "?", ":")) and _reads_as_sentence(title)
            after_intro = i > 0 and (lines[i - 1].kind or lines[i - 1].text.rstrip().endswith(_LIST_INTRO_ENDS))
            continues = paragraph is not None and _follows(paragraph, key)
            clause_shaped = sentence or title[:1].islower() or title.startswith(("To ", "That "))
            previous = lines[i - 1].text.rstrip() if i else ""
            after_decision = i > 0 and ((lines[i - 1].kind in _DECISION_KINDS and not previous.endswith("."))
                                        or (clause_shaped and previous.endswith(_LIST_INTRO_ENDS)))
            if (sentence and (after_intro or continues)) or after_decision or (continues and clause and clause_shaped):
                paragraph, clause = key, after_decision or clause  # minute paragraphs or decision clauses, not items
                continue
            clause = False
            if self.pattern["month_start"].match(title):
                continue  # "14 DECEMBER 2009"
            caps = self.pattern["caps_title_end"].split(title, 1)
            if len(caps) == 2 and caps[0].isupper() and not (caps[1].isupper() and self.title_like(title, numbered=True)):
                title = caps[0]  # "48 (8) ANNUAL PERFORMANCE ASSESSMENT – The Service Director ..."
                # (a capitals title going on after its dash, "LICENCE - KINGS ARMS", is whole)
            elif not self.title_like(title, numbered=True):
                continue
            start = line.start + line.text.index(title)
            end = self.strip_chrome(Line(start, start + len(title), title))[1]
            out.extend(self.coded(ItemStart(i, m.group("code"), start, end, "numbered_item"), m,
                                  self.sentence_title(title), lines, i))
        return out

    def coded(self, item: ItemStart, m: re.Match, sentence: bool, lines: list[Line], title: int) -> list[_Numbered]:
        """The candidate(s) for a numbered line, one per way of reading its code ("I." is a Roman one or the
        letter I). A letter or Roman numeral numbers an item only over body text (else it is a list entry)."""
        code, stop = m.group("code"), m.group("stop")
        lettered = not any(c.isdigit() for c in code)
        if lettered and not self.body_follows(lines, title):
            return []
        sub = bool(self.pattern["sub_item_code"].match(code))
        rule = "lettered_item" if lettered else "sub_item" if sub else item.rule  # own names: own confidence
        return [_Numbered(ItemStart(item.line, item.number, item.title_start, item.title_end, rule), shape, key,
                          sentence, sub, lettered) for shape, key in _code_shapes(code, stop)]

    def items_numbered(self, lines: list[Line]) -> list[ItemStart]:
        """The longest sequence of candidates numbered in one scheme (same shape, each number a small step
        on from the last): a document numbers its items consistently, its other numbers do not."""
        every = self.numbered_candidates(lines)
        cands = [c for c in every if not c.sub]
        if not cands:
            return []
        length, back = [1] * len(cands), [-1] * len(cands)
        best: dict[tuple[str, tuple[int, ...]], int] = {}  # (shape, number) -> the candidate ending the longest run
        for j, cand in enumerate(cands):
            for previous in _predecessors(cand.key):
                k = best.get((cand.shape, previous))
                if k is not None and (length[k] + 1 > length[j] or (length[k] + 1 == length[j] and k < back[j])):
                    length[j], back[j] = length[k] + 1, k
            known = best.get((cand.shape, cand.key))
            if known is None or length[j] > length[known]:
                best[(cand.shape, cand.key)] = j
        def run(j: int) -> list[_Numbered]:
            chain = []
            while j >= 0:
                chain.append(cands[j])
                j = back[j]
            return chain[::-1]

        # A run of letters or Roman numerals numbers items only if two long and one of its titles is a standard
        # agenda title ("B. Apologies"): else it is a lettered list inside an item.
        ends = [n for n in range(len(cands)) if not cands[n].lettered or (length[n] > 1 and any(
            self.is_agenda_title(self.title_text(lines, c.item)) for c in run(n)))]
        if not ends:
            return []
        j = max(ends, key=lambda n: (length[n], -n))
        if length[j] == 1 and cands[j].sentence:
            return []  # one numbered sentence ("3. To request officers to ...") is a clause, not an item
        return self.with_sub_items(run(j), [c for c in every if c.sub])

    @staticmethod
    def with_sub_items(chain: list[_Numbered], subs: list[_Numbered]) -> list[ItemStart]:
        """The sequence with its lettered sub-items ("6a", "6b" after "6", or after "5" when 6 has none)
        in place: each sits after the item whose number it extends or follows."""
        items = [c.item for c in chain]
        for sub in subs:
            before = [k for k, c in enumerate(chain) if c.item.line < sub.item.line]
            if not before:
                continue
            previous = chain[before[-1]]
            if previous.shape == sub.shape and (previous.key == sub.key or _follows(previous.key, sub.key)) \
                    and all(item.line != sub.item.line for item in items):
                items.append(sub.item)
        return sorted(items, key=lambda item: item.line)

    def report_sections(self, lines: list[Line], items: list[ItemStart]) -> bool:
        """Are most of these numbered titles a report's section headings ("Background", "Recommendations")?"""
        titles = [self.title_text(lines, item) for item in items]
        sections = sum(self.section_kind(t) is not None and not self.is_agenda_title(t) for t in titles)
        return len(items) >= 2 and sections * 2 > len(items)

    @staticmethod
    def title_text(lines: list[Line], item: ItemStart) -> str:
        for line in lines[item.line:item.line + 2]:
            if line.start <= item.title_start <= line.end:
                return line.text[item.title_start - line.start:item.title_end - line.start]
        return ""

    # -- unnumbered meeting pages ----------------------------------------------------------------
    def items_unnumbered_meeting(self, lines: list[Line]) -> list[ItemStart]:
        """Item headings with no numbers, under a "No. Item" header or, without one, from the first standard
        agenda heading of a page that has at least two; else the titles a page marks as such (by a document
        link, or by the "Report of ..." line under them)."""
        header = next((i for i, line in enumerate(lines) if self.pattern["item_list_header"].match(line.text.strip())), None)
        marked_only = False
        if header is None:
            agenda = [i for i, line in enumerate(lines) if self.agenda_heading(lines, i)]
            if len(agenda) >= 2:  # above the attendance lines, "Minutes of the meeting held on ..." names the page
                floor = max((i for i in self.attendance_lines(lines) if i < agenda[1]), default=-1)
                agenda = [i for i in agenda if i > floor]
            marked = [i for i in range(len(lines)) if self.marked_title(lines, i)]
            if len(agenda) < 2 and not marked:
                return []
            marked_only = len(agenda) < 2
            header = (marked[0] if marked_only else agenda[0]) - 1
        items = []
        for i in range(header + 1, len(lines)):
            text = lines[i].text.strip()
            if lines[i].kind and not self.agenda_heading(lines, i):
                continue
            if items and items[-1].line == i - 1 and text.endswith("."):
                continue  # "Minutes of the meeting held on 15 March 2022." details the title above it
            if marked_only:
                title = self.marked_title(lines, i)
            else:
                title = (i == header + 1 and text.startswith("To ")) or self.meeting_page_title(lines, i)
            if title:
                items.append(self.numbered_title(lines, i) or self.title_item(lines, i, None, "meeting_page_title"))
        numbered = [item for item in items if item.number]
        if len(numbered) >= 2 and len({item.number for item in numbered}) == 1:
            for item in numbered:  # every title "1. pdf ...": the number of a list of documents, not of items
                item.number, item.rule = None, "meeting_page_link"
        return items

    def marked_title(self, lines: list[Line], i: int) -> bool:
        """A title line with a document link ("... pdf icon PDF 98 KB"), or over a "Report of ..." line."""
        text = lines[i].text.strip()
        if self.has_document_link(text):
            return self.title_like(text)
        return (i + 1 < len(lines) and not lines[i].kind and self.heading_like(text) and len(text.split()) >= 2
                and bool(self.pattern["report_of"].match(lines[i + 1].text.strip())))

    def agenda_heading(self, lines: list[Line], i: int) -> bool:
        """A standard agenda title on its own line ("Apologies for Absence"), followed by its body."""
        text = lines[i].text
        return (lines[i].kind in (None, "attendance", "minutes") and self.heading_like(text)
                and self.is_agenda_title(self.clean_title(text)) and self.body_follows(lines, i))

    def attendance_lines(self, lines: list[Line]) -> list[int]:
        """Lines that list who attended ("Present: ...", "IN ATTENDANCE: ..."), at the top of minutes."""
        return [i for i, line in enumerate(lines) if self.is_attendance(line.text)]

    def is_attendance(self, text: str) -> bool:
        return ":" in text and self.headings.get(text.split(":", 1)[0].strip().lower()) == "attendance"

    def uncoded(self, text: str) -> str:
        """The title after a line's number ("1. pdf Revenue Budget (415Kb)" -> "pdf Revenue Budget (415Kb)")."""
        m = self.inline_code(text)
        return m.group("title") if m else text

    def has_document_link(self, text: str) -> bool:
        return len(self.clean_title(text)) < len(text.strip())

    def meeting_page_title(self, lines: list[Line], i: int) -> bool:
        """On an unnumbered meeting page, titles carry document links, are standard agenda titles,
        are followed by a "To receive ..." description, or are short title lines before a paragraph.
        A line after a list introduction ("... was reported:") is an entry of that list."""
        text = lines[i].text.strip()
        if text.endswith(_LIST_INTRO_ENDS):
            return False
        if self.is_agenda_title(text):  # a standard title, unless a sentence goes on from it
            return self.title_like(text) and not any(w in self.finite_verbs for w in text.split())
        previous = lines[i - 1] if i else None
        if previous is not None and not previous.kind and previous.text.rstrip().endswith(_LIST_INTRO_ENDS):
            return False
        if self.has_document_link(text) and self.title_like(self.uncoded(text)):
            return True
        if not self.heading_like(text):
            return False
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        if nxt.startswith(("To ", "This item", "This report")):
            return True
        if len(text.split()) > 8 or nxt.startswith(_BULLET):
            return False
        return (len(nxt) > 2 * len(text) or (nxt.endswith(".") and (_reads_as_sentence(nxt) or not self.heading_like(nxt, allow_period=True)))
                or self.is_field(nxt))  # "Title" over "Lead officer: ..."

    # -- single-item pages -------------------------------------------------------------------------
    def items_single_page(self, lines: list[Line]) -> list[ItemStart]:
        """One item whose title is a title line under the site's page chrome ("Issue - decisions", "Decision
        details"), the title in a dated decision line, the title line over the page's fields or first
        paragraph, the description before Minutes:/Decision:, else what the description says it is about."""
        first = 0
        while first < min(len(lines), 4) and self.page_top(lines[first].text):
            first += 1
        if first >= len(lines):
            return []
        for i in range(first, min(len(lines), first + 3)):
            dated = self.pattern["dated_title"].match(lines[i].text.strip())
            if dated:
                if i > first and self.heading_like(lines[i - 1].text, allow_period=True, max_words=30):
                    return [self.title_item(lines, i - 1, None, "dated_decision_title")]
                start = lines[i].start + lines[i].text.index(dated.group("title"))
                return [ItemStart(i, None, start, start + len(dated.group("title")), "dated_decision_title")]
        line = lines[first]
        if not line.kind and not self.pattern["report_of"].match(line.text.strip()):
            nxt = lines[first + 1].text.strip() if first + 1 < len(lines) else ""
            words = len(line.text.split())
            if nxt and self.heading_like(line.text) and words >= 2 and (
                    self.pattern["field_line"].match(nxt) or lines[first + 1].kind
                    or self.body_follows(lines, first) and words <= 15):
                return [self.title_item(lines, first, None, "page_title")]
        described = self.item_from_description(lines, first)
        return [described] if described else []

    def page_top(self, text: str) -> bool:
        """Lines above a single item's title: site chrome, the meeting's name and date, the page's fields."""
        text = text.strip()
        return self.is_page_chrome(text) or bool(self.pattern["meeting_header"].search(text)
                                                 or self.pattern["field_line"].match(text))

    def item_from_description(self, lines: list[Line], first: int) -> Optional[ItemStart]:
        """A page with no title line takes its title from the item's description: the subject its first
        paragraph names ("... provided details of the forecast outturn position for ...")."""
        for i in range(first, min(len(lines), first + 8)):
            text = lines[i].text
            if lines[i].kind or self.pattern["field_line"].match(text.strip()) or self.pattern["report_of"].match(text.strip()):
                continue
            subject = self.description_subject(text)
            if subject is None:
                return None  # the first paragraph names no subject
            start, end = subject
            return ItemStart(i, None, lines[i].start + start, lines[i].start + end, "description_subject")
        return None

    def description_subject(self, text: str, pos: int = 0) -> Optional[tuple[int, int]]:
        """Offsets of what a description says it is about, up to the end of that phrase; the innermost such
        phrase ("consideration to a report providing an update on the change ..." -> "the change ...")."""
        m = self.pattern["description_subject"].search(text, pos)
        if not m:
            return None
        start, end = m.span("subject")
        stop = self.pattern["subject_end"].search(text, start, end)
        end = stop.start() if stop else end
        inner = self.description_subject(text[:end], start)
        if inner:
            return inner
        subject = text[start:end].rstrip()
        if self.pattern["pronoun_start"].match(subject) or len(subject.split()) < 2:
            return None
        return start, start + len(subject)

    def items_fallback(self, lines: list[Line]) -> list[ItemStart]:
        """A single item whose title is the line before the first Minutes:/Decision: heading."""
        for i, line in enumerate(lines[:4]):
            if line.kind in ("minutes", "decision"):
                if i == 1 and not lines[0].kind and not self.pattern["report_of"].match(lines[0].text.strip()):
                    item = self.numbered_title(lines, 0) or self.title_item(lines, 0, None, "")
                    item.rule = "description_before_minutes"
                    return [item]
                break
        return []

    def find_items(self, lines: list[Line]) -> list[ItemStart]:
        """The items, read with time-of-day lines left out (an agenda's "10.05 am" between a title and its
        description neither is an item nor ends one); item lines are indices into `lines`."""
        kept = [i for i, line in enumerate(lines) if not self.is_time_line(line.text)]
        if len(kept) == len(lines):
            return self.find_items_in(lines)
        items = self.find_items_in([lines[i] for i in kept])
        for item in items:
            item.line = kept[item.line]
        timed = self.items_timed(lines)
        return timed if len(timed) > len(items) else items  # a programme only where it reads more items

    def items_timed(self, lines: list[Line]) -> list[ItemStart]:
        """A programme: each title follows its time of day, on the line before ("10.05 am") or in front of it
        ("15:15 Title"). Two such titles make the layout, taken where no other layout reads as many items."""
        items = []
        for i, line in enumerate(lines):
            text = line.text.strip()
            if self.is_time_line(text) or line.kind or self.is_attendance(text):
                continue
            if ((i > 0 and self.is_time_line(lines[i - 1].text)) or self.pattern["time_prefix"].match(text)) \
                    and self.title_like(text):
                items.append(self.numbered_title(lines, i) or self.title_item(lines, i, None, "timed_title"))
        return items if len(items) >= 2 else []

    def find_items_in(self, lines: list[Line]) -> list[ItemStart]:
        for layout in (self.items_printed, self.items_agenda_page, self.items_issue_page, self.items_minute_label,
                       self.items_report):
            items = layout(lines)
            if items:
                return items
        numbered = self.items_numbered(lines)
        if self.report_sections(lines, numbered):
            numbered = []  # "1. Introduction", "2. Background", ...: a report's numbered sections, not items
        if len(numbered) >= 2:
            return self.leading_agenda_titles(lines, numbered)
        return (self.items_unnumbered_meeting(lines) or numbered or self.items_fallback(lines)
                or self.items_single_page(lines))

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


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman_value(code: str) -> Optional[int]:
    """ "iv" -> 4; None unless the letters are a Roman numeral written the usual way."""
    values = [_ROMAN.get(c) for c in code.lower()]
    if None in values or not values:
        return None
    total = sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
    return total if 0 < total < 100 and _roman(total) == code.lower() else None


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _code_shapes(code: str, stop: str) -> list[tuple[str, tuple[int, ...]]]:
    """Each way to read an item code as (shape, numbers): "IV." -> ("I.", (4,)); "B." -> ("A.", (2,));
    "C." both; "6a" -> ("9", (6,)) as the number it extends; else _code_shape."""
    if not any(c.isdigit() for c in code):
        readings = []
        roman = _roman_value(code)
        if roman is not None:
            readings.append(("I" + stop if code.isupper() else "i" + stop, (roman,)))
        if len(code) == 1:
            readings.append(("A" + stop if code.isupper() else "a" + stop, (ord(code.lower()) - 96,)))
        return readings
    if code[-1].isalpha() and code[-2:-1].isdigit():
        code = code[:-1]
    return [_code_shape(code, stop)]


def _code_shape(code: str, stop: str) -> tuple[str, tuple[int, ...]]:
    """ "25/20" -> ("9/9", (25, 20)); "HC.043" -> ("HC.9", (43,)); "12" + "." -> ("9.", (12,))."""
    return re.sub(r"\d+", "9", code) + stop, tuple(int(n) for n in re.findall(r"\d+", code))


def _predecessors(key: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The numbers `key` can follow (see _follows)."""
    return [key[:n] + (key[n] - step,) + key[n + 1:] for n in range(len(key)) for step in range(1, _MAX_STEP + 1)]


def _follows(previous: tuple[int, ...], key: tuple[int, ...]) -> bool:
    """Does number `key` come next after `previous` in one numbering scheme? One part of it goes up a small
    step and the others stay ("25/20" -> "25/21", "26/23" -> "27/23", "12" -> "13" or "15")."""
    if len(previous) != len(key):
        return False
    steps = [b - a for a, b in zip(previous, key) if b != a]
    return len(steps) == 1 and 0 < steps[0] <= _MAX_STEP


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
        # Hook (minutes_document_kind): an inspection report's numbered paragraphs are no items; the report
        # is one item, written by minutes_inspection_report.
        items = [] if doc._.document_kind == "inspection_report" else self.segmenter.find_items(lines)
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
                "number": item.number, "agenda_number": item.agenda_number,
                "title": text[item.title_start:item.title_end].strip(),
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
    requires=["doc._.document_kind"],  # hook: an inspection report has no agenda items
    assigns=["doc.spans", "token.is_sent_start"],
    default_config={"rules": {}},
)
def make_segmenter(nlp: Language, name: str, rules: dict) -> SegmenterComponent:
    return SegmenterComponent(nlp, name, rules)
