"""Scanned lexicon patterns that open with a one-character look-behind ("(?<=,)") or a line start ("(?m:^)") are
tried only after those characters (WordStarted.after_chars): the same matches as scanning every character."""
import re

from minutes_extract.components.findings.lexicon import DocWords, Vocabulary, WordStarted, _pattern, compile_pattern
from minutes_extract.matching.first_chars import preceding_characters


def test_preceding_characters_of_openings():
    assert preceding_characters(compile_pattern(r"(?<=,) (although|though) still")) == ","
    assert preceding_characters(compile_pattern(r"(?<=[\t|]) *requires improvement")) == "\t|"
    assert preceding_characters(compile_pattern(r"(?m:^)[ \t]*(improved|better) outcomes")) == "\n"
    assert preceding_characters(re.compile(r"(?m)^x")) == "\n"


def test_no_preceding_characters_where_a_match_may_open_otherwise():
    assert preceding_characters(compile_pattern(r"^improved")) is None  # "^" without MULTILINE: the text's start
    assert preceding_characters(re.compile(r"(?<=,)x|y")) is None  # an alternative without the look-behind
    assert preceding_characters(re.compile(r"(?<=a)x", re.I)) is None  # a letter: case folding may add others
    assert preceding_characters(compile_pattern(r"good")) is None


SENTENCES = [
    "Attendance has improved, although it is still below target, though still rising.",
    "Improved outcomes for children\n  - improved outcomes for care leavers\nimproved,though still slow",
    "Grade\tRequires improvement\t| requires improvement to be good",
    "improved outcomes at the very start, and\n\n\nimproved outcomes after blank lines,\u00a0although still low",
]
PATTERNS = [r"(?<=,) (although|though)( \w+){0,4}? still", r"(?m:^)[ \t]*(- )?improved outcomes",
            r"(?<=[\t|]) *requires improvement( to be good)?"]


def test_after_chars_finds_what_a_scan_finds():
    for source in PATTERNS:
        scanned = WordStarted(compile_pattern(source), _pattern({"id": "p", "pattern": source, "polarity": "strength",
                                                                 "tier": "strong"}, "cue"))
        assert scanned.first is None and scanned.after is not None, source
        vocab = Vocabulary(lambda w: (0, -1, 0, 0))
        for text in SENTENCES:
            expected = [m.span() for m in scanned.regex.finditer(text)]
            assert [m.span() for m in scanned.finditer(text, DocWords(text, vocab))] == expected, (source, text)
