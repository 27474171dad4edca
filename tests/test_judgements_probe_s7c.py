"""Judgement shapes from the third probe batch (issue 10, s7c01-s7c06): a grade the service 'remains at', a standard
named with 'standard for' or '<area> standard', a provision that 'retains' its rating, a table whose judgement column
is followed by a 'Previous' column, and 'previous > current' cells. Sentences written for these tests."""
from __future__ import annotations

import pytest

from written_sentences import graded_pairs, judged_keys

CONTEXT = "The committee received the inspection report.\n\n"


def pairs(finder, text):
    return graded_pairs(finder, CONTEXT, text)


@pytest.mark.parametrize("text, expected", [
    ("The Director said the council remains at inadequate, pending the re-inspection.",
     {("overall", "inadequate")}),
    ("Officers confirmed that the service was still at requires improvement, the grade from the 2024 inspection.",
     {("overall", "requires_improvement")}),
    ("Under the first domain, the standard for partnerships and services was good.",
     {("partnerships and services", "good")}),
    ("Brookside Reablement, the council's in-house reablement service, retains its good rating from 2022.",
     {("Brookside Reablement", "good")}),
])
def test_third_batch_wordings(finder, text, expected):
    assert pairs(finder, text) == expected


@pytest.mark.parametrize("text", [
    "The service remains at the centre of the council's plans and staff morale is good.",
    "Members asked whether the council was aiming for good at the next inspection.",
])
def test_third_batch_non_judgements(finder, text):
    assert pairs(finder, text) == set()


def test_area_named_before_standard(finder):
    text = "The information and facilities standard was requires improvement."
    assert judged_keys(finder, CONTEXT, text) == {("hmip_information", "requires_improvement")}


def test_table_with_previous_column_after_judgement(finder):
    text = ("Home | Registered places | Last inspected | Judgement | Previous\n"
            "Elmstead | 5 places | 03/03/2025 | Inadequate | Requires improvement\n"
            "Foxglove | 2 places | 11/06/2025 | Good | Good\n")
    assert pairs(finder, text) == {("Elmstead", "inadequate"), ("Elmstead", "requires_improvement"),
                                   ("Foxglove", "good")}


def test_previous_then_current_grade_cells(finder):
    text = ("Inspection outcomes by service, previous and latest:\n"
            "Adoption service (Ofsted) | Requires improvement > Good | improved\n"
            "Fostering service (Ofsted) | Good > Good | no change\n")
    assert pairs(finder, text) == {("Adoption service", "requires_improvement"), ("Adoption service", "good"),
                                   ("Fostering service", "good")}


@pytest.mark.parametrize("text, expected", [
    # the aside names the council's own provision when the noun before it names nothing
    ("Its forerunner, the council's own fostering service, had been rated outstanding in 2018.",
     {("fostering", "outstanding")}),
    # a relative 'whose' clause hangs the grade on the area its antecedent ends with; 'up from' is the same area's
    ("Members thanked the team at Greyfield Adult Learning Service, whose inspection in March led to a grade of "
     "outstanding, up from good.", {("adult_learning", "outstanding"), ("adult_learning", "good")}),
    # 'rated separately and came out as'
    ("Out-of-court disposals were rated separately and came out as good.", {("out_of_court_disposals", "good")}),
    # the supported accommodation framework's judgement areas
    ("The council's supported lodgings scheme was rated good for how well young people are helped and protected.",
     {("sccif_protection", "good")}),
])
def test_third_batch_areas(finder, text, expected):
    assert judged_keys(finder, CONTEXT, text) == expected



@pytest.mark.parametrize("text, expected", [
    ("RESOLVED: That the Panel congratulates the staff at Ashcombe on the outstanding rating.",
     {("Ashcombe", "outstanding")}),
    ("RESOLVED: That the Panel thanks the staff of Children's Services for the good judgement.",
     {("overall", "good")}),
    ("RESOLVED: That the Panel congratulates the pupils of St Anne's School on the good rating.", set()),
])
def test_place_thanked_for_a_grade(finder, text, expected):
    assert pairs(finder, text) == expected
