"""Doc -> DocumentRecord: the only reader of doc.spans and doc._ .

Each extraction span becomes a record of the class EXTRACTION_MODELS names for its group, with
text/span/rule from the span and the other fields from its payload; it is filed under the item whose
span contains its start (or `unassigned` when it precedes every item).
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from types import SimpleNamespace
from typing import Callable, Optional

from spacy.tokens import Doc
from spacy.tokens.underscore import Underscore

from .calibrate import confidence_for
from .extensions import EXTRACTION_GROUPS, PAYLOAD_ATTRS, document_text, payloads
from .gc_policy import collector_paused
from .records import (
    EXTRACTION_MODELS, DocumentRecord, Extractions, InspectionReport, Item, Meeting, ReportJudgement, Section,
    SourceInfo, Span,
)


def doc_id_for(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def page_finder(pages: list[int], to_source: Callable[[int], int]) -> Callable[[int], Optional[int]]:
    """Maps a normalised-text offset to its 1-based page (None for unpaged inputs)."""
    if not pages:
        return lambda offset: None
    return lambda offset: max(1, bisect_right(pages, to_source(offset)))


def build_items(doc: Doc) -> list[dict]:
    """The items as plain dicts (DocumentRecord validates the whole record at once: one call into
    pydantic instead of one per model, several times faster)."""
    sections = list(doc.spans.get("sections", []))
    # the sections starting inside each item by bisection (a scan of all sections per item is quadratic)
    by_start = sorted((s.start_char, k) for k, s in enumerate(sections))
    starts = [start for start, _ in by_start]

    def inside(start: int, end: int) -> list:
        found = sorted(k for _, k in by_start[bisect_left(starts, start):bisect_left(starts, end)])
        return [sections[k] for k in found]  # in the span group's own order, as before

    items = []
    for index, span in enumerate(doc.spans.get("items", [])):
        payload = span._.get(PAYLOAD_ATTRS["items"]) or {}
        items.append({
            "index": index,
            "number": payload.get("number"),
            "agenda_number": payload.get("agenda_number"),
            "title": payload.get("title") or None,
            "span": {"start": span.start_char, "end": span.end_char},
            "rule": span.label_ or None,
            "confidence": confidence_for("items", span.label_),
            "sections": [
                {"kind": s.label_, "heading": (s._.get(PAYLOAD_ATTRS["sections"]) or {}).get("heading", ""),
                 "span": {"start": s.start_char, "end": s.end_char}}
                for s in inside(span.start_char, span.end_char)
            ],
        })
    return items


def fill_extractions(doc: Doc, items: list[dict], unassigned: dict, page_of) -> None:
    """Each extraction span's records (dicts) appended to the item holding its start, else `unassigned`."""
    starts = [item["span"]["start"] for item in items]
    text = document_text(doc)  # slicing it is far cheaper than Span.text, which walks the tokens
    confidence: dict[str, Optional[float]] = {}  # per rule of the group: one table look-up per rule, not per record
    for group in EXTRACTION_GROUPS:
        confidence.clear()
        for span in doc.spans.get(group, []):
            start, end = span.start_char, span.end_char
            k = bisect_right(starts, start) - 1
            target = items[k] if k >= 0 else unassigned
            rule = span.label_ or group
            if rule not in confidence:
                confidence[rule] = confidence_for(group, rule)
            for payload in payloads_of(doc, span, group):
                record = {"text": text[start:end], "span": {"start": start, "end": end}, "rule": rule,
                          "page": page_of(start), "confidence": confidence[rule]}
                _add_payload(record, payload)
                target.setdefault(group, []).append(record)


def _span_key_is(start: int, end: int) -> bool:
    """Whether spaCy files a span's extension values in doc.user_data under ("._.", name, start_char,
    end_char), as the spaCy this was written against does."""
    try:
        return Underscore._get_key(SimpleNamespace(_start=start, _end=end), "x") == ("._.", "x", start, end)
    except Exception:
        return False


_DIRECT_PAYLOADS = _span_key_is(3, 7)


def payloads_of(doc: Doc, span, group: str) -> list[dict]:
    """extensions.payloads(span, group), read straight from doc.user_data where spaCy keeps it: building
    the span's Underscore object for each read was a quarter of assembling a record."""
    if not _DIRECT_PAYLOADS:
        return payloads(span, group)
    value = doc.user_data.get(("._.", PAYLOAD_ATTRS[group], span.start_char, span.end_char))
    if value is None:
        return [{}]
    return value if isinstance(value, list) else [value]


def _add_payload(record: dict, payload: dict) -> None:
    """The payload's fields, which never repeat the common ones (as keyword arguments they could not)."""
    for key in payload:
        if key in record:
            raise TypeError(f"got multiple values for keyword argument '{key}'")
    record.update(payload)


def inspection_report(doc: Doc, page_of) -> Optional[dict]:
    """The inspection an inspection report records (minutes_inspection_report's doc._.inspection_report)."""
    data = doc._.inspection_report
    if not data:
        return None
    judgements = []
    for j in data["judgements"]:
        judgement = {"page": page_of(j["span"]["start"])}
        _add_payload(judgement, j)
        judgements.append(judgement)
    report = {"page": page_of(data["span"]["start"]), "judgements": judgements}
    _add_payload(report, {k: v for k, v in data.items() if k != "judgements"})
    return report


def assemble(doc: Doc, source: SourceInfo, pages: Optional[list[int]] = None,
             to_source: Optional[Callable[[int], int]] = None, warnings: Optional[list[str]] = None) -> DocumentRecord:
    text = document_text(doc)
    with collector_paused():  # (a record's objects all stay alive until it is written: gc_policy)
        items = build_items(doc)
        unassigned: dict = {}
        page_of = page_finder(pages or [], to_source or (lambda x: x))
        fill_extractions(doc, items, unassigned, page_of)
        return DocumentRecord.model_validate({
            "doc_id": doc_id_for(text),
            "source": source,
            "document_kind": doc._.document_kind or "minutes",
            "meeting": dict(doc._.meeting or {}),
            "inspection": inspection_report(doc, page_of),
            "text": text,
            "pages": list(pages or []),
            "items": items,
            "unassigned": unassigned,
            "warnings": list(warnings or []),
        })
