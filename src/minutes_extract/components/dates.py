"""minutes_dates: explicit calendar references (`25th January 2022`, `29/30th March 2022`,
`January/February 2023`, `31/01/2022`, `summer 2022`, `2021/22`, ...) as ISO values.

Patterns (models/rules/dates.json) run over the document text, each only near hits of its anchor (a
month name, a year, ...); overlapping matches keep the longest.
One span per mention; a mention naming several days or months ("14 and 15 December 2021") carries a
list of payloads, one per date. Year-less mentions are completed from doc._.meeting_date (set by
minutes_meeting); without it a day-month becomes XXXX-MM-DD and a bare month takes the year of the
nearest dated mention (or is dropped when the document names no year at all).

The small matching helpers here (Anchors, Ranges, expand_fragments) serve
minutes_metrics too.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..extensions import PAYLOAD_ATTRS, document_text
from ..values.dates import DateParts, interpret, shift_for_relative

_PLACEHOLDER = re.compile(r"<<([A-Z_]+)>>")


@dataclass
class DatePattern:
    id: str
    kind: str
    year_less: str
    span_group: Optional[str]
    regex: re.Pattern
    anchor: Optional[str] = None


@dataclass
class Mention:
    start: int
    end: int
    rule: str
    year_less: str
    parts: list[DateParts]
    cue: Optional[str] = None


class Anchors:
    """Fast case-sensitive prefilters. A pattern with an `anchor` is only searched in windows around
    the anchor's hits (most of a document holds no month name, so most of it is never searched); a
    pattern `at` an anchor is only tried where the anchor matches (e.g. where a run of digits starts)."""

    def __init__(self, anchors: dict[str, str], window: tuple[int, int] = (70, 60)):
        self.regexes = {name: re.compile(p) for name, p in anchors.items()}
        self.before, self.after = window

    def on(self, text: str) -> "AnchorHits":
        return AnchorHits(self, text)


class AnchorHits:
    """The anchors' hits in one text, computed when first needed."""

    def __init__(self, anchors: Anchors, text: str):
        self.anchors, self.text = anchors, text
        self._starts: dict[str, list[int]] = {}
        self._windows: dict[str, list[tuple[int, int]]] = {}

    def starts(self, name: str) -> list[int]:
        if name not in self._starts:
            self._starts[name] = [m.start() for m in self.anchors.regexes[name].finditer(self.text)]
        return self._starts[name]

    def windows(self, name: str) -> list[tuple[int, int]]:
        if name not in self._windows:
            merged: list[list[int]] = []
            before, after, size = self.anchors.before, self.anchors.after, len(self.text)
            for m in self.anchors.regexes[name].finditer(self.text):
                start, end = max(0, m.start() - before), min(size, m.end() + after)
                if merged and start <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], end)
                else:
                    merged.append([start, end])
            self._windows[name] = [(s, e) for s, e in merged]
        return self._windows[name]

    def scan(self, regex: re.Pattern, anchor: Optional[str] = None, at: Optional[str] = None, tail: int = 40):
        """regex.finditer over the text, narrowed by `anchor` (windows) or `at` (start positions).
        A window search may read `tail` characters past the window so lookaheads see their context."""
        text = self.text
        if at:
            end = -1
            for pos in self.starts(at):
                if pos >= end:
                    m = regex.match(text, pos)
                    if m:
                        end = m.end()
                        yield m
        elif anchor:
            for start, stop in self.windows(anchor):
                for m in regex.finditer(text, start, min(len(text), stop + tail)):
                    if m.start() > stop:
                        break
                    yield m
        else:
            yield from regex.finditer(text)


class Ranges:
    """Character ranges, merged and sorted, for quick overlap tests."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(ranges):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1  # the last range starting before `end`
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        """Adds a range that overlaps none already held."""
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def expand_fragments(pattern: str, fragments: dict[str, str]) -> str:
    """Replaces <<NAME>> placeholders (fragments may use other fragments)."""
    for _ in range(5):
        expanded = _PLACEHOLDER.sub(lambda m: fragments[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    return pattern


class DateRules:
    def __init__(self, rules: dict):
        fragments = rules.get("fragments", {})
        self.anchors = Anchors(rules.get("anchors", {}), tuple(rules.get("anchor_window", (70, 60))))
        self.patterns = [
            DatePattern(p["id"], p["kind"], p.get("year_less", "meeting"), p.get("span"),
                        re.compile(expand_fragments(p["pattern"], fragments)), p.get("anchor"))
            for p in rules.get("patterns", [])
        ]
        self.not_after = re.compile(rules["not_after"]) if rules.get("not_after") else None
        self.not_after_window = int(rules.get("not_after_window", 16))
        self.not_after_kinds = set(rules.get("not_after_kinds", []))


def find_mentions(text: str, rules: DateRules) -> list[Mention]:
    """Every pattern's matches, overlaps resolved (longest first, then pattern order)."""
    found: list[tuple[int, int, int, Mention]] = []
    hits = rules.anchors.on(text)
    for order, pattern in enumerate(rules.patterns):
        for m in hits.scan(pattern.regex, anchor=pattern.anchor):
            if _vetoed(text, m.start(), pattern.kind, rules):
                continue
            parts = interpret(pattern.kind, m.groupdict())
            if not parts:
                continue
            start, end = m.span(pattern.span_group) if pattern.span_group else m.span()
            found.append((m.start(), -(m.end() - m.start()), order,
                          Mention(start, end, pattern.id, pattern.year_less, parts, m.groupdict().get("cue"))))
    found.sort(key=lambda f: (f[1], f[2], f[0]))
    kept: list[Mention] = []
    taken = Ranges([])
    for match_start, neg_len, _, mention in found:
        if not taken.overlaps(match_start, match_start - neg_len):
            taken.add(match_start, match_start - neg_len)
            kept.append(mention)
    return sorted(kept, key=lambda x: x.start)


def _vetoed(text: str, start: int, kind: str, rules: DateRules) -> bool:
    if rules.not_after is None or kind not in rules.not_after_kinds:
        return False
    return bool(rules.not_after.search(text[max(0, start - rules.not_after_window):start]))


def resolve(mentions: list[Mention], meeting_date: Optional[str]) -> list[tuple[Mention, list[dict]]]:
    """Payloads per mention, year-less parts completed (see the module docstring)."""
    meeting_year = int(meeting_date[:4]) if meeting_date and meeting_date[:4].isdigit() else None
    meeting_month = int(meeting_date[5:7]) if meeting_date and len(meeting_date) >= 7 else 1
    anchors = [(m.start, p.year) for m in mentions for p in m.parts
               if p.year is not None and p.precision in ("day", "month", "season")]
    loose_years = [(m.start, p.year) for m in mentions for p in m.parts if p.year is not None]
    out = []
    for mention in mentions:
        payloads = []
        for part in mention.parts:
            year = None
            if part.year is None:
                year = _year_for(mention, part, meeting_year, meeting_month, anchors, loose_years)
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
        for mention, payloads in resolve(find_mentions(document_text(doc), self.rules), doc._.meeting_date):
            span = doc.char_span(mention.start, mention.end, label=mention.rule, alignment_mode="expand")
            if span is None:
                continue
            span._.set(PAYLOAD_ATTRS["dates"], payloads if len(payloads) > 1 else payloads[0])
            spans.append(span)
        doc.spans["dates"] = spans
        return doc


@Language.factory(
    "minutes_dates",
    requires=["doc.spans"],  # also reads doc._.meeting_date (minutes_meeting)
    assigns=["doc.spans"],
    default_config={"rules": {}},
)
def make_dates(nlp: Language, name: str, rules: dict) -> DatesComponent:
    return DatesComponent(name, rules)
