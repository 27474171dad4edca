"""The findings rules' pattern keys kept on disk (matching/memo.py over findings/regex_keys.py) are speed
only: what a build reads back from the file equals what the analysis computes."""
from __future__ import annotations

from minutes_extract.components.findings import regex_keys
from minutes_extract.matching.compiled import CACHE_ENV
from minutes_extract.matching.memo import DiskMemo

PATTERNS = ["(very |really )?good", "on the other hand", "a particular strength", r"lack(s|ed)? of \w+",
            "areas? for (development|improvement)", r"(?:the )?inspectors? (found|said)", r"as follows:?\s*$",
            "'quoted", r"\d+ days"]
ANALYSED = [("first_letters", (3,)), ("lead_words", ()), ("lead_words", (1,)), ("row_keys", ()),
            ("required_runs", ()), ("tail_width", ())]


def _results(memo: DiskMemo) -> list:
    out = []
    for name, extra in ANALYSED:
        fn = memo(getattr(regex_keys, name).__wrapped__)
        out += [fn(p, *extra) for p in PATTERNS]
    return out


def test_keys_read_back_from_disk_equal_computed_ones(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "analysis.py"
    source.write_text("# version 1")
    computed = [getattr(regex_keys, name).__wrapped__(p, *extra) for name, extra in ANALYSED for p in PATTERNS]
    first = DiskMemo("keys", source)
    assert _results(first) == computed
    assert first.missed == len(computed)
    first.save()
    second = DiskMemo("keys", source)
    assert _results(second) == computed
    assert second.missed == 0  # every result from the file
    source.write_text("# version 2")  # an edited analysis never reads the old results
    third = DiskMemo("keys", source)
    assert _results(third) == computed and third.missed == len(computed)


def test_results_handed_out_are_the_callers_own(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    source = tmp_path / "analysis.py"
    source.write_text("")
    first_letters = DiskMemo("keys", source)(regex_keys.first_letters.__wrapped__)
    letters = first_letters("good|bad", 3)
    letters.add("zzz")
    assert "zzz" not in first_letters("good|bad", 3)


def test_a_damaged_file_or_cache_off_computes_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    source = tmp_path / "analysis.py"
    source.write_text("")
    memo = DiskMemo("keys", source)
    memo.path().write_bytes(b"not marshal data")
    assert _results(memo) == _results(DiskMemo("other", source))
    monkeypatch.setenv(CACHE_ENV, "off")
    off = DiskMemo("keys", source)
    assert _results(off) == _results(memo)
    off.save()  # nothing to write to
