"""The minutes_inspection_report factory (see the package docstring)."""
from __future__ import annotations

from datetime import date
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401  (registers the extensions)
from ...extensions import PAYLOAD_ATTRS, document_text, payloads
from ..base import RulesOnDisk
from .reader import Range, Reading, ReportRules, read_report

INSPECTION_REPORT = "inspection_report"


class InspectionReportComponent(RulesOnDisk):
    compiled_rules = ReportRules

    def __call__(self, doc: Doc) -> Doc:
        doc._.inspection_report = None
        if doc._.document_kind != INSPECTION_REPORT:
            return doc
        text = document_text(doc)
        reading = read_report(text, self.rules)
        self.write_item(doc, text, reading)
        self.write_sections(doc, text, reading)
        self.refine_findings(doc, reading)
        judgements = judgements_by_area(reading)
        self.add_judgements(doc, judgements)
        doc._.inspection_report = inspection_payload(doc, text, reading, judgements, self.rules)
        self.date_own_mention(doc, reading, doc._.inspection_report)
        return doc

    @staticmethod
    def date_own_mention(doc: Doc, reading: Reading, inspection: dict) -> None:
        """The inspections group's mention of the report's own inspection (its title) takes the report's
        dates and is completed."""
        days = [d for d in (inspection["start_date"], inspection["end_date"]) if d]
        for span in doc.spans.get("inspections", []):
            if _overlaps(span.start_char, span.end_char, [reading.title]):
                for payload in payloads(span, "inspections"):
                    payload["dates"] = sorted(set(payload.get("dates") or []) | set(days))
                    payload["status"] = "completed"

    @staticmethod
    def write_item(doc: Doc, text: str, reading: Reading) -> None:
        """The report is one item, titled by its title line (its numbered paragraphs are paragraphs)."""
        span = doc.char_span(0, len(text), label=INSPECTION_REPORT, alignment_mode="expand")
        if span is None:
            return
        start, end = reading.title
        span._.set(PAYLOAD_ATTRS["items"], {"number": None, "agenda_number": None, "title": text[start:end].strip(),
                                            "title_start": start, "title_end": end})
        doc.spans["items"] = [span]

    @staticmethod
    def write_sections(doc: Doc, text: str, reading: Reading) -> None:
        """A section per improvement list (heading to last point) and per grade heading, beside the
        segmenter's sections."""
        added = []
        for heading, (start, end) in _point_lists(reading):
            added.append(("what_needs_to_improve", start, end, heading))
        for hit in reading.judgements:
            if hit.source == "heading":
                added.append(("judgement_area", hit.start, hit.end, text[hit.start:hit.end]))
        spans = list(doc.spans.get("sections", []))
        for kind, start, end, heading in added:
            span = doc.char_span(start, end, label=kind, alignment_mode="expand")
            if span is not None:
                span._.set(PAYLOAD_ATTRS["sections"], {"heading": heading})
                spans.append(span)
        doc.spans["sections"] = sorted(spans, key=lambda s: (s.start_char, -s.end_char))

    @staticmethod
    def refine_findings(doc: Doc, reading: Reading) -> None:
        """Findings of a report: each point to improve is one development finding (whatever the findings
        component read there); none from the header, table, grade headings, contents or factual sections;
        all attributed to the inspectorate."""
        points = [(p.start, p.end) for p in reading.points]
        excluded = points + reading.grade_lines + reading.not_findings
        kept = []
        for span in doc.spans.get("findings", []):
            if _overlaps(span.start_char, span.end_char, excluded):
                continue
            payload = dict(payloads(span, "findings")[0])
            payload["attributed_to"] = reading.attributed_to or payload.get("attributed_to")
            span._.set(PAYLOAD_ATTRS["findings"], payload)
            kept.append(span)
        for point in reading.points:
            span = doc.char_span(point.start, point.end, label="improvement_point", alignment_mode="expand")
            if span is None:
                continue
            span._.set(PAYLOAD_ATTRS["findings"], {"polarity": "development", "cue": point.heading,
                                                   "attributed_to": reading.attributed_to})
            kept.append(span)
        doc.spans["findings"] = sorted(kept, key=lambda s: s.start_char)

    @staticmethod
    def add_judgements(doc: Doc, judgements: list) -> None:
        """The report's own judgements join the judgements group where no judgement there gives that grade
        at that place already (a table row split over lines, a grade heading)."""
        spans = list(doc.spans.get("judgements", []))
        for hit in judgements:
            if any(_overlaps(s.start_char, s.end_char, [(hit.start, hit.end)])
                   and any(p.get("grade") == hit.grade for p in payloads(s, "judgements")) for s in spans):
                continue
            span = doc.char_span(hit.start, hit.end, label=f"report_{hit.source}", alignment_mode="expand")
            if span is not None:
                span._.set(PAYLOAD_ATTRS["judgements"], {"area": hit.area, "grade": hit.grade})
                spans.append(span)
        doc.spans["judgements"] = sorted(spans, key=lambda s: s.start_char)


def judgements_by_area(reading: Reading) -> list:
    """One judgement per area: the table's, else the first grade heading's."""
    chosen: dict[str, object] = {}
    for source in ("table", "heading"):
        for hit in reading.judgements:
            if hit.source == source and hit.key not in chosen:
                chosen[hit.key] = hit
    return sorted(chosen.values(), key=lambda h: h.start)


def inspection_payload(doc: Doc, text: str, reading: Reading, judgements: list, rules: ReportRules) -> dict:
    start, end = reading.title
    days = _day_values(doc, reading.dates_field)
    published = _day_values(doc, reading.published_field)
    first, last = (days[0], days[-1]) if days else (None, None)
    return {
        "text": text[start:end], "span": {"start": start, "end": end}, "rule": reading.kind,
        "kind": reading.kind, "framework": _framework(reading, first, last, rules),
        "title": text[start:end].strip(), "authority": reading.authority, "inspectorate": reading.inspectorate,
        "lead_inspector": reading.lead_inspector, "start_date": first, "end_date": last,
        "published": published[0] if published else None,
        "judgements": [{"text": text[h.start:h.end], "span": {"start": h.start, "end": h.end},
                        "rule": f"report_{h.source}", "area": h.area, "key": h.key, "grade": h.grade,
                        "source": h.source} for h in judgements],
    }


def _day_values(doc: Doc, field: Optional[Range]) -> list[str]:
    """The day-precision dates the dates component read inside a header field, in order."""
    if field is None:
        return []
    values = set()
    for span in doc.spans.get("dates", []):
        if field[0] <= span.start_char < field[1] + 1:
            values.update(p["value"] for p in payloads(span, "dates")
                          if p.get("precision") == "day" and p.get("value"))
    return sorted(values)


def _framework(reading: Reading, first: Optional[str], last: Optional[str], rules: ReportRules) -> Optional[str]:
    """An ILACS inspection is standard or short: as the report says, else by the days on site."""
    if reading.kind not in rules.framework_kinds:
        return None
    if reading.framework_stated:
        return reading.framework_stated
    if not (first and last):
        return None
    days = (date.fromisoformat(last) - date.fromisoformat(first)).days + 1
    return "standard" if days >= rules.standard_min_days else "short"


def _point_lists(reading: Reading) -> list[tuple[str, Range]]:
    """(heading, range) of each run of points under one heading."""
    runs: list[tuple[str, Range]] = []
    for p in reading.points:
        if runs and runs[-1][0] == p.heading and p.start - runs[-1][1][1] < 600:
            runs[-1] = (p.heading, (runs[-1][1][0], p.end))
        else:
            runs.append((p.heading, (p.start, p.end)))
    return runs


def _overlaps(start: int, end: int, ranges: list[Range]) -> bool:
    return any(start < b and a < end for a, b in ranges)


@Language.factory("minutes_inspection_report", requires=["doc.spans", "doc._.document_kind"],
                  assigns=["doc.spans", "doc._.inspection_report"], default_config={"rules": {}})
def make_inspection_report(nlp: Language, name: str, rules: dict) -> InspectionReportComponent:
    return InspectionReportComponent(name, rules)
