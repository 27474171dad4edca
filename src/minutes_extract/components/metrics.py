"""minutes_metrics: numbers that measure something — money, percentages, caseloads, counts of people
or things, durations — normalised (`c £51k` -> 51000 approximate, `40-50%` -> low 40 high 50,
`30-40 per social worker` -> caseload, `two inspectors` -> count 2).

Candidates come from regexes (models/rules/metrics.json), each tried only where its anchor is found
(a digit, "£", "between", a number word); each is then judged on the text of its own line: vetoes
first (dates found by minutes_dates, labels such as `Section 20`, ages, phone numbers, times, file
sizes, rates, list numbering), then its kind (a bare number needs a counted noun after it, or a cue
such as `the number of ...`, `a group of`, a caseload sentence).
Money keeps the sign it is written with (`-£111.6m`, `£-2.5m`, `minus £4m`, `(£1.2m)` on a table
row) and says its direction where the text does (`an overspend of £2m` -> direction "overspend");
pence are pounds (`40p per mile` -> 0.4). A vote tally is a count whose subject says what it counts
(`For (14)` -> "votes for"); `6.5% (19/291)` gives two counts.

Speed: the `*_before` rules are searched for in the few dozen characters before a candidate (see
Before), several of them at once when only a yes/no is needed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..extensions import PAYLOAD_ATTRS, document_text
from ..values.numbers import NUMBER_WORDS_PATTERN, parse_digits, scaled
from ..matching import AnchoredRegex, Anchors, Ranges, document_lower, expand_fragments

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.]*|\S")
_PUNCT_BEFORE = re.compile(r"[.:;•(]\s*$")
_CAPITALISED_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b")
_NUMBER_BEFORE_NOUN = re.compile(r"\s*(?:\d[\d,]*\s+)?")
_SPACES = re.compile(r"\s+")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s|[A-Z]{1,6}[’']s")  # "KPIs", and with an apostrophe: "eight Annex O’s"
_OPEN_IGNORECASE = "(?i:"
_WORD_START_END = re.compile(r"\b[A-Za-z][\w’'-]*")


@dataclass
class Candidate:
    start: int
    end: int
    rule: str
    kind: str                      # money | percentage | number
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    is_word: bool = False


@dataclass
class Metric:
    start: int
    end: int
    rule: str
    fields: dict = field(default_factory=dict)


class Before:
    """A `*_before` rule: a regex that must match the end of the text before a position, on its line
    and within `width` characters (the callers' window). Its matches are short, so only the last
    `reach` characters are searched; and a rule that ignores case throughout, `(?i:...)$` with a
    lower-case body, is run case-sensitively on the lower-cased text (Python's re is slow at
    case-insensitive alternations). Several rules may be joined when only a yes/no is wanted."""

    def __init__(self, patterns: list[str], reach: int, stops: str = "", requires: Optional[str] = None):
        self.regex = re.compile("|".join(f"(?:{p})" for p in patterns))
        forms = [_lowercase_form(p) for p in patterns]
        self.lowered = re.compile("|".join(f"(?:{f})" for f in forms)) if all(forms) else None
        self.reach = reach
        self.stops = stops  # characters no match contains: the search starts after the last one
        # a lower-case regex every match contains: cheap to look for first (when the text can be lower-cased)
        self.requires = re.compile(requires) if requires else None

    def search(self, ctx: "Context", pos: int, width: int = 90) -> tuple[Optional[re.Match], int]:
        """(match, offset of the searched slice in the text); the slice starts no earlier than the
        callers' window text[max(line start, pos - width):pos], so a match is found as in that window."""
        floor = max(ctx.line_start(pos), pos - width)
        start = max(floor, pos - self.reach)
        for ch in self.stops:
            start = max(start, ctx.text.rfind(ch, start, pos) + 1)
        if self.lowered is not None and ctx.lower:
            lower = ctx.lower[start:pos]
            if self.requires is not None and not self.requires.search(lower):
                return None, start
            return self.lowered.search(lower), start
        return self.regex.search(ctx.text[start:pos]), start


def _alternation(entries: list[str]) -> str:
    """The entries (regexes starting with a letter) as one alternation grouped by first letter, which
    the regex engine tries far faster than a flat list: `(?:a(?:rt|ppendix)|s(?:ection|ec|))`."""
    groups: dict[str, list[str]] = {}
    for entry in sorted(entries, key=len, reverse=True):
        groups.setdefault(entry[0], []).append(entry[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


def _lowercase_form(pattern: str) -> Optional[str]:
    """For a pattern `(?i:X)`, `^(?i:X)` or `(?i:X)$` whose X matches lower-case text only (no capital
    letter outside an escape such as \\S or a group name, no inline flag): the same without (?i:),
    to run on the lower-cased text. Else None."""
    head = "^" if pattern.startswith("^") else ""
    tail = "$" if pattern.endswith(")$") else ""
    body = pattern[len(head):len(pattern) - len(tail)]
    if not (body.startswith(_OPEN_IGNORECASE) and body.endswith(")")):
        return None
    body = body[len(_OPEN_IGNORECASE):-1]
    depth, class_start, i = 0, -1, 0  # class_start: where the current [...] class began, or -1
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if class_start < 0 and body.startswith("(?P<", i):  # a named group opens: skip its name
            depth += 1
            i = body.index(">", i) + 1
            continue
        if class_start < 0 and body.startswith("(?P=", i):  # a back-reference: skip it whole
            i = body.index(")", i) + 1
            continue
        if ch.isupper() or (ch.isalpha() and not ch.isascii()) or (
                class_start < 0 and body.startswith(("(?i", "(?-", "(?a", "(?L", "(?u"), i)):
            return None  # (non-ASCII letters: some fold unlike their lower case, e.g. the final sigma)
        if class_start >= 0:
            first = class_start + (body[class_start] == "^")
            if ch == "]" and i > first:  # a "]" first in a class is a literal
                class_start = -1
        elif ch == "[":
            class_start = i + 1
        else:  # the (?i: group must close at the very end, not earlier
            depth += (ch == "(") - (ch == ")")
            if depth < 0:
                return None
        i += 1
    return f"{head}(?:{body}){tail}" if depth == 0 and class_start < 0 else None


class After:
    """An `*_after` rule: a regex that must match the start of the text after a position, on its line
    and within `width` characters. Like Before, a rule that ignores case throughout runs on the
    lower-cased text. Several rules may be joined when only a yes/no is wanted."""

    def __init__(self, patterns: list[str]):
        self.regex = re.compile("|".join(f"(?:{p})" for p in patterns))
        forms = [_lowercase_form(p) for p in patterns]
        self.lowered = re.compile("|".join(f"(?:{f})" for f in forms)) if all(forms) else None

    def match(self, ctx: "Context", pos: int, width: int = 120) -> Optional[re.Match]:
        end = min(ctx.line_end(pos), pos + width)
        if self.lowered is not None and ctx.lower:
            return self.lowered.match(ctx.lower[pos:end])
        return self.regex.match(ctx.text[pos:end])


class MetricRules:
    def __init__(self, rules: dict):
        fragments = dict(rules.get("fragments", {}), NUMBER_WORDS=NUMBER_WORDS_PATTERN,
                         MONEY_SUBJECT_WORDS="|".join(rules.get("money_subject_words", [])))
        rules = {k: expand_fragments(v, fragments) if k.endswith("_before") and isinstance(v, str) else v
                 for k, v in rules.items()}
        self.anchors = Anchors(rules.get("anchors", {}))
        self.candidates = [(c["id"], c["kind"], AnchoredRegex(c, fragments)) for c in rules.get("candidates", [])]
        self.exclude_text = [AnchoredRegex(e, fragments) for e in rules.get("exclude_text", [])]
        compiled = {k: re.compile(v) for k, v in rules.items() if isinstance(v, str) and k.endswith(
            ("_before", "_after", "_cue", "_word", "_context", "_preposition", "_per", "_like", "_number"))}
        self.__dict__.update(compiled)
        reach = int(rules.get("before_reach", 40))
        words = _alternation(rules.get("label_words", []))
        abbreviations = _alternation(rules.get("label_abbreviations", []))
        tail = rules.get("label_list_tail", "")
        # "Section 20", "paragraphs 12 and", "para. 3" (a number just after a duration is no label: "12 months 340")
        # (an abbreviation never follows an apostrophe: "the Trust's three sites" is no "s. 3")
        label = rf"(?i:\b(?<!\d\s)(?:{words}s?|(?<![’']){abbreviations}\.?)\s*<<TAIL>>)$"
        self.label_before = Before([label.replace("<<TAIL>>", tail)], 90)
        # a label with no list tail is short; only a list item's end just before calls for the long search
        self.label_list_end = re.compile(rules.get("label_list_end", "$^"))
        vetoes = [label.replace("<<TAIL>>", "")] + [rules[k] for k in rules.get("vetoes_before", [])]
        self.vetoes_before = Before(vetoes, reach)
        self.vetoes_after = After([rules[k] for k in rules.get("vetoes_after", [])])
        self.comparators_before = [(Before([p], reach), c) for p, c in rules.get("comparators_before", [])]
        self.comparators_after = [(After([p]), c) for p, c in rules.get("comparators_after", [])]
        self.modifier_before = Before([p for p, _ in rules.get("comparators_before", [])]
                                      + [rules["approximate_before"]], reach)
        self.modifier_after = After([p for p, _ in rules.get("comparators_after", [])] + [rules["approximate_after"]])
        self.approximate_after_rule = After([rules["approximate_after"]])
        self.per_after_rule = After([rules["per_after"]])
        self.approximate_before_rule = Before([rules["approximate_before"]], reach)
        widths, stops = rules.get("before_reach_wide", {}), rules.get("before_stop_characters", {})
        requires = {k: expand_fragments(v, fragments) for k, v in rules.get("before_requires", {}).items()}
        self.before = {k: Before([rules[k]], int(widths.get(k, reach)), stops.get(k, ""), requires.get(k)) for k in (
            "age_at_before", "per_before", "money_subject_before", "vote_before", "tally_label_before",
            "group_of_before", "clause_start_before", "compared_before", "duration_not_comparator_before",
            "paragraph_number_before")}
        self.age_thresholds = set(rules.get("age_thresholds", []))
        self.age_range_starts = set(rules.get("age_range_starts", []))
        self.age_range_ends = set(rules.get("age_range_ends", []))
        self.time_units = rules.get("time_units", {})
        self.per_words = rules.get("per_words", {})
        self.stop_words = set(rules.get("stop_words", []))
        self.irregular_plurals = set(rules.get("irregular_plurals", []))
        self.not_plural = set(rules.get("not_plural", []))
        self.noncount_heads = set(rules.get("noncount_heads", []))
        self.caseload_units = set(rules.get("caseload_units", []))
        self.caseload_carry = int(rules.get("caseload_carry_sentences", 2))
        self.max_modifiers = int(rules.get("max_modifiers", 4))
        self.comparative_modifiers = set(rules.get("modifiers_not_before_than", []))
        self.modifier_pairs = {tuple(pair) for pair in rules.get("np_modifier_pairs", [])}
        self.subject_skip_words = set(rules.get("subject_skip_words", []))
        self.vote_reach = int(rules.get("vote_context_reach", 400))
        self.procedural_heads = set(rules.get("procedural_heads", []))
        self.respectively = [w.lower() for w in rules.get("respectively_words", [])]
        self.directions = {w.lower(): direction for direction, words in rules.get("money_directions", {}).items()
                           for w in words}
        direction_words = "|".join(sorted((re.escape(w).replace("\\ ", "\\s+") for w in self.directions),
                                          key=len, reverse=True))
        modifiers = "|".join(map(re.escape, rules.get("money_direction_after_modifiers", [])))
        reach = int(rules.get("money_direction_reach", 40))
        # "an overspend of £2m", "savings of £3m" (the nearest word before: .* runs to the last one) ...
        self.direction_before = Before([rf"(?i:.*\b(?P<word>{direction_words})\b[^£.;]{{0,{reach}}})$"],
                                       reach + 30, "£.;")
        # ... or "a £2m overspend", "£1.2m in-year pressure" (the word just after wins)
        self.direction_after = After([rf"^(?i:\s*(?:(?:{modifiers})\s+){{0,3}}(?P<word>{direction_words})\b)"])
        self.tally_subjects = rules.get("tally_subjects", {})
        self.money_word_verb_before = set(rules.get("money_word_verb_before", []))
        self.money_subject_word = re.compile(rf"(?i:\b(?:{'|'.join(rules.get('money_subject_words', []))})\b)")
        self.table_figure = re.compile(rules.get("table_figure", "$^"))
        self.table_row_max_words = int(rules.get("table_row_max_words", 8))
        self.table_row_not = re.compile(rules.get("table_row_not", "$^"))
        self.respectively_word = re.compile(rf"(?i:\b(?:{'|'.join(self.respectively)})\b)")

    def is_plural(self, word: str) -> bool:
        if word[-1] == "s" and word[0].isupper() and _ACRONYM_PLURAL.fullmatch(word):  # "KPIs", "EHCPs", "IRO's"
            return True
        w = word.lower().rstrip("’'")
        parts = w.split("-")
        if len(parts) > 1:  # "runners-up", "mid-way" (the plural is the head part)
            w = parts[0] if parts[-1] in ("up", "on", "in", "by", "off", "out") else parts[-1]
        if w in self.irregular_plurals:
            return True
        return (len(w) > 2 and w.endswith("s") and w not in self.not_plural
                and not w.endswith(("ss", "us", "is", "’s", "'s")))


# ---------------------------------------------------------------- candidates

def find_candidates(text: str, rules: MetricRules, blocked: list[tuple[int, int]], hits) -> list[Candidate]:
    """Regex candidates in priority order; a candidate overlapping an earlier one or a blocked range
    (dates, phone numbers, times, URLs) is dropped. `hits`: the anchors found in `text`."""
    excluded = [(start, end) for rule in rules.exclude_text for start, end, _, _ in rule.matches(text, hits)]
    taken = Ranges(blocked + excluded)
    occupied = Ranges([])
    out: list[Candidate] = []
    for rule_id, kind, rule in rules.candidates:
        for start, end, lead, m in rule.matches(text, hits):
            if occupied.overlaps(start, end) or taken.overlaps(start, end):
                continue
            found = _candidates(m, rule_id, kind, rules, lead)
            if found:
                out += found
                occupied.add(start, end)
    return sorted(out, key=lambda c: c.start)


def _candidates(m: re.Match, rule_id: str, kind: str, rules: MetricRules,
                lead: Optional[re.Match] = None) -> list[Candidate]:
    """One candidate per match, or two for a change `rose from 45% to 52%` (not a range)."""
    if kind == "fraction":  # "6.5% (19/291)": how many of how many, two counts
        # (the whole quotes the brackets too: "19/291" is one token, and two spans on the same
        # characters would share one payload)
        part, whole = parse_digits(m.group("part")), parse_digits(m.group("whole"))
        return [Candidate(m.start("part"), m.end("part"), rule_id, kind, value=part),
                Candidate(m.start("part") - 1, m.end("whole") + 1, rule_id, kind, value=whole)]
    candidate = _candidate(m, rule_id, kind)
    if candidate is None:
        return []
    if _signed(m, lead):  # "-£111.6m", "£-2.5m", "minus £4m": the sign is part of the value and its text
        candidate.value = -candidate.value
        candidate.start = lead.start() if lead is not None else candidate.start
    if candidate.low is not None and rules.range_split_before.search(m.string[max(0, m.start() - 40):m.start()]):
        return _split_range(m, rule_id, kind)
    return [candidate]


def _split_range(m: re.Match, rule_id: str, kind: str) -> list[Candidate]:
    """The two ends of `from X to Y` as separate values, each span ending after its own scale."""
    g = m.groupdict()
    out = []
    for group, scale_group in (("low", "low_scale" if g.get("low_scale") else "scale"), ("high", "scale")):
        value = scaled(g[group], g.get(scale_group))
        if value is None:
            continue
        start = m.start() if group == "low" else m.start(group) - (m.string[m.start(group) - 1] == "£")
        own_scale = g.get(scale_group) and (group == "high" or scale_group == "low_scale")
        end = m.end(scale_group) if own_scale else m.end(group)
        unit = re.match(r"\s?(?:%|per\s?cent|percent)", m.string[end:m.end()]) if kind == "percentage" else None
        end += unit.end() if unit else 0
        out.append(Candidate(start, end, rule_id.replace("_range", ""), kind, value=value,
                             is_word=not g[group][0].isdigit()))
    return out


def _signed(m: re.Match, lead: Optional[re.Match]) -> bool:
    """A minus sign written with the amount (the money rule's `sign`, `sign_word` and `sign_after`)."""
    if m.groupdict().get("sign_after"):
        return True
    return lead is not None and bool(lead.groupdict().get("sign") or lead.groupdict().get("sign_word"))


def _candidate(m: re.Match, rule_id: str, kind: str) -> Optional[Candidate]:
    g = m.groupdict()
    if g.get("pence") is not None:  # "40p per mile", "45 pence": pounds
        return Candidate(m.start(), m.end(), rule_id, kind, value=round(float(g["pence"]) / 100, 6))
    if g.get("value") is not None:
        value = scaled(g["value"], g.get("scale"))
        if value is None:
            return None
        return Candidate(m.start(), m.end(), rule_id, kind, value=value, is_word=not g["value"][0].isdigit())
    low = scaled(g["low"], g.get("low_scale") or g.get("scale"))
    high = scaled(g["high"], g.get("scale"))
    if low is None or high is None or high <= low:
        return None
    return Candidate(m.start(), m.end(), rule_id, kind, low=low, high=high, is_word=not g["low"][0].isdigit())


# ---------------------------------------------------------------- context

class Context:
    """The document text (and its lower-cased copy) with line and sentence bounds, for reading around a
    candidate. The sentence bounds are read from the Doc when first needed (most documents never ask)."""

    def __init__(self, doc: Doc, text: str, lower: str, caseload_word: re.Pattern):
        self.doc, self.text, self.lower = doc, text, lower
        self._sentences: Optional[tuple[list[int], list[int]]] = None
        self._caseload_word = caseload_word
        self._caseload_sentences: dict[int, bool] = {}
        self._line = (0, -1)  # the bounds last found: candidates come in text order, mostly on one line

    def line(self, pos: int) -> tuple[int, int]:
        """(start, end) of the line holding `pos` (end: its newline, or the end of the text)."""
        start, end = self._line
        if not start <= pos <= end:
            start = self.text.rfind("\n", 0, pos) + 1
            end = self.text.find("\n", pos)
            self._line = start, end = start, (len(self.text) if end < 0 else end)
        return start, end

    def line_start(self, pos: int) -> int:
        return self.line(pos)[0]

    def line_end(self, pos: int) -> int:
        return self.line(pos)[1]

    def line_bounds(self, start: int, end: int) -> tuple[int, int]:
        return self.line_start(start), self.line_end(end)

    def left(self, start: int, width: int = 90) -> str:
        return self.text[max(self.line_start(start), start - width):start]

    def right(self, end: int, width: int = 120) -> str:
        return self.text[end:min(self.line_end(end), end + width)]

    @property
    def sent_starts(self) -> list[int]:
        return self._sentence_bounds()[0]

    @property
    def sent_ends(self) -> list[int]:
        return self._sentence_bounds()[1]

    def _sentence_bounds(self) -> tuple[list[int], list[int]]:
        if self._sentences is None:
            array = self.doc.to_array([SENT_START, IDX])  # iterating doc.sents builds a Token per word: slow
            starts = array[array[:, 0] == 1, 1].tolist() if len(self.doc) else [0]
            if not starts or starts[0] != 0:
                starts.insert(0, 0)
            self._sentences = starts, starts[1:] + [len(self.text)]
        return self._sentences

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = self.sentence_index(pos)
        return self.sent_starts[i], self.sent_ends[i]

    def about_caseloads(self, i: int) -> bool:
        """Whether sentence `i` mentions caseloads (asked for often: kept per sentence)."""
        found = self._caseload_sentences.get(i)
        if found is None:
            found = bool(self._caseload_word.search(self.text[self.sent_starts[i]:self.sent_ends[i]]))
            self._caseload_sentences[i] = found
        return found


# ---------------------------------------------------------------- judging one candidate

@dataclass
class Reading:
    """What the text around a candidate says about it."""
    comparator: Optional[str] = None
    approximate: bool = False
    start: int = 0                 # where the quoted text starts (a cue such as "more than" included)
    end: int = 0                   # where it ends (a cue such as "or more" included)


def read_modifiers(c: Candidate, ctx: Context, rules: MetricRules) -> Reading:
    reading = Reading(start=c.start, end=c.end)
    if rules.modifier_before.search(ctx, c.start)[0]:  # one search says whether any cue is there at all
        floor = max(ctx.line_start(c.start), c.start - 90)
        left_end = c.start
        for rule, comparator in rules.comparators_before:
            m, offset = rule.search(ctx, c.start)
            if m:
                reading.comparator = comparator
                reading.start = left_end = offset + m.start()
                break
        m, offset = rules.approximate_before_rule.search(ctx, left_end, left_end - floor)
        if m:
            reading.approximate = True
            # (offset + m.start() - floor) counted back from c.start - (left_end - floor), as this code always
            # did: after a comparator the start lands inside it ("around more than 50" quotes "more than 50")
            reading.start = c.start - left_end + offset + m.start()
    if rules.modifier_after.match(ctx, c.end):
        if rules.approximate_after_rule.match(ctx, c.end):
            reading.approximate = True
        for rule, comparator in rules.comparators_after:
            m = rule.match(ctx, c.end)
            if m and reading.comparator is None:
                reading.comparator = comparator
                reading.end = c.end + m.end()
    return reading


def read_per(c: Candidate, ctx: Context, rules: MetricRules, after: int) -> tuple[Optional[str], int]:
    """`per week`, `a year`, `p.a.` just after the number (or its noun), else `weekly cost ... £328` before."""
    m = rules.per_after_rule.match(ctx, after, 60)
    if m:
        per = m.group("per")
        if per:
            per = _SPACES.sub(" ", per.lower())
            per = rules.time_units.get(per, per)  # "weeks" -> "week"
            return rules.per_words.get(per, per), after + m.end()
        return ("year" if m.group("per_year") else "week"), after + m.end()
    if c.kind == "money":
        b, _ = rules.before["per_before"].search(ctx, c.start, 80)
        if b:
            return rules.per_words.get(b.group("per").lower()), after
    return None, after


def noun_phrase(right: str, rules: MetricRules) -> Optional[tuple[str, str, int]]:
    """(phrase, head, end offset in `right`) of the counted noun after a number: up to
    `max_modifiers` words, ending at the first plural (`2 Quality Assurance Managers`)."""
    words = _Words(right)  # read lazily: most phrases end (or fail) at the first word or two
    for i in range(rules.max_modifiers + 1):
        m = words.get(i)
        if m is None:
            return None
        word = m.group()
        low = word.lower()
        if not word[0].isalpha():
            return None
        following = words.text(i + 1)
        if low in rules.comparative_modifiers and following != "than":  # "two more young people"
            continue
        if i > 0 and (words.text(i - 1).lower(), low) in rules.modifier_pairs:  # "45 looked after children"
            continue
        if low in rules.stop_words:
            if low == "and" and i > 0 and following[:1].islower():
                continue
            return None
        if rules.is_plural(word):
            end = m.end()
            if word[0].isupper():  # a capitalised name: "Families First Teams"
                for j in range(i + 1, i + 4):
                    n = words.text(j)
                    if not n or not n[0].isupper() or n.lower() in rules.stop_words:
                        break
                    if rules.is_plural(n):
                        end = words.get(j).end()
            start = words.get(0).start()
            phrase = right[start:end]
            return phrase, phrase.split()[-1].lower().rstrip("’'"), end
    return None


class _Words:
    """The words of a text, found one by one as they are asked for."""

    def __init__(self, text: str):
        self._finder = _WORD.finditer(text)
        self._found: list[re.Match] = []

    def get(self, i: int) -> Optional[re.Match]:
        while len(self._found) <= i:
            m = next(self._finder, None)
            if m is None:
                return None
            self._found.append(m)
        return self._found[i]

    def text(self, i: int) -> str:
        m = self.get(i)
        return m.group() if m is not None else ""


def judge(c: Candidate, ctx: Context, rules: MetricRules, so_far: list[Metric]) -> Optional[Metric]:
    if c.kind == "money":
        return _measured(c, ctx, rules, "money", "GBP")
    if c.kind == "percentage":
        return _measured(c, ctx, rules, "percentage", "%")
    if c.kind == "fraction":
        return _metric(c, "count", Reading(start=c.start, end=c.end), rules)
    return _number(c, ctx, rules, so_far)


def _measured(c: Candidate, ctx: Context, rules: MetricRules, kind: str, unit: str) -> Metric:
    if kind == "money" and _bracketed_negative(c, ctx, rules):
        c.value, c.start, c.end = -c.value, c.start - 1, c.end + 1  # "(£1.2m)" in a table: a negative amount
    reading = read_modifiers(c, ctx, rules)
    per, end = read_per(c, ctx, rules, reading.end)
    if kind != "money":
        return _metric(c, kind, reading, rules, unit=unit, per=per, end=end)
    metric = _metric(c, kind, reading, rules, unit=unit, per=per, end=end, subject=_money_subject(c, ctx, rules))
    if metric is not None:
        metric.fields["direction"] = _money_direction(c, ctx, rules)
    return metric


def _bracketed_negative(c: Candidate, ctx: Context, rules: MetricRules) -> bool:
    """An amount alone in brackets, `(£1.2m)`, on a table row: the accounting way to write a negative.
    In prose, brackets are an aside (`the overspend (£1.2m) was ...`)."""
    if c.value is None or c.value < 0 or c.low is not None:
        return False
    text = ctx.text
    if c.start == 0 or text[c.start - 1] != "(" or text[c.end:c.end + 1] != ")":
        return False
    return _table_row(text[slice(*ctx.line_bounds(c.start, c.end))], rules)


def _table_row(line: str, rules: MetricRules) -> bool:
    """A line of figures under a short label (`Children £12.0m (£1.2m)`), not a sentence: two figures
    or more, few words, no sentence punctuation outside the figures (table cells lose their tabs when
    the text is normalised, so the shape of the line is what is left to tell)."""
    figures = rules.table_figure.findall(line)
    rest = rules.table_figure.sub(" ", line)
    return (len(figures) >= 2 and len(rest.split()) <= rules.table_row_max_words
            and not rules.table_row_not.search(rest))


def _money_direction(c: Candidate, ctx: Context, rules: MetricRules) -> Optional[str]:
    """What the amount is, where the text says: an overspend, an underspend, a saving or a pressure."""
    m = rules.direction_after.match(ctx, c.end, 60)
    if m is None:
        m, _ = rules.direction_before.search(ctx, c.start)
    return rules.directions.get(_SPACES.sub(" ", m.group("word").lower())) if m else None


def _money_subject(c: Candidate, ctx: Context, rules: MetricRules) -> Optional[str]:
    np = noun_phrase(ctx.right(c.end), rules)
    if np and not np[0][0].isupper():
        return np[0]
    m, offset = rules.before["money_subject_before"].search(ctx, c.start, 140)
    if not m:
        return None
    words = ctx.text[slice(*_nearest_subject(m, offset, c, ctx, rules))].split()  # m may have read the lower-cased text
    while words and (words[0].lower() in rules.stop_words or words[0].lower() in rules.subject_skip_words):
        words.pop(0)  # "to secure grant funding" -> "grant funding"
    return " ".join(words) or None


def _nearest_subject(m: re.Match, offset: int, c: Candidate, ctx: Context, rules: MetricRules) -> tuple[int, int]:
    """(start, end) in the text of the subject phrase headed by the money word nearest the amount: in `A
    £1.2m overspend was forecast and savings of £3m` the subject of £3m is "savings", not the overspend
    the first match `m` found. Each later money word, last first, is tried with the words just before it
    that are no stop words (at most two: `a savings target`), when a new clause (an auxiliary) comes
    between; a money word after an auxiliary is a verb (`was forecast to be`) and heads nothing."""
    rule = rules.before["money_subject_before"]
    lowered = rule.lowered is not None and bool(ctx.lower)
    regex, source = (rule.lowered, ctx.lower) if lowered else (rule.regex, ctx.text)
    window = source[offset:c.start]
    for word in reversed(list(rules.money_subject_word.finditer(window, m.end("np")))):
        between = [w.group().lower() for w in _WORD_START_END.finditer(window, m.end("np"), word.start())]
        if between and not any(w in rules.money_word_verb_before for w in between):
            continue  # no new clause since the first subject: an aside ("the cost of a post, including on costs, is")
        before = [w for w in _WORD_START_END.finditer(window, m.start("np"), word.start())][-2:]
        if before and before[-1].group().lower() in rules.money_word_verb_before:
            continue
        own = regex.match(window, word.start())
        if own is None:
            continue
        while before and before[0].group().lower() in rules.stop_words:
            before.pop(0)
        for lead in before:
            if any(w.group().lower() in rules.stop_words for w in before[before.index(lead):]):
                continue
            found = regex.match(window, lead.start())
            if found is not None and (found.end("np") > word.start() or not window[found.end("np"):word.start()].strip()):
                return offset + found.start("np"), offset + max(found.end("np"), own.end("np"))
        return offset + own.start("np"), offset + own.end("np")
    return offset + m.start("np"), offset + m.end("np")


def _number(c: Candidate, ctx: Context, rules: MetricRules, so_far: list[Metric]) -> Optional[Metric]:
    right = ctx.right(c.end)
    if _vetoed(c, right, ctx, rules):
        return None
    duration = rules.duration_after.match(right)
    if duration:
        return _duration(c, duration, ctx, rules)
    if rules.hyphen_compound_after.match(right) or (c.low is not None and _age_like_range(c, rules)):
        return None  # "5-point", "two-thirds"; "the 18-25 services"
    reading = read_modifiers(c, ctx, rules)
    rest = ctx.right(reading.end)
    np = noun_phrase(rest, rules) or _past_school_year(rest, rules)
    if np:
        return _counted(c, reading, np, ctx, rules)
    return _uncounted(c, reading, rest, right, ctx, rules, so_far)


def _past_school_year(rest: str, rules: MetricRules) -> Optional[tuple[str, str, int]]:
    """The noun after a year group: `150 Year 7 temp places` counts places."""
    year = rules.school_year_after.match(rest)
    np = noun_phrase(rest[year.end():], rules) if year else None
    if not np:
        return None
    return f"{rest[:year.end()].strip()} {np[0]}", np[1], year.end() + np[2]


def _duration(c: Candidate, duration: re.Match, ctx: Context, rules: MetricRules) -> Optional[Metric]:
    unit = duration.group("unit").lower()
    reading = read_modifiers(c, ctx, rules)
    if reading.comparator == "gt" and rules.before["duration_not_comparator_before"].search(ctx, c.start)[0]:
        reading.comparator, reading.start = None, c.start  # "took place over 4 weeks"
    return _metric(c, "duration", reading, rules, unit=rules.time_units.get(unit, unit), end=c.end + duration.end())


def _counted(c: Candidate, reading: Reading, np: tuple[str, str, int], ctx: Context, rules: MetricRules) -> Optional[Metric]:
    """A number with its noun: a count, or a caseload in a sentence about caseloads."""
    phrase, head, np_end = np
    if head in rules.noncount_heads or phrase.lower() in rules.time_units:
        return None  # "5 points", "12 months old" (but "21 activity days" counts)
    if head in rules.procedural_heads and _procedural(c, reading, np_end, ctx, rules):
        return None  # "The Panel considered two annual reports": the business before it, not a measure
    per, end = read_per(c, ctx, rules, reading.end + np_end)
    caseload_unit = phrase.lower() in rules.caseload_units or head in rules.caseload_units
    about_caseloads = ctx.about_caseloads(ctx.sentence_index(c.start)) or bool(per and rules.caseload_per.search(per))
    kind = "caseload" if caseload_unit and about_caseloads else "count"  # "68 children per IRO"
    pp = rules.subject_preposition.match(ctx.right(reading.end + np_end))
    subject = f"{phrase} {pp.group('prep')} {pp.group('np')}" if pp and kind == "count" else phrase
    return _metric(c, kind, reading, rules, per=per, end=end, subject=subject)  # "children in agency placements"


def _procedural(c: Candidate, reading: Reading, np_end: int, ctx: Context, rules: MetricRules) -> bool:
    left = ctx.text[ctx.line_start(reading.start):reading.start]
    return bool(rules.procedural_before.search(left) or rules.procedural_after.match(ctx.right(reading.end + np_end)))


def _uncounted(c: Candidate, reading: Reading, rest: str, right: str, ctx: Context,
               rules: MetricRules, so_far: list[Metric]) -> Optional[Metric]:
    """A number with no noun after it: a caseload, `11 of the 13 ...`, or a cue-backed count."""
    per, per_end = read_per(c, ctx, rules, reading.end)
    if ((per and rules.caseload_per.search(per)) or ctx.about_caseloads(ctx.sentence_index(c.start))
            or _caseload_carry(c, ctx, rules)):
        return _metric(c, "caseload", reading, rules, per=per, end=per_end)
    of = rules.of_after.match(rest)
    if of:
        tail_at = of.end() + len(_NUMBER_BEFORE_NOUN.match(rest, of.end()).group())  # "11 of the 13 standards"
        tail = noun_phrase(rest[tail_at:], rules)
        end = reading.end + (tail_at + tail[2] if tail else of.end())
        return _metric(c, "count", reading, rules, per=per, end=end, subject=tail[0] if tail else None)
    if _bare_count(c, right, ctx, rules, so_far):
        subject = _tally_subject(c, right, ctx, rules)
        return _metric(c, "count", reading, rules, per=per, end=per_end, subject=subject)
    return None


def _tally_label(c: Candidate, right: str, ctx: Context, rules: MetricRules) -> Optional[str]:
    """The label of a vote tally (`For (14)`, `2 against`, `votes for: 9`) when the number is one: digits
    next to a vote word, under a tally label or near talk of a vote."""
    if c.is_word:
        return None
    m = rules.before["vote_before"].search(ctx, c.start)[0] or rules.vote_after.match(right)
    if m is None:
        return None
    if not (rules.before["tally_label_before"].search(ctx, c.start)[0] or rules.vote_context.search(
            ctx.text, max(0, c.start - rules.vote_reach), ctx.sentence(c.start)[1])):
        return None
    return m.group()


def _tally_subject(c: Candidate, right: str, ctx: Context, rules: MetricRules) -> Optional[str]:
    """What a vote tally counts (`For (14)` -> "votes for", `2 against` -> "votes against"); None for a
    number that is no tally."""
    label = _tally_label(c, right, ctx, rules)
    if label is None:
        return None
    words = _SPACES.sub(" ", re.sub(r"[^a-z ]", " ", label.lower())).strip()
    for word, subject in rules.tally_subjects.items():
        if word in words:
            return subject
    return None


def _vetoed(c: Candidate, right: str, ctx: Context, rules: MetricRules) -> bool:
    """Labels, list numbers, units, ages, rates, frequencies, names, years (cheapest tests first)."""
    if _list_number(c, right, ctx, rules) or rules.vetoes_after.match(ctx, c.end):
        return True
    if rules.vetoes_before.search(ctx, c.start)[0] or _label_list(c, ctx, rules):
        return True
    if rules.school_year_before.search(ctx.text, max(0, c.start - 6), c.start):
        return True  # "Year 7", "Year 11": a school year group
    if c.is_word and _proper_name(c, right, ctx, rules):
        return True
    if (rules.paragraph_number.match(ctx.text[c.start:c.end]) and rules.paragraph_number_after.match(right)
            and rules.before["paragraph_number_before"].search(ctx, c.start)[0]):
        return True  # "... the report. 3.2 The Panel noted" (a paragraph number run into the text)
    value = c.value if c.value is not None else c.low
    plus = rules.plus_after.match(right)
    if value in rules.age_thresholds and (plus or (
            rules.before["age_at_before"].search(ctx, c.start)[0] and not rules.duration_after.match(right))):
        return True  # "18+", "At 18 individuals became legal adults", "from 16"
    if c.value is not None and not c.is_word and rules.year_like.fullmatch(ctx.text[c.start:c.end]) and not plus:
        return not noun_phrase(right, rules)  # a year, unless it counts something ("2000 care leavers")
    return False


def _label_list(c: Candidate, ctx: Context, rules: MetricRules) -> bool:
    """`paragraphs 12, 13 and 14`: a label whose list reaches this number (vetoes_before holds the
    label just before a number; a list always ends with a separator such as "and" or ",")."""
    left = ctx.left(c.start)
    return bool(rules.label_list_end.search(left[-12:]) and rules.label_before.search(ctx, c.start)[0])


def _proper_name(c: Candidate, right: str, ctx: Context, rules: MetricRules) -> bool:
    """A capitalised number word in a name: `the Five Towns partnership`, `Three Rivers District Council`."""
    if not ctx.text[c.start].isupper() or not right.lstrip()[:1].isupper():
        return False
    left = ctx.left(c.start)
    if left.strip() and not _PUNCT_BEFORE.search(left):  # capitalised although mid-sentence
        return True
    np = noun_phrase(right, rules)
    following = _CAPITALISED_AFTER.match(right[np[2]:]) if np else None
    return bool(following) and not rules.is_plural(following.group(1))


def _list_number(c: Candidate, right: str, ctx: Context, rules: MetricRules) -> bool:
    """`1. Introduction`, `2.1 The ...`, a page number alone on its line."""
    if c.is_word:
        return False
    line_start, line_end = ctx.line_bounds(c.start, c.end)
    before = ctx.text[line_start:c.start]
    if not rules.list_start_before.match(before.strip()) or rules.school_year_after.match(right):
        return False  # (a line "150 Year 7 places" is a table row, not a numbered heading)
    return not ctx.text[c.end:line_end].strip() or bool(rules.list_number_after.match(right))


def _age_like_range(c: Candidate, rules: MetricRules) -> bool:
    return c.low in rules.age_range_starts and c.high in rules.age_range_ends


def _caseload_carry(c: Candidate, ctx: Context, rules: MetricRules) -> bool:
    """A bare number in a sentence shortly after one about caseloads, in the same paragraph."""
    line_start = ctx.line_start(c.start)
    i = ctx.sentence_index(c.start)
    for j in range(max(0, i - rules.caseload_carry), i):
        if ctx.sent_ends[j] <= line_start:
            continue
        if ctx.about_caseloads(j):
            return True
    return False


def _bare_count(c: Candidate, right: str, ctx: Context, rules: MetricRules, so_far: list[Metric]) -> bool:
    """A number with no noun that still counts: `a group of two`, `For: 5`, `two were shortlisted`,
    `the number of ... was 629`, `(131 occasions compared with 132 ...)`."""
    s_start, s_end = ctx.sentence(c.start)
    before = rules.before
    if _tally_label(c, right, ctx, rules):
        return c.value != 0  # a tally may be 1 (digits), but "Against (0)" counts nothing
    if c.value is not None and (c.value < 2 or c.value != int(c.value)):
        return False  # (a count of things is whole: "an average of 7.3 per ..." is a mean)
    if before["group_of_before"].search(ctx, c.start)[0]:
        return True
    if rules.subject_verb_after.match(right) and before["clause_start_before"].search(ctx, c.start)[0]:
        return True
    if c.is_word:
        return False
    if rules.number_of_cue.search(ctx.text[s_start:c.start]):
        return True
    earlier_count = any(m.fields.get("kind") == "count" and s_start <= m.start < c.start for m in so_far)
    return earlier_count and bool(before["compared_before"].search(ctx, c.start)[0])


def _metric(c: Candidate, kind: str, reading: Reading, rules: MetricRules, unit: Optional[str] = None,
            per: Optional[str] = None, end: Optional[int] = None, subject: Optional[str] = None) -> Optional[Metric]:
    value = c.value if c.value is not None else c.low
    if value is None or (c.is_word and value == 1):  # "one" is never a metric
        return None
    if kind == "caseload" and c.low is None and value < 2:
        return None
    fields = {"kind": kind, "unit": unit, "per": per, "approximate": reading.approximate,
              "comparator": reading.comparator, "subject": subject}
    if c.low is not None:
        fields.update(low=c.low, high=c.high)
    else:
        fields["value"] = c.value
    return Metric(min(reading.start, c.start), max(end or c.end, reading.end), c.rule, fields)


# ---------------------------------------------------------------- "£328 and £945 respectively"

def attach_respectively(metrics: list[Metric], ctx: Context, rules: MetricRules) -> None:
    """Values listed before `respectively` take their subjects, in order, from the parallel
    phrases of the sentence before (`480 children in in-house foster placements and 346 children in
    agency placements`)."""
    if ctx.lower and not any(word in ctx.lower for word in rules.respectively):
        return  # most documents never say it
    by_sentence: dict[int, list[Metric]] = {}
    for m in metrics:
        by_sentence.setdefault(ctx.sentence_index(m.start), []).append(m)
    for i, group in by_sentence.items():
        s_start, s_end = ctx.sent_starts[i], ctx.sent_ends[i]
        word = rules.respectively_word.search(ctx.text, s_start, s_end)
        if not word:
            continue
        listed = [m for m in group if m.end <= word.start()]
        subjects = _parallel_subjects(by_sentence.get(i - 1, []), len(listed), ctx, rules)
        for m, subject in zip(listed, subjects):
            m.fields["subject"] = subject


def _parallel_subjects(previous: list[Metric], n: int, ctx: Context, rules: MetricRules) -> list[str]:
    counts = [m for m in previous if m.fields.get("kind") in ("count", "money", "percentage")]
    if n < 2 or len(counts) != n:
        return []
    subjects = []
    for m in counts:
        pp = rules.subject_preposition.match(ctx.right(m.end))
        subjects.append(pp.group("np") if pp else m.fields.get("subject"))
    return subjects if all(subjects) else []


# ---------------------------------------------------------------- component

class MetricsComponent:
    def __init__(self, name: str, rules: dict):
        self.name = name
        self.rules = MetricRules(rules)

    def __call__(self, doc: Doc) -> Doc:
        text = document_text(doc)
        lower = document_lower(doc, text)
        ctx = Context(doc, text, lower, self.rules.caseload_word)
        hits = self.rules.anchors.on(text, lower, doc)
        blocked = [(s.start_char, s.end_char) for s in doc.spans.get("dates", [])]
        metrics: list[Metric] = []
        for candidate in find_candidates(text, self.rules, blocked, hits):
            metric = judge(candidate, ctx, self.rules, metrics)
            if metric is not None:
                metrics.append(metric)
        attach_respectively(metrics, ctx, self.rules)
        doc.spans["metrics"] = [s for s in (self._span(doc, m) for m in metrics) if s is not None]
        return doc

    @staticmethod
    def _span(doc: Doc, metric: Metric):
        span = doc.char_span(metric.start, metric.end, label=metric.rule, alignment_mode="expand")
        if span is not None:
            span._.set(PAYLOAD_ATTRS["metrics"], {k: v for k, v in metric.fields.items() if v is not None})
        return span


@Language.factory(
    "minutes_metrics",
    requires=["doc.spans"],
    assigns=["doc.spans"],
    default_config={"rules": {}},
)
def make_metrics(nlp: Language, name: str, rules: dict) -> MetricsComponent:
    # "£30.4m." ends a sentence: without this the tokenizer reads "m." as one abbreviation token and the
    # amount's span would take the full stop with it
    for orth, pieces in rules.get("tokenizer_splits", {}).items():
        nlp.tokenizer.add_special_case(orth, [{"ORTH": piece} for piece in pieces])
    return MetricsComponent(name, rules)
