"""Schema of models/rules/dates.json (minutes_dates)."""
from __future__ import annotations

from typing import Literal

from .base import Anchor, AnchoredPattern, Regex, RuleFile, Strict, described

DateKind = Literal["day_month_pair", "month_day", "day_list", "month_list", "month", "months_of_financial_year",
                   "numeric", "year", "year_span", "financial_year", "decade", "season"]
YearLess = Literal["meeting", "context"]


class DatePattern(AnchoredPattern):
    id: str = described("Rule name, carried by each date as its provenance.")
    kind: DateKind = described("How the match is read into dates.")
    year_less: YearLess = described("Where a date without a year takes it from: the meeting or the text near it.",
                                    default="meeting")
    span: Literal["month", "months"] | None = described("Span group the mention also goes to (None: dates only).",
                                                        default=None)


class TenseCues(Strict):
    past: Regex = described("Words that put a year-less date in the past ('took place', 'since').")
    future: Regex = described("Words that put a year-less date in the future ('will', 'by').")


class DatesRules(RuleFile):
    fragments: dict[str, Regex] = described("<<NAME>> placeholders shared by the patterns.")
    anchors: dict[str, Anchor] = described("Named cheap finders of where a date can start.")
    patterns: list[DatePattern] = described("Date regexes, in priority order.")
    previous_meeting_before: Regex = described("'minutes of the meeting held on' before a date of a previous meeting.")
    previous_meeting_window: int = described("Characters before a date searched for previous_meeting_before.")
    meeting_after_last_months: int = described("Months after the meeting a year-less month may still fall.")
    header_date_before: Regex = described(
        "Text on a header line before a full date that makes it the meeting's own ('Held on', 'Date:', 'Minutes -', "
        "'... held in the Chamber on'): the stand-in for a meeting date the meeting component did not find.",
        default="$^")
    header_date_lines: int = described("Lines at the top of a document searched for a header date.", default=0)
    month_range_between: Regex = described(
        "What joins two year-less months into one range ('April to September'): both take their years together.",
        default="$^")
    month_range_until_gap: Regex = described(
        "Text between two year-less months (or days) of one sentence that ends in 'until' ('open in December ..., "
        "running until late March'): a range, whose ends take their years together.", default="$^")
    tense_cues: TenseCues = described("Tense cues that choose the year of a year-less date.")
    clause_break: Regex = described("Where a clause ends (tense cues are read within one clause).")
    clause_reach: int = described("Characters around a date read for tense cues.")
    undirected_month: Literal["nearest", "same_year"] = described(
        "A year-less month with no tense cue: the month nearest the meeting, or in the meeting's year.")
    recurring_after: Regex = described("'each year', 'annually' after a date: a day in every year.")
    not_after: Regex = described("Text before a number that makes it no year ('Act', 'No.', '£').")
    not_after_window: int = described("Characters before a match read for not_after.")
    neighbour_year_reach: int = described("Characters within which a year-less date borrows a written year.")
    not_after_kinds: list[DateKind] = described("Kinds the not_after veto applies to.")
