"""Header, date and metric shapes of councils the rules were not tuned on (issue 10, probes s8m01-s8m08):
Welsh month and weekday names in bilingual minutes, the singular Scottish `Minute of Meeting of ... held in
... on`, a `held on` line under a capitalised title, `Report to meeting of <date>`, a combined authority as
the authority, and `consecutive months` as a duration, not a count. Sentences written for the tests."""
import pytest

from minutes_extract.components.meeting import MeetingReader, MeetingRules
from minutes_extract.rules import load_json
from test_dates import date_values
from test_metrics import readings


@pytest.fixture(scope="module")
def reader():
    return MeetingReader(MeetingRules(load_json("rules/meeting.json")))


@pytest.mark.parametrize("text, expected", [
    ("Minute of Meeting of the Licensing Board of Kilmory Council held in the Burgh Hall, Kilmory on "
     "Tuesday 6 May 2025 at 2.00 pm.\nPresent: Councillors Reid and Baird.",
     ("Licensing Board", "2025-05-06")),
    ("MINUTES OF THE ADOPTION PANEL\nHELD ON FRIDAY, 12 SEPTEMBER 2025\nPresent: Mrs T Hale",
     ("Adoption Panel", "2025-09-12")),
    ("Pwyllgor Cynllunio / Planning Committee\nDyddiad / Date: Dydd Iau, 3 Gorffennaf 2025\nAmser / Time: 10am",
     (None, "2025-07-03")),
    ("Report to meeting of 18 March 2025\nAgenda Item 4\nSubject: Cemetery Fees",
     (None, "2025-03-18")),
])
def test_header_shapes(reader, text, expected):
    meeting = reader.read(text)
    assert (meeting["body"], meeting["date"]) == expected


def test_combined_authority_heading_is_the_authority(reader):
    meeting = reader.read("South Fenland Combined Authority\n\nMinutes of the Transport Committee\nDate: 4 April 2025")
    assert meeting["authority"] == "South Fenland Combined Authority"


def test_body_drops_the_council_after_of(reader):
    text = "Minute of Meeting of the Housing Committee of Strathmore Council held in the Chambers on 2 June 2025"
    assert reader.read(text)["body"] == "Housing Committee"


@pytest.mark.parametrize("text, expected", [
    ("The backlog was 40 cases in Rhagfyr 2024.", ["2024-12"]),
    ("The next meeting will be on 15 Hydref 2025.", ["2025-10-15"]),
])
def test_welsh_month_names(nlp, text, expected):
    assert date_values(nlp, text) == expected


def test_welsh_month_word_alone_is_no_date(nlp):
    assert date_values(nlp, "Members discussed the Mai report on Medi matters.") == []


@pytest.mark.parametrize("text", [
    "Referrals had risen for four consecutive months.",
    "Attendance had fallen for two successive years.",
])
def test_consecutive_periods_are_durations_not_counts(nlp, text):
    assert readings(nlp, text) == []


def test_percentage_points_in_words_are_a_percentage(nlp):
    assert readings(nlp, "Attendance rose by four percentage points over the term.") == [("percentage", 4, None)]


@pytest.mark.parametrize("text, body", [
    ("MINUTE OF MEETING OF THE PLANNING COMMITTEE OF DUNMORE COUNCIL HELD IN THE HALL ON 4 MARCH 2025", "Planning Committee"),
    ("Minutes of the Meeting of Full Council\nHeld on Thursday 6 March 2025\nPresent: the Mayor", "Full Council"),
])
def test_body_without_minutes_meeting_of_or_the_council(reader, text, body):
    assert reader.read(text)["body"] == body


def test_meeting_of_the_full_council_keeps_its_body(reader):
    text = "ASHVALE CITY COUNCIL\n\nMEETING OF THE FULL COUNCIL\n\nMinutes of the meeting held on Monday 3 March 2025"
    assert reader.read(text)["body"] is not None
