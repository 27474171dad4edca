"""What every match of a line-final regex ends with, read from its parse tree (closing_character), so a
caller skips the search on a line that does not end so (re.search tries such a pattern at every
character of every line)."""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Optional

from .memo import DiskMemo

from .regex_tree import REPEATS as _REPEATS, sre as _sre, sre_parser as _sre_parser

_SPACES = [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_SPACE)])]

# what each analysed pattern gave, from disk after the first build (parsing the meeting's header patterns
# alone took 14 ms of every start); named by this module's source. pipeline.build_pipeline saves it.
ENDS = DiskMemo("ends", Path(__file__))


def closing_character(pattern: re.Pattern) -> Optional[str]:
    """C for a pattern written `...C\\s*$` (C a literal character, no MULTILINE): a text it matches ends
    with C once trailing whitespace is stripped (str.rstrip strips what \\s matches). None for any other
    shape (a top-level alternation, a class, a quantified C ...)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.MULTILINE:
        return None
    return _closing_character(pattern.pattern, pattern.flags)


@ENDS
def _closing_character(text: str, flags: int) -> Optional[str]:
    items = list(_sre_parser.parse(text, flags))
    if len(items) < 3 or items[-1] != (_sre.AT, _sre.AT_END):
        return None
    (op, av), (last_op, last) = items[-2], items[-3]
    if op is not _sre.MAX_REPEAT or av[0] != 0 or av[1] != _sre.MAXREPEAT or list(av[2]) != _SPACES:
        return None
    if last_op is not _sre.LITERAL:
        return None
    char = chr(last)
    if char.isspace() or (flags & re.IGNORECASE and char.lower() != char.upper()):
        return None
    return char


def required_literals(pattern: re.Pattern, shortest: int = 3) -> list[str]:
    """Runs of literal ASCII characters in the pattern's top-level sequence (every match contains each of
    them), at least `shortest` long; lower-cased for a case-insensitive pattern (look for them in
    `lowered(text)`, which is None where re.I would match a non-ASCII letter to an ASCII one). Empty when
    there are none."""
    if not isinstance(pattern.pattern, str):
        return []
    return _required_literals(pattern.pattern, pattern.flags, shortest)


@ENDS
def _required_literals(text: str, flags: int, shortest: int) -> list[str]:
    runs: list[str] = []
    run = ""
    for op, av in _sre_parser.parse(text, flags):
        if op is _sre.LITERAL and av < 128:
            run += chr(av)
            continue
        runs.append(run)
        run = ""
    runs.append(run)
    fold = bool(flags & re.IGNORECASE)
    return [r.lower() if fold else r for r in runs if len(r) >= shortest]


_DIGIT_CATEGORIES = (_sre.CATEGORY_DIGIT, _sre.CATEGORY_UNI_DIGIT) if hasattr(_sre, "CATEGORY_UNI_DIGIT") else (
    _sre.CATEGORY_DIGIT,)


def needs_digit(pattern: re.Pattern) -> bool:
    """Whether every match of the pattern holds a digit (a date, an amount): a text without one is not
    searched. False when that cannot be told from the parse tree."""
    if not isinstance(pattern.pattern, str):
        return False
    return _needs_digit(pattern.pattern, pattern.flags)


@ENDS
def _needs_digit(text: str, flags: int) -> bool:
    return _sequence_needs_digit(_sre_parser.parse(text, flags))


def _sequence_needs_digit(items) -> bool:
    return any(_item_needs_digit(op, av) for op, av in items)


def _item_needs_digit(op, av) -> bool:
    if op is _sre.LITERAL:
        return chr(av) in "0123456789"
    if op is _sre.IN:
        return bool(av) and all(
            (kind is _sre.LITERAL and chr(value) in "0123456789")
            or (kind is _sre.RANGE and "0" <= chr(value[0]) and chr(value[1]) <= "9")
            or (kind is _sre.CATEGORY and value in _DIGIT_CATEGORIES) for kind, value in av)
    if op in _REPEATS:
        return av[0] >= 1 and _sequence_needs_digit(av[2])
    if op is _sre.SUBPATTERN:
        return _sequence_needs_digit(av[3])
    if op is _sre.BRANCH:
        return all(_sequence_needs_digit(alternative) for alternative in av[1])
    return False


@functools.lru_cache(maxsize=256)  # asked per line by callers holding the compiled pattern
def required_characters(pattern: re.Pattern) -> Optional[str]:
    """Characters one of which every match of the pattern holds (a cell separator `\\s*\\|\\s*|\\s+[-–—]\\s+`
    holds "|", "-", "–" or "—"): a text holding none of them has no match. None when that cannot be told from
    the parse tree, or when case-insensitivity would make letters of them."""
    if not isinstance(pattern.pattern, str):
        return None
    return _required_characters(pattern.pattern, pattern.flags)


@ENDS
def _required_characters(text: str, flags: int) -> Optional[str]:
    found = _sequence_characters(_sre_parser.parse(text, flags))
    if found is None or (flags & re.IGNORECASE and any(c.lower() != c.upper() for c in found)):
        return None
    return "".join(sorted(found))


def _sequence_characters(items) -> Optional[set[str]]:
    """The smallest set that an item every match consumes draws its characters from, None when there is none."""
    best = None
    for op, av in items:
        found = _item_characters(op, av)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _item_characters(op, av) -> Optional[set[str]]:
    if op is _sre.LITERAL:
        return {chr(av)}
    if op is _sre.IN:
        if av and all(kind is _sre.LITERAL for kind, _ in av):  # (a negated or ranged class: not told)
            return {chr(value) for _, value in av}
        return None
    if op in _REPEATS:
        return _sequence_characters(av[2]) if av[0] >= 1 else None
    if op is _sre.SUBPATTERN:
        if av[1] & re.IGNORECASE or av[2] & re.IGNORECASE:  # (a group changing case-insensitivity: not told)
            return None
        return _sequence_characters(av[3])
    if op is _sre.BRANCH:
        found: set[str] = set()
        for alternative in av[1]:
            chars = _sequence_characters(alternative)
            if chars is None:
                return None
            found |= chars
        return found
    return None


def holds_any(text: str, characters: Optional[str]) -> bool:
    """Whether `text` holds one of `characters` (required_characters); True when they are not known (None)."""
    return characters is None or any(map(text.__contains__, characters))
