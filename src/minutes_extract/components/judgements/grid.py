"""GradeGrid: a table row holding several grade cells (`Larch Lodge | 12 November 2025 | Good | Good |
Outstanding`, `Overall effectiveness - Inadequate - Requires improvement to be good` from an HTML or DOCX
table). Each grade cell is a judgement; what it judges is read from the row's label and its column's header:
a column named by a time (`2022`, `Previous`) grades the row's label; a column named as overall grades the row's
label (a home's overall grade); another column grades that area of the row's label (`Larch Lodge: Helped and
protected`)."""
from __future__ import annotations

from typing import Optional

from ...matching.ends import holds_any, required_characters
from .rules import Candidate


class GradeGrid:
    """Mixin of JudgementFinder (needs self.r and self.area_key)."""

    def grid_row(self, lines: list[tuple[int, str]], k: int) -> Optional[list[Candidate]]:
        """The judgements of a row with two or more grade cells under a header row; None when the line is no
        such row (a row with one grade is read by table_row)."""
        pos, line = lines[k]
        cells = self.grid_cells(line, pos)
        grades = [n for n, (_, text) in enumerate(cells) if self.r.grade_alone.match(text)]
        if len(grades) < 2 or grades[0] == 0:
            return None
        header = self.grid_header(lines, k, len(cells))
        if header is None:
            return None
        columns = [header[n] for n in grades if not self.r.target_column.search(header[n])]
        if not any(self.area_column(column) for column in columns):
            return None  # grades by time or overall only ("Current | Target"): one area per row, cell_row reads it
        label_at, label = cells[0]
        if self.r.grade_alone.match(label) or self.r.grid_skip_cell.search(label):
            return None
        out = []
        for n in grades:
            start, text = cells[n]
            column = header[n]
            if self.r.target_column.search(column):
                continue  # a target or forecast grades nothing
            if not self.area_column(column):
                area = label
            else:
                area = f"{label}: {column}"
            key = self.area_key(area) if area == label else None
            if key == "overall" or self.r.overall_label.match(area):
                area, key = "overall", "overall"
            out.append(Candidate(start, start + len(text), self.r.grade_of(text), area, key, None, False, "grid_row"))
        return out

    def area_column(self, column: str) -> bool:
        """Whether a grid column names an area of the row's label ('Helped and protected'), not a time or overall."""
        return not (self.r.grid_time_column.match(column) or self.r.grid_overall_column.match(column))

    def grid_cells(self, line: str, pos: int) -> list[tuple[int, str]]:
        """(offset, text) of each cell of a row, split at the table's cell separators."""
        if not holds_any(line, required_characters(self.r.grid_cell_separator)):  # most lines: prose, one cell
            text = line.strip()
            return [(pos + len(line) - len(line.lstrip()), text)] if text else []
        out, at = [], 0
        for m in list(self.r.grid_cell_separator.finditer(line)) + [None]:
            end = m.start() if m else len(line)
            text = line[at:end]
            lead = len(text) - len(text.lstrip())
            if text.strip():
                out.append((pos + at + lead, text.strip()))
            at = m.end() if m else at
        return out

    def grid_header(self, lines: list[tuple[int, str]], k: int, width: int) -> Optional[list[str]]:
        """The header row above a grid row: the nearest line before it, in an unbroken run of rows of the same
        number of cells, that holds no grade; None when there is none."""
        j = k - 1
        while j >= 0:
            cells = [text for _, text in self.grid_cells(lines[j][1], lines[j][0])]
            if len(cells) != width:
                return None
            if not any(self.r.grade_alone.match(text) for text in cells):
                return cells
            j -= 1
        return None

    def domain_heading(self, lines: list[tuple[int, str]], k: int) -> Optional[str]:
        """The area a run of table rows sits under: the short heading line just above the run (`Domain two: court
        disposals`) when it names an area other than overall; None otherwise."""
        j = k - 1
        while j >= 0 and (self.r.table_row.match(lines[j][1]) or self.r.grade_alone.match(lines[j][1])):
            j -= 1
        if j < 0:
            return None
        heading = lines[j][1].strip()
        if len(heading.split()) > self.r.domain_heading_words or heading.endswith((".", "!", "?")):
            return None
        named = list(self.r.area_term.finditer(heading))
        if not named or self.area_key(named[-1].group()) == "overall":
            return None
        return named[-1].group()
