"""A bare number alone in a table cell counts things when its column heading counts things
(`Households in TA | 298`, `Number of children | 312`, `of which in B&B | 41`), or, under a heading
that only names a period or a target (`Q1 | Q2 | Target`), when its row label does (`Missed bin
collections | 212 | 187 | 150`). Headings of rates, averages, costs and times count nothing."""
from __future__ import annotations

from typing import Optional

from .candidates import Candidate
from .context import Context
from .rule_set import MetricRules


def table_cell_count(c: Candidate, ctx: Context, rules: MetricRules) -> bool:
    if c.value is None or c.value < 1 or c.value != int(c.value):
        return False  # (a count of things is whole)
    line_start, line_end = ctx.line(c.start)
    row = _cells(ctx.text, line_start, line_end, rules)
    column = _column_of(row, c)
    if column is None or column == 0 or len(row) < rules.table_min_cells:
        return False  # (the first cell is the row's label)
    header = _header(ctx.text, line_start, len(row), rules)
    if header is None:
        return False
    heading = header[column]
    if counts_things(heading, rules):
        return True
    if rules.table_not_count_heading.search(heading) or rules.table_count_heading.search(heading):
        return False
    label = ctx.text[row[0][0]:row[0][1]]
    if counts_things(label, rules):
        return True
    # "Number of children | 2022 | 2023" over rows "CIN | 310 | 322": the corner names what the rows count
    return not rules.table_not_count_heading.search(label) and counts_things(header[0], rules)


def _cells(text: str, start: int, end: int, rules: MetricRules) -> list[tuple[int, int]]:
    """(start, end) of each non-empty cell of the line text[start:end], split at the separators."""
    out, pos = [], start
    for m in rules.table_cell_separator.finditer(text, start, end):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:end].strip():
        out.append((pos, end))
    return out


def _column_of(row: list[tuple[int, int]], c: Candidate) -> Optional[int]:
    """The index of the cell that holds the candidate and nothing else."""
    for i, (start, end) in enumerate(row):
        if start <= c.start and c.end <= end:
            return i if len(row) > 1 else None
    return None


def _header(text: str, line_start: int, width: int, rules: MetricRules) -> Optional[list[str]]:
    """The cells of the table's heading row: the first line of the run of lines just above that split
    into as many cells as this row (None when there is no such line)."""
    header, end = None, line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        cells = _cells(text, start, end, rules)
        if len(cells) != width:
            break
        header = [text[a:b] for a, b in cells]
        end = start - 1
    return header


def counts_things(heading: str, rules: MetricRules) -> bool:
    """A heading or label that names what is counted: `Number of ...`, `of which ...`, or a plural noun
    that is no unit of time or measure, with no rate, average, cost or percentage word."""
    if rules.table_not_count_heading.search(heading):
        return False
    if rules.table_count_heading.search(heading):
        return True
    for word in rules.table_word.findall(heading):
        low = word.lower()
        if low in rules.time_units or low in rules.noncount_heads or low in rules.stop_words:
            continue
        if rules.is_plural(word):
            return True
    return False
