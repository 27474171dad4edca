import json

import pytest
from pydantic import ValidationError

from conftest import ROOT, all_extractions
from minutes_extract.records import DocumentRecord, Resolution, SCHEMA_VERSION


def test_every_span_gives_back_its_text(seed_records):
    checked = 0
    for record in seed_records.values():
        for item in record.items:
            assert record.text[item.span.start:item.span.end]
            for section in item.sections:
                assert record.text[section.span.start:section.span.end].startswith(section.heading)
        for group, extraction in all_extractions(record):
            assert record.text[extraction.span.start:extraction.span.end] == extraction.text, (group, extraction)
            assert extraction.rule
            checked += 1
    assert checked >= 5


def test_records_are_closed_and_versioned(seed_records):
    record = seed_records["000"]
    assert record.schema_version == SCHEMA_VERSION
    data = record.model_dump()
    data["unexpected"] = 1
    with pytest.raises(ValidationError):
        DocumentRecord.model_validate(data)
    with pytest.raises(ValidationError):
        Resolution(text="x", span={"start": 0, "end": 1}, rule="r", verb="considered")


def test_doc_id_is_a_content_hash(seed_records, nlp):
    from minutes_extract.extract import extract_text
    record = seed_records["003"]
    again = extract_text(record.text, path="elsewhere.txt", nlp=nlp)
    assert again.doc_id == record.doc_id and len(record.doc_id) == 16


def test_schema_snapshot_is_current():
    """`make schema` regenerates the snapshot after a deliberate change to the record contract."""
    snapshot = ROOT / "tests" / "snapshots" / "document.schema.json"
    assert json.loads(snapshot.read_text()) == DocumentRecord.model_json_schema()
