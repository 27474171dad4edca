"""Date and metric value forms of councils the rules were not tuned on (issue 10, second round):
year-less month ranges, `15-Mar-23`, `01.04.24`, `expected March 15`, accounting negatives `£(0.3)m`,
bracketed counts, and numbers that are no metrics. Sentences written for the tests."""
import pytest

from test_dates import date_values
from test_metrics import readings


def counts(nlp, text):
    return [value for kind, value, _ in readings(nlp, text) if kind == "count"]


# --- year-less month ranges: the start never after the end -------------------------------------------

@pytest.mark.parametrize("text, meeting, expected", [
    # a period reported on at a January meeting: the half-year just gone
    ("The report covered performance from April to September.", "2025-01-14", ["2024-04", "2024-09"]),
    ("Performance for October to December was reported.", "2025-01-14", ["2024-10", "2024-12"]),
    # said to come: starts at or after the meeting, and runs into the next year when it wraps
    ("The vaccination campaign would run from October to March.", "2024-09-19", ["2024-10", "2025-03"]),
    ("The consultation will run from June to August.", "2025-01-14", ["2025-06", "2025-08"]),
    ("The winter plan runs November to March.", "2025-11-10", ["2025-11", "2026-03"]),
])
def test_a_year_less_month_range_takes_its_years_together(nlp, text, meeting, expected):
    assert date_values(nlp, text, meeting) == expected


def test_separate_months_of_a_change_keep_their_own_years(nlp):
    text = "Waiting lists had reduced from 640 in April to 410 in September."
    assert date_values(nlp, text, "2024-10-22") == ["2024-04", "2024-09"]


# --- day forms -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The framework was published on 15-Mar-23 and revised on 3-Jan-2024.", ["2023-03-15", "2024-01-03"]),
    ("Work would start on 01.09.25.", ["2025-09-01"]),
    ("The next release is expected March 15, and the report is due on March 3.", ["2025-03-15", "2025-03-03"]),
])
def test_compact_and_month_first_day_forms(nlp, text, expected):
    assert date_values(nlp, text, "2025-01-14") == expected


def test_month_and_number_that_count_something_are_no_date(nlp):
    assert date_values(nlp, "In March 15 children were placed out of area.", "2025-01-14") == []
    assert counts(nlp, "In March 15 children were placed out of area.") == [15]


def test_dotted_numbers_after_a_label_are_no_date(nlp):
    assert date_values(nlp, "Version 01.02.03 of the system; clause 12.10.24 applies.", "2025-01-14") == []


# --- money -------------------------------------------------------------------------------------

def test_accounting_negatives_and_scales(nlp):
    found = readings(nlp, "The variance was -£1.2m against £1.2bn, with £850k saved, a £(0.3)m gap and (£2.4m) after it, "
                          "and an overspend of £(2.4m).")
    money = [value for kind, value, _ in found if kind == "money"]
    assert money == [-1_200_000, 1_200_000_000, 850_000, -300_000, 2_400_000, -2_400_000]


# --- counts --------------------------------------------------------------------------------------

def test_a_bracketed_number_after_a_counting_noun_is_a_count(nlp):
    assert counts(nlp, "The number of adults on the register (approximately 6,400) had risen.") == [6400]
    assert counts(nlp, "The cohort (6,400) was surveyed.") == [6400]


def test_a_bracketed_number_ending_an_attendance_item_is_no_count(nlp):
    assert counts(nlp, "Present: Forum representatives (2); Head of Service") == []


def test_a_label_list_stops_at_a_number_counting_a_noun(nlp):
    assert counts(nlp, "Under Section 117 of the Mental Health Act 1983, 186 people were receiving aftercare.") == [186]
    assert counts(nlp, "See paragraphs 12, 13 and 14 of the report.") == []


def test_parts_of_a_whole_are_two_counts_and_fractions_none(nlp):
    assert counts(nlp, "15 out of 20 GP practices offered checks.") == [15, 20]
    assert counts(nlp, "One in five pupils, a third of schools and nearly half of parents had doubled their use.") == []


@pytest.mark.parametrize("text", [
    "Young people aged 16-17 in Year 6 and Key Stage 2 were assessed.",
    "Under Section 17 and Schedule 12A, staff at Level 3 and Tier 2 with Band D council tax.",
    "Since COVID-19 the A4102 through Ward 3 had been closed.",
    "Call 01632 960123 or quote reference 24/01234/FUL.",
    "The meeting started at 10.30am, as set out on page 14 and paragraph 3.2.",
    "No more than 6 per day could be tested at the depot.",
])
def test_numbers_that_are_no_metrics(nlp, text):
    assert readings(nlp, text) == []


def test_fte_counts_and_percentages_of_change_or_share(nlp):
    assert counts(nlp, "There were 61 agency workers, of whom 1.5 FTE were in Legal Services.") == [61, 1.5]
    found = readings(nlp, "A 12% increase, and 12% of the target had been delivered.")
    assert found == [("percentage", 12, None), ("percentage", 12, None)]


def test_month_with_a_two_digit_year_as_in_table_columns(nlp):
    text = "The figures for June '24, Mar-24 and Sep-24 were shown."
    assert date_values(nlp, text, "2024-10-01") == ["2024-06", "2024-03", "2024-09"]


def test_month_of_a_price_index_read_against_the_date_just_before(nlp):
    # no meeting date: December is nearer April 2023 in the year before
    text = "Fees would rise on 1 April 2023 by the rate of December CPI inflation."
    assert date_values(nlp, text) == ["2023-04-01", "2022-12"]


def test_a_bare_month_without_a_meeting_date_is_read_nearest_the_dated_mention_before(nlp):
    text = "The plan was due by 31 January 2026. A new rota had been introduced in October and reviewed."
    assert date_values(nlp, text) == ["2026-01-31", "2025-10"]


def test_a_number_that_numbers_doubled_to_is_a_count(nlp):
    assert counts(nlp, "Numbers doubled to 400 over the year.") == [400]
