"""minutes_dates: calendar references on the seeds and on one-line cases."""
import pytest

from conftest import all_extractions
from minutes_extract.extensions import payloads


def dates_of(record):
    return [d for group, d in all_extractions(record) if group == "dates"]


def values(record, precision=None):
    return {d.value for d in dates_of(record) if precision is None or d.precision == precision}


def run_dates(nlp, text, meeting_date=None):
    doc = nlp.make_doc(text)
    doc._.meeting_date = meeting_date
    return nlp.get_pipe("minutes_dates")(doc)


def date_values(nlp, text, meeting_date=None):
    doc = run_dates(nlp, text, meeting_date)
    return [p["value"] for span in doc.spans["dates"] for p in payloads(span, "dates")]


def test_seed0_ordinal_day_and_months(seed_records):
    found = values(seed_records["000"])
    assert {"2022-01-25", "2021-07", "2021-11"} <= found
    assert "2022-summer" in values(seed_records["000"], "season")
    assert "2021/22" in values(seed_records["000"], "financial_year")


def test_seed1_between_two_dates_gives_both(seed_records):
    found = values(seed_records["001"], "day")
    assert {"2016-02-22", "2016-03-16", "2016-07-13"} <= found


def test_seed1_bare_months_take_the_year_of_the_nearest_date(seed_records):
    assert {"2016-11", "2016-08"} <= values(seed_records["001"], "month")


def test_seed3_month_first_date_and_month_pair(seed_records):
    found = values(seed_records["003"])
    assert {"2022-12-07", "2022-09", "2020-03", "2021-12", "2023-01", "2023-02"} <= found


def test_seed4_one_span_per_pair_of_days(seed_records):
    pair = [d for d in dates_of(seed_records["004"]) if d.text == "29/30th March 2022"]
    assert [d.value for d in pair] == ["2022-03-29", "2022-03-30"]
    assert {"2021-12-14", "2021-12-15", "2022-01-31", "2022-06", "2022-04"} <= values(seed_records["004"])


def test_no_date_from_sections_or_acts(seed_records):
    texts = {d.text for record in seed_records.values() for d in dates_of(record)}
    assert not any("Section" in t or "Act" in t or t in ("20", "1989") for t in texts)
    assert "1989" not in values(seed_records["002"])


@pytest.mark.parametrize("text, expected", [
    ("The visit on 25th January 2022 was noted.", ["2022-01-25"]),
    ("Date of Meeting: December 7th 2022", ["2022-12-07"]),
    ("Letter dated 31/01/2022 and 14/03/22.", ["2022-01-31", "2022-03-14"]),
    ("It took place on 14 and 15 December 2021.", ["2021-12-14", "2021-12-15"]),
    ("Carried out between 22 February and 16 March 2016.", ["2016-02-22", "2016-03-16"]),
    ("The next visit is on 29/30th March 2022.", ["2022-03-29", "2022-03-30"]),
    ("The meeting will take place in January/February 2023.", ["2023-01", "2023-02"]),
    ("Held on Monday, 20th March, 2017 at 10am.", ["2017-03-20"]),
    ("From 26 November to 27th January 2025.", ["2024-11-26", "2025-01-27"]),
    ("In September and October 2022 the service was inspected.", ["2022-09", "2022-10"]),
    ("Data for April 2008 to March 2009.", ["2008-04", "2009-03"]),
    ("A review in summer 2022 and the 2021/22 budget.", ["2022-summer", "2021/22"]),
    ("Under Section 20 of the Children Act 1989.", []),
    ("Cllr May Smith said we may march on; Item 12, Month 3.", []),
])
def test_date_expressions(nlp, text, expected):
    assert date_values(nlp, text) == expected


@pytest.mark.parametrize("text, meeting_date, expected", [
    ("Formal notification was received on 2 June.", "2025-07-03", ["2025-06-02"]),
    ("Formal notification was received on 2 June.", None, ["XXXX-06-02"]),
    ("Provision is set to begin in the middle of February.", "2021-01-05", ["2021-02"]),
    ("Provision is set to begin in the middle of February.", None, []),
    ("The plan is due in August; the visit was in June 2023.", None, ["2023-08", "2023-06"]),
    ("The Budget last February was set.", "2020-01-20", ["2019-02"]),
])
def test_year_less_dates(nlp, text, meeting_date, expected):
    assert date_values(nlp, text, meeting_date) == expected


def test_a_multi_date_span_carries_a_list_of_payloads(nlp):
    doc = run_dates(nlp, "on 14 and 15 December 2021")
    (span,) = doc.spans["dates"]
    assert span.text == "14 and 15 December 2021"
    assert span.label_ == "day_month"
    assert [p["precision"] for p in payloads(span, "dates")] == ["day", "day"]
