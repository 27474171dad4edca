"""Every Doc/Span extension and span-group key, in one table.

Extensions are registered at import, so spawned worker processes that import the package get them.
Span extension values are keyed by character offsets, so each concept has its own attribute name.

Span groups (doc.spans[KEY]):
  items        one span per agenda item; span.label_ = "item"; payload span._.item = {"number", "title",
               "title_start", "title_end"}
  sections     headed sections inside items; span.label_ = kind (decision, minutes, resolved,
               recommendations, summary, ...); payload span._.section = {"heading": str}
  blocks       paragraphs and bullets; span.label_ in {"paragraph", "bullet", "heading", "table_row"};
               payload span._.block = {"intro": (start, end) | None, "level": int}
               `intro` is the sentence introducing the bullet list the block belongs to.
  resolutions, findings, metrics, dates, judgements, inspections, votes
               extractions; span.label_ = the rule id; payload span._.<PAYLOAD_ATTRS[group]> = dict (or a
               list of dicts when one span yields several records, e.g. "14 and 15 December 2021") holding
               the record fields other than text/span/rule/page.
Doc extensions:
  doc._.meeting        {"authority", "body", "date"} (minutes_meeting)
  doc._.meeting_date   ISO date str or None: the date used to resolve year-less dates
  doc._.document_kind  "inspection_report" or "minutes" (minutes_document_kind; None before it ran)
  doc._.inspection_report  the InspectionReport fields as a dict (minutes_inspection_report), else None
"""
from __future__ import annotations

from typing import Iterable

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Span

STRUCTURE_GROUPS = ("items", "sections", "blocks")
EXTRACTION_GROUPS = ("resolutions", "findings", "metrics", "dates", "judgements", "inspections", "votes")

PAYLOAD_ATTRS = {
    "items": "item",
    "sections": "section",
    "blocks": "block",
    "resolutions": "resolution",
    "findings": "finding",
    "metrics": "metric",
    "dates": "date_ref",
    "judgements": "judgement",
    "inspections": "inspection",
    "votes": "vote",
}

DOC_ATTRS = ("meeting", "meeting_date", "document_kind", "inspection_report")


def register() -> None:
    for attr in PAYLOAD_ATTRS.values():
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=None)
    for attr in DOC_ATTRS:
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)


_TEXT_KEY = "minutes_extract.text"


def document_text(doc: Doc) -> str:
    """doc.text, built once per Doc: spaCy rebuilds it from every token on each access, which costs
    about a third of tokenising; every component reads the copy kept here."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        strings = doc.vocab.strings  # from two arrays: several times faster than Doc.text
        text = "".join(strings[orth] + (" " if space else "") for orth, space in doc.to_array([ORTH, SPACY]).tolist())
        doc.user_data[_TEXT_KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Seed the cache with the text the Doc was made from (the caller already holds it)."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def _payloads_in_user_data() -> bool:
    """Does this spaCy keep `span._.<name>` in doc.user_data[("._.", name, start_char, end_char)]
    (spacy/tokens/underscore.py)? Asked once, on a two-token Doc."""
    from spacy.vocab import Vocab
    doc = Doc(Vocab(), words=["a", "b"])
    span = doc[1:2]
    span._.set(PAYLOAD_ATTRS["blocks"], "probe")
    return doc.user_data.get(("._.", PAYLOAD_ATTRS["blocks"], span.start_char, span.end_char)) == "probe"


def set_spans(doc: Doc, group: str, found: Iterable[tuple[int, int, str, object]]) -> Doc:
    """Writes extraction group `group`: a span per (start, end, rule, payload) found, widened to whole
    tokens, its payload in span._.<PAYLOAD_ATTRS[group]>; offsets that give no span are dropped. The
    payload goes straight into doc.user_data where spaCy keeps it: an Underscore object per span cost
    more than the span itself."""
    spans = []
    attr, user_data, char_span = PAYLOAD_ATTRS[group], doc.user_data, doc.char_span
    for start, end, rule, payload in found:
        span = char_span(start, end, label=rule, alignment_mode="expand")
        if span is None:
            continue
        if _DIRECT_PAYLOADS:
            user_data[("._.", attr, span.start_char, span.end_char)] = payload
        else:
            span._.set(attr, payload)
        spans.append(span)
    doc.spans[group] = spans
    return doc


def payloads(span: Span, group: str) -> list[dict]:
    """The payload dicts a span carries for an extraction group (a span may carry several)."""
    value = span._.get(PAYLOAD_ATTRS[group])
    if value is None:
        return [{}]
    return value if isinstance(value, list) else [value]


register()
_DIRECT_PAYLOADS = _payloads_in_user_data()
