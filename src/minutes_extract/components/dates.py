"""minutes_dates: explicit calendar references (`25th January 2022`, `29/30th March 2022`,
`January/February 2023`, `31/01/2022`, `summer 2022`, `2021/22`, ...) as ISO values.

Patterns (models/rules/dates.json) are tried only where their anchor is found (a month name, a year,
a numeric date, a season), so most of a document is never searched: a pattern must match at an
anchor hit, and its `lead` ("Tuesday 14", "early", "in") is searched for just before it. Overlapping
matches keep the longest.
One span per mention; a mention naming several days or months ("14 and 15 December 2021") carries a
list of payloads, one per date. Year-less mentions are completed from doc._.meeting_date (set by
minutes_meeting); without it a day-month becomes XXXX-MM-DD and a bare month takes the year of the
nearest dated mention (or is dropped when the document names no year at all).

The matching helpers (Anchors, AnchoredRegex, Ranges, document_lower) live in matching.py.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..extensions import PAYLOAD_ATTRS, document_text
from ..matching import AnchoredRegex, Anchors, Ranges, document_lower
from ..values.dates import DateParts, interpret, shift_for_relative


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


class DateRules:
    def __init__(self, rules: dict):
        fragments = rules.get("fragments", {})
        self.anchors = Anchors(rules.get("anchors", {}))
        self.patterns = [DatePattern(p, fragments) for p in rules.get("patterns", [])]
        self.not_after = re.compile(rules["not_after"]) if rules.get("not_after") else None
        self.not_after_window = int(rules.get("not_after_window", 16))
        self.not_after_kinds = set(rules.get("not_after_kinds", []))
        self.neighbour_year_reach = int(rules.get("neighbour_year_reach", 0))


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
        taken.add(start, end)
        span_start, span_end = m.span(pattern.span_group) if pattern.span_group else (start, end)
        kept.append(Mention(span_start, span_end, pattern.id, pattern.year_less, parts, groups.get("cue")))
    return sorted(kept, key=lambda x: x.start)


def _vetoed(text: str, start: int, kind: str, rules: DateRules) -> bool:
    if rules.not_after is None or kind not in rules.not_after_kinds:
        return False
    return bool(rules.not_after.search(text[max(0, start - rules.not_after_window):start]))


def resolve(mentions: list[Mention], meeting_date: Optional[str],
            neighbour_reach: int = 0) -> list[tuple[Mention, list[dict]]]:
    """Payloads per mention, year-less parts completed (see the module docstring)."""
    meeting_year = int(meeting_date[:4]) if meeting_date and meeting_date[:4].isdigit() else None
    meeting_month = int(meeting_date[5:7]) if meeting_date and len(meeting_date) >= 7 else 1
    anchors = [(m.start, p.year) for m in mentions for p in m.parts
               if p.year is not None and p.precision in ("day", "month", "season")]
    loose_years = [(m.start, p.year) for m in mentions for p in m.parts if p.year is not None]
    dated = [(m.end, p.year, p.month) for m in mentions for p in m.parts
             if p.year is not None and p.precision in ("day", "month")]
    out = []
    for mention in mentions:
        payloads = []
        for part in mention.parts:
            year = None
            if part.year is None:
                year = _year_for(mention, part, meeting_year, meeting_month, anchors, loose_years)
                if year is None and meeting_year is None:
                    year = _neighbour_year(mention.start, part, dated, neighbour_reach)
                if year is None and mention.year_less == "context":
                    continue
            value = part.value(year)
            if value:
                payloads.append({"value": value, "precision": part.precision})
        if payloads:
            out.append((mention, payloads))
    return out


def _year_for(mention: Mention, part: DateParts, meeting_year, meeting_month, anchors, loose_years) -> Optional[int]:
    if meeting_year is not None:
        return meeting_year + shift_for_relative(part.month or 1, mention.cue, meeting_month)
    if mention.year_less != "context":
        return None
    return _nearest_year(mention.start, anchors) or _nearest_year(mention.start, loose_years)


def _neighbour_year(pos: int, part: DateParts, dated: list[tuple[int, int, int]], reach: int) -> Optional[int]:
    """The year of a dated mention ending just before `pos` ("w/c 5th February 2024 and again w/c 4th
    March"), when the year-less month does not come earlier in the year (which would cross into the next)."""
    before = [d for d in dated if 0 <= pos - d[0] <= reach]
    if not before or part.month is None:
        return None
    _, year, month = before[-1]
    return year if month is not None and part.month >= month else None


def _nearest_year(pos: int, anchors: list[tuple[int, int]]) -> Optional[int]:
    """The year of the closest dated mention before `pos`, else the first one after it."""
    if not anchors:
        return None
    i = bisect_left([a for a, _ in anchors], pos)
    return anchors[i - 1][1] if i > 0 else anchors[0][1]


class DatesComponent:
    def __init__(self, name: str, rules: dict):
        self.name = name
        self.rules = DateRules(rules)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = document_text(doc)
        mentions = find_mentions(text, self.rules, document_lower(doc, text))
        for mention, payloads in resolve(mentions, doc._.meeting_date, self.rules.neighbour_year_reach):
            span = doc.char_span(mention.start, mention.end, label=mention.rule, alignment_mode="expand")
            if span is None:
                continue
            span._.set(PAYLOAD_ATTRS["dates"], payloads if len(payloads) > 1 else payloads[0])
            spans.append(span)
        doc.spans["dates"] = spans
        return doc


@Language.factory(
    "minutes_dates",
    requires=["doc.spans", "doc._.meeting_date"],
    assigns=["doc.spans"],
    default_config={"rules": {}},
)
def make_dates(nlp: Language, name: str, rules: dict) -> DatesComponent:
    return DatesComponent(name, rules)
