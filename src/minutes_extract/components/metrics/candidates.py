"""Regex candidates (money, percentages, numbers, ranges, fractions) with their parsed values."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...matching import Ranges
from ...values.numbers import parse_digits, scaled
from .rule_set import MetricRules


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
    if candidate.low is not None and (rules.range_split_before.search(m.string[max(0, m.start() - 40):m.start()])
                                      or _change_by_then_level(candidate, m, rules)
                                      or rules.range_split_gapped_before.search(m.string[max(0, m.start() - 200):m.start()])):
        return _split_range(m, rule_id, kind)
    return [candidate]


def _change_by_then_level(candidate: Candidate, m: re.Match, rules: MetricRules) -> bool:
    """`up by over 600 to 4,250`: a change and the level it reached, not a range; but `increase costs by
    about 10 to 11 percent` is a range (its ends are close: the level is far above a change)."""
    if not rules.range_split_by_before.search(m.string[max(0, m.start() - 50):m.start()]):
        return False
    return candidate.low > 0 and candidate.high >= rules.range_split_by_min_ratio * candidate.low


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
    if lead is None:
        return False
    sign = lead.groupdict().get("sign")  # ("+5%" keeps its value: only a minus makes it negative)
    return bool((sign and sign != "+") or lead.groupdict().get("sign_word"))


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
