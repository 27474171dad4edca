"""Patterns tried only where one of their starting strings occurs (Python's re has no literal
prefilter of its own): StartedPattern, StartScan (several patterns in one scan), WindowSearch; and
WordGate (whether a text holds any of a few words, before searching it for what needs one)."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from .first_chars import guarded, opens_at_word_boundary, starting_strings
from .tries import trie_pattern

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
        # every match opens a word (`\b` before a word character): it never starts just after a word character
        self.word_start = self.known and all(_WORD.match(w) for w in self.lower + self.exact) \
            and opens_at_word_boundary(pattern)

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
    every pattern that can start at that place (one whose string is a prefix of it). Inside a word (just
    after a word character) only the strings of patterns that may start there are read: most open with `\b`
    ("in", "on", "and" are inside many words)."""

    def __init__(self, patterns: list[StartedPattern]):
        self.patterns = patterns
        scanned = [p.known and not p.exact for p in patterns]
        inside = [ok and not p.word_start for ok, p in zip(scanned, patterns)]  # may start inside a word
        # group 1: the longest string at a word's start (any pattern); group 2: inside a word (`inside` ones)
        self.users: list[Optional[dict[str, list[int]]]] = [None]
        branches = []
        for may in (scanned, inside):
            words = sorted({w for ok, p in zip(may, patterns) if ok for w in p.lower}, key=len, reverse=True)
            self.users.append({w: [k for k, p in enumerate(patterns) if may[k] and w.startswith(p.lower)]
                               for w in words})
            if not words:
                branches.append("(?!)")
                continue
            firsts = "".join(sorted({re.escape(w[0]) for w in words}))
            # the longest string starting here, as a flat longest-first alternation reads it but branching a
            # character at a time (the flat one tried every string at every letter: twice the scan's time)
            alternatives = trie_pattern(words, literal_spaces=True)
            # the look-behind steps back over the letter just read, so the look-ahead starts on it
            branches.append(f"[{firsts}](?<=(?=({alternatives}))(?s:.))")
        self.listed = list(scanned)  # (by_pattern: the patterns whose starts the scan lists)
        self.scan = None if branches[0] == "(?!)" else re.compile(
            f"(?<!\\w){branches[0]}" + ("" if branches[1] == "(?!)" else f"|(?<=\\w){branches[1]}"))

    def by_pattern(self, low: Optional[str], lo: int, hi: int) -> list[Optional[list[int]]]:
        """For each pattern, where it can start in low[lo:hi] (None: it must scan)."""
        if low is None or self.scan is None:
            return [None] * len(self.patterns)
        found: list[Optional[list[int]]] = [[] if listed else None for listed in self.listed]
        users = self.users
        for m in self.scan.finditer(low, lo, hi):
            at = m.start()  # once per place, not once per pattern that can start there
            branch = m.lastindex
            for k in users[branch][m.group(branch)]:
                found[k].append(at)
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


_WORD = re.compile(r"\w")
_PLAIN_WORDS = re.compile(r"[a-z]+(?:\|[a-z]+)*")


class WordGate:
    """`gate.search(text)` is not None, for a case-insensitive gate regex: with plain lower-case words
    ("vot|motion|agreed") it is answered by finding them in the lower-cased text (several times faster
    than the regex, which tries every alternative at every character); the regex itself otherwise, and
    for the rare text whose lower-casing would not read as re.I does (lowered)."""

    def __init__(self, gate: re.Pattern):
        self.gate = gate
        self.words = tuple(gate.pattern.split("|")) if _PLAIN_WORDS.fullmatch(gate.pattern) else None

    def admits(self, text: str) -> bool:
        low = lowered(text) if self.words is not None else None
        if low is None:
            return self.gate.search(text) is not None
        return any(map(low.__contains__, self.words))
