"""Shared by the tests that extract sentences written for them, placed under a heading of their own."""
from minutes_extract.extract import extract_text


def all_findings(record) -> list:
    """Every finding of a record: its items' and the unassigned ones."""
    return [f for item in record.items for f in item.findings] + list(record.unassigned.findings)


def findings_under(head: str, text: str) -> list[tuple[str, str]]:
    """(polarity, text) of the findings extracted from `text` set under `head` (a meeting and item heading)."""
    return [(f.polarity, f.text) for f in all_findings(extract_text(head + text + "\n"))]


def items_of(text: str, nlp=None) -> list[tuple]:
    """(number, title) of every item extracted from `text`."""
    return [(item.number, item.title) for item in extract_text(text, nlp=nlp).items]


def decisions(text: str, nlp=None) -> list[str]:
    """The text of every resolution extracted from `text`: its items' and the unassigned ones."""
    record = extract_text(text, nlp=nlp)
    return [r.text for item in record.items for r in item.resolutions] + [r.text for r in record.unassigned.resolutions]


def polarities_under(head: str, text: str, nlp=None) -> list[str]:
    """The polarity of each finding extracted from `text` set under `head`."""
    return [f.polarity for f in all_findings(extract_text(head + text + "\n", nlp=nlp))]


def graded_pairs(finder, context: str, text: str) -> set[tuple[str, str]]:
    """(area, grade) of every judgement, forecasts left out, the finder reads in `text` after `context`."""
    return {(c.area, c.grade) for c in finder.find(context + text) if not c.forecast}


def extracted_pairs(text: str) -> set[tuple[str, str]]:
    """(area, grade) of every judgement the whole pipeline extracts from `text`, forecasts left out."""
    record = extract_text(text)
    items = list(record.items) + [record.unassigned]
    return {(j.area, j.grade) for item in items for j in item.judgements if not j.forecast}


def judged_keys(finder, context: str, text: str, forecast: bool = False) -> set[tuple[str, str]]:
    """(area key, else area, grade) of the judgements the finder reads in `text` after `context`: the actual ones,
    or with `forecast` the forecasts only."""
    return {(c.area_key or c.area, c.grade) for c in finder.find(context + text) if c.forecast == forecast}


RI, GOOD, OUT, INAD = "requires_improvement", "good", "outstanding", "inadequate"
