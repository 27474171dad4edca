"""Item layouts a page announces itself: printed minutes ("Title" over "(Item 3)"), "Agenda item N" pages,
ModernGov issue pages ("Meeting: ... (Item 10)"), "Minute No. 12 - Title" labels, and a report's
"Subject:" / "Report of ..." lines. Each returns the items it finds or []; items.py tries them in order.
Numbered runs of items are numbered.py's, unnumbered meeting pages meeting_page.py's."""
from __future__ import annotations

from typing import Optional

from .headings import Headings
from .lines import ItemStart, Line


class Layouts(Headings):
    # -- item layouts, tried in order --------------------------------------------------------
    def items_printed(self, lines: list[Line]) -> list[ItemStart]:
        """Printed minutes: a title line, then "(Item 3)". A minute number before the title ("285. English
        Devolution White Paper") is the item's number; the agenda position in "(Item 3)" is not."""
        items = []
        for i, line in enumerate(lines):
            m = self.pattern["printed_marker"].match(line.text.strip())
            if m and i > 0:
                item = self.title_item(lines, i - 1, m.group("code"), "printed_item_marker")
                item.agenda_number = m.group("code") if m.group("kind").lower() == "item" else None
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

    def trailing_agenda_titles(self, lines: list[Line], items: list[ItemStart]) -> list[ItemStart]:
        """Unnumbered standard agenda headings after the last numbered item ("Date of next meeting" over its
        date, "Any other business" over "None."): procedural items the minutes print without a number. Each is
        a heading line of its own (no section heading or list entry) with its body under it."""
        found = []
        last = items[-1]
        first = next((j for j in range(last.line, len(lines)) if lines[j].end >= last.title_end), len(lines)) + 1
        for i in range(first, len(lines)):
            line = lines[i]
            text = self.clean_title(line.text)
            head, colon, _ = text.partition(":")
            # (the title itself, not one that begins with it: "Declarations of interest by any Cabinet Member" is a field)
            if line.kind or line.level or head.strip().lower().replace("’", "'") not in self.agenda_titles \
                    or not self.heading_like(head) \
                    or self.pattern["section_number"].match(text):
                continue
            if not colon and self.body_follows(lines, i):  # ("Date of next meeting: 12 June 2025." is a line of the minutes)
                start = line.start + line.text.index(head)
                found.append(ItemStart(i, None, start, start + len(head.rstrip()), "trailing_agenda_title"))
        return items + found

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
                below = self.numbered_minutes_below(lines, i)
                if below:  # an agenda pack's "Agenda Item 3" over the minutes of the last meeting: their items
                    return self.trailing_agenda_titles(lines, self.leading_agenda_titles(lines, below))
                written = self.pattern["agenda_item"].match(line.text.strip()).group(1)
                report = self.items_report(lines) if written else []
                if report:  # "Agenda Item 7" over a report's "Report to:" / "Subject:" fields
                    report[0].number = written
                    return report
                number = written or self.item_number_near(lines, i + 1)
                if self.pattern["meeting_item"].match(lines[i + 1].text.strip()):
                    # no title line: "Agenda item" over the meeting line ("Meeting of Panel, ... (Item 7.)"),
                    # then the description ("To receive the annual report of ...") names the item
                    described = self.item_from_description(lines, i + 2)
                    if described:
                        described.number = number
                    return [described] if described else []
                if lines[i + 1].kind and not self.is_agenda_title(lines[i + 1].text):
                    # no title line: "Agenda item" over "Purpose of the report:"
                    described = self.item_from_description(lines, i + 1)
                    if described:
                        described.number = number
                    return [described] if described else []
                if not self.heading_like(lines[i + 1].text, allow_period=True, max_words=30):
                    # no title line: "Agenda Item 7" over the minutes' prose ("The Committee received a report ...")
                    described = self.item_from_description(lines, i + 1)
                    if described:
                        described.number = number
                        return [described]
                numbered = self.numbered_title(lines, i + 1)  # "Agenda item" over "7. Title (Pages 12 - 40)"
                if numbered and numbered.number.isdigit() and number in (None, numbered.number):  # ("23/24 Budget": a year)
                    numbered.rule = "agenda_item_page"
                    return [numbered]
                item = self.title_item(lines, self.past_header_lines(lines, i + 1), number, "agenda_item_page")
                item.line = i + 1  # (the header lines passed over belong to the item)
                return [item]
        return []

    def numbered_minutes_below(self, lines: list[Line], label: int) -> list[ItemStart]:
        """Under an "Agenda Item N" label, the record of a meeting ("Minutes of the meeting held on ...", or its
        attendance lines) with a numbered run of at least two items that are no report's sections: those items
        (the label's own number is none of them). [] otherwise."""
        header = any(self.pattern["minutes_header"].match(line.text) or self.is_attendance(line.text)
                     for line in lines[label + 1:label + 1 + self.header_reach])
        if not header:
            return []
        numbered = [item for item in self.items_numbered(lines) if item.line > label + 1]
        return numbered if len(numbered) >= 2 and not self.report_sections(lines, numbered) else []

    def past_header_lines(self, lines: list[Line], k: int) -> int:
        """Under "Agenda Item 6", the meeting's header lines (the body and its date, "Improvement Board - 9
        December 2025"; the council's name) before the report's title: the first title line under them."""
        first = k
        while k + 1 < min(len(lines), first + 3) and not lines[k].kind and not lines[k + 1].kind:
            text = lines[k].text.strip()
            if not (self.pattern["ends_with_date"].search(text) or self.pattern["date_line"].match(text)
                    or self.pattern["organisation_line"].match(text)):
                break
            k += 1
        nxt = lines[k].text.strip()
        return k if self.heading_like(nxt) and not self.pattern["ends_with_date"].search(nxt) else first

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
            if title > 0 and self.pattern["authority_line"].match(lines[title].text.strip()) \
                    and self.heading_like(lines[title - 1].text, max_words=30):
                title -= 1  # "Title", "Cyngor Sir X / X County Council", "Meeting of ... (Item 7.)": the name is no title
            if self.pattern["issue_meetings_header"].match(lines[title].text.strip()) \
                    or self.pattern["meeting_header"].search(lines[title].text):
                # no title line above the meeting line: the title the description names, if it names one
                described = self.item_from_description(lines, j + 1)
                if described is None:
                    return []
                described.number = m.group(1)
                return [described]
            numbered = self.numbered_title(lines, title, m.group(1))  # "Item - 6 Youth Justice Plan" over it
            if numbered:
                numbered.rule = "issue_page"
                return [numbered]
            return [self.title_item(lines, title, m.group(1), "issue_page")]
        return []

    def items_minute_label(self, lines: list[Line]) -> list[ItemStart]:
        """Every "Minute No. 12 – Title" line that reads as a title."""
        items = []
        for i, line in enumerate(lines):
            if not line.text.lstrip().startswith(self.minute_label_starts):
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
                return self.subject_fields(lines, i) or [
                    ItemStart(0, None, line.start + line.text.index(m.group(1)), self.strip_chrome(line)[1],
                              "subject_of_report")]
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
        if i + 1 < len(lines) and self.pattern["person_line"].match(lines[i + 1].text.strip()):
            return [self.title_item(lines, i, None, "report_title")]  # "Report of the Cabinet Member" over its author
        if i + 1 < len(lines) and self.heading_like(lines[i + 1].text.strip()) and not lines[i + 1].kind:
            return [self.header_cell_title(self.title_item(lines, i + 1, None, "report_title"), lines)]  # "Report of ..." over its title
        if i > 0 and self.report_title_above(lines[i - 1]):
            return [self.header_cell_title(self.title_item(lines, i - 1, None, "report_title"), lines)]  # "Title" over "Report of the Director"
        return []

    def header_cell_title(self, item: ItemStart, lines: list[Line]) -> ItemStart:
        """A report's header line in cells ("Fire Authority | Community Risk Management Plan | 18 March 2026"):
        the title is the one cell that names neither the body nor a date."""
        line = lines[item.line]
        text = line.text
        if " | " not in text:
            return item
        cells, pos = [], 0
        for cell in text.split(" | "):
            start = text.index(cell, pos)
            pos = start + len(cell)
            stripped = cell.strip()
            if (stripped and not self.pattern["organisation_line"].match(stripped)
                    and not self.pattern["body_name_line"].match(stripped)
                    and not self.pattern["date_line"].match(stripped) and self.heading_like(stripped)):
                cells.append((start + len(cell) - len(cell.lstrip()), stripped))
        if len(cells) == 1:
            start, cell = cells[0]
            item.title_start, item.title_end = line.start + start, line.start + start + len(cell)
        return item

    def subject_fields(self, lines: list[Line], first: int) -> list[ItemStart]:
        """A record of several decisions, each under the same field ("Title: ..." ... "Title: ..."), with body
        lines between: one item per field. [] for a single field."""
        label = lines[first].text.split(":", 1)[0].strip().lower()
        found = []
        for i in range(first, len(lines)):
            text = lines[i].text.strip()
            m = self.pattern["subject_field"].match(text)
            if m and m.group(1) and text.split(":", 1)[0].strip().lower() == label \
                    and (not found or i - found[-1].line > 1):
                start = lines[i].start + lines[i].text.index(m.group(1))
                found.append(ItemStart(i, None, start, self.strip_chrome(lines[i])[1], "subject_field_list"))
        if len(found) < 2:
            return []
        found[0].line = 0  # the record's header belongs to its first decision, as for a single subject
        return found

    def report_title_above(self, line: Line) -> bool:
        """Is the line above a "Report of ..." line the report's title (not the meeting's name or date)?"""
        text = line.text.strip()
        return (not line.kind and not self.page_top(text) and len(text.split()) >= 2 and self.heading_like(text)
                and not self.pattern["date_line"].match(text))

