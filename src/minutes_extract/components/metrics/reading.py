"""What the words around a candidate say: comparators and "approximately", "per week", the counted noun."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .candidates import Candidate
from .context import Context
from .rule_set import MetricRules

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.]*|\S")
_SPACES = re.compile(r"\s+")


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
