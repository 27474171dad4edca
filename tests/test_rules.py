import json

import pytest

from minutes_extract.rules import all_rule_files, load_json, load_jsonl, models_dir


def test_rule_files_ship_with_the_package():
    assert (models_dir() / "rules" / "segmenter.json").is_file()


@pytest.mark.parametrize("path", all_rule_files(), ids=lambda p: p.name)
def test_every_rule_file_is_valid(path):
    name = str(path.relative_to(models_dir()))
    data = load_json(name) if path.suffix == ".json" else load_jsonl(name)
    assert data


def test_a_broken_rule_file_names_its_line(tmp_path):
    from minutes_extract import rules
    from minutes_extract.errors import RuleFileError
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "bad.jsonl").write_text('{"ok": 1}\n{broken\n')
    with pytest.raises(RuleFileError, match=r"bad.jsonl:2"):
        rules.load_jsonl("rules/bad.jsonl", rules_dir=tmp_path)
