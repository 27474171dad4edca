"""Calendar references as written in minutes -> ISO values (pure functions, no spaCy).

A rule isolates a date expression and names its groups (days, day, month, months, year, ...);
`interpret(kind, groups)` turns them into `DateParts` (year may be missing), and `DateParts.value(year)`
renders the ISO string once the caller has chosen a year for year-less mentions:

    interpret("day_list", {"days": "29/30th", "month": "March", "year": "2022"})
        -> [DateParts(2022, 3, 29, "day"), DateParts(2022, 3, 30, "day")]
    interpret("day_list", {"days": "16", "month": "April"})[0].value(None) -> "XXXX-04-16"
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

_SEASONS = ("spring", "summer", "autumn", "winter")


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Month name or abbreviation (lower case) -> number; the names are written in models/rules/calendar.json only."""
    from ..rules import month_table
    return month_table()
FINANCIAL_YEAR_START = 4  # UK public bodies' financial year runs April to March
_DAY = re.compile(r"\d{1,2}")
_NON_DIGIT = re.compile(r"\D")
_MONTH_WORD = re.compile(r"[A-Za-z]+\.?")
_LETTERS = re.compile(r"[A-Za-z]+")
_LIST_PIECES = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?|(-|–|—|\bto\b|\buntil\b|\btill\b|/|,|&|\band\b)", re.I)


@dataclass(frozen=True)
class DateParts:
    year: Optional[int]
    month: Optional[int] = None
    day: Optional[int] = None
    precision: str = "day"          # day | month | season | year | financial_year | decade
    label: Optional[str] = None     # season name, financial-year or decade text

    def value(self, year: Optional[int] = None) -> Optional[str]:
        """ISO text; a missing year is taken from `year`, else written XXXX. None if impossible."""
        y = self.year if self.year is not None else year
        if self.precision == "day":
            check_year = y if y is not None else 2000  # a leap year: 29 February stays valid
            if not (1 <= self.month <= 12 and 1 <= self.day <= calendar.monthrange(check_year, self.month)[1]):
                return None
            return f"{y if y is not None else 'XXXX'}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{y}-{self.month:02d}" if y is not None and 1 <= self.month <= 12 else None
        if self.precision == "season":
            return f"{y}-{self.label}" if y is not None else None
        if self.precision in ("financial_year", "decade"):
            return self.label
        return str(y) if y is not None else None


def month_number(name: str) -> Optional[int]:
    return _months().get(name.strip().rstrip(".").lower())


def full_year(text: Optional[str], century_of: int = 2000) -> Optional[int]:
    """ "2022" -> 2022, "22" -> 2022 (two-digit years are read as this century)."""
    if not text:
        return None
    digits = text if text.isdecimal() else _NON_DIGIT.sub("", text)
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        return century_of + int(digits)
    return None


def financial_year(start: str, end: str) -> Optional[str]:
    """ "2021", "22" -> "2021/22"; None unless the second year follows the first."""
    first = full_year(start)
    if first is None or not end.isdigit():
        return None
    second = int(end) if len(end) == 4 else first - first % 100 + int(end) + (100 if int(end) < first % 100 else 0)
    if second != first + 1:
        return None
    return f"{first}/{second % 100:02d}"


def day_list(text: str) -> list[int]:
    """Days of "14 and 15", "29/30th", "14, 15 and 16" (each), "22-24th" (the two ends of a range)."""
    days: list[int] = []
    for number, separator in _LIST_PIECES.findall(text):
        if number:
            days.append(int(number))
    return days


def month_list(text: str) -> list[int]:
    """Months of "January/February", "September and October", "January – December" (ends of a range)."""
    return [m for m in (month_number(w) for w in _MONTH_WORD.findall(text)) if m]


def seasons_in(text: str) -> list[str]:
    return [s for s in _LETTERS.findall(text.lower()) if s in _SEASONS]


def interpret(kind: str, groups: dict) -> list[DateParts]:
    """The date parts a matched expression denotes (see the module docstring for the group names)."""
    g = {k: v for k, v in groups.items() if v}
    year = full_year(g.get("year"))
    if kind == "day_list":
        month = month_number(g["month"])
        return [DateParts(year, month, d) for d in day_list(g["days"])]
    if kind == "day_month_pair":
        first_month, second_month = month_number(g["month1"]), month_number(g["month2"])
        second_year = full_year(g.get("year2"))
        first_year = year
        if first_year is None and second_year is not None:  # "26 November to 27 January 2025"
            first_year = second_year - 1 if first_month > second_month else second_year
        return [DateParts(first_year, first_month, int(g["day1"])), DateParts(second_year, second_month, int(g["day2"]))]
    if kind == "numeric":
        return [DateParts(year, int(g["month"]), int(g["day"]))]
    if kind == "month_day":
        return [DateParts(year, month_number(g["month"]), int(_DAY.search(g["day"]).group()))]
    if kind in ("month_list", "month"):
        months = month_list(g.get("months") or g["month"])
        return [DateParts(_year_of_listed_month(year, m, months[-1]), m, None, "month") for m in months]
    if kind == "months_of_financial_year":  # "(April to June) 2020/21": April-December in 2020, January-March in 2021
        label, first = financial_year(g["start"], g["end"]), full_year(g["start"])
        if not label:
            return []
        return [DateParts(first if m >= FINANCIAL_YEAR_START else first + 1, m, None, "month")
                for m in month_list(g["months"])]
    if kind == "season":
        return [DateParts(year, None, None, "season", s) for s in seasons_in(g["seasons"])]
    if kind == "financial_year":
        label = financial_year(g["start"], g["end"])
        return [DateParts(full_year(g["start"]), None, None, "financial_year", label)] if label else []
    if kind == "year_span":
        return [DateParts(full_year(g["start"]), precision="year"), DateParts(full_year(g["end"]), precision="year")]
    if kind == "year":
        return [DateParts(year, precision="year")]
    if kind == "decade":
        return [DateParts(full_year(g["decade"][:4]), precision="decade", label=g["decade"][:4] + "s")]
    raise ValueError(f"unknown date kind {kind!r}")


def _year_of_listed_month(year: Optional[int], month: int, last_month: int) -> Optional[int]:
    """In "November - January 2023" the months after the last one belong to the year before."""
    return year - 1 if year is not None and month > last_month else year


def shift_for_relative(month: int, cue: Optional[str], meeting_month: int) -> int:
    """Years to add to the meeting's year for a bare month: "last February" before, "next" after."""
    cue = (cue or "").lower()
    if cue == "last" and month >= meeting_month:
        return -1
    if cue == "next" and month <= meeting_month:
        return 1
    return 0


def year_toward(ref_year: int, ref_month: int, month: int, direction: Optional[str]) -> int:
    """The year that places `month` nearest the reference month (the meeting's) in the direction the text
    implies: "past" at or before it, "future" at or after it, None the nearest either way (six months
    apart: the reference year).

        year_toward(2025, 1, 12, "past") -> 2024     year_toward(2025, 11, 3, "future") -> 2026
    """
    if direction == "past":
        return ref_year if month <= ref_month else ref_year - 1
    if direction == "future":
        return ref_year if month >= ref_month else ref_year + 1
    if month - ref_month > 6:
        return ref_year - 1
    if ref_month - month > 6:
        return ref_year + 1
    return ref_year
