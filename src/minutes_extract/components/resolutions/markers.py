"""Pure text helpers for decision clauses: list markers and their numbering, the verb a clause is worded
with, cut-off clauses, labels and subheadings between clauses."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .rules import Block, ResolutionRules

_COLON_ENDS = (":", ":-", "–", "-", "—")


def _verbless(hit) -> bool:
    """A trigger with no decision verb of its own ("That the Council", "The Committee –"): an introduction."""
    return "verb" not in hit[1].re.groupindex


def _cut_off(clause: str, rules: ResolutionRules) -> bool:
    """An unpunctuated last clause that stops after a few words or on a fragment ("... to Cabinet i",
    "That Committee member's desire"); "... appended to the report" is complete."""
    text = clause.rstrip()
    if text.endswith((".", ";", ":", "!", "?", ")", "”", '"')):
        return False
    return len(text.split()) < rules.cut_off_min_words or bool(rules.cut_off_last_word.search(text))


def _cut_at_label(text: str, rules: ResolutionRules) -> tuple[str, bool]:
    """A decision line that runs on into the next section's label ("... be noted. Minutes: The Committee
    received ...", "To note the report Action by:") ends before the label."""
    m = rules.embedded_label.search(text)
    if not m:
        return text, False
    return text[:m.start()].rstrip(), True


def _verb(written: str) -> str:
    """"R E S O L V E D", "RESOLVED", "Resolved" -> "resolved"; "To recommend –" -> "recommended"."""
    verb = re.sub(r"\s+", "", written).lower()
    return verb if verb.endswith("ed") else verb + ("d" if verb.endswith("e") else "ed")


_CLAUSE_VERBS = (("noted", "noted"), ("note", "noted"), ("agree", "agreed"), ("recommend", "recommended"),
                 ("resolve", "resolved"), ("decide", "decided"))


def _clause_verb(clause: str) -> str:
    """The decision verb a clause carries itself ("1. Noted that ..."), else "decided"."""
    words = re.findall(r"[A-Za-z]+", clause.lower())[:3]
    for word in words:
        for stem, verb in _CLAUSE_VERBS:
            if word.startswith(stem):
                return verb
    return "decided"


_MARKER_KINDS = (("number", re.compile(r"^\d{1,3}[.)]\s")), ("letter", re.compile(r"^\(?[a-z][.)]\s")),
                 ("roman", re.compile(r"^\(?[ivx]{1,5}[.)]\s")))


def _marker_kind(text: str) -> Optional[str]:
    return next((kind for kind, pattern in _MARKER_KINDS if pattern.match(text)), None)


_MARKER = re.compile(r"^(\(?)(\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})([.)])\s")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12}


def _marker_values(text: str) -> list[tuple[str, str, int]]:
    """(kind, style, value) readings of a clause's marker: "(ii)" is roman 2; "i." may be letter 9 or roman 1."""
    m = _MARKER.match(text)
    if not m:
        return []
    style, token = m.group(1) + m.group(3), m.group(2)
    if token.isdigit():
        return [("number", style, int(token))]
    out = []
    if token.lower() in _ROMAN:
        out.append(("roman" + ("U" if token.isupper() else ""), style, _ROMAN[token.lower()]))
    if len(token) == 1:
        out.append(("letter" + ("U" if token.isupper() else ""), style, ord(token.lower()) - 96))
    return out


def _first_marker(text: str) -> bool:
    """"1.", "(a)", "i)": the first clause of a list."""
    return any(v == 1 for _, _, v in _marker_values(text))


def _continues_numbering(prev: str, text: str) -> bool:
    """"2. ..." after "1. ...", "(c)" after "(b)", "iii." after "ii.": the same list numbered on."""
    return any(k == k2 and s == s2 and v2 == v + 1
               for k, s, v in _marker_values(prev) for k2, s2, v2 in _marker_values(text))


def _restarts_numbering(clauses: list[str], text: str) -> bool:
    """A clause numbered "1."/"a)"/"i." again after clauses of that kind, not as a sub-list of a clause
    ending with a colon: a new list, so a new decision."""
    if clauses[-1].rstrip().endswith(_COLON_ENDS):
        return False
    starts = [(k, s) for k, s, v in _marker_values(text) if v == 1]
    return bool(starts) and any((k, s) in starts for c in clauses for k, s, _ in _marker_values(c))


def _is_sentence(text: str) -> bool:
    return text.endswith((".", ";")) and len(text.split()) >= 6


_MINUTE_NUMBER = re.compile(r"^(\(?)(\d{1,3})([.)])\s")


def _next_minute_number(trigger_text: str, text: str) -> bool:
    """The block is numbered like the trigger's own paragraph, one on: the minutes moved on."""
    a, b = _MINUTE_NUMBER.match(trigger_text), _MINUTE_NUMBER.match(text)
    return bool(a and b and (a.group(1), a.group(3)) == (b.group(1), b.group(3))
                and int(b.group(2)) == int(a.group(2)) + 1)


def _is_subheading(blocks: list[Block], j: int, rules: ResolutionRules) -> bool:
    """A short unpunctuated title line inside a clause list, with a clause right after it."""
    text = blocks[j].text.strip()
    if (len(text.split()) > rules.subheading_max_words or text.endswith((".", ";", ",")) or rules.is_clause(blocks[j])
            or rules.not_subheading.search(text)):
        return False  # "“7.2 The following was noted in discussion:" opens other business
    after = blocks[j + 1] if j + 1 < len(blocks) else None
    return bool(after and after.item == blocks[j].item and after.label != "heading" and rules.is_clause(after)
                and not rules.trigger_at(blocks, j + 1))



_BARE_TO = re.compile(r"^To\s")
_THAT = re.compile(r"^(?:That|THAT)\b")


def _unmarked(text: str) -> str:
    m = _MARKER.match(text)
    return text[m.end():].lstrip() if m else text
