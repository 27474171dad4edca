"""Timeline of judgements and inspections per authority, checked against the official record.

Every judgement and inspection an archive mentions becomes an event placed in time: the year or
inspection date the text gives (`dated_by: "text"`), else the date of an inspection mentioned near the
judgement (`"inspection"`), else the document's meeting date (`"meeting"`), else, for a document without
one (an inspection report), the latest date it gives (`"document"`), else undated. The same
judgement mentioned in ten meetings is one event with ten sources (document, span); a judgement dated
only by its meeting joins the latest event of the same area and grade stated for an earlier or the same
year. Forecasts (`would be judged good`) are hopes, not judgements, and stay out.

Where the official record (the Ofsted ILACS history: ../shared/reference/ofsted_ilacs_history.csv) has
the inspection, each judgement says `agrees`, `differs` (with both grades) or `not in record` (no such
inspection, or no readable grade for that area). A difference is for an analyst to look at, never
overwritten.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date as Date
from pathlib import Path
from typing import Iterable, Literal, Optional

from pydantic import Field

from ..errors import UsageError
from ..records import Closed
from .gazetteer import AuthorityMatch, Gazetteer, InDocument, document_date, load_gazetteer, resolve

HOLDERS = "unassigned", "items"
Comparison = Literal["agrees", "differs", "not in record"]


class Source(InDocument):
    start: int
    end: int
    text: str
    meeting_date: Optional[str] = None


class OfficialInspection(Closed):
    """One row of the official record."""
    authority: str
    urn: str
    published: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None
    framework: Optional[str] = None
    grades: dict[str, Optional[str]] = Field(default_factory=dict, description="record column -> grade or None")


class Check(Closed):
    status: Comparison
    archive_grade: Optional[str] = None
    official_grade: Optional[str] = None
    official_published: Optional[str] = None
    official_inspection: Optional[str] = Field(default=None, description="start/end of the official inspection")
    matched_by: Optional[str] = None


class Event(Closed):
    authority_id: str
    authority: str
    kind: Literal["judgement", "inspection"]
    area: Optional[str] = None
    grade: Optional[str] = None
    inspection_kind: Optional[str] = None
    status: Optional[str] = Field(default=None, description="Inspections: completed / planned")
    date: Optional[str] = Field(default=None, description="ISO, possibly partial (2019, 2021-07)")
    dated_by: Optional[Literal["text", "inspection", "meeting", "document"]] = Field(
        default=None, description="text: the year or date the mention gives; inspection: a dated inspection beside it; "
                                  "meeting: the meeting date; document: no meeting date, the latest date the document gives")
    sources: list[Source] = Field(default_factory=list)
    official: Optional[Check] = None


# -- the official record -----------------------------------------------------------------------------
def _iso(day_month_year: str) -> Optional[str]:
    """'09/05/25' or '17/03/2025' -> '2025-05-09'."""
    parts = (day_month_year or "").strip().split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    day, month, year = (int(p) for p in parts)
    year += 2000 if year < 100 else 0
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return None


def load_official(path: Path, gaz: Optional[Gazetteer] = None) -> dict[str, list[OfficialInspection]]:
    """The official record by gazetteer authority id, newest first."""
    gaz = gaz or load_gazetteer()
    by_name = {a.ofsted_name: a.id for a in gaz.authorities if a.ofsted_name}
    columns = [a.column for a in gaz.rules.timeline.areas]
    grades = gaz.rules.timeline.official_grades
    found: dict[str, list[OfficialInspection]] = defaultdict(list)
    try:
        handle = open(path, newline="", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read the official record {path}: {exc.strerror or exc}") from exc
    with handle:
        for row in csv.DictReader(handle):
            ident = by_name.get((row.get("local_authority") or "").strip())
            if not ident:
                continue
            found[ident].append(OfficialInspection(
                authority=ident, urn=row["urn"], published=_iso(row.get("publication_date", "")),
                start=_iso(row.get("inspection_start_date", "")), end=_iso(row.get("inspection_end_date", "")),
                framework=row.get("inspection_framework") or None,
                grades={c: grades.get((row.get(c) or "").strip().lower()) for c in columns}))
    for rows in found.values():
        rows.sort(key=lambda r: r.published or "", reverse=True)
    return dict(found)


def area_column(area: str, gaz: Gazetteer) -> Optional[str]:
    """The record column a judgement area belongs to ('Children who need help and protection' ->
    help_and_protection_grade), None for areas the record does not grade (adoption, a fostering agency)."""
    lowered = area.lower()
    for rule in gaz.rules.timeline.areas:
        if any(name == lowered if name == "overall" else name in lowered for name in rule.names):
            return rule.column
    return None


def _inspection_dates(row: OfficialInspection) -> list[str]:
    return [d for d in (row.start, row.end, row.published) if d]


def check(event: Event, rows: list[OfficialInspection], gaz: Gazetteer) -> Check:
    """Compare one judgement event with the official inspection it refers to."""
    base = dict(archive_grade=event.grade)
    column = area_column(event.area or "overall", gaz)
    row, how = None, None
    if event.date and event.dated_by in ("text", "inspection"):
        row = next((r for r in rows if any(d.startswith(event.date) for d in _inspection_dates(r))), None) or \
            next((r for r in reversed(rows) if not r.start and r.published  # older rows: publication date only
                  and r.published[:4] == event.date[:4] and r.published >= event.date), None)
        how = f"inspection in {event.date}"
    elif event.date and event.dated_by == "document":
        row = next((r for r in rows if r.start and r.start[:len(event.date)] <= event.date
                    and event.date <= (r.published or r.end or "")[:len(event.date)]), None) or \
            next((r for r in rows if r.published and r.published[:len(event.date)] <= event.date), None)
        how = f"inspection under way or reported by {event.date}"
    elif event.date and event.dated_by == "meeting":
        row = next((r for r in rows if r.published and r.published <= event.date), None)
        how = f"latest published before the meeting on {event.date}"
    if row is None or column is None:
        return Check(status="not in record", **base, matched_by=how if row is None else "area not graded in the record")
    official = row.grades.get(column)
    info = dict(official_published=row.published, matched_by=how,
                official_inspection="/".join(d for d in (row.start, row.end) if d) or None)
    if official is None:
        return Check(status="not in record", **base, **info)
    return Check(status="agrees" if official == event.grade else "differs", official_grade=official, **base, **info)


# -- events from records -------------------------------------------------------------------------------
def _holders(record: dict) -> Iterable[dict]:
    yield record.get("unassigned") or {}
    yield from record.get("items", [])


def _source(record: dict, e: dict) -> Source:
    return Source(doc_id=record["doc_id"], path=record["source"]["path"], start=e["span"]["start"],
                  end=e["span"]["end"], text=e["text"][:300], meeting_date=(record.get("meeting") or {}).get("date"))


def _judgement_date(j: dict, holder: dict, record: dict, link_chars: int) -> tuple[Optional[str], Optional[str]]:
    if j.get("year"):
        return str(j["year"]), "text"
    done = [i for i in holder.get("inspections", []) if i.get("dates") and i.get("status") == "completed"]
    near = done if len({i["kind"] for i in done}) == 1 and len(done) == 1 else \
        [i for i in done if abs(i["span"]["start"] - j["span"]["start"]) <= link_chars]  # the item's only inspection, or a near one
    if near:
        closest = min(near, key=lambda i: abs(i["span"]["start"] - j["span"]["start"]))
        return min(closest["dates"])[:7], "inspection"
    meeting = (record.get("meeting") or {}).get("date")
    if meeting:
        return meeting, "meeting"
    latest = document_date(record)  # an inspection report: the last date it gives, its inspection's end
    return (latest, "document") if latest else (None, None)


def area_label(area: str, gaz: Gazetteer) -> str:
    """'The experiences and progress of care leavers' -> 'Care leavers': what tells areas apart."""
    short = re.sub(gaz.rules.timeline.area_prefix, "", " ".join(area.replace("’", "'").split()), flags=re.I)
    return short[:1].upper() + short[1:] if short else area


def _norm_area(area: str, gaz: Gazetteer) -> str:
    return area_label(area, gaz).lower()


def build_timeline(records: Iterable[dict], gaz: Optional[Gazetteer] = None,
                   official: Optional[dict[str, list[OfficialInspection]]] = None,
                   matches: Optional[dict[str, AuthorityMatch]] = None) -> list[Event]:
    """Events per authority from `extract` records (documents whose authority is unknown are left out)."""
    gaz = gaz or load_gazetteer()
    link = gaz.rules.timeline.link_chars
    dated: dict[tuple, Event] = {}
    by_meeting: list[tuple[tuple, Event]] = []
    inspections: dict[tuple, Event] = {}
    for record in records:
        match = (matches or {}).get(record["doc_id"]) or resolve(record, gaz)
        if match.status != "resolved":
            continue
        who = dict(authority_id=match.authority_id, authority=match.name)
        for holder in _holders(record):
            for j in holder.get("judgements", []):
                if j.get("forecast"):
                    continue
                when, how = _judgement_date(j, holder, record, link)
                key = (match.authority_id, _norm_area(j.get("area") or "overall", gaz), j["grade"])
                event = Event(**who, kind="judgement", area=j.get("area") or "overall", grade=j["grade"],
                              date=when, dated_by=how, sources=[_source(record, j)])
                if how in ("text", "inspection", "document"):
                    _merge(dated, key + (when[:4],), event)
                else:
                    by_meeting.append((key, event))
            for i in holder.get("inspections", []):
                when = min(i["dates"]) if i.get("dates") else (record.get("meeting") or {}).get("date")
                how = "text" if i.get("dates") else ("meeting" if when else None)
                if how == "meeting" and i.get("status") == "planned":
                    when, how = None, None  # a planned inspection happens after the meeting, not on it
                # planned in one meeting, done by the next: one inspection (a status of its own only when undated)
                key = (match.authority_id, i["kind"]) + (((when or "")[:7],) if how == "text" else (how, i.get("status")))
                event = Event(**who, kind="inspection", inspection_kind=i["kind"], status=i.get("status"),
                              date=when, dated_by=how, sources=[_source(record, i)])
                _merge(inspections, key, event)
    for key, event in by_meeting:  # 'rated inadequate' in a 2021 meeting: the judgement stated for 2019
        earlier = [e for k, e in dated.items() if k[:3] == key and event.date and e.date[:4] <= event.date[:4]]
        if earlier:
            max(earlier, key=lambda e: e.date).sources.extend(event.sources)
        else:
            _merge(dated, key + ("meeting",), event)
    events = list(dated.values()) + list(inspections.values())
    for event in events:
        event.sources.sort(key=lambda s: (s.meeting_date or "", s.path, s.start))
        if event.kind == "judgement" and official is not None:
            event.official = check(event, official.get(event.authority_id, []), gaz)
    events.sort(key=lambda e: (e.authority, e.date or "9999", e.kind, e.area or e.inspection_kind or ""))
    return events


def _merge(events: dict, key: tuple, event: Event) -> None:
    if key in events:
        kept = events[key]
        kept.sources.extend(event.sources)
        if event.status == "completed":
            kept.status = "completed"
        if event.date and (not kept.date or (event.dated_by == kept.dated_by and event.date < kept.date)):
            kept.date = event.date  # ten meetings mention it: it happened by the first
    else:
        events[key] = event


TIMELINE_COLUMNS = ("authority", "authority_id", "kind", "area", "grade", "inspection_kind", "status", "date",
                    "dated_by", "sources", "documents", "official", "official_grade", "official_published")


def timeline_rows(events: list[Event]) -> list[dict]:
    """The export table: one row per event; `documents` lists path:start-end of every source."""
    rows = []
    for e in events:
        rows.append({
            "authority": e.authority, "authority_id": e.authority_id, "kind": e.kind, "area": e.area,
            "grade": e.grade, "inspection_kind": e.inspection_kind, "status": e.status, "date": e.date,
            "dated_by": e.dated_by, "sources": len(e.sources),
            "documents": "; ".join(f"{s.path}:{s.start}-{s.end}" for s in e.sources),
            "official": e.official.status if e.official else None,
            "official_grade": e.official.official_grade if e.official else None,
            "official_published": e.official.official_published if e.official else None})
    return rows


def default_official_path() -> Optional[Path]:
    """../shared/reference/ofsted_ilacs_history.csv beside the repository, when present."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "reference" / "ofsted_ilacs_history.csv"
        if candidate.is_file():
            return candidate
    return None
