"""Judgement shapes from the written probes (issue 10): a grade in a predicate coordinated with an earlier one of
the same subject, 'rated it' after an inspection noun whose object is the provision, a grade noun received by a named
service, and a grade given 'in all three areas:' before the list of those areas. Sentences written for these tests."""
from __future__ import annotations

import pytest

from written_sentences import graded_pairs

CONTEXT = "The committee received the inspection report.\n\n"


def pairs(finder, text):
    return graded_pairs(finder, CONTEXT, text)


@pytest.mark.parametrize("text, expected", [
    ("The Director said that the council had received its CQC assessment letter in March 2025 and had been rated "
     "\"good\" overall.", {("overall", "good")}),
    ("The authority had published its local account in the spring and was rated 'inadequate' overall.",
     {("overall", "inadequate")}),
    ("The most recent Ofsted review of the council's own short breaks service, in 2023, rated it outstanding.",
     {("short breaks service", "outstanding")}),
    ("The last CQC inspection of the council's in-house reablement service rated it requires improvement.",
     {("reablement service", "requires_improvement")}),
    ("Members heard that the adoption service had received the authority's first outstanding grade in ten years.",
     {("adoption service", "outstanding")}),
])
def test_coordinated_and_object_wordings(finder, text, expected):
    assert pairs(finder, text) == expected


@pytest.mark.parametrize("text", [
    "The recent Ofsted inspection of Holly Bank Primary School, in May, rated it good.",
])
def test_an_inspected_school_is_not_the_council(finder, text):
    assert pairs(finder, text) == set()


def test_a_grade_for_listed_areas_is_not_the_subjects(finder):
    text = ("The Head of Service reported that Rowan Lodge had been inspected on 2 and 3 May 2025 and was judged "
            "good in all three areas:")
    assert pairs(finder, text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Councillor Reid asked whether the fostering service was still rated good, as it had been in 2019.",
     {("fostering service", "good")}),
])
def test_a_grade_asserted_by_an_as_clause_is_past(finder, text, expected):
    assert pairs(finder, text) == expected


def test_a_question_about_a_future_grade_stays_a_forecast(finder):
    text = "Councillor Reid asked whether the fostering service would be rated outstanding at its next inspection."
    assert pairs(finder, text) == set()
    assert {(c.area, c.grade) for c in finder.find(CONTEXT + text) if c.forecast} == {("fostering service", "outstanding")}


def test_rated_it_after_a_published_assessment_of_the_council(finder):
    text = "The Care Quality Commission assessment of the County Council, published in March, rated it as Good."
    assert pairs(finder, text) == {("overall", "good")}


def test_rated_it_after_a_published_inspection_of_a_school(finder):
    text = "The Ofsted inspection of Holly Bank Primary School, published in March, rated it as Good."
    assert pairs(finder, text) == set()


@pytest.mark.parametrize("text", [
    "The Committee was told that maternity services at the hospital had been rated requires improvement.",
    "Members heard that the emergency department had been rated inadequate by the CQC.",
])
def test_hospital_services_are_not_the_councils(finder, text):
    assert pairs(finder, text) == set()


@pytest.mark.parametrize("text, expected", [
    ("The Panel heard that the adoption agency, Fernside Adoption Partnership, had kept its rating of Good.",
     {("Fernside Adoption Partnership", "good")}),
])
def test_a_provision_named_in_apposition_is_the_area(finder, text, expected):
    assert pairs(finder, text) == expected


def test_an_independent_provision_named_in_apposition_is_not_the_councils(finder):
    text = "Members heard that an independent agency, Brightpath Fostering, had been rated good."
    assert pairs(finder, text) == set()


def test_the_services_grade_is_the_own_service_named_before(finder):
    text = ("The Director reported on the Ofsted visit to the Council's adult learning service in May, which followed "
            "the service's 'inadequate' inspection outcome in 2024.")
    assert {(c.area_key, c.grade) for c in finder.find(CONTEXT + text) if not c.forecast} == {("adult_learning", "inadequate")}
