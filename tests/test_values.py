"""Pure value parsing (no spaCy): numbers, money, date parts."""
import pytest

from minutes_extract.values.dates import (
    DateParts, financial_year, full_year, interpret, month_list, seasons_in, shift_for_relative, year_toward,
)
from minutes_extract.values.numbers import multiplier, parse_digits, parse_money, parse_number, parse_number_words


@pytest.mark.parametrize("text, value", [
    ("1,200", 1200), ("8.5", 8.5), ("330,000", 330000), ("twenty-five", 25), ("Twenty five", 25),
    ("Thirty three", 33), ("two hundred and fifty", 250), ("seventeen", 17), ("a hundred", 100), ("two", 2),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["someone", "1,20", "12a", "", "and two"])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_digits_and_words_are_kept_apart():
    assert parse_digits("twenty") is None
    assert parse_number_words("20") is None


@pytest.mark.parametrize("text, value", [
    ("c £51k", 51_000), ("£1.2m", 1_200_000), ("£330,000", 330_000), ("£140 million", 140_000_000),
    ("£1.3M", 1_300_000), ("£5,000", 5_000), ("£1,419m", 1_419_000_000), ("£2.149m", 2_149_000),
    ("£1.2bn", 1_200_000_000), ("£ 75k", 75_000), ("£64.00 per head", 64),
])
def test_parse_money(text, value):
    assert parse_money(text) == pytest.approx(value)


@pytest.mark.parametrize("suffix, factor", [(None, 1), ("k", 1e3), ("M", 1e6), ("million", 1e6), ("bn", 1e9)])
def test_multiplier(suffix, factor):
    assert multiplier(suffix) == factor


@pytest.mark.parametrize("kind, groups, values", [
    ("day_list", {"days": "29/30th", "month": "March", "year": "2022"}, ["2022-03-29", "2022-03-30"]),
    ("day_list", {"days": "14 and 15", "month": "December", "year": "2021"}, ["2021-12-14", "2021-12-15"]),
    ("day_list", {"days": "22-24th", "month": "June", "year": "2015"}, ["2015-06-22", "2015-06-24"]),
    ("day_list", {"days": "25th", "month": "January", "year": "2022"}, ["2022-01-25"]),
    ("day_list", {"days": "16", "month": "April"}, ["XXXX-04-16"]),
    ("day_list", {"days": "31", "month": "February", "year": "2022"}, []),
    ("day_list", {"days": "29", "month": "Feb"}, ["XXXX-02-29"]),
    ("month_day", {"month": "December", "day": "7th", "year": "2022"}, ["2022-12-07"]),
    ("numeric", {"day": "31", "month": "01", "year": "2022"}, ["2022-01-31"]),
    ("numeric", {"day": "14", "month": "03", "year": "22"}, ["2022-03-14"]),
    ("day_month_pair", {"day1": "22", "month1": "February", "day2": "16", "month2": "March", "year2": "2016"},
     ["2016-02-22", "2016-03-16"]),
    ("day_month_pair", {"day1": "26", "month1": "November", "day2": "27", "month2": "January", "year2": "2025"},
     ["2024-11-26", "2025-01-27"]),
    ("month_list", {"months": "January/February", "year": "2023"}, ["2023-01", "2023-02"]),
    ("month_list", {"months": "September and October", "year": "2022"}, ["2022-09", "2022-10"]),
    ("month_list", {"months": "November – January", "year": "2023"}, ["2022-11", "2023-01"]),
    ("month", {"month": "July", "year": "2021"}, ["2021-07"]),
    ("month", {"month": "Sept.", "year": "2021"}, ["2021-09"]),
    ("season", {"seasons": "summer", "year": "2022"}, ["2022-summer"]),
    ("season", {"seasons": "late spring/early summer", "year": "2025"}, ["2025-spring", "2025-summer"]),
    ("financial_year", {"start": "2021", "end": "22"}, ["2021/22"]),
    ("financial_year", {"start": "2024", "end": "2025"}, ["2024/25"]),
    ("financial_year", {"start": "2022", "end": "27"}, []),
    ("year", {"year": "2019"}, ["2019"]),
    ("decade", {"decade": "1990"}, ["1990s"]),
])
def test_interpret(kind, groups, values):
    assert [p.value() for p in interpret(kind, groups) if p.value()] == values


def test_a_year_less_date_takes_the_year_it_is_given():
    (part,) = interpret("day_list", {"days": "2", "month": "June"})
    assert part.year is None
    assert part.value(2025) == "2025-06-02"
    assert part.value() == "XXXX-06-02"


def test_a_year_less_month_has_no_value_without_a_year():
    assert DateParts(None, 11, None, "month").value() is None
    assert DateParts(None, 11, None, "month").value(2016) == "2016-11"


@pytest.mark.parametrize("text, year", [
    ("2022", 2022), ("22", 2022), ("1989", 1989), (None, None), ("123", None), ("’22", 2022), ("20-22", 2022),
])
def test_full_year(text, year):
    assert full_year(text) == year


@pytest.mark.parametrize("start, end, label", [("2016", "17", "2016/17"), ("1999", "00", "1999/00"), ("2016", "18", None)])
def test_financial_year(start, end, label):
    assert financial_year(start, end) == label


@pytest.mark.parametrize("month, cue, meeting_month, shift", [
    (2, "last", 1, -1), (11, "last", 12, 0), (2, "next", 7, 1), (8, "next", 7, 0), (8, None, 7, 0),
])
def test_shift_for_relative(month, cue, meeting_month, shift):
    assert shift_for_relative(month, cue, meeting_month) == shift


@pytest.mark.parametrize("text, months", [
    ("January/February", [1, 2]), ("Sept. and Oct", [9, 10]), ("November - January", [11, 1]), ("the board", []),
])
def test_month_list(text, months):
    assert month_list(text) == months


@pytest.mark.parametrize("text, seasons", [
    ("Spring/Summer", ["spring", "summer"]), ("mid-AUTUMN", ["autumn"]), ("term", []),
])
def test_seasons_in(text, seasons):
    assert seasons_in(text) == seasons


@pytest.mark.parametrize("ref_year, ref_month, month, direction, expected", [
    (2025, 1, 12, "past", 2024),
    (2025, 1, 12, None, 2024),       # December is a month before a January meeting
    (2025, 1, 12, "future", 2025),
    (2025, 7, 3, "future", 2026),    # the coming March
    (2025, 7, 3, None, 2025),
    (2025, 7, 1, None, 2025),        # six months either way: the meeting's year
    (2024, 11, 2, None, 2025),
    (2025, 3, 3, "past", 2025),      # the meeting's own month
    (2025, 3, 3, "future", 2025),
])
def test_year_toward(ref_year, ref_month, month, direction, expected):
    assert year_toward(ref_year, ref_month, month, direction) == expected


def test_months_of_a_financial_year_fall_in_its_two_calendar_years():
    parts = interpret("months_of_financial_year", {"months": "October to March", "start": "2023", "end": "24"})
    assert [p.value() for p in parts] == ["2023-10", "2024-03"]
    assert interpret("months_of_financial_year", {"months": "April to June", "start": "2023", "end": "25"}) == []
