"""Inspection reports and letters as input (an Ofsted ILACS or SIF report, a focused visit letter).

Two registered components, fed models/rules/inspection_report.json:
  minutes_document_kind      first in the pipeline: is this document an inspection report? (doc._.document_kind,
                             from the cues in its opening). The segmenter and resolutions read it: a report's
                             numbered paragraphs are no agenda items and its recommendations are no decisions.
  minutes_inspection_report  last: reads a report as one (reader.py): the one item that is the report, the
                             inspection itself (doc._.inspection_report: kind, framework, dates, authority,
                             inspectorate, lead inspector, judgements from the table and grade headings), every
                             point to improve a development finding, every finding attributed to the
                             inspectorate, and no finding from grade headings, contents or factual sections.
"""
from .factory import DocumentKindComponent, InspectionReportComponent, make_document_kind, make_inspection_report
from .reader import ReportRules, is_inspection_report, read_report, score_opening

__all__ = ["DocumentKindComponent", "InspectionReportComponent", "make_document_kind", "make_inspection_report",
           "ReportRules", "is_inspection_report", "read_report", "score_opening"]
