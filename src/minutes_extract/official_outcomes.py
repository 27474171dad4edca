"""Inspection reports checked against the official outcomes (Ofsted's ILACS history: one CSV row per
published inspection, with its authority, publication date, inspection dates and grades per area).

No spaCy and no pipeline: it reads records. A report's row is the one for the same authority and the same
publication date (as the report states it, else as its file name gives it, `durham-2016-05-16.pdf`), else
the one with the same inspection dates. Where the report's grades differ from the row's, the record gets
a warning naming both; rows whose grades could not be read (`data_unreadable`) check nothing.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterable, Optional

from .records import DocumentRecord

# Area key (records.AreaKey) -> column of the CSV.
GRADE_COLUMNS = {
    "overall": "overall_effectiveness_grade",
    "impact_of_leaders": "impact_of_leaders_grade",
    "help_and_protection": "help_and_protection_grade",
    "in_care": "in_care_grade",
    "care_leavers": "care_leavers_grade",
}
GRADES = {"outstanding": "outstanding", "good": "good", "requires improvement": "requires_improvement",
          "inadequate": "inadequate"}
NOT_GRADED = {"not_reported_post_reform", "inspection_pre_dates_judgement"}  # the area had no judgement then
UNREADABLE = "data_unreadable"

_COUNCIL_WORDS = re.compile(r"\b(?:the|council|borough|county|city|metropolitan|district|royal|london|of)\b")
_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@dataclass
class OfficialOutcome:
    authority: str
    published: Optional[str]
    framework: Optional[str]
    lead_inspector: Optional[str]
    start_date: Optional[str]
    end_date: Optional[str]
    grades: dict[str, str] = field(default_factory=dict)  # area key -> grade, a NOT_GRADED value or UNREADABLE


def authority_key(name: str) -> str:
    """'Middlesbrough Borough Council' and 'middlesbrough' alike: lower case, no council words or punctuation."""
    name = name.lower().replace("&", " and ").replace("’", "'")
    name = _COUNCIL_WORDS.sub(" ", re.sub(r"[^\w' ]", " ", name))
    return " ".join(name.split())


def _iso(day_month_year: str) -> Optional[str]:
    for fmt in ("%d/%m/%y", "%d/%m/%Y"):
        try:
            return datetime.strptime(day_month_year.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _grade(cell: str) -> str:
    cell = cell.strip().lower()
    return GRADES.get(cell, cell or UNREADABLE)


def load_outcomes(path: Path) -> list[OfficialOutcome]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [OfficialOutcome(
            authority=authority_key(row["local_authority"]),
            published=_iso(row["publication_date"]),
            framework=row.get("inspection_framework") or None,
            lead_inspector=row.get("inspector_name") or None,
            start_date=_iso(row.get("inspection_start_date") or ""),
            end_date=_iso(row.get("inspection_end_date") or ""),
            grades={key: _grade(row.get(column, "")) for key, column in GRADE_COLUMNS.items()},
        ) for row in csv.DictReader(handle)]


def publication_date(record: DocumentRecord) -> Optional[str]:
    """As the report states it, else the ISO date in its file name."""
    if record.inspection and record.inspection.published:
        return record.inspection.published
    m = _ISO_IN_NAME.search(Path(record.source.path).name)
    return "-".join(m.groups()) if m else None


def find_outcome(record: DocumentRecord, outcomes: Iterable[OfficialOutcome]) -> Optional[OfficialOutcome]:
    inspection = record.inspection
    if inspection is None or not (inspection.authority or record.meeting.authority):
        return None
    authority = authority_key(inspection.authority or record.meeting.authority or "")
    same = [o for o in outcomes if o.authority == authority]
    published = publication_date(record)
    by_date = [o for o in same if published and o.published == published]
    if by_date:
        return by_date[0]
    by_visit = [o for o in same if inspection.start_date and o.start_date == inspection.start_date
                and o.end_date == inspection.end_date]
    return by_visit[0] if by_visit else None


def disagreements(record: DocumentRecord, outcome: OfficialOutcome) -> list[str]:
    """'area: report X, official Y' for every area where the report and the official row differ."""
    read = {j.key: j.grade for j in record.inspection.judgements} if record.inspection else {}
    out = []
    for key in GRADE_COLUMNS:
        official = outcome.grades.get(key, UNREADABLE)
        if official == UNREADABLE:
            continue
        mine = read.get(key)
        expected = None if official in NOT_GRADED else official
        if mine != expected:
            out.append(f"{key}: report {mine or 'none'}, official {official}")
    return out


def check_record(record: DocumentRecord, outcomes: list[OfficialOutcome]) -> list[str]:
    """The warnings a record's inspection earns against the official outcomes (none for other documents)."""
    if record.document_kind != "inspection_report" or record.inspection is None:
        return []
    outcome = find_outcome(record, outcomes)
    if outcome is None:
        return [f"no official outcome for {record.inspection.authority} published {publication_date(record)}"]
    differ = disagreements(record, outcome)
    if not differ:
        return []
    return [f"inspection judgements disagree with the official record for {outcome.authority} published "
            f"{outcome.published}: " + "; ".join(differ)]


def with_checks(record: DocumentRecord, outcomes: list[OfficialOutcome]) -> DocumentRecord:
    """The record with its official-outcome warnings added."""
    warnings = check_record(record, outcomes)
    return record.model_copy(update={"warnings": record.warnings + warnings}) if warnings else record
