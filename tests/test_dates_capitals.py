"""Dates printed in capitals, as many minutes' header lines are ("TUESDAY, 14TH NOVEMBER, 2023"): the ordinal
suffix, the weekday and an abbreviated month read the same in capitals as in mixed case (issue 10: found by
re-running the seen councils with their short lines in capitals; sentences written for these tests)."""
import pytest

from minutes_extract.extract import extract_text
from test_dates import date_values


@pytest.mark.parametrize("text, value", [
    ("Meeting held on TUESDAY, 14TH NOVEMBER, 2023 at 2.00 pm.", "2023-11-14"),
    ("The panel last met on FRIDAY 8TH JULY 2022 in the Council Chamber.", "2022-07-08"),
    ("The report was signed off on 5 NOV 2015 by the Director.", "2015-11-05"),
    ("The visit ended on MARCH 15TH 2023 with a feedback meeting.", "2023-03-15"),
])
def test_a_date_in_capitals_reads_as_in_mixed_case(nlp, text, value):
    assert date_values(nlp, text) == [value]


def test_a_header_date_in_capitals_is_the_meeting_date():
    record = extract_text("NORTHSHIRE COUNTY COUNCIL\nCABINET\nMINUTES of the meeting held on THURSDAY, 23RD JANUARY, 2025\n\n"
                          "1. Apologies for absence\nApologies were received from Councillor Lane.\n")
    assert str(record.meeting.date) == "2025-01-23"
