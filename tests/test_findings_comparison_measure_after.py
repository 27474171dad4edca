"""A comparison with an average or neighbours decides its polarity by the measure's direction. The measure may be
named after the comparison ("below the national average for placement stability"), not only before it. A report
that "set out that" something is so relays it, as "showed that" does; "set out the progress" presents a document."""
import pytest

from written_sentences import polarities_under

HEAD = "5. Children's Services Performance Update\n\nThe Assistant Director presented the report. "


def polarities(sentence: str) -> list[str]:
    return polarities_under(HEAD, f"{sentence}\n\nRESOLVED that the report be noted.")


@pytest.mark.parametrize("sentence, expected", [
    ("The council was below the national average for placement stability.", ["development"]),
    ("The authority was below the England average for the timeliness of plans.", ["development"]),
    ("The council was above the national average for re-referrals.", ["development"]),
    ("The council was below statistical neighbours for repeat child protection plans.", ["strength"]),
    ("The borough was above the regional average for the number of children in care.", []),
])
def test_measure_named_after_the_comparison(sentence, expected):
    assert polarities(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The report set out that caseloads were too high.", ["development"]),
    ("The report set out that the timeliness of assessments had improved.", ["strength"]),
    ("The report set out the progress made against the improvement plan.", []),
])
def test_report_set_out_that_relays(sentence, expected):
    assert polarities(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Agency staff usage had reduced to 12%, the lowest level for five years.", ["strength"]),
    ("Agency staff usage had risen to 20%.", ["development"]),
    ("Library usage had fallen by a fifth.", ["development"]),
])
def test_a_modifier_gives_its_head_its_direction(sentence, expected):
    assert polarities(sentence) == expected
