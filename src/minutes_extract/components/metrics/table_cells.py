"""A bare number alone in a table cell counts things when its column heading counts things
(`Households in TA | 298`, `Number of children | 312`, `of which in B&B | 41`), or, under a heading
that only names a period or a target (`Q1 | Q2 | Target`), when its row label does (`Missed bin
collections | 212 | 187 | 150`). Headings of rates, averages, costs and times count nothing."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from .candidates import Candidate
from .context import Context
from .rule_set import MetricRules


def table_cell_count(c: Candidate, ctx: Context, rules: MetricRules) -> bool:
    if c.value is None or c.value < 1:
        return False
    line_start, line_end = ctx.line(c.start)
    row = _line_cells(ctx, line_start, line_end, rules)
    column = _column_of(row, c, ctx.text)
    if column is None or column == 0 or len(row) < rules.table_min_cells:
        return False  # (the first cell is the row's label)
    header = _header(ctx, line_start, len(row), rules)
    if header is None:
        return False
    heading = header[column]
    if c.value != int(c.value) and not rules.table_fractional_count_heading.search(heading):
        return False  # (a count of things is whole, but for posts counted in FTE: `FTE | 541.3`)
    if counts_things(heading, rules):
        return True
    if rules.table_not_count_heading.search(heading) or rules.table_count_heading.search(heading):
        return False
    label = ctx.text[row[0][0]:row[0][1]]
    if rules.table_proportion_label.search(label):
        return False  # "Pupils meeting the expected standard | 61 | 63": shares written without "%"
    if counts_things(label, rules):
        return True
    # "Number of children | 2022 | 2023" over rows "CIN | 310 | 322": the corner names what the rows count;
    # "Crime type | 2023 | 2024" over rows "Shoplifting | 811 | 948": the rows are kinds of what is counted
    return not rules.table_not_count_heading.search(label) and (
        counts_things(header[0], rules) or bool(rules.table_category_corner.search(header[0])))


def table_cell_money(c: Candidate, ctx: Context, rules: MetricRules) -> Optional[Candidate]:
    """A bare number alone in a table cell under a money heading (`Budget £000 | 4,120` -> £4,120,000;
    `(118)` -> -£118,000): the candidate as money in the heading's unit, else None. A table laid out
    in spaces reaches us with its gaps collapsed (`Leisure 1,830 1,712 (118)` under `Service Budget £000
    Forecast £000 Variance £000`): there the row's figures are matched to the heading's units in order,
    when they are as many."""
    heading = _cell_heading(c, ctx, rules)
    scale = _unit_scale(heading, rules) if heading is not None else None
    if scale is None:
        return None
    return _signed(c, ctx, "money", c.value * scale)


def table_cell_percentage(c: Candidate, ctx: Context, rules: MetricRules) -> Optional[Candidate]:
    """A bare number alone in a table cell under a '%' heading (`Variance £000 | Variance %` over
    `725 | 2.9` and `(414) | (6.8)`): the candidate as a percentage, negative in brackets, else None."""
    heading = _cell_heading(c, ctx, rules)
    if heading is None or _unit_scale(heading, rules) is not None:
        return None
    if not (rules.table_percent_heading.search(heading) or rules.table_percent_heading.search(_row_label(c, ctx, rules))):
        return None  # neither the column heading nor the row's label ('Staff turnover (%) | 13.1') says '%'
    return _signed(c, ctx, "percentage", c.value)


def _row_label(c: Candidate, ctx: Context, rules: MetricRules) -> str:
    """The first cell of the table row holding the cell `c` ('' when there is none)."""
    line_start, line_end = ctx.line(c.start)
    row = _cells(ctx.text, line_start, line_end, rules)
    if len(row) >= rules.table_min_cells and _column_of(row, c, ctx.text, brackets=True):
        return ctx.text[row[0][0]:row[0][1]]
    figures = _trailing_figures(ctx.text[line_start:line_end], rules)
    return ctx.text[line_start:line_start + figures[0].start()] if figures else ""


def _signed(c: Candidate, ctx: Context, kind: str, value: float) -> Candidate:
    negative = ctx.text[c.start - 1:c.start] == "(" and ctx.text[c.end:c.end + 1] == ")"
    start, end = (c.start - 1, c.end + 1) if negative else (c.start, c.end)
    return replace(c, kind=kind, value=(-1 if negative else 1) * value, start=start, end=end)


def _cell_heading(c: Candidate, ctx: Context, rules: MetricRules) -> Optional[str]:
    """The column heading (or, for a row laid out in spaces, the column's unit) of a bare number alone in
    a table cell; None when it is not one."""
    if c.value is None or c.low is not None:
        return None
    line_start, line_end = ctx.line(c.start)
    heading = _piped_heading(c, ctx, line_start, line_end, rules)
    return heading if heading is not None else _collapsed_unit(c, ctx, line_start, line_end, rules)


def _unit_scale(heading: str, rules: MetricRules) -> Optional[float]:
    return next((scale for unit, scale in rules.table_money_units if unit.search(heading)), None)


def _piped_heading(c: Candidate, ctx: Context, line_start: int, line_end: int,
                   rules: MetricRules) -> Optional[str]:
    row = _line_cells(ctx, line_start, line_end, rules)
    column = _column_of(row, c, ctx.text, brackets=True)
    if column is None or column == 0 or len(row) < rules.table_min_cells:
        return None
    header = _header(ctx, line_start, len(row), rules)
    return header[column] if header is not None else None


def _collapsed_unit(c: Candidate, ctx: Context, line_start: int, line_end: int,
                    rules: MetricRules) -> Optional[str]:
    figures = _line_figures(ctx, line_start, line_end, rules)
    if not figures:
        return None
    offsets = [line_start + f.start() + (f.group().startswith("(")) for f in figures]
    if c.start not in offsets:
        return None
    end = line_start - 1
    while end > 0:  # up over the rows of figures to the heading line
        start = ctx.text.rfind("\n", 0, end) + 1
        line = ctx.text[start:end]
        if not _line_figures(ctx, start, end, rules):
            units = [m for m in rules.table_column_unit.finditer(line)]
            if len(units) != len(figures) or rules.table_row_not.search(line):
                return None
            return units[offsets.index(c.start)].group()
        end = start - 1
    return None


def _line_cells(ctx: Context, start: int, end: int, rules: MetricRules) -> list[tuple[int, int]]:
    """_cells of a line of the document, split once per document (every bare number on a line, and every row
    under a heading, asks for the same lines again; read only)."""
    key = ("cells", start, end)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _cells(ctx.text, start, end, rules)
    return found


def _line_figures(ctx: Context, start: int, end: int, rules: MetricRules) -> list:
    """_trailing_figures of the line ctx.text[start:end], read once per document (read only)."""
    key = ("figures", start, end)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _trailing_figures(ctx.text[start:end], rules)
    return found


def _trailing_figures(line: str, rules: MetricRules) -> list:
    """The figures ending a table row (`Leisure 1,830 1,712 (118)`): two or more, after a short label
    with no sentence punctuation; [] for any other line."""
    figures = list(rules.table_trailing_figure.finditer(line))
    tail = [f for f in figures if f.group().strip()]
    if len(tail) < 2 or line[tail[-1].end():].strip():
        return []
    run = [tail[-1]]
    for f in reversed(tail[:-1]):  # the unbroken run of figures at the end of the line
        if line[f.end():run[0].start()].strip():
            break
        run.insert(0, f)
    label = line[:run[0].start()]
    if len(run) < 2 or len(label.split()) > rules.table_row_max_words or rules.table_row_not.search(label):
        return []
    return run


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


def _column_of(row: list[tuple[int, int]], c: Candidate, text: str, brackets: bool = False) -> Optional[int]:
    """The index of the cell that holds the candidate and nothing else (`brackets`: or the candidate in
    brackets, a negative amount); None when there is no such cell."""
    number = text[c.start:c.end]
    for i, (start, end) in enumerate(row):
        if start <= c.start and c.end <= end:
            cell = text[start:end].strip()
            alone = cell == number or (brackets and cell == f"({number})")
            return i if alone and len(row) > 1 else None
    return None


def _header(ctx: Context, line_start: int, width: int, rules: MetricRules) -> Optional[list[str]]:
    """The cells of the table's heading row: the first line of the run of lines just above that split
    into as many cells as this row (None when there is no such line)."""
    text = ctx.text
    header, end = None, line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        cells = _line_cells(ctx, start, end, rules)
        if len(cells) != width:
            if len(cells) == width - 1 and _blank_corner(text, start, cells):
                header = [""] + [text[a:b] for a, b in cells]  # a heading row laid out in spaces over the
            break                                              # figures, its corner above the labels empty
        header = [text[a:b] for a, b in cells]
        end = start - 1
    return header


def _blank_corner(text: str, line_start: int, cells: list[tuple[int, int]]) -> bool:
    """A heading line whose first cell is empty (`| Quarter 2 | Quarter 3`, as normalise writes a heading
    row indented over the row labels) or indented by a wide gap: the table's corner, above the labels."""
    indent = text[line_start:cells[0][0]] if cells else ""
    return bool(cells) and ("|" in indent or indent.startswith("\t") or len(indent) >= 8)


def counts_things(heading: str, rules: MetricRules) -> bool:
    """A heading or label that names what is counted: `Number of ...`, `of which ...`, or a plural noun
    that is no unit of time or measure, with no rate, average, cost or percentage word. A length of time
    that qualifies what is counted (`Households in B&B over six weeks`) is no unit of the figures."""
    heading = rules.table_time_qualifier.sub(" ", heading)
    if rules.table_not_count_heading.search(heading):
        return False
    if rules.table_count_heading.search(heading):
        return True
    return names_plural_thing(heading, rules)


def names_plural_thing(text: str, rules: MetricRules) -> bool:
    """Whether `text` holds a plural noun that is no unit of time or measure (`properties`, `households`)."""
    for word in rules.table_word.findall(text):
        low = word.lower()
        if low in rules.time_units or low in rules.noncount_heads or low in rules.stop_words:
            continue
        if rules.is_plural(word):
            return True
    return False
