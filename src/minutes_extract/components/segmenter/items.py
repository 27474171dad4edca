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
            return self.with_wrapped_titles(lines, self.find_items_in(lines) or self.items_timed(lines, minimum=1))
        items = self.find_items_in([lines[i] for i in kept])
        for item in items:
            item.line = kept[item.line]
        timed = self.items_timed(lines, minimum=1 if not items else 2)
        return self.with_wrapped_titles(lines, timed if len(timed) > len(items) else items)  # a programme only where it reads more items

    def with_wrapped_titles(self, lines: list[Line], items: list[ItemStart]) -> list[ItemStart]:
        """Titles that a narrow column wrapped onto the next line ("PLACE SCRUTINY COMMITTEE'S RECOMMENDATIONS ON
        FLOOD" over "RESILIENCE", "Review of Grants to the" over "Voluntary Sector") end on that line."""
        if not self.title_wrap_max_words:
            return items
        starts = {item.line for item in items}
        for item in items:
            k = next((j for j in range(item.line, min(item.line + 2, len(lines)))
                      if lines[j].start <= item.title_start <= lines[j].end), None)
            if k is None or k + 1 in starts or item.title_end < lines[k].start + len(lines[k].text.rstrip()) - 1:
                continue  # (a title cut short of its line's end, by chrome or a run-in sentence, is whole)
            head = lines[k].text[item.title_start - lines[k].start:item.title_end - lines[k].start].strip()
            if self.wraps_onto(lines, k, head) or (k == item.line + 1 and self.second_title_line(lines, k, head)):
                item.title_end = self.strip_chrome(lines[k + 1])[1]
            elif item.number is None and k == item.line and k - 1 not in starts and self.wrapped_from(lines, k, head):
                item.title_start = self.strip_chrome(lines[k - 1])[0]
                item.line = k - 1
        return items

    def wrapped_from(self, lines: list[Line], k: int, tail: str) -> bool:
        """Is the unnumbered title `tail` on line k the end of a title begun on the line above ("REVIEW OF THE
        STATEMENT OF GAMBLING" over "PRINCIPLES 2026-2029")? The line above is a capitals title line with no stop
        after a paragraph that ended its sentence, and the title is in capitals too and no standard title."""
        if k < 2 or self.is_agenda_title(tail):
            return False
        above = lines[k - 1]
        text = self.clean_title(above.text)
        # (not in capitals: both lines in one style, title case or sentence case, and one title's length together:
        # "Housing Revenue Account Business Plan" over "Refresh 2026-2056")
        same_style = (text.isupper() if tail.isupper() else
                      not text.isupper() and self.capitalised(text) == self.capitalised(tail)
                      and len((text + " " + tail).split()) <= self.run_heading_words
                      and any(len(w) > 3 and w[0].isalpha() for w in text.split()) and not self.is_time_line(text))
        return (not above.kind and not above.level and same_style and len(text.split()) <= self.run_heading_words
                and not text.endswith(tuple(self.sentence_ends) + (":", ";", ",")) and not self.is_attendance(text)
                and not self.is_field(text) and not self.is_page_chrome(text) and not self.is_agenda_title(text)
                and not self.pattern["ends_with_date"].search(text)  # ("CABINET 12 MARCH 2026": a running header)
                and " | " not in text  # (a row of cells, the normaliser's separator: a navigation bar, no title)
                and self.heading_like(text) and (lines[k - 2].text.strip().endswith(tuple(self.sentence_ends))
                                                 or self.publisher_line(lines, k - 2)))

    def publisher_line(self, lines: list[Line], i: int) -> bool:
        """A line that only names the publishing council or body ("HALWICK COUNTY COUNCIL") above a report's
        title lines."""
        text = lines[i].text.strip()
        return bool(self.pattern["organisation_line"].match(text)) or self.capitals_organisation(lines, i)

    def wraps_onto(self, lines: list[Line], k: int, head: str) -> bool:
        """Does the title `head` on line k go on on line k + 1? The next line is short, ends no sentence, is no
        heading or field of its own, has body text under it, and either the title stops on a word that cannot
        end one ("... FOR A") or both lines are in capitals."""
        if k + 2 >= len(lines) or not head:
            return False
        nxt = lines[k + 1]
        text = nxt.text.strip()
        if (nxt.kind or nxt.level or not text or len(text.split()) > self.title_wrap_max_words
                or text.endswith(tuple(self.sentence_ends) + (":", ";", ",")) or self.is_field(text)
                or self.is_attendance(text) or self.is_page_chrome(text) or self.is_agenda_title(text)
                or bool(self.pattern["report_of"].match(text)) or bool(self.pattern["date_line"].match(text))
                or self.inline_code(text) or self.pattern["item_code_alone"].match(text)
                or not self.body_follows(lines, k + 1)):
            return False
        last = head.split()[-1].lower()
        if last in self.title_wrap_words or (lines[k].text.rstrip().endswith(":") and text[:1].islower()):
            return True  # ("Mayor's Transport Plan:" over "progress update")
        letters = [c for c in text if c.isalpha()]
        return (head.isupper() and bool(letters) and text.isupper()) or self.title_block(lines, k, head, text)

    def title_block(self, lines: list[Line], k: int, head: str, text: str) -> bool:
        """A title-cased heading printed as a block of two lines set apart by blank lines ("Item 3: Minutes of the
        Previous Meeting and Matters" over "Arising", then a blank line and the body): the page, not the words,
        says the second line goes on the title. No person's name (a presenter under the title) goes on it."""
        def adjacent(i: int) -> bool:
            return lines[i + 1].start == lines[i].end + 1
        words = [w for w in text.split() if w[0].isalpha()]
        return (adjacent(k) and not adjacent(k + 1) and (k == 0 or not adjacent(k - 1))
                and bool(words) and words[0][0].isupper() and not head.isupper() and not text.isupper()
                and self.capitalised(head) and self.capitalised(text)
                and not self.pattern["person_line"].match(text) and not self.has_finite_verb(text + "."))

    def second_title_line(self, lines: list[Line], k: int, head: str) -> bool:
        """Under a number alone on its line, a title printed on two lines in the same style, each a title of its
        own length ("YMDDIHEURIADAU" over "APOLOGIES": a bilingual heading), before the item's body text."""
        if k + 2 >= len(lines):
            return False
        nxt = lines[k + 1]
        text = self.clean_title(nxt.text)
        # ("MINUTES", "APOLOGIES" name sections too; a decision heading under a title is its section)
        return ((not nxt.kind or (nxt.kind not in self.decision_kinds and ":" not in text))
                and not nxt.level and head.isupper() and text.isupper()
                and len(text.split()) <= self.run_heading_words and self.title_like(text)
                and not text.endswith(tuple(self.sentence_ends) + (":", ";", ","))
                and not self.is_field(text) and not self.is_attendance(text) and not self.is_page_chrome(text)
                and not self.pattern["report_of"].match(text) and not self.pattern["date_line"].match(text)
                and not self.inline_code(text) and not self.pattern["item_code_alone"].match(text)
                and (self.body_follows(lines, k + 1) or bool(lines[k + 2].kind)))

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
            return self.trailing_agenda_titles(lines, self.leading_agenda_titles(lines, numbered))
        return (self.items_unnumbered_meeting(lines) or numbered or self.items_fallback(lines)
                or self.items_single_page(lines))

