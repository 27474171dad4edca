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


@pytest.mark.parametrize("raw, expected", [
    ("RESOLVED: That\n(1) the report be noted; and\n(2) an update be brought to the next meeting.",
     "RESOLVED: That\n(1) the report be noted; and\n(2) an update be brought to the next meeting."),
    ("That the Panel\na) notes the report, and\nb) agrees the plan.", "That the Panel\na) notes the report, and\nb) agrees the plan."),
    ("the Board agreed to\ni. note the update and\nii. thank the staff.", "the Board agreed to\ni. note the update and\nii. thank the staff."),
    ("the Committee resolved that\n1. the minutes be signed; and\n2. the actions be closed.",
     "the Committee resolved that\n1. the minutes be signed; and\n2. the actions be closed."),
    ("(a) the plan be agreed, and\n(b) progress be reported.", "(a) the plan be agreed, and\n(b) progress be reported."),
])
def test_clause_markers_always_start_a_line(raw, expected):
    assert normalise(raw).text == expected


def test_a_dangling_word_still_joins_a_date():
    assert normalise("The meeting was held on\n12 March 2024 at noon.").text == "The meeting was held on 12 March 2024 at noon."


def test_a_field_line_is_not_joined_to_a_long_title():
    raw = ("Care Quality Commission Local Authority Assessment - Adult Social Care Improvement Plan Update\n"
           "Decision Maker: Cabinet\nDecision status: Approved\nIs subject to call in?: Yes\n"
           "The report set out the progress made on the improvement plan since the assessment in the spring.")
    lines = normalise(raw).text.split("\n")
    assert lines[1:4] == ["Decision Maker: Cabinet", "Decision status: Approved", "Is subject to call in?: Yes"]


def test_a_title_ending_with_its_document_link_is_not_joined():
    raw = ("140 Adult Social Care Performance Quarter Three Report 2023/24 PDF 1 MB\n"
           "Report of the Cabinet Member for Health and Wellbeing is attached and was presented to the meeting\nMinutes:")
    assert normalise(raw).text.split("\n")[0] == "140 Adult Social Care Performance Quarter Three Report 2023/24 PDF 1 MB"


def test_a_number_ending_a_wrapped_sentence_is_no_clause_marker():
    raw = "The average caseload of the social workers in the team rose to\n18. Inspectors found this too high."
    assert normalise(raw).text == "The average caseload of the social workers in the team rose to 18. Inspectors found this too high."


def test_a_title_in_capitals_is_not_continued_by_mixed_case_text():
    raw = ("21/22   REVIEW OF A LICENCE - THE STAR INN, MARKET PLACE\n"
           "        The sub-committee heard from the applicant and the police and\n"
           "        considered the representations made.\n")
    lines = normalise(raw).text.split("\n")
    assert lines[0] == "21/22 REVIEW OF A LICENCE - THE STAR INN, MARKET PLACE"


@pytest.mark.parametrize("suffix", ["XLSX 1 MB", "(415Kb)", "(0:24.50)"])
def test_a_line_ending_with_a_link_size_or_timestamp_ends_its_logical_line(suffix):
    raw = f"Budget Monitoring {suffix}\nMembers noted the forecast position for the year.\n"
    assert normalise(raw).text.split("\n")[0] == f"Budget Monitoring {suffix}"


def test_a_tabbed_table_keeps_rows_and_cells_but_a_tabbed_agenda_is_left_alone():
    table = "Area\t2022\t2025\nCare leavers\tGood\tGood\nHelp and protection\tInadequate\tGood\n"
    assert normalise(table).text == "Area | 2022 | 2025\nCare leavers | Good | Good\nHelp and protection | Inadequate | Good"
    agenda = "Item\tSubject\tLead\n1\tWelcome and apologies\tChair\n2\tBudget update\tFinance Lead\n"
    assert "|" not in normalise(agenda).text
    n = normalise(table)
    at = n.text.index("Good")
    assert table[n.to_source(at):n.to_source(at) + 4] == "Good"
