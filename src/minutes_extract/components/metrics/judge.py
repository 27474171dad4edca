"""judge(): vetoes (labels, list numbers, ages, years, names) and the kind of one candidate (money,
percentage, duration, count, caseload) with its subject, direction and "per"."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .candidates import Candidate
from .context import Context
from .reading import _SPACES, Reading, noun_phrase, read_modifiers, read_per
from .rule_set import MetricRules
from .table_cells import counts_things, names_plural_thing, table_cell_count, table_cell_money, table_cell_percentage

_PUNCT_BEFORE = re.compile(r"[.:;•(]\s*$")
_CAPITALISED_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b")
_NUMBER_BEFORE_NOUN = re.compile(r"\s*(?:\d[\d,]*\s+)?")
_WORD_START_END = re.compile(r"\b[A-Za-z][\w’'-]*")


@dataclass
class Metric:
    start: int
    end: int
    rule: str
    fields: dict = field(default_factory=dict)


def judge(c: Candidate, ctx: Context, rules: MetricRules, so_far: list[Metric]) -> Optional[Metric]:
    if c.kind == "money":
        return _measured(c, ctx, rules, "money", "GBP")
    if c.kind == "percentage":
        return _measured(c, ctx, rules, "percentage", "%")
    if c.kind == "fraction":
        return _metric(c, "count", Reading(start=c.start, end=c.end), rules)
    if c.kind == "points":
        return _percentage_points(c, ctx, rules, so_far)
    return _number(c, ctx, rules, so_far)


def _percentage_points(c: Candidate, ctx: Context, rules: MetricRules, so_far: list[Metric]) -> Optional[Metric]:
    """`fell to 38.4%, a drop of 1.9 points`: points after a percentage in the same sentence are percentage
    points; with no percentage before them they are a score's points (`the score rose by 3 points`), no metric."""
    if rules.vetoes_before.search(ctx, c.start)[0]:
        return None  # "the survey scored 7 points"
    s_start, _ = ctx.sentence(c.start)
    if not any(m.fields.get("kind") == "percentage" and s_start <= m.start < c.start for m in so_far):
        return None
    return _measured(c, ctx, rules, "percentage", "%")


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
    money = table_cell_money(c, ctx, rules)
    if money is not None:  # "Budget £000 | 4,120": an amount in the column's unit
        return _metric(money, "money", Reading(start=money.start, end=money.end), rules, unit="GBP")
    share = table_cell_percentage(c, ctx, rules)
    if share is not None:  # "Variance % | (6.8)": a percentage written without its sign
        return _metric(share, "percentage", Reading(start=share.start, end=share.end), rules, unit="%")
    if rules.hyphen_compound_after.match(right) or (c.low is not None and _age_like_range(c, rules)):
        return None  # "5-point", "two-thirds"; "the 18-25 services"
    reading = read_modifiers(c, ctx, rules)
    rest = ctx.right(reading.end)
    np = noun_phrase(rest, rules) or _past_school_year(rest, rules) or _shared_head(rest, rules)
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


def _shared_head(rest: str, rules: MetricRules) -> Optional[tuple[str, str, int]]:
    """The noun two coordinated numbers share: `4 social care and 1 educational inspector`, `two primary
    and three secondary schools` count inspectors and schools."""
    m = rules.shared_head_after.match(rest)
    if m is None or any(w.lower() in rules.stop_words or w.lower() in rules.time_units for w in m.group("mods").split()):
        return None
    tail = rest[m.end():]
    np = noun_phrase(tail, rules)
    if np is None and m.group("second").lower() in ("1", "one"):
        single = rules.singular_head_after.match(tail)
        np = (single.group("np"), single.group("np").split()[-1].lower(), single.end()) if single else None
    if np is None:
        return None
    phrase, head, end = np
    return f"{m.group('mods').strip()} / {phrase}", head, m.end() + end


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
    if kind == "count" and c.value is not None and c.value != int(c.value) and not rules.fractional_count_noun.search(phrase):
        return None  # "averaged 3.1 shifts": a mean, not a count (but "12.5 FTE social workers", "Band D equivalents")
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
    if _bracketed_count(c, reading, ctx, rules):  # "the diabetes register (approximately 6,400)"
        return _metric(c, "count", reading, rules, per=per, end=per_end)
    if _bare_count(c, right, ctx, rules, so_far):
        subject = _tally_subject(c, right, ctx, rules)
        return _metric(c, "count", reading, rules, per=per, end=per_end, subject=subject)
    if table_cell_count(c, ctx, rules):  # "Households in TA | 298": the column heading says what is counted
        return _metric(c, "count", reading, rules, per=per, end=per_end)
    if _labelled_count(c, ctx, rules) or _period_cell_count(c, ctx, rules):  # "Households with children: 214"
        return _metric(c, "count", reading, rules, per=per, end=per_end)
    return None


def _period_cell_count(c: Candidate, ctx: Context, rules: MetricRules) -> bool:
    """A whole number after a period or target label in a scorecard row flattened to text (`Children looked
    after - Q2: 214 - Q1: 209`, `Children on a plan | Oct-25: 319 | Sep-25: 302`), where the row's own label
    names what is counted (not `Average days to deliver a grant - Q2: 241`)."""
    if c.is_word or c.value is None or c.value < 2 or c.value != int(c.value):
        return False
    line_start = ctx.line_start(c.start)
    before = ctx.text[line_start:c.start]
    if not rules.period_cell_before.search(before):
        return False
    return _scorecard_row_label(before, rules) is not None


def _scorecard_row_label(before: str, rules: MetricRules) -> Optional[str]:
    """The label of the scorecard row a cell ends (`before`: its line up to the figure) when the label counts
    things: the nearest cell before the period cells, from its measure code on (rows flattened into one line
    run together: `... Trend: improving PAM/015 Average days to ...`)."""
    cells = rules.row_label_split.split(before)[:-1]
    while cells and rules.scorecard_cell_like.match(cells[-1]) and not rules.row_code_like.search(cells[-1]):
        cells.pop()
    if not cells:
        return None
    label = cells[-1]
    codes = list(rules.row_code_like.finditer(label))
    label = label[codes[-1].end():] if codes else label
    return label if not rules.table_proportion_label.search(label) and counts_things(label, rules) else None


def _labelled_count(c: Candidate, ctx: Context, rules: MetricRules) -> bool:
    """A whole number just after a short label and a colon at the start of its line, where the label names
    what is counted (`Children in care: 412`, `Number of complaints: 14`; not `Average wait: 12`)."""
    if c.is_word or c.value is None or c.value < 2 or c.value != int(c.value):
        return False
    m = rules.labelled_count_before.match(ctx.text[ctx.line_start(c.start):c.start])
    return m is not None and counts_things(m.group("label"), rules)


def _bracketed_count(c: Candidate, reading: Reading, ctx: Context, rules: MetricRules) -> bool:
    """A whole number alone in brackets just after a noun that counts things (`families (approximately
    250)`, `the register (6,400)`): the size of what the noun names. (Labels and years are vetoed before.)"""
    if c.is_word or c.value is None or c.value < 2 or c.value != int(c.value):
        return False
    if not rules.bracketed_count_after.match(ctx.right(reading.end, 8)):
        return False
    m = rules.bracketed_count_before.search(ctx.left(reading.start, 60))
    if m is None:
        return False
    noun = m.group("noun")
    low = noun.lower()
    if low in rules.stop_words or low in rules.time_units or low in rules.noncount_heads:
        return False
    return low in rules.bracketed_count_nouns or rules.is_plural(noun)


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
    if rules.vetoes_before.search(ctx, c.start)[0]:
        return True
    if _label_list(c, ctx, rules) and not _counts_a_noun(c, right, rules):
        return True  # (a number that counts a noun ends the list: "under the Act 1983, 186 people were ...")
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


def _counts_a_noun(c: Candidate, right: str, rules: MetricRules) -> bool:
    """A number followed by a lower-case counted noun (`186 people`): no label's list runs on to it."""
    np = noun_phrase(right, rules) if c.value is not None else None
    return bool(np) and np[0][:1].islower()


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
    if _elided_noun(c, right, ctx, rules, so_far, s_start):
        return True
    earlier_count = any(m.fields.get("kind") == "count" and s_start <= m.start < c.start for m in so_far)
    if earlier_count and _whole_of_count(c, ctx, rules, so_far):
        return True
    if c.is_word:  # "14 care leavers ..., compared with nine the year before"
        return earlier_count and bool(rules.compared_word_before.search(ctx.left(c.start, 40)))
    if rules.count_share_after.match(right):
        return True  # "6,050 (42.6%) had taken up a check": a number given with its share is a count
    if rules.number_of_cue.search(ctx.text[s_start:c.start]):
        return True
    if _change_of_count(c, ctx, rules, so_far, s_start) or _counted_subject(c, ctx, rules, s_start):
        return True
    if _carried_count(c, ctx, rules, so_far, s_start):
        return True
    return earlier_count and bool(before["compared_before"].search(ctx, c.start)[0])


def _whole_of_count(c: Candidate, ctx: Context, rules: MetricRules, so_far: list[Metric]) -> bool:
    """`14 agency social workers out of 146`: the whole that the count just before is part of (a score's
    scale has no count before it: `rated 3 out of 5`)."""
    last = so_far[-1] if so_far else None
    return (last is not None and last.fields.get("kind") == "count" and last.end <= c.start
            and bool(rules.whole_of_count_gap.fullmatch(ctx.text, last.end, c.start)))


def _carried_count(c: Candidate, ctx: Context, rules: MetricRules, so_far: list[Metric], s_start: int) -> bool:
    """`... there were 387 open cases. This compares to 402 at the same point last year.`: a bare number whose
    noun is the count that closes the sentence before (not a rate: `44.1 per 10,000. This compares with 41`)."""
    if not rules.before["carried_count_before"].search(ctx, c.start)[0]:
        return False
    i = ctx.sentence_index(c.start)
    if i == 0:
        return False
    previous = (ctx.sent_starts[i - 1], s_start)
    last = [m for m in so_far if m.start < s_start]
    return bool(last) and previous[0] <= last[-1].start and last[-1].fields.get("kind") == "count"


def _change_of_count(c: Candidate, ctx: Context, rules: MetricRules, so_far: list[Metric], s_start: int) -> bool:
    """The two ends of a change in a count whose noun comes before them: `the backlog of cases had
    reduced from 430 to 265`, `waiting lists fell from 1,140 in January to 690 in June` (not a rate,
    an average or a score: `the average wait fell from 45 to 38`)."""
    left = ctx.text[s_start:c.start]
    start = rules.change_from_before.search(left)
    if start is not None:
        clause = rules.clause_split.split(left[:start.start()])[-1]
        return counts_things(clause, rules)
    to = rules.change_to_before.search(left)
    if to is None:
        return False
    origin = s_start + to.start("origin")
    return any(m.fields.get("kind") == "count" and m.start <= origin < m.end for m in so_far)


def _counted_subject(c: Candidate, ctx: Context, rules: MetricRules, s_start: int) -> bool:
    """A number after a verb whose subject counts things: `Emergency admissions were 9,842`, `referrals
    totalled 1,210` (not `the rate was 72`, `the average score was 31`)."""
    left = ctx.text[s_start:c.start]
    m = rules.subject_copula_before.search(left)
    if m is None or (c.value in rules.age_thresholds and rules.copula_be_word.match(m.group())):
        return False  # ("the young people were 16": an age; but "offences numbered 19" count)
    clause = rules.clause_split.split(left[:m.start()])[-1]
    words = list(rules.table_word.finditer(clause))
    if not words or words[-1].group().lower() in rules.stop_words:
        return False  # "until they are 25": a pronoun's age, not a count
    return counts_things(clause[words[-rules.copula_subject_words:][0].start():], rules)


def _elided_noun(c: Candidate, right: str, ctx: Context, rules: MetricRules, so_far: list[Metric],
                 s_start: int) -> bool:
    """A count whose noun is left out because the sentence has just counted it: `Seven representations:
    five from residents and two from the police`, `three joined, with two more starting`, `for 7 of the
    9 statements and for the remaining two`."""
    if _gapped(c, right, ctx, rules, so_far, s_start):
        return True
    if (rules.comparative_count_after.match(right) and not c.is_word and c.value == int(c.value)
            and names_plural_thing(ctx.text[s_start:c.start], rules)):
        return True  # "... in Band D properties, 310 more than in the previous year"
    if not (rules.ellipsis_after.match(right) or rules.before["ellipsis_before"].search(ctx, c.start)[0]):
        return False
    if rules.before["ellipsis_not_before"].search(ctx, c.start)[0]:
        return False  # the scale of a score: "2 out of 4 for the rest"
    return any(m.fields.get("kind") == "count" and s_start <= m.start < c.start for m in so_far)


def _gapped(c: Candidate, right: str, ctx: Context, rules: MetricRules, so_far: list[Metric], s_start: int) -> bool:
    """`15 were rated green, 6 amber and 3 red`, `20 were graded good and two outstanding`: a list of bare
    counts sharing the first one's verb (the first is a count with no noun of its own)."""
    if not (rules.gapping_after.match(right) and rules.before["gapping_before"].search(ctx, c.start)[0]):
        return False
    # after a counted noun only a verb may follow the number: "9 licences were suspended and 3 revoked"
    own_verb = bool(rules.gapping_verb_after.match(right))
    return any(m.fields.get("kind") == "count" and (own_verb or m.fields.get("subject") is None)
               and s_start <= m.start < c.start for m in so_far)


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
