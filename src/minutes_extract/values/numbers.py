"""Numbers as written in minutes: digits with thousands separators, number words, scale suffixes.

    parse_number("1,200") -> 1200.0        parse_number("twenty-five") -> 25.0
    parse_money("c £51k") -> 51000.0       parse_money("£1.2m") -> 1200000.0
"""
from __future__ import annotations

import re
from typing import Optional

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_MULTIPLIERS = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "mn": 1_000_000, "mil": 1_000_000,
                "million": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "billion": 1_000_000_000,
                # a basis point is a hundredth of a percentage point: "30 basis points" -> 0.3 (points)
                "basis point": 0.01, "basis points": 0.01, "bps": 0.01}

_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_WORDS = "|".join(_TENS)
_BELOW_HUNDRED = rf"(?:(?:{_TENS_WORDS})(?:[\s-](?:{_UNIT_WORDS})\b)?|(?:{_UNIT_WORDS}))"
# "twenty-five", "two hundred and fifty", "three thousand": one number written in words.
NUMBER_WORDS_PATTERN = (
    rf"(?:{_BELOW_HUNDRED}(?:\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?{_BELOW_HUNDRED})?)?)\b"
)
_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_MONEY = re.compile(r"£\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<mult>k|m|mn|bn|b|million|billion|thousand)?\b", re.I)


def parse_digits(text: str) -> Optional[float]:
    """ "1,200" -> 1200.0, "8.5" -> 8.5; None for anything that is not one plain numeral."""
    text = text.strip()
    if not _DIGITS.match(text):
        return None
    return float(text.replace(",", ""))


def parse_number_words(text: str) -> Optional[float]:
    """ "twenty-five" -> 25, "two hundred and fifty" -> 250, "a hundred" -> 100; None if not a number."""
    words = re.split(r"[\s-]+", text.strip().lower())
    if not words or words == [""]:
        return None
    total, current, seen = 0, 0, False
    for i, word in enumerate(words):
        if word == "and" and seen:
            continue
        if word in ("a", "an") and i == 0:
            current, seen = 1, True
        elif word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word == "hundred" and seen:
            current *= 100
        elif word in _SCALES and seen:
            total += current * _SCALES[word]
            current = 0
        else:
            return None
    return float(total + current) if seen else None


def parse_number(text: str) -> Optional[float]:
    """Digits or words."""
    value = parse_digits(text)
    return value if value is not None else parse_number_words(text)


def multiplier(suffix: Optional[str]) -> float:
    """The scale a suffix stands for: "k" -> 1000, "m"/"million" -> 1e6, "bn" -> 1e9; 1 when absent."""
    if not suffix:
        return 1.0
    return float(_MULTIPLIERS.get(" ".join(suffix.lower().rstrip(".").split()), 1))


def scaled(number_text: str, suffix: Optional[str] = None) -> Optional[float]:
    """A numeral with an optional scale suffix: ("1.2", "m") -> 1200000."""
    value = parse_number(number_text)
    if value is None:
        return None
    return round(value * multiplier(suffix), 6)


def parse_money(text: str) -> Optional[float]:
    """The first pound amount in `text`: "c £51k" -> 51000, "£1.3M" -> 1300000, "£140 million" -> 1.4e8."""
    m = _MONEY.search(text)
    if not m:
        return None
    return scaled(m.group("num"), m.group("mult"))
