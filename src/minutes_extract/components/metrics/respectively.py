"""`£328 and £945 respectively`: listed values take their subjects from the sentence before."""
from __future__ import annotations

from .context import Context
from .judge import Metric
from .rule_set import MetricRules


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
