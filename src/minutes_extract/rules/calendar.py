"""Schema of models/rules/calendar.json: month names, written once, and the placeholders built from them."""
from __future__ import annotations

from pydantic import Field

from .base import RuleFile, Strict, described

CALENDAR_FILE = "rules/calendar.json"


class Month(Strict):
    name: str = described("The month's name as written in title case ('September').")
    abbreviations: list[str] = described("Its abbreviations, longest first ('Sept', 'Sep'); a regex tries them in order.")
    also_a_word: bool = described("The name is also an ordinary word ('May'): left out of <<calendar:months_not_words>>.",
                                  default=False)
    other_names: list[str] = described("The month's name in another language the councils write in (Welsh 'Tachwedd'); "
                                       "read as the month in dates with a day or year, never alone.", default=[])


class CalendarRules(RuleFile):
    months: list[Month] = Field(description="The twelve months, January first.", min_length=12, max_length=12)


def calendar_fragments(calendar: dict) -> dict[str, str]:
    """The <<calendar:NAME>> placeholders of a (validated) calendar.json, as regex alternations."""
    months = calendar["months"]
    names = [m["name"] for m in months]
    names += [other for m in months for other in m.get("other_names", [])]  # after the English names
    return {
        "calendar:months": "|".join(names),
        "calendar:MONTHS": "|".join(n.upper() for n in names),
        "calendar:months_lower": "|".join(n.lower() for n in names),
        "calendar:month_abbreviations": "|".join(a for m in months for a in m["abbreviations"]),
        "calendar:MONTH_ABBREVIATIONS": "|".join(a.upper() for m in months for a in m["abbreviations"]),
        "calendar:months_not_words": "|".join(m["name"] for m in months if not m.get("also_a_word")),
    }


def month_numbers(calendar: dict) -> dict[str, int]:
    """Lower-case month name or abbreviation -> month number (1-12)."""
    numbers: dict[str, int] = {}
    for number, month in enumerate(calendar["months"], 1):
        for word in [month["name"], *month["abbreviations"], *month.get("other_names", [])]:
            numbers[word.lower()] = number
    return numbers
