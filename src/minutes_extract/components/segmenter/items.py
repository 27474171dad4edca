"""The Segmenter: finds a document's items by trying the page layouts (layouts.py), then the numbered run
(numbered.py), unnumbered meeting pages (meeting_page.py) and single-item pages (single_page.py), with
time-of-day lines set aside and programmes read from their times. Spans are made in factory.py."""
from __future__ import annotations

from .layouts import Layouts
from .lines import ItemStart, Line
from .meeting_page import MeetingPage
from .numbered import NumberedItems
from .single_page import SinglePage


class Segmenter(Layouts, NumberedItems, MeetingPage, SinglePage):
    def find_items(self, lines: list[Line]) -> list[ItemStart]:
        """The items, read with time-of-day lines left out (an agenda's "10.05 am" between a title and its
        description neither is an item nor ends one); item lines are indices into `lines`."""
        kept = [i for i, line in enumerate(lines) if not self.is_time_line(line.text)]
        if len(kept) == len(lines):
            return self.find_items_in(lines) or self.items_timed(lines, minimum=1)
        items = self.find_items_in([lines[i] for i in kept])
        for item in items:
            item.line = kept[item.line]
        timed = self.items_timed(lines, minimum=1 if not items else 2)
        return timed if len(timed) > len(items) else items  # a programme only where it reads more items

    def items_timed(self, lines: list[Line], minimum: int = 2) -> list[ItemStart]:
        """A programme: each title follows its time of day, on the line before ("10.05 am") or in front of it
        ("15:15 Title"). Two such titles make the layout, taken where no other layout reads as many items;
        one (`minimum` 1) where no other layout reads any: notes of a single timed item."""
        items = []
        for i, line in enumerate(lines):
            text = line.text.strip()
            if self.is_time_line(text) or line.kind or self.is_attendance(text):
                continue
            if ((i > 0 and self.is_time_line(lines[i - 1].text)) or self.pattern["time_prefix"].match(text)) \
                    and (self.title_like(text) or self.fragments_title_like(text)):
                items.append(self.numbered_title(lines, i) or self.title_item(lines, i, None, "timed_title"))
        return items if len(items) >= minimum else []

    def fragments_title_like(self, text: str) -> bool:
        """A timed title made of verbless phrases ended by full stops ("15:15 Ofsted Inspection. Feedback and
        Next Steps."): the time in front of it marks it as a title, so its stops end phrases, not sentences."""
        fragments = [f.strip() for f in text.split(". ")]
        fragments = [f for f in fragments if f and not f.startswith(("-", "–"))]  # (a presenter after a dash)
        return len(fragments) > 1 and all(self.title_like(f + ".") for f in fragments)

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

