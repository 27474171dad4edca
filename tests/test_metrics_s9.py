"""Metric shapes of registers the probes lacked (issue 10, probes s9m01-s9m08): a '%' column in a budget
table (negative in brackets), lower-case vote tallies with the label first, caseloads held 'each' by
officers, scorecard cells that give a period and a figure with no colon, and basis points. Sentences
written for the tests."""
import pytest

from test_metrics import readings


def test_percent_column_of_a_budget_table(nlp):
    text = ("The forecast was set out in the table below.\n\n"
            "                        Budget      Forecast    Variance    Variance\n"
            "                        £000        £000        £000        %\n"
            "Street Lighting         2,410       2,530       120         5.0\n"
            "Parks                   1,200       1,140       (60)        (5.0)\n")
    assert readings(nlp, text) == [
        ("money", 2410000.0, None), ("money", 2530000.0, None), ("money", 120000.0, None), ("percentage", 5.0, None),
        ("money", 1200000.0, None), ("money", 1140000.0, None), ("money", -60000.0, None), ("percentage", -5.0, None)]


def test_percent_heading_of_a_piped_table(nlp):
    text = "Measure | Target % | Actual %\nAppeals decided on time | 90 | 84\n"
    assert readings(nlp, text) == [("percentage", 90.0, None), ("percentage", 84.0, None)]


def test_a_heading_without_percent_gives_no_percentage(nlp):
    text = "Ward | Electors | Turnout\nNorth | 4,120 | 31\n"
    assert ("percentage", 31.0, None) not in readings(nlp, text)


def test_lower_case_tally_with_its_label_first(nlp):
    text = "A recorded vote on the motion was taken: for 29, against 11, abstentions 3."
    assert readings(nlp, text) == [("count", 29.0, None), ("count", 11.0, None), ("count", 3.0, None)]


@pytest.mark.parametrize("text, expected", [
    ("The three officers each held about 120 cases at the end of the year.",
     [("count", 3.0, None), ("caseload", 120.0, None)]),
    ("The 12 officers each held 3 meetings with schools.", [("count", 12.0, None), ("count", 3.0, None)]),
])
def test_cases_held_each_by_officers(nlp, text, expected):
    assert readings(nlp, text) == expected


def test_scorecard_cells_of_period_and_figure(nlp):
    text = ("The measures were reported as follows:\n"
            "Complaints received | Q1 140 | Q2 152 | improving\n"
            "Average wait for a grant | Q1 41 | Q2 38 | improving\n")
    assert readings(nlp, text) == [("count", 140.0, None), ("count", 152.0, None)]


def test_basis_points_are_percentage_points(nlp):
    text = "The Fund returned 3.1% against a benchmark of 2.9%, an outperformance of 20 basis points."
    assert readings(nlp, text)[-1] == ("percentage", 0.2, None)


@pytest.mark.parametrize("text, expected", [
    ("The team had 14 vacancies, down from 21 in June.", [("count", 14.0, None), ("count", 21.0, None)]),
    ("Complaints stood at 96, up from 18 a year ago.", [("count", 96.0, None), ("count", 18.0, None)]),
])
def test_up_or_down_from_an_age_like_number_is_a_count(nlp, text, expected):
    assert readings(nlp, text) == expected


def test_from_an_age_alone_is_no_count(nlp):
    assert readings(nlp, "The service is offered from 18 and runs from 16 to 25.") == []


def test_approximate_bare_count_after_a_clause_start(nlp):
    text = "Some 600 residents were invited, and around 45 attended the drop-in session."
    assert readings(nlp, text) == [("count", 600.0, None), ("count", 45.0, None)]
