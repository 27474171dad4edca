"""Reading an inspection report or letter as one (plain text in, offsets out; no spaCy).

A human reader of an Ofsted report knows it from its opening (a title naming the inspection, `Inspection
dates:`, `Lead inspector:`, a `Judgement Grade` table, `What needs to improve`) and then reads it by its
parts: the header fields, the judgement table, the grade heading over each section, the points listed
under the improvement heading, and the factual parts (contents, information about the area, Ofsted's
remit) that say nothing about how well the service does. `ReportRules` compiles
models/rules/inspection_report.json; `read_report` finds the parts (minutes_document_kind has decided the
document is a report).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ...matching import RuleFields, nonblank_lines

Range = tuple[int, int]


@dataclass
class Named:
    name: str
    pattern: re.Pattern


class ReportRules(RuleFields):
    opening_chars: int
    title: re.Pattern
    authority_in_title: re.Pattern
    authority_line: re.Pattern
    authority_suffixes: re.Pattern
    dates_field: re.Pattern
    dates_sentence: re.Pattern
    published_field: re.Pattern
    lead_inspector: re.Pattern
    signature: re.Pattern
    standard_min_days: int
    framework_kinds: set[str]
    grade_heading: re.Pattern
    improvement_headings: re.Pattern
    improvement_intro: re.Pattern
    point: re.Pattern
    footnote_marker: re.Pattern
    closing_sections: re.Pattern
    resume_headings: re.Pattern

    def __init__(self, rules: dict):
        super().__init__(rules)
        self.kinds = [Named(k["kind"], re.compile(k["pattern"])) for k in rules["kinds"]]
        self.authority_line_max = rules["authority_line_max_chars"]
        self.framework_text = [Named(f["framework"], re.compile(f["pattern"])) for f in rules["framework_text"]]
        self.inspectorates = [(i["name"], i["attributed_to"], re.compile(i["pattern"])) for i in rules["inspectorates"]]
        self.areas = [Named(a["key"], re.compile(a["pattern"])) for a in rules["areas"]]
        self.grades = [Named(g["grade"], re.compile(g["pattern"])) for g in rules["grades"]]
        self.grade_any = re.compile("|".join(f"(?:{g.pattern.pattern.removeprefix('(?i)')})" for g in self.grades),
                                    re.I)  # any grade, the longest wording first ('requires improvement to be good')
        self.table_line_max = rules["table_line_max_chars"]
        self.heading_max = rules["heading_max_chars"]
        self.point_continuation_max = rules["point_continuation_max_chars"]
        self.not_findings = [Named(n["name"], re.compile(n["pattern"])) for n in rules["not_findings"]]


# -- the parts of a report ----------------------------------------------------------------------------

@dataclass
class JudgementHit:
    area: str
    key: str
    grade: str
    start: int
    end: int
    source: str  # table | heading


@dataclass
class Point:
    start: int
    end: int
    heading: str


@dataclass
class Reading:
    kind: str
    title: Range
    authority: Optional[str] = None
    inspectorate: Optional[str] = None
    attributed_to: Optional[str] = None
    lead_inspector: Optional[str] = None
    dates_field: Optional[Range] = None
    published_field: Optional[Range] = None
    framework_stated: Optional[str] = None
    judgements: list[JudgementHit] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    grade_lines: list[Range] = field(default_factory=list)  # table rows and grade headings: never findings
    not_findings: list[Range] = field(default_factory=list)  # header, contents, factual sections, remit


def read_report(text: str, rules: ReportRules) -> Reading:
    lines = nonblank_lines(text)
    opening = text[: rules.opening_chars]
    title = rules.title.search(opening)
    title_range = (title.start("title"), title.end("title")) if title else _first_line(lines)
    reading = Reading(kind=_kind(text[title_range[0]:title_range[1]], opening, rules), title=title_range)
    reading.authority = _authority(text, lines, title_range, rules)
    reading.inspectorate, reading.attributed_to = _inspectorate(text, rules)
    reading.lead_inspector = _lead_inspector(text, opening, rules)
    reading.dates_field = _field_range(rules.dates_field, opening) or _field_range(rules.dates_sentence, opening)
    reading.published_field = _field_range(rules.published_field, opening)
    reading.framework_stated = next((f.name for f in rules.framework_text if f.pattern.search(opening)), None)
    table_start, table_end = _table_region(text, lines, title_range, reading, rules)
    reading.judgements = _table_judgements(text, table_start, table_end, rules)
    reading.grade_lines = [(table_start, table_end)] if table_end > table_start else []
    for hit in _heading_judgements(lines, table_end, rules):
        reading.grade_lines.append((hit.start, hit.end))
        reading.judgements.append(hit)
    reading.points = improvement_points(lines, rules)
    reading.not_findings = [(0, table_start)] + _factual_blocks(lines, rules)
    return reading


def _first_line(lines: list[tuple[int, str]]) -> Range:
    if not lines:
        return 0, 0
    pos, line = lines[0]
    return pos, pos + len(line.rstrip())


def _kind(title: str, opening: str, rules: ReportRules) -> str:
    """The kind the title names, else the first the opening names (a report recalls earlier visits)."""
    for where in (title, opening):
        kind = next((k.name for k in rules.kinds if k.pattern.search(where)), None)
        if kind:
            return kind
    return "other"


def _authority(text: str, lines: list[tuple[int, str]], title: Range, rules: ReportRules) -> Optional[str]:
    """The authority named in the title ('Inspection of West Northamptonshire local authority children's
    services'), else the line above the title when it is only a name ('Middlesbrough Borough Council')."""
    m = rules.authority_in_title.search(text, title[0], title[1])
    if m:
        return m.group("authority").strip()
    above = [line.strip() for pos, line in lines if pos < title[0]]
    if above and len(above[-1]) <= rules.authority_line_max and rules.authority_line.match(above[-1]):
        return above[-1]
    return None


def _inspectorate(text: str, rules: ReportRules) -> tuple[Optional[str], Optional[str]]:
    found = [(m.start(), name, attributed) for name, attributed, pattern in rules.inspectorates
             if (m := pattern.search(text))]
    if not found:
        return None, None
    _, name, attributed = min(found)
    return name, attributed


def _lead_inspector(text: str, opening: str, rules: ReportRules) -> Optional[str]:
    m = rules.lead_inspector.search(opening) or rules.lead_inspector.search(text) or rules.signature.search(text)
    return m.group("name").strip() if m else None


def _field_range(pattern: re.Pattern, opening: str) -> Optional[Range]:
    m = pattern.search(opening)
    return (m.start("value"), m.end("value")) if m else None


def _table_region(text: str, lines: list[tuple[int, str]], title: Range, reading: Reading,
                  rules: ReportRules) -> Range:
    """From the end of the header fields (title, dates, lead inspector, published) to the first long line or
    improvement heading: the judgement table and, in older reports, the overall judgement line."""
    header_ends = [title[1]] + [r[1] for r in (reading.dates_field, reading.published_field) if r]
    lead = rules.lead_inspector.search(text, 0, rules.opening_chars)
    if lead:
        header_ends.append(text.find("\n", lead.end()) if "\n" in text[lead.end():] else len(text))
    start = max(header_ends)
    for pos, line in lines:
        if pos < start:
            continue
        if len(line.strip()) > rules.table_line_max or rules.improvement_headings.match(line):
            return start, pos
    return start, start


def _table_judgements(text: str, start: int, end: int, rules: ReportRules) -> list[JudgementHit]:
    """Each area named in the table takes the first grade after it and before the next area."""
    areas = _area_matches(text, start, end, rules)
    hits = []
    for k, (key, a_start, a_end) in enumerate(areas):
        stop = areas[k + 1][1] if k + 1 < len(areas) else end
        g = rules.grade_any.search(text, a_end, stop)
        if g:
            hits.append(JudgementHit(text[a_start:a_end].strip(), key, grade_of(g.group(0), rules),
                                     a_start, g.end(), "table"))
    return hits


def _area_matches(text: str, start: int, end: int, rules: ReportRules) -> list[tuple[str, int, int]]:
    """(key, start, end) of every area named in text[start:end], earlier and longer matches winning overlaps."""
    found = sorted(((a.name, m.start(), m.end()) for a in rules.areas for m in a.pattern.finditer(text, start, end)),
                   key=lambda t: (t[1], -t[2]))
    kept: list[tuple[str, int, int]] = []
    for hit in found:
        if kept and hit[1] < kept[-1][2]:
            continue
        kept.append(hit)
    return kept


def grade_of(wording: str, rules: ReportRules) -> str:
    return next(g.name for g in rules.grades if g.pattern.search(wording))


def _heading_judgements(lines: list[tuple[int, str]], after: int, rules: ReportRules) -> list[JudgementHit]:
    """Grade headings in the body ('The experiences and progress of children in care: good', 'The Local
    Safeguarding Children Board is good'): a short line that is an area and a grade, and no sentence."""
    hits = []
    for pos, line in lines:
        stripped = line.strip()
        if pos < after or len(stripped) > rules.heading_max:
            continue
        m = rules.grade_heading.match(stripped)
        if not m:
            continue
        area_text = m.group("area")
        areas = [a.name for a in rules.areas if a.pattern.fullmatch(area_text.strip(" :–-"))]
        lead = len(line) - len(line.lstrip())
        if areas:
            hits.append(JudgementHit(area_text.strip(" :–-"), areas[0], grade_of(m.group("grade"), rules),
                                     pos + lead, pos + lead + len(stripped), "heading"))
    return hits


def improvement_points(lines: list[tuple[int, str]], rules: ReportRules) -> list[Point]:
    """Every point under an improvement heading ('What needs to improve', 'Recommendations', 'Areas for
    improvement') or introduced by a sentence naming them: bullets or numbered lines, each with the unmarked
    lines that continue it, up to the first line that is neither (the next heading or paragraph)."""
    points: list[Point] = []
    k = 0
    while k < len(lines):
        pos, line = lines[k]
        head = rules.improvement_headings.match(line) or rules.improvement_intro.search(line)
        if not head:
            k += 1
            continue
        heading = (head.groupdict().get("heading") or line).strip()
        k += 1
        while k < len(lines):
            pos, line = lines[k]
            if rules.footnote_marker.match(line):
                k += 1
                continue
            m = rules.point.match(line)
            if not m:
                break
            points.append(Point(pos + m.start("text"), pos + len(line.rstrip()), heading))
            k += 1
    return points


def _factual_blocks(lines: list[tuple[int, str]], rules: ReportRules) -> list[Range]:
    """Lines that are never findings: contents entries, Ofsted's remit and licence, and the factual
    sections (information about the area or the inspection) up to the next heading that resumes the report."""
    out: list[Range] = []
    in_factual = False
    for pos, line in lines:
        stripped = line.strip()
        end = pos + len(line)
        if rules.closing_sections.match(line):
            in_factual = True
        elif in_factual and rules.resume_headings.match(line):
            in_factual = False
        if in_factual or any(n.pattern.match(stripped) for n in rules.not_findings):
            out.append((pos, end))
    return out
