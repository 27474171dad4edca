"""minutes_dates: explicit calendar references (`25th January 2022`, `29/30th March 2022`,
`January/February 2023`, `31/01/2022`, `summer 2022`, `2021/22`, ...) as ISO values.

Patterns (models/rules/dates.json) are tried only where their anchor is found (a month name, a year,
a numeric date, a season), so most of a document is never searched: a pattern must match at an
anchor hit, and its `lead` ("Tuesday 14", "early", "in") is searched for just before it. Overlapping
matches keep the longest.
One span per mention; a mention naming several days or months ("14 and 15 December 2021") carries a
list of payloads, one per date. Year-less mentions are completed from doc._.meeting_date (set by
minutes_meeting): the year that puts the month nearest the meeting in the direction its clause implies
(`will`, `the coming year`: at or after it; `had been`, `ago`: at or before it; no cue: the nearest,
values/dates.year_toward). Without a meeting date, the date of the last meeting (`Minutes of the meeting
held on ...`) stands in for it, else a dated mention just before gives the year, else the nearest dated
mention (a bare month may also take a bare year; left XXXX-MM-DD or dropped when there is none). A
completed payload says where its year came from (`year_from`: "meeting" or "context"). A month `each
year` is no date; a day `each year` keeps XXXX.

The matching helpers (Anchors, AnchoredRegex, Ranges, document_lower) live in matching/ (anchored.py).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..extensions import document_text
from ..matching import AnchoredRegex, Anchors, Ranges, document_lower
from ..values.dates import DateParts, interpret, shift_for_relative, year_toward
from .base import ExtractionComponent, Found


class DatePattern(AnchoredRegex):
    def __init__(self, spec: dict, fragments: dict[str, str]):
        super().__init__(spec, fragments)
        self.id, self.kind = spec["id"], spec["kind"]
        self.year_less = spec.get("year_less", "meeting")
        self.span_group: Optional[str] = spec.get("span")


@dataclass
class Mention:
    start: int
    end: int
    rule: str
    year_less: str
    parts: list[DateParts]
    cue: Optional[str] = None
    direction: Optional[str] = None  # "past" | "future": the tense around a year-less mention
    range_end: Optional["Mention"] = None  # "from April to September": the mention ending the range this one starts


class DateRules:
    def __init__(self, rules: dict):
        fragments = rules.get("fragments", {})
        self.anchors = Anchors(rules.get("anchors", {}))
        self.patterns = [DatePattern(p, fragments) for p in rules.get("patterns", [])]
        self.not_after = re.compile(rules["not_after"]) if rules.get("not_after") else None
        self.not_after_window = int(rules.get("not_after_window", 16))
        self.not_after_kinds = set(rules.get("not_after_kinds", []))
        self.neighbour_year_reach = int(rules.get("neighbour_year_reach", 0))
        tense = rules.get("tense_cues", {})
        self.tense_cues = [(re.compile(pattern), direction) for direction, pattern in tense.items()]
        self.clause_break = re.compile(rules.get("clause_break", "$^"))
        self.clause_reach = int(rules.get("clause_reach", 150))
        self.undirected = rules.get("undirected_month", "same_year")  # "nearest": the month nearest the meeting
        self.recurring_after = re.compile(rules["recurring_after"]) if rules.get("recurring_after") else None
        self.previous_meeting = re.compile(rules.get("previous_meeting_before", "$^"))
        self.previous_meeting_window = int(rules.get("previous_meeting_window", 200))
        self.meeting_after_last = int(rules.get("meeting_after_last_months", 2))
        self.header_date_before = re.compile(rules.get("header_date_before", "$^"))
        self.header_date_lines = int(rules.get("header_date_lines", 0))
        self.range_between = re.compile(rules.get("month_range_between", "$^"))
        self.range_until_gap = re.compile(rules.get("month_range_until_gap", "$^"))


def find_mentions(text: str, rules: DateRules, lower: Optional[str] = None) -> list[Mention]:
    """Every pattern's matches, overlaps resolved (longest first, then pattern order). A match is
    interpreted only once it is known to survive, which spares the many that lose. `lower`: the text
    lower-cased, when the caller has it."""
    found: list = []
    hits = rules.anchors.on(text, lower)
    for order, pattern in enumerate(rules.patterns):
        if hits.starts(pattern.anchor):  # most documents hold no season, no numeric date, ...
            found += [(start - end, order, start, end, pattern, lead, m)
                      for start, end, lead, m in pattern.matches(text, hits)]
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    kept: list[Mention] = []
    taken = Ranges([])
    for _, _, start, end, pattern, lead, m in found:
        if taken.overlaps(start, end) or _vetoed(text, start, pattern.kind, rules):
            continue
        groups = m.groupdict() if lead is None else {**lead.groupdict(), **m.groupdict()}
        parts = interpret(pattern.kind, groups)
        if not parts:
            continue
        year_less = any(p.year is None for p in parts)
        recurring = year_less and _recurring(text, end, rules)
        if recurring and all(p.precision == "month" for p in parts):
            continue  # "produced by December each year": no one month
        taken.add(start, end)
        span_start, span_end = m.span(pattern.span_group) if pattern.span_group else (start, end)
        mention = Mention(span_start, span_end, pattern.id, pattern.year_less, parts, groups.get("cue"))
        if recurring:
            mention.year_less = "never"  # "31 March each year": a day in every year, XXXX-03-31
        elif year_less:
            mention.direction = tense_around(text, span_start, span_end, rules)
        kept.append(mention)
    kept.sort(key=lambda x: x.start)
    _link_month_ranges(text, kept, rules)
    return kept


def _link_month_ranges(text: str, mentions: list[Mention], rules: DateRules) -> None:
    """Two year-less bare months (or two year-less days) joined as a range (`from April to September`,
    `October - March`, `between 1st April and 31st October`), or the second reached by `until` later in the
    sentence (`would open in early December ..., running until late March`): the first is linked to the
    second, so that both take their years together (the start never after the end)."""
    for first, second in zip(mentions, mentions[1:]):
        precision = _year_less_single(first)
        if precision is None or precision != _year_less_single(second) or first.cue or second.cue:
            continue
        if (rules.range_between.fullmatch(text, first.end, second.start)
                or rules.range_until_gap.match(text[first.end:second.start])):
            first.range_end = second
            if first.direction is None:
                first.direction = second.direction
            second.direction = first.direction


def _year_less_single(mention: Mention) -> Optional[str]:
    """The precision ("month" or "day") of a mention naming one date with no year, else None."""
    if mention.year_less == "never" or len(mention.parts) != 1:
        return None
    part = mention.parts[0]
    return part.precision if part.year is None and part.precision in ("month", "day") else None


def _year_less_part(part: DateParts) -> bool:
    return part.year is None and part.precision == "month"


def _recurring(text: str, end: int, rules: DateRules) -> bool:
    return rules.recurring_after is not None and bool(rules.recurring_after.match(text, end))


def tense_around(text: str, start: int, end: int, rules: DateRules) -> Optional[str]:
    """"past" or "future" as the clause around a mention says (`there were rumours`, `will review`,
    `the coming year`): the tense cue nearest the mention in its clause; None when there is none."""
    lo = max(0, start - rules.clause_reach)
    breaks = list(rules.clause_break.finditer(text, lo, start))
    lo = breaks[-1].end() if breaks else lo
    after = rules.clause_break.search(text, end, end + rules.clause_reach)
    hi = after.start() if after else min(len(text), end + rules.clause_reach)
    best: Optional[tuple[int, str]] = None
    for regex, direction in rules.tense_cues:
        for m in regex.finditer(text, lo, hi):
            distance = start - m.end() if m.end() <= start else m.start() - end
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, direction)
    return best[1] if best else None


def _vetoed(text: str, start: int, kind: str, rules: DateRules) -> bool:
    if rules.not_after is None or kind not in rules.not_after_kinds:
        return False
    return bool(rules.not_after.search(text[max(0, start - rules.not_after_window):start]))


def previous_meeting(text: str, mentions: list[Mention], rules: DateRules) -> Optional[tuple[int, int]]:
    """(year, month) this meeting is likely held in, from the date of the last one, whose minutes these
    minutes approve (`Minutes of the meeting held on 16 October 2019`): `meeting_after_last_months`
    later. The best stand-in when the meeting's own date is not given."""
    for mention in mentions:
        part = mention.parts[-1]
        if part.year is not None and part.precision == "day" and rules.previous_meeting.search(
                text, max(0, mention.start - rules.previous_meeting_window), mention.start):
            months = part.year * 12 + part.month - 1 + rules.meeting_after_last
            return months // 12, months % 12 + 1
    return None


def header_meeting_date(text: str, mentions: list[Mention], rules: DateRules) -> Optional[str]:
    """The meeting's date as its header states it (`Held on Tuesday 18 November 2025`, `Date: ...`, `Minutes -
    Monday 24 November 2025`, `... held in the Chamber on Thursday 27 February 2025`), for documents whose
    meeting date the meeting component did not find: the first full date on one of the first
    `header_date_lines` lines after header words, not the date of a previous meeting whose minutes are approved."""
    if rules.header_date_lines <= 0:
        return None
    limit = -1
    for _ in range(rules.header_date_lines):
        limit = text.find("\n", limit + 1)
        if limit < 0:
            limit = len(text)
            break
    for mention in mentions:
        if mention.start > limit:
            break
        part = mention.parts[0]
        if part.year is None or part.precision != "day":
            continue
        before = text[text.rfind("\n", 0, mention.start) + 1:mention.start]
        if not rules.header_date_before.search(before) or rules.previous_meeting.search(
                text, max(0, mention.start - rules.previous_meeting_window), mention.start):
            continue
        return part.value()
    return None


def resolve(mentions: list[Mention], meeting_date: Optional[str], neighbour_reach: int = 0,
            undirected: str = "same_year", last_meeting: Optional[tuple[int, int]] = None) -> list[tuple[Mention, list[dict]]]:
    """Payloads per mention, year-less parts completed (see the module docstring); a completed part says
    where its year came from (`year_from`: "meeting" or "context"). `last_meeting`: the previous meeting's
    date, which stands in for the meeting's own when that is not known."""
    meeting_year = int(meeting_date[:4]) if meeting_date and meeting_date[:4].isdigit() else None
    meeting_month = int(meeting_date[5:7]) if meeting_date and len(meeting_date) >= 7 else 1
    anchors = [(m.start, p.year) for m in mentions for p in m.parts
               if p.year is not None and p.precision in ("day", "month", "season")]
    anchor_months = {(m.start, p.year): p.month for m in mentions for p in m.parts
                     if p.year is not None and p.precision in ("day", "month")}
    loose_years = [(m.start, p.year) for m in mentions for p in m.parts if p.year is not None]
    dated = [(m.end, p.year, p.month) for m in mentions for p in m.parts
             if p.year is not None and p.precision in ("day", "month")]
    # mentions never overlap, so these lists are in position order: the neighbours are found by bisection
    # (one scan of every mention per mention was quadratic in a long document)
    dated_ends = [d[0] for d in dated]
    anchor_starts, loose_starts = [a for a, _ in anchors], [a for a, _ in loose_years]
    range_years = _range_years(mentions, meeting_year, meeting_month) if meeting_year is not None else {}
    out = []
    for mention in mentions:
        payloads = []
        for index, part in enumerate(mention.parts):
            year, source = None, None
            if part.year is None and mention.year_less != "never":
                if (id(mention), index) in range_years:
                    year, source = range_years[id(mention), index], "meeting"
                elif meeting_year is not None:
                    year, source = _meeting_year_for(mention, part, meeting_year, meeting_month, undirected), "meeting"
                else:
                    year = _neighbour_year(mention.start, part, dated, dated_ends, neighbour_reach)
                    crosses = year is None and _after_a_neighbour(mention.start, dated_ends, neighbour_reach)
                    if year is None and not crosses and last_meeting is not None and part.month is not None:
                        year = year_toward(last_meeting[0], last_meeting[1], part.month, mention.direction)
                    if year is None and not (crosses and mention.year_less == "meeting"):
                        # (a day just after a later-in-the-year date is in the next year: left XXXX; a
                        # day takes its year from a dated mention only, a bare month from a bare year too)
                        year = _context_year(mention, anchors, anchor_starts)
                        year = _nearest_to_context(mention, part, year, anchors, anchor_starts, anchor_months)
                        if year is None and mention.year_less == "context":
                            year = _context_year(mention, loose_years, loose_starts)
                    source = "context" if year is not None else None
                if year is None and mention.year_less == "context":
                    continue
            value = part.value(year)
            if value:
                payload = {"value": value, "precision": part.precision}
                if source and not value.startswith("XXXX"):
                    payload["year_from"] = source
                payloads.append(payload)
        if payloads:
            out.append((mention, payloads))
    return out


def _range_years(mentions: list[Mention], meeting_year: int, meeting_month: int) -> dict[tuple[int, int], int]:
    """Years of the year-less months of each range ((id of the mention, part index) -> year): two linked
    mentions, or one mention naming several year-less months (`October to December`). The months take
    their years together, each at or after the one before: a range said to come (`will run from October
    to March`) ends at or after the meeting; any other ends nearest the meeting, at or before it when
    the clause says so (a period reported on: `performance from April to September`)."""
    years: dict[tuple[int, int], int] = {}
    for first in mentions:
        if first.range_end is not None:
            ends = [(first, 0), (first.range_end, 0)]
        elif len(first.parts) > 1 and not first.cue and all(_year_less_part(p) for p in first.parts):
            ends = [(first, i) for i in range(len(first.parts))]
        else:
            continue
        months = [mention.parts[i].month for mention, i in ends]
        for (mention, i), year in zip(ends, _years_in_order(months, meeting_year, meeting_month, first.direction)):
            years[id(mention), i] = year
    return years


def _years_in_order(months: list[int], meeting_year: int, meeting_month: int, direction: Optional[str]) -> list[int]:
    """Years for months listed in calendar order (`November to March`: March in the year after November).
    The end is placed by the meeting, the direction its clause says: a range said to come ends at or after
    the meeting and may have begun already (`will run from 27 October to 21 November`, said on 18 November)."""
    years = [year_toward(meeting_year, meeting_month, months[-1], direction)]
    for later, month in zip(reversed(months), reversed(months[:-1])):
        years.insert(0, years[0] - (month > later))
    return years


def _meeting_year_for(mention: Mention, part: DateParts, meeting_year: int, meeting_month: int,
                      undirected: str) -> int:
    """`last`/`next` say it outright; else the tense around the mention, else (rule `undirected_month`)
    the meeting's year or the year that puts the month nearest the meeting."""
    if mention.cue or part.month is None:
        return meeting_year + shift_for_relative(part.month or 1, mention.cue, meeting_month)
    if mention.direction is None and undirected != "nearest":
        return meeting_year
    return year_toward(meeting_year, meeting_month, part.month, mention.direction)


def _after_a_neighbour(pos: int, ends: list[int], reach: int) -> bool:
    """A dated mention ends within `reach` characters before `pos` (`ends`: theirs, in order)."""
    i = bisect_left(ends, pos - reach)
    return i < len(ends) and ends[i] <= pos


def _nearest_to_context(mention: Mention, part: DateParts, year: Optional[int], anchors: list[tuple[int, int]],
                        starts: list[int], months: dict[tuple[int, int], Optional[int]]) -> Optional[int]:
    """A bare month read against the dated mention that gave it `year`, as a month is read against the
    meeting's date: the year that puts it nearest that date (`by 31 January 2026 ... introduced in
    October` -> October 2025), when that date names its month. `months`: the anchors' months."""
    if year is None or part.month is None:
        return year
    i = bisect_left(starts, mention.start)
    anchor = anchors[i - 1] if i > 0 else anchors[0]
    month = months.get(anchor)
    return year if month is None else year_toward(anchor[1], month, part.month, None)


def _context_year(mention: Mention, anchors: list[tuple[int, int]], starts: list[int]) -> Optional[int]:
    """With no meeting date: the year of the nearest dated mention before, else the first one after. (The
    tense is not read here: that mention's date is no stand-in for the meeting's.) `starts`: the anchors'."""
    if not anchors:
        return None
    i = bisect_left(starts, mention.start)
    return anchors[i - 1][1] if i > 0 else anchors[0][1]


def _neighbour_year(pos: int, part: DateParts, dated: list[tuple[int, int, int]], ends: list[int],
                    reach: int) -> Optional[int]:
    """The year of a dated mention ending just before `pos` ("w/c 5th February 2024 and again w/c 4th
    March"), when the year-less month does not come earlier in the year (which would cross into the next);
    a month more than six months later is nearer in the year before. `ends`: the dated mentions' ends, in order."""
    last = bisect_right(ends, pos) - 1  # the last one ending at or before `pos`
    if last < 0 or pos - ends[last] > reach or part.month is None:
        return None
    _, year, month = dated[last]
    if month is None or part.month < month:
        return None
    # more than half a year later is nearer in the year before: "from 1 April 2023 by December CPI"
    return year if part.month - month <= 6 else year - 1


class DatesComponent(ExtractionComponent):
    group = "dates"
    compiled_rules = DateRules

    def find(self, doc: Doc) -> Iterator[Found]:
        text = document_text(doc)
        mentions = find_mentions(text, self.rules, document_lower(doc, text))
        meeting_date = doc._.meeting_date or header_meeting_date(text, mentions, self.rules)
        last_meeting = previous_meeting(text, mentions, self.rules) if not meeting_date else None
        for mention, payloads in resolve(mentions, meeting_date, self.rules.neighbour_year_reach,
                                          self.rules.undirected, last_meeting):
            yield mention.start, mention.end, mention.rule, payloads if len(payloads) > 1 else payloads[0]


@Language.factory(
    "minutes_dates",
    requires=["doc.spans", "doc._.meeting_date"],
    assigns=["doc.spans"],
    default_config={"rules": {}},
)
def make_dates(nlp: Language, name: str, rules: dict) -> DatesComponent:
    return DatesComponent(name, rules)
