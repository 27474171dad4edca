"""What a compiled regex can start with, read from its parse tree: first_characters (for a
look-ahead guard, guarded) and starting_strings (for StartedPattern)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .memo import DiskMemo

from .regex_tree import sre as _sre, sre_parser as _sre_parser


# what each rule pattern starts with, from disk after the first build (reading the parse trees of the
# judgements' and meeting's patterns was a fifth of a one-document run); named by this module's source
PARSED = DiskMemo("first-chars", Path(__file__))


class _Unknown(Exception):
    """guarded(): a construct whose first characters are not worked out."""


_CATEGORIES = {_sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W", _sre.CATEGORY_DIGIT: r"\d",
               _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_NOT_SPACE: r"\S"}


def _first_chars(items, found: list[str], ignorecase: bool) -> bool:
    """Add to `found` (character-class items) every character a match of `items` can start with; True when
    `items` can also match the empty string."""
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: the next item reads the first character
        if op is _sre.LITERAL:
            found.append(re.escape(chr(av)))
            return False
        if op is _sre.IN:
            for kind, value in av:
                if kind is _sre.LITERAL:
                    found.append(re.escape(chr(value)))
                elif kind is _sre.RANGE:
                    found.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
                elif kind is _sre.CATEGORY and value in _CATEGORIES:
                    found.append(_CATEGORIES[value])
                else:
                    raise _Unknown  # a negated class
            return False
        if op is _sre.SUBPATTERN:
            if av[1] & re.IGNORECASE and not ignorecase:
                raise _Unknown  # "(?i:...)" inside a case-sensitive pattern
            if not _first_chars(av[3].data, found, ignorecase):
                return False
        elif op is _sre.BRANCH:
            empty = [_first_chars(alternative.data, found, ignorecase) for alternative in av[1]]
            if not any(empty):
                return False
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            if not _first_chars(av[2].data, found, ignorecase) and av[0] > 0:
                return False
        else:
            raise _Unknown  # any character, a back-reference, a condition ...
    return True


def first_characters(pattern: re.Pattern) -> Optional[str]:
    """A character class (its inside, read with the pattern's flags) holding every character a match of
    `pattern` can start with; None when that is not known or the pattern can match an empty string."""
    return _first_characters(pattern.pattern, pattern.flags)


@PARSED
def _first_characters(text, flags: int) -> Optional[str]:
    found: list[str] = []
    try:
        if _first_chars(_sre_parser.parse(text, flags).data, found, bool(flags & re.IGNORECASE)):
            return None  # it can match the empty string
    except _Unknown:
        return None
    return "".join(dict.fromkeys(found))


def guarded(pattern: re.Pattern) -> re.Pattern:
    """The pattern behind a look-ahead for the characters its matches can start with. A pattern that starts
    with `\b` and a case-insensitive alternation costs a full attempt at every character; the look-ahead
    turns most of them away after one test. Same matches; the pattern itself when the set is not known."""
    firsts = first_characters(pattern)
    if firsts is None:
        return pattern
    flags = re.match(r"\(\?[aiLmsux]+\)", pattern.pattern)  # they must stay first; pattern.flags holds them
    body = pattern.pattern[flags.end():] if flags else pattern.pattern
    return re.compile(f"(?=[{firsts}])" + body, pattern.flags)


_MAX_STARTS = 40  # more strings than this: cheaper to scan
_LONG_ENOUGH = 4  # starting strings this long are rare enough: stop growing them
_SHORTEST = 2  # shorter starting strings are too common to beat a guarded scan


def _grow(items, prefixes: set[str], long_enough: int = _LONG_ENOUGH) -> tuple[set[str], set[str]]:
    """Extend lower-cased prefixes through `items`: (prefixes that may grow further, prefixes that end);
    a prefix stops growing once `long_enough` characters long."""
    ended: set[str] = set()
    for op, av in items:
        before = prefixes
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width
        if op is _sre.LITERAL:
            prefixes = {p + chr(av).lower() for p in prefixes}
        elif op is _sre.IN and all(kind is _sre.LITERAL for kind, _ in av) and len(av) <= 8:
            prefixes = {p + chr(value).lower() for p in prefixes for _, value in av}
        elif op is _sre.SUBPATTERN:
            prefixes, done = _grow(av[3].data, prefixes, long_enough)
            ended |= done
        elif op is _sre.BRANCH:
            grown: set[str] = set()
            for alternative in av[1]:
                more, done = _grow(alternative.data, prefixes, long_enough)
                grown |= more
                ended |= done
            prefixes = grown
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] <= 1:
            more, done = _grow(av[2].data, prefixes, long_enough)
            ended |= done
            if av[1] == 1:
                prefixes = more if av[0] == 1 else prefixes | more  # once, or optional
            else:
                ended |= more  # after one repetition the prefix stops growing
                if av[0] == 1:
                    return set(), ended
        else:
            return set(), ended | prefixes  # a class, any character, a repeat ...: the prefixes end here
        if len(prefixes) > _MAX_STARTS:
            return set(), ended | before  # too many ways on: the prefixes end before this item
        if prefixes and min(map(len, prefixes)) >= long_enough:
            return set(), ended | prefixes
    return prefixes, ended


def starting_strings(pattern: re.Pattern) -> Optional[list[str]]:
    """Strings one of which every match of `pattern` starts with, lower-cased (to look for in the
    lower-cased text); None when they cannot be told or are too many or too short to help."""
    return _starting_strings(pattern.pattern, pattern.flags)


@PARSED
def _starting_strings(text, flags: int) -> Optional[list[str]]:
    parsed = _sre_parser.parse(text, flags).data
    for long_enough in range(_LONG_ENOUGH, _SHORTEST - 1, -1):  # shorter strings when longer are too many
        more, ended = _grow(parsed, {""}, long_enough)
        starts = more | ended
        if not starts or "" in starts:
            return None
        if len(starts) <= _MAX_STARTS:
            # a string that extends another is found wherever that one is
            return sorted(s for s in starts if not any(s != t and s.startswith(t) for t in starts))
    return None


def opens_at_word_boundary(pattern: re.Pattern) -> bool:
    """Whether every match of `pattern` opens with `\b` (behind nothing but other zero-width assertions), so
    that a match whose first character is a word character cannot start inside a word. Unicode patterns only
    (under re.ASCII `\b` reads another alphabet)."""
    return _opens_at_word_boundary(pattern.pattern, pattern.flags)


@PARSED
def _opens_at_word_boundary(text, flags: int) -> bool:
    if flags & (re.ASCII | re.LOCALE):
        return False
    return _boundary_first(_sre_parser.parse(text, flags).data)


def _boundary_first(items) -> bool:
    for op, av in items:
        if op is _sre.AT and av is _sre.AT_BOUNDARY:
            return True
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: the boundary may follow
        if op is _sre.SUBPATTERN:
            return not av[1] & (re.ASCII | re.LOCALE) and _boundary_first(av[3].data)
        if op is _sre.BRANCH:
            return all(_boundary_first(alternative.data) for alternative in av[1])
        return False
    return False


def preceding_characters(pattern: re.Pattern) -> Optional[str]:
    """Characters one of which must stand just before every match of `pattern`, from its opening look-behind of
    one character ("(?<=,)", "(?<=[\\t|])") or a line-start "^" in MULTILINE mode ("\\n"; a match may then start
    the text too); None when the pattern opens otherwise. Look-behinds that only exclude ("(?<!\\w)") are passed."""
    return _preceding_characters(pattern.pattern, pattern.flags)


@PARSED
def _preceding_characters(text, flags: int) -> Optional[str]:
    items = list(_sre_parser.parse(text, flags).data)
    while items and items[0][0] is _sre.ASSERT_NOT:
        items.pop(0)  # (it only turns starts away)
    if not items:
        return None
    op, av = items[0]
    if op is _sre.SUBPATTERN and av[0] is None and len(av[3].data) == 1:  # "(?m:^)": a group of one item
        flags = (flags | av[1]) & ~av[2]
        op, av = av[3].data[0]
    if op is _sre.AT and av is _sre.AT_BEGINNING and flags & re.MULTILINE:
        return "\n"
    if op is _sre.ASSERT and av[0] == -1 and len(av[1].data) == 1:  # a look-behind of one character
        kind, value = av[1].data[0]
        chars = [value] if kind is _sre.LITERAL else (
            [v for _, v in value] if kind is _sre.IN and all(k is _sre.LITERAL for k, _ in value) else None)
        if chars and all(chr(c).lower() == chr(c).upper() for c in chars):  # (case cannot change them)
            return "".join(map(chr, chars))
    return None
