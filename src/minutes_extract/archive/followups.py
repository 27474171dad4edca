"""Follow-ups: resolutions that ask for something later, and whether a later meeting took them up.

A resolution clause that asks for a further update, a report back, an item at the next meeting or in
six months (`models/gazetteer_rules.json`, `followups`) becomes a follow-up: what was asked (the
clause and its subject), of whom (where the clause names an officer), by when (a date inside the
resolution, else `next meeting` / `six months` resolved against the meeting date). In an archive the
later meeting of the same body (same authority, body names matching) whose item title or resolutions
match the subject (rapidfuzz) took it up: `met` with that source; otherwise `overdue` when the due date
has passed by the archive's latest meeting (`as_of`, never the wall clock), else `open`.
"""
from __future__ import annotations

import calendar
import re
from datetime import date as Date, timedelta
from typing import Iterable, Literal, Optional

from pydantic import Field
from rapidfuzz import fuzz, utils

from .gazetteer import AuthorityMatch, Gazetteer, InDocument, load_gazetteer, resolve


class TakenUp(InDocument):
    meeting_date: Optional[str] = None
    item_title: Optional[str] = None
    start: int
    end: int
    text: str
    score: float


class FollowUp(InDocument):
    authority_id: Optional[str] = None
    body: Optional[str] = None
    meeting_date: Optional[str] = None
    item_title: Optional[str] = None
    request: str = Field(description="The resolution clause that asks for it")
    subject: str
    of_whom: Optional[str] = None
    due: Optional[str] = Field(default=None, description="ISO date (or month) it is due")
    due_rule: Optional[str] = Field(default=None, description="'date', 'next meeting', '6 months'")
    start: int
    end: int
    status: Literal["met", "overdue", "open"] = "open"
    met_by: Optional[TakenUp] = None


def _clauses(resolution: dict) -> list[tuple[str, int]]:
    """The resolution's clauses with their offsets in the record text (the whole text when it has none)."""
    text, start = resolution["text"], resolution["span"]["start"]
    found = []
    for clause in resolution.get("clauses") or []:
        at = text.find(clause)
        found.append((clause, start + max(at, 0)))
    return found or [(text, start)]


def _add_months(iso: str, months: int) -> str:
    day = Date.fromisoformat(iso)
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return Date(year, month, min(day.day, calendar.monthrange(year, month)[1])).isoformat()


def _dates_in(holder: dict, start: int, end: int) -> list[str]:
    return sorted(d["value"] for d in holder.get("dates", [])
                  if start <= d["span"]["start"] < end and d.get("precision") in ("day", "month") and d["value"][:1].isdigit())


def find_followups(record: dict, gaz: Optional[Gazetteer] = None, match: Optional[AuthorityMatch] = None) -> list[FollowUp]:
    """Follow-ups requested in one `extract` record."""
    gaz = gaz or load_gazetteer()
    rules = gaz.rules.followups
    subject_rx, whom_rx = re.compile(rules.subject, re.I | re.S), re.compile(rules.of_whom, re.S)
    match = match or resolve(record, gaz)
    meeting = record.get("meeting") or {}
    found = []
    for item in record.get("items", []):
        for resolution in item.get("resolutions", []):
            for clause, start in _clauses(resolution):
                lowered = " ".join(clause.lower().replace("’", "'").split())
                cue = next((c for c in rules.cues if c in lowered), None)
                if cue is None or any(n in lowered for n in rules.not_cues):
                    continue
                subject = subject_rx.search(" ".join(clause.split()))
                whom = whom_rx.search(" ".join(clause.split()))
                due, rule = _due(item, start, start + len(clause), lowered, meeting.get("date"), rules.relative)
                found.append(FollowUp(
                    doc_id=record["doc_id"], path=record["source"]["path"],
                    authority_id=match.authority_id if match.status == "resolved" else None,
                    body=meeting.get("body"), meeting_date=meeting.get("date"), item_title=item.get("title"),
                    request=clause.strip(), subject=(subject.group("subject") if subject else clause).strip(" ,"),
                    of_whom=whom.group("who").strip() if whom else None, due=due, due_rule=rule,
                    start=start, end=start + len(clause)))
    return found


def _due(item: dict, start: int, end: int, lowered: str, meeting_date: Optional[str],
         relative: dict[str, int]) -> tuple[Optional[str], Optional[str]]:
    explicit = [d for d in _dates_in(item, start, end) if not meeting_date or d > meeting_date]
    if explicit:
        return explicit[0], "date"
    phrase = next((p for p in relative if p in lowered), None)
    if phrase is None:
        return None, None
    months = relative[phrase]
    if months == 0:
        return None, "next meeting"  # the body's next meeting in the archive decides it
    return (_add_months(meeting_date, months) if meeting_date else None), f"{months} months"


def _norm(text: Optional[str]) -> str:
    return utils.default_process((text or "").replace("’", "'"))


def _same_body(a: Optional[str], b: Optional[str], threshold: float) -> bool:
    return bool(a and b) and fuzz.token_set_ratio(_norm(a), _norm(b)) >= threshold


def track(records: Iterable[dict], gaz: Optional[Gazetteer] = None, as_of: Optional[str] = None,
          matches: Optional[dict[str, AuthorityMatch]] = None) -> list[FollowUp]:
    """Every follow-up of the archive with its status. `as_of` (ISO) defaults to the latest meeting of the
    same authority in the archive: a follow-up due before it and not taken up is overdue."""
    gaz = gaz or load_gazetteer()
    rules = gaz.rules.followups
    records = list(records)
    matches = matches or {r["doc_id"]: resolve(r, gaz) for r in records}
    latest: dict[str, str] = {}  # authority -> its latest meeting in the archive: what 'overdue' is judged by
    for r in records:
        ident, day = matches[r["doc_id"]].authority_id, (r.get("meeting") or {}).get("date")
        if ident and day and day > latest.get(ident, ""):
            latest[ident] = day
    result = []
    for record in records:
        for f in find_followups(record, gaz, matches[record["doc_id"]]):
            later = _later_meetings(f, records, matches, rules)
            if f.due_rule == "next meeting" and later and not f.due:
                f.due = later[0]["meeting"]["date"]
            f.met_by = _taken_up(f, later, rules.match_threshold)
            if f.met_by:
                f.status = "met"
            elif f.due and (as_of or latest.get(f.authority_id or "", "")) > f.due:
                f.status = "overdue"
            result.append(f)
    return result


def _later_meetings(f: FollowUp, records: list[dict], matches: dict, rules) -> list[dict]:
    """Dated records of the same authority and body after the request, earliest first."""
    if f.authority_id is None:
        return []
    if f.meeting_date:
        after = lambda d: d > f.meeting_date  # noqa: E731
    elif f.due:
        floor = (Date.fromisoformat(_day(f.due)) - timedelta(days=rules.undated_window_days)).isoformat()
        after = lambda d: d >= floor  # noqa: E731
    else:
        return []
    later = [r for r in records if r["doc_id"] != f.doc_id and (r.get("meeting") or {}).get("date")
             and matches[r["doc_id"]].authority_id == f.authority_id and after(r["meeting"]["date"])
             and _same_body(f.body, r["meeting"].get("body"), rules.body_threshold)]
    return sorted(later, key=lambda r: r["meeting"]["date"])


def _day(iso: str) -> str:
    return iso if len(iso) == 10 else iso[:7] + "-01"


def _taken_up(f: FollowUp, later: list[dict], threshold: float) -> Optional[TakenUp]:
    """The best item of a later meeting whose title or resolutions match the request's subject."""
    best: Optional[TakenUp] = None
    subject = _norm(f.subject)
    for record in later:
        for item in record.get("items", []):
            texts = [(item.get("title"), item["span"])] + [(r["text"], r["span"]) for r in item.get("resolutions", [])]
            for text, span in texts:
                if not text:
                    continue
                score = fuzz.token_set_ratio(subject, _norm(text))
                if score >= threshold and (best is None or score > best.score):
                    best = TakenUp(doc_id=record["doc_id"], path=record["source"]["path"],
                                   meeting_date=record["meeting"]["date"], item_title=item.get("title"),
                                   start=span["start"], end=span["end"], text=text[:300], score=round(score, 1))
        if best is not None:
            return best  # the earliest later meeting that took it up
    return best


FOLLOWUP_COLUMNS = ("authority_id", "body", "meeting_date", "item_title", "subject", "of_whom", "due", "due_rule",
                    "status", "met_on", "met_in", "met_item", "path", "start", "end", "request")


def followup_rows(followups: list[FollowUp]) -> list[dict]:
    """The export table: one row per follow-up."""
    return [{"authority_id": f.authority_id, "body": f.body, "meeting_date": f.meeting_date, "item_title": f.item_title,
             "subject": f.subject, "of_whom": f.of_whom, "due": f.due, "due_rule": f.due_rule, "status": f.status,
             "met_on": f.met_by.meeting_date if f.met_by else None, "met_in": f.met_by.path if f.met_by else None,
             "met_item": f.met_by.item_title if f.met_by else None, "path": f.path, "start": f.start, "end": f.end,
             "request": f.request} for f in followups]
