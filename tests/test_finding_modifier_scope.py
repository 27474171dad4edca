"""A finding modifier's scope is data on its lexicon row (models/lexicons/finding_modifiers.jsonl), as in
medspaCy's ConTextRule: direction, max_scope and terminated_by, each its kind's when left out. A bad value
is a RuleFileError naming file, line and key; changing a row changes which cues it modifies (sentences
written for these tests, read by a pipeline built from an edited copy of models/)."""
import json
import shutil
from pathlib import Path

import pytest

from minutes_extract import rules
from minutes_extract.errors import RuleFileError
from written_sentences import polarities_under
from minutes_extract.pipeline import build_pipeline
from minutes_extract.rules.findings import KIND_SCOPES, Scope, modifier_scope

MODIFIERS = Path("lexicons") / "finding_modifiers.jsonl"
HEAD = "Minutes of the Scrutiny Committee held on 3 March 2025\n\n5. Children's Services Ofsted Inspection\n\n"


@pytest.fixture
def models_copy(tmp_path) -> Path:
    """A user's copy of the shipped models/ directory."""
    copy = tmp_path / "models"
    shutil.copytree(rules.models_dir(), copy, ignore=shutil.ignore_patterns("minutes-*"))
    return copy


def edit_modifiers(models: Path, changes: dict[str, dict], added: tuple[dict, ...] = ()) -> int:
    """Updates the rows of the modifier lexicon named in `changes` (id -> keys to set), appends `added`;
    comment lines stay. Returns the line number of the first row changed (1-based)."""
    path = models / MODIFIERS
    lines, first = path.read_text(encoding="utf-8").splitlines(), 0
    for n, line in enumerate(lines):
        if line.startswith("{") and json.loads(line)["id"] in changes:
            row = json.loads(line)
            row.update(changes[row["id"]])
            lines[n] = json.dumps(row)
            first = first or n + 1
    lines += [json.dumps(row) for row in added]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return first or len(lines)


def findings_of(sentence: str, nlp=None) -> list[str]:
    return polarities_under(HEAD, sentence, nlp)


# -- the schema: optional fields, Literal values, errors naming file, line and key ------------------------
def test_a_row_of_only_id_kind_and_pattern_has_its_kinds_scope():
    for kind, scope in KIND_SCOPES.items():
        assert modifier_scope({"id": "x", "kind": kind, "pattern": "x"}, kind) == scope
    row = {"id": "x", "kind": "negation", "pattern": "x", "max_scope": None, "terminated_by": ["cue"]}
    assert modifier_scope(row, "negation") == Scope("forward", None, ("cue",))


def test_a_cue_that_opens_a_modifier_gives_its_window_as_max_scope():
    cue = {"id": "c", "polarity": "development", "tier": "strong", "pattern": "x", "opens": "negation"}
    assert modifier_scope(cue, "negation") == KIND_SCOPES["negation"]
    assert modifier_scope({**cue, "window": 7}, "negation").max_scope == 7


@pytest.mark.parametrize("change, key, said", [
    ({"direction": "sideways"}, "direction", "Input should be 'forward', 'backward', 'bidirectional' or 'pseudo'"),
    ({"max_scpoe": 2}, "max_scpoe", "unknown key"),
    ({"max_scope": 0}, "max_scope", "greater than or equal to 1"),
    ({"terminated_by": ["clause_brake"]}, "terminated_by.0", "Input should be 'clause_break'"),
    ({"terminated_by": "cue"}, "terminated_by", "valid list"),
])
def test_a_bad_modifier_row_names_file_line_and_key(models_copy, change, key, said):
    line = edit_modifiers(models_copy, {"neg": change})
    pattern = rf"finding_modifiers\.jsonl:{line}: key '{key}': .*{said}"
    with pytest.raises(RuleFileError, match=pattern):
        rules.validate_all(models_copy)
    with pytest.raises(RuleFileError, match=pattern):
        build_pipeline(rules_dir=models_copy)


def test_a_mask_reaches_no_cue(models_copy):
    line = edit_modifiers(models_copy, {"grade_quoted": {"direction": "forward"}})
    with pytest.raises(RuleFileError, match=rf"finding_modifiers\.jsonl:{line}: key 'direction': .*'pseudo'"):
        rules.validate_all(models_copy)
    edit_modifiers(models_copy, {"grade_quoted": {"direction": "pseudo"}})
    rules.validate_all(models_copy)


def test_the_scopes_are_no_longer_keys_of_findings_json(models_copy):
    path = models_copy / "rules" / "findings.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["negation_words"] = 3
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"findings\.json: key 'negation_words': unknown key"):
        rules.validate_all(models_copy)


# -- behaviour: a row's fields decide which cues it modifies ----------------------------------------------
SUPERVISION = "Inspectors found that the service had not given social workers effective supervision."
NO_SIGN = "Inspectors found no sign that plans were effective."
IN_TIME = "Inspectors found that the service would in time become much more effective."
BACK_THEN = "Inspectors found that practice with care leavers was strong back then."
SCARCELY = "Inspectors found that supervision was scarcely effective."


def test_the_shipped_rows_read_these_sentences_as_today():
    assert findings_of(SUPERVISION) == ["development"]  # "not" reaches "effective", the fourth word on
    assert findings_of(NO_SIGN) == ["strength"]  # "that" ends a negation's scope
    assert findings_of(IN_TIME) == []  # "would" reaches "effective", five words on: wanted, not found
    assert findings_of(BACK_THEN) == ["strength"]
    assert findings_of(SCARCELY) == ["strength"]


@pytest.mark.parametrize("max_scope, polarity", [(4, "development"), (3, "strength"), (2, "strength")])
def test_a_shorter_max_scope_no_longer_reaches_the_cue(models_copy, max_scope, polarity):
    # "not given social workers effective": the cue is the 4th word after the negation
    edit_modifiers(models_copy, {"neg": {"max_scope": max_scope}})
    assert findings_of(SUPERVISION, build_pipeline(rules_dir=models_copy)) == [polarity]


def test_a_hypothetical_max_scope_comes_from_its_row(models_copy):
    edit_modifiers(models_copy, {"modal": {"max_scope": 3}})
    assert findings_of(IN_TIME, build_pipeline(rules_dir=models_copy)) == ["strength"]


def test_terminated_by_says_what_ends_a_scope(models_copy):
    edit_modifiers(models_copy, {"neg": {"terminated_by": ["clause_break", "cue"]}})  # "that" no longer ends it
    assert findings_of(NO_SIGN, build_pipeline(rules_dir=models_copy)) == ["development"]


def test_a_backward_modifier_reaches_the_cue_before_it(models_copy):
    back = {"id": "back_then", "kind": "historical", "direction": "backward", "max_scope": 2, "pattern": "back then"}
    edit_modifiers(models_copy, {}, added=(back,))
    nlp = build_pipeline(rules_dir=models_copy)
    assert findings_of(BACK_THEN, nlp) == []  # the past, not a finding
    assert findings_of("Inspectors found that practice with care leavers was strong.", nlp) == ["strength"]


def test_an_added_row_of_only_kind_and_pattern_acts_as_its_kind(models_copy):
    edit_modifiers(models_copy, {}, added=({"id": "scarcely", "kind": "negation", "pattern": "scarcely"},))
    assert findings_of(SCARCELY, build_pipeline(rules_dir=models_copy)) == ["development"]
