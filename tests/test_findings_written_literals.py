"""literals_as_written: the strings, case and all, one of which every match of a lexicon pattern contains (a text
holding none of them is not scanned for it)."""
import re

from minutes_extract.components.findings.lexicon import literals_as_written


def test_case_sensitive_alternation_inside_a_case_insensitive_pattern():
    regex = re.compile(r"(?<!\w)(?:(?-i:[\w-]+:\s+(Requires\s+improvement|Good|Outstanding))(?=[,;.]|$))", re.I)
    assert literals_as_written(regex) == frozenset({"Requires", "Good", "Outstanding"})


def test_a_case_insensitive_pattern_requires_nothing_as_written():
    assert literals_as_written(re.compile(r"(?<!\w)(?:good progress)(?!\w)", re.I)) is None


def test_optional_parts_are_not_required():
    regex = re.compile(r"(?-i:(Very )?(?:Fine)*Good|x?(Poor)+)", re.I)
    assert literals_as_written(regex) == frozenset({"Good", "Poor"})


def test_an_alternative_without_a_literal_leaves_nothing_required():
    assert literals_as_written(re.compile(r"(?-i:Good|\d+)")) is None


def test_every_match_holds_one_of_them():
    regex = re.compile(r"(?-i:Grade[ \t]*(?:-|:)[ \t]*(Good|Inadequate)|with (Good|Inadequate) for)", re.I)
    required = literals_as_written(regex)
    text = "Grade: Good. The service, with Inadequate for leadership; grade - inadequate, GOOD"
    for m in regex.finditer(text):
        assert any(w in m.group() for w in required)
