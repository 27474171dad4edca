"""What a regex's matches must start with and contain, read from its parse tree (no matching here).

The lexicon and the context gates use these keys to try a pattern only where it can match."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from spacy import about as _spacy_about
from spacy.lang.en.stop_words import STOP_WORDS

from ...matching.memo import DiskMemo

from ...matching.regex_tree import REPEATS as _REPEATS, sre as _const, sre_parser as _parser  # what matches start with and contain

_NO_LOOKBEHIND = ("\\(", "[", "\"", "'")  # patterns starting so may match inside a word
# the keys of every rule pattern, from disk after the first build (reading parse trees was most of the build
# time); named by this module's source and spaCy's version (its stop words rank the required runs)
ANALYSES = DiskMemo("regex-keys", Path(__file__), _spacy_about.__version__)


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex ("a|b(c|d)" -> ["a", "b(c|d)"])."""
    if "|" not in pattern:  # one alternative (most rows): no walk
        return [pattern]
    out, depth, start = [], 0, 0
    for m in _REGEX_PIECES.finditer(pattern):  # piece by piece (per character was a good part of the build time)
        piece = m.group()
        if piece == "(":
            depth += 1
        elif piece == ")":
            depth -= 1
        elif piece == "|" and depth == 0:
            out.append(pattern[start:m.start()])
            start = m.end()
        elif piece == "[":
            raise ValueError(f"unterminated character class in {pattern!r}")
    out.append(pattern[start:])
    return out


# an escape, a character class (its first character may be "]"), a bracket or bar, a run of other characters
_REGEX_PIECES = re.compile(r"\\.?|\[.[^\]]*\]|[()|]|[^\\\[()|]+|\[", re.S)


@ANALYSES
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
_NON_WORD_CATEGORIES = (_const.CATEGORY_SPACE, _const.CATEGORY_NOT_WORD)


@ANALYSES
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
    """Follows the ways through a parse tree up to the end of their WORDS-th word. State: the items left, the
    words read (a word, or "*" for any one word) and the word being read ("": between words).

    Ways that meet in the same state after a repeat share its keys (memoised), so a pattern whose alternatives and repeats
    multiply the ways ("(a|b|...) ( [\\w.,]+){0,10}? (c|d)") is read in steps proportional to its states, not
    its ways. A way that comes back to a state still being followed (a repeat of separators: ".,.,") adds
    nothing that state does not already find; the keys of the states followed in between are then incomplete
    until that state is done, so only those of a state whose loops all return to itself are kept."""
    LIMIT = 64  # nesting followed
    STEPS = 8000  # steps taken before giving up

    class TooMany(Exception):
        pass

    def __init__(self, words: int):
        self.WORDS, self.steps = words, 0
        self.known: dict = {}  # state -> its keys (complete)
        self.open: dict = {}  # state being followed -> its place on the stack
        self.low = _NOWHERE  # the lowest place on the stack a way came back to, in the state being followed
        self.again: dict = {}  # (low, high, id(body)) -> the one item repeating body so (items compare by identity)
        self.bodies: dict = {}  # id(a repeat's body) -> what it takes: "separator", "word" or "" (other)

    def shared(self, items: list, done: tuple, word: str, depth: int):
        """walk(), memoised: ways into and out of repeats (the only loops) meet here."""
        state = (tuple(map(id, items)), done, word)  # (items by identity: the tree and self.again outlive the walk)
        found = self.known.get(state, _MISSING)
        if found is not _MISSING:
            return found
        place = self.open.get(state)
        if place is not None:  # a loop: what this state finds, its first visit finds
            self.low = min(self.low, place)
            return set()
        place = self.open[state] = len(self.open)
        outer_low, self.low = self.low, _NOWHERE
        try:
            found = self.walk(items, done, word, depth)
        finally:
            del self.open[state]
        if self.low >= place:  # no way back to a state below this one: its keys are complete
            self.known[state] = found
        self.low = min(outer_low, self.low)
        return found

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
        paths = [self.shared(rest, done, word, depth)] if optional else []
        if high == 0:
            return _keys_union(paths)
        kind = self.bodies.get(id(body))
        if kind is None:
            kind = self.bodies[id(body)] = "separator" if _only_non_word(items) else "word" if _only_word(items) else ""
        if kind == "separator":  # "\s+", "[- ]?": a separator however often it repeats
            paths.append(self.char(" ", rest, done, word, depth))
        elif kind == "word":  # "\w+": all or the end of one word
            paths.append(self.walk(rest, done, word or ANY_WORD, depth) if word in ("", ANY_WORD)
                         else self.unknown(done, word))
        else:  # once through the body, then as many times more as the repeat allows
            again = (arg[0] and arg[0] - 1, high if high == _const.MAXREPEAT else high - 1, body)
            item = self.again.setdefault((again[0], again[1], id(body)), (_REPEATS[0], again))
            paths.append(self.shared(items + ([item] if high != 1 else []) + rest, done, word, depth + 1))
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


_MISSING = object()
_NOWHERE = 1 << 30


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


@ANALYSES
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
        self._firsts: Optional[dict] = None  # built on first use: most patterns are never asked at a start

    @property
    def firsts(self) -> dict[str, tuple[bool, set, set, set]]:
        """first -> (any, seconds, (second, third)s, thirds)"""
        if self._firsts is None:
            firsts: dict[str, tuple[bool, set, set, set]] = {}
            for first, exact, second, third in self.keys:
                if exact:
                    anything, pairs, triples, wild = firsts.setdefault(first, (False, set(), set(), set()))
                    if second is None:
                        firsts[first] = (True, pairs, triples, wild)
                    elif third is None:
                        pairs.add(second)
                    elif second == ANY_WORD:
                        wild.add(third)
                    else:
                        triples.add((second, third))
            self._firsts = firsts
        return self._firsts

    def admit(self, first: str, second: Optional[str], third: Optional[str]) -> bool:
        """Whether a match may start at the (lower-case) word `first` followed by `second` and `third` ("" past
        the end of the text, None when unknown)."""
        given = self.given_first(first)
        return given if given is True or given is False else self.admit_after(given, second, third)

    def given_first(self, first: str):
        """What the (lower-case) word `first` leaves to decide: True (a match may start at it whatever follows),
        False (none may) or the keys of the words after it, for admit_after (a word's answer can be kept and
        asked of every two words after it)."""
        if first.startswith(self.prefixes):
            return True
        found = self.firsts.get(first)
        if found is None:
            return False
        if found[0]:
            return True
        return found[1:]

    @staticmethod
    def admit_after(after: tuple[set, set, set], second: Optional[str], third: Optional[str]) -> bool:
        """admit() for a first word whose given_first() is `after`."""
        pairs, triples, wild = after
        if second is None or second in pairs:
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


@ANALYSES
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


@ANALYSES
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


# -- what a match holds within a few runs of whitespace of its start (Lexicon's near gates) ----------------
@ANALYSES
def required_near(pattern: str) -> Optional[tuple[frozenset, int]]:
    """(runs, spaces): lower-case runs of word characters one of which every match of `pattern` contains, and at
    most how many runs of whitespace a match holds before it; None when no such run has a bound. (A bound in
    runs of whitespace holds where one in word breaks does not: "( [\\w%()'-]+){0,10}" holds at most ten.) A run
    in the first token (no whitespace before it) is not chosen: the word a match starts at holds it already."""
    if "\\ " in pattern:
        return None  # (an escaped space: spaces are read as runs of whitespace below)
    try:
        items = list(_parser.parse(pattern.replace(" ", r"\s+"), re.I))
    except re.error:
        return None
    return _near(items, 1)


def _near(items: list, floor: int) -> Optional[tuple[frozenset, int]]:
    """_required() counting runs of whitespace instead of word breaks, keeping only requirements with at least
    `floor` and a bounded number of runs of whitespace before them."""
    offers, run, spaces, run_spaces = [], "", 0, 0
    for op, arg in items:
        if op is _const.LITERAL and _IS_WORD(chr(arg)):
            if not run:
                run_spaces = spaces
            run += chr(arg).lower()
            continue
        if op in (_const.ASSERT, _const.ASSERT_NOT, _const.AT):
            continue  # takes no characters: the run goes on
        if run:
            offers.append((frozenset([run]), run_spaces))
            run = ""
        inner = None
        below = max(0, floor - spaces)  # the floor of what the item holds
        if op is _const.SUBPATTERN:
            inner = _near(list(arg[-1]), below)
        elif op is _const.BRANCH:
            ways = [_near(list(b), below) for b in arg[1]]
            if None not in ways:
                inner = frozenset().union(*(w[0] for w in ways)), max(w[1] for w in ways)
        elif op in _REPEATS and arg[0] >= 1:
            inner = _near(list(arg[2]), below)
        if inner is not None:
            offers.append((inner[0], min(UNBOUNDED, spaces + inner[1])))
        spaces = min(UNBOUNDED, spaces + _spaces([(op, arg)]))
    if run:
        offers.append((frozenset([run]), run_spaces))
    offers = [o for o in offers if floor <= o[1] < UNBOUNDED and all(r.isascii() for r in o[0])]
    return min(offers, key=lambda o: (sum(_rarity(r) for r in o[0]), o[1])) if offers else None


def _spaces(items: list) -> int:
    """At most how many runs of whitespace the items can take (a run: whitespace between non-whitespace)."""
    out = 0
    for op, arg in items:
        if op is _const.LITERAL:
            out += chr(arg).isspace()
        elif op is _const.IN:
            out += _class_spaces(arg)
        elif op is _const.SUBPATTERN:
            out += _spaces(list(arg[-1]))
        elif op is _const.BRANCH:
            out += max(_spaces(list(b)) for b in arg[1])
        elif op in _REPEATS:
            body = list(arg[2])
            inner = _spaces(body)
            if inner and arg[1]:
                out += 1 if _only_spaces(body) else UNBOUNDED if arg[1] == _const.MAXREPEAT else inner * arg[1]
        elif op not in (_const.ASSERT, _const.ASSERT_NOT, _const.AT):
            out += UNBOUNDED  # any character, a back-reference, ...: not followed
    return min(out, UNBOUNDED)


_SPACE_FREE = (_const.CATEGORY_WORD, _const.CATEGORY_DIGIT, _const.CATEGORY_NOT_SPACE)


def _class_spaces(members) -> int:
    """1 when a character class can match whitespace, else 0."""
    for op, arg in members:
        if op is _const.LITERAL:
            if chr(arg).isspace():
                return 1
        elif op is _const.RANGE:
            low, high = arg
            if high - low > 0x3100 or any(chr(c).isspace() for c in range(low, high + 1)):
                return 1
        elif not (op is _const.CATEGORY and arg in _SPACE_FREE):
            return 1  # whitespace, a negated class, ...
    return 0


def _only_spaces(items: list) -> bool:
    """Whether every character the items take is whitespace (so a repeat of them takes one run)."""
    for op, arg in items:
        if op is _const.LITERAL:
            if not chr(arg).isspace():
                return False
        elif op is _const.IN:
            if not all((o is _const.LITERAL and chr(a).isspace()) or (o is _const.CATEGORY and a == _const.CATEGORY_SPACE)
                       for o, a in arg):
                return False
        elif op is _const.SUBPATTERN:
            if not _only_spaces(list(arg[-1])):
                return False
        elif op is _const.BRANCH:
            if not all(_only_spaces(list(b)) for b in arg[1]):
                return False
        elif op in _REPEATS:
            if not _only_spaces(list(arg[2])):
                return False
        elif op not in (_const.ASSERT, _const.ASSERT_NOT, _const.AT):
            return False
    return True
