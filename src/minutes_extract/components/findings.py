"""minutes_findings: strengths and areas for development (EXTRACTION.md §3), with who found them.

A human reader decides whether a bullet or a sentence is a finding from three things, and so does this
component, in the manner of medspaCy's ConText:
  1. the list it sits in: the paragraph introducing it ("A summary of strengths was provided as follows",
     "In terms of areas for development", "Key points made by Members") sets a default polarity, or marks the
     list as members' points or plans;
  2. its own evaluative cues ("was a particular strength", "lacked", "not yet", "too long"), each modified
     by what precedes it in its clause: a negation flips it, a modal or an action verb cancels it ("would
     improve", "to address issues"), a contrast makes it weigh more ("improving but still varied");
  3. its speaker: members' questions and remarks, courtesies, plans, procedure and national figures are not
     findings (a member relaying what the inspection found still is).
Units: one bullet (with its continuation lines); one sentence in prose (and in numbered or lettered paragraphs
of minutes); a bullet whose sentences differ in polarity is split into its sentences. Only items about a
service's performance (an inspection, an annual report, a service update: the item's opening says so) yield
findings from cues alone; a list introduced as strengths or areas for development counts anywhere.
Cue lists and patterns are data: models/rules/findings.json names the lexicons under
models/lexicons/finding_*.jsonl (cues, ConText modifiers, speakers/sources/exclusions).

Speed: a document's words are listed once and looked up, all at once, in a vocabulary shared by documents. Each
pattern is indexed by what its regex's parse tree says about its matches: the words they can start with (a
lexicon alternative is tried only where they occur), and runs of letters they must contain (a context pattern --
speakers, sources, exclusions, ... -- is tried only in a sentence holding one). The index only skips places
where a pattern cannot match, so results are those of trying every pattern everywhere. Items without a cue
(or an "identified" list) are skipped whole. Sentences are the sentencizer's, worked out here from the tokens
when the pipeline has none.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, reduce
from operator import or_
from typing import NamedTuple, Optional

import numpy as np
from spacy.attrs import IDX, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the extensions)
from ..extensions import PAYLOAD_ATTRS, document_text
from .segmenter import sentencizer_starts
from ..rules import load_jsonl

try:  # the regex parser, to read what a pattern's matches start with and contain
    import re._constants as _const
    import re._parser as _parser
except ImportError:  # Python 3.10
    import sre_constants as _const  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

STRENGTH, DEVELOPMENT = "strength", "development"
_FLIP = {STRENGTH: DEVELOPMENT, DEVELOPMENT: STRENGTH}
_QUOTES = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("´", "'"))
_NO_LOOKBEHIND = ("\\(", "[", "\"", "'")  # patterns starting so may match inside a word
_WORD = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"(\w+)")
# Kinds of overlapping matches, in the order that wins when two cover exactly the same text.
_KIND_RANK = {"mask": 0, "cue": 1, "negation": 2, "hypothetical": 2, "action": 2, "historical": 2,
              "contrast": 3, "concession": 3}


# -- lexicons ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Pattern:
    id: str
    kind: str
    regex: re.Pattern
    polarity: Optional[str] = None
    tier: Optional[str] = None
    role: Optional[str] = None
    relay: bool = False
    opens: Optional[str] = None
    window: int = 0
    anchor: Optional[str] = None


def compile_pattern(pattern: str) -> re.Pattern:
    """A lexicon pattern: case-insensitive, whole words, a space matches any run of whitespace."""
    before = "" if pattern.startswith(_NO_LOOKBEHIND) else r"(?<!\w)"
    return re.compile(before + "(?:" + pattern.replace(" ", r"\s+") + r")(?!\w)", re.I)


def load_rows(value) -> list[dict]:
    """A lexicon given inline (a list of rows) or by name under models/ (resolved once, at construction)."""
    return list(value) if isinstance(value, list) else load_jsonl(value)


def _pattern(row: dict, kind: Optional[str] = None) -> Pattern:
    return Pattern(
        id=row["id"], kind=kind or row["kind"], regex=compile_pattern(row["pattern"]),
        polarity=row.get("polarity"), tier=row.get("tier"), role=row.get("role"), relay=bool(row.get("relay")),
        opens=row.get("opens"), window=int(row.get("window", 0)), anchor=row.get("anchor"),
    )


def fold_quotes(text: str) -> str:
    """Curly quotes and acute accents as straight quotes (str.translate is slow for non-ASCII maps)."""
    for curly, straight in _QUOTES:
        if curly in text:
            text = text.replace(curly, straight)
    return text


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex ("a|b(c|d)" -> ["a", "b(c|d)"])."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = pattern.index("]", i + 2)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def first_letters(pattern: str, limit: int) -> Optional[set[str]]:
    """The lower-case strings (up to `limit` characters, within the first word) that every match of the
    pattern starts with one of; None when a match may start with something that is not a literal."""
    tree = _parse(pattern)
    return None if tree is None else _first(list(tree), "", limit)


@lru_cache(maxsize=4096)
def _parse(pattern: str):
    """The parse tree of a case-insensitive pattern (None when it is not a regex)."""
    try:
        return _parser.parse(pattern, re.I)
    except re.error:
        return None


def _first(items: list, prefix: str, limit: int) -> Optional[set[str]]:
    """Keys are a word's first `limit` letters, or a whole shorter word followed by a space ("no ")."""
    if len(prefix) >= limit:
        return {prefix}
    if not items:
        return {prefix + " "} if prefix else None
    op, arg = items[0]
    rest = items[1:]
    if op is _const.LITERAL:
        char = chr(arg).lower()
        if not (char.isalnum() or char == "_"):  # the first word ends here ("re-offended" -> "re ")
            return {prefix + " "} if prefix else None
        return _first(rest, prefix + char, limit)
    if op is _const.SUBPATTERN:
        return _first(list(arg[-1]) + rest, prefix, limit)
    if op is _const.BRANCH:
        return _union(_first(list(branch) + rest, prefix, limit) for branch in arg[1])
    if op in (_const.MAX_REPEAT, _const.MIN_REPEAT):
        low, _high, body = arg
        once = _first(list(body) + rest, prefix, limit)
        if low == 0:
            return _union([once, _first(rest, prefix, limit)])
        return _union([once, _first(list(body), prefix, limit)])  # a repeated body may follow itself
    if op in (_const.ASSERT, _const.ASSERT_NOT, _const.AT):
        return _first(rest, prefix, limit)
    return {prefix} if prefix else None


def _union(parts) -> Optional[set[str]]:
    out: set[str] = set()
    for part in parts:
        if part is None:
            return None
        out |= part
    return out


# -- what a pattern's matches start with, read from its regex's parse tree ---------------------------------
# A key (first, exact, second, third): a match starts with a word equal to `first` (or, not exact, starting
# with it), followed by the words `second` and `third` when given ("*": any one word; None: anything). Keys only
# say where a pattern cannot match: the pattern itself still decides. Constructs the reading does not follow
# widen the keys, never narrow them.
ANY_WORD = "*"
_IS_WORD = re.compile(r"\w").match  # the regex engine's own word characters
_REPEATS = (_const.MAX_REPEAT, _const.MIN_REPEAT) + ((_const.POSSESSIVE_REPEAT,) if hasattr(_const, "POSSESSIVE_REPEAT") else ())
_NON_WORD_CATEGORIES = (_const.CATEGORY_SPACE, _const.CATEGORY_NOT_WORD)


def lead_words(pattern: str, words: int = 3) -> Optional[frozenset]:
    """The keys of a lexicon pattern (case-insensitive, matched from a word start to a word end), reading up to
    `words` words (fewer when the ways through the pattern are too many to follow), or None when its matches
    may start anywhere."""
    tree = _parse(pattern)  # (a space stands for compile_pattern's run of whitespace: a word break either way)
    if tree is None:
        return None
    for size in range(words, 0, -1):
        try:
            keys = _Walk(size).walk(list(tree), (), "", 0)
            break
        except _Walk.TooMany:
            continue
    else:
        return None
    if keys is None or not all(w.isascii() for key in keys for w in key if isinstance(w, str)):
        return None
    return frozenset(keys)


class _Walk:
    """Follows the ways through a parse tree up to the end of their WORDS-th word. State: the words read (a
    word, or "*" for any one word) and the word being read ("": between words)."""
    LIMIT = 64  # nesting followed
    STEPS = 5000  # steps taken before giving up

    class TooMany(Exception):
        pass

    def __init__(self, words: int):
        self.WORDS, self.steps = words, 0

    def walk(self, items: list, done: tuple, word: str, depth: int):
        self.steps += 1
        if self.steps > self.STEPS:
            raise self.TooMany
        if depth > self.LIMIT:
            return self.unknown(done, word)
        if not items:  # the pattern ends at a word end (compile_pattern adds the boundary)
            return self.key(done + (word,) if word else done)
        op, arg = items[0]
        rest = items[1:]
        if op is _const.LITERAL:
            return self.char(chr(arg), rest, done, word, depth)
        if op is _const.IN:
            if all(o is _const.LITERAL for o, _ in arg):
                return _keys_union(self.char(chr(a), rest, done, word, depth) for _, a in arg)
            if all(_non_word_member(o, a) for o, a in arg):
                return self.char(" ", rest, done, word, depth)
            return self.unknown(done, word)
        if op is _const.SUBPATTERN:
            return self.walk(list(arg[-1]) + rest, done, word, depth + 1)
        if op is _const.BRANCH:
            return _keys_union(self.walk(list(b) + rest, done, word, depth + 1) for b in arg[1])
        if op in _REPEATS:
            return self.repeat(arg, rest, done, word, depth)
        if op in (_const.ASSERT, _const.ASSERT_NOT, _const.AT):
            return self.walk(rest, done, word, depth)  # a constraint only: ignoring it admits more
        return self.unknown(done, word)

    def char(self, ch: str, rest: list, done: tuple, word: str, depth: int):
        if _IS_WORD(ch):
            return self.walk(rest, done, word if word == ANY_WORD else word + ch.lower(), depth)
        if not word:
            return self.walk(rest, done, "", depth) if done else None
        done += (word,)
        return self.key(done) if len(done) == self.WORDS else self.walk(rest, done, "", depth)

    def repeat(self, arg, rest: list, done: tuple, word: str, depth: int):
        low, high, body = arg
        items = list(body)
        optional = low == 0 or body.getwidth()[0] == 0
        paths = [self.walk(rest, done, word, depth)] if optional else []
        if high == 0:
            return _keys_union(paths)
        if _only_non_word(items):  # "\s+", "[- ]?": a separator however often it repeats
            paths.append(self.char(" ", rest, done, word, depth))
        elif _only_word(items):  # "\w+": all or the end of one word
            paths.append(self.walk(rest, done, word or ANY_WORD, depth) if word in ("", ANY_WORD)
                         else self.unknown(done, word))
        else:  # once through the body, then as many times more as the repeat allows
            again = (arg[0] and arg[0] - 1, high if high == _const.MAXREPEAT else high - 1, body)
            paths.append(self.walk(items + ([(_REPEATS[0], again)] if high != 1 else []) + rest, done, word,
                                   depth + 1))
        return _keys_union(paths)

    @staticmethod
    def key(done: tuple):
        """The key of the words read: a trailing "*" (any word) tells nothing, and is left out."""
        while done and done[-1] == ANY_WORD:
            done = done[:-1]
        if not done or done[0] == ANY_WORD:
            return None
        return {(done[0], True, done[1] if len(done) > 1 else None, done[2] if len(done) > 2 else None)}

    def unknown(self, done: tuple, word: str):
        """What follows is not read: the words so far (a first word being read is a prefix)."""
        if not done:
            return {(word, False, None, None)} if word and word != ANY_WORD else None
        return self.key(done)


def _keys_union(parts):
    out: set = set()
    for part in parts:
        if part is None:
            return None
        out |= part
    return out


def _non_word_member(op, arg) -> bool:
    return (op is _const.LITERAL and not _IS_WORD(chr(arg))) or (op is _const.CATEGORY and arg in _NON_WORD_CATEGORIES)


def _only_word(items: list) -> bool:
    """Whether the items are one character class of word characters ("\\w", "[a-z]" ...)."""
    return len(items) == 1 and items[0][0] is _const.IN and all(_word_member(o, a) for o, a in items[0][1])


def _only_non_word(items: list) -> bool:
    """Whether every way through the items consumes nothing but non-word characters."""
    for op, arg in items:
        if op is _const.LITERAL or op is _const.IN:
            if not all(_non_word_member(o, a) for o, a in ([(op, arg)] if op is _const.LITERAL else arg)):
                return False
        elif op is _const.SUBPATTERN:
            if not _only_non_word(list(arg[-1])):
                return False
        elif op is _const.BRANCH:
            if not all(_only_non_word(list(b)) for b in arg[1]):
                return False
        elif op in _REPEATS:
            if not _only_non_word(list(arg[2])):
                return False
        else:
            return False
    return True


def row_keys(pattern: str) -> Optional[frozenset]:
    """The first words of a whole lexicon row (every alternative), as compile_pattern() matches it; None when
    unknown."""
    if pattern.startswith(_NO_LOOKBEHIND):  # compile_pattern lets such a row match inside a word
        return None
    return _keys_union(lead_words(alternative, 1) for alternative in split_alternatives(pattern))


def either(patterns) -> str:
    """One pattern matching what any of the lexicon patterns matches."""
    return "|".join(f"(?:{p})" for p in patterns)


class KeySet:
    """A pattern's keys, by first word, to tell quickly whether a match may start at some words."""

    def __init__(self, keys: frozenset):
        self.keys = keys
        self.prefixes = tuple(first for first, exact, _, _ in keys if not exact)
        self.firsts: dict[str, tuple[bool, set, set, set]] = {}  # first -> (any, seconds, (second, third)s, thirds)
        for first, exact, second, third in keys:
            if exact:
                anything, pairs, triples, wild = self.firsts.setdefault(first, (False, set(), set(), set()))
                if second is None:
                    self.firsts[first] = (True, pairs, triples, wild)
                elif third is None:
                    pairs.add(second)
                elif second == ANY_WORD:
                    wild.add(third)
                else:
                    triples.add((second, third))

    def admit(self, first: str, second: Optional[str], third: Optional[str]) -> bool:
        """Whether a match may start at the (lower-case) word `first` followed by `second` and `third` ("" past
        the end of the text, None when unknown)."""
        if first.startswith(self.prefixes):
            return True
        found = self.firsts.get(first)
        if found is None:
            return False
        anything, pairs, triples, wild = found
        if anything or second is None or second in pairs:
            return True
        if third is None:
            return bool(wild) or any(s == second for s, _ in triples)
        return third in wild or (second, third) in triples


class FirstWords:
    """The first words a set of keys allows, for quick tests of one word (None keys: any word)."""

    def __init__(self, keys: Optional[frozenset]):
        self.any = keys is None
        keys = keys or ()
        self.exact = frozenset(k[0] for k in keys if k[1])
        self.prefixes = tuple(sorted({k[0] for k in keys if not k[1]}))

    def admit(self, word: str) -> bool:
        """`word` as found in the text (any case)."""
        return self.any or not word.isascii() or self.admit_lower(word.lower())

    def admit_lower(self, lower: str) -> bool:
        return lower in self.exact or lower.startswith(self.prefixes)

    def admit_start(self, first: Optional[re.Match]) -> bool:
        """Whether a match may start at the beginning of a text whose first word is `first` (_WORD.match(text):
        None when the text does not start with one, and then no keyed match can start there)."""
        return self.any or (first is not None and self.admit(first.group()))


def required_runs(pattern: str) -> Optional[tuple[frozenset, int]]:
    """(runs, breaks): lower-case runs of word characters one of which every match of `pattern` contains
    (whatever its word boundaries), chosen to be rare (long), and at most how many word breaks a match has
    before the run (UNBOUNDED: no limit); None when some match need contain none."""
    try:
        return _required(list(_parser.parse(pattern, re.I)))
    except re.error:
        return None


UNBOUNDED = 1 << 30


def _required(items: list) -> Optional[tuple[frozenset, int]]:
    """The rarest of the requirements a sequence offers: a run of literal word characters, or the union of what
    the ways through a group or alternation require."""
    offers, run, breaks = [], "", 0  # breaks: most word breaks the items so far can take
    for op, arg in items:
        if op is _const.LITERAL and _IS_WORD(chr(arg)):
            if not run:
                run_breaks = breaks
            run += chr(arg).lower()
            continue
        if op in (_const.ASSERT, _const.ASSERT_NOT, _const.AT):
            continue  # takes no characters: the run goes on
        if run:
            offers.append((frozenset([run]), run_breaks))
            run = ""
        inner = None
        if op is _const.SUBPATTERN:
            inner = _required(list(arg[-1]))
        elif op is _const.BRANCH:
            ways = [_required(list(b)) for b in arg[1]]
            if None not in ways:
                inner = frozenset().union(*(w[0] for w in ways)), max(w[1] for w in ways)
        elif op in _REPEATS and arg[0] >= 1:
            inner = _required(list(arg[2]))
        if inner is not None:
            offers.append((inner[0], min(UNBOUNDED, breaks + inner[1])))
        breaks = min(UNBOUNDED, breaks + _breaks([(op, arg)]))
    if run:
        offers.append((frozenset([run]), run_breaks))
    offers = [o for o in offers if all(r.isascii() for r in o[0])]
    return min(offers, key=lambda o: sum(_rarity(r) for r in o[0])) if offers else None


def _breaks(items: list) -> int:
    """At most how many word breaks (non-word characters, however many in a row) the items can take."""
    out = 0
    for op, arg in items:
        if op is _const.LITERAL:
            out += not _IS_WORD(chr(arg))
        elif op is _const.IN:
            out += not all(_word_member(o, a) for o, a in arg)
        elif op is _const.SUBPATTERN:
            out += _breaks(list(arg[-1]))
        elif op is _const.BRANCH:
            out += max(_breaks(list(b)) for b in arg[1])
        elif op in _REPEATS:
            body = list(arg[2])
            inner = 1 if _only_non_word(body) else _breaks(body)
            out += 0 if inner == 0 or arg[1] == 0 else (
                inner if _only_non_word(body) else (UNBOUNDED if arg[1] == _const.MAXREPEAT else inner * arg[1]))
        elif op not in (_const.ASSERT, _const.ASSERT_NOT, _const.AT):
            out += 1
    return min(out, UNBOUNDED)


def _word_member(op, arg) -> bool:
    return ((op is _const.LITERAL and bool(_IS_WORD(chr(arg))))
            or (op is _const.CATEGORY and arg in (_const.CATEGORY_WORD, _const.CATEGORY_DIGIT)))


def _rarity(run: str) -> float:
    """How often a run may be expected in text (lower: rarer): common words are frequent, short runs too."""
    return 1.0 if run in STOP_WORDS else 0.5 ** len(run)


def tail_width(pattern: str) -> Optional[int]:
    """For a pattern anchored at the end ("...$") that matches at most n characters: n (a search need only
    look at the last n + 1 characters); else None."""
    try:
        tree = _parser.parse(pattern, re.I)
    except re.error:
        return None
    items = list(tree)
    if not items or items[-1] != (_const.AT, _const.AT_END):
        return None
    high = tree.getwidth()[1]
    return high if high < 10_000 else None


class Hit(NamedTuple):
    start: int
    end: int
    pattern: Pattern


class Vocabulary(dict):
    """Every distinct word (a run of \\w, as written) met so far -> its number. Arrays indexed by number hold
    what the rules need to know of each word, so a document's words are all looked up at once."""

    ANY, PAIR, TRIPLE = 1, 2, 4  # Lexicon.describe
    NON_ASCII = -2  # key number of a word the keys cannot judge: it may be any word
    LIMIT = 100_000  # words remembered before starting afresh (memory stays bounded on long runs)

    def __init__(self, describe):
        super().__init__()
        self.describe = describe  # word -> (starts, number, gates)
        self.words: list[str] = []
        self.starts = np.zeros(0, np.int64)  # whether lexicon alternatives may start at the word (ANY, PAIR, TRIPLE)
        self.number = np.zeros(0, np.int64)  # its number as a key word of the lexicon
        self.gates = np.zeros(0, np.int64)
        self.length = np.zeros(0, np.int64)

    def __missing__(self, word: str) -> int:
        n = len(self.words)
        if n == len(self.gates):
            self._grow(max(1024, 2 * n))
        self.words.append(word)
        self.starts[n], self.number[n], self.gates[n] = self.describe(word)
        self.length[n] = len(word)
        self[word] = n
        return n

    def _grow(self, size: int) -> None:
        for name in ("starts", "number", "gates", "length"):
            old = getattr(self, name)
            new = np.zeros(size, old.dtype)
            new[:len(old)] = old
            setattr(self, name, new)


class DocWords:
    """A text's words (runs of \\w): where each starts and its number in the vocabulary."""

    def __init__(self, text: str, vocab: Vocabulary):
        parts = _WORD_SPLIT.split(text)  # between words, word, between words, ...: strings only (no Match objects)
        lengths = np.fromiter(map(len, parts), np.int64, len(parts))
        self.starts = (np.cumsum(lengths) - lengths)[1::2]
        words = parts[1::2]
        self.ids = np.fromiter(map(vocab.__getitem__, words), np.int64, len(words))


class Lexicon:
    """Finds every pattern's matches (non-overlapping: leftmost, then longest) in a text.

    Each pattern is split into its top-level alternatives, and each alternative is tried only at the words
    where its keys (read from its parse tree) allow it to start: the word and up to two after it ("(very |really
    )?good" starts with very, really or good; "on the other hand" with "on the other"). Which words allow some
    alternative is looked up for all of a document's words at once, by number; at those words the alternatives
    are tried in the order of the index by first letters, which decides between equal matches. Alternatives
    that can start with anything but a letter are scanned the ordinary way."""

    KEY = 3  # letters of a word used as the index key
    SHIFT = 20  # bits of a key word's number in a code of two or three numbers

    def __init__(self, patterns: list[Pattern], rows: list[dict]):
        self.index: dict[str, list[tuple[re.Pattern, Pattern]]] = {}
        self.scanned: list[tuple[re.Pattern, Pattern]] = []
        self.keys: dict[re.Pattern, KeySet] = {}
        for pattern, row in zip(patterns, rows):
            for alternative in split_alternatives(row["pattern"]):
                compiled = compile_pattern(alternative)
                letters = first_letters(alternative, self.KEY)
                if letters is None or not all(k[:1].isalnum() for k in letters):
                    self.scanned.append((compiled, pattern))
                    continue
                for key in letters:
                    self.index.setdefault(key, []).append((compiled, pattern))
                self.keys[compiled] = KeySet(lead_words(alternative) or frozenset(
                    (k.strip(), k.endswith(" "), None, None) for k in letters))
        keys = set().union(*(k.keys for k in self.keys.values()))
        self.single = FirstWords(frozenset(k for k in keys if k[2] is None))
        pairs = {(k[0], k[2]) for k in keys if k[2] is not None and k[3] is None}
        triples = {(k[0], k[2], k[3]) for k in keys if k[3] is not None}
        self.pair_firsts = frozenset(k[0] for k in pairs)
        self.triple_firsts = frozenset(k[0] for k in triples)
        words = {w for key in pairs | triples for w in key} - {ANY_WORD}
        self.numbers = {w: n for n, w in enumerate(sorted(words))}
        # pairs and triples "x * y" as tables by key number + 2 (0: a word the keys cannot judge, 1: no key word)
        size = len(self.numbers) + 2
        self.pairs, self.wild = np.zeros((size, size), bool), np.zeros((size, size), bool)
        for first, second in pairs:
            self.pairs[self.numbers[first] + 2, self.numbers[second] + 2] = True
        for first, second, third in triples:
            if second == ANY_WORD:
                self.wild[self.numbers[first] + 2, self.numbers[third] + 2] = True
        self.triples = np.array(sorted(self.code(*k) for k in triples if k[1] != ANY_WORD) or [-1], np.int64)
        self.tables: dict[tuple[int, int, int], tuple] = {}

    def code(self, *words: str) -> int:
        out = 0
        for w in words:
            out = (out << self.SHIFT) + self.numbers[w] + 2
        return out

    def describe(self, word: str) -> tuple[int, int]:
        """(starts, number) of a vocabulary word: starts = bits ANY (an alternative may start at it whatever
        follows), PAIR and TRIPLE (... given the words after it); number = its number as a key word (-1: none)."""
        lower = word.lower()
        if not word.isascii():  # case folding may differ from lower(): try what the first letters index
            return (Vocabulary.ANY if self.candidates(lower) else 0), Vocabulary.NON_ASCII
        starts = ((Vocabulary.ANY if self.single.admit(word) else 0) | (Vocabulary.PAIR if lower in self.pair_firsts else 0)
                  | (Vocabulary.TRIPLE if lower in self.triple_firsts else 0))
        return starts, self.numbers.get(lower, -1)

    @lru_cache(maxsize=65536)
    def candidates(self, word: str) -> tuple:
        """The alternatives that may match at a word: indexed under the whole (short) word or its first letters."""
        keys = [word + " "] if len(word) <= self.KEY else []
        keys += [word[:n] for n in range(1, min(len(word), self.KEY) + 1)]
        return tuple(c for k in keys for c in self.index.get(k, ()))

    def alternatives(self, words: tuple[int, int, int], vocab: Vocabulary) -> tuple:
        """The candidates for a word (by number) that its keys allow, given the two words after it (-1: none)."""
        found = self.tables.get(words)
        if found is None:
            word = vocab.words[words[0]]
            lower = word.lower()
            found = self.candidates(lower)
            if word.isascii():
                after = [vocab.words[n] if n >= 0 else "" for n in words[1:]]
                after = [w.lower() if w.isascii() else None for w in after]
                found = tuple(c for c in found if self.keys[c[0]].admit(lower, *after))
            self.tables[words] = found
        return found

    def places(self, ids: np.ndarray, vocab: Vocabulary) -> list[int]:
        """Indices of the words where some alternative may start."""
        starts = vocab.starts[ids]
        places = np.flatnonzero(starts)
        depends = (starts[places] & Vocabulary.ANY) == 0  # on the next words
        if not depends.any():
            return places.tolist()
        given = places[depends]
        numbers = np.append(vocab.number[ids], [-1, -1]) + 2  # 0: not ASCII (any word), 1: no key word
        first, second, third = numbers[given], numbers[given + 1], numbers[given + 2]
        found = self.pairs[first, second] | self.wild[first, third] | (second == 0) | (third == 0)
        exact = (((first << self.SHIFT) + second) << self.SHIFT) + third
        found |= self.triples[np.minimum(np.searchsorted(self.triples, exact), len(self.triples) - 1)] == exact
        keep = np.ones(len(places), bool)
        keep[depends] = found
        return places[keep].tolist()

    def scan(self, text: str, words: DocWords, vocab: Vocabulary) -> list[Hit]:
        """Non-overlapping hits: leftmost, then longest, then by kind (masks win ties)."""
        hits = [Hit(m.start(), m.end(), p) for regex, p in self.scanned for m in regex.finditer(text)]
        starts, ids = words.starts.tolist(), words.ids.tolist() + [-1, -1]
        for i in self.places(words.ids, vocab):
            start = starts[i]
            for regex, p in self.alternatives((ids[i], ids[i + 1], ids[i + 2]), vocab):
                m = regex.match(text, start)
                if m:
                    hits.append(Hit(start, m.end(), p))
        hits.sort(key=lambda h: (h.start, h.start - h.end, _KIND_RANK[h.pattern.kind]))
        kept, last_end = [], -1
        for hit in hits:
            if hit.start >= last_end:
                kept.append(hit)
                last_end = hit.end
        return kept


@dataclass(frozen=True)
class Gate:
    """Where a context pattern may match: `bit` is set on the words containing one of the runs every match
    contains, with at most `before` word breaks before it; `starts` (0: unknown) on the words a match may
    start with."""
    bit: int
    starts: int = 0
    before: int = UNBOUNDED


class Gates:
    """Bits of context patterns, set on words (Gate): a sentence's gates, the union of its words' bits, tell
    which patterns may match in it, and its words with a pattern's `starts` bit where a match may start."""

    def __init__(self):
        self.runs: dict[str, int] = {}  # a run -> the bits of the patterns requiring it (or another)
        self.exact: dict[str, int] = {}  # a first word -> the `starts` bits of the patterns it may start
        self.prefixes: list[tuple[str, int]] = []  # a first word's start -> ... (for open-ended first words)
        self.always = 0  # patterns whose matches need contain no run
        self.all = 0
        self.lengths: list[int] = []  # of the runs

    WIDTH = 62  # bits a word's gates can hold (numpy int64); patterns beyond are tried everywhere

    def add(self, patterns: list[str], compiled: bool = True) -> Gate:
        """A gate for patterns matched as one (`compiled`: lexicon patterns, as compile_pattern() matches them)."""
        bit = self._bit()
        required = required_runs(either(p.replace(" ", r"\s+") for p in patterns) if compiled else patterns[0])
        if required is None or bit >> self.WIDTH:
            self.always |= bit
            return Gate(bit)
        for run in required[0]:
            self.runs[run] = self.runs.get(run, 0) | bit
        self.lengths = sorted({len(run) for run in self.runs})
        keys = _keys_union(row_keys(p) for p in patterns) if compiled else None
        if keys is None:
            return Gate(bit, 0, required[1])
        starts = self._bit()
        if starts >> self.WIDTH:
            return Gate(bit, 0, required[1])
        for first, exact, *_ in keys:
            if exact:
                self.exact[first] = self.exact.get(first, 0) | starts
            else:
                self.prefixes.append((first, starts))
        return Gate(bit, starts, required[1])

    def _bit(self) -> int:
        bit = 1 << self.all.bit_length()
        self.all |= bit
        return bit

    def of(self, word: str) -> int:
        """The bits of a word (of a word the keys cannot judge: all of them)."""
        if not word.isascii():
            return self.all & ((1 << self.WIDTH) - 1)
        lower = word.lower()
        out = self.exact.get(lower, 0)
        for prefix, bit in self.prefixes:
            if lower.startswith(prefix):
                out |= bit
        runs, size = self.runs, len(lower)
        for i in range(size):  # every run the word contains
            for length in self.lengths:
                if i + length > size:
                    break
                out |= runs.get(lower[i:i + length], 0)
        return out



def strip_marker(marker: re.Pattern, text: str) -> str:
    m = marker.match(text)
    return text[m.end():] if m else text


def search_end(regex: re.Pattern, width: Optional[int], text: str) -> Optional[re.Match]:
    """regex.search(text) for a pattern anchored at the end and at most `width` long (tail_width)."""
    return regex.search(text, max(0, len(text) - width - 1)) if width is not None else regex.search(text)


# -- one sentence, read the ConText way ------------------------------------------------------------------
@dataclass(frozen=True)
class Verdict:
    """A sentence's polarity from its cues: None when it has none, or as many of each kind."""
    polarity: Optional[str] = None
    weight: float = 0.0
    cue: Optional[str] = None
    heading: bool = False
    relay: bool = False


_NO_VERDICT = Verdict()  # of a sentence without cues


class Reading:
    """What a sentence says: its verdict with and without weak cues (weak cues count only where the
    sentence is already in a finding context), the polarity of any list heading in it, its speaker, the
    sources it names and why it is not a finding (None when it may be one)."""

    def __init__(self, start: int, text: str, rules: "FindingRules", gates: int, gate_words: Optional[list[int]],
                 gate_masks: list[int], word_starts: list[int]):
        self.start, self.end, self.text, self.rules = start, start + len(text), text, rules
        self.gates = gates  # the context patterns that may match in it (Gates), from its words with gates:
        self.gate_words = gate_words  # their numbers in the document's words (None: not known)
        self.gate_masks = gate_masks
        self.word_starts = word_starts  # where each of the document's words starts
        self.strict = self.lenient = _NO_VERDICT
        self.heading: Optional[str] = None
        self.heading_cue: Optional[str] = None
        self.speaker: Optional[str] = None
        self.source: Optional[str] = None
        self.intro = False

    @cached_property
    def body(self) -> str:
        """The text without its list marker or a leading "that", "and", ..."""
        return self.rules.unit_prefix.sub("", strip_marker(self.rules.list_marker, self.text), count=1)

    def verdict(self, in_context: bool) -> Verdict:
        return self.lenient if in_context else self.strict

    def search_from(self, gate: Gate) -> int:
        """Where in the text a search for the gate's pattern need start: a match contains a word with its bit,
        with at most gate.before word breaks before it."""
        if gate.before < UNBOUNDED and self.gate_words is not None:
            for word, mask in zip(self.gate_words, self.gate_masks):
                if mask & gate.bit:
                    return max(0, self.word_starts[max(0, word - gate.before - 2)] - self.start)
        return 0

    def starts(self, gate: Gate):
        """Offsets in the text of the words a match of the gate's pattern may start with."""
        for word, mask in zip(self.gate_words, self.gate_masks):
            if mask & gate.starts:
                yield self.word_starts[word] - self.start

    def search(self, regex: re.Pattern, gate: Gate, text: Optional[str] = None) -> Optional[re.Match]:
        """regex.search over the text (or a string starting where it does), where the gate allows a match."""
        if not self.gates & gate.bit:
            return None
        text = self.text if text is None else text
        if gate.starts and self.gate_words is not None:  # try only the words a match may start with
            return next(filter(None, (regex.match(text, at) for at in self.starts(gate))), None)
        return regex.search(text, self.search_from(gate))

    def finditer(self, regex: re.Pattern, gate: Gate) -> list[re.Match]:
        """regex.finditer over the text, where the gate allows a match (its matches cannot be empty)."""
        if not self.gates & gate.bit:
            return []
        if not (gate.starts and self.gate_words is not None):
            return list(regex.finditer(self.text, self.search_from(gate)))
        found, end = [], 0
        for at in self.starts(gate):
            if at >= end:
                m = regex.match(self.text, at)
                if m:
                    found.append(m)
                    end = m.end()
        return found

    @cached_property
    def excluded(self) -> Optional[str]:
        """Why this sentence is not a finding whatever its cues (question, courtesy, plan, ...), or None."""
        return self.rules.exclusion(self)

    @cached_property
    def subject(self) -> bool:
        """Whether it names something a service does (children, practice, placements, ...)."""
        return any(self.search(p.regex, gate) for p, gate in self.rules.subjects)


@dataclass
class Weighed:
    polarity: str
    weight: float
    hit: Hit
    tier: str
    unflipped: bool


class FindingRules:
    """The compiled rules (findings.json and its lexicons), and the reading of one sentence with them."""

    def __init__(self, rules: dict):
        lex = rules["lexicons"]
        cue_rows, modifier_rows = load_rows(lex["cues"]), load_rows(lex["modifiers"])
        self.lexicon = Lexicon([_pattern(r, "cue") for r in cue_rows] + [_pattern(r) for r in modifier_rows],
                               cue_rows + modifier_rows)
        self.unscoped = {r["id"] for r in cue_rows if r.get("unscoped")}
        self.needs_source = {r["id"] for r in cue_rows if r.get("needs_source")}
        context_rows = load_rows(lex["context"])
        self.gates = Gates()
        # one search finds every source named: the group name carries its role
        sources = [r for r in context_rows if r["kind"] == "source"]
        self.source = re.compile("|".join(f"(?P<{r['role']}__{n}>" + compile_pattern(r["pattern"]).pattern + ")"
                                          for n, r in enumerate(sources)), re.I)
        self.source_gate = self.gates.add([r["pattern"] for r in sources])
        # the speaker: the first of the lexicon's speaker patterns matching at the start of a sentence; patterns
        # matched at a sentence's start are also tested on its first word
        self.speakers = [(r["role"], compile_pattern(r["pattern"]), self.gates.add([r["pattern"]]),
                          FirstWords(row_keys(r["pattern"]))) for r in context_rows if r["kind"] == "speaker"]
        self.speaker_bits = reduce(or_, (gate.bit for _, _, gate, _ in self.speakers), 0)
        self.speakers_by_first: dict[Optional[str], list] = {}
        self.exclusions = [(_pattern(r), self.gates.add([r["pattern"]]),
                            FirstWords(row_keys(r["pattern"])) if r.get("anchor") == "start" else None)
                           for r in context_rows if r["kind"] == "exclude"]
        self.leads = [(_pattern(r), self.gates.add([r["pattern"]])) for r in context_rows if r["kind"] == "lead"]
        self.subjects = [(_pattern(r), self.gates.add([r["pattern"]]))
                         for r in context_rows if r["kind"] == "subject"]
        self.soft_exclusions = set(rules["soft_exclusions"])
        self.service_item = re.compile(rules["service_item"], re.I)
        self.service_gate = self.gates.add([rules["service_item"]], compiled=False)
        self.item_window = rules["item_window"]
        self.weights = rules["weights"]
        self.scopes = rules["scope_words"]
        self.concession_words = rules["concession_words"]
        self.negation_words = rules["negation_words"]
        self.min_weight = rules["min_weight"]
        self.clause_break = re.compile(rules["clause_break"], re.I)
        self.negation_break = re.compile(rules["negation_break"], re.I)
        self.heading_before = re.compile(rules["heading_link_before"], re.I)
        self.heading_after = re.compile(rules["heading_link_after"], re.I)
        self.list_marker = re.compile(rules["list_marker"])
        self.sibling_marker = re.compile(rules["sibling_marker"])
        self.bullet_glyph = re.compile(rules["bullet_glyph"])
        self.label_prefix = re.compile(rules["label_prefix"])
        self.unit_prefix = re.compile(rules["unit_prefix"], re.I)
        self.intro_end = re.compile(rules["intro_end"], re.I)
        self.intro_width = tail_width(rules["intro_end"])
        self.question_end = re.compile(rules["question_end"])
        self.default_development_lead = re.compile(rules["default_development_lead"], re.I)
        self.default_development_width = tail_width(rules["default_development_lead"])
        self.executive_name = re.compile(rules["executive_name"], re.I)
        self.executive_gate = self.gates.add([rules["executive_name"]], compiled=False)
        self.identified_gate = self.gates.add([rules["default_development_lead"]], compiled=False)
        self.councillor_name = re.compile(rules["councillor_name"], re.I)
        self.attribution = rules["attribution"]
        self.skip_sections = set(rules["skip_sections"])
        self.min_unit_words = rules["min_unit_words"]
        self.open_words = set(rules["open_words"])
        self.terminal = tuple(rules["terminal_punctuation"])
        self.reporters = set(rules["reporters"])
        self.list_item_sentences = rules["list_item_sentences"]
        self.list_item_words = rules["list_item_words"]
        self.vocab = Vocabulary(self.describe)

    def describe(self, word: str) -> tuple[int, int, int]:
        return (*self.lexicon.describe(word), self.gates.of(word))

    def words_of(self, text: str) -> DocWords:
        if len(self.vocab) > Vocabulary.LIMIT or len(self.lexicon.tables) > Vocabulary.LIMIT:
            # start afresh (memory stays bounded): word numbers are only kept within a document
            self.vocab = Vocabulary(self.describe)
            self.lexicon.tables.clear()
            self.speakers_by_first.clear()
        return DocWords(text, self.vocab)

    # the cues of one sentence, each modified by what precedes it in its clause
    def weigh(self, text: str, offset: int, hits: list[Hit]) -> list[Weighed]:
        out = []
        contrast_end = None
        for i, hit in enumerate(hits):
            kind = hit.pattern.kind
            if kind == "contrast":
                contrast_end = hit.end
            if kind != "cue":
                continue
            polarity, factor = self.modify(text, offset, hits, i)
            if polarity is None:
                continue
            tier = hit.pattern.tier
            if tier == "heading" and not self.linked(text, offset, hit):
                tier = "weak"  # "areas for improvement" as a topic, not a list of them
            weight = self.weights[tier] * factor
            if contrast_end is not None and hit.start >= contrast_end:
                weight *= self.weights["after_contrast"]
            out.append(Weighed(polarity, weight, hit, tier, polarity == hit.pattern.polarity))
        return out

    def linked(self, text: str, offset: int, hit: Hit) -> bool:
        """A heading cue that introduces content ("Strengths included ...", "was a key area for improvement")."""
        return bool(self.heading_before.search(text[:hit.start - offset])
                    or self.heading_after.match(text[hit.end - offset:]))

    def modify(self, text: str, offset: int, hits: list[Hit], i: int) -> tuple[Optional[str], float]:
        cue = hits[i]
        polarity, factor, negatable = cue.pattern.polarity, 1.0, True
        for mod in reversed(hits[:i]):
            between = text[mod.end - offset:cue.start - offset]
            if self.clause_break.search(between):
                break
            words = len(_WORD.findall(between))
            kind = mod.pattern.opens or mod.pattern.kind
            window = mod.pattern.window or self.negation_words
            if kind == "negation" and negatable and words < window and not self.negation_break.search(between):
                polarity, negatable = _FLIP[polarity], False
            elif kind in self.scopes and words <= self.scopes[kind]:
                if not (kind == "hypothetical" and cue.pattern.id in self.unscoped):
                    return None, 0.0
            elif kind == "concession" and words <= self.concession_words:
                factor *= self.weights["in_concession"]
            elif kind == "cue":
                negatable = False  # a negation before an earlier cue belongs to that cue
        return polarity, factor

    def verdict(self, text: str, offset: int, weighed: list[Weighed]) -> Verdict:
        totals = {STRENGTH: 0.0, DEVELOPMENT: 0.0}
        for w in weighed:
            totals[w.polarity] += w.weight
        if totals[STRENGTH] == totals[DEVELOPMENT]:
            return Verdict(relay=any(w.hit.pattern.relay and w.unflipped for w in weighed))
        polarity = STRENGTH if totals[STRENGTH] > totals[DEVELOPMENT] else DEVELOPMENT
        best = max((w for w in weighed if w.polarity == polarity), key=lambda w: (w.weight, w.hit.start))
        return Verdict(polarity, totals[polarity] - totals[_FLIP[polarity]],
                       text[best.hit.start - offset:best.hit.end - offset].strip(),
                       best.tier == "heading" and best.unflipped,
                       any(w.hit.pattern.relay and w.unflipped and w.polarity == polarity for w in weighed))

    def read(self, text: str, offset: int, hits: list[Hit], gates: tuple) -> Reading:
        """One sentence (text = its quote-folded text, starting at document offset `offset`; gates = the context
        patterns that may match in it, its words with gates and their gates, and the document's word starts)."""
        reading = Reading(offset, text, self, *gates)
        gates = reading.gates
        if gates & self.speaker_bits:
            reading.speaker = self.speaker_of(reading.body, gates)
        if gates & self.source_gate.bit:
            roles = [m.lastgroup.split("__")[0] for m in reading.finditer(self.source, self.source_gate)]
            if roles:
                reading.source = next((r for r in roles if r != "report"), roles[0])
        reading.intro = bool(search_end(self.intro_end, self.intro_width, text.strip()))
        if not hits:
            return reading
        body = reading.body
        label = self.label_prefix.match(body)
        if label:  # "Improved Oversight: ..." names a topic, it does not evaluate
            label_end = offset + len(text) - len(body) + label.end()
            hits = [h for h in hits if h.start >= label_end]
        weighed = self.weigh(text, offset, hits)
        reading.lenient = self.verdict(text, offset, weighed)
        reading.strict = self.verdict(text, offset, [w for w in weighed if w.tier not in ("weak", "summary")])
        inspected = reading.source in ("ofsted", "inspectors")
        headings = [h for h in hits if h.pattern.kind == "cue" and h.pattern.tier in ("heading", "summary")
                    and (inspected or h.pattern.id not in self.needs_source)]
        if len({h.pattern.polarity for h in headings}) == 1:
            reading.heading = headings[0].pattern.polarity
            reading.heading_cue = text[headings[0].start - offset:headings[0].end - offset].strip()
        return reading

    def speaker_of(self, body: str, gates: int) -> Optional[str]:
        """The role of the first speaker pattern matching at the start of the sentence."""
        first = _WORD.match(body)
        word = first.group() if first else None
        rows = self.speakers_by_first.get(word)
        if rows is None:  # the speaker patterns a sentence starting with this word may match, in order
            rows = self.speakers_by_first[word] = [row for row in self.speakers if row[3].admit_start(first)]
        for role, regex, gate, _ in rows:
            if gates & gate.bit and regex.match(body):
                return role
        return None

    def exclusion(self, reading: Reading) -> Optional[str]:
        text, body = reading.text, reading.body
        if self.question_end.search(text.strip()):
            return "question"
        stripped = text.strip().rstrip(" .;,)\"'")
        for p, gate, starts in self.exclusions:
            if starts:
                if reading.gates & gate.bit and starts.admit_start(_WORD.match(body)) and p.regex.match(body):
                    return p.role
            elif reading.search(p.regex, gate, stripped):
                return p.role
        return None

    def lead_role(self, reading: Reading) -> tuple[Optional[str], bool]:
        """(member_list | plan_list | presenter | None, whether it introduces findings of an inspection)."""
        roles = {p.role for p, gate in self.leads if reading.search(p.regex, gate)}
        if "response_list" in roles:
            return "presenter", "finding_lead" in roles
        role = next((r for r in ("member_list", "plan_list", "presenter") if r in roles), None)
        return role, "finding_lead" in roles


# -- the document's blocks, as units -----------------------------------------------------------------------
@dataclass
class Block:
    start: int
    end: int
    label: str
    section: Optional[str]
    item: int
    continuations: list[tuple[int, int]] = field(default_factory=list)

    @property
    def last_end(self) -> int:
        return self.continuations[-1][1] if self.continuations else self.end


@dataclass
class Lead:
    """What a list's introduction says about its bullets."""
    polarity: Optional[str] = None
    cue: Optional[str] = None
    role: Optional[str] = None        # member_list | plan_list | None (officers' or neutral)
    finding: bool = False             # introduces an inspection's (or a report's) findings
    source: Optional[str] = None
    speaker: Optional[str] = None
    default: Optional[str] = None     # polarity of cue-less bullets ("Inspectors identified:")


@dataclass
class Finding:
    start: int
    end: int
    polarity: str
    cue: Optional[str]
    rule: str
    attributed_to: Optional[str]


class FindingsComponent:
    def __init__(self, name: str, rules: dict):
        self.name = name
        self.rules = FindingRules(rules)

    def __call__(self, doc: Doc) -> Doc:
        findings = FindingReader(doc, self.rules).findings()
        spans = []
        for f in findings:
            span = doc.char_span(f.start, f.end, label=f.rule, alignment_mode="expand")
            if span is not None:
                span._.set(PAYLOAD_ATTRS["findings"],
                           {"polarity": f.polarity, "cue": f.cue, "attributed_to": f.attributed_to})
                spans.append(span)
        doc.spans["findings"] = spans
        return doc


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where sentences start: where spaCy's sentencizer (default punctuation) starts one, and
    where a component marked one (the segmenter marks block starts). Without a sentencizer in the pipeline
    (some tokens unmarked), its starts are worked out here from the tokens."""
    if not len(doc):
        return []
    rows = doc.to_array([SENT_START, IDX])
    marked = rows[:, 0] == 1
    if (rows[:, 0] == 0).any():
        marked |= sentencizer_starts(doc)  # run without the segmenter: work the sentencizer's starts out
    return [0] + rows[1:][marked[1:], 1].tolist()


def next_marker(marker: str) -> Optional[str]:
    """The marker of the paragraph after one marked so ("c" -> "d", "31.4" -> "31.5", "7" -> "8")."""
    if marker.isalpha():
        return chr(ord(marker) + 1) if marker not in "zZ" else None
    head, _, last = marker.rpartition(".")
    return (head + "." if head else "") + str(int(last) + 1)


def _any_within(starts: list[int], start: int, end: int) -> bool:
    """Whether a sorted list holds a value in [start, end)."""
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


class FindingReader:
    """Reads one Doc: blocks -> units -> findings."""

    def __init__(self, doc: Doc, rules: FindingRules):
        self.doc, self.rules = doc, rules
        self.text = fold_quotes(document_text(doc))
        words = rules.words_of(self.text)
        self.hits = rules.lexicon.scan(self.text, words, rules.vocab)
        self.hit_starts = [h.start for h in self.hits]
        self.word_starts = words.starts.tolist()
        self.gate_starts, self.gate_words, self.gate_masks, self.service_words = self.gated_words(words)
        self.sentence_starts = sentence_starts(doc)
        ends = self.sentence_starts[1:] + [len(self.text)]
        self.sentences = list(zip(self.sentence_starts, ends))
        self.blocked = sorted((s.start_char, s.end_char) for s in doc.spans.get("resolutions", []))
        self.text_end = len(self.text.rstrip())
        # items whose title and opening are about a service's performance (an inspection, an annual report, ...):
        # outside them only a list introduced as strengths or areas for development yields findings
        starts = [0] + sorted(s.start_char for s in doc.spans.get("items", []))
        self.service_items = [self.service_item(a) for a in starts]
        self.service = self.service_items[0]  # whether the current item is about a service's performance
        self.inspection: Optional[str] = None  # the inspectorate the current item last spoke of

    def gated_words(self, words: DocWords) -> tuple:
        """Starts, numbers and gates of the words with gates, and (ends, numbers) of those a service item names."""
        vocab = self.rules.vocab
        gates = vocab.gates[words.ids]
        gated = np.flatnonzero(gates)
        service = gated[(gates[gated] & self.rules.service_gate.bit) != 0]
        service_ends = words.starts[service] + vocab.length[words.ids[service]]
        return (words.starts[gated].tolist(), gated.tolist(), gates[gated].tolist(),
                (service_ends.tolist(), service.tolist()))

    def gates_in(self, start: int, end: int) -> tuple:
        """The gates of the text between two offsets, its words with gates and their gates (all gates and no
        words when a word is cut at either end), and the document's word starts."""
        text = self.text
        if (start and _IS_WORD(text, start - 1) and _IS_WORD(text, start)) or (_IS_WORD(text, end - 1)
                                                                               and _IS_WORD(text, end)):
            return self.rules.gates.all, None, [], self.word_starts
        i = bisect_left(self.gate_starts, start)
        j = bisect_left(self.gate_starts, end, i)
        masks = self.gate_masks[i:j]
        return reduce(or_, masks, self.rules.gates.always), self.gate_words[i:j], masks, self.word_starts

    def service_item(self, start: int) -> bool:
        """Whether the opening of an item (its first item_window characters) is about a service's performance."""
        rules = self.rules
        end = start + rules.item_window
        gate = rules.service_gate
        if not rules.gates.always & gate.bit:  # a match contains a run of a word with the gate's bit
            ends, words = self.service_words
            i = bisect_left(ends, start + 1)  # the first such word ending inside the opening
            if i == len(ends) or self.word_starts[words[i]] >= end:
                return False
            if gate.before < UNBOUNDED:  # ... with at most gate.before word breaks before it
                start = max(start, self.word_starts[max(0, words[i] - gate.before - 2)])
        return bool(rules.service_item.search(self.text, start, end))

    @cached_property
    def executives(self) -> set[str]:
        """Councillors named with an executive role ("Councillor Arnold (Lead Member ...)") speak for the executive."""
        bit = self.rules.executive_gate.bit
        if not self.rules.gates.always & bit and not any(g & bit for g in self.gate_masks):
            return set()
        return {m.group("name").lower() for m in self.rules.executive_name.finditer(self.text)}

    # -- sentences ------------------------------------------------------------------------------------
    def hits_in(self, start: int, end: int) -> list[Hit]:
        hits, starts = self.hits, self.hit_starts
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        return [h for h in hits[i:j] if h.end <= end] if i < j else []

    def readings(self, start: int, end: int) -> list[Reading]:
        """The sentences between two offsets, each read; whitespace and a dangling "(" trimmed, and a
        sentence cut off by the end of the document dropped (only complete mentions count)."""
        out = []
        sentences = self.sentences
        for k in range(max(0, bisect_left(self.sentence_starts, start) - 1), len(sentences)):
            s_start, s_end = sentences[k]
            if s_start >= end:
                break
            a, b = max(s_start, start), min(s_end, end)
            piece = self.text[a:b]
            a += len(piece) - len(piece.lstrip())
            b -= len(piece) - len(piece.rstrip(" \n\t(\"'"))
            if b - a < 2:
                continue
            sentence = self.text[a:b]
            if b >= self.text_end and not sentence.endswith(self.rules.terminal):
                continue
            reading = self.rules.read(sentence, a, self.hits_in(a, b), self.gates_in(a, b))
            if reading.speaker == "member" and self.executive(sentence):
                reading.speaker = "executive"
            out.append(reading)
        return out

    def executive(self, sentence: str) -> bool:
        body = strip_marker(self.rules.list_marker, sentence)
        m = self.rules.councillor_name.match(body)
        return bool(m and m.group("name").lower() in self.executives)

    # -- blocks ---------------------------------------------------------------------------------------
    def blocks(self) -> list[Block]:
        sections = sorted((s.start_char, s.end_char, s.label_) for s in self.doc.spans.get("sections", []))
        items = sorted(s.start_char for s in self.doc.spans.get("items", []))
        out: list[Block] = []
        for span in sorted(self.doc.spans.get("blocks", []), key=lambda s: s.start_char):
            start, end = span.start_char, span.end_char
            section = next((label for s, e, label in reversed(sections) if s <= start < e), None)
            item = bisect_left(items, start + 1) - 1
            block = Block(start, end, span.label_, section, item)
            if out and span.label_ == "paragraph" and self.continues(out[-1], block):
                out[-1].continuations.append((start, end))
                continue
            out.append(block)
        return out

    def continues(self, prev: Block, block: Block) -> bool:
        """A paragraph that carries on the bullet before it: "(Where planning ...)", or text after a hard wrap."""
        if prev.item != block.item or prev.label != "bullet":
            return False
        first = self.text[block.start:block.end].lstrip()[:1]
        last_word = self.text[prev.start:prev.last_end].rstrip().rsplit(None, 1)[-1]
        return first == "(" or first.islower() or last_word.lower() in self.rules.open_words

    def skipped(self, block: Block) -> bool:
        if block.section in self.rules.skip_sections:
            return True
        i = bisect_left(self.blocked, (block.start + 1,)) - 1
        return i >= 0 and self.blocked[i][0] <= block.start < self.blocked[i][1]

    # -- the walk ------------------------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        out: list[Finding] = []
        # paragraph_list: the introduction of a list with a polarity was followed by plain paragraphs, which are
        # then its items (bullets lost in conversion) until a paragraph that does not read as one
        lead, speaker, item, paragraph_list = Lead(), None, None, False
        lead_marker = None  # the marker of a lettered/numbered paragraph that introduced the current list
        blocks = self.blocks()
        barren = self.barren_items(blocks)
        for k, block in enumerate(blocks):
            if block.item in barren:
                continue
            if block.item != item:
                lead, speaker, item, paragraph_list = Lead(), None, block.item, False
                self.service = self.service_items[item + 1]
                self.inspection = None  # the inspectorate the item last spoke of
            if self.skipped(block):
                lead, paragraph_list = Lead(), False
                continue
            if lead_marker and block.label == "bullet" and self.marker(block) == next_marker(lead_marker):
                lead, paragraph_list, lead_marker = Lead(), False, None  # "d." after "c. ... as follows:" ends c's list
            readings = self.readings(block.start, block.last_end)
            if not readings:
                continue
            followed_by_list = k + 1 < len(blocks) and blocks[k + 1].label == "bullet"
            listed = bool(lead.polarity or lead.default)
            list_item = paragraph_list and block.label != "bullet" and self.list_like(readings)
            paragraph_list = list_item
            if self.is_bullet(block) or (listed and block.label == "bullet") or list_item:
                if readings[-1].intro and followed_by_list and len(readings) == 1:
                    lead = self.sub_lead(lead, readings)
                    continue
                out += self.bullet(block, readings, lead)
            elif block.label == "bullet":  # a numbered or lettered paragraph of minutes: prose under its intro
                if lead.role != "plan_list":
                    out += self.prose(readings, "member" if lead.role == "member_list" else lead.speaker, lead)
                if readings[-1].intro:
                    lead, lead_marker = self.lead_for(readings, speaker), self.marker(block)
            else:
                if block.label == "paragraph" or self.long_enough(block):
                    out += self.prose(readings, speaker, Lead())
                self.inspection = next((r.source for r in reversed(readings) if r.source in ("ofsted", "inspectors")),
                                       self.inspection)
                speaker = self.carried_speaker(readings, speaker)
                heading = self.heading_like(block, readings)
                lead, lead_marker = self.lead_for(readings, speaker, heading), None
                paragraph_list = bool(lead.polarity or lead.default) and not followed_by_list
        return out

    def barren_items(self, blocks: list[Block]) -> set[int]:
        """Items that cannot yield a finding: every finding needs a cue (its own, or its list introduction's),
        or a list introduced as identified ("Inspectors identified:"), and nothing carries over to the next item."""
        cues = [h.start for h in self.hits if h.pattern.kind == "cue"]
        gate = self.rules.identified_gate
        if self.rules.gates.always & gate.bit:
            return set()
        identified = [start for start, mask in zip(self.gate_starts, self.gate_masks) if mask & gate.bit]
        spans: dict[int, list[int]] = {}
        for block in blocks:
            span = spans.setdefault(block.item, [block.start, block.last_end])
            span[1] = max(span[1], block.last_end)
        return {item for item, (start, end) in spans.items()
                if not _any_within(cues, start, end) and not _any_within(identified, start, end)
                and not (start and _IS_WORD(self.text, start - 1) and _IS_WORD(self.text, start))}

    def list_like(self, readings: list[Reading]) -> bool:
        """A short paragraph that reads as an item of the list above it (bullets lost in conversion)."""
        words = self.words(readings[0].start, readings[-1].end)
        return (len(readings) <= self.rules.list_item_sentences and words <= self.rules.list_item_words
                and not readings[-1].intro and readings[0].speaker is None)

    def heading_like(self, block: Block, readings: list[Reading]) -> bool:
        """A short title line ("Strengths", "What needs to improve") that introduces what follows."""
        if len(readings) != 1 or self.words(block.start, block.last_end) > 6:
            return False
        ending = self.text[block.start:block.last_end].strip()[-1:]
        return ending not in ".?!" or (ending == "?" and readings[0].heading is not None)  # "What needs to improve?"

    def marker(self, block: Block) -> Optional[str]:
        """A lettered or numbered paragraph's marker ("c", "31.4"), None for others."""
        m = self.rules.sibling_marker.match(self.text, block.start)
        return m.group(1) if m else None

    def is_bullet(self, block: Block) -> bool:
        """A bulleted point (one unit), as opposed to a numbered or lettered paragraph of minutes."""
        return block.label == "bullet" and bool(self.rules.bullet_glyph.match(self.text, block.start))

    def long_enough(self, block: Block) -> bool:
        return self.words(block.start, block.end) >= 8

    @staticmethod
    def carried_speaker(readings: list[Reading], speaker: Optional[str]) -> Optional[str]:
        """The speaker later paragraphs inherit: the last one named; members' turns do not carry over."""
        for r in readings:
            if r.speaker and r.speaker != "informed":
                speaker = r.speaker
        return None if speaker == "member" else speaker

    def lead_for(self, readings: list[Reading], speaker: Optional[str], heading: bool = False) -> Lead:
        last = readings[-1]
        role, finding = self.rules.lead_role(last)
        if last.speaker == "member" and role is None:
            role = "member_list"
        source = next((r.source for r in reversed(readings) if r.source), None)
        finding = bool(finding and source)
        polarity = cue = default = None
        if last.intro or heading:  # only a sentence or title that introduces a list sets its polarity
            polarity, cue = last.heading, last.heading_cue
            if polarity is None and finding:
                polarity, cue = last.lenient.polarity, last.lenient.cue
            identified = search_end(self.rules.default_development_lead, self.rules.default_development_width,
                                    self.text[last.start:last.end])
            if polarity is None and finding and identified:  # "Inspectors identified:" lists areas to improve
                default = DEVELOPMENT
        lead_speaker = next((r.speaker for r in reversed(readings) if r.speaker and r.speaker != "informed"), speaker)
        if role == "presenter":  # "Linda led the meeting through the report, drawing attention to:" an officer
            role, lead_speaker = None, lead_speaker or "officer"
        return Lead(polarity, cue, role, finding, source, lead_speaker, default)

    def sub_lead(self, lead: Lead, readings: list[Reading]) -> Lead:
        """A bullet introducing sub-bullets ("• Social Workers:-") keeps the outer list's polarity."""
        inner = self.lead_for(readings, lead.speaker)
        return Lead(inner.polarity or lead.polarity, inner.cue or lead.cue, inner.role or lead.role,
                    inner.finding or lead.finding, inner.source or lead.source, inner.speaker or lead.speaker,
                    inner.default or lead.default)

    # -- units ----------------------------------------------------------------------------------------
    def bullet(self, block: Block, readings: list[Reading], lead: Lead) -> list[Finding]:
        if lead.role == "plan_list":
            return []
        member_list = lead.role == "member_list"
        if member_list or any(r.speaker == "member" for r in readings):
            # a member's point, or a question and its answer: read sentence by sentence
            return self.prose(readings, "member" if member_list else lead.speaker, lead,
                              bullet_source=self.source_of(readings))
        if self.words(block.start, block.last_end) < self.rules.min_unit_words:
            return []
        speaker = readings[0].speaker or lead.speaker
        polarities = self.bullet_polarities(readings, lead, speaker)
        if not any(polarities) or self.hard_exclusion(readings[0], lead):  # (exclusions are read only if needed)
            return []
        runs = self.runs(polarities)
        if len(runs) == 1:
            (first, last, polarity, verdict, rule), = runs
            return [self.finding(self.unit_start(block.start), readings[last].end, polarity, verdict, rule,
                                 lead, readings, speaker)]
        return [self.finding(self.unit_start(readings[a].start), readings[b].end, polarity, verdict,
                             "split_sentences", lead, readings[a:b + 1], speaker, from_list=rule != "bullet_cue")
                for a, b, polarity, verdict, rule in runs]

    def bullet_polarities(self, readings: list[Reading], lead: Lead,
                          speaker: Optional[str]) -> list[Optional[tuple[str, Verdict, str]]]:
        """Per sentence: (polarity, deciding verdict, rule) or None for a neutral sentence."""
        out = []
        in_context = lead.finding or lead.polarity is not None or self.source_of(readings) in ("ofsted", "inspectors")
        for n, r in enumerate(readings):
            verdict = r.verdict(in_context or bool(r.source))
            if not verdict.polarity and not (n == 0 and (lead.polarity or lead.default)):
                out.append(None)  # neutral whatever its exclusions
            elif self.hard_exclusion(r, lead) or r.speaker == "member":
                out.append(None)
            elif n == 0 and lead.polarity:
                out.append((lead.polarity, verdict, "list_heading"))
            elif (verdict.polarity and verdict.weight >= self.rules.min_weight * (0.5 if in_context else 1)
                  and (in_context or (self.service and (r.subject or r.source or speaker in self.rules.reporters)))):
                out.append((verdict.polarity, verdict, "bullet_cue"))
            elif n == 0 and lead.default:
                out.append((lead.default, verdict, "identified_list"))
            else:
                out.append(None)
        return out

    def hard_exclusion(self, reading: Reading, lead: Lead) -> bool:
        """Excluded, unless only softly (finance) inside a list headed as strengths or areas for development."""
        return bool(reading.excluded) and not (lead.polarity and reading.excluded in self.rules.soft_exclusions)

    def words(self, start: int, end: int) -> int:
        """How many words (runs of \\w) the text between two offsets holds, a word cut at the start included."""
        if end <= start:
            return 0
        starts = self.word_starts
        count = bisect_left(starts, end) - bisect_left(starts, start)
        return count + bool(start and _IS_WORD(self.text, start - 1) and _IS_WORD(self.text, start))

    @staticmethod
    def runs(polarities: list) -> list[tuple[int, int, str, Verdict, str]]:
        """(first, last sentence, polarity, verdict, rule) per unit: the whole bullet from its first polar sentence
        when its sentences agree (neutral ones included), else each polar sentence on its own."""
        polar = [(n, *value) for n, value in enumerate(polarities) if value is not None]
        if len({p[1] for p in polar}) > 1:
            return [(n, n, polarity, verdict, rule) for n, polarity, verdict, rule in polar]
        n, polarity, verdict, rule = polar[0]
        return [(n, len(polarities) - 1, polarity, verdict, rule)]

    def prose(self, readings: list[Reading], speaker: Optional[str], lead: Lead,
              bullet_source: Optional[str] = None) -> list[Finding]:
        out, relayed_from = [], None
        for r in readings:
            speaker = r.speaker if r.speaker and r.speaker != "informed" else speaker
            relayed_from = relayed_from or (r.source if r.source in ("ofsted", "inspectors") else None)
            verdict = r.verdict(bool(r.source) or r.speaker == "inspection" or lead.finding)
            if r.intro or verdict.polarity is None:
                continue
            relayed = verdict.relay and (r.source or bullet_source) in ("ofsted", "inspectors", "report")
            if speaker == "member" and not relayed:
                continue
            if r.excluded and not (relayed and r.excluded == "courtesy"):
                continue
            if not self.service or not (r.subject or r.source or lead.finding or speaker in self.rules.reporters):
                continue  # evaluates something, but not a service's performance
            if verdict.weight < self.rules.min_weight * (0.5 if verdict is r.lenient else 1):
                continue
            if self.words(r.start, r.end) < self.rules.min_unit_words:
                continue
            rule = "member_relay" if speaker == "member" else "sentence_cue"
            out.append(self.finding(self.unit_start(r.start), r.end, verdict.polarity, verdict, rule, Lead(),
                                    [r], speaker, relayed_from))
        return out

    def unit_start(self, start: int) -> int:
        """Skip a list marker ("• ", "1. ", "(a) ") so the quoted text starts at the words."""
        m = self.rules.list_marker.match(self.text, start)
        return m.end() if m else start

    @staticmethod
    def source_of(readings: list[Reading]) -> Optional[str]:
        return next((r.source for r in readings if r.source), None)

    def finding(self, start: int, end: int, polarity: str, verdict: Verdict, rule: str, lead: Lead,
                readings: list[Reading], speaker: Optional[str], relayed_from: Optional[str] = None,
                from_list: bool = False) -> Finding:
        from_list = from_list or rule in ("list_heading", "identified_list")
        cue = lead.cue if rule == "list_heading" else verdict.cue
        if verdict.heading and self.inspection:  # "other positives had included ..." relays the inspection
            relayed_from = relayed_from or self.inspection
        return Finding(start, end, polarity, cue, rule,
                       self.attribute(readings, from_list, lead, speaker, relayed_from))

    def attribute(self, readings: list[Reading], from_list: bool, lead: Lead, speaker: Optional[str],
                  relayed_from: Optional[str]) -> Optional[str]:
        """Who found it: the inspectorate it names, else the one its list or paragraph relays, else its speaker."""
        names = self.rules.attribution
        own = self.source_of(readings) or ("inspection" if any(r.speaker == "inspection" for r in readings) else None)
        if own in names and own != "report":
            return names[own]
        if from_list and (lead.source or self.inspection):
            return names.get(lead.source or self.inspection)
        if relayed_from:
            return names[relayed_from]
        speaker = next((r.speaker for r in readings if r.speaker), None) or speaker
        if speaker in names:
            return names[speaker]
        return names.get(own or lead.source)


@Language.factory(
    "minutes_findings",
    requires=["doc.spans", "token.is_sent_start"],
    assigns=["doc.spans"],
    default_config={"rules": {}},
)
def make_findings(nlp: Language, name: str, rules: dict) -> FindingsComponent:
    return FindingsComponent(name, rules)
