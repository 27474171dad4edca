"""Heading recognition, line by line: what kind of section heading a line is, whether it reads as a title
(short, capitalised, no closing full stop after a verb, no reported speech), chrome around a title (webcast
times, document links), fields ("Lead officer: ..."), attendance lines, list introductions. Every word list
and pattern comes from segmenter.json. Which headings are items (the layouts and numbering) is not here."""
from __future__ import annotations

import re
from typing import Optional

from ...matching import RuleFields
from .lines import ItemStart, Line, ListLevels, split_lines


class Headings(RuleFields):
    finite_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    field_labels: frozenset[str]
    bullet: str
    list_intro_ends: tuple[str, ...]
    decision_kinds: tuple[str, ...]
    description_starts: tuple[str, ...]
    clause_starts: tuple[str, ...]
    infinitive_start: str
    minute_label_starts: tuple[str, ...]
    sentence_ends: tuple[str, ...]
    decision_verbs: frozenset[str]
    title_wrap_words: frozenset[str] = frozenset()
    title_wrap_max_words: int = 0

    def __init__(self, rules: dict):
        super().__init__(rules)
        self.headings = {h: kind for kind, names in rules["section_headings"].items() for h in names}
        self.agenda_titles = set(rules["agenda_titles"])
        # a standard agenda title, alone or followed by more words or a comma
        self.agenda_title = re.compile("(?:" + "|".join(map(re.escape, sorted(self.agenda_titles))) + r")(?:[ ,]|\Z)"
                                       if self.agenda_titles else r"(?!)")
        ends = rules.get("chrome_pattern_ends", [])
        self.chrome = [(re.compile(p, re.I), re.compile(ends[i], re.I) if i < len(ends) else None)
                       for i, p in enumerate(rules["chrome_patterns"])]
        self.chrome_end_chars = rules.get("chrome_end_chars", 3)
        self._clean_titles: dict[str, str] = {}  # clean_title's answers for this document's lines (read_lines)
        self.chrome_prefix = [re.compile(p, re.I) for p in rules["chrome_prefix_patterns"]]
        self.intro_cues = tuple(rules["list_intro_cues"])
        self.pattern = {name: re.compile(p) for name, p in rules["item_patterns"].items()}
        self.page_chrome = set(rules["page_chrome_lines"])
        self.levels = ListLevels(rules["list_markers"])
        self.max_step = rules["max_item_step"]
        self.max_gap = rules["max_item_gap"]
        self.header_reach = rules["header_reach"]
        self.headline_reach = rules["headline_reach"]
        self.run_heading_words = rules["run_heading_words"]
        self.colon_run_words = rules.get("colon_run_heading_words", 0)
        self.header_words = rules["header_words"]
        self.sections_reach = rules["sections_reach"]

    # -- pure helpers -------------------------------------------------------------------------
    def read_lines(self, text: str) -> list[Line]:
        """The non-blank lines, each with its section kind and list level (asked for many times)."""
        self._clean_titles = {}  # a new document
        lines = split_lines(text)
        for k, line in enumerate(lines):
            line.kind = self.section_kind(line.text)
            line.level = self.levels.level(line.text.strip())
            if line.kind == "recommendations" and k and self.pattern["inspectorate_improvement_heading"].match(
                    lines[k - 1].text.strip()):
                line.kind = None  # the inspectorate's recommendations ("What the service needs to do to improve")
        return lines

    def strip_chrome(self, line: Line) -> tuple[int, int]:
        """Title offsets without link chrome such as "pdf icon PDF 86 KB", "(0:24.50)" or "(agenda item 7)"
        after it, or a time of day ("15:15 Title") before it."""
        text = self.without_chrome(line.text.rstrip())
        text = self.without_heading_colon(text.rstrip(" -–"))
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
        return self.heading_kind(key) if len(key) < 60 else None

    def heading_kind(self, key: str) -> Optional[str]:
        """The section kind a lower-cased heading names; a bilingual decision or attendance label
        ("penderfyniad / decision", "yn bresennol / present") names it in either half (a bilingual item title,
        "CYLLID / FINANCE", stays a title)."""
        kind = self.headings.get(key)
        if kind is None and " / " in key:
            kinds = {self.headings.get(half.strip()) for half in key.split(" / ")} - {None}
            kind = kinds.pop() if len(kinds) == 1 else None
            if kind not in self.decision_kinds and kind != "attendance":
                kind = None
        return kind

    def clean_title(self, text: str) -> str:
        """The line's title without chrome; asked about the same lines by several layouts, so kept."""
        cleaned = self._clean_titles.get(text)
        if cleaned is None:
            cleaned = self._clean_titles[text] = self._clean_title(text)
        return cleaned

    def without_chrome(self, text: str) -> str:
        """The text without the chrome patterns' matches at its end. Each pattern's match ends in a known way
        before trailing space (chrome_pattern_ends): a line ending otherwise is not searched."""
        for pattern, end in self.chrome:
            if end is None or end.search(text.rstrip()[-self.chrome_end_chars:]):
                text = pattern.sub("", text)
        return text

    def _clean_title(self, text: str) -> str:
        text = self.without_chrome(text).strip().rstrip(" -–")
        return text[self.prefix_length(text):]

    def is_time_line(self, text: str) -> bool:
        """A time of day alone on its line ("5.30pm", "18:00", "2.00 pm - 3.30 pm"): a programme's
        timing, neither an item nor its body."""
        return bool(self.pattern["time_line"].match(text.strip()))

    def heading_like(self, text: str, allow_period: bool = False, max_words: int = 25) -> bool:
        """A short line that reads as a title, not a sentence of minutes."""
        text = self.without_heading_colon(self.clean_title(text))
        words = text.split()
        if not words or len(words) > max_words or text.startswith(self.bullet) or text.endswith((":", ";", ",")):
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
        if self.pattern["embedded_question"].match(text):
            return False  # "Easy read: What Ofsted said about ...": a question's clause, not someone's act
        return any(word in self.reporting_verbs for word in text.split()[1:])

    def title_like(self, text: str, numbered: bool = False) -> bool:
        """A heading line: short, not a list introduction; a closing full stop only on a title with no verb
        (numbered titles are judged by the sequence they are in instead)."""
        if not self.heading_like(text, allow_period=True, max_words=30):
            return False
        # (judged without its chrome: "Title PDF 498 KB Minutes:" is a title with its link and the page's label run on)
        return (not self.without_heading_colon(self.clean_title(text)).endswith(self.list_intro_ends)
                and (numbered or not self.has_finite_verb(text)))

    def without_heading_colon(self, text: str) -> str:
        """A title-cased heading may end with a colon ("Apologies for Absence:"): the colon is no list
        introduction. Section headings ("Decision:") keep theirs (they are sections, not items)."""
        if text.endswith(":") and self.pattern["colon_heading"].match(text) and self.section_kind(text) is None:
            return text[:-1]
        return text

    def has_finite_verb(self, text: str) -> bool:
        """A full stop after a verb ("Apologies were received from ...") ends a sentence, not a title."""
        cleaned = self.clean_title(text)
        return cleaned.endswith(".") and any(w in self.finite_verbs for w in cleaned.split()[1:])

    def sentence_title(self, text: str) -> bool:
        """A long line with a closing full stop: a title only when others like it are items."""
        cleaned = self.clean_title(text)
        return cleaned == text.strip() and cleaned.endswith(".") and len(cleaned.split()) > 8

    def is_agenda_title(self, text: str) -> bool:
        """A standard agenda title ("Apologies for Absence"), also as either half of a bilingual heading
        ("YMDDIHEURIADAU / APOLOGIES")."""
        key = text.lower().rstrip(". ").replace("’", "'")
        return bool(self.agenda_title.match(key)) or (
            " / " in key and any(self.agenda_title.match(half.strip()) for half in key.split(" / ")))

    def presenter_line(self, text: str) -> bool:
        """A person named with their role ("Sarah Price, Planning Manager", "Tom Quinn - Senior Solicitor"): who
        presents an item or attends, printed under a title or in a list; short and unpunctuated like a heading, but
        never one."""
        return bool(self.pattern["presenter_line"].match(text.strip()))

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
                or self.reports_speech(nxt) or self.is_field(nxt) or bool(self.pattern["report_of"].match(nxt))
                or self.unstopped_sentence(nxt, lines[index].text.strip()))

    def unstopped_sentence(self, text: str, heading: str) -> bool:
        """A sentence of notes printed without its full stop ("Cllr Elder sent apologies", "Payments of £1,245
        were approved"): longer than the heading above it, with a finite verb in lower case after its first word."""
        words = text.split()
        return (len(words) >= 4 and len(text) > len(heading) and not text.startswith(self.bullet)
                and any(w in self.finite_verbs for w in words[1:]))

    # -- blocks and sections -------------------------------------------------------------------
    def intro_for(self, lines: list[Line], index: int, floor: int) -> Optional[tuple[int, int]]:
        """The paragraph that introduces the list containing line `index`, if it reads as one."""
        level = self.levels.level(lines[index].text)
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


    def attendance_lines(self, lines: list[Line]) -> list[int]:
        """Lines that list who attended ("Present: ...", "IN ATTENDANCE: ..."), at the top of minutes."""
        return [i for i, line in enumerate(lines) if self.is_attendance(line.text)]

    def is_attendance(self, text: str) -> bool:
        return ":" in text and self.heading_kind(text.split(":", 1)[0].strip().lower()) == "attendance"

