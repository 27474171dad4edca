"""Rule files are validated on load: a misspelt key, a wrong type or a missing key is a RuleFileError
naming the file, the row and the key; MINUTES_EXTRACT_RULES points every lookup at a user's copy."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_extract import rules
from minutes_extract.errors import RuleFileError
from minutes_extract.pipeline import build_pipeline
from minutes_extract.rules.schemas import SCHEMAS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def models_copy(tmp_path) -> Path:
    """A user's copy of the shipped models/ directory."""
    copy = tmp_path / "models"
    shutil.copytree(rules.models_dir(), copy, ignore=shutil.ignore_patterns("minutes-*"))
    return copy


def edit_metrics(models: Path, change) -> None:
    path = models / "rules" / "metrics.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_every_shipped_rule_file_passes_its_schema():
    rules.validate_all()


def test_every_schema_field_is_described():
    for schema in SCHEMAS.values():
        for name, field in schema.model_fields.items():
            assert field.description, f"{schema.__name__}.{name} has no description"


def test_a_misspelt_key_is_named(models_copy):
    edit_metrics(models_copy, lambda d: d.update(max_modifers=d.pop("max_modifiers")))
    with pytest.raises(RuleFileError, match=r"metrics\.json: key 'max_modifers': unknown key"):
        rules.load_json("rules/metrics.json", models_copy)


def test_a_wrong_type_is_named_with_its_row(models_copy):
    edit_metrics(models_copy, lambda d: d["candidates"][1].update(kind="amount"))
    with pytest.raises(RuleFileError, match=r"metrics\.json: key 'candidates\.1\.kind': Input should be"):
        rules.load_json("rules/metrics.json", models_copy)


def test_a_missing_key_is_named(models_copy):
    edit_metrics(models_copy, lambda d: d.pop("approximate_after"))
    with pytest.raises(RuleFileError, match=r"metrics\.json: key 'approximate_after': missing"):
        rules.load_json("rules/metrics.json", models_copy)


def test_a_bad_jsonl_row_names_its_line(models_copy):
    lexicon = models_copy / "lexicons" / "extra.jsonl"
    lexicon.write_text('// a comment\n{"pattern": "fine"}\n["not", "an", "object"]\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"extra\.jsonl:3: key '\(top level\)'"):
        rules.load_jsonl("lexicons/extra.jsonl", models_copy)


def test_a_repeated_row_id_names_both_lines(models_copy):
    """A cue id names one row: the rule that fired must be unambiguous (helpers appending rows once repeated
    eight ids in finding_cues.jsonl)."""
    lexicon = models_copy / "lexicons" / "extra.jsonl"
    lexicon.write_text('{"id": "lack", "pattern": "lack"}\n// a comment\n{"id": "lack", "pattern": "lacking"}\n',
                       encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"extra\.jsonl:3: key 'id': 'lack' is already the id of line 1"):
        rules.load_jsonl("lexicons/extra.jsonl", models_copy)


def test_build_pipeline_reads_the_rules_dir_it_is_given(models_copy):
    edit_metrics(models_copy, lambda d: d.update(befor_reach=d.pop("before_reach")))
    with pytest.raises(RuleFileError, match=r"key 'befor_reach'"):
        build_pipeline(rules_dir=models_copy)


def test_a_rules_dir_without_rules_is_refused(tmp_path):
    with pytest.raises(RuleFileError, match="no rules/ directory"):
        rules.models_dir(tmp_path)


def test_cli_names_file_and_key_of_a_misspelt_rule_and_exits_2(models_copy, tmp_path):
    edit_metrics(models_copy, lambda d: d.update(vote_context_raech=d.pop("vote_context_reach")))
    env = dict(os.environ, MINUTES_EXTRACT_RULES=str(models_copy))
    done = subprocess.run([sys.executable, "-m", "minutes_extract.cli", "extract", str(FIXTURES),
                           "-o", str(tmp_path / "out.jsonl"), "--quiet"], capture_output=True, text=True, env=env)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert str(models_copy / "rules" / "metrics.json") in lines[0] and "'vote_context_raech'" in lines[0]


def edit_rule_file(models: Path, name: str, change) -> None:
    path = models / "rules" / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def rename(key: str, new: str):
    return lambda d: d.update({new: d.pop(key)})


def rename_in_row(rows: str, row: int, key: str, new: str):
    return lambda d: d[rows][row].update({new: d[rows][row].pop(key)})


@pytest.mark.parametrize("name, change, named", [
    ("resolutions.json", rename("duplicate_threshold", "duplicate_treshold"), "duplicate_treshold"),
    ("resolutions.json", rename_in_row("triggers", 0, "where", "wehre"), r"triggers\.0\.wehre"),
    ("judgements.json", rename("grade_prefilter", "grade_prefliter"), "grade_prefliter"),
    ("judgements.json", rename_in_row("cues", 2, "strength", "strenght"), r"cues\.2\.strenght"),
    ("inspections.json", rename("focus_max_chars", "focus_max_char"), "focus_max_char"),
    ("inspections.json", rename_in_row("kinds", 1, "pattern", "patern"), r"kinds\.1\.patern"),
])
def test_a_misspelt_key_in_a_component_rule_file_is_named(models_copy, name, change, named):
    edit_rule_file(models_copy, name, change)
    with pytest.raises(RuleFileError, match=rf"{name.replace('.', r'[.]')}: key '{named}': unknown key"):
        rules.load_json(f"rules/{name}", models_copy)


@pytest.mark.parametrize("name, change, named", [
    ("resolutions.json", lambda d: d["triggers"][0].update(where="anywhere"), r"triggers\.0\.where"),
    ("judgements.json", lambda d: d["grades"][0].update(grade="very_good"), r"grades\.0\.grade"),
    ("inspections.json", lambda d: d["kinds"][0].update(kind="ofsted"), r"kinds\.0\.kind"),
])
def test_a_kind_outside_its_literal_is_named(models_copy, name, change, named):
    edit_rule_file(models_copy, name, change)
    with pytest.raises(RuleFileError, match=rf"key '{named}': Input should be"):
        rules.load_json(f"rules/{name}", models_copy)


# ---------------------------------------------------------------- MINUTES_EXTRACT_RULES (issue 9.9)

@pytest.mark.parametrize("name, change, named", [
    ("meeting.json", rename("header_lines", "header_line"), "header_line"),
    ("dates.json", rename("clause_reach", "clause_raech"), "clause_raech"),
    ("metrics.json", rename("max_modifiers", "max_modifers"), "max_modifers"),
])
def test_the_env_var_points_every_lookup_at_a_copy_and_validates_it(models_copy, monkeypatch, name, change, named):
    from minutes_extract.pipeline import get_pipeline
    edit_rule_file(models_copy, name, change)
    monkeypatch.setenv(rules.RULES_ENV, str(models_copy))
    assert rules.models_dir() == models_copy
    expected = rf"{str(models_copy / 'rules' / name).replace('.', '[.]')}: key '{named}': unknown key"
    with pytest.raises(RuleFileError, match=expected):
        build_pipeline()
    with pytest.raises(RuleFileError, match=expected):
        get_pipeline()


def test_build_pipeline_validates_every_file_of_its_rules_dir_before_compiling(models_copy, monkeypatch):
    """The last component's file is checked before the first component is built."""
    edit_rule_file(models_copy, "inspections.json", rename("focus_max_chars", "focus_max_char"))
    monkeypatch.setattr("minutes_extract.pipeline.COMPONENTS", [("minutes_segmenter", "rules/segmenter.json")])
    with pytest.raises(RuleFileError, match=r"inspections[.]json: key 'focus_max_char'"):
        build_pipeline(rules_dir=models_copy)


# ---------------------------------------------------------------- findings.json and its lexicons (issue 9.3)

def edit_lexicon_row(models: Path, name: str, row_id: str, change) -> int:
    """Changes the row with id `row_id` of models/lexicons/`name`; returns its line number."""
    path = models / "lexicons" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if line.strip() and not line.startswith("//") and json.loads(line)["id"] == row_id:
            row = json.loads(line)
            change(row)
            lines[number - 1] = json.dumps(row)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return number
    raise AssertionError(f"no row {row_id} in {name}")


def first_row(models: Path, name: str, **where) -> dict:
    for line in (models / "lexicons" / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("//"):
            row = json.loads(line)
            if all(row.get(k) == v for k, v in where.items()):
                return row
    raise AssertionError(f"no row {where} in {name}")


@pytest.mark.parametrize("change, named, problem", [
    (rename("min_weight", "min_wieght"), "min_wieght", "unknown key"),
    (lambda d: d["weights"].update(strnog=d["weights"].pop("strong")), r"weights\.strnog", "unknown key"),
    (lambda d: d.pop("item_window"), "item_window", "missing"),
    (lambda d: d.update(soft_exclusions=["finances"]), r"soft_exclusions\.0", "Input should be"),
    (lambda d: d["attribution"].update(ofsted="ofsted_inspectors"), r"attribution\.ofsted", "Input should be"),
    (lambda d: d.update(reporters=["officers"]), r"reporters\.0", "Input should be"),
])
def test_findings_json_is_strict(models_copy, change, named, problem):
    edit_rule_file(models_copy, "findings.json", change)
    with pytest.raises(RuleFileError, match=rf"findings[.]json: key '{named}': {problem}"):
        rules.load_json("rules/findings.json", models_copy)


@pytest.mark.parametrize("name, where, change, named, problem", [
    ("finding_cues.jsonl", {"polarity": "strength"}, lambda r: r.update(polarty=r.pop("polarity")), "polarty",
     "unknown key"),
    ("finding_cues.jsonl", {"tier": "strong"}, lambda r: r.update(tier="medium"), "tier", "Input should be"),
    ("finding_cues.jsonl", {"polarity": "strength"}, lambda r: r.pop("pattern"), "pattern", "missing"),
    ("finding_modifiers.jsonl", {"kind": "negation"}, lambda r: r.update(kind="negated"), "kind", "Input should be"),
    ("finding_modifiers.jsonl", {"kind": "negation"}, lambda r: r.update(windw=3), "windw", "unknown key"),
    ("finding_context.jsonl", {"kind": "speaker"}, lambda r: r.update(role="councillor"), "role", "Input should be"),
    ("finding_context.jsonl", {"kind": "speaker"}, lambda r: r.update(role="plan_list"), r"\(top level\)",
     "Value error, role 'plan_list' is no role of kind 'speaker'"),
    ("finding_context.jsonl", {"kind": "exclude"}, lambda r: r.update(anchor="end"), "anchor", "Input should be"),
])
def test_a_bad_finding_lexicon_row_names_file_line_and_key(models_copy, name, where, change, named, problem):
    line = edit_lexicon_row(models_copy, name, first_row(models_copy, name, **where)["id"], change)
    with pytest.raises(RuleFileError, match=rf"{name.replace('.', '[.]')}:{line}: key '{named}': {problem}"):
        rules.load_jsonl(f"lexicons/{name}", models_copy)


def test_a_lexicon_is_validated_by_the_key_it_is_named_under(models_copy):
    """A user's own cue file, named under "cues" in findings.json, is held to the cue schema."""
    (models_copy / "lexicons" / "my_cues.jsonl").write_text(
        '{"id": "mine", "polarity": "strength", "tier": "strong", "pattern": "splendid", "weight": 3}\n', encoding="utf-8")
    edit_rule_file(models_copy, "findings.json", lambda d: d["lexicons"].update(cues="lexicons/my_cues.jsonl"))
    with pytest.raises(RuleFileError, match=r"my_cues[.]jsonl:1: key 'weight': unknown key"):
        rules.validate_all(models_copy)


def test_a_lexicon_row_misspelt_in_a_copy_named_by_the_env_var_fails_the_pipeline(models_copy, monkeypatch):
    name = "finding_modifiers.jsonl"
    line = edit_lexicon_row(models_copy, name, first_row(models_copy, name, kind="mask")["id"],
                            lambda r: r.update(patern=r.pop("pattern")))
    monkeypatch.setenv(rules.RULES_ENV, str(models_copy))
    with pytest.raises(RuleFileError, match=rf"{str(models_copy / 'lexicons' / name).replace('.', '[.]')}:{line}: "
                                             r"key 'patern': unknown key"):
        build_pipeline()


def test_context_roles_are_the_kinds_vocabulary():
    from typing import get_args
    from minutes_extract.kinds import ContextKind, ROLES_OF_KIND
    assert set(ROLES_OF_KIND) == set(get_args(ContextKind))


# ---------------------------------------------------------------- month names in one place (issue 9)

MONTH_NAMES = ("January", "February", "March", "April", "June", "July", "August", "September", "October",
               "November", "December")  # May is also a word: not searched for


def test_month_names_are_written_in_calendar_json_only():
    root = rules.models_dir()
    for path in rules.all_rule_files():
        if path.name in ("calendar.json", "confidence.json"):
            continue
        text = path.read_text(encoding="utf-8")
        named = [m for m in MONTH_NAMES if m in text or m.upper() in text or m.lower() in text]
        assert not named, f"{path.relative_to(root)} writes month names {named}: use <<calendar:...>>"


def test_calendar_placeholders_are_expanded_on_load():
    fragments = rules.load_json("rules/dates.json")["fragments"]
    assert "<<calendar:" not in json.dumps(fragments)
    assert "January|February" in fragments["MONTH_FULL"] and "JANUARY" in fragments["MONTH_FULL"]
    assert "Sept|Sep" in fragments["MONTH"]
    assert "May" not in fragments["BARE_MONTH"]
    assert "january" in rules.load_json("rules/meeting.json")["fragments"]["MONTH"].lower()


def test_an_edited_calendar_reaches_every_rule_file_and_the_values(models_copy):
    def add_abbreviation(d):
        d["months"][1]["abbreviations"].append("Febr")
    edit_rule_file(models_copy, "calendar.json", add_abbreviation)
    assert "Feb|Febr|Mar" in rules.load_json("rules/dates.json", models_copy)["fragments"]["MONTH"]
    assert "Feb|Febr|Mar" in rules.load_json("rules/meeting.json", models_copy)["fragments"]["MONTH"]
    assert rules.month_table(models_copy)["febr"] == 2


def test_an_unknown_calendar_placeholder_is_named(models_copy):
    edit_rule_file(models_copy, "meeting.json",
                   lambda d: d["fragments"].update(MONTH=d["fragments"]["MONTH"].replace("months>>", "monthes>>")))
    with pytest.raises(RuleFileError, match=r"meeting[.]json: unknown placeholder <<calendar:monthes>>"):
        rules.load_json("rules/meeting.json", models_copy)


def test_calendar_json_is_strict(models_copy):
    edit_rule_file(models_copy, "calendar.json", lambda d: d["months"][4].update(also_a_wrod=True))
    with pytest.raises(RuleFileError, match=r"calendar[.]json: key 'months\.4\.also_a_wrod': unknown key"):
        rules.load_json("rules/calendar.json", models_copy)


def test_month_numbers_come_from_the_calendar():
    from minutes_extract.values.dates import month_number
    assert [month_number(w) for w in ("January", "sept.", "Sep", "MAY", "dec")] == [1, 9, 9, 5, 12]
    assert month_number("Mayor") is None


@pytest.mark.parametrize("edit, named", [
    # a lexicon row whose pattern is valid JSON but no regex (an unclosed group)
    (lambda models: (models / "lexicons" / "finding_modifiers.jsonl").open("a", encoding="utf-8").write(
        '{"id": "broken_row", "kind": "hypothetical", "pattern": "(would (be|become"}\n'), "findings.json"),
    # a rule file's regex with a variable-width look-behind
    (lambda models: edit_rule_file(models, "metrics.json", lambda d: d.update(
        paragraph_number="(?<!a|bc)" + d["paragraph_number"])), "metrics.json"),
])
def test_cli_reports_a_pattern_that_does_not_compile_in_one_line(models_copy, tmp_path, edit, named):
    edit(models_copy)
    env = dict(os.environ, MINUTES_EXTRACT_RULES=str(models_copy))
    done = subprocess.run([sys.executable, "-m", "minutes_extract.cli", "extract", str(FIXTURES / "written"),
                           "-o", str(tmp_path / "out.jsonl"), "--quiet"], capture_output=True, text=True, env=env)
    assert done.returncode == 2, done.stderr[-500:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr[-500:]
    assert named in lines[0] and "does not compile" in lines[0]
