"""Which schema validates which rule file (names relative to models/)."""
from __future__ import annotations

from fnmatch import fnmatch
from typing import Optional

from pydantic import BaseModel

from .confidence import ConfidenceTable
from .dates import DatesRules
from .document_kind import DocumentKindRules
from .inspection_report import InspectionReportRules
from .inspections import InspectionsRules
from .judgements import JudgementsRules
from .meeting import MeetingRules
from .metrics import MetricsRules
from .permissive import DRAFT_KEYS, LexiconRowDraft, draft_schema
from .resolutions import ResolutionsRules

# A .json file is validated whole; a .jsonl file row by row.
SCHEMAS: dict[str, type[BaseModel]] = {
    "rules/metrics.json": MetricsRules,
    "rules/dates.json": DatesRules,
    "rules/meeting.json": MeetingRules,
    "rules/resolutions.json": ResolutionsRules,
    "rules/judgements.json": JudgementsRules,
    "rules/inspections.json": InspectionsRules,
    "rules/inspection_report.json": InspectionReportRules,
    "rules/document_kind.json": DocumentKindRules,
    "confidence.json": ConfidenceTable,
    # TODO(lead): permissive until the branches editing these files are merged (see permissive.py)
    **{f"rules/{file}.json": draft_schema(file) for file in DRAFT_KEYS},
    "lexicons/*.jsonl": LexiconRowDraft,
}


def schema_for(name: str) -> Optional[type[BaseModel]]:
    """The schema of rule file `name` ("rules/metrics.json"), None for a file with none."""
    name = name.replace("\\", "/")
    for pattern, schema in SCHEMAS.items():
        if fnmatch(name, pattern):
            return schema
    return None
