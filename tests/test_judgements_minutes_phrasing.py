"""Judgements as council minutes phrase them (issue 10, wt-judg): auxiliaries split by a quantifier, grades shared
with `as had`, gapped `X as G; Y as G` lists, `RI to be good`, `the judgement that X was G`, grades presupposed by a
definite noun phrase, bracketed grades, `improvement was required`, `its rating` owned by a named home, elliptical
grades after a judgement, and distractors (a school's participle, another authority by name). Sentences written
for these tests."""
from __future__ import annotations

import pytest

from written_sentences import GOOD, INAD, OUT, RI, judged_keys


CONTEXT = "Dunmore Borough Council\n\nThe Panel received the Ofsted inspection report.\n\n"


def judged(finder, text):
    return judged_keys(finder, CONTEXT, text)


def forecasts(finder, text):
    return judged_keys(finder, CONTEXT, text, forecast=True)


@pytest.mark.parametrize("text, expected", [
    # an auxiliary split from its participle by a quantifier, and a grade shared by "as had"
    ("The Director said that at the last inspection fostering, children in care and the impact of leaders on social "
     "work practice had all been judged 'inadequate', as had the overall effectiveness of services.",
     {("fostering", INAD), ("in_care", INAD), ("leaders", INAD), ("overall", INAD)}),
    # a gapped list: the verb and "as" of the first clause carry over
    ("Inspectors judged the overall effectiveness of services as good; the impact of leaders as outstanding; and care "
     "leavers as good.", {("overall", GOOD), ("leaders", OUT), ("care_leavers", GOOD)}),
    ("A member asked why leadership had been RI to be good at the last inspection.", {("leaders", RI)}),
    ("The service was rated RI to be good in 2023.", {("overall", RI)}),
    ("A member queried why help and protection remained requires improvement.", {("help_and_protection", RI)}),
    ("The judgement for care leavers was good.", {("care_leavers", GOOD)}),
    ("The outcome of the inspection was that the service was inadequate.", {("overall", INAD)}),
    ("The last full inspection, in 2021 (Requires Improvement), led to a new plan.", {("overall", RI)}),
    ("Inspection of Local Authority Children's Services (Good)", {("overall", GOOD)}),
    ("Inspectors found that improvement was required in help and protection.", {("help_and_protection", RI)}),
    ("It was found that improvement was required across all areas.", {("overall", RI)}),
    ("The two grades for leadership (inadequate in 2019 and requires improvement in 2022) were discussed.",
     {("leaders", INAD), ("leaders", RI)}),
])
def test_minutes_phrasings(finder, text, expected):
    assert judged(finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "whether ... could be sustained" governs the noun phrase; the grade it holds is a past fact
    ("Councillor Amos asked whether the 'good' judgement for care leavers could be sustained.", {("care_leavers", GOOD)}),
    ("Councillor Amos asked whether the judgement that leadership was good would be affected by the restructure.",
     {("leaders", GOOD)}),
])
def test_presupposed_grades_are_past(finder, text, expected):
    assert judged(finder, text) == expected


@pytest.mark.parametrize("text", [
    "The Director said the service hoped to achieve the good rating next year.",
    "Councillor Amos asked whether the service would be judged good.",
])
def test_hopes_stay_forecasts(finder, text):
    assert judged(finder, text) == set() and forecasts(finder, text)


@pytest.mark.parametrize("text, expected", [
    ("Larch House, the council's residential home for younger children, had a monitoring visit; inspectors were "
     "satisfied, so its previous 'Outstanding' rating stands.", {("Larch House", OUT)}),
    ("A member asked what had changed at Fern Lodge since its inadequate rating in 2020.", {("Fern Lodge", INAD)}),
    # another provider's home: no judgement of the authority's
    ("A member asked about Heron Court, a privately run home, and its inadequate rating in 2020.", set()),
])
def test_its_rating_owned_by_a_named_home(finder, text, expected):
    assert judged(finder, text) == expected


@pytest.mark.parametrize("text", [
    "The Cabinet Member said that Holy Trinity Primary School, judged inadequate in May, would become an academy.",
    "The Director said that Northfield had been rated good at its last inspection.",  # not Dunmore
    "The Ofsted inspection of Greenacre Nursery (Good) was noted.",
    "Inspectors found that improvement was required in the timeliness of assessments.",
])
def test_distractors(finder, text):
    assert judged(finder, text) == set()


def test_the_authority_named_by_its_place_is_its_own(finder):
    assert judged(finder, "Dunmore had been rated good at its last inspection.") == {("overall", GOOD)}


def test_no_place_check_without_an_authority_named(finder):
    found = {(c.area_key, c.grade) for c in finder.find("Ofsted report.\n\nNorthfield had been rated good by Ofsted.")}
    assert found == {("overall", GOOD)}


def test_area_comma_grade_items_after_a_colon(finder):
    text = ("The judgements were: overall effectiveness, requires improvement; help and protection, good; care leavers, "
            "inadequate.")
    assert judged(finder, text) == {("overall", RI), ("help_and_protection", GOOD), ("care_leavers", INAD)}


def test_a_grade_in_apposition_to_the_outcome(finder):
    assert judged(finder, "The outcome, 'Requires Improvement to be Good', was as expected.") == {("overall", RI)}
    assert judged(finder, "The outcome, good for everyone, was welcome.") == set()


@pytest.mark.parametrize("subject", ["The Council", "RBWM", "The Borough", "Maidenhead"])
def test_own_authority_spellings_are_not_other_places(finder, subject):
    text = f"Royal Borough of Windsor and Maidenhead\n\nOfsted inspection.\n\n{subject} was judged good by Ofsted."
    assert {(c.area_key, c.grade) for c in finder.find(text)} == {("overall", GOOD)}
