"""A decision printed twice (under Decision: and again at the end of Minutes:) is kept once; the copy's
position is recorded in `copies`."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from .markers import _ROMAN
from .rules import Block, Decision


def _merge_copies(decisions: list[Decision], threshold: int, blocks: list[Block]) -> list[Decision]:
    """Keep the first printing of each decision; a later near-identical one in the same item becomes its
    copy. Only decisions sharing a copy key (same item and opening, closing or clause-list words) are
    compared, and only the latest few per key, so a huge document costs linear time, not quadratic."""
    kept: list[Decision] = []
    texts: list[str] = []
    index: dict[tuple, list[int]] = {}
    for decision in decisions:
        text = _LEADING_THAT.sub("", " ".join(decision.clauses).lower())  # "That the report be noted." = "the report ..."
        keys = _copy_keys(decision, text)
        candidates = sorted({k for key in keys for k in index.get(key, ())})
        original = next((kept[k] for k in candidates if _same_figures(texts[k], text)
                         and (fuzz.ratio(texts[k], text) >= threshold or _same_clauses(kept[k], decision, threshold))),
                        None)
        if original is not None:
            original.copies.append((decision.start, decision.end))
            continue
        for key in keys:
            bucket = index.setdefault(key, [])
            bucket.append(len(kept))
            del bucket[:-_COPY_BUCKET]
        kept.append(decision)
        texts.append(text)
    return kept


def _restatements_as_copies(decisions: list[Decision], restated: re.Pattern) -> list[Decision]:
    """"Decision: The recommendations were agreed." closing an item whose decision is already printed
    ("Decision:" (a)-(c) above the Minutes) says that decision again: it becomes a copy of the item's latest
    decision. Alone in its item it is the decision itself and is kept."""
    kept: list[Decision] = []
    latest: dict[int, Decision] = {}  # item -> its latest kept decision
    for decision in decisions:  # in document order
        original = latest.get(decision.item) if decision.item >= 0 else None
        if original is not None and restated.match(_LEADING_THAT.sub("", " ".join(decision.clauses).strip().lower())):
            original.copies.append((decision.start, decision.end))
            continue
        kept.append(decision)
        latest[decision.item] = decision
    return kept


_LEADING_THAT = re.compile(r"^that\s+")
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def _same_figures(a: str, b: str) -> bool:
    """A copy prints its original's figures (or, cut short, some of them): "to award a grant of £2,500" and
    "to award a grant of £1,200" are two decisions however alike their words."""
    fa, fb = set(_FIGURE.findall(a)), set(_FIGURE.findall(b))
    return fa <= fb or fb <= fa
_COPY_WORD = re.compile(r"[a-z0-9£%]+")
_COPY_SKIP = {"that", "to", "and"}
_COPY_BUCKET = 32  # per key, the latest decisions a new one is compared with


def _copy_keys(decision: Decision, text: str) -> list[tuple]:
    """Words a copy shares with its original: its first and last words (markers and "that" left out) and,
    for a clause list, the clause count with the first clause's opening words."""
    words = [w for w in _COPY_WORD.findall(text) if len(w) > 1 and w not in _COPY_SKIP and not _ROMAN.get(w)]
    keys = [(decision.item, "head", tuple(words[:4])), (decision.item, "tail", tuple(words[-4:]))]
    if len(decision.clauses) > 1:
        first = [w for w in _COPY_WORD.findall(decision.clauses[0].lower())
                 if len(w) > 1 and w not in _COPY_SKIP and not _ROMAN.get(w)]
        keys.append((decision.item, "clauses", len(decision.clauses), tuple(first[:3])))
    return keys


def _same_clauses(a: Decision, b: Decision, threshold: int) -> bool:
    """A report's recommendations in its summary box and again in its body: clause for clause the
    same, one copy sometimes adding words to a clause; or the later copy printing the first clauses only
    ("Decision:" (i)-(iii), then "RESOLVED:-" (i)-(ii) at the end of the minutes)."""
    return 1 < len(b.clauses) <= len(a.clauses) and all(
        fuzz.partial_ratio(x.lower(), y.lower()) >= threshold for x, y in zip(a.clauses, b.clauses))
