"""minutes_meeting: authority, body and date from headers and running text."""
from __future__ import annotations

import pytest

from minutes_extract.components.meeting import MeetingReader, MeetingRules, parse_meeting_date
from minutes_extract.rules import load_json


@pytest.fixture(scope="module")
def reader():
    return MeetingReader(MeetingRules(load_json("rules/meeting.json")))


@pytest.mark.parametrize("seed, authority, body, date", [
    ("000", "West Northamptonshire Council", "People Overview and Scrutiny Committee", None),
    ("001", "Durham County Council", "Children and Young People’s Overview and Scrutiny Committee", None),
    ("002", "West Northamptonshire Council", "People Overview and Scrutiny Committee", None),
    ("003", "North Somerset Council", "Executive", "2022-12-07"),
    ("004", "Middlesbrough Council", None, None),  # an unnamed "Panel"
])
def test_seed_meetings(seed_records, seed, authority, body, date):
    meeting = seed_records[seed].meeting
    assert (meeting.authority, meeting.body, meeting.date) == (authority, body, date)


def test_meeting_date_is_set_for_the_dates_component(nlp):
    doc = nlp("North Somerset Council\n\nReport to the Executive\n\nDate of Meeting: December 7th 2022\n\n"
              "Subject of Report: Ofsted Focused Visit letter")
    assert doc._.meeting_date == "2022-12-07"
    assert doc._.meeting == {"authority": "North Somerset Council", "body": "Executive", "date": "2022-12-07"}


@pytest.mark.parametrize("text, iso", [
    ("December 7th 2022", "2022-12-07"),
    ("Monday, 20th March, 2017", "2017-03-20"),
    ("03/07/2025", "2025-07-03"),
    ("26/03/2007", "2007-03-26"),
    ("Tuesday 23 November 2021", "2021-11-23"),
    ("1 Sept 2020", "2020-09-01"),
    ("31/02/2020", None),
    ("sometime in 2020", None),
])
def test_parse_meeting_date(text, iso):
    assert parse_meeting_date(text) == iso


@pytest.mark.parametrize("text, expected", [
    ("Children and Families Overview and Scrutiny Committee Monday 25 September 2017\nItem 1",
     (None, "Children and Families Overview and Scrutiny Committee", "2017-09-25")),
    ("Issue - meetings\nILACS\nMeeting: 03/07/2025 - Health and Wellbeing Board (Item 10)",
     (None, "Health and Wellbeing Board", "2025-07-03")),
    ("Agenda and draft minutes\n"
     "Corporate Parenting Panel (12/11/2013- 30/04/2024) - Tuesday 23 November 2021 3.30 p.m.",
     (None, "Corporate Parenting Panel", "2021-11-23")),
    ("- Meeting of Scrutiny Committee - Children and Families, Monday, 21st October, 2024 10.00 am (Item 6.)",
     (None, "Scrutiny Committee - Children and Families", "2024-10-21")),
    ("KENT COUNTY COUNCIL\nCABINET\nMINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions House, "
     "County Hall, Maidstone on Thursday, 9 January 2025.", ("Kent County Council", "Cabinet", "2025-01-09")),
    ("CORPORATE PARENTING PANEL– 29 October 2024\nMINUTES of the meeting held in the Darent Room.",
     (None, "Corporate Parenting Panel", "2024-10-29")),
    ("From: Cabinet Member for Education\nTo: Cabinet – 30 January 2025\nSubject: Commissioning Plan",
     (None, "Cabinet", "2025-01-30")),
    ("Adult Services Cabinet Member – minutes – 13 January 2010\n48 (8) ANNUAL PERFORMANCE ASSESSMENT",
     (None, "Adult Services Cabinet Member", "2010-01-13")),
    ("Joint Standards Committee\n30 June 2022\nReport of the Monitoring Officer",
     (None, "Joint Standards Committee", "2022-06-30")),
    # the meeting's date stated in a sentence, the council's name over the committee's
    ("Wiltshire Council\nHealth Select Committee\nMinutes\nThe meeting was held on 3 March 2023 at County Hall.",
     ("Wiltshire Council", "Health Select Committee", "2023-03-03")),
    ("Item 4\nThe Head of Service reported progress. This meeting was held on Monday, 6 May 2024 in public.",
     (None, None, "2024-05-06")),
    ("Adults, Health and Housing Scrutiny Panel\nMinutes - 2 April 2025\nPresent: Councillor A",
     (None, "Adults, Health and Housing Scrutiny Panel", "2025-04-02")),
    ("SCHOOLS FORUM\nMINUTES OF THE MEETING HELD ON 9 OCTOBER 2024\nPresent: Mr B",
     (None, "Schools Forum", "2024-10-09")),
    ("REPORT TO: Audit Committee DATE OF MEETING: 14 May 2024\nREPORT OF: Treasurer",
     (None, "Audit Committee", "2024-05-14")),
    ("MINUTES OF THE MEETING OF THE CABINET OF THE LONDON BOROUGH OF HAVERING HELD ON 5 JUNE 2024",
     (None, "Cabinet", "2024-06-05")),
])
def test_headers(reader, text, expected):
    meeting = reader.read(text)
    assert (meeting["authority"], meeting["body"], meeting["date"]) == expected


def test_previous_minutes_item_below_the_header_is_not_the_meeting_date(reader):
    text = "Wiltshire Council\nCabinet\nAgenda\nItems\nApologies\nDeclarations\nMinutes of the meeting held on 2 May 2023"
    assert reader.read(text)["date"] is None


def test_previous_meeting_minutes_are_not_the_meeting_date(reader):
    text = "Hounslow Council\nAgenda and minutes\nItems\nMinutes of the meeting held on 23 February 2017 pdf icon"
    assert reader.read(text) == {"authority": "Hounslow Council", "body": None, "date": None}


@pytest.mark.parametrize("text, authority", [
    ("The submitted report stated that Darlington Borough Council had been inspected.", "Darlington Borough Council"),
    ("Officers from KCC explained the position in Kent.", "Kent County Council"),
    ("Venue: Rotherham Town Hall, Moorgate Street, Rotherham", "Rotherham Metropolitan Borough Council"),
    ("The Panel met at County Hall, Matlock.", "Derbyshire County Council"),
    ("Venue: Meeting Rooms 1 and 2, Shire Hall, Gloucester\nContact: Democratic Services",
     "Gloucestershire County Council"),
    ("Contact: executivecycle@westberks.gov.uk", "West Berkshire Council"),
    ("Contact: Taru Jaroszynski - 020 8583 2540 or email: taru.jaroszynski@hounslow.gov.uk", "Hounslow Council"),
    ("The report covered Monmouthshire & Torfaen Youth Offending Service.", None),  # a joint service
    ("Cllr Sarah Wakefield introduced the report on hackney carriage licences.", None),
])
def test_authority_from_running_text(reader, text, authority):
    assert reader.read(text)["authority"] == authority


@pytest.mark.parametrize("text, body", [
    ("The Sub Committee received two reports. This would be a standing item on future Safeguarding Sub Committee "
     "agendas. The Audit and Risk Management Committee had received this report at their last meeting.",
     "Safeguarding Sub Committee"),
    ("RESOLVED that: the People Overview and Scrutiny Committee requested a further update. The report had been "
     "presented to Cabinet.", "People Overview and Scrutiny Committee"),
    ("The Executive Director advised the Panel of progress.", None),
    ("Working Group 1 – Understanding of Need\nWorking Group 2 – Commissioning", None),
])
def test_body_from_running_text(reader, text, body):
    assert reader.read(text)["body"] == body


# -- speed-ups that must not change what is found ---------------------------------------------------
@pytest.mark.parametrize("text, found", [
    ("Kent County Council", ["Kent"]),
    ("North East Lincolnshire and North Lincolnshire", ["North East Lincolnshire", "North Lincolnshire"]),
    ("KENT-based Kentish BATH AND NORTH EAST SOMERSET", ["BATH AND NORTH EAST SOMERSET"]),
    ("Durham's Bath & North East Somerset's", ["Durham", "Bath & North East Somerset"]),
])
def test_place_names_longest_whole_words(reader, text, found):
    assert [m.group(1) for m in reader.r.place.finditer(text)] == found


def _spans(matches, group=0):
    return [m.span(group) for m in matches]


def test_one_scan_for_places_abbreviations_venues_and_nouns_finds_what_one_scan_each_finds(reader):
    from conftest import SEEDS
    from minutes_extract.components.meeting import _scan, _windows
    from minutes_extract.normalise import normalise
    r = reader.r
    texts = [normalise(p.read_text(encoding="utf-8")).text for p in SEEDS]
    texts.append("the Sub\nCommittee noted; KCC, B&NES and Kent-based Kent: County Hall, Maidstone. This  Panel "
                 "agreed that the Finance Sub Committee Members, the Board's Sub-Committee and SubCommittee met.")
    for text in texts:
        found = r.mentions.find(text)
        for name, pattern in [("place", r.place), ("abbreviation", r.abbreviation), ("venue", r.venue),
                              ("noun", r.body_anchor)]:
            assert _spans(found[name], name) == _spans(pattern.finditer(text)), name
        windows = _windows(text, text[::-1], _spans(found["noun"], "noun"), *r.body_window)
        for pattern in (r.named_body, r.generic_reference):
            assert [m.groupdict() | {"at": m.span()} for m in _scan(pattern, text, windows)] == \
                [m.groupdict() | {"at": m.span()} for m in pattern.finditer(text)]
