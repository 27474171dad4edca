"""segmenter.json is validated on load: a misspelt, wrong-typed or missing key is a RuleFileError naming the
file and the key; the segmenter package holds no other component's code and no file over 500 lines."""
import ast
import json
import shutil
from pathlib import Path

import pytest

from minutes_extract import rules
from minutes_extract.errors import RuleFileError

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "minutes_extract" / "components" / "segmenter"


@pytest.fixture
def segmenter_copy(tmp_path):
    """A user's copy of models/ and a function that edits its segmenter.json."""
    copy = tmp_path / "models"
    shutil.copytree(rules.models_dir(), copy, ignore=shutil.ignore_patterns("minutes-*"))
    path = copy / "rules" / "segmenter.json"

    def edit(change):
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data), encoding="utf-8")
        return copy
    return edit


def load(models):
    return rules.load_json("rules/segmenter.json", models)


def test_misspelt_top_level_key_is_named(segmenter_copy):
    models = segmenter_copy(lambda d: d.update(agenda_title=d.pop("agenda_titles")))
    with pytest.raises(RuleFileError, match=r"segmenter\.json: key 'agenda_title': unknown key"):
        load(models)


def test_misspelt_item_pattern_is_named(segmenter_copy):
    models = segmenter_copy(lambda d: d["item_patterns"].update(minute_lable=d["item_patterns"].pop("minute_label")))
    with pytest.raises(RuleFileError, match=r"segmenter\.json: key 'item_patterns\.minute_lable': unknown key"):
        load(models)


def test_unknown_section_kind_is_named(segmenter_copy):
    models = segmenter_copy(lambda d: d["section_headings"].update(decisons=["decisions taken"]))
    with pytest.raises(RuleFileError, match=r"segmenter\.json: key 'section_headings\.decisons"):
        load(models)


def test_wrong_type_is_named(segmenter_copy):
    models = segmenter_copy(lambda d: d.update(max_item_step="three"))
    with pytest.raises(RuleFileError, match=r"segmenter\.json: key 'max_item_step': Input should be"):
        load(models)


def test_wrong_list_marker_kind_is_named(segmenter_copy):
    models = segmenter_copy(lambda d: d["list_markers"][0].update(kind="dot"))
    with pytest.raises(RuleFileError, match=r"segmenter\.json: key 'list_markers\.0\.kind': Input should be"):
        load(models)


def test_missing_key_is_named(segmenter_copy):
    models = segmenter_copy(lambda d: d.pop("field_labels"))
    with pytest.raises(RuleFileError, match=r"segmenter\.json: key 'field_labels': missing"):
        load(models)


def test_missing_item_pattern_is_named(segmenter_copy):
    models = segmenter_copy(lambda d: d["item_patterns"].pop("time_line"))
    with pytest.raises(RuleFileError, match=r"segmenter\.json: key 'item_patterns\.time_line': missing"):
        load(models)


def test_package_files_are_short_and_import_no_other_component():
    for path in PACKAGE.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 500, path.name
        tree = ast.parse(source)
        assert ast.get_docstring(tree), f"{path.name} has no module docstring"
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level >= 2:
                assert not (node.module or "").startswith("components"), f"{path.name} imports {node.module}"
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                assert not node.module.startswith("minutes_extract.components"), path.name


def test_every_chrome_pattern_has_its_end_character():
    """chrome_pattern_ends gates each chrome pattern by a line's last characters: one gate per pattern, and
    each written chrome tail ends in a way its pattern's gate finds (else the gate would hide it)."""
    import re
    data = rules.load_json("rules/segmenter.json")
    patterns, ends = data["chrome_patterns"], data["chrome_pattern_ends"]
    assert len(ends) == len(patterns)
    titles = ["Budget monitoring (0:24.50)", "Budget monitoring pdf icon PDF 86 KB ", "Budget monitoring PDF 1 MB.",
              "Budget monitoring (PDF, 120 KB)", "Budget monitoring (agenda item 7)", "Budget monitoring agenda item 7b",
              "Budget monitoring To consider the report of the Director.", "Budget monitoring (pages 5 - 12)"]
    for title in titles:
        matched = [i for i, p in enumerate(patterns) if re.search(p, title, re.I)]
        assert matched, title
        for i in matched:
            assert re.search(ends[i], title.rstrip()[-data["chrome_end_chars"]:], re.I), (title, patterns[i])
