"""Item codes as numbers in a scheme: the shape of a code ("25/20" -> "9/9", "IV." -> "I."), the numbers
in it, and whether one number follows another. Pure functions; which lines carry codes is numbered.py's."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .lines import ItemStart


@dataclass
class Numbered:
    """A line that may open a numbered item: its code ("12", "25/20", "HC.043"), the code's shape (digits
    as 9: "9/9", "HC.9", "9."), the numbers in it, and the item it would start."""
    item: ItemStart
    shape: str
    key: tuple[int, ...]
    sentence: bool = False  # a long title with a full stop: an item only in a sequence of items
    sub: bool = False  # "6a" after "6": a lettered sub-item, placed after the sequence is found
    lettered: bool = False  # "IV." or "B.": a sequence of them must be two long


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(code: str) -> Optional[int]:
    """ "iv" -> 4; None unless the letters are a Roman numeral written the usual way."""
    values = [_ROMAN.get(c) for c in code.lower()]
    if None in values or not values:
        return None
    total = sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
    return total if 0 < total < 100 and _roman(total) == code.lower() else None


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def code_shapes(code: str, stop: str) -> list[tuple[str, tuple[int, ...]]]:
    """Each way to read an item code as (shape, numbers): "IV." -> ("I.", (4,)); "B." -> ("A.", (2,));
    "C." both; "6a" (or "6(a)") -> ("9", (6,)) as the number it extends; else code_shape."""
    if not any(c.isdigit() for c in code):
        readings = []
        roman = roman_value(code)
        if roman is not None:
            readings.append(("I" + stop if code.isupper() else "i" + stop, (roman,)))
        if len(code) == 1:
            readings.append(("A" + stop if code.isupper() else "a" + stop, (ord(code.lower()) - 96,)))
        return readings
    if code[-1].isalpha() and code[-2:-1].isdigit():
        code = code[:-1]
    elif code.endswith(")") and code[-4:-3].isdigit():  # "6(a)" extends 6 as "6a" does
        code = code[:-3]
    return [code_shape(code, stop)]


def code_shape(code: str, stop: str) -> tuple[str, tuple[int, ...]]:
    """ "25/20" -> ("9/9", (25, 20)); "HC.043" -> ("HC.9", (43,)); "12" + "." -> ("9.", (12,))."""
    return re.sub(r"\d+", "9", code) + stop, tuple(int(n) for n in re.findall(r"\d+", code))


def predecessors(key: tuple[int, ...], max_step: int) -> list[tuple[int, ...]]:
    """The numbers `key` can follow (see follows)."""
    return [key[:n] + (key[n] - step,) + key[n + 1:] for n in range(len(key)) for step in range(1, max_step + 1)]


def follows(previous: tuple[int, ...], key: tuple[int, ...], max_step: int) -> bool:
    """Does number `key` come next after `previous` in one numbering scheme? One part of it goes up a small
    step and the others stay ("25/20" -> "25/21", "26/23" -> "27/23", "12" -> "13" or "15")."""
    if len(previous) != len(key):
        return False
    steps = [b - a for a, b in zip(previous, key) if b != a]
    return len(steps) == 1 and 0 < steps[0] <= max_step


def reads_as_sentence(text: str) -> bool:
    """Long, or mostly lower-case after its first word: minutes prose rather than a title."""
    words = text.split()
    lower = sum(w[0].islower() for w in words[1:])
    return len(words) > 6 or (len(words) > 2 and lower > (len(words) - 1) / 2)
