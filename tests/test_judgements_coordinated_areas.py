"""Two inspection areas named in full and joined by "and" share the grade after them, also when the second is
named as the ILACS standard names it ("the experiences (and progress) of children in care")."""
import pytest

from minutes_extract import extract_text

PARAGRAPH = ("1. Ofsted inspection of children's services\n\nThe Director introduced the report on the inspection, "
             "which took place in March. {} Members thanked staff for their work.\n")


def judgements_of(sentence: str) -> set[tuple[str, str]]:
    record = extract_text(PARAGRAPH.format(sentence))
    found = [j for item in record.items for j in item.judgements] + list(record.unassigned.judgements)
    return {(j.area.lower(), j.grade) for j in found}


@pytest.mark.parametrize("sentence, expected", [
    ("The impact of leaders and the experiences of children in care were both graded requires improvement to be good.",
     {("the impact of leaders", "requires_improvement"), ("children in care", "requires_improvement")}),
    ("The impact of leaders and the experiences and progress of children in care were each judged good.",
     {("the impact of leaders", "good"), ("the experiences and progress of children in care", "good")}),
    ("Help and protection and the experiences of care leavers were judged inadequate.",
     {("help and protection", "inadequate"), ("care leavers", "inadequate")}),
])
def test_both_areas_take_the_grade(sentence, expected):
    assert judgements_of(sentence) == expected


def test_one_standard_area_stays_one():
    assert judgements_of("The experiences and progress of children in care and care leavers was judged good.") == {
        ("the experiences and progress of children in care and care leavers", "good")}


def test_as_was_the_experience_of_an_area_shares_the_grade():
    assert judgements_of("Leadership was rated good, as was the experience of children in care.") == {
        ("leadership", "good"), ("children in care", "good")}
