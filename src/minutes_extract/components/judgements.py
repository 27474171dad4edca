"""minutes_judgements: graded inspection judgements of this authority's services (Ofsted, and other
inspectorates' four-point grades: CQC, HMI Probation).

A grade word (outstanding, good, requires improvement, inadequate) is a judgement only when a cue
ties it to a judgement: a judging verb (`judged as 'Good'`), a judgement noun (`the inadequate Ofsted
judgement`, `the overall rating ... was Good`), a judgement-table row (`LSCB - Good`) or an area named
with its grade. Filters then drop national figures, negated and alternative grades (`good or
outstanding`), other scales, grades of schools/cases/practice, and vague areas; hopes about a future
grade are kept with `forecast: true`. The area is `overall` unless the text names one.

All matching is in `JudgementFinder` (pure text in, candidates out); the component turns candidates
into spans of the `judgements` group.
"""
from __future__ import annotations

import re
from re import _constants as _sre, _parser as _sre_parser  # to read a pattern's first characters (guarded())
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the extensions)
from ..extensions import PAYLOAD_ATTRS, document_text

_PLACEHOLDER = re.compile(r"<<([A-Z_]+)>>")
_QUOTES = "‘’'\"“”"
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z‘“\"'(•])")
_AUX_TAIL = re.compile(
    r"(?:\s+(?:was|were|is|are|has|had|have|been|being|be|currently|now|also|previously|again|all|both|each|"
    r"overall|recently|subsequently|then|already|consistently|initially|still|having|continued|continues|to))+\s*$",
    re.I)
_ANTECEDENT_CUT = re.compile(r".*\b(?:was|were|is|are|be|been|have|has|had|to|about|by|from|get|got|see|saw)\b", re.I)
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w’'&-]*\s+(?:(?:and|&|of)\s+)?)*$")  # "City and Hackney " + area term
_CAPITALISED_NAME = re.compile(r"^[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|and|of|upon|on|with))*$")  # "Middlesbrough"
_REACH_BEFORE, _REACH_AFTER = 240, 120  # how far a cue may reach from its grade word
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
    started: Optional["StartedPattern"] = None  # the pattern, tried only where its matches can start

    def __post_init__(self) -> None:
        self.started = StartedPattern(self.pattern)


def trie_pattern(terms: list[str]) -> str:
    """One regex for many literal terms, branching a character at a time ("care leavers|care ..." share
    "care "): much faster than a flat alternation. Spaces match any run of whitespace."""
    trie: dict = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"


# The only non-ASCII characters that re.I matches to ASCII letters (İ ı ſ and the Kelvin sign).
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def lowered(text: str) -> Optional[str]:
    """text.lower() when it keeps every offset and an ASCII word that a case-insensitive pattern matches in
    `text` reads as that word lower-cased at the same offset; None for the rare text where it does not."""
    if any(map(text.__contains__, _FOLDS_TO_ASCII)):
        return None
    return text.lower()


class StartedPattern:
    """A regex whose every match starts with one of a few strings (`lower`: as found in the lower-cased
    text; `exact`: as written). Scanning a whole text, the regex would be tried at every character; here
    the strings are found first (str.find, C speed) and the regex is tried only where one starts."""

    def __init__(self, pattern: re.Pattern, starts: Optional[dict] = None):
        """`starts` as in the rule files; None: worked out from the pattern (starting_strings), and
        when they cannot be, the pattern scans behind a first-character look-ahead (guarded)."""
        self.pattern = guarded(pattern)
        if starts is None:
            derived = starting_strings(pattern)
            starts = {"lower": derived} if derived else None
        self.known = starts is not None
        self.lower = tuple(starts.get("lower", ())) if starts else ()
        self.exact = tuple(starts.get("exact", ())) if starts else ()

    def starts(self, text: str, low: str, lo: int = 0, hi: Optional[int] = None) -> list[int]:
        hi = len(text) if hi is None else hi
        found: set[int] = set()
        for where, words in ((low, self.lower), (text, self.exact)):
            for word in words:
                i = where.find(word, lo, hi)
                while i >= 0:
                    found.add(i)
                    i = where.find(word, i + 1, hi)
        return sorted(found)

    def finditer(self, text: str, low: Optional[str], lo: int = 0, hi: Optional[int] = None,
                 near: Optional[list[int]] = None) -> list[re.Match]:
        """The matches pattern.finditer(text, lo, hi) gives (it never matches an empty string); `low` is
        lowered(text), None to scan. `near`: where a StartScan holding this pattern found starting
        strings in [lo, hi)."""
        hi = len(text) if hi is None else hi
        if low is None or not self.known:
            return list(self.pattern.finditer(text, lo, hi))
        if near is not None and not self.exact:
            starts = near
        else:
            starts = self.starts(text, low, lo, hi)
        out: list[re.Match] = []
        resume = lo
        for i in starts:
            if i >= resume:
                m = self.pattern.match(text, i, hi)
                if m:
                    out.append(m)
                    resume = m.end()
        return out


class StartScan:
    """Where several StartedPatterns' (lower-case) starting strings occur in a text, in one scan: the scan
    stops once at each possible first letter and reads the longest starting string there, which tells
    every pattern that can start at that place (one whose string is a prefix of it)."""

    def __init__(self, patterns: list[StartedPattern]):
        self.patterns = patterns
        words = sorted({w for p in patterns if p.known and not p.exact for w in p.lower}, key=len, reverse=True)
        self.users = {w: [k for k, p in enumerate(patterns) if p.known and not p.exact and w.startswith(p.lower)]
                      for w in words}
        firsts = "".join(sorted({re.escape(w[0]) for w in words}))
        alternatives = "|".join(map(re.escape, words))  # longest first
        # the look-behind steps back over the letter just read, so the look-ahead starts on it
        self.scan = re.compile(f"[{firsts}](?<=(?=({alternatives}))(?s:.))") if words else None

    def by_pattern(self, low: Optional[str], lo: int, hi: int) -> list[Optional[list[int]]]:
        """For each pattern, where it can start in low[lo:hi] (None: it must scan)."""
        if low is None or self.scan is None:
            return [None] * len(self.patterns)
        found: list[Optional[list[int]]] = [
            [] if p.known and not p.exact else None for p in self.patterns]
        for m in self.scan.finditer(low, lo, hi):
            for k in self.users[m.group(1)]:
                found[k].append(m.start())
        return found


class WindowSearch:
    """pattern.search(text, lo, hi) is not None, for many windows of one text: tried only at the starts."""

    def __init__(self, started: StartedPattern, text: str, low: Optional[str]):
        self.pattern, self.text = started.pattern, text
        self.at = started.starts(text, low) if low is not None and started.known else None

    def __call__(self, lo: int, hi: int) -> bool:
        if self.at is None:
            return bool(self.pattern.search(self.text, lo, hi))
        for i in self.at[bisect_left(self.at, lo):bisect_left(self.at, hi)]:
            if self.pattern.match(self.text, i, hi):
                return True
        return False


class _Unknown(Exception):
    """guarded(): a construct whose first characters are not worked out."""


_CATEGORIES = {_sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W", _sre.CATEGORY_DIGIT: r"\d",
               _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_NOT_SPACE: r"\S"}


def _first_chars(items, found: list[str], ignorecase: bool) -> bool:
    """Add to `found` (character-class items) every character a match of `items` can start with; True when
    `items` can also match the empty string."""
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: the next item reads the first character
        if op is _sre.LITERAL:
            found.append(re.escape(chr(av)))
            return False
        if op is _sre.IN:
            for kind, value in av:
                if kind is _sre.LITERAL:
                    found.append(re.escape(chr(value)))
                elif kind is _sre.RANGE:
                    found.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
                elif kind is _sre.CATEGORY and value in _CATEGORIES:
                    found.append(_CATEGORIES[value])
                else:
                    raise _Unknown  # a negated class
            return False
        if op is _sre.SUBPATTERN:
            if av[1] & re.IGNORECASE and not ignorecase:
                raise _Unknown  # "(?i:...)" inside a case-sensitive pattern
            if not _first_chars(av[3].data, found, ignorecase):
                return False
        elif op is _sre.BRANCH:
            empty = [_first_chars(alternative.data, found, ignorecase) for alternative in av[1]]
            if not any(empty):
                return False
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            if not _first_chars(av[2].data, found, ignorecase) and av[0] > 0:
                return False
        else:
            raise _Unknown  # any character, a back-reference, a condition ...
    return True


def first_characters(pattern: re.Pattern) -> Optional[str]:
    """A character class (its inside, read with the pattern's flags) holding every character a match of
    `pattern` can start with; None when that is not known or the pattern can match an empty string."""
    found: list[str] = []
    try:
        if _first_chars(_sre_parser.parse(pattern.pattern, pattern.flags).data, found,
                        bool(pattern.flags & re.IGNORECASE)):
            return None  # it can match the empty string
    except _Unknown:
        return None
    return "".join(dict.fromkeys(found))


def guarded(pattern: re.Pattern) -> re.Pattern:
    """The pattern behind a look-ahead for the characters its matches can start with. A pattern that starts
    with `\b` and a case-insensitive alternation costs a full attempt at every character; the look-ahead
    turns most of them away after one test. Same matches; the pattern itself when the set is not known."""
    firsts = first_characters(pattern)
    if firsts is None:
        return pattern
    flags = re.match(r"\(\?[aiLmsux]+\)", pattern.pattern)  # they must stay first; pattern.flags holds them
    body = pattern.pattern[flags.end():] if flags else pattern.pattern
    return re.compile(f"(?=[{firsts}])" + body, pattern.flags)


_MAX_STARTS = 40  # more strings than this: cheaper to scan
_LONG_ENOUGH = 4  # starting strings this long are rare enough: stop growing them


def _grow(items, prefixes: set[str]) -> tuple[set[str], set[str]]:
    """Extend lower-cased prefixes through `items`: (prefixes that may grow further, prefixes that end)."""
    ended: set[str] = set()
    for op, av in items:
        before = prefixes
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width
        if op is _sre.LITERAL:
            prefixes = {p + chr(av).lower() for p in prefixes}
        elif op is _sre.IN and all(kind is _sre.LITERAL for kind, _ in av) and len(av) <= 8:
            prefixes = {p + chr(value).lower() for p in prefixes for _, value in av}
        elif op is _sre.SUBPATTERN:
            prefixes, done = _grow(av[3].data, prefixes)
            ended |= done
        elif op is _sre.BRANCH:
            grown: set[str] = set()
            for alternative in av[1]:
                more, done = _grow(alternative.data, prefixes)
                grown |= more
                ended |= done
            prefixes = grown
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] <= 1:
            more, done = _grow(av[2].data, prefixes)
            ended |= done
            if av[1] == 1:
                prefixes = more if av[0] == 1 else prefixes | more  # once, or optional
            else:
                ended |= more  # after one repetition the prefix stops growing
                if av[0] == 1:
                    return set(), ended
        else:
            return set(), ended | prefixes  # a class, any character, a repeat ...: the prefixes end here
        if len(prefixes) > _MAX_STARTS:
            return set(), ended | before  # too many ways on: the prefixes end before this item
        if prefixes and min(map(len, prefixes)) >= _LONG_ENOUGH:
            return set(), ended | prefixes
    return prefixes, ended


def starting_strings(pattern: re.Pattern) -> Optional[list[str]]:
    """Strings one of which every match of `pattern` starts with, lower-cased (to look for in the
    lower-cased text); None when they cannot be told or are too many or too short to help."""
    more, ended = _grow(_sre_parser.parse(pattern.pattern, pattern.flags).data, {""})
    starts = more | ended
    if not starts or "" in starts or len(starts) > _MAX_STARTS:
        return None
    # a string that extends another is found wherever that one is
    return sorted(s for s in starts if not any(s != t and s.startswith(t) for t in starts))


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
                         re.compile(c["after"]) if "after" in c else None) for c in rules["cues"]]
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
            "area_of_service", "including_area", "apart_from", "area_list_before", "relative_pronoun",
            "quantifier", "pronoun_subject", "pronoun_object", "determiner",
            # tables
            "table_row", "table_context", "not_table_area", "grade_alone", "row_marker",
        ):
            setattr(self, key, compile_(key))
        self.inspection_context_started = StartedPattern(self.inspection_context, rules["inspection_context_starts"])
        self.subject_boundary = re.compile(_expand(rules["subject_boundary"], fragments))  # case matters ("and the")
        self.year = re.compile(rules["year"])
        self.context_window = rules["context_window"]
        self.forecast_window = rules["forecast_window"]
        self.table_area_share = rules["table_area_share"]
        self.list_splits = rules["list_splits"]

    def grade_of(self, text: str) -> Optional[str]:
        text = text.strip(_QUOTES).strip()
        if text in self.abbreviations:
            return self.abbreviations[text]
        return next((grade for grade, pattern in self.grades if pattern.search(text.lower())), None)


def _lines(text: str):
    """(offset, line) for every non-blank line."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def _lines_holding(offsets: list[int], lines: list[tuple[int, str]]) -> list[int]:
    """Indexes of the lines holding these (sorted) offsets."""
    starts = [pos for pos, _ in lines]
    found: list[int] = []
    for offset in offsets:
        k = bisect_right(starts, offset) - 1
        if k >= 0 and (not found or found[-1] != k) and offset < starts[k] + len(lines[k][1]):
            found.append(k)
    return found


@dataclass
class _Sentence:
    text: str
    offset: int


class JudgementFinder:
    """Judgement candidates in a text (pure: no spaCy)."""

    def __init__(self, rules: JudgementRules):
        self.r = rules

    # -- entry point ------------------------------------------------------------------------------
    def find(self, text: str) -> list[Candidate]:
        low = lowered(text)
        grades = self.r.prefilter_started.finditer(text, low)
        if not grades:
            return []
        out: list[Candidate] = []
        lines = list(_lines(text))
        in_context = WindowSearch(self.r.inspection_context_started, text, low)
        w = self.r.context_window
        for k in _lines_holding([m.start() for m in grades], lines):
            pos, line = lines[k]
            if not in_context(max(0, pos - w), pos + w):
                continue
            row = self.table_row(lines, k)
            if row:
                out.append(row)
                continue
            for sentence in self.sentences(line, pos):
                out.extend(self.in_sentence(sentence))
        return self.canonical_areas(out)

    @staticmethod
    def sentences(line: str, offset: int) -> list[_Sentence]:
        out, start = [], 0
        for m in _SENTENCE_END.finditer(line):
            out.append(_Sentence(line[start:m.start()], offset + start))
            start = m.end()
        out.append(_Sentence(line[start:], offset + start))
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
        area = area.strip(" -–—:|")
        if self.r.not_table_area.search(area) or len(area.split()) > 16:
            return None
        known = self.r.area_term.search(area)
        if known and len(known.group()) < self.r.table_area_share * len(area.lstrip("Tt he")):
            known = None
        if not known and (len(area.split()) > 10 or self.r.excluded_subject.search(area)):
            return None  # "Case audits - Good"
        previous = before[-1] if before else ""
        if not known and not self.r.table_context.search(previous) and not self.r.table_row.match(previous) \
                and not self.r.grade_alone.match(previous):
            return None
        key = self.area_key(area)
        return Candidate(area_start, pos + m.end("grade") + self.closing_quote(line, m.end("grade")),
                         self.r.grade_of(m.group("grade")), "overall" if key == "overall" else area, key,
                         None, False, "table_row")

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
        for start in sorted(hits):
            for cue, m, group in hits[start]:  # cues in rule-file order: the first that holds decides
                cand = self.judge(s, cue, m, group, out)
                if cand is _VETO:
                    break
                if cand:
                    out.append(cand)
                    out.extend(self.listed_areas(s, m, cand))
                    out.extend(self.included_areas(s, m.end(group), cand))
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
        clause_start = max(text.rfind(";", 0, gstart), text.rfind(":", 0, gstart)) + 1
        if self.vetoed(text, gstart, gend, clause_start, after):
            return _VETO
        prefix = text[clause_start:gstart]
        near = prefix[max(prefix.rfind(","), prefix.rfind(" but ")) + 1:]
        forecast = bool(self.r.forecast.search(near[-self.r.forecast_window:]) or self.r.forecast_after.match(after))
        if group == "grade1":
            forecast = False  # "from inadequate to good": the first grade is the past one
        if not forecast and self.r.negation.search(prefix[-80:]):
            return _VETO
        area = self.area_for(s, cue, m, group, clause_start, earlier)
        if area is None:
            return _VETO
        area_text, key, span_start = area
        end = gend + self.closing_quote(text, gend)
        if cue.id.startswith("grade_noun"):
            end = max(end, m.end("noun"))
        return Candidate(s.offset + min(span_start, gstart), s.offset + end, grade, area_text, key,
                         self.year_near(text, gstart, gend, clause_start), forecast, cue.id)

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
        if cue.strength == "weak" and not marked and (plain_good or not self.r.inspection_context.search(text)):
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
        return bool(self.r.national.search(text[clause_start:window_end]))

    def listed_areas(self, s: _Sentence, m: re.Match, cand: Candidate) -> list[Candidate]:
        """`help and protection, children in care and care leavers were all judged Good`: the areas
        listed before the one the cue matched share its grade."""
        if "area" not in m.re.groupindex or not m.group("area"):
            return []
        out: list[Candidate] = []
        end = cand.start - s.offset
        while True:
            prev = self.r.area_list_before.search(s.text, 0, end)
            if not prev:
                if out and cand.area_key in self.r.list_splits:
                    out.extend(self.split_area(cand))  # "..., children in care and care leavers": two areas
                return out
            area = prev.group("area")
            out.append(Candidate(s.offset + prev.start("area"), s.offset + prev.end("area"), cand.grade, area,
                                 self.area_key(area), cand.year, cand.forecast, "area_list"))
            end = prev.start("area")

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
        if self.r.prefilter.search(s.text, m.end(), m.end() + 40):
            return []  # the area has a grade of its own
        area = m.group("area")
        return [Candidate(s.offset + m.start(), s.offset + m.end(), cand.grade, area, self.area_key(area), cand.year,
                          cand.forecast, "including_area")]

    # -- areas --------------------------------------------------------------------------------------
    def area_for(self, s: _Sentence, cue: Cue, m: re.Match, group: str, clause_start: int,
                 earlier: list[Candidate]) -> Optional[tuple[str, Optional[str], int]]:
        """(area, area key, span start) or None when the grade is not a judgement of a named or whole service."""
        text = s.text
        groups = m.re.groupindex
        if "area" in groups and m.group("area"):
            key = self.area_key(m.group("area"))
            if key == "overall":
                return "overall", key, m.start("area")
            start = m.start("area") - len(_NAME_BEFORE.search(text[:m.start("area")]).group())
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
            tail = re.match(r"\s+(?:for|of|on|in)\s+(?:the\s+)?(" + self.r.fragments["AREA"] + r")\b",
                            text[m.end("noun"):], re.I)
            if tail and self.area_key(tail.group(1)) != "overall":
                return tail.group(1), self.area_key(tail.group(1)), m.start()
            return "overall", "overall", self.noun_phrase_start(text, m.start(), clause_start)
        if "obj" in groups and m.group("obj") and m.group("obj").strip():
            found = self.classify(m.group("obj"), m.start("obj"), earlier, text[clause_start:m.start()])
            return found and (found[0], found[1], m.start())
        found = self.subject_before(text, m.start(), clause_start, earlier)
        if found is None and cue.id == "from_to" and not self.r.excluded_subject.search(text[clause_start:m.start()]):
            return "overall", "overall", m.start()  # "The aim was to move from RI to Good"
        return found

    def subject_before(self, text: str, cue_start: int, clause_start: int, earlier: list[Candidate]):
        prefix = text[clause_start:cue_start]
        trimmed = _AUX_TAIL.sub("", prefix)
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
        if not piece.strip() and pieces and pieces[-1].group() == "," and earlier:
            return earlier[-1].area, earlier[-1].area_key, clause_start + cut  # "..., having previously been judged RI"
        return self.classify(piece, clause_start + cut, earlier, trimmed[:cut])

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
        if self.r.entity_head.search(s) and not self.r.area_of_service.search(s):
            return "overall", "overall", start  # the inspected body itself: "the Adoption Agency"
        at_end = self.r.area_at_end.search(s)
        if at_end:
            key = self.area_key(at_end.group(1))
            if key == "overall":
                return "overall", key, start
            head = at_end.start(1) - len(_NAME_BEFORE.search(s[:at_end.start(1)]).group())
            return s[head:], key, start + head
        found = self.r.area_term.search(s)
        if found:
            key = self.area_key(found.group())
            return ("overall", key, start) if key == "overall" else (s, key, start)
        if self.r.area_subject.search(s):
            return s, None, start
        if self.r.overall_subject.search(s) or _CAPITALISED_NAME.match(s):
            return "overall", "overall", start
        return None

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
