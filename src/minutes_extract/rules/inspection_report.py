"""Schema of models/rules/inspection_report.json (minutes_inspection_report)."""
from __future__ import annotations

from typing import Literal

from ..records import AreaKey, Grade, InspectionKind
from .base import Regex, RuleFile, Strict, described


class KindRule(Strict):
    kind: InspectionKind = described("The inspection kind a report whose opening matches is about.")
    pattern: Regex = described("Regex searched in the report's opening; the first kind that matches wins.")


class FrameworkCue(Strict):
    framework: Literal["standard", "short"] = described("The ILACS inspection type the wording states.")
    pattern: Regex = described("Regex searched in the report's opening.")


class Inspectorate(Strict):
    name: str = described("The inspectorate's name as recorded.")
    attributed_to: Literal["ofsted", "inspectors"] = described("What a finding of its report is attributed to.")
    pattern: Regex = described("Regex for the inspectorate named in the report; the first one found wins.")


class AreaRule(Strict):
    key: AreaKey = described("The official record's area this wording names.")
    pattern: Regex = described("Regex for the area as a report writes it.")


class GradeRule(Strict):
    grade: Grade = described("The grade this wording gives.")
    pattern: Regex = described("Regex for the grade's wording (tried in order: longest wordings first).")


class NamedPattern(Strict):
    name: str = described("The rule name.")
    pattern: Regex = described("Regex matched at the start of a block.")


class InspectionReportRules(RuleFile):
    opening_chars: int = described("How much of a report's start holds its title and header fields.", ge=200)
    kinds: list[KindRule] = described("The inspection kind, from the report's opening.")
    title: Regex = described("The report's title line (group `title`).")
    authority_in_title: Regex = described("The authority named in the title (group `authority`).")
    authority_line: Regex = described("A line above the title that is only the authority's name (group `authority`).")
    authority_line_max_chars: int = described("Longest authority line.")
    authority_suffixes: Regex = described("'Council' endings dropped when matching the official record.")
    dates_field: Regex = described("'Inspection dates: ...' (group `value`).")
    dates_sentence: Regex = described("A letter's 'This letter summarises the findings of the visit ... on <dates>' "
                                      "(group `value`), where no dates field is printed.")
    published_field: Regex = described("'Report published: ...' (group `value`).")
    lead_inspector: Regex = described("'Lead inspector: Name, ...' (group `name`).")
    signature: Regex = described("A letter's signature above an inspector's title (group `name`).")
    framework_text: list[FrameworkCue] = described("Wording that states an ILACS inspection's type.")
    standard_min_days: int = described("An ILACS visit this many days long or longer is a standard inspection.")
    framework_kinds: list[InspectionKind] = described("Kinds that have a standard/short type.")
    inspectorates: list[Inspectorate] = described("Inspectorates, tried in order on the report's text.")
    areas: list[AreaRule] = described("Judgement areas: in the judgement table and grade headings.")
    grades: list[GradeRule] = described("Grade wordings.")
    table_line_max_chars: int = described("A longer line ends the judgement table.")
    heading_max_chars: int = described("Longest line read as a grade heading.")
    grade_heading: Regex = described("A body line giving an area's grade (groups `area`, `grade`).")
    improvement_headings: Regex = described("Headings over the points to improve (group `heading`).")
    improvement_intro: Regex = described("A sentence ending in a colon that introduces points to improve.")
    point: Regex = described("A bullet or numbered point line (group `text`).")
    point_continuation_max_chars: int = described("Longest unmarked line read as a point's continuation.")
    footnote_marker: Regex = described("A line that is only a footnote number (skipped inside point lists).")
    not_findings: list[NamedPattern] = described("Blocks that are never findings (contents lines, Ofsted's remit).")
    closing_sections: Regex = described("Headings of factual sections (about the inspection or the area).")
    resume_headings: Regex = described("Headings that end a factual section.")
