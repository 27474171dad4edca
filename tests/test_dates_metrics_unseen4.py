"""Date and metric forms of councils the rules were not tuned on (issue 10, fourth round, probes s7f01-s7f08):
the meeting's date read from a header line the meeting component missed, ranges said to come that have
already begun, `backdated to`, a month before `census`/`count`, changes of a count (`up 11 on`), prior-year
figures in brackets, a count after `including`, a verb left out of a second change (`and the hourly rate from
£X to £Y`), points after a percentage, and scorecard rows flattened to text (`Label - Q2: 214 - Q1: 209`).
Sentences written for the tests."""
import pytest

from minutes_extract.components.dates import DateRules, find_mentions, header_meeting_date
from minutes_extract.pipeline import component_rules
from test_dates import date_values
from test_metrics import readings


def counts(nlp, text):
    return [value for kind, value, _ in readings(nlp, text) if kind == "count"]


# --- the meeting's date from its header --------------------------------------------------------------

@pytest.fixture(scope="module")
def date_rules():
    return DateRules(component_rules("rules/dates.json"))


@pytest.mark.parametrize("header, expected", [
    ("Minutes of the Licensing Panel\n\nHeld on Wednesday 4 June 2025 at 10.00am in Room 2\n", "2025-06-04"),
    ("Sutton Vale Council\nAdoption Panel\nMinutes - Friday 7 March 2025, 9.30am, Meeting Room 4\n", "2025-03-07"),
    ("Minute of Meeting of the Audit Committee held in the Chambers, Kirkfield on Tuesday 3 June 2025 at 2pm.\n",
     "2025-06-03"),
    ("Cyngor Tref\nDyddiad / Date: Dydd Llun, 2 Mehefin 2025 / Monday, 2 June 2025\n", "2025-06-02"),
])
def test_a_header_line_gives_the_meeting_date(date_rules, header, expected):
    text = header + "\n1. Apologies\n\nNone.\n"
    assert header_meeting_date(text, find_mentions(text, date_rules), date_rules) == expected


@pytest.mark.parametrize("text", [
    "Scrutiny Panel\n\nTo confirm the minutes of the meeting held on 12 May 2025.\n",
    "1. On 26 September 2024 the inspectors wrote to the council about the visit.\n",
    "Agenda item\nThe report had been presented to Cabinet at its meeting held on 9 July 2024, and was noted.\n",
])
def test_no_header_date_from_a_previous_meeting_or_a_sentence(date_rules, text):
    assert header_meeting_date(text, find_mentions(text, date_rules), date_rules) is None


def test_a_year_less_month_takes_its_year_from_the_header_date(nlp):
    from minutes_extract.extract import extract_text
    text = ("Pennock Borough Council\nMinutes of the Tenancy Panel\n\nHeld on Tuesday 11 November 2025 at 6pm\n\n"
            "1. Waiting list\n\nThe list had stood at 640 in February and had since fallen to 590.\n")
    record = extract_text(text, "m.txt", nlp)
    groups = [record.unassigned.dates] + [item.dates for item in record.items]
    assert "2025-02" in {d.value for group in groups for d in group}


# --- year-less dates read against the meeting -----------------------------------------------------------

@pytest.mark.parametrize("text, meeting, expected", [
    # a range said to come that has already begun: it ends after the meeting, it need not start after it
    ("The tenant survey would run from 20 October to 28 November.", "2025-11-11", ["2025-10-20", "2025-11-28"]),
    ("The winter service will run from October to March.", "2025-11-11", ["2025-10", "2026-03"]),
    ("The campaign will run from late January to March.", "2025-10-06", ["2026-01", "2026-03"]),
    ("The pay award, backdated to 1 September, would cost £2m.", "2025-02-20", ["2024-09-01"]),
    ("Numbers at the January census were lower.", "2025-02-20", ["2025-01"]),
    ("The July street count found 12 people.", "2025-09-10", ["2025-07"]),
    # a figure measured in a month is of a month gone by; a report to come is not
    ("In February the number on the register was 212.", "2025-11-13", ["2025-02"]),
    ("A further report will come to the Panel in February.", "2025-11-13", ["2026-02"]),
    ("The letter was sent on 31st Mar '25.", "2025-11-13", ["2025-03-31"]),
    ("The order was made on the 5th day of June 2025.", None, ["2025-06-05"]),
    ("Figures for April-June and July-Sept are shown.", "2025-11-13", ["2025-04", "2025-06", "2025-07", "2025-09"]),
    ("The pilot ran from 1 April 24 to 31 March 25.", None, ["2024-04-01", "2025-03-31"]),
    ("The report covers the period 1 Apr 24 - 31 Mar 25.", None, ["2024-04-01", "2025-03-31"]),
    ("On 14 March 25 people attended.", "2025-06-12", ["2025-03-14"]),
])
def test_year_less_dates_against_the_meeting(nlp, text, meeting, expected):
    assert date_values(nlp, text, meeting) == expected


# --- counts ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Delayed discharges stood at 48 at the census, up 9 on the same point last year.", [48.0, 9.0]),
    ("There were 312 complaints (2023/24: 287) and 41 compliments (last year: 39).", [312.0, 287.0, 41.0, 39.0]),
    ("The survey received 1,904 responses (2024: 1,311).", [1904.0, 1311.0]),
    ("The plan allocates 5,200 homes, including 900 at the garden village.", [5200.0, 900.0]),
])
def test_counts_that_lean_on_an_earlier_count(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Two in five tenants said the repair was late.",
    "Three in ten homes were empty.",
    "The score was 4.5, up 3 on last year.",
    "The average wait was 12 (2024: 15).",
])
def test_no_count_where_the_earlier_figure_counts_nothing(nlp, text):
    assert counts(nlp, text) == []


# --- changes and ranges of money ------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Day care fees will rise from £41.20 to £44.00 a session, and the transport charge from £3.10 to £3.40.",
     [41.2, 44.0, 3.1, 3.4]),
    ("Charges rose from £10 to £12, and we pay carers from £180 to £310 depending on age.", [10.0, 12.0, (180.0, 310.0)]),
    ("Allowances range from £150 to £290 a week.", [(150.0, 290.0)]),
])
def test_a_second_change_whose_verb_is_left_out(nlp, text, expected):
    assert [v for k, v, _ in readings(nlp, text) if k == "money"] == expected


# --- percentage points ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Prevention fell to 41.2%, a drop of 2.3 points on the previous year.", [41.2, 2.3]),
    ("Take-up was 62%, up 4 points on last year.", [62.0, 4.0]),
    ("The Attainment 8 score rose by 3 points.", []),
    ("Take-up was 62%, and the survey scored 7 points.", [62.0]),
    ("Occupancy was 80%, with 3 points of contact for families.", [80.0]),
])
def test_points_after_a_percentage_are_percentage_points(nlp, text, expected):
    assert [v for k, v, _ in readings(nlp, text) if k == "percentage"] == expected


# --- scorecard rows flattened to text -------------------------------------------------------------------
# (cells a wide gap apart reach the metrics as '|' cells: normalise writes them so)

@pytest.mark.parametrize("text, expected", [
    ("HS/04 Households in temporary accommodation - Q2: 188 - Q1: 176 - Trend: worsening", [188.0, 176.0]),
    ("Children on a protection plan | Nov-25: 251 | Target: n/a | Oct-25: 244 | Direction: up", [251.0, 244.0]),
    ("HS/05 Average days to relet a void home - Q2: 41 - Target: 30 - Q1: 44 - Trend: improving", []),
    ("HS/04 Households in temporary accommodation - Q2: 188 - Q1: 176 - Trend: worsening "
     "HS/05 Average days to relet a void home - Q2: 41 - Target: 30", [188.0, 176.0]),
])
def test_scorecard_cells_are_read_by_their_row_label(nlp, text, expected):
    assert counts(nlp, text) == expected


# --- a count whose noun is in the sentence before -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("At the end of June there were 291 open cases. This compares to 318 at the same point last year.", [291.0, 318.0]),
    ("The service had 27 complaints. Last year there were 35.", [27.0, 35.0]),
    ("Members noted 940 households on the register. The figure was 905 in 2024.", [940.0, 905.0]),
    ("Agency social workers - 37", [37.0]),
])
def test_a_count_carried_from_the_sentence_before(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The rate was 38.2 per 10,000. This compares with 41 nationally.",
    "The average wait was 12 weeks. This compares with 15 last year.",
    "This compares to 402 at the same point last year.",
])
def test_nothing_carried_from_a_rate_or_a_duration(nlp, text):
    assert counts(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("The campaign page had 2.5k visits.", [("count", 2500.0, None)]),
    ("No fewer than six councillors spoke.", [("count", 6.0, "ge")]),
    ("Fewer than 20 households remain.", [("count", 20.0, "lt")]),
    ("She ran a 5k race.", []),
])
def test_thousands_written_k_and_no_fewer_than(nlp, text, expected):
    assert readings(nlp, text) == expected
