"""Shared regex helpers for rule components: prefix-tree alternations of term lists, scans that try a
pattern only where its match could start (Python's re has no literal prefilter of its own), and anchored
rule regexes (Anchors, AnchoredRegex, expand_fragments, Ranges). Pure Python: spaCy is imported only
where a token anchor or a Doc needs it."""
from __future__ import annotations

import re
from re import _constants as _sre, _parser as _sre_parser  # to read a pattern's first characters (guarded())
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # spaCy is imported only where it is used (see Anchors)
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

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


# ---------------------------------------------------------------- anchored rule regexes
# Shared by the rule components (dates, metrics): where a rule can match (Anchors), the rule regex tried
# only there (AnchoredRegex), <<NAME>> fragments, overlap tests (Ranges) and the lower-cased text. spaCy
# is imported only where a token anchor or a Doc needs it, so the module stays importable without it.

_PLACEHOLDER = re.compile(r"<<([A-Z_]+)>>")


class Anchors:
    """Cheap finders that say where a rule can match. An anchor is a regex, a list of regexes whose hits
    are merged (a regex opening with a literal is found fastest), {"literals": [...]}: strings found
    with str.find, {"words": [...]}: the same case-insensitively, or {"tokens": [...]}: the tokens that
    are these words, in any case (found by a PhraseMatcher, when the caller gives the Doc). A token anchor
    may have a `window`: a token that is no hit of window["anchor"] (a case-sensitive regex) is kept only
    within `before`/`after` characters of such a hit, which is where rules were once searched."""

    def __init__(self, anchors: dict[str, Union[str, list[str], dict]]):
        self.regexes: dict[str, list[re.Pattern]] = {}
        self.words: dict[str, list[str]] = {}
        self.literals: dict[str, list[str]] = {}
        self.tokens: dict[str, list[str]] = {}
        self._matchers: dict[str, tuple[Vocab, PhraseMatcher]] = {}
        self.windows: dict[str, tuple[re.Pattern, int, int]] = {}
        for name, spec in anchors.items():
            if isinstance(spec, dict) and "literals" in spec:
                self.literals[name] = spec["literals"]
            elif isinstance(spec, dict) and "tokens" in spec:
                self.words[name] = self.tokens[name] = [w.lower() for w in spec["tokens"]]
                if "window" in spec:
                    window = spec["window"]
                    self.windows[name] = (re.compile(window["anchor"]), int(window["before"]), int(window["after"]))
            elif isinstance(spec, dict):
                self.words[name] = [w.lower() for w in spec["words"]]
            else:
                self.regexes[name] = [re.compile(p) for p in ([spec] if isinstance(spec, str) else spec)]

    def on(self, text: str, lower: Optional[str] = None, doc: "Optional[Doc]" = None) -> "AnchorHits":
        return AnchorHits(self, text, lower, doc)

    def matcher(self, name: str, vocab: "Vocab") -> "PhraseMatcher":
        """The PhraseMatcher (on LOWER) for a token anchor, built once per vocabulary."""
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        built = self._matchers.get(name)
        if built is None or built[0] is not vocab:
            matcher = PhraseMatcher(vocab, attr="LOWER")
            matcher.add(name, [Doc(vocab, words=[word]) for word in self.tokens[name]])
            built = self._matchers[name] = (vocab, matcher)
        return built[1]


class AnchorHits:
    """The anchors' start positions in one text, each list computed when first needed. `lower` is the
    text lower-cased (same length), `doc` the Doc made of it, when the caller has them."""

    def __init__(self, anchors: Anchors, text: str, lower: Optional[str] = None, doc: "Optional[Doc]" = None):
        self.anchors, self.text, self.lower, self.doc = anchors, text, lower, doc
        self._starts: dict[str, list[int]] = {}

    def starts(self, name: str) -> list[int]:
        found = self._starts.get(name)
        if found is None:
            regexes = self.anchors.regexes.get(name)
            if name in self.anchors.literals:
                found = _find_all(self.text, self.anchors.literals[name])
            elif name in self.anchors.tokens and self.doc is not None:
                doc = self.doc
                found = sorted(doc[start].idx for _, start, _ in self.anchors.matcher(name, doc.vocab)(doc))
            elif regexes is None:
                found = self._word_starts(self.anchors.words[name])
            elif len(regexes) == 1:
                found = [m.start() for m in regexes[0].finditer(self.text)]
            else:
                found = sorted(m.start() for regex in regexes for m in regex.finditer(self.text))
            if name in self.anchors.windows:
                found = [p for p in found if self._in_window(p, *self.anchors.windows[name])]
            self._starts[name] = found
        return found

    def _in_window(self, pos: int, anchor: re.Pattern, before: int, after: int) -> bool:
        if anchor.match(self.text, pos):  # the usual case: the token is a hit itself
            return True
        return any(h.start() - before <= pos <= h.end() + after
                   for h in anchor.finditer(self.text, max(0, pos - after - 20), pos + before + 1))

    def _word_starts(self, words: list[str]) -> list[int]:
        if self.lower is None:
            self.lower = lower_text(self.text)
        if not self.lower:
            regex = re.compile("|".join(map(re.escape, words)), re.I)
            return [m.start() for m in regex.finditer(self.text)]
        return _find_all(self.lower, words)


def _find_all(text: str, literals: list[str]) -> list[int]:
    """Start offsets of every occurrence of the literals (str.find: far faster than a regex scan)."""
    found = []
    for literal in literals:
        i = text.find(literal)
        while i >= 0:
            found.append(i)
            i = text.find(literal, i + 1)
    return sorted(found) if len(literals) > 1 else found


# Characters that case-insensitive regexes match differently from their lower-case form ("ſ" matches
# (?i:s)) or whose lower-case form is longer ("İ"): a text holding one is not searched lower-cased.
_CASE_ODDITIES = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (the Kelvin sign)


def lower_text(text: str) -> str:
    """The text lower-cased, or "" when that would change its length or what a case-insensitive regex
    matches (see _CASE_ODDITIES), so that offsets into it hold for the text."""
    if any(ch in text for ch in _CASE_ODDITIES):
        return ""
    lower = text.lower()
    return lower if len(lower) == len(text) else ""


_LOWER_KEY = "minutes_extract.lower"


def document_lower(doc: "Doc", text: Optional[str] = None) -> str:
    """lower_text(document_text(doc)), computed once per Doc for the components that search it.
    `text`: document_text(doc), when the caller has it."""
    from .extensions import document_text

    text = document_text(doc) if text is None else text
    cached = doc.user_data.get(_LOWER_KEY)
    if cached is None or cached[0] is not text:
        cached = (text, lower_text(text))
        doc.user_data[_LOWER_KEY] = cached
    return cached[1]


class Ranges:
    """Character ranges, merged and sorted, for quick overlap tests."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(ranges):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1  # the last range starting before `end`
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        """Adds a range that overlaps none already held."""
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def expand_fragments(pattern: str, fragments: dict[str, str]) -> str:
    """Replaces <<NAME>> placeholders (fragments may use other fragments)."""
    for _ in range(5):
        expanded = _PLACEHOLDER.sub(lambda m: fragments[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    return pattern


class AnchoredRegex:
    """A rule regex tried only where its `anchor` is found: `pattern` must match at the anchor hit, and
    `lead` (optional) is what may come before it, searched for in the `lead_reach` characters before
    the hit and ending there (`lead_optional`: the pattern also stands without it); `requires`: strings
    one of which every match holds (a document without any is not searched). The matches are the ones
    re.finditer would give for lead + pattern (in text order, none overlapping another), provided that
    the pattern part of every match starts at an anchor hit and no lead can hold a hit."""

    def __init__(self, spec: dict, fragments: dict[str, str]):
        self.anchor = spec["anchor"]
        self.regex = re.compile(expand_fragments(spec["pattern"], fragments))
        # the lead must end where the anchored pattern starts (\Z: at the search's end position)
        lead = spec.get("lead")
        self.lead = re.compile(f"(?:{expand_fragments(lead, fragments)})\\Z") if lead else None
        self.lead_optional = bool(spec.get("lead_optional"))
        self.lead_reach = int(spec.get("lead_reach", 70))
        self.requires: list[str] = spec.get("requires", [])  # a match holds one of these strings

    def matches(self, text: str, hits: AnchorHits) -> list[tuple[int, int, Optional[re.Match], re.Match]]:
        """(start, end, lead match, anchored match) per match."""
        found: list = []
        if self.requires and not any(literal in text for literal in self.requires):
            return found
        match = self.regex.match
        lead_search = self.lead.search if self.lead is not None else None
        last_end = 0
        for at in hits.starts(self.anchor):
            if at < last_end:
                continue
            m = match(text, at)
            if m is None:
                continue
            start, lead = at, None
            if lead_search is not None:
                lead = lead_search(text, max(at - self.lead_reach, last_end), at)
                if lead is not None:
                    start = lead.start()
                elif not self.lead_optional:
                    continue
            last_end = m.end()
            found.append((start, last_end, lead, m))
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
