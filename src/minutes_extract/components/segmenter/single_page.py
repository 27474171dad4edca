"""Pages with one item and no item layout: the title under the site's page chrome, a dated decision line,
the title over the page's fields or first paragraph, the line before "Minutes:"/"Decision:", else the subject
the description names ("... provided details of the forecast outturn ..."). Tried last (items.py)."""
from __future__ import annotations

from typing import Optional

from .headings import Headings
from .lines import ItemStart, Line


class SinglePage(Headings):
    # -- single-item pages -------------------------------------------------------------------------
    def items_single_page(self, lines: list[Line]) -> list[ItemStart]:
        """One item whose title is a title line under the site's page chrome ("Issue - decisions", "Decision
        details"), the title in a dated decision line, the title line over the page's fields or first
        paragraph, the description before Minutes:/Decision:, else what the description says it is about."""
        headline = self.headline_after_contents(lines) or self.headline_over_contents(lines) or self.news_headline(lines) \
            or self.page_headline(lines)
        if headline:
            return [headline]
        if self.title_over_publisher(lines, 0) or self.colon_title_over_prose(lines):
            return [self.title_item(lines, 0, None, "page_title")]  # "Ofsted focused visit: questions and answers"
        first = 0
        while first < min(len(lines), 4) and (self.page_top(lines[first].text) or self.capitals_organisation(lines, first)):
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
        if self.page_title(lines, first) or self.title_over_publisher(lines, first):
            return [self.title_item(lines, first, None, "page_title")]
        if self.title_over_sections(lines, first) or self.title_over_subtitle(lines, first):
            return [self.title_item(lines, first, None, "page_title_over_sections")]
        for j in range(first + 1, min(first + 3, len(lines))):
            # under short header lines ("Record of an Officer Decision", "Cabinet", its date): the title
            if not all(self.header_line(lines[k].text) for k in range(first, j)):
                break
            if self.page_title(lines, j) and not lines[j - 1].text.strip().endswith(lines[j].text.strip()):
                return [self.title_item(lines, j, None, "page_title")]  # (a breadcrumb ending in it is chrome)
        described = self.item_from_description(lines, first)
        return [described] if described else []

    def news_headline(self, lines: list[Line]) -> Optional[ItemStart]:
        """A news page or press release: its headline is the first title-like line, with a dateline ("Press
        release", "News | 19 February 2026", "Posted on 5 May 2025", a date alone) within the two lines under
        it. The dateline is chrome, never the title; a headline may hold a colon ("Ofsted: improvement
        needed ...") without being a field."""
        # (the site's chrome lines - menu, search, share links - are passed over wherever they stand)
        unchromed = [i for i in range(len(lines)) if not self.is_page_chrome(lines[i].text.strip())]
        for n, i in enumerate(unchromed[:self.headline_reach]):
            text = lines[i].text.strip()
            if lines[i].kind or self.is_dateline(text) or self.pattern["organisation_line"].match(text) \
                    or self.pattern["report_to_line"].match(text) \
                    or self.pattern["masthead_line"].match(text) and not self.title_with_site(text):
                continue  # (the site's name or menu over the headline)
            if len(text.split()) < 3 or not self.heading_like(self.headline_body(text)) \
                    or self.pattern["meeting_header"].search(text):
                return None
            if any(self.is_dateline(lines[k].text.strip()) for k in unchromed[n + 1:n + 3]):
                return self.site_titled_item(lines, i, "news_headline") \
                    or self.title_item(lines, self.english_of_pair(lines, i), None, "news_headline")
            return None
        return None

    def headline_after_contents(self, lines: list[Line]) -> Optional[ItemStart]:
        """A newsletter: masthead lines, an 'In this issue' list of entries with page numbers, then the lead
        article's headline, the first title line under the list."""
        heading = next((i for i in range(min(len(lines), self.headline_reach + 2))
                        if self.pattern["contents_heading"].match(lines[i].text.strip())), None)
        if heading is None:
            return None
        k = heading + 1
        while k < len(lines) and self.pattern["contents_entry"].match(lines[k].text.strip()):
            k += 1
        if k == heading + 1 or k >= len(lines):
            return None
        text = lines[k].text.strip()
        words = len(text.split())
        if lines[k].kind or not 3 <= words <= 25 or not self.headline_body(text)[:1].isupper() \
                or text.endswith((".", ":", ";", ",")):
            return None  # (the list vouches for the headline: "JTAI: what inspectors said ..." may report speech)
        return self.title_item(lines, k, None, "headline_after_contents")

    def headline_over_contents(self, lines: list[Line]) -> Optional[ItemStart]:
        """A web page with an 'On this page' list of its sections: its title is the nearest title line above the
        list, passing over the site's chrome (skip link, breadcrumb, the site's name, its menu) above that."""
        at = next((i for i in range(min(len(lines), self.header_reach))
                   if self.pattern["page_contents_heading"].match(lines[i].text.strip())), None)
        for i in range(at - 1 if at else -1, -1, -1):
            text = lines[i].text.strip()
            if self.page_furniture(text) or self.pattern["organisation_line"].match(text):
                continue
            if lines[i].kind or len(text.split()) < 2 or not self.heading_like(text):
                return None
            return self.title_item(lines, i, None, "headline_over_contents")
        return None

    def page_headline(self, lines: list[Line]) -> Optional[ItemStart]:
        """A web page's headline as its first line of substance: over it only the site's masthead or breadcrumb
        ("Kestrel Vale Life | Winter 2025", "Home > News"), a capitalised section label ("FAMILIES") or a
        dateline ("PRESS RELEASE", "For immediate release: 8 October 2025"); the headline reads as a title
        of three words or more that is not a known field ("Date:") - a colon in it ("Letter to parents: our
        SEND inspection") is no field's label."""
        for i, line in enumerate(lines[:self.headline_reach + 1]):
            text = line.text.strip()
            titled = self.site_titled_item(lines, i, "page_headline")
            if titled and (i > 0 or self.over_page_furniture(lines, i)):
                return titled  # "Ofsted inspection of children's services | Northam Council" over the breadcrumb
            if self.page_furniture(text) or self.pattern["organisation_line"].match(text):
                continue
            if i == 0 and not self.over_page_furniture(lines, i) or text.isupper():
                return None  # a report's cover lines ("HALWICK COUNTY COUNCIL"), no web page's headline
            if line.kind or len(text.split()) < 3 or self.is_field(text) or self.minutes_page_line(lines, i) \
                    or not self.heading_like(text.replace(":", " -", 1).lstrip(self.opening_quotes)):
                return None
            return self.title_item(lines, self.english_of_pair(lines, i), None, "page_headline")
        return None

    def title_with_site(self, text: str) -> Optional[str]:
        """A page's title with the site's name after a bar, as a browser tab shows it ("Our Ofsted result | Northam
        Council"): the title, or None."""
        if text.count(" | ") != 1:
            return None
        title, site = (part.strip() for part in text.split(" | "))
        if len(title.split()) < 3 or not self.pattern["organisation_line"].match(site) or not self.heading_like(title):
            return None
        return title

    def site_titled_item(self, lines: list[Line], i: int, rule: str) -> Optional[ItemStart]:
        line = lines[i]
        title = None if line.kind else self.title_with_site(line.text.strip())
        if title is None:
            return None
        start = line.start + line.text.index(title)
        return ItemStart(i, None, start, start + len(title), rule)

    def over_page_furniture(self, lines: list[Line], i: int) -> bool:
        """Is the line under line i a web page's furniture or a field ("Home > News", "Date published: ...",
        "From: ...", "Council | Children's Services", a line dated at its end)? (Line i's Welsh/English twin may come between.)"""
        k = self.english_of_pair(lines, i) + 1
        if k >= len(lines):
            return False
        text = lines[k].text.strip()
        return self.page_furniture(text) or bool(self.pattern["field_line"].match(text)
                                                 or self.pattern["ends_with_date"].search(text))

    def english_of_pair(self, lines: list[Line], i: int) -> int:
        """A bilingual page's headline printed twice, Welsh line first: the English line under it."""
        if i + 1 < len(lines) and self.pattern["welsh_line"].search(lines[i].text) \
                and not self.pattern["welsh_line"].search(lines[i + 1].text) and self.heading_like(lines[i + 1].text) \
                and not self.page_furniture(lines[i + 1].text.strip()):
            return i + 1
        return i

    def minutes_page_line(self, lines: list[Line], i: int) -> bool:
        """A line of a minutes page the other single-page rules read: the meeting's header, a "Report of ..."
        line, a dated decision line, a line over a "Minutes:"/"Decision:" heading."""
        text = lines[i].text.strip()
        return bool(self.pattern["meeting_header"].search(text) or self.pattern["report_of"].match(text)
                    or self.pattern["dated_title"].match(text)) or (i + 1 < len(lines) and lines[i + 1].kind is not None)

    opening_quotes = "'\"‘“"  # a headline may open with a quoted word ("'Good' news for children's services")
    headline_articles = ("A ", "An ", "The ")  # a dated headline may open with an article, unlike minutes' titles

    def headline_body(self, text: str) -> str:
        """A news headline read as a title: without an opening quotation mark or article ('"A home where children
        are known and loved": Ofsted on ...', 'The council's Ofsted result'), which the dateline under it allows."""
        text = text.lstrip(self.opening_quotes)
        for article in self.headline_articles:
            if text.startswith(article) and text[len(article):][:1].isalpha():
                rest = text[len(article):].lstrip(self.opening_quotes)
                return rest[:1].upper() + rest[1:]
        return text

    def page_furniture(self, text: str) -> bool:
        """Lines above a web page's headline that are not its title."""
        return self.is_page_chrome(text) or self.is_dateline(text) \
            or bool(self.pattern["masthead_line"].match(text) or self.pattern["section_label_line"].match(text))

    def colon_title_over_prose(self, lines: list[Line]) -> bool:
        """A page's first line shaped as 'Name: words' whose label is no known field, over a paragraph of prose
        ("Fostering with Brindle Council: our Ofsted ratings" over "Brindle Fostering is ..."): the page's title."""
        if len(lines) < 2 or lines[0].kind or lines[1].kind:
            return False
        text, nxt = lines[0].text.strip(), lines[1].text.strip()
        label = text.split(":", 1)[0]
        return (":" in text and len(label.split()) >= 3 and not self.is_field(text) and not self.minutes_page_line(lines, 0)
                and self.heading_like(text.replace(":", " -", 1)) and nxt.endswith(".") and len(nxt) > max(60, len(text))
                and not self.pattern["field_line"].match(nxt))

    def title_over_publisher(self, lines: list[Line], i: int) -> bool:
        """A title line over a line that only names the publishing body ("Youth Justice Service inspection
        outcome" over "Ravensholme Youth Justice Partnership"): the body's name is no title."""
        if i + 1 >= len(lines) or lines[i].kind or not self.heading_like(lines[i].text):
            return False
        return len(lines[i].text.split()) >= 2 and bool(self.pattern["organisation_line"].match(lines[i + 1].text.strip()))

    def capitals_organisation(self, lines: list[Line], i: int) -> bool:
        """A report's cover line naming its council in capitals ("HALWICK COUNTY COUNCIL") over more title lines:
        the publisher, not the title."""
        text = lines[i].text.strip()
        if not text.isupper() or i + 1 >= len(lines) or lines[i + 1].kind:
            return False
        small = {"of", "and", "the", "for", "upon", "on"}
        cased = " ".join(w.lower() if w.lower() in small else w.capitalize() for w in text.split())
        return bool(self.pattern["organisation_line"].match(cased))

    def is_dateline(self, text: str) -> bool:
        return bool(text) and bool(self.pattern["dateline"].match(text))

    def page_title(self, lines: list[Line], i: int) -> bool:
        """A title line over the page's fields, a section heading or (a short one) its first paragraph."""
        line = lines[i]
        if line.kind or self.pattern["report_of"].match(line.text.strip()) or i + 1 >= len(lines) \
                or self.page_top(line.text):
            return False
        k = i + 1
        if k + 1 < len(lines) and self.pattern["authority_line"].match(lines[k].text.strip()):
            k += 1  # "Title" over the council's name, then the page's fields or sections
        nxt, words = lines[k], len(line.text.split())
        asked = i == 0 and line.text.rstrip().endswith("?")  # a page titled by a question ("How is our scheme rated?")
        return self.heading_like(line.text, allow_period=asked) and words >= 2 and bool(
            self.pattern["field_line"].match(nxt.text.strip()) or nxt.kind or self.body_follows(lines, k - 1) and words <= 15
            or self.pattern["salutation_line"].match(nxt.text.strip()))  # a letter's title over "Dear foster carers,"

    def title_over_sections(self, lines: list[Line], i: int) -> bool:
        """The page's first heading-like line is its title when the page repeats it as a breadcrumb's last
        step ("Home > ... > Our inspection outcome") or when it stands over a sequence of section headings
        (a heading over body text, then another later): the line under it is its first section, not its title."""
        line = lines[i].text.strip()
        if lines[i].kind or len(line.split()) < 2 or not self.heading_like(line) or i + 1 >= len(lines):
            return False
        if lines[i + 1].text.strip().endswith(line) and lines[i + 1].text.strip() != line:
            return True
        first = i + 1
        if first + 1 < len(lines) and self.pattern["authority_line"].match(lines[first].text.strip()):
            first += 1  # "Title", "Cyngor Bro X / X Borough Council", then the sections
        if not self.page_title(lines, first):
            return False
        return any(self.page_title(lines, k) for k in range(first + 2, min(len(lines), first - 1 + self.sections_reach)))

    def title_over_subtitle(self, lines: list[Line], i: int) -> bool:
        """A page's title over a subtitle line ("Our improvement journey" over "Children's services in Marlow
        Heath"), then its sections (a heading over body text: right under the subtitle, or twice): the first line is
        the page's title."""
        if i + 2 >= len(lines) or lines[i].kind or lines[i + 1].kind:
            return False
        title, subtitle = lines[i].text.strip(), lines[i + 1].text.strip()
        if len(title.split()) < 2 or not self.heading_like(title) or not self.heading_like(subtitle) \
                or self.page_top(subtitle) or self.body_follows(lines, i + 1) and self.page_title(lines, i + 1):
            return False  # (a subtitle over body text is the page's first section, read by title_over_sections)
        sections = [k for k in range(i + 2, min(len(lines), i + 2 + self.sections_reach))
                    if self.page_title(lines, k) or self.section_heading_over_body(lines, k)]
        return bool(sections) and (sections[0] == i + 2 or len(sections) >= 2)  # (a section right under the subtitle)

    def section_heading_over_body(self, lines: list[Line], k: int) -> bool:
        """A short heading line ("Timeline", "Still to do") over body text: a section of the page."""
        text = lines[k].text.strip()
        return not lines[k].kind and len(text.split()) <= self.header_words and self.heading_like(text) \
            and not self.page_top(text) and self.body_follows(lines, k)

    def header_line(self, text: str) -> bool:
        """A short line above a page's title: the document's kind, the body's name, the meeting's date."""
        return self.page_top(text) or (self.heading_like(text) and len(text.split()) <= self.header_words)

    def page_top(self, text: str) -> bool:
        """Lines above a single item's title: site chrome, the meeting's name and date, the page's fields."""
        text = text.strip()
        return self.is_page_chrome(text) or bool(self.pattern["meeting_header"].search(text)
                                                 or (self.pattern["field_line"].match(text) and not self.headline(text))
                                                 or self.pattern["report_to_line"].match(text)
                                                 or self.pattern["date_line"].match(text)) or self.header_cells(text)

    def header_cells(self, text: str) -> bool:
        """A header line in cells naming only the body and the date ("Ashdown District Council | Licensing Committee
        | 4 June 2026"): above the title, not the title."""
        cells = [c.strip() for c in text.split(" | ")]
        return len(cells) > 1 and all(self.pattern["organisation_line"].match(c) or self.pattern["body_name_line"].match(c)
                                      or self.pattern["date_line"].match(c) for c in cells)

    def headline(self, text: str) -> bool:
        """A field-shaped line that is a page's headline: "Adult social care assessment: X Council" names what
        was assessed and whom; a field's label ("Decision maker:") is a known one."""
        return bool(self.pattern["headline_subject"].search(text) or ":" in text and self.pattern["embedded_question"].match(text)) \
            and not self.is_field(text)  # ("Easy read: What Ofsted said about us": a question, no field's value)

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
            titled = self.pattern["description_title"].search(text, pos) if pos == 0 else None
            return titled.span("subject") if titled else None  # "... considered the Fostering Annual Report"
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
                if i == 1 and not lines[0].kind and not self.pattern["report_of"].match(lines[0].text.strip()) \
                        and not self.is_agenda_item(lines[0].text.strip()):  # "Agenda item" names no item
                    item = self.numbered_title(lines, 0) or self.title_item(lines, 0, None, "")
                    item.rule = "description_before_minutes"
                    return [item]
                break
        return []
