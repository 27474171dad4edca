"""Numbered items: the longest run of lines numbered in one scheme (the code's shape - "12.", "25/20",
"HC.043", "IV." - and small steps up), with lettered sub-items ("6a") in place. Numbered sentences
(minute paragraphs, decision clauses after "RESOLVED:") are no candidates. The arithmetic of codes is
numbering.py's; unnumbered headings are not here."""
from __future__ import annotations

import re
from typing import Optional

from .headings import Headings
from .lines import ItemStart, Line
from .numbering import Numbered, code_shapes, follows, predecessors, reads_as_sentence


_RUN_IN_SEPARATORS = (": ", " – ", " - ", " — ")  # after a heading run into its minute


class NumberedItems(Headings):
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

    # -- numbered items: the longest run of like numbers --------------------------------------
    def numbered_candidates(self, lines: list[Line]) -> list[Numbered]:
        """Lines that open a numbered item: a number alone over a title line, or a number and a title.
        Numbered sentences (minute paragraphs, decision clauses after "RESOLVED:") are not candidates."""
        out: list[Numbered] = []
        paragraph = None  # the number of the last numbered paragraph of the minutes themselves
        clause = False  # ... and whether those paragraphs are the clauses of a decision
        notes = False  # under a press release's "Notes to editors" heading: its numbered lines are notes
        for i, line in enumerate(lines):
            text = line.text.strip()
            alone = self.pattern["item_code_alone"].match(text) or self.pattern["item_letter_alone"].match(text)
            if alone:
                title = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
                if title and self.title_like(title, numbered=True) and not self.pattern["item_code_alone"].match(title):
                    # (a number under a number is no title: "2." over "21.")
                    item = self.title_item(lines, i + 1, alone.group("code"), "numbered_item")
                    item.line = i
                    out.extend(self.coded(item, alone, self.sentence_title(title), lines, i + 1))
                continue
            m = self.inline_code(text)
            if not m:
                notes = bool(self.pattern["notes_heading"].match(text))
                continue
            if notes:
                continue  # "Notes to editors" over "1. The trust was set up in 2022 ...": a press release's notes
            shape, key = code_shapes(m.group("code"), m.group("stop"))[0]
            title = self.without_run_in(m.group("title"))
            sentence = title.rstrip().endswith((".", "?", ":")) and reads_as_sentence(title)
            after_intro = i > 0 and (lines[i - 1].kind or lines[i - 1].text.rstrip().endswith(self.list_intro_ends))
            continues = paragraph is not None and follows(paragraph, key, self.max_step)
            clause_shaped = (sentence or title[:1].islower() or title.startswith(self.clause_starts)
                             or title.split()[0].lower() in self.decision_verbs)  # "Approve the revised policy"
            previous = lines[i - 1].text.rstrip() if i else ""
            after_decision = i > 0 and ((lines[i - 1].kind in self.decision_kinds and not previous.endswith(".")
                                         and not self.titled_record(lines, i, title, clause_shaped))
                                        or (clause_shaped and previous.endswith(self.list_intro_ends)))
            if (sentence and (after_intro or continues)) or after_decision or (continues and clause and clause_shaped):
                paragraph, clause = key, after_decision or clause  # minute paragraphs or decision clauses, not items
                continue
            clause = False
            if title.endswith(":") and self.pattern["colon_heading"].match(title):
                title = title[:-1]  # "25/044 Minutes:": after an item number even a section word is a title
            if self.pattern["month_start"].match(title):
                continue  # "14 DECEMBER 2009"
            tail = self.pattern["title_date_tail"].search(title)
            if tail:
                title = title[:tail.start()]  # "24/037 Date of next meeting: Monday 13th May 2024.": the date is no title
            if self.pattern["table_cells"].search(self.without_chrome(title)):
                continue  # "2. Court disposals | Outstanding": a numbered row of a table, not an item
            caps = self.pattern["caps_title_end"].split(title, 1)
            if len(caps) == 2 and caps[0].isupper() and not (caps[1].isupper() and self.title_like(title, numbered=True)):
                title = caps[0]  # "48 (8) ANNUAL PERFORMANCE ASSESSMENT – The Service Director ..."
                # (a capitals title going on after its dash, "LICENCE - KINGS ARMS", is whole)
            elif not self.title_like(title, numbered=True):
                continue
            start = line.start + line.text.index(title)
            start, end = self.strip_chrome(Line(start, start + len(title), title))  # ("24. Document Title": an icon's word)
            out.extend(self.coded(ItemStart(i, m.group("code"), start, end, "numbered_item"), m,
                                  self.sentence_title(title), lines, i))
        return out

    def titled_record(self, lines: list[Line], i: int, title: str, clause_shaped: bool) -> bool:
        """Under a "Decisions" heading, a numbered line that reads as a title ("14. Residents' Parking Scheme")
        and has an item's fields or body under it opens a decision record, not a clause: every longer word
        capitalised, no closing stop, and the line under it is a field ("Decision Maker: ...") or prose."""
        words = [w for w in title.split() if len(w) > 3 and w[0].isalpha()]
        return (not clause_shaped and bool(words) and all(w[0].isupper() for w in words)
                and not title.rstrip().endswith((".", ";", ":", ",")) and i + 1 < len(lines)
                and self.is_field(lines[i + 1].text.strip()))

    def without_run_in(self, title: str) -> str:
        """The heading of a numbered line run into its first sentence ("Call-in: Closure of X Centre The Board
        considered ..." -> "Call-in: Closure of X Centre"); the line as it is when no such sentence follows a
        verbless heading."""
        if not self.has_finite_verb(title) and not title.rstrip().endswith("."):
            return title
        dash = self.pattern["caps_title_end"].search(title)
        if dash and title[:dash.start()].isupper():
            return title  # ("TITLE – There were none.": a capitals title ended by its dash is read below)
        m = self.pattern["run_in_heading"].match(title)
        if not m or self.has_finite_verb(m.group("title")):
            return self.colon_run_in(title) or title
        return m.group("title").rstrip(" :–—-")  # ("Risk register – Members reviewed ...": the dash ends the title)

    def colon_run_in(self, title: str) -> Optional[str]:
        """A short heading run into its minute after a colon or a dash ("Apologies: Cllr D sent apologies.", "Minutes:
        Resolved that ...", "Risk register – Members reviewed the register.", "Apologies – none."): the heading, when
        what follows reads as a sentence (after a dash: one with a verb) or is a word or two ended by a stop. A title
        with a colon or dash inside it ("Call-in: Closure of the Day Centre", "Petition - Street Lighting") is whole."""
        cut = min((k for k in (title.find(sep) for sep in _RUN_IN_SEPARATORS) if k > 0), default=-1)
        if cut < 0:
            return None
        head, dash = title[:cut].strip(), title[cut] != ":"
        rest = title[cut:].lstrip(" :–—-").strip()
        if not rest or not (0 < len(head.split()) <= self.colon_run_words) \
                or not rest.endswith(tuple(self.sentence_ends)) or not self.heading_like(head):
            return None
        if len(rest.split()) <= 2:
            return head
        if dash:
            return head if self.has_verb(rest) else None
        return head if reads_as_sentence(rest) else None

    def has_verb(self, text: str) -> bool:
        """A finite or reporting verb, or a past tense, after the first word ("Members reviewed the register.")."""
        return any(w.lower() in self.finite_verbs or w.lower() in self.reporting_verbs or (len(w) > 4 and w.endswith("ed"))
                   for w in text.split()[1:])

    def coded(self, item: ItemStart, m: re.Match, sentence: bool, lines: list[Line], title: int) -> list[Numbered]:
        """The candidate(s) for a numbered line, one per way of reading its code ("I." is a Roman one or the
        letter I). A letter or Roman numeral numbers an item only over body text (else it is a list entry)."""
        code, stop = m.group("code"), m.group("stop")
        lettered = not any(c.isdigit() for c in code)
        if lettered and not self.body_follows(lines, title):
            return []
        sub = bool(self.pattern["sub_item_code"].match(code))
        rule = "lettered_item" if lettered else "sub_item" if sub else item.rule  # own names: own confidence
        return [Numbered(ItemStart(item.line, item.number, item.title_start, item.title_end, rule), shape, key,
                          sentence, sub, lettered) for shape, key in code_shapes(code, stop)]

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
            for previous in predecessors(cand.key, self.max_step):
                k = best.get((cand.shape, previous))
                if k is not None and (length[k] + 1 > length[j] or (length[k] + 1 == length[j] and k < back[j])):
                    length[j], back[j] = length[k] + 1, k
            known = best.get((cand.shape, cand.key))
            if known is None or length[j] > length[known] or (
                    length[j] == length[known] and self.body_follows(lines, cand.item.line)
                    and not self.body_follows(lines, cands[known].item.line)):
                best[(cand.shape, cand.key)] = j  # (a title repeated with its body under it: the item itself)
        def run(j: int) -> list[Numbered]:
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
        longest = max(length[n] for n in ends)
        tied = [n for n in ends if length[n] == longest]
        # A contents list repeats the item titles above the minutes: of equally long runs, the one whose titles
        # have their body under them.
        j = max(tied, key=lambda n: (sum(self.body_follows(lines, c.item.line) for c in run(n)), -n)) \
            if len(tied) > 1 else tied[0]
        if all(c.sentence or self.has_finite_verb(self.title_text(lines, c.item)) for c in run(j)):
            return []  # numbered sentences ("3. To request officers to ...", "1. Leaders must ...") are clauses, not items
        chain = self.across_gaps(run(j), cands, lines) if length[j] > 1 else run(j)
        return self.with_sub_items(chain, [c for c in every if c.sub])

    def across_gaps(self, chain: list[Numbered], cands: list[Numbered], lines: list[Line]) -> list[Numbered]:
        """The run with the items beyond a larger gap in its numbering (exempt or withdrawn items between):
        candidates of its shape before or after it, numbered lower or higher by at most max_item_gap, that
        no list introduction leads into."""
        def fits(cand: Numbered) -> bool:
            above = cand.item.line - 1
            while above > 0 and lines[above].level > 0 and lines[above].text.lstrip()[:1].isdigit():
                above -= 1  # the numbered entries of a list above it, up to what introduces them
            return (cand.shape == chain[0].shape and not cand.lettered and not cand.sentence
                    and not (above >= 0 and lines[above].text.rstrip().endswith(self.list_intro_ends)))
        for cand in cands:
            if cand.item.line > chain[-1].item.line and fits(cand) and follows(chain[-1].key, cand.key, self.max_gap):
                chain.append(cand)
        for cand in reversed(cands):
            if cand.item.line < chain[0].item.line and fits(cand) and follows(cand.key, chain[0].key, self.max_gap):
                chain.insert(0, cand)
        return chain

    def with_sub_items(self, chain: list[Numbered], subs: list[Numbered]) -> list[ItemStart]:
        """The sequence with its lettered sub-items ("6a", "6b" after "6", or after "5" when 6 has none)
        in place: each sits after the item whose number it extends or follows."""
        items = [c.item for c in chain]
        for sub in subs:
            before = [k for k, c in enumerate(chain) if c.item.line < sub.item.line]
            if not before:
                continue
            previous = chain[before[-1]]
            if previous.shape == sub.shape and (previous.key == sub.key or follows(previous.key, sub.key, self.max_step)) \
                    and all(item.line != sub.item.line for item in items):
                items.append(sub.item)
        return sorted(items, key=lambda item: item.line)

    def report_sections(self, lines: list[Line], items: list[ItemStart]) -> bool:
        """Are most of these numbered titles a report's section headings ("Background", "Recommendations")?"""
        titles = [self.title_text(lines, item) for item in items]
        # a question ("What is the report about?", "What Ofsted found") heads a report's section; an agenda item is never one
        sections = sum((self.section_kind(t) is not None or t.rstrip().endswith("?")
                        or bool(self.pattern["question_heading"].match(t.strip()))) and not self.is_agenda_title(t)
                       for t in titles)
        return len(items) >= 2 and sections * 2 > len(items)

    @staticmethod
    def title_text(lines: list[Line], item: ItemStart) -> str:
        for line in lines[item.line:item.line + 2]:
            if line.start <= item.title_start <= line.end:
                return line.text[item.title_start - line.start:item.title_end - line.start]
        return ""

