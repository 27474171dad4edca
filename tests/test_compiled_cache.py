"""The regex code cache (matching/compiled.py) and shorter starting strings (matching/first_chars.py):
both are speed-only, so the tests check that what they give equals what re gives."""
from __future__ import annotations

import re

from minutes_extract.matching import StartedPattern, lowered, starting_strings, trie_pattern
from minutes_extract.matching.compiled import CACHE_ENV, regex_code_cache

PATTERNS = [r"(?P<area>care leavers|children in care)\s+(?:were|was)\s+(?P<grade>good|inadequate)",
            r"(?<!\w)£\s?\d+(?:\.\d+)?\s*(?:m|million)\b", r"[ABC](?<=(?=(abc|bcd))(?s:.))", "plain text"]


def test_patterns_from_the_cache_equal_freshly_compiled_ones(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    for flags in (0, re.I):
        re.purge()
        with regex_code_cache() as cache:  # first build: compiles and writes the file
            first = [re.compile(p, flags) for p in PATTERNS]
        assert cache is not None and cache.missed == len(PATTERNS)
        re.purge()
        with regex_code_cache() as cache:  # second build: every pattern from the file
            second = [re.compile(p, flags) for p in PATTERNS]
        assert cache.missed == 0
        re.purge()
        fresh = [re.compile(p, flags) for p in PATTERNS]
        assert first == second == fresh  # Patterns compare their compiled programs
        assert [p.groupindex for p in second] == [p.groupindex for p in fresh]
        text = "Care leavers were good; children in care was inadequate; £2.5m and £3 million"
        assert [[m.groupdict() for m in p.finditer(text)] for p in second] == \
               [[m.groupdict() for m in p.finditer(text)] for p in fresh]


def test_a_damaged_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    with regex_code_cache() as cache:
        path = cache.path
    path.write_bytes(b"not marshal data")
    re.purge()
    with regex_code_cache():
        assert re.compile(PATTERNS[0]).match("care leavers were good")


def test_cache_off(monkeypatch):
    monkeypatch.setenv(CACHE_ENV, "off")
    with regex_code_cache() as cache:
        assert cache is None


def test_many_alternatives_start_with_shorter_strings():
    terms = [f"{a}{b}{c} service" for a in "abcdefgh" for b in "aeiou" for c in "lmn"]  # 120 openings
    pattern = re.compile(trie_pattern(terms), re.I)
    starts = starting_strings(pattern)
    assert starts is not None and len(starts) <= 40 and all(len(s) >= 2 for s in starts)
    text = "The Ael service and the hun service; BOM  service, not xyz service."
    started = StartedPattern(pattern)
    assert started.known
    assert [m.span() for m in started.finditer(text, lowered(text))] == [m.span() for m in pattern.finditer(text)]


def test_two_rule_sets_keep_each_others_patterns(tmp_path, monkeypatch):
    """Two checkouts whose rules differ (one edits a pattern) share the cache file without each build
    missing what the other's last build wrote."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    ours, theirs = PATTERNS[:3], PATTERNS[:2] + [r"inspectors? (?:found|judged) \w+"]
    for patterns in (ours, theirs):
        re.purge()
        with regex_code_cache():
            [re.compile(p) for p in patterns]
    for patterns in (ours, theirs):
        re.purge()
        with regex_code_cache() as cache:
            [re.compile(p) for p in patterns]
        assert cache.missed == 0


def test_the_starting_strings_read_back_equal_computed_ones(tmp_path, monkeypatch):
    """What a pattern starts with is kept on disk between builds (first_chars.PARSED): read back, it is
    what the parse tree gives."""
    from minutes_extract.matching import first_chars
    from minutes_extract.matching.memo import DiskMemo
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    pattern = re.compile(PATTERNS[0], re.I)
    fresh = (first_chars._first_characters.__wrapped__(pattern.pattern, pattern.flags),
             first_chars._starting_strings.__wrapped__(pattern.pattern, pattern.flags))
    source = tmp_path / "first_chars.py"
    source.write_text("")
    missed = []
    for _ in range(2):
        memo = DiskMemo("first-chars", source)
        got = (memo(first_chars._first_characters.__wrapped__)(pattern.pattern, pattern.flags),
               memo(first_chars._starting_strings.__wrapped__)(pattern.pattern, pattern.flags))
        missed.append(memo.missed)
        memo.save()
        assert got == fresh
    assert missed == [2, 0]  # the second build read both from the file
    assert first_chars.first_characters(pattern) == fresh[0] and first_chars.starting_strings(pattern) == fresh[1]
