"""minutes_inspections: the inspections a document mentions (ILACS, SIF, focused and monitoring visits,
JTAI, annual engagement meetings, fostering, area SEND, other inspectorates), one record per distinct
inspection with its dates (from the dates component), whether it has happened (`completed`) or is to
come (`planned`), and what it looked at (`focus`) where the text says.

`InspectionFinder` holds the matching (plain text, date mentions and the meeting date in; candidates
out); the component feeds it the `dates` span group and writes the `inspections` group.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the extensions)
from ..extensions import document_text, payloads
from ..matching import (
    RuleFields, StartedPattern, StartScan, document_lower, guarded, lines_holding, lowered, nonblank_lines,
)
from .base import ExtractionComponent, Found

_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z‘“\"'(•])")
_DATE_PRECISIONS = ("day", "month", "year")
_DATE_JOINER = re.compile(r"^[\s,]*(?:(?:and|to|until|till|or|&|-|–|—|/)[\s,]*)?$")
_MENTION_TAIL = re.compile(r"\)?\s*(?:inspection|visit)s?\b|\)", re.I)  # "Single Inspection Framework (SIF) Inspection"


@dataclass
class DateMention:
    start: int
    end: int
    values: list[str]


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    dates: list[str] = field(default_factory=list)
    status: Optional[str] = None
    focus: Optional[str] = None
    rule: str = ""
    unnamed: bool = False  # an "Ofsted inspection" whose framework neither the text nor a year tells


class InspectionRules(RuleFields):
    prefilter: re.Pattern
    generic_context_exclude: re.Pattern
    sif_until_year: int
    planned: re.Pattern
    completed: re.Pattern
    focus: re.Pattern
    focus_after_mention: re.Pattern
    focus_max_chars: int
    list_intro: re.Pattern
    list_item: re.Pattern
    list_max_items: int
    focus_line: re.Pattern
    date_chain_gap: int
    named_for_generic: set[str]

    def __init__(self, rules: dict):
        super().__init__(rules)
        self.prefilter_started = StartedPattern(self.prefilter, rules["prefilter_starts"])
        self.kinds = [(k["kind"], StartedPattern(re.compile(k["pattern"]))) for k in rules["kinds"]]
        self.kind_starts = StartScan([pattern for _, pattern in self.kinds])
        # searched in each mention's clause: behind a look-ahead for their first characters (same matches)
        self.planned, self.completed = guarded(self.planned), guarded(self.completed)


class InspectionFinder:
    def __init__(self, rules: InspectionRules):
        self.r = rules

    def find(self, text: str, dates, meeting_date: Optional[str] = None, low: Optional[str] = None) -> list[Candidate]:
        """`dates`: the date mentions, or a function giving them (called only for a text that may mention an
        inspection). `low`: lowered(text) when the caller has it ("" counts as not had)."""
        hits = self.r.prefilter_started.finditer(text, low or lowered(text))
        if not hits:
            return []
        if callable(dates):
            dates = dates()
        mentions: list[Candidate] = []
        lines = nonblank_lines(text)
        dates = sorted(dates, key=lambda d: d.start)
        date_starts = [d.start for d in dates]
        for k in lines_holding([m.start() for m in hits], lines):
            pos, line = lines[k]
            for s_start, sentence in _sentences(line, pos):
                found = self.kind_matches(sentence)
                if not found:
                    continue  # most sentences of a line that mentions a visit name no inspection
                first = bisect_left(date_starts, s_start)
                last = bisect_left(date_starts, s_start + len(sentence))
                in_sentence = [d for d in dates[first:last] if d.end <= s_start + len(sentence)]
                mentions.extend(self.in_sentence(sentence, s_start, in_sentence, meeting_date, lines, k, mentions,
                                                 found))
        return self.distinct(mentions)

    def in_sentence(self, sentence: str, offset: int, dates: list[DateMention], meeting_date: Optional[str],
                    lines: list[tuple[int, str]], line_index: int, earlier: list[Candidate],
                    found: Optional[list[tuple[str, int, int]]] = None) -> list[Candidate]:
        """`found`: kind_matches(sentence), when the caller has it."""
        found = self.kind_matches(sentence) if found is None else found
        owned = self.attribute_dates(found, dates, offset, sentence)
        out = []
        for k, (kind, start, end) in enumerate(found):
            own = owned[k]
            values = sorted({v for d in own for v in d.values})
            if kind == "generic":
                named = next((c for c in reversed(earlier + out) if c.kind in self.r.named_for_generic), None)
                if named is not None and (not values or {v[:4] for v in values} & {v[:4] for v in named.dates}):
                    continue  # "the (2023) Ofsted inspection" after the inspection was named: the same one
                kind = self.generic_kind(sentence, values, meeting_date)
                if kind is None:
                    continue
                unnamed = kind == "other"
            else:
                unnamed = False
            stop = found[k + 1][1] if k + 1 < len(found) else len(sentence)
            clause = sentence[max(0, start - 60): stop]
            cand = Candidate(offset + min([start] + [d.start - offset for d in own]),
                             offset + max([end] + [d.end - offset for d in own]), kind, values,
                             self.status(clause, values, meeting_date), None, kind)
            cand.focus = self.focus_of(sentence, end, stop, lines, line_index, subject=(k == 0))
            cand.unnamed = unnamed
            out.append(cand)
        return out

    def kind_matches(self, sentence: str) -> list[tuple[str, int, int]]:
        """Inspection mentions in a sentence as (kind, start, end), earlier kinds winning overlaps; the
        same kind named again at once ("Single Inspection Framework (SIF) Inspection") is one mention."""
        taken: list[tuple[str, int, int]] = []
        low = lowered(sentence)
        near = self.r.kind_starts.by_pattern(low, 0, len(sentence))
        for (kind, pattern), at in zip(self.r.kinds, near):
            if at is not None and not at and not pattern.exact:
                continue  # none of its starting strings in the sentence: finditer would find nothing
            for m in pattern.finditer(sentence, low, 0, len(sentence), at):
                if any(m.start() < e and s < m.end() for _, s, e in taken):
                    continue
                if kind == "generic" and taken:
                    continue  # "the Ofsted inspection" restating a kind named in the sentence
                tail = _MENTION_TAIL.match(sentence, m.end())
                taken.append((kind, m.start(), tail.end() if tail else m.end()))
        merged: list[tuple[str, int, int]] = []
        for kind, start, end in sorted(taken, key=lambda t: t[1]):
            if merged and merged[-1][0] == kind and start - merged[-1][2] <= 20:
                merged[-1] = (kind, merged[-1][1], end)
            else:
                merged.append((kind, start, end))
        return merged

    def attribute_dates(self, found: list[tuple[str, int, int]], dates: list[DateMention], offset: int,
                        sentence: str) -> list[list[DateMention]]:
        """Each mention takes the dates that follow it closely ("visit in July 2021", "carried out between
        22 February and 16 March 2016"); dates left over go to the first mention that has none
        ("In December 2021 Ofsted undertook a FV", "The visit, since the 2019 inspection, took place on ...")."""
        def text_between(a: int, b: int) -> str:
            return sentence[a - offset:b - offset]

        owned: list[list[DateMention]] = [[] for _ in found]
        claimed: set[int] = set()
        ordered = sorted(dates, key=lambda d: d.start)
        for k, (_, start, end) in enumerate(found):
            reach = offset + end
            stop = offset + found[k + 1][1] if k + 1 < len(found) else None
            for i, d in enumerate(ordered):
                if i in claimed or d.start < reach:
                    continue
                if d.start - reach > self.r.date_chain_gap or (stop is not None and d.start >= stop):
                    break
                if owned[k] and not _DATE_JOINER.match(text_between(reach, d.start)):
                    break  # "in 2019, took place on 14 December": the second date is the sentence's own
                owned[k].append(d)
                claimed.add(i)
                reach = d.end
        spare = [d for i, d in enumerate(ordered) if i not in claimed]
        if spare:
            k = next((k for k, own in enumerate(owned) if not own), None)
            if k is not None:
                owned[k] = spare
        return owned

    def generic_kind(self, sentence: str, values: list[str], meeting_date: Optional[str]) -> Optional[str]:
        """An unnamed "Ofsted inspection" of children's services: SIF up to 2017, ILACS since."""
        if self.r.generic_context_exclude.search(sentence):
            return None
        years = ([int(v[:4]) for v in values if v[:4].isdigit()]
                 or [int(y) for y in re.findall(r"\b(20[0-4]\d)\b", sentence)])
        if not years and meeting_date:
            years = [int(meeting_date[:4])]
        if not years:
            return "other"
        return "sif" if min(years) <= self.r.sif_until_year else "ilacs"

    def status(self, clause: str, values: list[str], meeting_date: Optional[str]) -> Optional[str]:
        if self.r.planned.search(clause):
            return "planned"
        if self.r.completed.search(clause):
            return "completed"
        if values and meeting_date:
            return "planned" if min(values) > meeting_date else "completed"
        return None

    def focus_of(self, sentence: str, end: int, stop: int, lines: list[tuple[int, str]], line_index: int,
                 subject: bool) -> Optional[str]:
        hit = self.r.focus_after_mention.match(sentence[end:stop]) or self.r.focus.search(sentence[:stop], end)
        focus = hit.group("focus").strip(" :-–,") if hit else ""
        if not focus and subject and line_index + 1 < len(lines):
            nxt = self.r.focus_line.match(lines[line_index + 1][1].strip())
            if nxt:  # "The focus of the visit was: Children in Need;" on the following line
                focus = nxt.group("focus")
                if lines[line_index + 1][1].rstrip().endswith(";") and line_index + 2 < len(lines):
                    focus += "; " + lines[line_index + 2][1].strip().rstrip(".")
        if not focus and subject and self.r.list_intro.search(sentence):
            focus = "; ".join(self.list_after(lines, line_index))
        return focus[: self.r.focus_max_chars].rstrip() or None

    def list_after(self, lines: list[tuple[int, str]], index: int) -> list[str]:
        items = []
        for _, line in lines[index + 1: index + 1 + self.r.list_max_items]:
            m = self.r.list_item.match(line.strip())
            if not m:
                break
            items.append(m.group("text").strip(" ;."))
        return items

    @staticmethod
    def distinct(mentions: list[Candidate]) -> list[Candidate]:
        """One record per inspection. Dated mentions merge when they share a date; an undated mention
        joins a record of its kind (filling in status and focus) and stands alone only when none exists."""
        kept: list[Candidate] = []
        for c in sorted(mentions, key=lambda c: (not c.dates, c.start)):
            if c.dates:
                twin = next((k for k in kept if k.kind == c.kind and _share_date(k.dates, c.dates)), None)
            else:
                same = [k for k in kept if k.kind == c.kind]
                twin = next((k for k in same if k.status == c.status), same[0] if same and c.status is None else None)
                if twin is None and same and any(k.status is None for k in same):
                    twin = next(k for k in same if k.status is None)
            if twin:
                twin.dates = sorted(set(twin.dates) | set(c.dates))
                twin.status = twin.status or c.status
                twin.focus = twin.focus or c.focus
                continue
            kept.append(c)
        if any(k.kind in ("ilacs", "sif") for k in kept):  # "Ofsted inspection" (a heading) names that one
            kept = [k for k in kept if not (k.unnamed and not k.dates)]
        return sorted(kept, key=lambda c: c.start)


def _share_date(a: list[str], b: list[str]) -> bool:
    """ "2021-12" and "2021-12-14" name the same visit; years alone do not."""
    return any((x.startswith(y) or y.startswith(x)) and min(len(x), len(y)) > 4 for x in a for y in b)






def _sentences(line: str, offset: int) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(line):
        out.append((offset + start, line[start:m.start()]))
        start = m.end()
    out.append((offset + start, line[start:]))
    return out


def date_mentions(doc: Doc) -> list[DateMention]:
    out = []
    for span in doc.spans.get("dates", []):
        values = [p.get("value") for p in payloads(span, "dates")
                  if p.get("precision") in _DATE_PRECISIONS and p.get("value")]
        if values:
            out.append(DateMention(span.start_char, span.end_char, values))
    return out


class InspectionsComponent(ExtractionComponent):
    group = "inspections"
    compiled_rules = InspectionRules

    def find(self, doc: Doc) -> Iterator[Found]:
        text = document_text(doc)
        found = InspectionFinder(self.rules).find(text, lambda: date_mentions(doc), doc._.meeting_date,
                                                  document_lower(doc, text))
        for cand in found:
            yield cand.start, cand.end, cand.rule, {
                "kind": cand.kind, "dates": cand.dates, "status": cand.status, "focus": cand.focus}


@Language.factory("minutes_inspections", requires=["doc.spans", "doc._.meeting_date"], assigns=["doc.spans"],
                  default_config={"rules": {}})
def make_inspections(nlp: Language, name: str, rules: dict) -> InspectionsComponent:
    return InspectionsComponent(name, rules)
