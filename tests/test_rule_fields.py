"""matching.RuleFields: annotated fields read from a rule dict under their own names."""
from __future__ import annotations

import re

import pytest

from minutes_extract.matching import RuleFields


class _Rules(RuleFields):
    fragments_key = "fragments"
    resolved: re.Pattern
    starts: tuple[str, ...]
    verbs: frozenset[str]
    sections: set[str]
    reach: int = 12
    scores: dict[str, float]


_RULES = {
    "fragments": {"VERB": "(?:agreed|resolved)"},
    "resolved": r"^It was <<VERB>>\b",
    "starts": ["To ", "That "],
    "verbs": ["approved", "noted"],
    "sections": ["decision"],
    "scores": {"mention": 1},
}


def test_patterns_are_compiled_with_their_fragments():
    rules = _Rules(_RULES)
    assert rules.resolved.pattern == r"^It was (?:agreed|resolved)\b"
    assert rules.resolved.match("It was agreed that the report be noted.")


def test_lists_become_the_annotated_collection_and_others_stay_as_written():
    rules = _Rules(_RULES)
    assert rules.starts == ("To ", "That ")
    assert rules.verbs == frozenset({"approved", "noted"})
    assert rules.sections == {"decision"}
    assert rules.scores == {"mention": 1}


def test_a_default_stands_only_where_the_key_is_missing():
    assert _Rules(_RULES).reach == 12
    assert _Rules({**_RULES, "reach": 3}).reach == 3


def test_a_missing_key_without_default_is_an_error():
    rules = dict(_RULES)
    del rules["starts"]
    with pytest.raises(KeyError):
        _Rules(rules)


def test_only_annotated_fields_are_read():
    assert set(vars(_Rules(_RULES))) == {"resolved", "starts", "verbs", "sections", "reach", "scores"}
