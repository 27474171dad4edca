"""JudgementFinder: judgement candidates in a text (pure: no spaCy); tables, sentences, cues and filters.
The areas a grade belongs to are read by the mixins in areas.py and lists.py."""
from __future__ import annotations

import re
from typing import Optional

from ...matching import WindowSearch, lines_holding, lowered, nonblank_lines
from ...matching.ends import holds_any, required_characters
from .areas import AreaReader
from .blocks import entity_area, scorecard_area
from .grid import GradeGrid
from .lists import _NAME_SPLIT, AreaLists
from .rules import (
    ANAPHORIC, _CLAUSE_REACH, _QUOTES, _REACH_AFTER, _REACH_BEFORE, _SENTENCE_END, _VETO, Candidate, Cue, JudgementRules,
    _pieces, _Sentence,
)


_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")
_APPENDED_GRADE = re.compile(r",\s+with\s+(?:an?\s+)?(?=[RrOoGgIi])")  # a row's appended clause: ", with Outstanding for ..."
_SENTENCE_IN_CELL = re.compile(r"[.!?]\s+\S")  # a cell holding a sentence end is running text, not a table cell


_PROVISION_OBJECT = re.compile(r"\bthe\s+(?:service|home|agency|scheme)\b", re.I)  # "rated the service Good"
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_PARAGRAPH_LINES_ABOVE = 2  # lines above a sentence's line read for the paragraph's own homes or agencies
_PAGE_INTRO_LINES = 4  # lines at a page's top that may introduce the provision it is about


class JudgementFinder(AreaLists, AreaReader, GradeGrid):
    """Judgement candidates in a text (pure: no spaCy)."""

    def __init__(self, rules: JudgementRules):
        self.r = rules
        self.paragraph_graded = False  # a sentence before, in the same paragraph, held a judgement
        # paragraph_own is asked of the sentence being read (_own_at); None: no sentence, False
        self._own_at: Optional[tuple[list[tuple[int, str]], int, str, str, int]] = None
        self._own_above: Optional[bool] = None  # own_provision_above for the line being read, once asked
        self._own: Optional[bool] = None  # paragraph_own of the sentence being read, once asked

    # -- entry point ------------------------------------------------------------------------------
    def find(self, text: str) -> list[Candidate]:
        low = lowered(text)
        grades = self.r.prefilter_started.finditer(text, low)
        if not grades or self.other_scale_only(text, low):
            return []
        own = self.r.own_authority_name.search(text[:self.r.own_authority_reach])
        own_name = (own.group("name") or own.group("name2")) if own else ""
        self.own_authority = {w.lower() for w in re.findall(r"[\w’'-]+", own_name)}
        out: list[Candidate] = []
        lines = nonblank_lines(text)
        in_context = WindowSearch(self.r.inspection_context_started, text, low)
        w = self.r.context_window
        key = self.grade_key(lines)
        for k in lines_holding([m.start() for m in grades], lines):
            pos, line = lines[k]
            if not in_context(max(0, pos - w), pos + w) or self.r.grade_key_line.match(line) \
                    or key and self.lettered(line, key):
                continue  # (a legend of grade letters grades nothing; rows graded in its letters are read below)
            grid = self.grid_row(lines, k)
            if grid:  # a row of grade cells under a header row: each column read from its header
                out.extend(grid)
                continue
            cells = self.cell_row(lines, k)
            if cells is not None:  # a row of three or more cells: its grade cells, targets left out
                out.extend(cells)
                continue
            row = self.table_row(lines, k)
            then = self.r.row_then_clause.match(line) if row is None else None
            if then:  # "Willow Court - Requires improvement to be good (August 2025); an action plan is in place"
                row = self.table_row(lines[:k] + [(pos, then.group("row"))], k)
            appended = _APPENDED_GRADE.search(line) if row is None else None
            clause: list[Candidate] = []
            if appended:  # "Full inspection: Good, with Outstanding for the impact of leaders": the row, then its clause
                row = self.table_row(lines[:k] + [(pos, line[:appended.start()])], k)
                clause = self.appended_grade(line, appended, pos) if row and row is not _VETO else []
            if row is _VETO:  # a labelled row of another provider ("Sunnyside Care Home - CQC rating: Good")
                continue
            if row:
                entity_area(self.r, lines, k, row)  # a row of a block about one home or agency: its grade
                scorecard_area(self.r, lines, k, row)  # 'Rating: Good' under '1.1 Governance and leadership'
                out.append(row)
                out.extend(self.shared_row_names(row, text))
                out.extend(self.former_grade(line, row.end - pos, pos, row) + clause)
                continue
            previous, previous_found, first_found = None, [], len(out)
            self._own_above = None
            for sentence in self.sentences(line, pos):
                self.paragraph_graded = len(out) > first_found
                self._own_at, self._own = (lines, k, text, line, sentence.offset - pos), None
                found = self.anaphoric_subjects(self.in_sentence(sentence), previous)
                found.extend(self.domain_standards(sentence, found))
                if not (found and self.other_scale_before(line[:sentence.offset - pos], sentence.text)):
                    self.agency_areas(found, sentence, line[:sentence.offset - pos])
                    self.pronoun_areas(found, sentence, previous, previous_found)
                    self.named_provision_areas(found, sentence, line[:sentence.offset - pos])
                    out.extend(found)
                previous, previous_found = sentence, found
            self.paragraph_graded, self._own_at = False, None
            self.labelled_row_name(line, pos, out[first_found:])
            if self.r.block_field_line.match(line.strip()):  # "Previous inspection judgement: Good" in a block
                for cand in out[first_found:]:
                    entity_area(self.r, lines, k, cand)
        out.extend(self.lettered_rows(lines, key, out, in_context))
        self.anaphoric_areas(out, text)
        self.page_provision_rows(out, lines, text)
        return self.canonical_areas(out)

    @property
    def paragraph_own(self) -> bool:
        """The paragraph before the sentence being read names the authority's own homes or agencies (the lines just
        above, or the line's earlier sentences). Worked out when first asked: it is asked rarely (an indefinite
        description beside a name) and its searches read whole paragraphs."""
        if self._own_at is None:
            return False
        if self._own is None:
            lines, k, text, line, end = self._own_at
            if self._own_above is None:
                self._own_above = self.own_provision_above(lines, k, text)
            self._own = self._own_above or bool(self.r.own_provision.search(line, 0, end))
        return self._own

    def own_provision_above(self, lines: list[tuple[int, str]], k: int, text: str) -> bool:
        """Do the lines just above line k, in the same paragraph (no blank line between), name the authority's own
        homes or agencies ("... the inspections of the Council's children's homes." over "Oak House, a short breaks
        home, was judged Outstanding")?"""
        for j in range(k - 1, max(-1, k - _PARAGRAPH_LINES_ABOVE - 1), -1):
            start, above = lines[j]
            if "\n\n" in text[start + len(above):lines[j + 1][0]]:
                return False
            if self.r.own_provision.search(above):
                return True
        return False

    def labelled_row_name(self, line: str, pos: int, found: list[Candidate]) -> None:
        """`Ashgrove - retained its Outstanding rating (November 2025)`: a row whose cell after a name is a predicate
        (read as a sentence) grades the named home or agency, not the whole service; an area term, an inspectorate
        or a school or other provider named before the dash is left as the sentence reader found it."""
        m = self.r.labelled_predicate_row.match(line)
        if not m:
            return
        name = m.group("name")
        if self.r.area_term.search(name) or self.r.labelled_name_exclude.match(name) \
                or self.r.excluded_subject.search(name) or self.r.overall_label.match(name) \
                or {w.lower() for w in re.findall(r"[\w’'-]+", name)} & self.own_authority:
            return
        for c in found:
            if c.area == "overall" and c.start >= pos + m.end():
                c.area, c.area_key = name, None

    def domain_standards(self, sentence: _Sentence, found: list[Candidate]) -> list[Candidate]:
        """`For court disposals, assessment and planning were both rated good, while implementation and delivery was
        outstanding and reviewing required improvement`: after a fronted HMIP domain, each grade judges the domain's
        standards named since the grade before it."""
        head = self.r.fronted_domain.match(sentence.text)
        if not head:
            return []
        domain = head.group("domain")
        out, at = [], head.end()
        for g in self.r.prefilter.finditer(sentence.text, head.end()):
            grade = self.r.grade_of(g.group())
            standards = list(self.r.domain_standard.finditer(sentence.text, at, g.start()))
            between = sentence.text[standards[0].end() if standards else at:g.start()]
            at = g.end()
            if not grade or self.r.negation.search(between):
                continue
            forecast = bool(self.r.forecast.search(between))  # "assessment is expected to be good"
            for std in standards:
                start, end = sentence.offset + std.start(), sentence.offset + g.end()
                if not any(c.start <= start < c.end for c in found):
                    out.append(Candidate(start, end, grade, f"{domain}: {std.group('std')}", None,
                                         None, forecast, "domain_standard"))
        return out

    def page_provision_rows(self, cands: list[Candidate], lines: list[tuple[int, str]], text: str) -> None:
        """A page about one of the authority's own homes, agencies or services (its opening lines introduce it:
        `Brindle Fostering is the council's own fostering agency`) or its title names (`How is our Shared Lives scheme
        rated?`): its table's overall rows (an inspection history)
        grade it, as do overall grades whose subject is the provision named by its head (`rated the service Good`)."""
        intro = next((m for _, line in lines[:_PAGE_INTRO_LINES] for m in [self.r.own_provision_intro.match(line.strip())] if m), None)
        titled = self.r.own_provision_title.search(lines[0][1]) if lines and not intro else None
        if not (intro or titled):
            return
        name = (intro or titled).group("name")
        named = None  # the last grade given to the provision: overall grades later in its sentence share its subject
        for c in sorted(cands, key=lambda c: c.start):  # (an SCCIF report card's "Overall experiences ..." row: the home's)
            if c.area != "overall" and not self.r.sccif_overall_area.match(c.area):
                continue
            if c.rule in ("table_row", "grid_row") or _PROVISION_OBJECT.search(text, max(0, c.start - 4), c.end) \
                    or named is not None and named < c.start and not _SENTENCE_BREAK.search(text, named, c.start):
                c.area, c.area_key = name, self.area_key(name) if titled else None
                named = c.end

    def anaphoric_subjects(self, found: list[Candidate], previous: Optional[_Sentence]) -> list[Candidate]:
        """`Oak House is one of the Council's homes. ... the home was judged outstanding, having been judged ...`:
        a grade whose subject is `the home` (or agency, scheme) belongs to the authority's own provision that the
        sentence before introduced, as do the overall grades after it in the sentence (they share its subject);
        with no such provision (a private home, or none named) they are not the authority's judgements."""
        first = next((k for k, c in enumerate(found) if c.area_key == ANAPHORIC), None)
        if first is None:
            return found
        intro = self.r.own_provision_intro.match(previous.text) if previous is not None else None
        kept = found[:first]
        for c in found[first:]:
            if c.area_key == ANAPHORIC or c.area == "overall":
                if not intro:
                    continue
                c.area, c.area_key = intro.group("name"), None
            kept.append(c)
        return kept

    def named_provision_areas(self, found: list[Candidate], sentence: _Sentence, before: str) -> None:
        """`... reports on two of the council's children's homes. Hazel Bank was judged outstanding`: after a
        paragraph names the authority's own homes or agencies, a sentence whose subject is a name (not the
        authority's) grades that home: its overall grade is the home's, its areas qualified by it."""
        m = self.r.named_provision_subject.match(sentence.text)
        if not m or not self.r.own_provision.search(before) or not found:
            return
        name = m.group("name")
        if {w.lower() for w in re.findall(r"[\w’'-]+", name)} & self.own_authority:
            return  # the authority itself ("Carnforth was judged good")
        for c in found:
            if c.area == "overall":
                c.area, c.area_key = name, None
            elif c.start > sentence.offset + m.end() and not c.area.startswith(name):
                c.area, c.area_key = f"{name}: {c.area}", None

    def anaphoric_areas(self, cands: list[Candidate], text: str) -> None:
        """`the agency had been judged inadequate`: a definite provision noun with no name of its own takes the
        last provision graded before it whose name ends in the same noun (`our in-house agency ... Good`)."""
        for k, c in enumerate(cands):
            if c.area != "overall":
                continue
            m = self.r.anaphoric_provision.search(text, max(0, c.start - 4), c.start + 12)
            near = None
            if not m or c.start not in (m.start(), m.start("head")):
                m = self.r.anaphoric_object.match(text, c.start)  # "had rated the service good"
                if not m:
                    continue
                near = c.start - self.r.anaphoric_object_reach
            head = m.group("head").lower()
            for earlier in reversed(cands[:k]):
                if near is not None and (earlier.start < near or earlier.area == "overall"
                                         or self.r.heading_line.search(text, earlier.end, text.rfind("\n", 0, c.start) + 1)):
                    break  # the object's provision is the one just graded, with no whole-service grade or heading since
                if earlier.area != "overall" and earlier.area.lower().rstrip().endswith(head):
                    c.area, c.area_key = earlier.area, earlier.area_key
                    break

    def pronoun_areas(self, found: list[Candidate], sentence: _Sentence, previous: Optional[_Sentence],
                      previous_found: list[Candidate]) -> None:
        """`Our fostering service was inspected in May. It received a judgement of Good`: a sentence opening with
        `It` (or `The service`, `The home`) whose grade is the whole subject's takes the provision that was the
        subject of the sentence before (an area term or a home's name) or that the sentence before graded
        (`Adopt Coastal ... was judged Outstanding. The agency was previously rated Good`); the authority's own
        services and the areas of a whole-service inspection stay as they are."""
        if previous is None or not self.r.pronoun_sentence.match(sentence.text):
            return
        antecedent = self.antecedent(previous.text) or self.graded_provision(previous_found) \
            or self.named_apposition(previous.text, sentence.text)
        if antecedent is None:
            return
        for c in found:
            if c.area == "overall" and not self.r.agency_exclude.search(sentence.text[:c.start - sentence.offset]):
                c.area, c.area_key = antecedent

    def named_apposition(self, previous: str, sentence: str) -> Optional[tuple[str, Optional[str]]]:
        """`... joined Adopt Westmere, the regional adoption agency, in 2021. The agency was rated good`: `The agency`
        is the provision the sentence before named beside the same head noun."""
        head = self.r.pronoun_head.match(sentence)
        if not head:
            return None
        named = [m for m in self.r.named_provision_apposition.finditer(previous)
                 if m.group("head").lower() == head.group("head").lower()]
        return (named[-1].group("name"), None) if named else None

    def graded_provision(self, found: list[Candidate]) -> Optional[tuple[str, Optional[str]]]:
        """The last provision graded in a sentence: a named one (`Adopt Coastal`, `Brook House`) or one spelled
        with a provision head (`fostering service`), never a whole-service area (`care leavers`)."""
        for c in reversed(found):
            if c.area != "overall" and (c.area_key is None or not self.r.area_term.search(c.area)
                                        or self.r.provision_head.search(c.area)):
                return c.area, c.area_key
        return None

    def antecedent(self, text: str) -> Optional[tuple[str, Optional[str]]]:
        """The provision a sentence is about, read from its subject: an area term other than overall
        (`Oakridge Council's fostering service has been inspected`) or a home's name (`Willow Cottage was ...`)."""
        m = self.r.antecedent_area.match(text)
        if m and self.area_key(m.group("area")) not in (None, "overall"):
            return m.group("area"), self.area_key(m.group("area"))
        m = self.r.antecedent_name.match(text)
        if m and self.r.home_name.match(m.group("name")):
            return m.group("name"), None
        return None

    def agency_areas(self, found: list[Candidate], sentence: _Sentence, before: str) -> None:
        """In a paragraph about the authority's own fostering or adoption agency, an overall grade whose
        sentence names no other service is the agency's (`an overall inspection judgement of RI`)."""
        if not any(c.area == "overall" for c in found) or self.r.agency_exclude.search(sentence.text):
            return
        own = [c for c in found if c.area == "overall" and c.rule in self.r.agency_rules]
        if not own:
            return
        before += sentence.text[:own[0].start - sentence.offset]  # "the regional adoption agency ... had received"
        agencies = list(self.r.agency_named.finditer(before))
        if not agencies or self.r.agency_exclude.search(before[agencies[-1].end():]):
            return
        agency = agencies[-1].group("agency").strip()
        named = self.r.agency_appositive_name.match(before, agencies[-1].end())
        if named:  # "the regional adoption agency, Adopt Midshire, ...": the agency's own name
            agency = named.group("name")
        for c in found:
            if c.area == "overall" and c.rule in self.r.agency_rules:
                c.area, c.area_key = agency, self.area_key(agency)

    def other_scale_before(self, before: str, sentence: str) -> bool:
        """The paragraph is about an inspectorate with another scale (`... by the Care Inspectorate ... Our
        adoption service was graded good for ...`): the last inspectorate it named before the sentence grades on
        that scale, and the sentence names no four-point inspectorate of its own."""
        if self.r.four_point_document.search(sentence):
            return False
        other = [m.start() for m in self.r.other_scale.finditer(before)]
        if not other:
            return False
        four = [m.start() for m in self.r.four_point_document.finditer(before)]
        return not four or other[-1] > four[-1]

    def other_scale_only(self, text: str, low: Optional[str] = None) -> bool:
        """A document about the Care Inspectorate or Estyn only: its `Good` is on another scale. `low`:
        lowered(text), when the caller has it."""
        other = self.r.other_scale_document_started.finditer(text, low)
        return bool(other) and not self.r.four_point_document.search(text)

    @staticmethod
    def sentences(line: str, offset: int) -> list[_Sentence]:
        out, start = [], 0
        for m in _SENTENCE_END.finditer(line):
            out.extend(_pieces(line[start:m.start()], offset + start))
            start = m.end()
        out.extend(_pieces(line[start:], offset + start))
        return out

    # -- judgement tables -------------------------------------------------------------------------
    def table_row(self, lines: list[tuple[int, str]], k: int):
        """`LSCB - Good`, `Overall effectiveness Requires improvement to be good`, or an area line
        followed by a line holding only its grade (PDF tables); None or _VETO as row_candidate says."""
        pos, line = lines[k]
        before = [text for _, text in lines[max(0, k - 2):k]]
        m = self.r.bilingual_row.match(line)  # "Staff / Staff: Da / Good": the English cells
        if m:
            return self.row_candidate(line, pos, m.group("area"), pos + m.start("area"), m.span("grade"), before, (lines, k))
        asked = self.key_question_row(lines, k)
        if asked:
            return asked
        m = None if self.r.grade_alone.match(line) else self.r.table_row.match(line)  # ('Requires improvement to be good' alone)
        if m:
            area, area_start = m.group("area"), pos + m.start("area")
        else:
            m = self.r.grade_alone.match(line)
            if not m or not before:
                return None
            area_start, area = lines[k - 1]
            before = before[:-1]
            if self.r.table_row.match(area) or self.r.grade_alone.match(area):
                return None
            marker = self.r.row_marker.match(area)
            area, area_start = area[marker.end():], area_start + marker.end()
            wrapped = self.wrapped_area(lines, k, area)
            if wrapped:  # "The impact of leaders on social work / practice with children and families / Outstanding"
                area_start, area = wrapped
                before = [text for _, text in lines[max(0, k - 4):k - 2]]
        return self.row_candidate(line, pos, area, area_start, m.span("grade"), before, (lines, k))

    def shared_row_names(self, row: Candidate, text: str) -> list[Candidate]:
        """`Maple View and Fern Cottage - both Outstanding`: each home named in a row's area cell takes the row's
        grade (the row keeps the first name); the words joining names and grade ("- both") are no part of an area."""
        area = self.r.row_shared_tail.sub("", row.area) or row.area
        names = [n for n in _NAME_SPLIT.split(area) if n.strip()]
        if len(names) < 2 or not all(self.r.home_name.match(n.strip()) for n in names):
            row.area = area
            return []
        row.area, out, at = names[0], [], row.start
        for name in names[1:]:
            found = text.find(name, at)
            if found < 0:  # (a name the area cell rewrote: no span to point at)
                continue
            at = found
            out.append(Candidate(at, at + len(name), row.grade, name, None, row.year, row.forecast, "area_list"))
        return out

    def key_question_row(self, lines: list[tuple[int, str]], k: int) -> Optional[Candidate]:
        """A CQC key question as a heading ("Is it safe?", "Is the service well-led?") over a line that opens with
        its grade ("Requires improvement. Risk assessments were ..."): the key question's grade."""
        if k == 0:
            return None
        pos, line = lines[k]
        asked = self.r.key_question_line.match(lines[k - 1][1])
        m = asked and (self.r.grade_alone.match(line) or self.r.grade_opens_line.match(line))
        if not m:
            return None
        grade = self.r.prefilter.search(line)
        if not grade:
            return None
        area = asked.group("area")
        area_start = lines[k - 1][0] + asked.start("area")
        return Candidate(area_start, pos + grade.end(), self.r.grade_of(grade.group()), area[:1].upper() + area[1:],
                         self.area_key(area), None, False, "key_question_row")

    def grade_key(self, lines: list[tuple[int, str]]) -> dict[str, str]:
        """The page's legend of grade letters ("Key: O = Outstanding, G = Good, ..."): letter -> grade ({} if none)."""
        key = {}
        marks = required_characters(self.r.grade_key_line)  # ("=": a line without one is no legend)
        for _, line in lines:
            if holds_any(line, marks) and self.r.grade_key_line.match(line):
                key.update((m.group("letter"), self.r.grade_of(m.group("grade"))) for m in self.r.grade_key_pair.finditer(line))
        return key if len(key) >= 2 else {}

    def lettered(self, line: str, key: dict[str, str]) -> bool:
        cells = self.cells(line)
        return len(cells) >= 2 and cells[-1][1].strip() in key

    def lettered_rows(self, lines: list[tuple[int, str]], key: dict[str, str], found: list[Candidate],
                      in_context) -> list[Candidate]:
        """A table whose grade cells hold the letters of a legend on the page ("Key: O = Outstanding, G = Good, ...",
        then "Fostering agency | May 2025 | G"): each such row's grade, read as its letter's grade."""
        if not key:
            return []
        taken = [(c.start, c.end) for c in found]
        out = []
        for k, (pos, line) in enumerate(lines):
            if not self.lettered(line, key) or self.r.grade_key_line.match(line):
                continue
            cells = self.cells(line)
            at, cell = cells[-1]
            start = pos + at + len(cell) - len(cell.lstrip())
            end = start + len(cell.strip())
            if any(s <= start < e for s, e in taken) or not in_context(max(0, pos - self.r.context_window), end):
                continue
            label = self.label_cell(cells, len(cells) - 1)
            header = next((j for j in range(k - 1, max(-1, k - 30), -1)
                           if len(self.cells(lines[j][1])) != len(cells) or self.cells(lines[j][1])[-1][1].strip() not in key), None)
            row = self.row_candidate(line, pos, label[1], pos + label[0], (start - pos, end - pos),
                                     [lines[header][1]] if header is not None else [])  # (the rows above are no context)
            if row and row is not _VETO:
                row.grade = key[cell.strip()]
                out.append(row)
        return out

    def appended_grade(self, line: str, appended: re.Match, pos: int) -> list[Candidate]:
        """The grade of the clause appended to a row (", with Outstanding for the impact of leaders"): its area's."""
        grade = self.r.prefilter.match(line, appended.end())
        area = self.r.area_after_grade.match(line, grade.end()) if grade else None
        if not area:
            return []
        return [Candidate(pos + grade.start(), pos + grade.end(), self.r.grade_of(grade.group()), area.group("area"),
                          self.area_key(area.group("area")), None, False, "table_row")]

    def former_grade(self, text: str, at: int, offset: int, cand: Candidate) -> list[Candidate]:
        """`Overall effectiveness: Requires improvement (previously Inadequate, 2021)`: the bracketed former grade
        just after a judgement (at `at` in `text`, which starts at `offset`) is the same area's."""
        m = self.r.row_former_grade.match(text, at)
        if not m:
            return []
        year = self.r.year.search(text, m.end("grade"), m.end("grade") + 12)
        return [Candidate(offset + m.start("grade"), offset + m.end("grade"), self.r.grade_of(m.group("grade")),
                          cand.area, cand.area_key, int(year.group(1)) if year else None, False, cand.rule)]

    def cell_row(self, lines: list[tuple[int, str]], k: int) -> Optional[list[Candidate]]:
        """`Ofsted ILACS rating | Inadequate (June 2025) | Requires Improvement by 2027`: a table row of three or more
        cells whose first cell is the area and whose later cells hold grades; a cell under a target or forecast
        heading (`Target`) grades nothing. None when the line is not such a row (the other readers try it)."""
        pos, line = lines[k]
        cells = self.cells(line)
        if len(cells) < 3:
            return None
        graded = [(j, c) for j, c in enumerate(cells) if j > 0 and self.r.grade_cell.match(c[1])]
        at = {j for j, _ in graded}
        if not graded or _SENTENCE_IN_CELL.search(cells[0][1]) or any(self.r.area_term.search(c) or self.r.standard_area.match(c.strip())
                             for j, (_, c) in enumerate(cells) if j > 0 and j not in at):
            return None  # "Judgement | Grade | Overall effectiveness | Outstanding | ...": a table run into one line
        header = self.header_cells(lines, k, len(cells))
        before = [" | ".join(c for _, c in header)] if header else [text for _, text in lines[max(0, k - 2):k]]
        out, handled = [], 0
        label = self.label_cell(cells, min(j for j, _ in graded))
        for j, (start, cell) in graded:
            if header and self.r.target_column.search(header[j][1]):
                handled += 1
                continue
            g = self.r.grade_cell.match(cell)
            found = self.row_candidate(line, pos, label[1], pos + label[0],
                                       (start + g.start("grade"), start + g.end("grade")), before)
            if found is _VETO:
                handled += 1  # another provider's labelled row: handled, no judgement
            elif found:
                out.append(found)
        return out if out or handled else None  # "The overall judgement - 'RI' - reflected ...": a sentence, read as one

    def label_cell(self, cells: list[tuple[int, str]], first_grade: int) -> tuple[int, str]:
        """The cell naming what a row grades: an inspection history's row starts with its date (`2022 | ILACS
        short inspection | Requires improvement`), so the first cell before the grades that is no time."""
        for cell in cells[:first_grade]:
            if not self.r.grid_time_column.match(cell[1].strip()):
                return cell
        return cells[0]

    def cells(self, line: str) -> list[tuple[int, str]]:
        """The non-empty cells of a table row as (start in the line, text); one cell when the line has no separator."""
        if not holds_any(line, required_characters(self.r.table_cell_separator)):  # most lines: prose, one cell
            return [(0, line)] if line.strip() else []
        out, at = [], 0
        for sep in self.r.table_cell_separator.finditer(line):
            out.append((at, line[at:sep.start()]))
            at = sep.end()
        out.append((at, line[at:]))
        return [(s, c) for s, c in out if c.strip()]

    def header_cells(self, lines: list[tuple[int, str]], k: int, width: int) -> list[tuple[int, str]]:
        """The heading row of the table a row is in: the nearest row above with as many cells and no grade, with only
        rows of that width between."""
        for j in range(k - 1, max(-1, k - 30), -1):
            cells = self.cells(lines[j][1])
            if len(cells) != width:
                return []
            if not any(self.r.prefilter.search(c) for _, c in cells):
                return cells
        return []

    def row_candidate(self, line: str, pos: int, area: str, area_start: int, grade_span: tuple[int, int],
                      before: list[str], run: Optional[tuple[list[tuple[int, str]], int]] = None):
        """The judgement of a table row whose area cell is `area` and whose grade is at `grade_span` of the line;
        None when the cell names no area (a sentence, a school, a row of an unrelated table); _VETO when a labelled
        row names another provider. `run` (the lines and the row's number) lets a heading above the rows name their
        domain."""
        gstart, gend = grade_span
        gtext = line[gstart:gend]
        when = self.cells(area)
        if len(when) > 1 and self.r.grid_time_column.match(when[0][1].strip()):
            # a timeline's row opens with its date ("March 2019 – Re-inspection: Requires improvement"): no area
            area_start, area = area_start + when[1][0], area[when[1][0]:]
        middle = self.r.table_middle_cell.search(area)
        while middle and middle.start() > 0:  # "Maple House | 14 October 2025 | Outstanding": the date cell is no area
            area = area[:middle.start()]
            middle = self.r.table_middle_cell.search(area)
        area = area.strip(" -–—:|")
        label = self.r.row_label_tail.search(area)
        if label and (label.start() == 0 or _SENTENCE_IN_CELL.search(area) or len(area[:label.start()].split()) > 8):
            label = None  # only a short name before the label, not a sentence
        if label:  # "Adopt Severn Vale (ASV) - Ofsted rating: Outstanding": the name is the area
            area = area[:label.start()].strip(" -–—:|")
        area = _TRAILING_NOTE.sub("", area) or area  # "Youth Justice Service (HMIP, 2024)": the note is no part of the area
        if self.r.overall_label.match(area):  # "Outcome: Good", "Ofsted rating - Outstanding": the label names no area
            return Candidate(area_start, pos + gend + self.closing_quote(line, gend),
                             self.r.grade_of(gtext), "overall", "overall", None, False, "table_row")
        qualified = self.r.domain_qualified_area.match(area)
        if qualified and not self.r.not_table_area.search(qualified.group("std")):
            # "Court disposals: planning - Inadequate": the domain's standard, named as written (the standards of a
            # domain are distinct judgements, so no area key merges them)
            return Candidate(area_start, pos + gend + self.closing_quote(line, gend),
                             self.r.grade_of(gtext), area, None, None, False, "table_row")
        verb = self.r.row_verb_tail.search(area)
        if verb:  # a line that is a sentence: "The effectiveness of leaders and managers had been rated as Good"
            area = area[:verb.start()]
            if not area or not (self.r.standard_area.match(area) or gtext[0].isupper()
                                or line[gstart - 1:gstart] in _QUOTES):
                return None
        standard = self.r.standard_area.match(area) and not self.r.prefilter.search(area)  # "How well ... protected"
        if (self.r.not_table_area.search(area) and not standard) or len(area.split()) > 16:
            return None
        head = self.r.area_subtitle.split(area, 1)[0]  # "Court disposals - assessment, planning ...": the standard
        known = self.r.area_term.search(head)
        if known and len(known.group()) < self.r.table_area_share * len(head.lstrip("Tt he")):
            known = None
        elif known and head != area:
            area = head
        domain = None if known or standard or verb or label or run is None else self.domain_heading(*run)
        if domain:  # "Domain two: court disposals" above "Assessment: Requires improvement": that area's standard
            return Candidate(area_start, pos + gend + self.closing_quote(line, gend),
                             self.r.grade_of(gtext), f"{domain}: {area}", None, None, False, "table_row")
        if not known and not standard and (len(area.split()) > 10 or self.r.excluded_subject.search(
                self.r.area_qualifier.split(area, 1)[0])):
            return _VETO if label else None  # "Case audits - Good"; "X Care Home - CQC rating: Good"
        previous = before[-1] if before else ""
        if not known and not standard and not label and not self.r.table_context.search(previous) \
                and not self.r.table_row.match(previous) and not self.r.grade_alone.match(previous):
            return None
        key = self.area_key(area) if known or not standard else None  # "Overall experiences and ..." is its own area
        return Candidate(area_start, pos + gend + self.closing_quote(line, gend),
                         self.r.grade_of(gtext), "overall" if key == "overall" else area, key,
                         None, False, "table_row")

    def wrapped_area(self, lines: list[tuple[int, str]], k: int, area: str) -> Optional[tuple[int, str]]:
        """An area name wrapped over two lines above its grade: (start, joined name) when only the joined
        lines name an area."""
        if k < 2 or self.r.area_term.search(area) or self.r.standard_area.match(area.strip()):
            return None
        start, first = lines[k - 2]
        if self.r.table_row.match(first) or self.r.grade_alone.match(first) or self.r.prefilter.search(first):
            return None
        joined = first.strip() + " " + area.strip()
        if self.r.area_term.search(joined) or self.r.standard_area.match(joined):
            return start + len(first) - len(first.lstrip()), joined
        return None

    # -- sentences --------------------------------------------------------------------------------
    def in_sentence(self, s: _Sentence) -> list[Candidate]:
        hits: dict[int, list[tuple[Cue, re.Match, str]]] = {}
        windows = self.windows(s.text)
        if not windows:  # no grade word in this sentence of the line: no cue can match
            return []
        low = lowered(s.text)
        cues = self.r.cues
        # window by window (they are disjoint: the cues' hits at one grade come in rule-file order either way)
        for lo, hi in windows:
            near = self.r.cue_starts.by_pattern(low, lo, hi)
            # only the cues with a starting string in the window (or none known) can match there
            for k in [k for k, at in enumerate(near) if at != []]:
                cue = cues[k]
                if low is not None and cue.worth_gating(near[k]) and not cue.may_match(s.text, low, lo, hi):
                    continue  # a word every match holds ("from"; "House" or "Lodge" ...) is not in the window
                if cue.marks is not None and not cue.marked(s.text, lo, hi):
                    continue  # nor is a mark every match holds ("|" of a table row, "(" of a bracket)
                for m in cue.started.finditer(s.text, low, lo, hi, near[k]):
                    for group in ("grade1", "grade"):
                        if group in m.re.groupindex and m.group(group):
                            hits.setdefault(m.start(group), []).append((cue, m, group))
        out: list[Candidate] = []
        graded_until = 0  # the end of the last grade taken: "'Requires Improvement to be Good'" holds no second grade
        vetoed_end = None  # the end of the last grade found to be no judgement
        for start in sorted(hits):
            if start < graded_until:
                continue
            if vetoed_end is not None and self.coordinated_grade(s.text, vetoed_end, start):
                vetoed_end = self.grade_end(hits[start], start)
                continue  # "rated it inadequate for safety and requires improvement overall": the same object's grades
            vetoed_end = None
            for cue, m, group in hits[start]:  # cues in rule-file order: the first that holds decides
                cand = self.judge(s, cue, m, group, out)
                if cand is _VETO:
                    vetoed_end = m.end(group)
                    break
                if cand:
                    graded_until = m.end(group)
                    out.append(cand)
                    former = self.former_grade(s.text, m.end(group) + self.closing_quote(s.text, m.end(group)), s.offset,
                                               cand)
                    if former:  # "Requires improvement (previously Inadequate, 2021)": the former grade is taken
                        graded_until = former[0].end - s.offset
                        out.extend(former)
                    if self.coordinated_areas(cand):
                        out.extend(self.split_area(cand))  # "children in care and care leavers required ...": two areas
                    out.extend(self.named_provisions(s, cand))
                    if not cue.area_after_grade:
                        out.extend(self.listed_areas(s, m, cand))
                    out.extend(self.included_areas(s, m.end(group), cand))
                    out.extend(self.areas_after(s, cue, m, cand))
                    out.extend(self.as_were(s, m.end(group), cand))
                    listed = self.subject_list(s, cue, m, cand)
                    if listed and (listed[-1].area, listed[-1].area_key) == (cand.area, cand.area_key):
                        out.extend(listed[:-1])  # the subject was the list
                    if cue.lists_after:
                        out.extend(self.listed_after_area(s, m.end("area"), cand))
                    listed_after = self.listed_after_grade(s, m.end(group), cand)
                    if listed_after and self.counted(cand):
                        out.remove(cand)  # "Three areas were judged RI: X, Y and Z": the areas, not their count
                    out.extend(listed_after)
                    break
        return out

    def coordinated_grade(self, text: str, end: int, start: int) -> bool:
        """Whether the grade at `start` is coordinated with the grade ending at `end` ("inadequate for safety and
        requires improvement"): it grades the same subject."""
        return bool(self.r.coordinated_grade_gap.fullmatch(text, end, start))

    @staticmethod
    def grade_end(hits: list, start: int) -> int:
        cue, m, group = hits[0]
        return m.end(group)

    def coordinated_areas(self, cand: Candidate) -> bool:
        """An area spelt as two areas joined by "and" (`children in care and care leavers`), each its own area; the
        SIF/ILACS standard `the experiences and progress of children in care and care leavers` is one."""
        keys = self.r.list_splits.get(cand.area_key)
        first, _, second = cand.area.rpartition(" and ")
        return bool(keys) and not self.r.standard_area.match(cand.area) \
            and (self.area_key(first), self.area_key(second)) == tuple(keys)  # (not "the experiences and progress of ...")

    def counted(self, cand: Candidate) -> bool:
        """A candidate whose area is only a count of areas (`Three areas`)."""
        return cand.area_key is None and bool(self.r.counted_areas.match(cand.area))

    def windows(self, text: str) -> list[tuple[int, int]]:
        """Stretches of a sentence around its grade words: cues are only looked for there."""
        out: list[tuple[int, int]] = []
        for m in self.r.prefilter.finditer(text):
            lo, hi = max(0, m.start() - _REACH_BEFORE), min(len(text), m.end() + _REACH_AFTER)
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], hi)
            else:
                out.append((lo, hi))
        return out

    def judge(self, s: _Sentence, cue: Cue, m: re.Match, group: str, earlier: list[Candidate]):
        """A candidate; None when this cue does not fit (another cue may); _VETO when the grade is not a
        judgement whatever the cue (negated, national, an alternative, a school's, a vague area ...)."""
        text = s.text
        gstart, gend = m.span(group)
        fit = self.cue_fits(text, cue, m, group, earlier)
        if fit is None:
            return None
        grade, after = fit
        if self.r.grade_for_listed_areas.match(after):
            return _VETO  # "judged good in all three areas: A, B and C": the listed areas' grades, read from the list
        clause_start = max(text.rfind(";", 0, gstart), text.rfind(":", 0, gstart), gstart - _CLAUSE_REACH) + 1
        if self.vetoed(text, gstart, gend, clause_start, after):
            return _VETO
        prefix = text[clause_start:gstart]
        near = prefix[max(prefix.rfind(","), prefix.rfind(" but ")) + 1:]
        forecast = cue.forecast or self.is_forecast(near, "" if cue.own_clause_tense else after)
        if forecast and not cue.forecast and cue.presupposed and self.r.presupposed_grade.search(text[:gstart]):
            forecast = False  # "asked whether the 'good' judgement could be sustained": the judgement exists
        if forecast and not cue.forecast and self.r.asserted_after_grade.match(after):
            forecast = False  # "whether it was still rated inadequate, as it had been in 2018": that grade held
        if group == "grade1":
            forecast = False  # "from inadequate to good": the first grade is the past one
        if not forecast and self.r.negation.search(prefix[-80:]):
            return _VETO
        if self.r.self_assessed.search(near):
            return _VETO  # "our self-evaluation grades help and protection as good": the council's own view
        area = self.area_for(s, cue, m, group, clause_start, earlier)
        if area is None:
            return _VETO
        area_text, key, span_start = area
        named_after = self.r.area_after_grade.match(text, gend + self.closing_quote(text, gend))
        if named_after and self.area_key(named_after.group("area")) != "overall":  # "rated the council good for care leavers"
            area_text, key = named_after.group("area"), self.area_key(named_after.group("area"))
        if cue.named_subject and not self.names_area_or_authority(area_text, key, m.group("subj")):
            return None
        end = gend + self.closing_quote(text, gend)
        if cue.id.startswith("grade_noun"):
            end = max(end, m.end("noun"))
        if cue.lists_after:  # "areas graded RI were: help and protection": the area follows the grade
            end = max(end, m.end("area"))
        return Candidate(s.offset + min(span_start, gstart), s.offset + end, grade, area_text, key,
                         self.year_near(text, gstart, gend, clause_start), forecast, cue.id)

    def is_forecast(self, near: str, after: str) -> bool:
        """A hope about a future grade: a future or hypothetical in the grade's own clause. `The report will
        confirm that the service was judged Good` is past: its own clause ("that ... was judged") says so."""
        near = near[-self.r.forecast_window:]
        subordinators = list(self.r.clause_subordinator.finditer(near))
        if subordinators:
            own = near[subordinators[-1].end():]
            if self.r.past_finite.search(own) and not self.r.forecast.search(own):
                return bool(self.r.forecast_after.match(after))
        return bool(self.r.forecast.search(near) or self.r.forecast_after.match(after))

    def cue_fits(self, text: str, cue: Cue, m: re.Match, group: str, earlier: list[Candidate]):
        """(grade, text after the judgement) when the cue's own conditions hold, else None."""
        gstart, gend = m.span(group)
        gtext = text[gstart:gend]
        grade = self.r.grade_of(gtext)
        if grade is None or (cue.needs_earlier and not earlier):
            return None
        if cue.capitalised_area and not (m.group("area")[0].isupper() or text[:m.start()].endswith("The ")):
            return None
        quoted = (gstart > 0 and text[gstart - 1] in _QUOTES) or (gend < len(text) and text[gend] in _QUOTES)
        label = gtext.lower().startswith("requires") and self.r.grade_label_after_copula.search(text[:gstart])
        marked = (quoted or gtext.isupper() or gtext.lower().endswith("to be good") or bool(label)
                  or (gtext[0].isupper() and text[:gstart].strip(_QUOTES + " •-") != ""))
        plain_good = not marked and grade in ("good", "outstanding")
        official = "area" in m.re.groupindex and m.group("area") and self.r.standard_area.match(m.group("area"))
        named_area = "area" in m.re.groupindex and bool(m.group("area"))
        in_context = bool(self.r.inspection_context.search(text)) or ((named_area or cue.needs_earlier) and bool(earlier)) \
            or (named_area and self.paragraph_graded)  # "... were all 'inadequate'. Care leavers' experiences ... required improvement"
        dated_ellipsis = cue.needs_earlier and bool(earlier) and bool(self.r.dated_after_grade.match(text, gend))
        # "Adopt Pennine was judged outstanding, and leadership within the agency was also outstanding": a named area
        # after a judgement in its sentence or paragraph, its plain grade ending the clause
        graded_series = named_area and (bool(earlier) or self.paragraph_graded) \
            and bool(self.r.grade_clause_end.match(text, gend + self.closing_quote(text, gend)))
        if cue.strength == "weak" and not marked and not official and (plain_good or not in_context) \
                and not dated_ellipsis and not graded_series:
            return None  # an area after another judgement in its sentence is in context ("A was judged good, but B requires improvement")
            # (as is a dated grade elliptical after one: "judged inadequate in 2016, requires improvement in 2019 and good in 2023")
        if cue.id == "grade_noun" and plain_good and m.group("noun")[0] in "jJ":
            between = text[gend:m.start("noun")]  # "good judgement" is a faculty unless "the"/"Ofsted" says otherwise
            if not between.strip() and not self.r.unmarked_noun_needs.search(text[:gstart]):
                return None
        if cue.id in ("judgement_of", "outcome_was") and self.r.noun_modifier_exclude.search(text[:m.start()]):
            return None  # "the credit rating was good", "case audit grades"
        if cue.id in ("judgement_of", "grade_noun", "received", "service_is") and self.r.excluded_giver.search(text[:gstart]):
            return None  # "the internal audit of the MASH gave a rating of Good": an audit's grade
        if cue.id == "judgement_of" and plain_good and not self.r.strong_unmarked_needs.search(text) \
                and not self.r.area_term.search(m.group("mid") or "") \
                and not self.r.area_after_grade.match(text, gend):  # "the judgement for care leavers was good"
                # (or "the judgement of good for adoption")
            return None
        after = text[gend + self.closing_quote(text, gend):]
        if cue.after and not cue.after.match(after):
            return None  # "Care Leavers Good Practice Award" is a name, not a table row
        run_on = marked and re.match(r"\s+[A-Z]", after)  # "... families Requires improvement to be good The ..."
        if cue.id.startswith("grade_noun"):
            return grade, text[m.end("noun"):]
        if not (quoted or run_on or cue.area_after_grade) and group == "grade" and not self.r.accept_after.match(after):
            return None
        return grade, after

    def vetoed(self, text: str, gstart: int, gend: int, clause_start: int, after: str) -> bool:
        """Surveys, other scales, alternatives (`good or outstanding`) and national figures."""
        if self.r.survey_rating.match(after) or self.r.other_scale.search(text):
            return True
        if self.r.alternatives_after.match(text[gstart:]) or self.r.alternatives_before.search(text[:gstart]):
            return True
        if self.r.other_provider_named.search(text, max(0, gstart - 200), gstart):
            return True  # "an independent fostering agency, Brightpath, which was rated good": not the authority's
        clause_end = text.find(";", gend)
        comma = text.find(",", gend)
        window_end = min(gend + 40, clause_end if clause_end >= 0 else len(text), comma if comma >= 0 else len(text))
        clause = self.r.relative_aside.sub(" ", text[clause_start:gstart]) + text[gstart:window_end]  # asides grade nothing
        return bool(self.r.national.search(clause)) and not self.r.one_of_set.search(clause)
