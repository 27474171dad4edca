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
