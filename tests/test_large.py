"""Very large texts are extracted in parts cut at item boundaries (large.py); records keep offsets into
the whole text. The test text is written here; the part size is made small so a short text is cut."""
from __future__ import annotations

import hashlib

from minutes_extract.extract import extract_source
from minutes_extract.ingest import Source
from minutes_extract.large import count_words, cut_points, extract_in_parts

ITEM = """{n}. Fostering Service Update {n}

The Head of Service presented the report. The number of foster carers had risen to {n}5 in March 2024,
and the service was rated Good by Ofsted in its inspection of 12 January 2023.

RESOLVED that the report be noted and a further update be brought to the meeting on 4 June 2024.
"""


def source_of(text: str) -> Source:
    data = text.encode("utf-8")
    return Source(path="minutes.txt", format="text", sha256=hashlib.sha256(data).hexdigest(), size=len(data), text=text)


def minutes(items: int) -> str:
    return ("Corporate Parenting Panel\n\nMinutes of the meeting held on Tuesday 5 March 2024\n\n"
            + "\n".join(ITEM.format(n=n) for n in range(1, items + 1)))


def test_cuts_fall_before_item_headings():
    text = minutes(12)
    cuts = cut_points(text, part=len(text) // 4)
    assert len(cuts) >= 3
    for cut in cuts:
        assert text[cut - 1] == "\n" and text[cut].isdigit()  # the next line is an item heading


def test_parts_give_the_whole_text_record(nlp):
    text = minutes(12)
    whole = extract_source(source_of(text), nlp)
    parts = extract_in_parts(source_of(text), nlp, part=len(text) // 4)
    assert parts.model_dump() == whole.model_dump()
    for item in parts.items:
        for resolution in item.resolutions:
            assert parts.text[resolution.span.start:resolution.span.end] == resolution.text


def test_count_words_in_blocks():
    text = "one  two\tthree\n four " * 1000 + "five"
    assert count_words(text, block=7) == len(text.split())


def test_items_serialised_part_by_part_give_the_whole_text_line(nlp):
    text = minutes(12)
    whole = extract_source(source_of(text), nlp)
    parted = extract_in_parts(source_of(text), nlp, part=len(text) // 4, spliced=True)
    assert parted.item_count == len(whole.items) == 12
    assert parted.json_line() == (whole.model_dump_json() + "\n").encode("utf-8")
    assert not parted.items  # the items' JSON is released once spliced


def test_written_line_of_a_parted_record_is_the_whole_record_line(nlp):
    from minutes_extract.batch.tasks import written
    text = minutes(8)
    whole = written(extract_source(source_of(text), nlp))
    parted = written(extract_in_parts(source_of(text), nlp, part=len(text) // 3, spliced=True))
    assert parted._replace(line=parted.line.decode("utf-8")) == whole


def test_offset_map_in_arrays_is_normalised_to_source():
    from minutes_extract.large import _offset_map
    from minutes_extract.normalise import normalise
    raw = ("Item 1\u00a0  Budget\r\nThe report was\nnoted by the   Panel.\n\n\n• one\n\n●\nlone bullet\n" * 40)
    normalised = normalise(raw)
    to_source = _offset_map(normalised)
    assert len(normalised.anchors) > 10
    for offset in range(len(normalised.text) + 1):
        assert to_source(offset) == normalised.to_source(offset)
