"""The judgement rule file compiled (JudgementRules), the candidate and cue types, and the sentence
pieces the finder reads. No matching happens here."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ...matching import StartedPattern, StartScan, expand_fragments, trie_pattern
from ...matching.ends import closing_character, required_characters, required_literals
from ...matching.memo import DiskMemo

from ...matching.regex_tree import sre as _sre, sre_parser as _sre_parser

_QUOTES = "‘’'\"“”"
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z‘“\"'(•])")
_AUX_TAIL = re.compile(
    r"(?:\s+(?:was|were|is|are|has|had|have|been|being|be|currently|now|also|previously|again|all|both|each|"
    r"overall|recently|subsequently|separately|then|already|consistently|initially|still|having|continued|continues|to|last|first|"
    r"will|would|could|should|may|might|shall))+\s*$",
    re.I)
_ANTECEDENT_CUT = re.compile(r".*\b(?:was|were|is|are|be|been|have|has|had|to|about|by|from|get|got|see|saw)\b", re.I)
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w’'&-]*\s+(?:(?:and|&|of)\s+)?)*$")  # "City and Hackney " + area term
_CAPITALISED_NAME = re.compile(r"^[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|and|of|upon|on|with|for))*$")  # "Middlesbrough"
_REACH_BEFORE, _REACH_AFTER = 240, 120  # how far a cue may reach from its grade word
_LIST_ITEM_REACH, _LIST_MAX = 160, 12  # an area listed before another is this close; lists are this short
_CLAUSE_REACH = 400  # a clause reaches no further back from its grade (keeps run-on text linear)
_MAX_SENTENCE = 2000  # longer "sentences" (run-on text) are read in pieces
_ARTICLE_BEFORE_OVERALL = re.compile(r"(?i)the\s+(?=overall\s)")
_TRANSITION_CUES = ("from_to", "up_from")  # a grade moved from: the subject may be the rating itself
_VETO = object()  # judge(): the grade is not a judgement, whichever cue is tried
_AREA_GROUP = "(?P<area><<AREA>>)"
AREA_FIRST = DiskMemo("area-first", Path(__file__))  # opens_with_area's parse trees, read once per rule edit


ANAPHORIC = "anaphoric"  # area key of a subject such as "the home": resolved from the sentence before, else dropped


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
    earlier_area: bool = False  # the former grade of the judgement just found ("upgraded to Good from RI")
    lists_after: bool = False  # the areas listed after the cue's own area share its grade ("were: X, Y and Z")
    presupposed: bool = False  # a grade in a definite noun phrase is past whatever modal follows ("the good judgement")
    own_clause_tense: bool = False  # only the grade's own that-clause decides a forecast ("the judgement that X was good")
    started: Optional["StartedPattern"] = None  # the pattern, tried only where its matches can start
    # what every match consumes: for each gate, one of its strings ("from"; "House", "Lodge" ...), found in the
    # lower-cased text, or as written for an `exact` gate (cue_gates); a window holding none of a gate's is skipped
    needs: tuple[tuple[tuple[str, ...], bool], ...] = ()
    # punctuation one of which every match holds ("|" of a table cell, "(" of a bracket; required_characters):
    # a window holding none of it is skipped
    marks: Optional[str] = None

    def __post_init__(self) -> None:
        self.started = StartedPattern(self.pattern)
        self.needs = cue_gates(self.pattern)
        self.marks = required_characters(self.pattern)

    def worth_gating(self, starts: Optional[list[int]]) -> bool:
        """Whether to ask the gates before trying the pattern at `starts`: for a cue that would scan the
        window (None: no starting strings, as the home-name cues) or try it at many places (an area's first
        letters: "the", "ca", "co" ...). Measured: for a cue tried only at a few starting strings the finds
        cost more than the few matches they save."""
        return bool(self.needs) and (starts is None or len(starts) >= _GATE_FROM_STARTS)

    def marked(self, text: str, lo: int, hi: int) -> bool:
        """False when text[lo:hi] holds none of the punctuation every match holds (a match lies in [lo, hi));
        only for a cue whose marks are known."""
        return any(text.find(c, lo, hi) >= 0 for c in self.marks)

    def may_match(self, text: str, low: str, lo: int, hi: int) -> bool:
        """False when text[lo:hi] lacks all the strings of one of the cue's gates (a match lies in [lo, hi))."""
        for words, exact in self.needs:
            where = text if exact else low
            if not any(where.find(word, lo, hi) >= 0 for word in words):
                return False
        return True


_GATE_SHORTEST = 3  # shorter literals are in most windows: no gate
_GATE_FROM_STARTS = 6  # a cue with starting strings at this many places of a window asks its gates first


def cue_gates(pattern: re.Pattern) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """Gates every match of a cue passes, read from its parse tree: each run of literal ASCII characters
    (at least _GATE_SHORTEST long) and each alternation whose every branch opens with such a run, in the
    sequence of items every match consumes (groups entered; look-arounds, repeats and the inside of
    other alternations left out). Exact-case where a group turns case-insensitivity off (`(?-i:House|Lodge)`)."""
    return tuple(_gates(pattern.pattern, pattern.flags))


@AREA_FIRST
def _gates(text: str, flags: int) -> list:
    out: list = []
    _sequence_gates(list(_sre_parser.parse(text, flags)), bool(flags & re.I), out)
    return out


def _sequence_gates(items: list, fold: bool, out: list) -> None:
    run = ""
    for op, av in items + [(None, None)]:
        if op is _sre.LITERAL and av < 128:
            run += chr(av)
            continue
        if len(run) >= _GATE_SHORTEST:
            out.append(((run.lower() if fold else run,), not fold))
        run = ""
        if op is _sre.SUBPATTERN:
            add, remove = av[1], av[2]
            inner = (fold or bool(add & re.I)) and not bool(remove & re.I)
            _sequence_gates(list(av[3]), inner, out)
        elif op is _sre.BRANCH:
            openings = [_opening_literal(list(branch)) for branch in av[1]]
            if all(len(w) >= _GATE_SHORTEST for w in openings):
                out.append((tuple(sorted({w.lower() if fold else w for w in openings})), not fold))


def _opening_literal(items: list) -> str:
    run = ""
    for op, av in items:
        if op is not _sre.LITERAL or av >= 128:
            break
        run += chr(av)
    return run


def opens_with_area(raw: str, fragments: dict) -> bool:
    """Whether every match of the cue pattern `raw` (as in the rule file) opens with its area group,
    `(?P<area><<AREA>>)`, behind nothing but zero-width assertions. Read from the pattern's parse tree
    with the area trie (one group either way) stood in by a placeholder, so the parse stays small."""
    return _AREA_GROUP in raw and _area_group_first(expand_fragments(raw, {**fragments, "AREA": "(?:x)"}))


@AREA_FIRST
def _area_group_first(pattern: str) -> bool:
    parsed = _sre_parser.parse(pattern, re.I)
    area = parsed.state.groupdict.get("area")
    for op, av in parsed:
        if op is _sre.SUBPATTERN and av[0] == area:
            return av[1] == av[2] == 0  # no flags of its own
        if not _zero_width(op, av):
            return False
    return False


def _zero_width(op, av) -> bool:
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return True
    if op is _sre.SUBPATTERN:
        return all(_zero_width(o, a) for o, a in av[-1])
    if op is _sre.BRANCH:
        return all(_zero_width(o, a) for branch in av[1] for o, a in branch)
    return False


def first_words(terms: list[str]) -> list[str]:
    """What every one of the (lower-case) terms starts with: their first words, a word left out where a
    shorter one is its prefix ("leaders" covers "leadership"). Far rarer than the two-letter prefixes
    starting_strings would give the area trie ("ca", "co", "th"), so a cue opening with an area is tried
    at far fewer places (the scan still finds every place an area term can start)."""
    words = sorted({term.split(" ")[0] for term in terms if term})
    out: list[str] = []
    for word in words:  # sorted: a word's prefixes come before it
        if not any(word.startswith(kept) for kept in out):
            out.append(word)
    return out


class AreaGate:
    """Where an area term starts, asked once per place for all the cues that open with one (seven of the
    cues do, and at most places they all fail on the area). Remembers the answers for the text last
    asked about."""

    def __init__(self, area: re.Pattern):
        self.match = area.match
        self.text: Optional[str] = None
        self.known: dict[tuple[int, int], bool] = {}

    def where(self, text: str, starts: list[int], hi: int) -> list[int]:
        """The starts at which an area term matches in text[:hi]."""
        if text is not self.text:
            self.text, self.known = text, {}
        known, out = self.known, []
        for i in starts:
            ok = known.get((i, hi))
            if ok is None:
                ok = known[(i, hi)] = self.match(text, i, hi) is not None
            if ok:
                out.append(i)
        return out


class AreaFirst(StartedPattern):
    """A cue pattern whose matches open with an area term: tried only where the AreaGate finds one (where
    the area cannot match, neither can the cue, so the matches are the same)."""

    def __init__(self, pattern: re.Pattern, gate: AreaGate, area_starts: Optional[list[str]] = None):
        """`area_starts`: what every area term starts with (first_words); None: worked out from the pattern."""
        super().__init__(pattern, {"lower": area_starts} if area_starts else None)
        self.gate = gate

    def finditer(self, text: str, low: Optional[str], lo: int = 0, hi: Optional[int] = None,
                 near: Optional[list[int]] = None) -> list[re.Match]:
        if near is not None and low is not None and self.known and not self.exact:
            hi = len(text) if hi is None else hi
            near = self.gate.where(text, near, hi)
        return super().finditer(text, low, lo, hi, near)


class SharedStartScan:
    """StartScan.by_pattern for patterns of which many start with the same strings (the area cues all open with
    an area term; five cues open with a grade word): the scan lists each place once per distinct set of
    starting strings, and patterns with the same set share that list (read only, never changed)."""

    def __init__(self, patterns: list[StartedPattern]):
        shared: dict[tuple, int] = {}
        self.index: list[int] = []  # pattern k's list: the scan's list index[k]
        for p in patterns:
            # all by_pattern reads of a pattern (as StartScan builds its users)
            self.index.append(shared.setdefault((p.known, p.lower, p.exact, p.word_start), len(shared)))
        firsts = {i: p for p, i in zip(patterns, self.index)}
        self.scan = StartScan([firsts[i] for i in range(len(shared))])

    def by_pattern(self, low: Optional[str], lo: int, hi: int) -> list[Optional[list[int]]]:
        """As StartScan.by_pattern: for each pattern, where it can start in low[lo:hi] (None: it must scan)."""
        found = self.scan.by_pattern(low, lo, hi)
        return [found[i] for i in self.index]


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
            return re.compile(expand_fragments(rules[key], fragments), flags)

        self.cues = [Cue(c["id"], c["strength"], re.compile(expand_fragments(c["pattern"], fragments), re.I),
                         c.get("capitalised_area", False), c.get("needs_earlier", False),
                         re.compile(c["after"]) if "after" in c else None, c.get("named_subject", False),
                         c.get("area_after_grade", False), c.get("own_grade", False), c.get("forecast", False),
                         c.get("earlier_area", False), c.get("lists_after", False),
                         presupposed=c.get("presupposed", False), own_clause_tense=c.get("own_clause_tense", False))
                     for c in rules["cues"]]
        gate = AreaGate(re.compile(fragments["AREA"], re.I))
        area_starts = first_words(list(self.area_keys))
        for cue, c in zip(self.cues, rules["cues"]):
            if opens_with_area(c["pattern"], rules["fragments"]):
                cue.started = AreaFirst(cue.pattern, gate, area_starts)
        self.cue_starts = SharedStartScan([cue.started for cue in self.cues])
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
            "clause_subordinator", "past_finite", "presupposed_grade", "home_name_within", "own_authority_name", "grade_label_after_copula", "one_of_set", "one_of_head", "coordinated_tail", "self_assessed",
            "agency_named", "agency_exclude", "own_provision", "included_past_grade", "home_name", "transition_tail", "possessive_before_grade", "area_list_colon",
            "agency_appositive_name", "counted_areas", "coordinated_owner", "overall_label", "provision_plural", "excluded_giver",
            "quantifier", "pronoun_subject", "pronoun_object", "determiner",
            "pronoun_sentence", "antecedent_area", "antecedent_name", "other_provider", "other_provider_named", "provision_head",
            # tables
            "table_row", "table_context", "not_table_area", "grade_alone", "row_marker", "row_verb_tail", "row_shared_tail",
            # documents
            "other_scale_document",
            # relative clauses, own agencies, anaphora, table cells
            "parenthetical_relative", "own_agency_subject", "anaphoric_provision", "anaphoric_subject", "own_provision_intro", "area_list_item_before", "fronted_for_area", "area_given_before", "table_middle_cell", "relative_aside",
            # appended transitions
            "appended_subject", "judgement_noun_head",
            # tables of several columns
            "table_cell_separator", "grade_cell", "target_column", "row_former_grade",
            "row_label_tail",
            # pronouns within a sentence
            "clause_antecedent", "inspected_then",
            # rows of several grade cells
            "grid_cell_separator", "grid_time_column", "grid_overall_column", "grid_skip_cell",
            # blocks of a page about one home or agency
            "sccif_area", "sccif_overall_area", "block_field_line", "entity_field", "block_head_exclude", "bilingual_row",
            "named_provision_subject", "grade_key_line", "grade_key_pair", "own_provision_title",
            # elliptical grades, fronted asides, appositive names
            "key_question_line", "grade_opens_line", "dated_after_grade", "fronted_list_head", "whose_relative", "authority_suffix", "receiving_verb_tail", "provision_appositive_intro", "noun_of_appositive", "provision_plural_after", "named_provision_apposition", "pronoun_head", "grade_clause_end", "coordinated_grade_gap", "anaphoric_object", "heading_line", "noun_recipient", "fronted_domain", "domain_standard",
            # scorecards: a numbered standard heading over its "Rating: Good" line, under a "Domain 2: ..." heading
            "scorecard_label_row", "numbered_standard_head", "domain_line",
            # the place whose staff are thanked for a grade
            "honoured_name",
            # a grade coordinated with its subject's earlier predicate; the object of an inspection noun; a received grade
            "coordinated_predicate_subject", "inspection_of_object", "received_grade_tail", "grade_for_listed_areas", "asserted_after_grade", "provision_apposition_tail", "provision_possessive_before_grade",
            # a table row's area qualified by its standard ("Court disposals: planning")
            "domain_qualified_area",
            # a row followed by a clause ("Name - Good (2025); an action plan ..."); a row whose cell after the name is a
            # predicate ("Ashgrove - retained its Outstanding rating")
            "row_then_clause", "labelled_predicate_row", "labelled_name_exclude",
            # an indefinite description beside a name in a paragraph about the authority's own homes ("a short breaks home")
            "indefinite_provision",
        ):
            setattr(self, key, compile_(key))
        self.inspection_context_started = StartedPattern(self.inspection_context, rules["inspection_context_starts"])
        self.other_scale_document_started = StartedPattern(self.other_scale_document)  # whole texts: its words first
        self.block_head_name = re.compile(rules["block_head_name"])  # case matters (names)
        self.own_provision_appositive = re.compile(rules["own_provision_appositive"])  # case matters (names)
        # the character every appositive ends with ("Oak Lodge, one of our homes,"): a search (slow: it is tried at
        # every start) only on a text ending with it
        self.own_provision_appositive_end = closing_character(self.own_provision_appositive)
        self.whose_relative_words = required_literals(self.whose_relative)  # ("whose"): in the lower-cased text
        self.four_point_document = re.compile(rules["four_point_document"])  # case matters ("Ofsted", "CQC")
        self.subject_boundary = re.compile(expand_fragments(rules["subject_boundary"], fragments))  # case matters ("and the")
        self.name_preposition = re.compile(rules["name_preposition"])  # case matters ("For care leavers")
        self.year = re.compile(rules["year"])
        self.context_window = rules["context_window"]
        self.own_authority_reach = rules["own_authority_reach"]
        self.forecast_window = rules["forecast_window"]
        self.anaphoric_object_reach = rules["anaphoric_object_reach"]
        self.table_area_share = rules["table_area_share"]
        self.domain_heading_words = rules["domain_heading_words"]
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
