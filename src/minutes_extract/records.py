"""The record contract: pydantic v2 models written as JSONL (one DocumentRecord per input).

This module never imports spaCy. Every extraction carries `text`, `span` (character offsets into
`DocumentRecord.text`), `rule` (the pattern or cue that fired) and, for paged inputs, `page`.
Bump SCHEMA_VERSION on any incompatible change; `tests/test_schema.py` checks the committed snapshot.
"""
from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, model_serializer, model_validator

from .kinds import Attribution, Polarity

SCHEMA_VERSION = "1.0"


CONFIDENCE_NOTE = ("Smoothed precision its rule measured on the annotated sets (models/confidence.json, "
                   "`make calibrate`)")


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Closed):
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError("span end before start")
        return self


class Extraction(Closed):
    text: str
    span: Span
    rule: str = Field(description="The rule, pattern or cue that produced this extraction")
    page: Optional[int] = Field(default=None, ge=1, description="1-based page the span starts on (paged inputs)")
    confidence: Optional[float] = Field(default=None, ge=0, le=1, description=CONFIDENCE_NOTE)


ResolutionVerb = Literal["resolved", "agreed", "decided", "recommended", "noted"]


class Resolution(Extraction):
    verb: ResolutionVerb
    clauses: list[str] = Field(default_factory=list)
    copies: list[Span] = Field(default_factory=list, description="Where the same decision is printed again")


class Finding(Extraction):
    polarity: Polarity
    cue: Optional[str] = Field(default=None, description="The cue or heading that decided the polarity")
    attributed_to: Optional[Attribution] = None


MetricKind = Literal["money", "percentage", "caseload", "count", "duration"]


class Metric(Extraction):
    kind: MetricKind
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    per: Optional[str] = None
    approximate: bool = False
    comparator: Optional[Literal["lt", "gt", "le", "ge"]] = None
    subject: Optional[str] = None
    direction: Optional[Literal["overspend", "underspend", "saving", "pressure"]] = Field(
        default=None, description="What a money amount is, where the text says (`an overspend of £2m`)")


class DateMention(Extraction):
    value: str = Field(description="ISO date, possibly partial: 2022-01-25, 2022-01, 2022, XXXX-04-16, 2021/22")
    precision: Literal["day", "month", "season", "year", "financial_year", "decade"]
    year_from: Optional[Literal["meeting", "context"]] = Field(
        default=None, description="Where the year of a year-less mention came from: the meeting date or a nearby date")


Grade = Literal["outstanding", "good", "requires_improvement", "inadequate"]


class Judgement(Extraction):
    area: str = "overall"
    grade: Grade
    year: Optional[int] = None
    forecast: bool = False


InspectionKind = Literal[
    "ilacs", "sif", "focused_visit", "monitoring_visit", "jtai", "annual_engagement", "fostering", "send", "other"
]


class Inspection(Extraction):
    kind: InspectionKind
    dates: list[str] = Field(default_factory=list)
    status: Optional[Literal["completed", "planned"]] = None
    focus: Optional[str] = None


VoteKind = Literal["motion", "amendment", "recommendation", "procedural"]
VoteOutcome = Literal["carried", "lost", "agreed", "withdrawn", "unanimous"]


class RecordedVote(Closed):
    for_: list[str] = Field(default_factory=list, alias="for", description="Names listed as voting for")
    against: list[str] = Field(default_factory=list)
    abstain: list[str] = Field(default_factory=list)
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_serializer(mode="wrap")
    def _for_key(self, handler):
        return _renamed_for(handler(self))


class Vote(Extraction):
    """How a decision was taken: a motion, amendment, recommendation or procedural question put to the meeting."""
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    kind: VoteKind
    subject: Optional[str] = Field(default=None, description="The text voted on, or its reference ('the amendment')")
    proposer: Optional[str] = None
    seconder: Optional[str] = None
    outcome: VoteOutcome
    for_: Optional[int] = Field(default=None, ge=0, alias="for", description="Votes for, where stated")
    against: Optional[int] = Field(default=None, ge=0, description="Votes against, where stated")
    abstain: Optional[int] = Field(default=None, ge=0, description="Abstentions, where stated")
    recorded: Optional[RecordedVote] = Field(default=None, description="Names under For / Against / Abstain of a recorded vote")
    resolution_index: Optional[int] = Field(
        default=None, ge=0, description="Index, in the same item's resolutions, of the decision this vote produced")

    @model_serializer(mode="wrap")
    def _for_key(self, handler):
        return _renamed_for(handler(self))


def _renamed_for(data):
    """`for` is a Python keyword: the field is `for_`, the record key `for`."""
    if isinstance(data, dict) and "for_" in data:
        data = {("for" if k == "for_" else k): v for k, v in data.items()}
    return data
AreaKey = Literal["overall", "impact_of_leaders", "help_and_protection", "in_care", "care_leavers", "adoption",
                  "lscb", "other"]


class ReportJudgement(Extraction):
    area: str = Field(description="The judgement's area as the report writes it")
    key: AreaKey = Field(description="The area on the official record's columns (ofsted_ilacs_history.csv)")
    grade: Grade
    source: Literal["table", "heading"] = Field(
        description="Where the report gives it: its judgement table, or the grade heading over its section")


class InspectionReport(Extraction):
    """The inspection a report or letter is the outcome of (document_kind "inspection_report"); text and span
    are the report's title line."""
    kind: InspectionKind
    framework: Optional[Literal["standard", "short"]] = Field(
        default=None, description="An ILACS inspection's type, as on the official record: standard (two weeks on "
        "site) or short (one week); read from the text, else from the length of the visit")
    title: str
    authority: Optional[str] = None
    inspectorate: Optional[str] = None
    lead_inspector: Optional[str] = None
    start_date: Optional[str] = Field(default=None, description="First day on site (ISO)")
    end_date: Optional[str] = Field(default=None, description="Last day on site (ISO)")
    published: Optional[str] = Field(default=None, description="Publication date where the report states it (ISO)")
    judgements: list[ReportJudgement] = Field(default_factory=list, description="One per area")


DocumentKind = Literal["minutes", "inspection_report"]


class Section(Closed):
    kind: str
    heading: str
    span: Span


class Extractions(Closed):
    resolutions: list[Resolution] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    judgements: list[Judgement] = Field(default_factory=list)
    inspections: list[Inspection] = Field(default_factory=list)
    votes: list[Vote] = Field(default_factory=list)


class Item(Extractions):
    index: int = Field(ge=0)
    number: Optional[str] = None
    agenda_number: Optional[str] = Field(default=None, description="The agenda position printed beside a minute "
                                         "number ('(Item 3)' under '285. Title'); the minute number is `number`")
    title: Optional[str] = None
    span: Span
    rule: Optional[str] = Field(default=None, description="The layout rule that found the item heading")
    confidence: Optional[float] = Field(default=None, ge=0, le=1, description=CONFIDENCE_NOTE)
    sections: list[Section] = Field(default_factory=list)


class SourceInfo(Closed):
    path: str = Field(description="The input's path; bytes that are not UTF-8 shown as \\xNN escapes")
    format: Literal["text", "html", "pdf", "docx", "unknown"] = "text"
    sha256: Optional[str] = None
    size: Optional[int] = Field(default=None, ge=0)
    path_bytes: Optional[str] = Field(
        default=None, description="base64 of the path's bytes, only when the file name is not valid UTF-8")

    @model_serializer(mode="wrap")
    def _without_absent_path_bytes(self, handler):
        data = handler(self)
        if data.get("path_bytes") is None:
            data.pop("path_bytes", None)  # present only for non-UTF-8 names: other records stay as they were
        return data


class Meeting(Closed):
    authority: Optional[str] = None
    body: Optional[str] = None
    date: Optional[str] = None


class DocumentRecord(Closed):
    schema_version: str = SCHEMA_VERSION
    doc_id: str = Field(description="sha256 of the normalised text, first 16 hex digits")
    source: SourceInfo
    document_kind: DocumentKind = Field(
        default="minutes", description="inspection_report: an inspectorate's report or letter, read as one; "
        "minutes: minutes, agendas, committee reports and decision notices")
    meeting: Meeting = Field(default_factory=Meeting)
    inspection: Optional[InspectionReport] = Field(
        default=None, description="The inspection an inspection report records (document_kind inspection_report)")
    text: str
    pages: list[int] = Field(default_factory=list, description="Character offset where each page starts (paged inputs)")
    items: list[Item] = Field(default_factory=list)
    unassigned: Extractions = Field(
        default_factory=Extractions, description="Extractions that fall before the first item (headers, front matter)"
    )
    warnings: list[str] = Field(default_factory=list)


class ErrorInfo(Closed):
    code: str
    message: str


class ErrorRecord(Closed):
    schema_version: str = SCHEMA_VERSION
    source: SourceInfo
    error: ErrorInfo


OutputRecord = Union[DocumentRecord, ErrorRecord]

# Extraction groups: span-group name -> record class. assemble.py and the exporters read this table.
EXTRACTION_MODELS: dict[str, type[Extraction]] = {
    "resolutions": Resolution,
    "findings": Finding,
    "metrics": Metric,
    "dates": DateMention,
    "judgements": Judgement,
    "inspections": Inspection,
    "votes": Vote,
}
