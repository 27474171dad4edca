"""Blocks of an outcome page about one home or agency: a name line ('Oak Lodge') or a 'Service:' field over
'Key: value' lines, among them the inspection's judgements ('How well children and young people are helped
and protected: Good'). Those rows are that home's or agency's grades: the overall experiences row (and an
'Outcome:'-style label row) is its own grade, the other rows its areas ('Oak Lodge: how well ...')."""
from __future__ import annotations

from typing import Optional

from .rules import Candidate, JudgementRules

_BLOCK_REACH = 12  # field lines looked through above a row


def block_entity(r: JudgementRules, lines: list[tuple[int, str]], k: int, named_only: bool) -> Optional[str]:
    """The home or agency the block holding row `k` is about: a naming field among the 'Key: value' lines
    above the row, else (unless `named_only`) the short name line heading them."""
    for j in range(k - 1, max(-1, k - _BLOCK_REACH), -1):
        text = lines[j][1].strip()
        named = r.entity_field.match(text)
        if named:
            return named.group("name")
        if r.block_field_line.match(text) or r.table_row.match(text):
            continue
        head = r.block_head_name.match(text)
        if named_only or not head or r.block_head_exclude.search(head.group("name")):
            return None
        return head.group("name")
    return None


def entity_area(r: JudgementRules, lines: list[tuple[int, str]], k: int, row: Candidate) -> None:
    """Gives a row of a home's or agency's block that home's or agency's name."""
    standard = row.area != "overall" and r.sccif_area.match(row.area)
    if not standard and row.area != "overall":
        return
    name = block_entity(r, lines, k, named_only=not standard)  # an 'Overall effectiveness' row only under 'Service:'
    if not name:
        return
    if row.area == "overall" or r.sccif_overall_area.match(row.area):
        row.area, row.area_key = name, None
    else:
        row.area, row.area_key = f"{name}: {row.area}", None


_DOMAIN_REACH = 40
_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}  # lines looked through above a standard for its domain heading


def scorecard_area(r: JudgementRules, lines: list[tuple[int, str]], k: int, row: Candidate) -> None:
    """A scorecard grades each numbered standard on the line below it ('1.1 Governance and leadership' over
    'Rating: Outstanding'): the bare label row is that standard's grade, not the overall one; a 'Domain 2: Court
    disposals' heading above names the domain the standard belongs to (standards repeat across domains)."""
    if row.area != "overall" or k == 0 or not r.scorecard_label_row.match(lines[k][1]):
        return
    head = r.numbered_standard_head.match(lines[k - 1][1])
    if not head:
        return
    name = head.group("name").strip()
    domain = next((m for j in range(k - 2, max(-1, k - _DOMAIN_REACH), -1)
                   for m in [r.domain_line.match(lines[j][1])] if m), None)
    if domain and _NUMBERS.get(domain.group("number").lower(), domain.group("number")) != head.group("major"):
        domain = None  # '4.1 Resettlement' after domain 3's standards belongs to no domain heading
    domain = domain.group("domain").strip() if domain else None
    row.area, row.area_key = (f"{domain.lower()}: {name}" if domain else name), None
