"""Shared by the tests that extract sentences written for them, placed under a heading of their own."""
from minutes_extract.extract import extract_text


def all_findings(record) -> list:
    """Every finding of a record: its items' and the unassigned ones."""
    return [f for item in record.items for f in item.findings] + list(record.unassigned.findings)


def findings_under(head: str, text: str) -> list[tuple[str, str]]:
    """(polarity, text) of the findings extracted from `text` set under `head` (a meeting and item heading)."""
    return [(f.polarity, f.text) for f in all_findings(extract_text(head + text + "\n"))]
