"""block_bounds (matching/blocks.py): the bounds the segmenter keeps are those of the "blocks" span group, and
are worked out again when the group is replaced."""
from minutes_extract.matching.blocks import block_bounds

MINUTES = """Planning Committee
Minutes of the meeting held on 4 March 2024

1. Apologies for Absence
Apologies were received from Councillor Hale.

2. Budget Monitoring
The committee considered the quarter three report.
RESOLVED that:
(a) the report be noted;
(b) the forecast overspend be referred to Cabinet.
"""


def from_group(doc):
    return [(span.start_char, span.end_char, span.label_) for span in doc.spans["blocks"]]


def test_kept_bounds_are_the_groups(nlp):
    doc = nlp(MINUTES)
    assert len(doc.spans["blocks"]) > 5
    assert block_bounds(doc) == from_group(doc)


def test_a_replaced_group_is_read_again(nlp):
    doc = nlp(MINUTES)
    doc.spans["blocks"] = list(doc.spans["blocks"])[2:4]
    assert block_bounds(doc) == from_group(doc)
    assert len(block_bounds(doc)) == 2


def test_kept_bounds_are_the_payload_keys(nlp):
    """The segmenter's block payloads sit under the offsets spaCy gives the spans (read back through span._)."""
    doc = nlp(MINUTES)
    for span in doc.spans["blocks"]:
        assert span._.block is not None and "level" in span._.block
