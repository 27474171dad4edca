"""The segmenter's cheap gates agree with the full tests they skip (sentences written for the test)."""
import re

from minutes_extract.components.segmenter.headings import literal_opening
from minutes_extract.components.segmenter.lines import split_lines


def segmenter(nlp):
    return dict(nlp.pipeline)["minutes_segmenter"].segmenter


def test_literal_opening_reads_only_a_plain_start():
    assert literal_opening(re.compile(r"(?i)Agenda item(?:\s+\d{1,3})?$")) == "agenda item"
    assert literal_opening(re.compile(r"Agenda|Item")) is None       # an alternation opens it
    assert literal_opening(re.compile(r"\d+ Agenda item")) is None   # a class opens it
    assert literal_opening(re.compile(r"(?im)^Agenda item")) is None  # a flag it does not read


PAGES = [
    "Agenda item\n7. Highways Maintenance Programme\nThe report sets out the schemes.",
    "Cabinet - Agenda item 4\nBudget Monitoring Quarter Two\nMembers considered the report.",
    "AGENDA ITEM NO: 12A\nHousing Allocations Policy\nThe policy was reviewed.",
    "Planning Committee\nMinutes of the meeting held on 3 May\n1. Apologies\nNone were received.",
    "The agenda was taken in a different order.\nAgenda\nItem 3 was deferred.",
    "AGENDA İTEM 5\nLibraries Strategy\nThe strategy was endorsed.",  # a dotted capital I: asked line by line
]


def test_gate_never_skips_an_agenda_item_line(nlp):
    seg = segmenter(nlp)
    for page in PAGES:
        lines = split_lines(page)
        if any(seg.is_agenda_item(line.text.strip()) for line in lines):
            assert seg.may_hold_agenda_item(lines), page


def test_gate_skips_pages_without_the_words(nlp):
    seg = segmenter(nlp)
    assert not seg.may_hold_agenda_item(split_lines(PAGES[3]))
    assert not seg.may_hold_agenda_item(split_lines(PAGES[4]))
    assert seg.may_hold_agenda_item(split_lines(PAGES[5]))
