"""Lexicon patterns and the word index: every cue and modifier matched in one pass over a document."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import or_
from typing import NamedTuple, Optional, get_args

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ...matching.first_chars import first_characters, preceding_characters
from ...kinds import ScopeBreak
from ...rules import load_jsonl
from ...rules.findings import KIND_SCOPES, Scope, modifier_scope
from .regex_keys import ANY_WORD, FirstWords, KeySet, UNBOUNDED, _NO_LOOKBEHIND, _keys_union, either, first_letters, lead_words, required_near, required_runs, row_keys, split_alternatives

STRENGTH, DEVELOPMENT = "strength", "development"
_FLIP = {STRENGTH: DEVELOPMENT, DEVELOPMENT: STRENGTH}
_QUOTES = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("´", "'"))
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
    acts: Optional[str] = None  # the modifier kind it acts as on the cues it reaches (a cue's `opens`), if any
    reach: Optional["Reach"] = None  # where it reaches them
    anchor: Optional[str] = None
    measure: bool = False  # a verdict on a performance measure: names what it judges
    topic: bool = True  # a heading cue that, unlinked, names a list as a topic ("should ensure" does not)
    compare: bool = False  # "against a target of 90%": its polarity is worked out from the numbers
    direction: Optional[str] = None  # "up": its polarity holds where higher is better ("above target")

    @property
    def ends_as(self) -> Optional[str]:
        """The kind by which it ends another modifier's scope (terminated_by): a cue opening nothing is "cue"."""
        return self.acts or ("cue" if self.kind == "cue" else None)


@dataclass(frozen=True)
class Reach:
    """A modifier's scope (rules.findings.Scope) as the matching reads it."""
    forward: bool  # it reaches cues after it
    backward: bool  # ... and cues before it
    max_scope: Optional[int]  # a cue starts within this many words of it (None: anywhere in the sentence)
    breaks: tuple[str, ...]  # break patterns of findings.json (clause_break, negation_break) that end it
    ended_by: frozenset  # kinds of hit between it and a cue that end it (Pattern.ends_as)


def reach_of(scope: Scope) -> Optional[Reach]:
    """None for a pseudo modifier: it reaches nothing."""
    if scope.direction == "pseudo":
        return None
    ends = set(scope.terminated_by)
    breaks = tuple(b for b in get_args(ScopeBreak) if b in ends)
    return Reach(scope.direction != "backward", scope.direction != "forward", scope.max_scope, breaks,
                 frozenset(ends.difference(breaks)))


# a space in a pattern: a run of whitespace holding at most one line break (a blank line ends a paragraph)
_SPACE = r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"


def compile_pattern(pattern: str) -> re.Pattern:
    """A lexicon pattern: case-insensitive, whole words, a space matches any run of whitespace."""
    before = "" if pattern.startswith(_NO_LOOKBEHIND) else r"(?<!\w)"
    return re.compile(before + "(?:" + spaces_as_whitespace(pattern) + r")(?!\w)", re.I)


def row_alternatives(pattern: str) -> list[tuple[re.Pattern, Optional[KeySet]]]:
    """A lexicon row's top-level alternatives, each compiled as compile_pattern() compiles the row (the row decides
    whether a match may start inside a word), with the keys of the words a match of it may start with (None: any).
    At any offset the row matches as the first of them matching there."""
    before = "" if pattern.startswith(_NO_LOOKBEHIND) else r"(?<!\w)"
    out = []
    for alternative in split_alternatives(pattern):
        keys = lead_words(alternative) if before else None
        out.append((re.compile(before + "(?:" + spaces_as_whitespace(alternative) + r")(?!\w)", re.I),
                    KeySet(keys) if keys else None))
    return out


_PATTERN_PIECES = re.compile(r"\\.?|[^\\\[\] ]+|.", re.S)  # an escape, a run of plain characters, or one of "[", "]", " "


def spaces_as_whitespace(pattern: str) -> str:
    """Each space outside a character class as _SPACE (inside one, any whitespace)."""
    if "[" not in pattern and "\\" not in pattern:  # no class, no escape: every space is outside a class
        return pattern.replace(" ", _SPACE)
    out, in_class = [], False
    for m in _PATTERN_PIECES.finditer(pattern):  # piece by piece (per character was most of the build time)
        piece = m.group()
        if piece == " ":
            piece = r"\s" if in_class else _SPACE
        elif piece == "[" and not in_class:
            in_class = True
        elif piece == "]" and in_class and pattern[m.start() - 1] != "[":
            in_class = False
        out.append(piece)
    return "".join(out)


def load_rows(value) -> list[dict]:
    """A lexicon given inline (a list of rows) or by name under models/ (resolved once, at construction)."""
    return list(value) if isinstance(value, list) else load_jsonl(value)


def _pattern(row: dict, kind: Optional[str] = None) -> Pattern:
    kind = kind or row["kind"]
    acts = row.get("opens") if kind == "cue" else kind if kind in KIND_SCOPES else None
    reach = reach_of(modifier_scope(row, acts)) if acts else None
    return Pattern(
        id=row["id"], kind=kind, regex=compile_pattern(row["pattern"]),
        polarity=row.get("polarity"), tier=row.get("tier"), role=row.get("role"), relay=bool(row.get("relay")),
        acts=acts if reach else None, reach=reach, anchor=row.get("anchor"),
        measure=bool(row.get("measure")), compare=bool(row.get("compare")), topic=row.get("topic", True),
        direction=row.get("direction") if kind == "cue" else None,
    )


def fold_quotes(text: str) -> str:
    """Curly quotes and acute accents as straight quotes (str.translate is slow for non-ASCII maps)."""
    for curly, straight in _QUOTES:
        if curly in text:
            text = text.replace(curly, straight)
    return text


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

    def __init__(self, describe, near_of=None, with_near: bool = False):
        super().__init__()
        self.describe = describe  # word -> (starts, number, scans, gates), and near with_near
        self.near_of = near_of  # word -> the bits of the near gates it holds a run of (Lexicon.near_of)
        self.with_near = with_near  # describe gives the near bits too (one pass over the word: FindingRules.describe)
        self.near = np.zeros(0, object)  # Python ints: as many bits as there are near gates
        self.words: list[str] = []
        self.starts = np.zeros(0, np.int64)  # whether lexicon alternatives may start at the word (ANY, PAIR, TRIPLE)
        self.number = np.zeros(0, np.int64)  # its number as a key word of the lexicon
        self.scans = np.zeros(0, np.int64)  # the scanned lexicon patterns whose required runs it contains (bits)
        self.gates = np.zeros(0, object)  # context gates: Python ints, as many bits as there are context rows
        self.length = np.zeros(0, np.int64)
        self.flags: dict[tuple[str, int], np.ndarray] = {}  # with_bit(), by table and bit

    ANY_GATE = -1  # with_bit(ANY_GATE): the words with any gate

    def with_bit(self, bit: int, table: str = "gates") -> np.ndarray:
        """Per word number, whether its gates (or another table of bits: "near") hold a bit (ANY_GATE: any): worked
        out once per word and bit, not once per document (a document's words are then tested by number, without a
        Python int operation each)."""
        flags = self.flags.get((table, bit))
        size = len(self.words)
        if flags is None or len(flags) < size:
            known = 0 if flags is None else len(flags)
            grown = np.zeros(size, bool)
            if known:
                grown[:known] = flags
            grown[known:] = [bits & bit != 0 for bits in getattr(self, table)[known:size].tolist()]
            flags = self.flags[(table, bit)] = grown
        return flags

    def __missing__(self, word: str) -> int:
        n = len(self.words)
        if n == len(self.gates):
            self._grow(max(1024, 2 * n))
        self.words.append(word)
        if self.with_near:
            self.starts[n], self.number[n], self.scans[n], self.gates[n], self.near[n] = self.describe(word)
        else:
            self.starts[n], self.number[n], self.scans[n], self.gates[n] = self.describe(word)
            self.near[n] = self.near_of(word) if self.near_of else 0
        self.length[n] = len(word)
        self[word] = n
        return n

    def _grow(self, size: int) -> None:
        for name in ("starts", "number", "scans", "gates", "length", "near"):
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
        self._codes: Optional[tuple[np.ndarray, list[int]]] = None
        self._space_begins: Optional[list[int]] = None
        self._space_array: Optional[np.ndarray] = None

    def first_codes(self, text: str) -> tuple[np.ndarray, list[int]]:
        """The code point each word starts with where it is ASCII (0 where it is not), and the words whose first
        code point is not ASCII (computed once per text: every word-started pattern asks)."""
        if self._codes is None:
            points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
            codes = points[self.starts] if len(self.starts) else np.zeros(0, np.uint32)
            beyond = codes >= 128
            self._codes = np.where(beyond, 0, codes), np.flatnonzero(beyond).tolist()
        return self._codes

    def space_begins_array(self, text: str) -> np.ndarray:
        """Offsets where runs of whitespace (\\s, as the regex engine reads it: str.isspace) begin (computed once per
        text)."""
        if self._space_array is None:
            self._space_array = whitespace_begins(text)
        return self._space_array

    def space_begins(self, text: str) -> list[int]:
        """space_begins_array() as a list."""
        if self._space_begins is None:
            self._space_begins = self.space_begins_array(text).tolist()
        return self._space_begins


def whitespace_begins(text: str) -> np.ndarray:
    """Offsets where runs of whitespace (str.isspace, as \\s reads it) begin."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    space = ((points >= 9) & (points <= 13)) | ((points >= 28) & (points <= 32))
    beyond = np.flatnonzero(points >= 128)
    if len(beyond):  # (few: each tested on its own)
        spaces = [chr(c).isspace() for c in points[beyond].tolist()]
        if any(spaces):
            space[beyond[np.array(spaces)]] = True
    return np.flatnonzero(space & ~np.concatenate(([False], space[:-1])))


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
        # near gates: an indexed alternative whose matches hold one of its required runs within a few runs of
        # whitespace of their start is tried only where a word holding one lies that near (required_near)
        self.near: dict[re.Pattern, tuple[int, int]] = {}  # its regex -> (bit, runs of whitespace)
        self.near_runs: dict[str, int] = {}  # a run -> the bits of the gates requiring it (or another)
        nearable: dict[re.Pattern, str] = {}  # the indexed alternatives
        sources = []  # of the scanned alternatives
        for pattern, row in zip(patterns, rows):
            for alternative in split_alternatives(row["pattern"]):
                compiled = compile_pattern(alternative)
                letters = first_letters(alternative, self.KEY)
                if letters is None or not all(k[:1].isalnum() for k in letters):
                    self.scanned.append((compiled, pattern))
                    sources.append(alternative)
                    continue
                for key in letters:
                    self.index.setdefault(key, []).append((compiled, pattern))
                self.keys[compiled] = KeySet(lead_words(alternative) or frozenset(
                    (k.strip(), k.endswith(" "), None, None) for k in letters))
                nearable.setdefault(compiled, alternative)
        for compiled, alternative in nearable.items():
            if len(compiled.pattern) >= NEAR_LENGTH:
                self.near_gate(compiled, alternative)
        self.near_lengths = sorted({len(run) for run in self.near_runs})
        self.all_near = reduce(or_, (bit for bit, _ in self.near.values()), 0)
        self.runs: dict[str, int] = {}  # a run -> the bits of the scanned alternatives requiring it (or another)
        self.word_started = [WordStarted(regex, pattern, *self.scan_gate(source, n))
                             for n, ((regex, pattern), source) in enumerate(zip(self.scanned, sources))]
        self.run_lengths = sorted({len(run) for run in self.runs})
        self.all_scans = reduce(or_, (s.bit for s in self.word_started), 0)
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
        numbers, shift = self.numbers, self.SHIFT  # self.code(*k) of each, inline (tens of thousands of triples)
        codes = sorted((((((numbers[a] + 2) << shift) + numbers[b] + 2) << shift) + numbers[c] + 2)
                       for a, b, c in triples if b != ANY_WORD)
        self.triples = np.array(codes or [-1], np.int64)
        self.tables: dict[tuple[int, int, int], tuple] = {}
        self.firsts: dict[str, tuple] = {}  # given_first(), by word

    def scan_gate(self, alternative: str, n: int) -> tuple[int, int, Optional[int]]:
        """(bit, breaks, spaces) of a scanned alternative: every match contains one of its required runs, in a word at
        most `breaks` word breaks after the one it starts in, and (spaces: None when unknown) with at most `spaces` runs
        of whitespace before that word (required_near, when it names the same runs); bit 0 when it has none (it is
        scanned everywhere)."""
        required = required_runs(either([alternative.replace(" ", r"\s+")]))
        if required is None or n >= SCAN_WIDTH:
            return 0, UNBOUNDED, None
        for run in required[0]:
            self.runs[run] = self.runs.get(run, 0) | 1 << n
        near = required_near(alternative) if required[1] >= UNBOUNDED else None
        return 1 << n, required[1], near[1] if near is not None and near[0] == required[0] else None

    def near_gate(self, compiled: re.Pattern, alternative: str) -> None:
        required = required_near(alternative)
        if required is None or any(len(run) < NEAR_RUN or run in STOP_WORDS for run in required[0]):
            return  # (a short or common run is in most words: the gate would turn few tries away, at a cost)
        bit = 1 << len(self.near)
        self.near[compiled] = (bit, required[1])
        for run in required[0]:
            self.near_runs[run] = self.near_runs.get(run, 0) | bit

    def near_of(self, word: str) -> int:
        """The bits of the near gates whose required runs a word contains (a word the runs cannot judge, not
        ASCII, as case-insensitive matching may take its letters for ASCII ones: all of them)."""
        return _bits_of_runs(word, self.near_runs, self.near_lengths, self.all_near)

    def scans_of(self, word: str) -> int:
        """The bits of the scanned alternatives whose required runs a word contains (a word the runs cannot judge:
        all of them)."""
        return _bits_of_runs(word, self.runs, self.run_lengths, self.all_scans)

    def code(self, *words: str) -> int:
        out = 0
        for w in words:
            out = (out << self.SHIFT) + self.numbers[w] + 2
        return out

    def describe(self, word: str) -> tuple[int, int, int]:
        """(starts, number, scans) of a vocabulary word: starts = bits ANY (an alternative may start at it whatever
        follows), PAIR and TRIPLE (... given the words after it); number = its number as a key word (-1: none);
        scans = scans_of(word)."""
        lower = word.lower()
        if not word.isascii():  # case folding may differ from lower(): try what the first letters index
            return (Vocabulary.ANY if self.candidates(lower) else 0), Vocabulary.NON_ASCII, self.all_scans
        return (*self.starts_of(word, lower), self.scans_of(word))

    def starts_of(self, word: str, lower: str) -> tuple[int, int]:
        """(starts, number) of describe() for an ASCII word (`lower`: word.lower())."""
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
        """The candidates for a word (by number) that its keys allow, given the two words after it (-1: none), each
        with its near gate (None: none)."""
        found = self.tables.get(words)
        if found is None:
            word = vocab.words[words[0]]
            lower = word.lower()
            found = self.candidates(lower)
            if word.isascii():
                after = [vocab.words[n] if n >= 0 else "" for n in words[1:]]
                second, third = [w.lower() if w.isascii() else None for w in after]
                found = tuple(c for c, given in self.given_first(lower)
                              if given is True or KeySet.admit_after(given, second, third))
            found = self.tables[words] = tuple((regex, p, self.near.get(regex)) for regex, p in found)
        return found

    def given_first(self, lower: str) -> tuple:
        """The candidates for an ASCII word (lower case) its keys may admit, each with what is left to decide
        given the words after it (KeySet.given_first: True, or the keys of those words); kept per word, as a
        word starts many (word, next, next) keys (cleared with the tables)."""
        found = self.firsts.get(lower)
        if found is None:
            given = ((c, self.keys[c[0]].given_first(lower)) for c in self.candidates(lower))
            found = self.firsts[lower] = tuple((c, g) for c, g in given if g is not False)
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
        scans = vocab.scans[words.ids]  # per word, the scanned alternatives whose required runs it contains
        present = int(np.bitwise_or.reduce(scans)) if len(scans) else 0  # ... and those of any word
        hits = [Hit(m.start(), m.end(), s.pattern) for s in self.word_started if not s.bit or present & s.bit
                for m in s.finditer(text, words, scans)]
        starts, ids = words.starts.tolist(), words.ids.tolist() + [-1, -1]
        tables, append, nearby = self.tables, hits.append, None
        for i in self.places(words.ids, vocab):
            key = (ids[i], ids[i + 1], ids[i + 2])
            found = tables.get(key)
            if found is None:
                found = self.alternatives(key, vocab)
            if found:
                start = starts[i]
                for regex, p, gate in found:
                    if gate is not None:
                        if nearby is None:
                            nearby = Nearby(text, words, vocab)
                        if not nearby.admits(i, gate):
                            continue  # no word holding one of its runs lies near enough: it cannot match here
                    m = regex.match(text, start)
                    if m:
                        append(Hit(start, m.end(), p))
        hits.sort(key=lambda h: (h.start, h.start - h.end, _KIND_RANK[h.pattern.kind]))
        kept, last_end = [], -1
        for hit in hits:
            if hit.start >= last_end:
                kept.append(hit)
                last_end = hit.end
        return kept


_ASCII_SPACE = np.array([chr(c).isspace() for c in range(128)])


class Nearby:
    """For one text: the words holding each near gate's runs, and how many runs of whitespace precede each word,
    to tell whether a word holding a gate's run lies within its bound of a start word (Lexicon.near)."""

    def __init__(self, text: str, words: DocWords, vocab: Vocabulary):
        held = np.flatnonzero(vocab.with_bit(Vocabulary.ANY_GATE, "near")[words.ids])  # the words holding some run
        self.held = held.tolist()
        self.held_bits = vocab.near[words.ids[held]].tolist()  # ... and the bits of the gates whose runs they hold
        # runs of whitespace (\s, as the regex engine reads it: str.isspace) starting before each word
        self.before = np.searchsorted(words.space_begins_array(text), words.starts).tolist()

    def admits(self, i: int, gate: tuple[int, int]) -> bool:
        """Whether a word at or after word i holding one of the gate's runs has at most its bound of runs of
        whitespace between word i and it (only the words holding some gate's run are visited)."""
        bit, spaces = gate
        held, held_bits, before = self.held, self.held_bits, self.before
        limit, end = before[i] + spaces, len(held)
        k = bisect_left(held, i)
        while k < end and before[held[k]] <= limit:
            if held_bits[k] & bit:
                return True
            k += 1
        return False


from ...matching.regex_tree import REPEATS as _REPEATS, sre as _sre, sre_parser as _sre_parser



def literals_as_written(regex: re.Pattern) -> Optional[frozenset[str]]:
    """Strings one of which every match of a regex contains, case and all (read from the case-sensitive parts
    of its parse tree: "(?-i:... (Good|Outstanding) ...)"); None when none is known."""
    try:
        tree = _sre_parser.parse(regex.pattern, regex.flags)
    except Exception:  # (a construct the parser of this Python reads otherwise: no gate)
        return None
    return _written(tree.data, bool(regex.flags & re.IGNORECASE))


def _written(items, ignorecase: bool) -> Optional[frozenset[str]]:
    """literals_as_written of a sequence: its best candidate among its runs of case-sensitive literals (each
    contiguous in every match) and what its groups, alternations and repeats (at least once) require."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is _sre.LITERAL and not ignorecase:
            run.append(chr(av))
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        found = None
        if op is _sre.SUBPATTERN:
            _, add, remove, sub = av
            inner = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            found = _written(sub.data, inner)
        elif op is _sre.BRANCH:
            each = [_written(alternative.data, ignorecase) for alternative in av[1]]
            found = None if any(e is None for e in each) else frozenset().union(*each)
        elif op in _REPEATS and av[0] >= 1:
            found = _written(av[2].data, ignorecase)
        if found:
            candidates.append(found)
    # rarest first, as far as can be told: strings with a capital, then the longest shortest string
    return max(candidates, key=lambda c: (all(any(ch.isupper() for ch in x) for x in c), min(map(len, c))),
               default=None)


_WORD_START = r"(?<!\w)"
# a first-character class (matching.first_chars, escaped items) of word characters only: \d, \w, ASCII letters,
# digits, "_", and ranges within the capitals, the small letters or the digits (case folding maps them to letters)
_WORD_FIRSTS = re.compile(r"(?:\\[dw]|[A-Z]-[A-Z]|[a-z]-[a-z]|[0-9]-[0-9]|[A-Za-z0-9_])+")


class WordStarted:
    """A scanned lexicon pattern, tried only at the words its matches can start with when it starts at a word
    start ("(?<!\\w)" then a digit or a letter it names: "4 key strengths", "two areas"); else scanned as
    usual. A scan tries the pattern at every character; the words are known already (DocWords)."""

    def __init__(self, regex: re.Pattern, pattern: Pattern, bit: int = 0, breaks: int = UNBOUNDED,
                 spaces: Optional[int] = None):
        self.regex, self.pattern = regex, pattern
        self.bit, self.breaks, self.spaces = bit, breaks, spaces  # Lexicon.scan_gate
        firsts = first_characters(regex) if regex.pattern.startswith(_WORD_START) else None
        # (under re.ASCII a match could start inside a word of DocWords, after a letter beyond ASCII)
        word_firsts = firsts and _WORD_FIRSTS.fullmatch(firsts) and not regex.flags & re.ASCII
        self.first = re.compile(f"[{firsts}]", regex.flags) if word_firsts else None
        # which ASCII characters a match can start with, as a table by code point
        self.ascii = np.array([bool(self.first and self.first.match(chr(c))) for c in range(128)])
        # else the characters one of which stands before every match ("," of "(?<=,)", "\n" of a line start):
        # tried only after them (a line start also at the text's start), not at every character
        after = preceding_characters(regex) if self.first is None else None
        self.after = re.compile(f"[{re.escape(after)}]") if after else None
        self.line_start = bool(after and "\n" in after)  # (an extra try at 0 finds only what a scan would)
        # else, for a pattern starting at a word start whose matches hold a required run within `spaces` runs of
        # whitespace: tried only at the characters it can start with, near the words holding such a run (near_words)
        self.start_chars = (re.compile(f"(?<!\\w)[{firsts}]", regex.flags)
                            if firsts and self.first is None and self.after is None and spaces is not None else None)
        self.written = literals_as_written(regex)  # a text holding none of them, as written, holds no match

    def finditer(self, text: str, words: "DocWords", scans: Optional[np.ndarray] = None) -> list[re.Match]:
        """regex.finditer(text) (its matches are never empty); `scans`: the words' Vocabulary.scans."""
        if self.written is not None and not any(w in text for w in self.written):
            return []
        holders = None
        if self.bit and scans is not None:
            holders = np.flatnonzero(scans & self.bit)  # the words containing one of its required runs
            if not len(holders):
                return []
        if self.first is None:
            if self.start_chars is not None and holders is not None:
                return self.near_words(text, words, holders)
            if self.after is None:
                return list(self.regex.finditer(text))
            return self.after_chars(text)
        starts = words.starts
        codes, beyond = words.first_codes(text)
        chosen = self.ascii[codes]  # (code 0 stands for the words beyond ASCII: chr(0) starts no match)
        first = self.first.match
        for k in beyond:  # a word starting with a letter beyond ASCII
            chosen[k] = first(text, int(starts[k])) is not None
        if holders is not None and self.breaks < UNBOUNDED:
            # a match starting at word k holds its run in word k .. k + breaks (+ 2 to spare)
            at = np.flatnonzero(chosen)
            after = np.searchsorted(holders, at)
            near = after < len(holders)
            near[near] = holders[after[near]] <= at[near] + self.breaks + 2
            chosen[at[~near]] = False
        return _matches_at(self.regex, text, starts[chosen].tolist())

    def near_words(self, text: str, words: "DocWords", holders: np.ndarray) -> list[re.Match]:
        """regex.finditer(text) for a pattern starting at a word start (at one of its first characters), whose
        matches hold one of its required runs, in a word (a holder) at most `spaces` runs of whitespace after their
        start: the holder starts at or after the match (a match starts at a word's start, or at a first character
        that is no word character), so a match starts after the run of whitespace `spaces` before the holder's."""
        begins = words.space_begins(text)
        places: set[int] = set()
        search = self.start_chars.finditer
        for h in words.starts[holders].tolist():
            k = bisect_left(begins, h) - self.spaces  # runs of whitespace beginning before the holder, less the bound
            low = begins[k - 1] + 1 if k >= 1 else 0
            places.update(m.start() for m in search(text, low, h + 1))
        return _matches_at(self.regex, text, sorted(places))

    def after_chars(self, text: str) -> list[re.Match]:
        """regex.finditer(text) for a pattern whose matches follow one of the `after` characters (or start a line)."""
        places = [m.end() for m in self.after.finditer(text)]
        if self.line_start:
            places.insert(0, 0)
        return _matches_at(self.regex, text, places)


@dataclass(frozen=True)
class Gate:
    """Where a context pattern may match: `bit` is set on the words containing one of the runs every match
    contains, with at most `before` word breaks before it; `starts` (0: unknown) on the words a match may
    start with."""
    bit: int
    starts: int = 0
    before: int = UNBOUNDED


NEAR_RUN = 4  # fewest letters of a near gate's runs
NEAR_LENGTH = 200  # shortest regex given a near gate (a shorter one fails about as fast as the gate would)
SCAN_WIDTH = 62  # bits of the scanned lexicon alternatives a word can hold (numpy int64)


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

    WIDTH = 1024  # bits a word's gates can hold (Python ints in an object array); patterns beyond are tried everywhere

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

    def starts_of(self, lower: str) -> int:
        """The `starts` bits of an ASCII word (lower case): the patterns it may start."""
        out = self.exact.get(lower, 0)
        for prefix, bit in self.prefixes:
            if lower.startswith(prefix):
                out |= bit
        return out

    def _bit(self) -> int:
        bit = 1 << self.all.bit_length()
        self.all |= bit
        return bit

    def of(self, word: str) -> int:
        """The bits of a word (of a word the keys cannot judge: all of them)."""
        if not word.isascii():
            return self.all & ((1 << self.WIDTH) - 1)
        lower = word.lower()
        out = self.starts_of(lower)
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


def _bits_of_runs(word: str, runs: dict[str, int], lengths, unknown: int) -> int:
    """The OR of the bits of every run (a lower-case substring of one of `lengths`, in increasing order) the word
    contains; `unknown` for a word that is not ASCII (case-insensitive matching may take its letters for ASCII)."""
    if not word.isascii():
        return unknown
    lower, out = word.lower(), 0
    for i in range(len(lower)):
        for length in lengths:
            if i + length > len(lower):
                break
            out |= runs.get(lower[i:i + length], 0)
    return out


def _matches_at(regex: re.Pattern, text: str, places: list[int]) -> list[re.Match]:
    """The matches of `regex` anchored at the increasing offsets `places`, none overlapping the one before (what
    finditer gives when every match starts at one of them)."""
    out, resume, match = [], 0, regex.match
    for at in places:
        if at >= resume:
            m = match(text, at)
            if m:
                out.append(m)
                resume = m.end()
    return out
