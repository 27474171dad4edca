"""Which schema validates which rule file (names relative to models/)."""
from __future__ import annotations

from fnmatch import fnmatch
from typing import Optional

from pydantic import BaseModel

from .calendar import CALENDAR_FILE, CalendarRules
from .confidence import ConfidenceTable
from .dates import DatesRules
from .findings import ContextRow, CueRow, FindingsRules, ModifierRow
from .document_kind import DocumentKindRules
from .inspection_report import InspectionReportRules
from .inspections import InspectionsRules
from .judgements import JudgementsRules
from .meeting import MeetingRules
from .metrics import MetricsRules
from .resolutions import ResolutionsRules
from .votes import VotesRules
from .segmenter import SegmenterRules

# A .json file is validated whole; a .jsonl file row by row.
SCHEMAS: dict[str, type[BaseModel]] = {
    "rules/metrics.json": MetricsRules,
    "rules/dates.json": DatesRules,
    "rules/meeting.json": MeetingRules,
    "rules/resolutions.json": ResolutionsRules,
    "rules/judgements.json": JudgementsRules,
    "rules/inspections.json": InspectionsRules,
    "rules/findings.json": FindingsRules,
    "lexicons/finding_cues.jsonl": CueRow,
    "lexicons/finding_modifiers.jsonl": ModifierRow,
    "lexicons/finding_context.jsonl": ContextRow,
    "rules/votes.json": VotesRules,
    "rules/segmenter.json": SegmenterRules,
    "rules/inspection_report.json": InspectionReportRules,
    "rules/document_kind.json": DocumentKindRules,
    "confidence.json": ConfidenceTable,
    CALENDAR_FILE: CalendarRules,
}

# The lexicons a rule file names ("lexicons": {key: "lexicons/x.jsonl"}): each validated by the schema of
# the key it is named under, whatever its file is called (a user may point "cues" at their own file).
LEXICON_SCHEMAS: dict[str, dict[str, type[BaseModel]]] = {
    "rules/findings.json": {"cues": CueRow, "modifiers": ModifierRow, "context": ContextRow},
}


def schema_for(name: str) -> Optional[type[BaseModel]]:
    """The schema of rule file `name` ("rules/metrics.json"), None for a file with none."""
    name = name.replace("\\", "/")
    for pattern, schema in SCHEMAS.items():
        if fnmatch(name, pattern):
            return schema
    return None
