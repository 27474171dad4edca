"""minutes_judgements: graded inspection judgements of this authority's services (Ofsted, and other
inspectorates' four-point grades: CQC, HMI Probation).

A grade word (outstanding, good, requires improvement, inadequate) is a judgement only when a cue
ties it to a judgement: a judging verb (`judged as 'Good'`), a judgement noun (`the inadequate Ofsted
judgement`, `the overall rating ... was Good`), a judgement-table row (`LSCB - Good`) or an area named
with its grade. Filters then drop national figures, negated and alternative grades (`good or
outstanding`), other scales, grades of schools/cases/practice, and vague areas; hopes about a future
grade are kept with `forecast: true`; the tense of the grade's own clause decides, never a neighbouring
sentence. The area is `overall` unless the text names one; areas coordinated in a list (`X, Y and Z were
all 'inadequate'`, `Good ratings were received for X, Y and Z`) share the grade.

All matching is in `JudgementFinder` (pure text in, candidates out); the component turns candidates
into spans of the `judgements` group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the extensions)
from ..extensions import PAYLOAD_ATTRS, document_text
from ..matching import StartedPattern, StartScan, WindowSearch, lines_holding, lowered, nonblank_lines, trie_pattern

_PLACEHOLDER = re.compile(r"<<([A-Z_]+)>>")
_QUOTES = "‘’'\"“”"
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z‘“\"'(•])")
_AUX_TAIL = re.compile(
    r"(?:\s+(?:was|were|is|are|has|had|have|been|being|be|currently|now|also|previously|again|all|both|each|"
    r"overall|recently|subsequently|then|already|consistently|initially|still|having|continued|continues|to|"
    r"will|would|could|should|may|might|shall))+\s*$",
    re.I)
_ANTECEDENT_CUT = re.compile(r".*\b(?:was|were|is|are|be|been|have|has|had|to|about|by|from|get|got|see|saw)\b", re.I)
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w’'&-]*\s+(?:(?:and|&|of)\s+)?)*$")  # "City and Hackney " + area term
_CAPITALISED_NAME = re.compile(r"^[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|and|of|upon|on|with))*$")  # "Middlesbrough"
_REACH_BEFORE, _REACH_AFTER = 240, 120  # how far a cue may reach from its grade word
_LIST_ITEM_REACH, _LIST_MAX = 160, 12  # an area listed before another is this close; lists are this short
_CLAUSE_REACH = 400  # a clause reaches no further back from its grade (keeps run-on text linear)
_MAX_SENTENCE = 2000  # longer "sentences" (run-on text) are read in pieces
_ARTICLE_BEFORE_OVERALL = re.compile(r"(?i)the\s+(?=overall\s)")
_TRANSITION_CUES = ("from_to", "up_from")  # a grade moved from: the subject may be the rating itself
_VETO = object()  # judge(): the grade is not a judgement, whichever cue is tried


@dataclass
class Candidate:
    start: int          # offsets of the quoted text (in the text given to find())
    end: int
    grade: str
    area: str
    area_key: Optional[str]
    year: Optional[int]
    forecast: bool
    rule: str


@dataclass
class Cue:
    id: str
    strength: str
    pattern: re.Pattern
    capitalised_area: bool = False  # a table flattened into prose: "... and families Requires improvement"
    needs_earlier: bool = False     # an elliptical grade ("... Good in 2015 and Outstanding in 2019")
    after: Optional[re.Pattern] = None  # what may follow the grade, when the cue says
    named_subject: bool = False  # the subject must name an area or the authority ("found that X was good")
    area_after_grade: bool = False  # the area follows the grade ("and good for care leavers")
    own_grade: bool = False  # an excepted area's own grade ("except care leavers, which was RI")
    forecast: bool = False  # the cue itself is a hope ("aims to be outstanding")
    started: Optional["StartedPattern"] = None  # the pattern, tried only where its matches can start

    def __post_init__(self) -> None:
        self.started = StartedPattern(self.pattern)


def _expand(pattern: str, fragments: dict) -> str:
    for _ in range(5):  # fragments may use other fragments
        if "<<" not in pattern:
            break
        pattern = _PLACEHOLDER.sub(lambda m: fragments[m.group(1)], pattern)
    return pattern


class JudgementRules:
    """The compiled rule file (models/rules/judgements.json)."""

    def __init__(self, rules: dict):
        self.area_keys: dict[str, str] = {}
        for area in rules["areas"]:
            for term in area["terms"]:
                self.area_keys[term.lower()] = area["id"]
        fragments = dict(rules["fragments"])
        fragments["AREA"] = trie_pattern(list(self.area_keys))
        self.fragments = fragments

        def compile_(key: str, flags: int = re.I) -> re.Pattern:
            return re.compile(_expand(rules[key], fragments), flags)

        self.cues = [Cue(c["id"], c["strength"], re.compile(_expand(c["pattern"], fragments), re.I),
                         c.get("capitalised_area", False), c.get("needs_earlier", False),
                         re.compile(c["after"]) if "after" in c else None, c.get("named_subject", False),
                         c.get("area_after_grade", False), c.get("own_grade", False), c.get("forecast", False))
                     for c in rules["cues"]]
        self.cue_starts = StartScan([cue.started for cue in self.cues])
        self.grades = [(g["grade"], re.compile(g["pattern"])) for g in rules["grades"]]
        self.abbreviations = rules["grade_abbreviations"]
        self.prefilter = re.compile(rules["grade_prefilter"])
        self.prefilter_started = StartedPattern(self.prefilter, rules["grade_prefilter_starts"])
        self.area_term = re.compile(r"\b" + fragments["AREA"] + r"\b", re.I)
        self.area_at_end = re.compile(r"\b(" + fragments["AREA"] + r")$", re.I)
        self.accept_after = compile_("accept_after_grade")
        for key in (
            # filters and forecast cues
            "forecast", "forecast_after", "negation", "national", "alternatives_after", "alternatives_before",
            "other_scale", "survey_rating", "noun_modifier_exclude", "strong_unmarked_needs", "unmarked_noun_needs",
            "inspection_context",
            # subjects and areas
            "excluded_subject", "vague_subject", "all_subject", "overall_subject", "area_subject", "entity_head",
            "area_of_service", "including_area", "apart_from", "excepted_before", "area_subtitle", "area_qualifier",
            "standard_area", "grade_ends", "area_list_before", "relative_pronoun", "area_service_head",
            "named_subject", "areas_after_noun", "area_list_after", "fronted_participle", "subject_after",
            "list_subject_boundary", "list_separator", "area_after_grade", "as_were_area",
            "clause_subordinator", "past_finite", "one_of_set", "one_of_head", "coordinated_tail", "self_assessed",
            "agency_named", "agency_exclude", "own_provision", "included_past_grade", "home_name", "transition_tail", "possessive_before_grade", "area_list_colon",
            "agency_appositive_name", "counted_areas",
            "quantifier", "pronoun_subject", "pronoun_object", "determiner",
            # tables
            "table_row", "table_context", "not_table_area", "grade_alone", "row_marker", "row_verb_tail",
            # documents
            "other_scale_document",
        ):
            setattr(self, key, compile_(key))
        self.inspection_context_started = StartedPattern(self.inspection_context, rules["inspection_context_starts"])
        self.own_provision_appositive = re.compile(rules["own_provision_appositive"])  # case matters (names)
        self.four_point_document = re.compile(rules["four_point_document"])  # case matters ("Ofsted", "CQC")
        self.subject_boundary = re.compile(_expand(rules["subject_boundary"], fragments))  # case matters ("and the")
        self.year = re.compile(rules["year"])
        self.context_window = rules["context_window"]
        self.forecast_window = rules["forecast_window"]
        self.table_area_share = rules["table_area_share"]
        self.list_splits = rules["list_splits"]
        self.list_gap_words = rules["list_gap_words"]
        self.agency_rules = set(rules["agency_rules"])

    def grade_of(self, text: str) -> Optional[str]:
        text = text.strip(_QUOTES).strip()
        if text in self.abbreviations:
            return self.abbreviations[text]
        return next((grade for grade, pattern in self.grades if pattern.search(text.lower())), None)






@dataclass
class _Sentence:
    text: str
    offset: int


def _pieces(text: str, offset: int) -> list[_Sentence]:
    """A sentence, or a run-on text cut into pieces of at most _MAX_SENTENCE characters at a clause or word
    boundary (no real sentence is that long; the cut keeps the work per grade bounded)."""
    out = []
    while len(text) > _MAX_SENTENCE:
        cut = max(text.rfind("; ", 0, _MAX_SENTENCE), text.rfind(". ", 0, _MAX_SENTENCE))
        if cut < _MAX_SENTENCE // 2:
            cut = text.rfind(" ", 0, _MAX_SENTENCE)
        cut = cut + 1 if cut > 0 else _MAX_SENTENCE
        out.append(_Sentence(text[:cut], offset))
        text, offset = text[cut:], offset + cut
    out.append(_Sentence(text, offset))
    return out


class JudgementFinder:
    """Judgement candidates in a text (pure: no spaCy)."""

    def __init__(self, rules: JudgementRules):
        self.r = rules

    # -- entry point ------------------------------------------------------------------------------
    def find(self, text: str) -> list[Candidate]:
        low = lowered(text)
        grades = self.r.prefilter_started.finditer(text, low)
        if not grades or self.other_scale_only(text):
            return []
        out: list[Candidate] = []
        lines = nonblank_lines(text)
        in_context = WindowSearch(self.r.inspection_context_started, text, low)
        w = self.r.context_window
        for k in lines_holding([m.start() for m in grades], lines):
            pos, line = lines[k]
            if not in_context(max(0, pos - w), pos + w):
                continue
            row = self.table_row(lines, k)
            if row:
                out.append(row)
                continue
            for sentence in self.sentences(line, pos):
                found = self.in_sentence(sentence)
                self.agency_areas(found, sentence, line[:sentence.offset - pos])
                out.extend(found)
        return self.canonical_areas(out)

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

    def other_scale_only(self, text: str) -> bool:
        """A document about the Care Inspectorate or Estyn only: its `Good` is on another scale."""
        return bool(self.r.other_scale_document.search(text)) and not self.r.four_point_document.search(text)

    @staticmethod
    def sentences(line: str, offset: int) -> list[_Sentence]:
        out, start = [], 0
        for m in _SENTENCE_END.finditer(line):
            out.extend(_pieces(line[start:m.start()], offset + start))
            start = m.end()
        out.extend(_pieces(line[start:], offset + start))
        return out

    # -- judgement tables -------------------------------------------------------------------------
    def table_row(self, lines: list[tuple[int, str]], k: int) -> Optional[Candidate]:
        """`LSCB - Good`, `Overall effectiveness Requires improvement to be good`, or an area line
        followed by a line holding only its grade (PDF tables)."""
        pos, line = lines[k]
        before = [text for _, text in lines[max(0, k - 2):k]]
        m = self.r.table_row.match(line)
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
        area = area.strip(" -–—:|")
        verb = self.r.row_verb_tail.search(area)
        if verb:  # a line that is a sentence: "The effectiveness of leaders and managers had been rated as Good"
            area = area[:verb.start()]
            gtext = m.group("grade")
            if not area or not (self.r.standard_area.match(area) or gtext[0].isupper()
                                or line[m.start("grade") - 1:m.start("grade")] in _QUOTES):
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
        if not known and not standard and (len(area.split()) > 10 or self.r.excluded_subject.search(
                self.r.area_qualifier.split(area, 1)[0])):
            return None  # "Case audits - Good"
        previous = before[-1] if before else ""
        if not known and not standard and not self.r.table_context.search(previous) and not self.r.table_row.match(previous) \
                and not self.r.grade_alone.match(previous):
            return None
        key = self.area_key(area) if known or not standard else None  # "Overall experiences and ..." is its own area
        return Candidate(area_start, pos + m.end("grade") + self.closing_quote(line, m.end("grade")),
                         self.r.grade_of(m.group("grade")), "overall" if key == "overall" else area, key,
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
        low = lowered(s.text)
        near = [self.r.cue_starts.by_pattern(low, lo, hi) for lo, hi in windows]
        for k, cue in enumerate(self.r.cues):
            for (lo, hi), at in zip(windows, near):
                for m in cue.started.finditer(s.text, low, lo, hi, at[k]):
                    for group in ("grade1", "grade"):
                        if group in m.re.groupindex and m.group(group):
                            hits.setdefault(m.start(group), []).append((cue, m, group))
        out: list[Candidate] = []
        graded_until = 0  # the end of the last grade taken: "'Requires Improvement to be Good'" holds no second grade
        for start in sorted(hits):
            if start < graded_until:
                continue
            for cue, m, group in hits[start]:  # cues in rule-file order: the first that holds decides
                cand = self.judge(s, cue, m, group, out)
                if cand is _VETO:
                    break
                if cand:
                    graded_until = m.end(group)
                    out.append(cand)
                    if not cue.area_after_grade:
                        out.extend(self.listed_areas(s, m, cand))
                    out.extend(self.included_areas(s, m.end(group), cand))
                    out.extend(self.areas_after(s, cue, m, cand))
                    out.extend(self.as_were(s, m.end(group), cand))
                    listed = self.subject_list(s, cue, m, cand)
                    if listed and (listed[-1].area, listed[-1].area_key) == (cand.area, cand.area_key):
                        out.extend(listed[:-1])  # the subject was the list
                    out.extend(self.listed_after_grade(s, m.end(group), cand))
                    break
        return out

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
        clause_start = max(text.rfind(";", 0, gstart), text.rfind(":", 0, gstart), gstart - _CLAUSE_REACH) + 1
        if self.vetoed(text, gstart, gend, clause_start, after):
            return _VETO
        prefix = text[clause_start:gstart]
        near = prefix[max(prefix.rfind(","), prefix.rfind(" but ")) + 1:]
        forecast = cue.forecast or self.is_forecast(near, after)
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
        marked = (quoted or gtext.isupper() or gtext.lower().endswith("to be good")
                  or (gtext[0].isupper() and text[:gstart].strip(_QUOTES + " •-") != ""))
        plain_good = not marked and grade in ("good", "outstanding")
        official = "area" in m.re.groupindex and m.group("area") and self.r.standard_area.match(m.group("area"))
        if cue.strength == "weak" and not marked and not official and (
                plain_good or not self.r.inspection_context.search(text)):
            return None
        if cue.id == "grade_noun" and plain_good and m.group("noun")[0] in "jJ":
            between = text[gend:m.start("noun")]  # "good judgement" is a faculty unless "the"/"Ofsted" says otherwise
            if not between.strip() and not self.r.unmarked_noun_needs.search(text[:gstart]):
                return None
        if cue.id in ("judgement_of", "outcome_was") and self.r.noun_modifier_exclude.search(text[:m.start()]):
            return None  # "the credit rating was good", "case audit grades"
        if cue.id == "judgement_of" and plain_good and not self.r.strong_unmarked_needs.search(text):
            return None
        after = text[gend + self.closing_quote(text, gend):]
        if cue.after and not cue.after.match(after):
            return None  # "Care Leavers Good Practice Award" is a name, not a table row
        run_on = marked and re.match(r"\s+[A-Z]", after)  # "... families Requires improvement to be good The ..."
        if cue.id.startswith("grade_noun"):
            return grade, text[m.end("noun"):]
        if not (quoted or run_on) and group == "grade" and not self.r.accept_after.match(after):
            return None
        return grade, after

    def vetoed(self, text: str, gstart: int, gend: int, clause_start: int, after: str) -> bool:
        """Surveys, other scales, alternatives (`good or outstanding`) and national figures."""
        if self.r.survey_rating.match(after) or self.r.other_scale.search(text):
            return True
        if self.r.alternatives_after.match(text[gstart:]) or self.r.alternatives_before.search(text[:gstart]):
            return True
        clause_end = text.find(";", gend)
        comma = text.find(",", gend)
        window_end = min(gend + 40, clause_end if clause_end >= 0 else len(text), comma if comma >= 0 else len(text))
        clause = text[clause_start:window_end]
        return bool(self.r.national.search(clause)) and not self.r.one_of_set.search(clause)

    def listed_areas(self, s: _Sentence, m: re.Match, cand: Candidate) -> list[Candidate]:
        """`help and protection, children in care and care leavers were all judged Good`: the areas
        listed before the one the cue matched share its grade."""
        if "area" not in m.re.groupindex or not m.group("area"):
            return []
        out: list[Candidate] = []
        end = cand.start - s.offset
        while True:
            prev = self.r.area_list_before.search(s.text, max(0, end - _LIST_ITEM_REACH), end)
            if prev and len(out) >= _LIST_MAX:
                prev = None  # a list this long is not one judgement's areas
            if not prev:
                if out and cand.area_key in self.r.list_splits:
                    out.extend(self.split_area(cand))  # "..., children in care and care leavers": two areas
                return out
            area = prev.group("area")
            if self.area_key(area) == "overall" and self.r.grade_ends.search(s.text[:prev.start("area")].rstrip()):
                return out  # "... to be good overall, and care leavers were judged good": "overall" ends a judgement
            out.append(Candidate(s.offset + prev.start("area"), s.offset + prev.end("area"), cand.grade, area,
                                 self.area_key(area), cand.year, cand.forecast, "area_list"))
            end = prev.start("area")

    def as_were(self, s: _Sentence, after: int, cand: Candidate) -> list[Candidate]:
        """`Children in care were judged good, as were care leavers`: the second area shares the grade."""
        m = self.r.as_were_area.match(s.text, after + self.closing_quote(s.text, after))
        if not m or self.area_key(m.group("area")) == "overall":
            return []
        area = m.group("area")
        return [Candidate(s.offset + m.start("area"), s.offset + m.end("area"), cand.grade, area, self.area_key(area),
                          cand.year, cand.forecast, "as_were_area")]

    def listed_after_grade(self, s: _Sentence, after: int, cand: Candidate) -> list[Candidate]:
        """`judged Good in help and protection, children in care and care leavers`: the areas listed after the
        one named after the grade share it."""
        at = after + self.closing_quote(s.text, after)
        named = self.r.area_after_grade.match(s.text, at)
        out: list[Candidate] = []
        if not named and cand.area == "overall":  # "all three areas were judged good: X, Y and Z"
            named = self.r.area_list_colon.match(s.text, at)
            if named and self.area_key(named.group("area")) != "overall":
                area = named.group("area")
                out.append(Candidate(s.offset + named.start("area"), s.offset + named.end("area"), cand.grade, area,
                                     self.area_key(area), cand.year, cand.forecast, "area_list"))
            else:
                named = None
        if not named or (not out and cand.area_key != self.area_key(named.group("area"))):
            return []
        at = named.end("area")
        while len(out) < _LIST_MAX:
            nxt = self.r.area_list_after.match(s.text, at)
            if not nxt or self.area_key(nxt.group("area")) == "overall":
                break
            area = nxt.group("area")
            out.append(Candidate(s.offset + nxt.start("area"), s.offset + nxt.end("area"), cand.grade, area,
                                 self.area_key(area), cand.year, cand.forecast, "area_list"))
            at = nxt.end("area")
        if out and out[-1].area_key in self.r.list_splits:
            out.extend(self.split_area(out[-1]))  # "..., children in care and care leavers": two areas
        return out

    def names_area_or_authority(self, area: str, key: Optional[str], subject: str) -> bool:
        return key not in (None, "overall") or bool(self.r.standard_area.match(area)) \
            or bool(self.r.named_subject.search(subject or ""))

    def areas_after(self, s: _Sentence, cue: Cue, m: re.Match, cand: Candidate) -> list[Candidate]:
        """`Good ratings were received for the impact of leaders, help and protection and overall
        effectiveness`: the areas listed after the first one share its grade."""
        if not cue.id.startswith("grade_noun") or "noun" not in m.re.groupindex:
            return []
        tail = self.r.areas_after_noun.match(s.text, m.end("noun"))
        if not tail or self.area_key(tail.group("area")) == "overall":
            return []
        out: list[Candidate] = []
        at = tail.end("area")
        while len(out) < _LIST_MAX:
            nxt = self.r.area_list_after.match(s.text, at)
            if not nxt:
                return out
            area, key = nxt.group("area"), self.area_key(nxt.group("area"))
            out.append(Candidate(s.offset + nxt.start("area"), s.offset + nxt.end("area"), cand.grade,
                                 "overall" if key == "overall" else area, key, cand.year, cand.forecast, "area_list"))
            at = nxt.end("area")
        return out

    def subject_list(self, s: _Sentence, cue: Cue, m: re.Match, cand: Optional[Candidate]) -> list[Candidate]:
        """A subject that lists several areas, each with words of its own (`Other services for children who
        need help and protection, children who are looked after or in permanent placements, adoption, and
        the leadership ... were judged to be 'Good'`): one candidate per area, the last one last."""
        groups = m.re.groupindex
        if any(g in groups and (m.group(g) or "").strip() for g in ("area", "subj", "obj", "mid", "noun")):
            return []  # the cue found its own area, subject or object
        text = s.text
        clause_start = max(text.rfind(";", 0, m.start()), text.rfind(":", 0, m.start()),
                           m.start() - _CLAUSE_REACH) + 1
        prefix = _AUX_TAIL.sub("", text[clause_start:m.start()])
        terms = list(self.r.area_term.finditer(prefix))
        if len(terms) < 2:
            return []
        masked = list(prefix)
        for t in terms:
            masked[t.start():t.end()] = "x" * (t.end() - t.start())
        cut = [b.end() for b in self.r.list_subject_boundary.finditer("".join(masked))]
        cut += [g.end() for g in self.r.prefilter.finditer(prefix)]  # a grade ends an earlier judgement
        start = max(cut, default=0)
        terms = [t for t in terms if t.start() >= start]
        if terms and not prefix[start:terms[0].start()].strip() and self.area_key(terms[0].group()) == "overall":
            terms = terms[1:]  # "rated Good overall, with ...": the adverb of an earlier judgement
        if len(terms) < 2 or len(prefix[terms[-1].end():].split()) > self.r.list_gap_words:
            return []
        for a, b in zip(terms, terms[1:]):
            gap = prefix[a.end():b.start()]
            if not self.r.list_separator.search(gap) or len(gap.split()) > self.r.list_gap_words:
                return []
        if self.r.excluded_subject.search(self.r.area_term.sub(" ", prefix[start:])):
            return []
        grade = cand.grade if cand else ""
        year, forecast = (cand.year, cand.forecast) if cand else (None, False)
        out = []
        for t in terms:
            key = self.area_key(t.group())
            out.append(Candidate(s.offset + clause_start + t.start(), s.offset + clause_start + t.end(), grade,
                                 "overall" if key == "overall" else t.group(), key, year, forecast, "area_list"))
        return out

    def split_area(self, cand: Candidate) -> list[Candidate]:
        first, _, second = cand.area.rpartition(" and ")
        keys = self.r.list_splits[cand.area_key]
        cand.area, cand.area_key = first, keys[0]
        return [Candidate(cand.end - len(second) - 1, cand.end, cand.grade, second, keys[1], cand.year, cand.forecast,
                          "area_list")]

    def included_areas(self, s: _Sentence, after: int, cand: Candidate) -> list[Candidate]:
        """`'Good' in all areas, including the new judgment for care leavers` also grades care leavers."""
        if cand.area != "overall":
            return []
        m = self.r.including_area.search(s.text, after)
        if not m or self.r.apart_from.search(s.text, after, m.start()):
            return []
        if self.r.prefilter.search(s.text, m.end(), m.end() + 40) and not self.r.included_past_grade.match(s.text[m.end():]):
            return []  # the area has a grade of its own (a former grade, "which was previously inadequate", is another)
        area = m.group("area")
        return [Candidate(s.offset + m.start(), s.offset + m.end(), cand.grade, area, self.area_key(area), cand.year,
                          cand.forecast, "including_area")]

    # -- areas --------------------------------------------------------------------------------------
    def area_for(self, s: _Sentence, cue: Cue, m: re.Match, group: str, clause_start: int,
                 earlier: list[Candidate]) -> Optional[tuple[str, Optional[str], int]]:
        """(area, area key, span start) or None when the grade is not a judgement of a named or whole service."""
        text = s.text
        groups = m.re.groupindex
        gend = m.end(group)
        if self.r.fronted_participle.match(text, clause_start, m.start()):  # "Given a rating of 'Outstanding', the care leaver service ..."
            subj = self.r.subject_after.match(text, gend + self.closing_quote(text, gend))
            if subj:
                return self.classify(subj.group("subj"), subj.start("subj"), earlier)
        if "area" in groups and m.group("area"):
            if not cue.own_grade and self.r.excepted_before.search(text, clause_start, m.start("area")):
                return None  # "all areas except adoption judged inadequate": adoption is the one not so judged
            key = self.area_key(m.group("area"))
            if key == "overall":
                return "overall", key, m.start("area")
            start = m.start("area") - self.name_before(text[:m.start("area")])
            return text[start:m.end("area")], key, start
        if "subj" in groups and m.group("subj") and m.group("subj").strip():
            return self.classify(m.group("subj"), m.start("subj"), earlier)
        if "mid" in groups:
            mid = m.group("mid") or ""
            if self.r.excluded_subject.search(mid):
                return None
            found = self.r.area_term.search(mid)
            if found and self.area_key(found.group()) != "overall":
                return found.group(), self.area_key(found.group()), m.start()
            return "overall", "overall", self.noun_phrase_start(text, m.start(), clause_start)
        if cue.id.startswith("grade_noun"):
            tail = self.r.areas_after_noun.match(text, m.end("noun"))
            if tail and self.area_key(tail.group("area")) != "overall":
                return tail.group("area"), self.area_key(tail.group("area")), m.start()
            owner = self.r.possessive_before_grade.search(text, clause_start, m.start())
            if owner:  # "Ash Grove had retained its Good rating": the rating is the subject's
                verb = self.r.transition_tail.search(text, clause_start, owner.start())
                found = self.subject_before(text, verb.start() if verb else owner.start(), clause_start, earlier)
                if found and found[0] != "overall":
                    return found
            return "overall", "overall", self.noun_phrase_start(text, m.start(), clause_start)
        if "obj" in groups and m.group("obj") and m.group("obj").strip():
            found = self.classify(m.group("obj"), m.start("obj"), earlier, text[clause_start:m.start()])
            return found and (found[0], found[1], m.start())
        listed = self.subject_list(s, cue, m, None)
        if listed:
            return listed[-1].area, listed[-1].area_key, listed[-1].start - s.offset
        cue_start = m.start()
        if cue.id in _TRANSITION_CUES:  # "Hawthorn Lodge had moved from RI to Good": the subject is before the verb
            moved = self.r.transition_tail.search(text, clause_start, cue_start)
            cue_start = moved.start() if moved else cue_start
        found = self.subject_before(text, cue_start, clause_start, earlier)
        if found is None and cue.id in _TRANSITION_CUES and not self.r.excluded_subject.search(text[clause_start:m.start()]):
            return "overall", "overall", m.start()  # "The aim was to move from RI to Good"
        return found

    def subject_before(self, text: str, cue_start: int, clause_start: int, earlier: list[Candidate]):
        prefix = text[clause_start:cue_start]
        trimmed = _AUX_TAIL.sub("", prefix)
        member = self.r.one_of_set.search(trimmed)
        if member:  # "Eastshire is one of only 15 councils (rated ...)": the subject is Eastshire
            head = self.r.one_of_head.search(trimmed[:member.start()])
            return head and self.classify(head.group("subj"), clause_start + head.start("subj"), earlier)
        named = self.standard_clause(trimmed)
        if named:
            return named[0], named[1], clause_start + named[2]
        at_end = self.r.area_at_end.search(trimmed.rstrip())
        pieces = list(self.r.subject_boundary.finditer(trimmed))
        cut = pieces[-1].end() if pieces else 0
        if at_end and at_end.start() < cut:
            return at_end.group(1), self.area_key(at_end.group(1)), clause_start + at_end.start(1)
        piece = trimmed[cut:]
        if not piece.strip() and pieces and self.r.relative_pronoun.match(pieces[-1].group().strip()):
            before = trimmed[:pieces[-1].start()].rstrip(" ,;")
            inner = list(self.r.subject_boundary.finditer(before))
            antecedent = before[inner[-1].end() if inner else 0:]
            verb = _ANTECEDENT_CUT.match(antecedent)
            start = (inner[-1].end() if inner else 0) + (verb.end() if verb else 0)
            return self.classify(before[start:], clause_start + start, earlier)
        own = self.own_provision_named(trimmed)
        if own:
            return own[0], self.area_key(own[0]), clause_start + own[1]
        if earlier and self.r.coordinated_tail.search(trimmed):
            return earlier[-1].area, earlier[-1].area_key, clause_start + len(trimmed)  # "... rated A (2019) and is now rated B"
        if not piece.strip() and pieces and pieces[-1].group() == "," and earlier:
            return earlier[-1].area, earlier[-1].area_key, clause_start + cut  # "..., having previously been judged RI"
        found = self.classify(piece, clause_start + cut, earlier, trimmed[:cut])
        if found is None and len(pieces) > 0 and pieces[-1].group().strip() == "and":
            joined = pieces[-2].end() if len(pieces) > 1 else 0  # "services for children and families"
            return self.classify(trimmed[joined:], clause_start + joined, earlier, trimmed[:joined])
        return found

    def own_provision_named(self, trimmed: str) -> Optional[tuple[str, int]]:
        """`Oak Lodge, one of the council's own homes, was rated Outstanding`, `the council's adoption agency,
        Adopt South Central, was ...`: a name set beside the authority's own home, agency or service is the area."""
        m = self.r.own_provision_appositive.search(trimmed)
        if not m:
            return None
        if m.group("name3"):  # "the reablement service, run by the council,": the head is the service itself
            name = m.group("name3")
            head = self.r.determiner.match(name)
            if self.r.named_subject.search(name) or self.r.excluded_subject.search(name):
                return None  # the authority or its children's services: the plain subject decides
            return name[head.end() if head else 0:], m.start("name3") + (head.end() if head else 0)
        name, desc = ("name", "desc") if m.group("name") else ("name2", "desc2")
        if not self.r.own_provision.search(m.group(desc)):
            return None
        return m.group(name), m.start(name)

    def standard_clause(self, clause: str) -> Optional[tuple[str, Optional[str], int]]:
        """A clause that opens with an inspection standard's name, commas and all ("how well children, young
        people and adults were helped and protected"): the whole clause before the verb is the area."""
        lead = len(clause) - len(clause.lstrip(" ,"))
        name = clause.strip(" ,")
        if not self.r.standard_area.match(name) or self.r.prefilter.search(name) or len(name.split()) > 20:
            return None
        how = self.r.standard_area.match(name).group().lower().startswith("how")
        if not how and (self.r.subject_boundary.search(name) or self.r.excluded_subject.search(name)):
            return None  # only "how well ..." names hold a comma or a clause (or "young people") of their own
        key = self.area_key(name)
        return None if key == "overall" else (name, key, lead)

    def classify(self, subject: str, start: int, earlier: list[Candidate], earlier_text: str = ""):
        """What a grade's subject says about the area: overall, a named area, or not a judgement (None)."""
        lead = len(subject) - len(subject.lstrip())
        s = _AUX_TAIL.sub("", subject).strip().strip(_QUOTES + " ,")
        start += lead
        while True:
            m = self.r.determiner.match(s)
            if not m:
                break
            s, start = s[m.end():], start + m.end()
        if not s:
            return "overall", "overall", start
        if self.r.excluded_subject.search(s):
            return None
        if self.r.all_subject.match(s):
            return "overall", "overall", start
        if self.r.counted_areas.match(s):  # "the other three areas were rated good": counted areas, as written
            return s, None, start
        if self.r.vague_subject.match(s):
            return None
        if self.r.pronoun_object.match(s) and earlier_text and self.r.excluded_subject.search(earlier_text):
            return None  # "The inspection of Greenfield Primary School rated it Good"
        if self.r.pronoun_subject.match(s):
            if earlier and earlier[-1].area != "overall":
                return earlier[-1].area, earlier[-1].area_key, start
            return None
        q = self.r.quantifier.match(s)
        if q and q.end() < len(s):
            s, start = s[q.end():], start + q.end()
        if self.r.standard_area.match(s):  # "the effectiveness of leaders and managers", "how well children ..."
            key = self.area_key(s)
            return ("overall", key, start) if key == "overall" else (s, key, start)
        served = self.r.area_service_head.search(s)
        if served and self.area_key(served.group("area")) not in (None, "overall"):
            return s, self.area_key(served.group("area")), start  # "care leavers services", "our adoption agency"
        at_end = self.r.area_at_end.search(s)
        named_service = at_end and self.area_key(at_end.group(1)) not in (None, "overall")
        if self.r.entity_head.search(s) and not self.r.area_of_service.search(s) and not named_service:
            return "overall", "overall", start  # the inspected body itself: "the Adoption Agency"
        if at_end:
            key = self.area_key(at_end.group(1))
            if key == "overall":
                return "overall", key, start
            head = at_end.start(1) - self.name_before(s[:at_end.start(1)])
            return s[head:], key, start + head
        found = self.r.area_term.search(s)
        if found:
            key = self.area_key(found.group())
            return ("overall", key, start) if key == "overall" else (s, key, start)
        if self.r.area_subject.search(s):
            return s, None, start
        parts = [p.strip() for p in self.r.list_separator.split(s) if p.strip()]
        if all(self.r.home_name.match(p) for p in parts):  # "Ash Grove had been rated Outstanding": a home, not a place
            return s, None, start
        if self.r.pronoun_object.match(s) and earlier and earlier[-1].area != "overall":
            return earlier[-1].area, earlier[-1].area_key, start  # "X was judged Good, ... when it was judged RI"
        if self.r.overall_subject.search(s) or _CAPITALISED_NAME.match(s):
            return "overall", "overall", start
        return None

    def name_before(self, text: str) -> int:
        """Length of the capitalised name just before an area term ("City and Hackney "), never reaching
        back over a grade ("Children in care were Good and care leavers ...")."""
        name = _NAME_BEFORE.search(text).group()
        grades = list(self.r.prefilter.finditer(name))
        if grades:
            name = re.sub(r"^\W*(?:and|&)?\s*", "", name[grades[-1].end():])
        return len(name)

    def area_key(self, area: str) -> Optional[str]:
        found = self.r.area_term.search(area)
        return self.r.area_keys.get(re.sub(r"\s+", " ", found.group().lower())) if found else None

    def noun_phrase_start(self, text: str, start: int, clause_start: int) -> int:
        """Start the quoted text at the article before a judgement noun phrase ("the inadequate ...")."""
        m = re.search(r"\b(?:the|an?|its|their|our)\s+(?:[\w’'-]+\s+){0,3}$", text[clause_start:start], re.I)
        return clause_start + m.start() if m else start

    # -- small helpers ------------------------------------------------------------------------------
    def year_near(self, text: str, gstart: int, gend: int, clause_start: int) -> Optional[int]:
        after = self.r.year.search(text, gend, min(len(text), gend + 60))
        if after:
            return int(after.group(1))
        before = list(self.r.year.finditer(text, clause_start, gstart))
        return int(before[-1].group(1)) if before else None

    @staticmethod
    def closing_quote(text: str, end: int) -> int:
        return 1 if end < len(text) and text[end] in _QUOTES else 0

    def canonical_areas(self, cands: list[Candidate]) -> list[Candidate]:
        """One spelling per area in a document: `care leavers` after `Experience and progress of Care
        Leavers` takes the first spelling, so the same judgement is not counted twice."""
        first: dict[str, str] = {}
        for c in cands:
            if c.area == "overall" or c.area_key is None or c.area_key == "overall":
                continue
            if _ARTICLE_BEFORE_OVERALL.match(c.area):  # "the overall experiences and progress of ...": named as written, no article
                c.area = c.area[_ARTICLE_BEFORE_OVERALL.match(c.area).end():]
            c.area = first.setdefault(c.area_key, c.area)
        return cands


class JudgementsComponent:
    def __init__(self, name: str, rules: dict):
        self.name = name
        self.finder = JudgementFinder(JudgementRules(rules))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for cand in self.finder.find(document_text(doc)):
            span = doc.char_span(cand.start, cand.end, label=cand.rule, alignment_mode="expand")
            if span is None:
                continue
            span._.set(PAYLOAD_ATTRS["judgements"], {
                "area": cand.area, "grade": cand.grade, "year": cand.year, "forecast": cand.forecast,
            })
            spans.append(span)
        doc.spans["judgements"] = spans
        return doc


@Language.factory("minutes_judgements", requires=["doc.spans"], assigns=["doc.spans"], default_config={"rules": {}})
def make_judgements(nlp: Language, name: str, rules: dict) -> JudgementsComponent:
    return JudgementsComponent(name, rules)
