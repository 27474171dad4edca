"""minutes_metrics: numbers that measure something — money, percentages, caseloads, counts of people
or things, durations — normalised (`c £51k` -> 51000 approximate, `40-50%` -> low 40 high 50,
`30-40 per social worker` -> caseload, `two inspectors` -> count 2).

Candidates come from regexes over the document text (models/rules/metrics.json); each is then judged
on the text of its own line: vetoes first (dates found by minutes_dates, labels such as `Section 20`,
ages, phone numbers, times, file sizes, rates, list numbering), then its kind (a bare number needs a
counted noun after it, or a cue such as `the number of ...`, `a group of`, a caseload sentence).
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
from ..extensions import PAYLOAD_ATTRS
from ..values.numbers import NUMBER_WORDS_PATTERN, scaled
from ..extensions import document_text
from .dates import Anchors, Ranges, expand_fragments

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.]*|\S")


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


class MetricRules:
    def __init__(self, rules: dict):
        fragments = dict(rules.get("fragments", {}), NUMBER_WORDS=NUMBER_WORDS_PATTERN)
        self.anchors = Anchors(rules.get("anchors", {}), tuple(rules.get("anchor_window", (20, 60))))
        self.candidates = [(c["id"], c["kind"], re.compile(expand_fragments(c["pattern"], fragments)),
                            {"anchor": c.get("anchor"), "at": c.get("at")}) for c in rules.get("candidates", [])]
        self.exclude_text = [(re.compile(e["pattern"]), {"anchor": e.get("anchor"), "at": e.get("at")})
                             for e in rules.get("exclude_text", [])]
        compiled = {k: re.compile(v) for k, v in rules.items() if isinstance(v, str) and k.endswith(
            ("_before", "_after", "_cue", "_word", "_context", "_preposition", "_per", "_like", "_number"))}
        self.__dict__.update(compiled)
        words = "|".join(sorted(rules.get("label_words", []), key=len, reverse=True))
        abbreviations = "|".join(sorted(rules.get("label_abbreviations", []), key=len, reverse=True))
        tail = rules.get("label_list_tail", "")
        # "Section 20", "paragraphs 12 and", "para. 3" (a number just after a duration is no label: "12 months 340")
        self.label_before = re.compile(rf"(?i:\b(?<!\d\s)(?:(?:{words})s?|(?:{abbreviations})\.?)\s*{tail})$")
        self.comparators_before = [(re.compile(p), c) for p, c in rules.get("comparators_before", [])]
        self.comparators_after = [(re.compile(p), c) for p, c in rules.get("comparators_after", [])]
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

    def is_plural(self, word: str) -> bool:
        if re.fullmatch(r"[A-Z]{2,}s", word):  # "KPIs", "EHCPs", "FVs"
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

def find_candidates(text: str, rules: MetricRules, blocked: list[tuple[int, int]]) -> list[Candidate]:
    """Regex candidates in priority order; a candidate overlapping an earlier one or a blocked range
    (dates, phone numbers, times, URLs) is dropped."""
    hits = rules.anchors.on(text)
    taken = Ranges(blocked + [m.span() for regex, where in rules.exclude_text for m in hits.scan(regex, **where)])
    occupied = Ranges([])
    out: list[Candidate] = []
    for rule_id, kind, regex, where in rules.candidates:
        for m in hits.scan(regex, **where):
            if occupied.overlaps(*m.span()) or taken.overlaps(*m.span()):
                continue
            found = _candidates(m, rule_id, kind, rules)
            if found:
                out += found
                occupied.add(*m.span())
    return sorted(out, key=lambda c: c.start)


def _candidates(m: re.Match, rule_id: str, kind: str, rules: MetricRules) -> list[Candidate]:
    """One candidate per match, or two for a change `rose from 45% to 52%` (not a range)."""
    candidate = _candidate(m, rule_id, kind)
    if candidate is None:
        return []
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


def _candidate(m: re.Match, rule_id: str, kind: str) -> Optional[Candidate]:
    g = m.groupdict()
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
    """The document text with line and sentence bounds, for reading around a candidate."""

    def __init__(self, doc: Doc, text: str):
        self.text = text
        # sentence starts from the token array (iterating doc.sents builds a Token per word: slow)
        array = doc.to_array([SENT_START, IDX])
        self.sent_starts = array[array[:, 0] == 1, 1].tolist() if len(doc) else [0]
        if not self.sent_starts or self.sent_starts[0] != 0:
            self.sent_starts.insert(0, 0)
        self.sent_ends = self.sent_starts[1:] + [len(self.text)]

    def line_bounds(self, start: int, end: int) -> tuple[int, int]:
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        return line_start, (len(self.text) if line_end < 0 else line_end)

    def left(self, start: int, width: int = 90) -> str:
        line_start, _ = self.line_bounds(start, start)
        return self.text[max(line_start, start - width):start]

    def right(self, end: int, width: int = 120) -> str:
        _, line_end = self.line_bounds(end, end)
        return self.text[end:min(line_end, end + width)]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = self.sentence_index(pos)
        return (self.sent_starts[i], self.sent_ends[i]) if self.sent_starts else (0, len(self.text))


# ---------------------------------------------------------------- judging one candidate

@dataclass
class Reading:
    """What the text around a candidate says about it."""
    comparator: Optional[str] = None
    approximate: bool = False
    start: int = 0                 # where the quoted text starts (a cue such as "more than" included)
    end: int = 0                   # where it ends (a cue such as "or more" included)


def read_modifiers(c: Candidate, ctx: Context, rules: MetricRules) -> Reading:
    left, right = ctx.left(c.start), ctx.right(c.end)
    reading = Reading(start=c.start, end=c.end)
    for regex, comparator in rules.comparators_before:
        m = regex.search(left)
        if m:
            reading.comparator = comparator
            reading.start = c.start - len(left) + m.start()
            left = left[:m.start()]
            break
    m = rules.approximate_before.search(left)
    if m:
        reading.approximate = True
        reading.start = c.start - len(left) + m.start()
    if rules.approximate_after.match(right):
        reading.approximate = True
    for regex, comparator in rules.comparators_after:
        m = regex.match(right)
        if m and reading.comparator is None:
            reading.comparator = comparator
            reading.end = c.end + m.end()
    return reading


def read_per(c: Candidate, ctx: Context, rules: MetricRules, after: int) -> tuple[Optional[str], int]:
    """`per week`, `a year`, `p.a.` just after the number (or its noun), else `weekly cost ... £328` before."""
    m = rules.per_after.match(ctx.text[after:ctx.line_bounds(after, after)[1]][:60])
    if m:
        per = m.group("per")
        if per:
            per = re.sub(r"\s+", " ", per.lower())
            per = rules.time_units.get(per, per)  # "weeks" -> "week"
            return rules.per_words.get(per, per), after + m.end()
        return ("year" if m.group("per_year") else "week"), after + m.end()
    if c.kind == "money":
        b = rules.per_before.search(ctx.left(c.start, 80))
        if b:
            return rules.per_words.get(b.group("per").lower()), after
    return None, after


def noun_phrase(right: str, rules: MetricRules) -> Optional[tuple[str, str, int]]:
    """(phrase, head, end offset in `right`) of the counted noun after a number: up to
    `max_modifiers` words, ending at the first plural (`2 Quality Assurance Managers`)."""
    words = list(_WORD.finditer(right))
    for i, m in enumerate(words[: rules.max_modifiers + 1]):
        word = m.group()
        low = word.lower()
        if not word[0].isalpha():
            return None
        following = words[i + 1].group() if i + 1 < len(words) else ""
        if low in rules.comparative_modifiers and following != "than":  # "two more young people"
            continue
        if i > 0 and (words[i - 1].group().lower(), low) in rules.modifier_pairs:  # "45 looked after children"
            continue
        if low in rules.stop_words:
            if low == "and" and i > 0 and following[:1].islower():
                continue
            return None
        if rules.is_plural(word):
            end = m.end()
            if word[0].isupper():  # a capitalised name: "Families First Teams"
                for n in words[i + 1: i + 4]:
                    if not n.group()[0].isupper() or n.group().lower() in rules.stop_words:
                        break
                    if rules.is_plural(n.group()):
                        end = n.end()
            start = words[0].start()
            phrase = right[start:end]
            return phrase, phrase.split()[-1].lower().rstrip("’'"), end
    return None


def judge(c: Candidate, ctx: Context, rules: MetricRules, so_far: list[Metric]) -> Optional[Metric]:
    if c.kind == "money":
        return _measured(c, ctx, rules, "money", "GBP")
    if c.kind == "percentage":
        return _measured(c, ctx, rules, "percentage", "%")
    return _number(c, ctx, rules, so_far)


def _measured(c: Candidate, ctx: Context, rules: MetricRules, kind: str, unit: str) -> Metric:
    reading = read_modifiers(c, ctx, rules)
    per, end = read_per(c, ctx, rules, reading.end)
    subject = _money_subject(c, ctx, rules) if kind == "money" else None
    return _metric(c, kind, reading, rules, unit=unit, per=per, end=end, subject=subject)


def _money_subject(c: Candidate, ctx: Context, rules: MetricRules) -> Optional[str]:
    np = noun_phrase(ctx.right(c.end), rules)
    if np and not np[0][0].isupper():
        return np[0]
    m = rules.money_subject_before.search(ctx.left(c.start, 140))
    if not m:
        return None
    words = m.group("np").split()
    while words and (words[0].lower() in rules.stop_words or words[0].lower() in rules.subject_skip_words):
        words.pop(0)  # "to secure grant funding" -> "grant funding"
    return " ".join(words) or None


def _number(c: Candidate, ctx: Context, rules: MetricRules, so_far: list[Metric]) -> Optional[Metric]:
    left, right = ctx.left(c.start), ctx.right(c.end)
    if _vetoed(c, left, right, ctx, rules):
        return None
    duration = rules.duration_after.match(right)
    if duration:
        return _duration(c, duration, left, ctx, rules)
    if rules.hyphen_compound_after.match(right) or (c.low is not None and _age_like_range(c, rules)):
        return None  # "5-point", "two-thirds"; "the 18-25 services"
    reading = read_modifiers(c, ctx, rules)
    rest = ctx.right(reading.end)
    np = noun_phrase(rest, rules)
    if np:
        return _counted(c, reading, np, ctx, rules)
    return _uncounted(c, reading, rest, left, right, ctx, rules, so_far)


def _duration(c: Candidate, duration: re.Match, left: str, ctx: Context, rules: MetricRules) -> Optional[Metric]:
    unit = duration.group("unit").lower()
    reading = read_modifiers(c, ctx, rules)
    if reading.comparator == "gt" and rules.duration_not_comparator_before.search(left):
        reading.comparator, reading.start = None, c.start  # "took place over 4 weeks"
    return _metric(c, "duration", reading, rules, unit=rules.time_units.get(unit, unit), end=c.end + duration.end())


def _counted(c: Candidate, reading: Reading, np: tuple[str, str, int], ctx: Context, rules: MetricRules) -> Optional[Metric]:
    """A number with its noun: a count, or a caseload in a sentence about caseloads."""
    phrase, head, np_end = np
    if head in rules.noncount_heads or phrase.lower() in rules.time_units:
        return None  # "5 points", "12 months old" (but "21 activity days" counts)
    caseload_unit = phrase.lower() in rules.caseload_units or head in rules.caseload_units
    kind = "caseload" if caseload_unit and _caseload_sentence(c, ctx, rules) else "count"
    per, end = read_per(c, ctx, rules, reading.end + np_end)
    pp = rules.subject_preposition.match(ctx.right(reading.end + np_end))
    subject = f"{phrase} {pp.group('prep')} {pp.group('np')}" if pp and kind == "count" else phrase
    return _metric(c, kind, reading, rules, per=per, end=end, subject=subject)  # "children in agency placements"


def _uncounted(c: Candidate, reading: Reading, rest: str, left: str, right: str, ctx: Context,
               rules: MetricRules, so_far: list[Metric]) -> Optional[Metric]:
    """A number with no noun after it: a caseload, `11 of the 13 ...`, or a cue-backed count."""
    per, per_end = read_per(c, ctx, rules, reading.end)
    if (per and rules.caseload_per.search(per)) or _caseload_sentence(c, ctx, rules) or _caseload_carry(c, ctx, rules):
        return _metric(c, "caseload", reading, rules, per=per, end=per_end)
    of = rules.of_after.match(rest)
    if of:
        tail_at = of.end() + len(re.match(r"\s*(?:\d[\d,]*\s+)?", rest[of.end():]).group())  # "11 of the 13 standards"
        tail = noun_phrase(rest[tail_at:], rules)
        end = reading.end + (tail_at + tail[2] if tail else of.end())
        return _metric(c, "count", reading, rules, per=per, end=end, subject=tail[0] if tail else None)
    if _bare_count(c, left, right, ctx, rules, so_far):
        return _metric(c, "count", reading, rules, per=per, end=per_end)
    return None


def _vetoed(c: Candidate, left: str, right: str, ctx: Context, rules: MetricRules) -> bool:
    value = c.value if c.value is not None else c.low
    if rules.label_before.search(left) or rules.not_metric_after.match(right):
        return True
    if rules.age_before.search(left) or rules.age_after.match(right):
        return True
    if rules.rate_before.search(left) or rules.ratio_before.search(left):
        return True
    if rules.frequency_after.match(right) or rules.frequency_before.search(left):
        return True
    if c.is_word and _proper_name(c, left, right, ctx, rules):
        return True
    if _list_number(c, left, right, ctx, rules):
        return True
    if (rules.paragraph_number.match(ctx.text[c.start:c.end]) and rules.paragraph_number_before.search(left)
            and rules.paragraph_number_after.match(right)):
        return True  # "... the report. 3.2 The Panel noted" (a paragraph number run into the text)
    plus = rules.plus_after.match(right)
    if plus and value in rules.age_thresholds:
        return True
    if rules.age_at_before.search(left) and value in rules.age_thresholds and not rules.duration_after.match(right):
        return True  # "At 18 individuals became legal adults", "from 16"
    if c.value is not None and not c.is_word and rules.year_like.fullmatch(ctx.text[c.start:c.end]) and not plus:
        return not noun_phrase(right, rules)  # a year, unless it counts something ("2000 care leavers")
    return False


def _proper_name(c: Candidate, left: str, right: str, ctx: Context, rules: MetricRules) -> bool:
    """A capitalised number word in a name: `the Five Towns partnership`, `Three Rivers District Council`."""
    if not ctx.text[c.start].isupper() or not right.lstrip()[:1].isupper():
        return False
    if left.strip() and not re.search(r"[.:;•(]\s*$", left):  # capitalised although mid-sentence
        return True
    np = noun_phrase(right, rules)
    following = re.match(r"\s+([A-Z][a-z]+)\b", right[np[2]:]) if np else None
    return bool(following) and not rules.is_plural(following.group(1))


def _list_number(c: Candidate, left: str, right: str, ctx: Context, rules: MetricRules) -> bool:
    """`1. Introduction`, `2.1 The ...`, a page number alone on its line."""
    if c.is_word:
        return False
    line_start, line_end = ctx.line_bounds(c.start, c.end)
    before = ctx.text[line_start:c.start]
    if not rules.list_start_before.match(before.strip()):
        return False
    return not ctx.text[c.end:line_end].strip() or bool(rules.list_number_after.match(right))


def _age_like_range(c: Candidate, rules: MetricRules) -> bool:
    return c.low in rules.age_range_starts and c.high in rules.age_range_ends


def _caseload_sentence(c: Candidate, ctx: Context, rules: MetricRules) -> bool:
    start, end = ctx.sentence(c.start)
    return bool(rules.caseload_word.search(ctx.text[start:end]))


def _caseload_carry(c: Candidate, ctx: Context, rules: MetricRules) -> bool:
    """A bare number in a sentence shortly after one about caseloads, in the same paragraph."""
    line_start, _ = ctx.line_bounds(c.start, c.end)
    i = ctx.sentence_index(c.start)
    for j in range(max(0, i - rules.caseload_carry), i):
        if ctx.sent_ends[j] <= line_start:
            continue
        if rules.caseload_word.search(ctx.text[ctx.sent_starts[j]:ctx.sent_ends[j]]):
            return True
    return False


def _bare_count(c: Candidate, left: str, right: str, ctx: Context, rules: MetricRules, so_far: list[Metric]) -> bool:
    """A number with no noun that still counts: `a group of two`, `For: 5`, `two were shortlisted`,
    `the number of ... was 629`, `(131 occasions compared with 132 ...)`."""
    s_start, s_end = ctx.sentence(c.start)
    voted = rules.vote_before.search(left) or rules.vote_after.match(right)
    in_vote = rules.tally_label_before.search(left) or rules.vote_context.search(
        ctx.text, max(0, c.start - rules.vote_reach), s_end)
    if voted and in_vote and not c.is_word:
        return c.value != 0  # a tally may be 1 (digits), but "Against (0)" counts nothing
    if c.value is not None and c.value < 2:
        return False
    if rules.group_of_before.search(left):
        return True
    if rules.subject_verb_after.match(right) and rules.clause_start_before.search(left):
        return True
    if c.is_word:
        return False
    if rules.number_of_cue.search(ctx.text[s_start:c.start]):
        return True
    earlier_count = any(m.fields.get("kind") == "count" and s_start <= m.start < c.start for m in so_far)
    return earlier_count and bool(rules.compared_before.search(left))


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
        ctx = Context(doc, document_text(doc))
        blocked = [(s.start_char, s.end_char) for s in doc.spans.get("dates", [])]
        metrics: list[Metric] = []
        for candidate in find_candidates(ctx.text, self.rules, blocked):
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
    return MetricsComponent(name, rules)
