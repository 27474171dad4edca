"""minutes_inspection_report: an inspection report or letter (an Ofsted ILACS or SIF report, a focused visit
letter) read as one. It runs last, on documents minutes_document_kind found to be inspection reports
(doc._.document_kind; the segmenter and resolutions read that too: a report's numbered paragraphs are no
agenda items and its recommendations are no decisions of a body). From reader.py's reading of the text it
writes the one item that is the report, the inspection itself (doc._.inspection_report: kind, framework,
dates, authority, inspectorate, lead inspector, judgements from the table and grade headings), every point
to improve as a development finding, every finding attributed to the inspectorate, and no finding from
grade headings, contents or factual sections. Rules: models/rules/inspection_report.json.
"""
from .factory import InspectionReportComponent, make_inspection_report
from .reader import ReportRules, read_report

__all__ = ["InspectionReportComponent", "make_inspection_report", "ReportRules", "read_report"]
