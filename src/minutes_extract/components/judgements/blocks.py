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
