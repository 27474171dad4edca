"""Shared regex helpers for rule components: prefix-tree alternations of term lists, and scans that
try a pattern only where its match could start (Python's re has no literal prefilter of its own).
Pure Python, no spaCy."""
from __future__ import annotations

import re
from re import _constants as _sre, _parser as _sre_parser  # to read a pattern's first characters (guarded())
from bisect import bisect_left, bisect_right
from typing import Optional

import numpy as np
from spacy.attrs import IS_PUNCT, ORTH
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc


def trie_pattern(terms: list[str]) -> str:
    """One regex for many literal terms, branching a character at a time ("care leavers|care ..." share
    "care "): much faster than a flat alternation. Spaces match any run of whitespace."""
    trie: dict = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"


# The only non-ASCII characters that re.I matches to ASCII letters (İ ı ſ and the Kelvin sign).
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def lowered(text: str) -> Optional[str]:
    """text.lower() when it keeps every offset and an ASCII word that a case-insensitive pattern matches in
    `text` reads as that word lower-cased at the same offset; None for the rare text where it does not."""
    if any(map(text.__contains__, _FOLDS_TO_ASCII)):
        return None
    return text.lower()


class StartedPattern:
    """A regex whose every match starts with one of a few strings (`lower`: as found in the lower-cased
    text; `exact`: as written). Scanning a whole text, the regex would be tried at every character; here
    the strings are found first (str.find, C speed) and the regex is tried only where one starts."""

    def __init__(self, pattern: re.Pattern, starts: Optional[dict] = None):
        """`starts` as in the rule files; None: worked out from the pattern (starting_strings), and
        when they cannot be, the pattern scans behind a first-character look-ahead (guarded)."""
        self.pattern = guarded(pattern)
        if starts is None:
            derived = starting_strings(pattern)
            starts = {"lower": derived} if derived else None
        self.known = starts is not None
        self.lower = tuple(starts.get("lower", ())) if starts else ()
        self.exact = tuple(starts.get("exact", ())) if starts else ()

    def starts(self, text: str, low: str, lo: int = 0, hi: Optional[int] = None) -> list[int]:
        hi = len(text) if hi is None else hi
        found: set[int] = set()
        for where, words in ((low, self.lower), (text, self.exact)):
            for word in words:
                i = where.find(word, lo, hi)
                while i >= 0:
                    found.add(i)
                    i = where.find(word, i + 1, hi)
        return sorted(found)

    def finditer(self, text: str, low: Optional[str], lo: int = 0, hi: Optional[int] = None,
                 near: Optional[list[int]] = None) -> list[re.Match]:
        """The matches pattern.finditer(text, lo, hi) gives (it never matches an empty string); `low` is
        lowered(text), None to scan. `near`: where a StartScan holding this pattern found starting
        strings in [lo, hi)."""
        hi = len(text) if hi is None else hi
        if low is None or not self.known:
            return list(self.pattern.finditer(text, lo, hi))
        if near is not None and not self.exact:
            starts = near
        else:
            starts = self.starts(text, low, lo, hi)
        out: list[re.Match] = []
        resume = lo
        for i in starts:
            if i >= resume:
                m = self.pattern.match(text, i, hi)
                if m:
                    out.append(m)
                    resume = m.end()
        return out


class StartScan:
    """Where several StartedPatterns' (lower-case) starting strings occur in a text, in one scan: the scan
    stops once at each possible first letter and reads the longest starting string there, which tells
    every pattern that can start at that place (one whose string is a prefix of it)."""

    def __init__(self, patterns: list[StartedPattern]):
        self.patterns = patterns
        words = sorted({w for p in patterns if p.known and not p.exact for w in p.lower}, key=len, reverse=True)
        self.users = {w: [k for k, p in enumerate(patterns) if p.known and not p.exact and w.startswith(p.lower)]
                      for w in words}
        firsts = "".join(sorted({re.escape(w[0]) for w in words}))
        alternatives = "|".join(map(re.escape, words))  # longest first
        # the look-behind steps back over the letter just read, so the look-ahead starts on it
        self.scan = re.compile(f"[{firsts}](?<=(?=({alternatives}))(?s:.))") if words else None

    def by_pattern(self, low: Optional[str], lo: int, hi: int) -> list[Optional[list[int]]]:
        """For each pattern, where it can start in low[lo:hi] (None: it must scan)."""
        if low is None or self.scan is None:
            return [None] * len(self.patterns)
        found: list[Optional[list[int]]] = [
            [] if p.known and not p.exact else None for p in self.patterns]
        for m in self.scan.finditer(low, lo, hi):
            for k in self.users[m.group(1)]:
                found[k].append(m.start())
        return found


class WindowSearch:
    """pattern.search(text, lo, hi) is not None, for many windows of one text: tried only at the starts."""

    def __init__(self, started: StartedPattern, text: str, low: Optional[str]):
        self.pattern, self.text = started.pattern, text
        self.at = started.starts(text, low) if low is not None and started.known else None

    def __call__(self, lo: int, hi: int) -> bool:
        if self.at is None:
            return bool(self.pattern.search(self.text, lo, hi))
        for i in self.at[bisect_left(self.at, lo):bisect_left(self.at, hi)]:
            if self.pattern.match(self.text, i, hi):
                return True
        return False


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
    found: list[str] = []
    try:
        if _first_chars(_sre_parser.parse(pattern.pattern, pattern.flags).data, found,
                        bool(pattern.flags & re.IGNORECASE)):
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


def _grow(items, prefixes: set[str]) -> tuple[set[str], set[str]]:
    """Extend lower-cased prefixes through `items`: (prefixes that may grow further, prefixes that end)."""
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
            prefixes, done = _grow(av[3].data, prefixes)
            ended |= done
        elif op is _sre.BRANCH:
            grown: set[str] = set()
            for alternative in av[1]:
                more, done = _grow(alternative.data, prefixes)
                grown |= more
                ended |= done
            prefixes = grown
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] <= 1:
            more, done = _grow(av[2].data, prefixes)
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
        if prefixes and min(map(len, prefixes)) >= _LONG_ENOUGH:
            return set(), ended | prefixes
    return prefixes, ended


def starting_strings(pattern: re.Pattern) -> Optional[list[str]]:
    """Strings one of which every match of `pattern` starts with, lower-cased (to look for in the
    lower-cased text); None when they cannot be told or are too many or too short to help."""
    more, ended = _grow(_sre_parser.parse(pattern.pattern, pattern.flags).data, {""})
    starts = more | ended
    if not starts or "" in starts or len(starts) > _MAX_STARTS:
        return None
    # a string that extends another is found wherever that one is
    return sorted(s for s in starts if not any(s != t and s.startswith(t) for t in starts))


def nonblank_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every non-blank line of the text."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def lines_holding(offsets: list[int], lines: list[tuple[int, str]]) -> list[int]:
    """Indexes of the lines holding these (sorted) offsets, each once."""
    starts = [pos for pos, _ in lines]
    found: list[int] = []
    for offset in offsets:
        k = bisect_right(starts, offset) - 1
        if k >= 0 and (not found or found[-1] != k) and offset < starts[k] + len(lines[k][1]):
            found.append(k)
    return found


# -- sentences (shared by the segmenter and findings) --------------------------------------------------
_SENTENCE_ENDS = np.array(sorted(get_string_id(c) for c in Sentencizer.default_punct_chars), np.uint64)


def sentencizer_starts(doc: Doc) -> np.ndarray:
    """Per token, whether spaCy's sentencizer (default punctuation) would start a sentence there: at a word
    after a sentence-ending token, counting from the word before."""
    rows = doc.to_array([ORTH, IS_PUNCT])
    ends = _SENTENCE_ENDS[np.minimum(np.searchsorted(_SENTENCE_ENDS, rows[:, 0]), len(_SENTENCE_ENDS) - 1)] == rows[:, 0]
    words = np.flatnonzero((rows[:, 1] == 0) & ~ends)
    seen = np.cumsum(ends)[words]  # sentence-ending tokens so far
    out = np.zeros(len(doc), bool)
    out[words[np.diff(seen, prepend=0) > 0]] = True
    return out
