import pytest

from minutes_extract.normalise import normalise


@pytest.mark.parametrize("raw, expected", [
    ("·      Ofsted had found it", "• Ofsted had found it"),
    ("\uf0b7 Plans lacked timescales", "• Plans lacked timescales"),
    ("▪ one\n- two\no three", "• one\n• two\n• three"),
    ("·\nNo child was found to be at risk", "• No child was found to be at risk"),
    ("a\u00a0b   c", "a b c"),
    ("Line one.\r\n\r\n\r\nLine two", "Line one.\n\nLine two"),
    ("The Ofsted letter was published on 31 January 2022\nand was circulated", "The Ofsted letter was published on 31 January 2022 and was circulated"),
    ("Minutes:\nThe Executive Director", "Minutes:\nThe Executive Director"),
    ("Apologies and Substitutes\n(Item 1)", "Apologies and Substitutes\n(Item 1)"),
    ("(ii) That the Committee receive\n\n   further updates.", "(ii) That the Committee receive further updates."),
    ("Outcome.\n\nnext paragraph", "Outcome.\n\nnext paragraph"),
])
def test_normalise_cases(raw, expected):
    assert normalise(raw).text == expected


def test_seed_004_hard_wraps_are_rejoined():
    from conftest import FIXTURES
    raw = (FIXTURES / "004_b80f700638de0519.txt").read_text(encoding="utf-8")
    text = normalise(raw).text
    assert "The second Ofsted Monitoring Visit since the full inspection in 2019, took place on 14 and 15 December 2021" in text
    assert "• Auditing was a particular strength – a wide in-depth coverage of the quality of the service with a robust moderation process." in text


def test_offsets_map_back_to_the_source():
    raw = "Intro:\n·\n   Caseloads were\ntoo high.\u00a0 Plans lacked timescales."
    result = normalise(raw)
    for word in ("Caseloads", "too", "Plans", "timescales"):
        out = result.text.index(word)
        src = result.to_source(out)
        assert raw[src:src + len(word)] == word


@pytest.mark.parametrize("raw", [
    "a\u00a0b\tc\u200bd\ufeffe\x0cf\x0bg\u2028h\u2029i\u2007j\u202fk\u2009l\u200am\u2002n\u2003o\u200ep\u200fq",
    "plain text", "", "\r\n\r", "x\ry\r\nz",
])
def test_one_for_one_fixes_are_a_translate(raw):
    from minutes_extract.normalise import _SAME_LENGTH, _same_length_fixes
    assert _same_length_fixes(raw) == raw.replace("\r\n", " \n").replace("\r", "\n").translate(_SAME_LENGTH)


def test_every_output_character_maps_to_the_same_character_in_the_source():
    raw = ("Minutes:\n\n·\n   The  second visit, held on\n14 and 15 December 2021, found that\n"
           "o  caseloads were\n\ttoo high.\n\n\n- Plans lacked\u00a0timescales  and\nwere  not reviewed\n")
    result = normalise(raw)
    for out, char in enumerate(result.text):
        if char not in " \n•":
            assert raw[result.to_source(out)] == char
