"""The packaged pipeline (`minutes-extract package DIR`, nlp.to_disk): config.cfg names the rule files,
each component carries its rules in its own directory, and spacy.load(DIR) gives the same pipeline."""
import json
from pathlib import Path

import pytest
import spacy

from minutes_extract.components.base import RULES_FILE
from minutes_extract.pipeline import COMPONENTS


@pytest.fixture(scope="module")
def packaged(nlp, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("package") / "minutes-en"
    nlp.to_disk(out)
    return out


@pytest.fixture(scope="module")
def loaded(packaged):
    return spacy.load(packaged)


def test_the_config_names_rule_files_and_stays_small(packaged):
    config = (packaged / "config.cfg").read_text(encoding="utf-8")
    assert len(config.encode("utf-8")) < 10_000
    for factory, rule_file in COMPONENTS:
        assert f'file = "{rule_file}"' in config
    assert "pattern" not in config  # no rule is inlined


def test_each_component_carries_its_rules_on_disk(nlp, packaged, loaded):
    for factory, _ in COMPONENTS:
        carried = json.loads((packaged / factory / RULES_FILE).read_text(encoding="utf-8"))
        assert carried == nlp.get_pipe(factory).carried_rules
        assert loaded.get_pipe(factory).carried_rules == carried


def test_edited_packaged_rules_are_the_ones_loaded(nlp, tmp_path):
    out = tmp_path / "edited"
    nlp.to_disk(out)
    path = out / "minutes_meeting" / RULES_FILE
    rules = json.loads(path.read_text(encoding="utf-8"))
    rules["description"] = "edited in the package"
    path.write_text(json.dumps(rules), encoding="utf-8")
    assert spacy.load(out).get_pipe("minutes_meeting").carried_rules["description"] == "edited in the package"


# Every text fixture: the seeds, the written documents and the text forms of the format fixtures.
TEXT_FIXTURES = sorted(p for pattern in ("0*.txt", "written/*.txt", "formats/*.txt")
                       for p in (Path(__file__).resolve().parents[1] / "fixtures").glob(pattern))


def test_there_are_text_fixtures():
    assert len(TEXT_FIXTURES) >= 5


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_packaged_pipeline_on_raw_text_gives_the_extract_text_record(path, nlp, loaded):
    from minutes_extract import extract_text, to_record
    raw = path.read_text(encoding="utf-8")
    expected = extract_text(raw, nlp=nlp).model_dump()
    assert to_record(loaded(raw)).model_dump() == expected
    assert to_record(nlp(raw)).model_dump() == expected


def test_the_tokenizer_normalises_and_keeps_the_offset_map(nlp):
    from minutes_extract.tokenizer import offset_map
    raw = "Item\u00a01.\tMinutes\n\nThe service\nwas rated good by\ninspectors."
    doc = nlp(raw)
    assert doc.text == "Item 1. Minutes\n\nThe service was rated good by inspectors."
    to_raw = offset_map(doc)
    start = doc.text.index("inspectors")
    assert raw[to_raw(start):to_raw(start) + len("inspectors")] == "inspectors"


def test_the_packaged_tokenizer_is_the_normalising_one(loaded):
    from minutes_extract.tokenizer import NormalisingTokenizer
    assert isinstance(loaded.tokenizer, NormalisingTokenizer)
    assert loaded("£30.4m.")[-1].text == "."  # the metrics component's special cases survive packaging
