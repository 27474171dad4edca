"""Unnumbered meeting pages: item headings under a "No. Item" header, or from the first of at least two
standard agenda headings ("Apologies for Absence"), or titles a page marks by a document link or a
"Report of ..." line under them. Numbered items are numbered.py's."""
from __future__ import annotations

from typing import Optional

from .headings import Headings
from .lines import ItemStart, Line
from .numbering import reads_as_sentence


class MeetingPage(Headings):
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
                return self.items_heading_run(lines)
            marked_only = len(agenda) < 2
            # (marked titles: from the first of them, or from a standard agenda heading below the attendance lines)
            floor = max(self.attendance_lines(lines), default=-1)
            first = min([marked[0]] + [i for i in agenda if i > floor]) if marked_only else agenda[0]
            if not marked_only:
                first = self.titles_above(lines, first)
            header = first - 1
        items = []
        for i in range(header + 1, len(lines)):
            text = lines[i].text.strip()
            if lines[i].kind and not self.agenda_heading(lines, i):
                continue
            if items and items[-1].line == i - 1 and text.endswith("."):
                continue  # "Minutes of the meeting held on 15 March 2022." details the title above it
            if marked_only:  # titles marked by a link or a "Report of" line, and standard agenda headings
                title = self.marked_title(lines, i) or self.agenda_heading(lines, i)
            else:
                title = (i == header + 1 and text.startswith(self.infinitive_start)) or self.meeting_page_title(lines, i)
            if title:
                items.append(self.numbered_title(lines, i) or self.title_item(lines, i, None, "meeting_page_title"))
        numbered = [item for item in items if item.number]
        if len(numbered) >= 2 and len({item.number for item in numbered}) == 1:
            for item in numbered:  # every title "1. pdf ...": the number of a list of documents, not of items
                item.number, item.rule = None, "meeting_page_link"
        return items

    def titles_above(self, lines: list[Line], first: int) -> int:
        """The first item of minutes whose first standard agenda heading comes after other business ("Public
        Participation", "Open Forum" over its paragraph): title lines between the record's header (its "Minutes of
        ... held on" line or attendance lines) and that heading, each over body text."""
        marks = [i for i in self.attendance_lines(lines) if i < first]
        marks += [i for i in range(first) if self.pattern["minutes_header"].match(lines[i].text)]
        if not marks:
            return first
        top = max(marks)
        above = [i for i in range(top + 1, first) if not lines[i].kind and not self.is_attendance(lines[i].text)
                 and self.run_heading(lines, i, top)]
        return above[0] if above else first

    def under_attachments_heading(self, lines: list[Line], i: int) -> bool:
        """A link in a web page's list of downloads ('Related documents' over 'Ofsted report 2025 (PDF, 540 KB)')."""
        k = i - 1
        while k >= 0 and self.has_document_link(lines[k].text.strip()):
            k -= 1
        return k >= 0 and bool(self.pattern["attachments_heading"].match(lines[k].text.strip()))

    def marked_title(self, lines: list[Line], i: int) -> bool:
        """A title line with a document link ("... pdf icon PDF 98 KB"), or over a "Report of ..." line."""
        text = lines[i].text.strip()
        if self.has_document_link(text):  # (not a link's invitation: "Read the full report (PDF, 412 KB)")
            return self.title_like(text) and not self.pattern["link_prompt"].match(text) \
                and not self.under_attachments_heading(lines, i)
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        return (bool(nxt) and not lines[i].kind and self.heading_like(text) and len(text.split()) >= 2
                and not self.presenter_line(text)
                and (bool(self.pattern["report_of"].match(nxt)) or self.presented_under(lines, i)))

    def presented_under(self, lines: list[Line], i: int) -> bool:
        """A title over the line naming who presents it ("Sarah Price, Planning Manager"), then the item's body."""
        return (i + 2 < len(lines) and self.presenter_line(lines[i + 1].text)
                and not self.presenter_line(lines[i + 2].text) and self.body_follows(lines, i + 1))

    def agenda_heading(self, lines: list[Line], i: int) -> bool:
        """A standard agenda title on its own line ("Apologies for Absence"), followed by its body."""
        text = lines[i].text
        # (the cheap title lookup first: most lines are no standard title, and heading_like is the costly test)
        return (lines[i].kind in (None, "attendance", "minutes") and self.is_agenda_title(self.clean_title(text))
                and self.heading_like(text) and self.body_follows(lines, i))

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
        if self.without_heading_colon(text).endswith(self.list_intro_ends) or self.presenter_line(text):
            return False
        if self.is_agenda_title(text):  # a standard title, unless a sentence goes on from it
            return self.title_like(text) and not any(w in self.finite_verbs for w in text.split())
        previous = lines[i - 1] if i else None
        if previous is not None and not previous.kind and previous.text.rstrip().endswith(self.list_intro_ends):
            return False
        if self.has_document_link(text) and self.title_like(self.uncoded(text)):
            return True
        if self.lowercase_tail(lines, i) and self.heading_like(text.rstrip(":")):
            return True  # "Mayor's Transport Plan:" over "progress update", then the body
        if not self.heading_like(text):
            return False
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        if nxt.startswith(self.description_starts) or self.presented_under(lines, i) or self.labelled_below(lines, i):
            return True
        if (len(text.split()) > 8 and not self.long_title(lines, i)) or nxt.startswith(self.bullet):
            return False
        return (len(nxt) > 2 * len(text) or (nxt.endswith(".") and (reads_as_sentence(nxt) or not self.heading_like(nxt, allow_period=True)))
                or self.is_field(nxt))  # "Title" over "Lead officer: ..."

    def labelled_below(self, lines: list[Line], i: int) -> bool:
        """A title over the page's label for the item's record ("Minutes:", "Decision:" alone on its line, as a
        ModernGov or CMIS page prints under every item heading), in a title's style."""
        if i + 1 >= len(lines) or lines[i].kind:
            return False
        label = lines[i + 1]
        text = self.clean_title(lines[i].text)
        return (label.kind in ("minutes",) + tuple(self.decision_kinds) and label.text.strip().endswith(":")
                and (self.capitalised(text) or self.verbless(text)) and not self.presenter_line(text))

    def lowercase_tail(self, lines: list[Line], i: int) -> bool:
        """Does the title on line i go on on a short line that starts in lower case and ends no sentence ("Mayor's
        Transport Plan:" over "progress update"), with body text under that?"""
        if i + 2 >= len(lines):
            return False
        nxt = lines[i + 1]
        text = nxt.text.strip()
        return (not nxt.kind and not nxt.level and text[:1].islower() and len(text.split()) <= self.title_wrap_max_words
                and not text.endswith(tuple(self.sentence_ends) + (":", ";", ",")) and self.body_follows(lines, i + 1))

    def long_title(self, lines: list[Line], i: int) -> bool:
        """A longer title keeps a title's style ("COUNCILLOR X'S REQUEST FOR A REVIEW OF ...") and starts after
        a paragraph that ended its sentence; a capitalised line straight under a title is that title's subtitle
        ("Presentation of A, Director of ...")."""
        previous = lines[i - 1].text.strip() if i else ""
        text = lines[i].text.strip()
        # (a sentence-case title of a run's length has no finite verb: "Adult Skills Fund: allocations to
        # colleges and training providers for 2026/27" over its report line)
        styled = self.capitalised(text) or (len(text.split()) <= self.run_heading_words and self.verbless(text))
        return styled and previous.endswith(self.sentence_ends)

    # -- a run of like heading lines -----------------------------------------------------------------
    def items_heading_run(self, lines: list[Line]) -> list[ItemStart]:
        """Minutes whose item headings carry no number and few standard titles: below the page's header (its
        "Minutes of ... held on" line or attendance lines), the title lines that come after a paragraph and
        before one, all in one style (capitals, or not). Two make the layout."""
        top = self.minutes_top(lines)
        if top is None:
            if not self.reads_as_minutes(lines):
                return []
            top = -1  # a meeting record with no header: its first heading may be its first line
        heads = [i for i in range(top + 1, len(lines)) if self.run_heading(lines, i, top)]
        # a one-word heading ("AOB", "Finance") has no style of its own: it goes with the run's style
        single = {i for i in heads if len(self.clean_title(lines[i].text).split()) == 1}
        capitals = [i for i in heads if self.clean_title(lines[i].text).isupper() and i not in single]
        styled = [i for i in heads if i not in single]
        style = capitals if len(capitals) * 2 > len(styled) else [i for i in styled if i not in capitals]
        if len(style) >= 2:
            style = sorted(set(style) | single)
        if len(style) < 2:
            return []
        items = [self.title_item(lines, i, None, "heading_run") for i in style]
        for item in items:
            if lines[item.line].text[item.title_end - 1 - lines[item.line].start] == ":":
                item.title_end -= 1  # "Grounds maintenance contract:": the colon is no part of the title
        return items

    def reads_as_minutes(self, lines: list[Line]) -> bool:
        """A page with no header that records decisions ("The Panel AGREED to ...", "RESOLVED:") at least twice."""
        cue = self.pattern["minutes_cue"]
        return sum(bool(cue.match(line.text.strip())) for line in lines) >= 2

    def minutes_top(self, lines: list[Line]) -> Optional[int]:
        """The last line of a meeting record's header: "Minutes of the meeting held on ..." (or a short line naming
        minutes and a year) or the attendance lines under it; None when the document does not read as the record
        of a meeting."""
        marks = [i for i in self.attendance_lines(lines) if i < self.header_reach]
        marks += [i for i, line in enumerate(lines[:self.header_reach]) if self.pattern["minutes_header"].match(line.text)]
        # "Attendance" / "Members present" on a line of its own: the names are on the line under it
        marks += [i + 1 for i, line in enumerate(lines[:self.header_reach - 1])
                  if line.kind == "attendance" and ":" not in line.text and i + 1 < len(lines)]
        return max(marks) if marks else None

    def run_heading(self, lines: list[Line], i: int, top: int) -> bool:
        """A heading of the run: a short title line with no closing stop (capitalised, or in sentence case with no
        finite verb), after the header, a field line or a paragraph that ended its sentence, and followed by body
        text."""
        line = lines[i]
        text = self.clean_title(line.text)
        if line.kind or self.is_attendance(text) or len(text.split()) > self.run_heading_words or self.presenter_line(text) \
                or text.strip().lower() in self.field_labels:  # ("Action" alone over an action: a field's label)
            return False
        if self.colon_run_heading(lines, i, text):
            text = text[:-1]  # "Grounds maintenance contract:" over its paragraph
        if not (self.heading_like(text) and self.title_like(text) and (self.capitalised(text) or self.verbless(text))):
            return False
        if self.lower_case_verb(text):
            return False  # "Apologies were received from ..." begins like a standard title but is a sentence
        previous = lines[i - 1].text.strip()
        after_paragraph = (i - 1 == top or previous.endswith(self.sentence_ends)
                           or bool(self.pattern["field_line"].match(previous))  # "Officers: ..." of the header
                           or self.running_header(previous) or self.after_attendance_list(lines, i)
                           or (self.notes_bullet(lines, i - 1) and ":" not in text))  # (not a row "Area: Good")
        return after_paragraph and (self.body_follows(lines, i) or self.sections_below(lines, i)
                                    or self.notes_bullet(lines, i + 1))

    def notes_bullet(self, lines: list[Line], k: int) -> bool:
        """Line k is a bullet of notes ("• 48% of new plans issued within 20 weeks"): the body of a heading in
        notes kept as bullet points, not the entry of a list a sentence introduces."""
        if not 0 <= k < len(lines) or not lines[k].text.lstrip().startswith(self.bullet):
            return False
        first = k
        while first > 0 and lines[first - 1].text.lstrip().startswith(self.bullet):
            first -= 1
        return first == 0 or not lines[first - 1].text.rstrip().endswith(self.list_intro_ends)

    def after_attendance_list(self, lines: list[Line], i: int) -> bool:
        """Is line i the first after an attendance list printed one entry a line under its label ("Attendance"
        over "Director of Adult Social Services (Chair)", ...)? Every line between is an entry: no stop, no
        section label."""
        for k in range(i - 1, max(-1, i - 1 - self.header_reach), -1):
            if lines[k].kind == "attendance" and ":" not in lines[k].text:
                return k < i - 1
            text = lines[k].text.strip()
            if lines[k].kind or text.endswith(tuple(self.sentence_ends) + (":",)) or self.body_follows(lines, k):
                return False
        return False

    def sections_below(self, lines: list[Line], i: int) -> bool:
        """A heading over the first of its item's sections ("Rapid Review Update" over "Discussion", then the
        discussion): a section label that is no attendance list, with body text under it."""
        return (i + 2 < len(lines) and lines[i + 1].kind not in (None, "attendance")
                and self.body_follows(lines, i + 1))

    def running_header(self, text: str) -> bool:
        """A page's running header, the body and the meeting's date ("CABINET 12 MARCH 2026", "Cabinet - 12 March
        2026"): it ends the page before it as a paragraph does."""
        return bool(self.pattern["ends_with_date"].search(text)) and self.heading_like(text) and len(text.split()) <= 8

    def colon_run_heading(self, lines: list[Line], i: int, text: str) -> bool:
        """A short heading ending with a colon over a paragraph (not over a list): no list introduction
        ("Members raised the following:"), no field ("Action:")."""
        words = text[:-1].split()
        return (text.endswith(":") and 0 < len(words) <= self.colon_run_words and i + 1 < len(lines)
                and lines[i + 1].level == 0 and not self.is_field(text)
                and not any(cue in text.lower() for cue in self.intro_cues))

    def verbless(self, text: str) -> bool:
        """A sentence-case title ("Virtual School termly report") has no finite verb; an unpunctuated sentence
        ("Apologies were received from ...") has one."""
        return not any(word.lower() in self.finite_verbs for word in text.split())

    def lower_case_verb(self, text: str) -> bool:
        """A finite verb written in lower case after the first word: a sentence's, not a title's ("Apologies
        were received ..."; a title-case heading capitalises its verbs)."""
        return any(word in self.finite_verbs for word in text.split()[1:])

    def capitalised(self, text: str) -> bool:
        """Capitals, or every longer word capitalised ("Care Leavers' Local Offer"): the style of a title."""
        words = [w for w in self.without_heading_colon(text).split() if len(w) > 3 and w[0].isalpha()]
        return all(w[0].isupper() for w in words) or self.is_agenda_title(text)
