"""One sentence read the ConText way: cues, their modifiers, the speaker, sources and exclusions."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import reduce
from operator import or_
from typing import NamedTuple, Optional, get_args

from ...kinds import ScopeBreak, ScopedModifier
from .regex_keys import ANALYSES, FirstWords, KeySet, UNBOUNDED, lead_words, row_keys, tail_width
from .lexicon import row_alternatives, DEVELOPMENT, DocWords, Gate, Gates, Hit, Lexicon, STRENGTH, Vocabulary, _FLIP, _WORD, _pattern, compile_pattern, load_rows, search_end, strip_marker


# -- one sentence, read the ConText way ------------------------------------------------------------------
class Verdict(NamedTuple):  # a tuple: two are built per sentence with cues (a frozen dataclass was slower)
    """A sentence's polarity from its cues: None when it has none, or as many of each kind."""
    polarity: Optional[str] = None
    weight: float = 0.0
    cue: Optional[str] = None
    heading: bool = False
    relay: bool = False


_UNREAD = object()  # a value not worked out yet
_NO_VERDICT = Verdict()  # of a sentence without cues
_CANCELLING = frozenset(get_args(ScopedModifier))  # a cue in their scope is wanted, an action's object or past


class _once:
    """functools.cached_property without its lock (Python 3.11 takes one on each first access: a Reading is
    built per sentence, so that lock was a good part of reading one)."""

    def __init__(self, fn):
        self.fn, self.name, self.__doc__ = fn, fn.__name__, fn.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)  # later reads find it in the instance
        return value


class Reading:
    """What a sentence says: its verdict with and without weak cues (weak cues count only where the
    sentence is already in a finding context), the polarity of any list heading in it, its speaker, the
    sources it names and why it is not a finding (None when it may be one)."""

    # what a sentence says until its reading finds otherwise (class attributes: most sentences keep most of them)
    cues: Optional[list["Hit"]] = None  # its hits after a topic label, when it has hits (None: it has none)
    two_headings = False  # its heading cues name both polarities (FindingRules.read)
    heading: Optional[str] = None
    heading_cue: Optional[str] = None
    speaker: Optional[str] = None
    source: Optional[str] = None
    intro = False
    quoted = False  # a member's or cabinet member's words in direct speech (a reaction, not a finding)
    sourced_heading: Optional[tuple[str, str]] = None  # (polarity, cue) of a heading that needs a source
    generic_source = False  # its source is "the inspection", "the letter": no inspectorate named
    inspectorate: Optional[str] = None  # the inspectorate it names: "ofsted", "other" or None

    def __init__(self, start: int, text: str, rules: "FindingRules", gates: int, gate_words: Optional[list[int]],
                 gate_masks: list[int], word_starts: list[int], word_ids: Optional[list[int]] = None):
        self.start, self.end, self.text, self.rules = start, start + len(text), text, rules
        self.gates = gates  # the context patterns that may match in it (Gates), from its words with gates:
        self.gate_words = gate_words  # their numbers in the document's words (None: not known)
        self.gate_masks = gate_masks
        self.word_starts = word_starts  # where each of the document's words starts
        self.word_ids = word_ids  # ... and its number in the vocabulary (None: not known)

    @_once
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
        gates, starts = self.gates, gate.starts
        if not gates & gate.bit:
            return None
        text = self.text if text is None else text
        if starts and self.gate_words is not None:  # try only the words a match may start with
            if not gates & starts:  # (no word of it has the bit: gates hold every word's bits)
                return None
            word_starts, offset, match = self.word_starts, self.start, regex.match
            for word, mask in zip(self.gate_words, self.gate_masks):
                if mask & starts:
                    m = match(text, word_starts[word] - offset)
                    if m:
                        return m
            return None
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

    # its cues weighed and the verdicts: worked out when first asked (a sentence whose verdict no unit asks for, a
    # title line or a list's introduction, is never weighed; weighing reads only the sentence itself)
    @_once
    def weighed(self) -> list["Weighed"]:
        return [] if self.cues is None else self.rules.weigh(self.text, self.start, self.cues)

    @_once
    def lenient(self) -> Verdict:
        return _NO_VERDICT if self.cues is None else self.rules.verdict(self.text, self.start, self.weighed)

    @_once
    def strict(self) -> Verdict:
        if self.cues is None:
            return _NO_VERDICT
        weighed = self.weighed
        strict = [w for w in weighed if w.tier not in ("weak", "summary", "topic")]
        # the same cues: the same verdict, as its own object (units tell the two apart by identity)
        return Verdict(*self.lenient) if len(strict) == len(weighed) else self.rules.verdict(self.text, self.start, strict)

    @_once
    def measured(self) -> bool:
        """A cue judges a performance measure (it is its own subject)."""
        polarity = self.lenient.polarity
        return any(w.hit.pattern.measure and w.polarity == polarity for w in self.weighed)

    @_once
    def announces(self) -> bool:
        """Names both strengths and areas for development, as topics."""
        return self.cues is not None and not self.intro and (
            self.two_headings or self.rules.topics_only(self.text, self.start, self.weighed))

    @_once
    def excluded(self) -> Optional[str]:
        """Why this sentence is not a finding whatever its cues (question, courtesy, plan, ...), or None."""
        return self.rules.exclusion(self)

    @_once
    def subject(self) -> bool:
        """Whether it names something a service does (children, practice, placements, ...)."""
        rules = self.rules
        return self.measured or any(self.search(p.regex, gate)
                                    for p, gate in _rows_within(rules.subjects_by_bit, rules.subjects, self.gates))


def _rows_by_bit(rows: list[tuple]) -> Optional[tuple[int, dict[int, tuple]]]:
    """(the OR of their gates' bits, each row by its gate's bit) of rows whose gates (their second item) hold one
    bit each, increasing along the list; None otherwise."""
    bits = [row[1].bit for row in rows]
    if any(b & (b - 1) for b in bits) or any(a >= b for a, b in zip(bits, bits[1:])):
        return None
    return reduce(or_, bits, 0), dict(zip(bits, rows))


def _rows_within(by_bit: Optional[tuple[int, dict[int, tuple]]], rows: list[tuple], gates: int):
    """The rows whose gate's bit is among `gates`, in order (by_bit: _rows_by_bit(rows)): only the bits set in
    both are visited, not every row."""
    if by_bit is None:
        yield from (row for row in rows if gates & row[1].bit)
        return
    every, row_of = by_bit
    pending = gates & every
    while pending:
        bit = pending & -pending
        pending ^= bit
        yield row_of[bit]


class Weighed(NamedTuple):
    polarity: str
    weight: float
    hit: Hit
    tier: str
    unflipped: bool
    contrasted: bool = False  # reached by a "but"/"however" or a trailing concession


class FindingRules:
    """The compiled rules (findings.json and its lexicons), and the reading of one sentence with them."""

    def __init__(self, rules: dict):
        lex = rules["lexicons"]
        cue_rows, modifier_rows = load_rows(lex["cues"]), load_rows(lex["modifiers"])
        patterns = [_pattern(r, "cue") for r in cue_rows] + [_pattern(r) for r in modifier_rows]
        self.lexicon = Lexicon(patterns, cue_rows + modifier_rows)
        # whether any modifier reaches cues before it (else only the hits before a cue are read for it)
        self.reach_back = any(p.reach and p.reach.backward for p in patterns)
        self.unscoped = {r["id"] for r in cue_rows if r.get("unscoped")}
        self.needs_source = {r["id"] for r in cue_rows if r.get("needs_source")}
        # comparisons and trends whose good side depends on the measure ("above the national average", "had risen"):
        # weak or nothing where the sentence names no measure whose direction is known
        self.undirected = {r["id"]: r["undirected"] for r in cue_rows if r.get("undirected")}
        context_rows = load_rows(lex["context"])
        self.gates = Gates()
        # one search finds every source named: the group name carries its role
        sources = [r for r in context_rows if r["kind"] == "source"]
        self.source = re.compile("|".join(f"(?P<{r['role']}__{n}>" + compile_pattern(r["pattern"]).pattern + ")"
                                          for n, r in enumerate(sources)), re.I)
        self.source_gate = self.gates.add([r["pattern"] for r in sources])
        # ... and the same rows one by one, each tried only at the words it may start with (source_matches): at a
        # word, the first row matching is the branch the alternation takes
        # (each row's alternatives, each with the first words it may start with: a row matches where its first
        # alternative matching does)
        self.source_rows = [(f"{r['role']}__{n}", regex, first_words)
                            for n, r in enumerate(sources) for regex, first_words in row_alternatives(r["pattern"])]
        self.sources_by_first: dict[tuple[int, int, int], list[tuple[str, re.Pattern]]] = {}  # by a word and two after
        self.sources_by_word: dict[str, list] = {}  # sources_given(), by word
        self.other_inspectorates = {f"{r['role']}__{n}" for n, r in enumerate(sources) if r.get("names_inspectorate")}
        # the speaker: the first of the lexicon's speaker patterns matching at the start of a sentence; patterns
        # matched at a sentence's start are also tested on its first word
        self.speakers = [(r["role"], compile_pattern(r["pattern"]), self.gates.add([r["pattern"]]),
                          FirstWords(row_keys(r["pattern"]))) for r in context_rows if r["kind"] == "speaker"]
        self.speaker_bits = reduce(or_, (gate.bit for _, _, gate, _ in self.speakers), 0)
        # ... and the keys of their first three words, for sentences whose words are known (speaker_of)
        self.speaker_words = [KeySet(keys) if keys else None for keys in
                              (lead_words(r["pattern"]) for r in context_rows if r["kind"] == "speaker")]
        self.speakers_by_first: dict[Optional[str], list] = {}
        self.speakers_by_word: dict[int, list] = {}  # speakers_after(), by a first word's number
        self.exclusions = [(_pattern(r), self.gates.add([r["pattern"]]),
                            FirstWords(row_keys(r["pattern"])) if r.get("anchor") == "start" else None)
                           for r in context_rows if r["kind"] == "exclude"]
        self.leads = [(_pattern(r), self.gates.add([r["pattern"]])) for r in context_rows if r["kind"] == "lead"]
        self.subjects = [(_pattern(r), self.gates.add([r["pattern"]]))
                         for r in context_rows if r["kind"] == "subject"]
        # the same rows by their gate's bit: a sentence's gates pick the rows that may match, in their order
        self.exclusions_by_bit = _rows_by_bit(self.exclusions)
        self.leads_by_bit = _rows_by_bit(self.leads)
        self.subjects_by_bit = _rows_by_bit(self.subjects)
        self.soft_exclusions = set(rules["soft_exclusions"])
        # "the waiting list had fallen to 265 following investment of £450,000": money named after the verdict, as the
        # means to it, does not make the sentence a budget position
        self.finance_as_means = re.compile(rules.get("finance_as_means", "(?!)"), re.I)
        self.opening_exclusions = set(rules.get("opening_exclusions", ()))
        self.service_item = re.compile(rules["service_item"], re.I)
        self.service_gate = self.gates.add([rules["service_item"]], compiled=False)
        self.item_window = rules["item_window"]
        # items of political business (a motion, the Leader's statement, questions): an executive speaks as a member
        self.political_item = re.compile(rules.get("political_item", "(?!)"), re.I)
        self.political_title_chars = rules.get("political_title_chars", 160)
        self.weights = rules["weights"]
        self.min_weight = rules["min_weight"]
        # the break patterns a modifier's terminated_by may name
        self.breaks = {name: re.compile(rules.get(name, "(?!)"), re.I) for name in get_args(ScopeBreak)}
        # a modifier that governs a that-complement ("should ensure that A and that B"): its coordinated complements
        # stay in its scope, so "and that" does not end it (complement_break: clause_break without it)
        # "X, although further progress is needed": a trailing concession that only hedges the main clause
        self.concession_hedge = re.compile(rules.get("concession_hedge", "(?!)"), re.I)
        # a verdict cue naming what a measure is judged against: a target, threshold, average, benchmark (wt-fprec)
        self.benchmark_cue = re.compile(rules.get("benchmark_cue", "(?!)"), re.I)
        self.complement_head = re.compile(rules.get("complement_head", "(?!)"), re.I)
        self.complement_break = re.compile(rules.get("complement_break", rules["clause_break"]), re.I)
        self.modal_in_cue = re.compile(rules.get("modal_in_cue", "(?!)"), re.I)
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
        # a grade row "Home: How well do we support people's wellbeing? 5 - Very Good": the grade after the key
        # question is the row's verdict, not a sentence of its own
        self.grade_after_question = re.compile(rules.get("grade_after_question", "(?!)"), re.I)
        self.default_development_lead = re.compile(rules["default_development_lead"], re.I)
        self.default_development_width = tail_width(rules["default_development_lead"])
        self.executive_name = re.compile(rules["executive_name"], re.I)
        self.executive_gate = self.gates.add([rules["executive_name"]], compiled=False)
        self.identified_gate = self.gates.add([rules["default_development_lead"]], compiled=False)
        self.councillor_name = re.compile(rules["councillor_name"], re.I)
        self.direct_speech = re.compile(rules["direct_speech"], re.I)
        self.motion_intro = re.compile(rules["motion_intro"], re.I)
        self.motion_gate = self.gates.add([rules["motion_intro"]], compiled=False)  # (FindingReader.introduces_motion)
        self.attribution = rules["attribution"]
        self.skip_sections = set(rules["skip_sections"])
        self.name_sections = set(rules.get("name_sections", ()))
        self.report_sections = set(rules.get("report_sections", ()))  # read where the inspectorate speaks throughout
        self.min_unit_words = rules["min_unit_words"]
        self.title_words = rules["title_words"]
        self.heading_words = rules["heading_words"]
        self.anaphoric_intro = re.compile(rules["anaphoric_intro"], re.I)
        self.topic_content = re.compile(rules["topic_content"], re.I)
        self.summary_content = re.compile(rules["summary_content"], re.I)
        self.cell_separator = re.compile(rules["cell_separator"])
        self.table_header = re.compile(rules["table_header"])
        self.topic_object = re.compile(rules["topic_object"], re.I)
        self.number = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?!\w)")
        self.lower_is_better = re.compile(rules["lower_is_better"], re.I)
        self.higher_is_better = re.compile(rules["higher_is_better"], re.I)
        self.demand_measure = re.compile(rules.get("demand_measure", "(?!)"), re.I)
        self.measure_after_comparison = re.compile(rules.get("measure_after_comparison", "(?!)"), re.I)
        self.modified_head = re.compile(rules.get("modified_head", "(?!)"), re.I)
        self.compound_gap = re.compile(r"\s+(?:[\w&'-]+\s+){0,2}")  # the words between a modifier and its head
        self.fronted_phrase = re.compile(rules.get("fronted_phrase", "(?!)"), re.I)
        self.percent_after = re.compile(r"\s?(%|per ?cent\b)", re.I)
        self.time_unit = re.compile(rules["time_unit"], re.I)
        self.on_time = re.compile(rules["on_time"], re.I)  # a target's unit, at its end
        self.trailing_concession = re.compile(rules.get("trailing_concession", "(?!)"), re.I)
        self.date_number = re.compile(rules.get("date_number", "(?!)"), re.I)  # "December 2025", "31 October": no values
        self.value_change = re.compile(rules["value_change"], re.I)  # "from 24% to 19%": two values in the cue
        self.shortfall_or_surplus = re.compile(rules["shortfall_or_surplus"], re.I)  # "below the 90% target"
        self.open_words = set(rules["open_words"])
        self.terminal = tuple(rules["terminal_punctuation"])
        self.reporters = set(rules["reporters"])
        ANALYSES.save()  # the patterns' keys, for the next build
        self.list_item_sentences = rules["list_item_sentences"]
        self.list_item_words = rules["list_item_words"]
        # every run of the three gate kinds -> (near, scan, context) bits: a new word's substrings are looked up once
        lex, runs = self.lexicon, {}
        for n, table in enumerate((lex.near_runs, lex.runs, self.gates.runs)):
            for run, bits in table.items():
                runs.setdefault(run, [0, 0, 0])[n] = bits
        self.word_runs = {run: tuple(bits) for run, bits in runs.items()}
        self.run_lengths = sorted({len(run) for run in self.word_runs})
        self.vocab = Vocabulary(self.describe, with_near=True)

    def describe(self, word: str) -> tuple[int, int, int, int, int]:
        """(starts, number, scans, gates, near) of a new word: Lexicon.describe, Gates.of and Lexicon.near_of, with
        the runs its substrings hold looked up once."""
        if not word.isascii():
            return (*self.lexicon.describe(word), self.gates.of(word), self.lexicon.near_of(word))
        lower = word.lower()
        near = scans = gates = 0
        runs, size = self.word_runs, len(lower)
        for i in range(size):  # every run the word contains
            for length in self.run_lengths:
                if i + length > size:
                    break
                bits = runs.get(lower[i:i + length])
                if bits is not None:
                    near |= bits[0]
                    scans |= bits[1]
                    gates |= bits[2]
        return (*self.lexicon.starts_of(word, lower), scans, gates | self.gates.starts_of(lower), near)

    def words_of(self, text: str) -> DocWords:
        if len(self.vocab) > Vocabulary.LIMIT or len(self.lexicon.tables) > Vocabulary.LIMIT:
            # start afresh (memory stays bounded): word numbers are only kept within a document
            self.vocab = Vocabulary(self.describe, with_near=True)
            self.lexicon.tables.clear()
            self.lexicon.firsts.clear()
            self.speakers_by_first.clear()
            self.speakers_by_word.clear()
            self.sources_by_first.clear()
            self.sources_by_word.clear()
        return DocWords(text, self.vocab)

    # the cues of one sentence, each modified by the modifiers whose scope reaches it
    def weigh(self, text: str, offset: int, hits: list[Hit]) -> list[Weighed]:
        out = []
        opening_concession = None  # "Although ..., <main clause>": the main clause decides
        trailing = set()  # "X, although Y": a concession after a cue contrasts, as "but" does (the later clause decides)
        seen_cue = False
        for i, hit in enumerate(hits):
            kind = hit.pattern.kind
            if hit.pattern.acts == "concession":
                if not seen_cue and self.trailing_after_comma(text, offset, hit):
                    trailing.add(hit.start)  # "X, though Y" with no cue in X: the though-clause states the verdict
                elif not seen_cue and opening_concession is None:
                    opening_concession = hit
                elif seen_cue and not self.concession_hedge.match(text, hit.end - offset):
                    trailing.add(hit.start)  # (a hedge, "although further progress was needed", stays a concession)
            if kind != "cue":
                continue
            seen_cue = True
            polarity, factor, contrasted = self.modify(text, offset, hits, i, trailing)
            # the verdict of the clause a contrast or trailing concession answers ("X had improved, although ...")
            main_polarity = out[-1].polarity if contrasted and out else None
            tier = hit.pattern.tier
            if hit.pattern.id not in self.unscoped and self.modal_in_cue.search(text, hit.start - offset,
                                                                                  hit.end - offset):
                polarity = None  # a measure cue spanning a modal ("how absences could be reduced") is not a verdict
            if hit.pattern.compare and polarity is not None:
                polarity = self.against_target(text, offset, hit)
            elif hit.pattern.direction == "up" and polarity is not None:
                lower_is_better = self.lower_is_better_before(text, offset, hit)
                if lower_is_better:
                    polarity = _FLIP[polarity]  # "families in B&B remained above the target": lower is better
                elif lower_is_better is None and hit.pattern.id in self.undirected:
                    if contrasted and main_polarity is not None:
                        # "Performance had improved, although it remained below the national average": a contrast or
                        # trailing concession goes against the clause it answers, whichever way the measure is better
                        polarity = _FLIP[main_polarity]
                    else:
                        # "above the national average" of a measure not known to be better higher: weak, or nothing
                        tier, polarity = ("weak", polarity) if self.undirected[hit.pattern.id] == "weak" else (tier, None)
            if polarity is None:
                continue
            if (contrasted and polarity == STRENGTH and main_polarity == DEVELOPMENT
                    and any(t < hit.start for t in trailing)):
                continue  # "not yet where it needs to be, although it had fallen": a shortfall conceded stays one
            if tier == "summary" and self.summary_with_content(text, offset, hit):
                tier = "heading"  # "two areas for priority action, relating to the quality of plans": names its content
            if tier == "heading" and not self.linked(text, offset, hit):
                # "areas for improvement" as a topic, not a list of them: weighs as a weak cue
                tier = "topic" if hit.pattern.topic else "weak"
            weight = self.weights["weak" if tier == "topic" else tier] * factor
            if contrasted or self.after_clause(text, offset, opening_concession, hit):
                weight *= self.weights["after_contrast"]
            if hit.pattern.measure:  # a verdict on a measure outweighs evaluative words in the measure's name
                weight *= self.weights["measure"]
            out.append(Weighed(polarity, weight, hit, tier, polarity == hit.pattern.polarity, contrasted))
        return out

    def against_target(self, text: str, offset: int, hit: Hit) -> Optional[str]:
        """A value compared with its target or an earlier value ("78% ..., compared with a target of 90%", "a fall
        from 46%", "from 24% to 19%"): met or better is a strength, short of it an area for development; lower is
        better for measures such as absence or waiting times. None when the sentence gives no value to compare or
        does not say which way is better."""
        before = text[:hit.start - offset]
        cue = text[hit.start - offset:hit.end - offset]
        targets = self.numbers_not_dates(cue)
        if self.value_change.search(cue) and len(targets) >= 2:
            values, targets = targets[-1:], targets[:1]  # "from 24% to 19%": the last is now, the first before
        else:
            values = self.values_like(before, cue)
        fronted = not values and not self.number.search(before)
        if fronted:  # "Against a target of 90%, only 76% of adaptations were completed on time": the value follows
            after = text[hit.end - offset:]
            values = self.values_like(after, cue)[:1]
            before = after if values else before
        if targets and (not values or self.inherent_side(cue)):
            # "had halved but was still above the target of 20": the side of the target; "short of", "behind" and
            # "ahead of" say it whatever the values ("three approvals, well short of the annual target of 15")
            return self.side_of_target(before, cue)
        if not values or not targets:
            return None
        value, target = float(values[-1].replace(",", "")), float(targets[-1].replace(",", ""))
        lower_is_better = self.measure_direction(before)
        if lower_is_better is None and self.on_time.search(before):
            lower_is_better = False
        if lower_is_better is None and self.time_unit.search(cue):
            lower_is_better = True  # a time taken ("179 days against a target of 230 days")
        if lower_is_better is None and self.shortfall_or_surplus.match(cue):
            lower_is_better = False  # "below the 90% target" says which side of it is short, as "below target" does
        if lower_is_better is None:
            return None  # which way is better is not said
        met = value <= target if lower_is_better else value >= target
        return STRENGTH if met else DEVELOPMENT

    def inherent_side(self, cue: str) -> bool:
        """Whether a compare cue says by its words which side of the target is reached ("short of", "behind")."""
        side = self.shortfall_or_surplus.match(cue)
        return bool(side) and side.group(1).lower() in ("ahead of", "behind", "short of")

    def side_of_target(self, before: str, cue: str) -> Optional[str]:
        """The verdict of a cue that says which side of its target a measure is, with no value given ("was still above
        the target of 20"): above is worse where lower is better; None when the measure's direction is not known."""
        side = self.shortfall_or_surplus.match(cue)
        lower_is_better = self.measure_direction(before)
        if side is None:
            return None
        word = side.group(1).lower()
        if word in ("ahead of", "behind", "short of"):  # better or worse whichever way the measure goes
            return STRENGTH if word == "ahead of" else DEVELOPMENT
        if lower_is_better is None:
            return None
        over = word in ("above", "over") or word.startswith("exceed")
        return STRENGTH if over != lower_is_better else DEVELOPMENT

    def values_like(self, before: str, cue: str) -> list[str]:
        """The numbers before a compare cue, only its percentages when the cue's target is one ("52% ... within 20
        weeks, up from 21%": the value compared is 52, not the 20 of the timescale)."""
        last = None
        for last in self.number.finditer(cue):
            pass
        numbers = self.numbers_not_dates(before, matches=True)
        if last is None or not self.percent_after.match(cue, last.end()):
            return [m.group() for m in numbers]  # (a year beside a value is its date: numbers_not_dates)
        percentages = [m.group() for m in numbers if self.percent_after.match(before, m.end())]
        return percentages or [m.group() for m in numbers]

    def numbers_not_dates(self, text: str, matches: bool = False) -> list:
        """The numbers of a text but those of its dates ("in December 2025", "31 October"): no value or target."""
        dates = [m.span() for m in self.date_number.finditer(text)]
        found = [m for m in self.number.finditer(text) if not any(a <= m.start() < z for a, z in dates)]
        return found if matches else [m.group() for m in found]

    def measure_direction(self, before: str) -> Optional[bool]:
        """Whether lower is better for the measure named before a cue: the measure word nearest the cue decides
        ("complaints answered within 10 days": better higher; "re-referrals within 12 months": better lower);
        None when no measure of known direction is named."""
        # (ending together, the longer names it: "not in education" is NEET, lower is better)
        higher = max(((m.end(), -m.start()) for m in self.higher_is_better.finditer(before)), default=None)
        lower = max(((m.end(), -m.start()) for m in self.lower_is_better.finditer(before)), default=None)
        # a volume of demand ("homelessness presentations", "contacts") nearest the cue: its rise or fall is no verdict
        demand = max(((m.end(), -m.start()) for m in self.demand_measure.finditer(before)), default=None)
        if demand is not None and demand > max(higher or (-1, 0), lower or (-1, 0)):
            return None
        if higher is None or lower is None:
            return None if higher is lower else lower is not None
        nearest, other = (higher, lower) if higher > lower else (lower, higher)
        if self.modified_head.fullmatch(before, -nearest[1], nearest[0]) and self.compound_gap.fullmatch(
                before, other[0], -nearest[1]):
            return higher > lower  # "agency staff usage": a head whose direction its modifier gives ("agency")
        return lower > higher

    def lower_is_better_before(self, text: str, offset: int, hit: Hit) -> Optional[bool]:
        """Whether the measure named before a cue is one where lower is better (waiting, absence, ...); None when
        the sentence names none of known direction; then the measure the comparison names after it ("the council was
        below the national average for the timeliness of plans")."""
        found = self.measure_direction(text[:hit.start - offset])
        if found is None:
            after = self.measure_after_comparison.match(text, hit.end - offset)
            if after:
                found = self.measure_direction(after.group("measure"))
        return found

    def trailing_after_comma(self, text: str, offset: int, hit: Hit) -> bool:
        """Whether a concession follows a comma and runs to the sentence's end ("..., though suspensions had risen"):
        it opens the last clause, not a parenthesis."""
        a, z = hit.start - offset, hit.end - offset
        return (bool(self.trailing_concession.match(text[a:z])) and text[:a].rstrip().endswith(",")
                and "," not in text[z:])

    def after_clause(self, text: str, offset: int, concession: Optional[Hit], hit: Hit) -> bool:
        """Whether a cue is past the clause an opening concession governs ("Although X, <cue>"): a break
        that ends the concession's scope lies between them."""
        if concession is None or not concession.pattern.reach.forward or hit.start <= concession.end:
            return False
        return any(self.break_between(self.breaks[name], text, concession.end - offset, hit.start - offset)
                   for name in concession.pattern.reach.breaks)

    @staticmethod
    def break_between(regex: re.Pattern, text: str, a: int, z: int) -> bool:
        """Whether a break starts between two offsets of the text; its lookahead sees past the second ("specific,
        timely and effective": the comma before a list item is no break)."""
        m = regex.search(text, a)
        return m is not None and m.start() < z

    def summary_with_content(self, text: str, offset: int, hit: Hit) -> bool:
        """A count of strengths or areas followed in the same sentence by what they are ("identified two areas for
        priority action, relating to ...", "a number of strengths, including ..."), not by a colon (a list's intro)."""
        after = text[hit.end - offset:]
        return bool(self.summary_content.match(after))

    def linked(self, text: str, offset: int, hit: Hit) -> bool:
        """A heading cue that introduces content ("Strengths included ...", "was a key area for improvement")."""
        return bool(self.heading_before.search(text[:hit.start - offset])
                    or self.heading_after.match(text[hit.end - offset:]))

    def modify(self, text: str, offset: int, hits: list[Hit], i: int,
               trailing: frozenset = frozenset()) -> tuple[Optional[str], float, bool]:
        """A cue's polarity as the modifiers whose scope reaches it leave it (None: a hypothetical, action or
        historical one cancels it), the factor on its weight (concessions) and whether a contrast reaches it."""
        cue = hits[i]
        polarity, factor, negatable, contrasted = cue.pattern.polarity, 1.0, True, False
        for mod in self.reaching(text, offset, hits, i):
            kind = mod.pattern.acts
            if kind == "negation":
                if negatable:  # the nearest negation reaching a cue negates it, the others do not
                    polarity, negatable = _FLIP[polarity], False
            elif kind in _CANCELLING:
                if not (kind == "hypothetical" and cue.pattern.id in self.unscoped):
                    return None, 0.0, False
            elif kind == "concession" and mod.start in trailing:
                contrasted = True  # "X had improved, although it remained below average": the although-clause decides
            elif kind == "concession":
                factor *= self.weights["in_concession"]
            elif kind == "contrast":
                contrasted = True
        return polarity, factor, contrasted

    def reaching(self, text: str, offset: int, hits: list[Hit], i: int):
        """The modifiers among a sentence's hits whose scope reaches hits[i], nearest first: those before it,
        then (only if a modifier reaches backward) those after it."""
        yield from self.reaching_from(text, offset, hits, i, range(i - 1, -1, -1))
        if self.reach_back:
            yield from self.reaching_from(text, offset, hits, i, range(i + 1, len(hits)))

    def reaching_from(self, text: str, offset: int, hits: list[Hit], i: int, order: range):
        """The modifiers at `order` (moving away from hits[i]) whose scope reaches it: the scope points its way,
        spans the words between, and neither a break nor a hit of a kind its terminated_by names lies between."""
        cue, before = hits[i], order.step < 0  # the modifiers lie before the cue (else after it)
        broken: dict[str, bool] = {}  # whether each break lies between: once found, a farther modifier has it too
        passed: set[str] = set()  # kinds of the hits passed, as they end scopes (Pattern.ends_as)
        for j in order:
            mod = hits[j]
            reach = mod.pattern.reach
            if reach and (reach.forward if before else reach.backward) and not passed & reach.ended_by:
                a, z = (mod.end - offset, cue.start - offset) if before else (cue.end - offset, mod.start - offset)
                names = [self.scope_break(name, mod, text, offset) for name in reach.breaks]
                for name in names:
                    if not broken.get(name):  # (not found nearer: the farther modifier's stretch is longer)
                        regex = self.complement_break if name == "complement_break" else self.breaks[name]
                        broken[name] = self.break_between(regex, text, a, z)
                if not any(broken[name] for name in names) and (
                        reach.max_scope is None or len(_WORD.findall(text, a, z)) < reach.max_scope):
                    yield mod
            if mod.pattern.ends_as:
                passed.add(mod.pattern.ends_as)

    def scope_break(self, name: str, mod: Hit, text: str, offset: int) -> str:
        """The break that ends a modifier's scope: a clause break, except that a modifier governing a that-complement
        ("should ensure that", "it was important that") reaches its coordinated complements ("and that ...")."""
        if name == "clause_break" and mod.pattern.acts == "hypothetical" and self.complement_head.match(
                text, mod.start - offset):
            return "complement_break"
        return name

    def verdict(self, text: str, offset: int, weighed: list[Weighed]) -> Verdict:
        totals = {STRENGTH: 0.0, DEVELOPMENT: 0.0}
        for w in weighed:
            totals[w.polarity] += w.weight
        if totals[STRENGTH] == totals[DEVELOPMENT]:
            # a mixed sentence takes the polarity of its "but"/"however" clause (EXTRACTION.md 8)
            contrasts = {w.polarity for w in weighed if w.contrasted}
            if len(contrasts) == 1:
                totals[contrasts.pop()] += self.weights["tie_to_contrast"]
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
            reading.speaker = self.speaker_of(reading.body, gates, reading)
            if reading.speaker is None:
                reading.speaker = self.speaker_after_fronted(reading.body, gates)
        if gates & self.source_gate.bit:
            matches = self.source_matches(reading)
            roles = [name.split("__")[0] for name, _ in matches]
            if roles:
                reading.source = next((r for r in roles if r != "report"), roles[0])
                # "the inspection", "the letter" name no inspectorate: the one named beside them, or earlier in the
                # item (FindingReader.readings), is the source
                named_ofsted = any("ofsted" in m.group().lower() for _, m in matches)
                reading.generic_source = reading.source == "ofsted" and not named_ofsted
                # the inspectorate it names: Ofsted, another one or a review (CQC, HMI Probation, a peer team), or None
                reading.inspectorate = "ofsted" if named_ofsted else (
                    "other" if any(name in self.other_inspectorates for name, _ in matches) else None)
                if reading.generic_source and reading.inspectorate == "other":
                    reading.source, reading.generic_source = "inspectors", False  # "the letter from HMI Probation"
        reading.intro = bool(search_end(self.intro_end, self.intro_width, text.strip()))
        if not any(h.pattern.kind == "cue" for h in hits):
            return reading  # (modifiers without a cue weigh nothing: its verdicts are those of a sentence without hits)
        body = reading.body
        label = self.label_prefix.match(body)
        if label:  # "Improved Oversight: ..." names a topic, it does not evaluate
            label_end = offset + len(text) - len(body) + label.end()
            # ... unless the label is itself a list heading ("Strengths: ...", "Key challenges: ..."): it gives the polarity
            hits = [h for h in hits if h.start >= label_end or (h.pattern.kind == "cue" and h.pattern.tier == "heading")]
        reading.cues = hits  # (weighed, its verdicts, measured and announces: when first asked)
        inspected = reading.source in ("ofsted", "inspectors")
        headings = [h for h in hits if h.pattern.kind == "cue" and h.pattern.tier in ("heading", "summary")
                    and (inspected or h.pattern.id not in self.needs_source)]
        # "highlighted areas of strength as well as areas for improvement" announces findings, it holds none
        # ... as does a sentence whose only cues name lists as topics ("reflects our areas for improvement")
        reading.two_headings = len({h.pattern.polarity for h in headings}) == 2
        if len({h.pattern.polarity for h in headings}) == 1:
            reading.heading = headings[0].pattern.polarity
            reading.heading_cue = text[headings[0].start - offset:headings[0].end - offset].strip()
        elif not headings:  # "The report made seven recommendations:" sets its list's polarity where the item has
            # named an inspectorate or review (FindingReader.lead_for)
            sourced = [h for h in hits if h.pattern.kind == "cue" and h.pattern.id in self.needs_source]
            if sourced:
                reading.sourced_heading = (sourced[0].pattern.polarity,
                                           text[sourced[0].start - offset:sourced[0].end - offset].strip())
        return reading

    def source_matches(self, reading: Reading) -> list[tuple[str, re.Match]]:
        """(group name, match) of the source alternation's matches in a sentence (as finditer finds them): at each
        word a match may start with, only the rows' alternatives whose first words admit it are tried, in order."""
        gate = self.source_gate
        if not reading.gates & gate.bit:
            return []
        if not (gate.starts and reading.gate_words is not None and reading.word_ids is not None):
            return [(m.lastgroup, m) for m in reading.finditer(self.source, gate)]
        found, end, text, start = [], 0, reading.text, reading.start
        word_starts, word_ids = reading.word_starts, reading.word_ids
        by_first, bit, last = self.sources_by_first, gate.starts, len(word_ids) - 1
        for word, mask in zip(reading.gate_words, reading.gate_masks):
            if not mask & bit:
                continue
            at = word_starts[word] - start
            if at < end:
                continue
            key = (word_ids[word], word_ids[word + 1] if word < last else -1,
                   word_ids[word + 2] if word + 1 < last else -1)
            rows = by_first.get(key)
            if rows is None:
                rows = by_first[key] = self.sources_at(key)
            for name, regex in rows:
                m = regex.match(text, at)
                if m:
                    found.append((name, m))
                    end = m.end()
                    break
        return found

    def sources_at(self, key: tuple[int, int, int]) -> list[tuple[str, re.Pattern]]:
        """The source rows' alternatives a match may start with at a word followed by two others (by number, -1:
        none), in order."""
        words = self.vocab.words
        first = words[key[0]]
        if not first.isascii():  # case folding may differ from lower(): every alternative may match
            return [(name, regex) for name, regex, _ in self.source_rows]
        after = [words[n] if n >= 0 else "" for n in key[1:]]
        after = [w.lower() if w.isascii() else None for w in after]
        second, third = after
        return [(name, regex) for name, regex, given in self.sources_given(first.lower())
                if given is True or KeySet.admit_after(given, second, third)]

    def sources_given(self, lower: str) -> list[tuple[str, re.Pattern, object]]:
        """The source rows' alternatives an ASCII word (lower case) may start, in order, each with what is left to
        decide given the two words after it (KeySet.given_first), kept per word."""
        found = self.sources_by_word.get(lower)
        if found is None:
            given = ((name, regex, True if keys is None else keys.given_first(lower))
                     for name, regex, keys in self.source_rows)
            found = self.sources_by_word[lower] = [row for row in given if row[2] is not False]
        return found

    def topics_only(self, text: str, offset: int, weighed: list[Weighed]) -> bool:
        """Its cues all name lists as topics, none negated ("didn't see any areas of concern" is a finding) and none
        followed by its content ("concerning points ..., in particular the quality of plans")."""
        return bool(weighed) and all(w.tier == "topic" and w.unflipped
                                     and not self.topic_object.match(text, w.hit.end - offset)
                                     and not self.topic_content.search(text, w.hit.end - offset) for w in weighed)

    def speaker_of(self, body: str, gates: int, reading: Optional[Reading] = None) -> Optional[str]:
        """The role of the first speaker pattern matching at the start of the sentence."""
        first = _WORD.match(body)
        key = first.group() if first else None
        first_word = -1  # the number of the body's first word among the document's words (-1: not known)
        if reading is not None and reading.word_ids is not None:
            first_word = self.first_word(reading, body)
            ids = reading.word_ids
            if first is not None and 0 <= first_word < len(ids) and reading.word_starts[first_word] == reading.end - len(body):
                key = (*ids[first_word:first_word + 3], -1, -1)[:3]  # (-1: past the last word)
        rows = self.speakers_by_first.get(key)
        if rows is None:  # the speaker patterns a sentence starting with this word (and these two) may match, in order
            rows = self.speakers_by_first[key] = (
                self.speakers_after(key, first) if isinstance(key, tuple)
                else [row for row in self.speakers if row[3].admit_start(first)])
        for role, regex, gate, _ in rows:
            if not gates & gate.bit:
                continue
            if first_word >= 0 and gate.before < UNBOUNDED and reading.gate_words is not None:
                if not self.holds_near(reading, first_word, gate):
                    continue  # no word with the gate's bit lies near enough the start: it cannot match
            if regex.match(body):
                return role
        return None

    def speakers_after(self, key: tuple[int, int, int], first: re.Match) -> list:
        """The speaker rows a sentence starting with a word followed by two others (by number, -1: none) may match,
        in order: what the first word leaves to decide (KeySet.given_first) is kept per word."""
        given = self.speakers_by_word.get(key[0])
        if given is None:
            word = self.vocab.words[key[0]]
            judged = word.isascii()  # (case folding may differ from lower(): else every row's keys admit it)
            lower = word.lower()
            given = self.speakers_by_word[key[0]] = [
                (row, g) for row, keys in zip(self.speakers, self.speaker_words) if row[3].admit_start(first)
                for g in (keys.given_first(lower) if keys and judged else True,) if g is not False]
        after = [self.vocab.words[n] if n >= 0 else "" for n in key[1:]]
        second, third = [w.lower() if w.isascii() else None for w in after]
        return [row for row, g in given if g is True or KeySet.admit_after(g, second, third)]

    def speaker_after_fronted(self, body: str, gates: int) -> Optional[str]:
        """The speaker after a fronted topic or time phrase ("In relation to caseloads, Members were concerned ...",
        "Following the presentation, Members commended ..."): who speaks is the subject after its comma."""
        m = self.fronted_phrase.match(body)
        if not m:
            return None
        role = self.speaker_of(body[m.end():], gates)
        return role if role != "anaphor" else None

    def admits(self, keys: KeySet, words: tuple[int, int, int]) -> bool:
        """Whether a match may start at a word followed by two others (by number, -1: none), by its keys."""
        vocab = self.vocab.words
        first = vocab[words[0]]
        if not first.isascii():  # case folding may differ from lower()
            return True
        after = [vocab[n] if n >= 0 else "" for n in words[1:]]
        return keys.admit(first.lower(), *[w.lower() if w.isascii() else None for w in after])

    @staticmethod
    def first_word(reading: Reading, body: str) -> int:
        """The number of the document's word a sentence's body (a suffix of its text) starts at or before."""
        if not reading.text.endswith(body):
            return -1
        return bisect_left(reading.word_starts, reading.end - len(body))

    @staticmethod
    def holds_near(reading: Reading, first: int, gate: Gate) -> bool:
        """Whether a word with the gate's bit lies among the words `first` .. `first` + gate.before + 2 (a match
        starting at word `first` holds its run there: Reading.search_from)."""
        last = first + gate.before + 2
        for word, mask in zip(reading.gate_words, reading.gate_masks):
            if word > last:
                return False
            if word >= first and mask & gate.bit:
                return True
        return False

    def exclusion(self, reading: Reading) -> Optional[str]:
        text, body = reading.text, reading.body
        if self.question_end.search(text.strip()):
            return "question"
        if reading.announces:
            return "announcement"
        stripped = text.strip().rstrip(" .;,)\"'")
        gates, first = reading.gates, _UNREAD
        for p, gate, starts in _rows_within(self.exclusions_by_bit, self.exclusions, gates):  # (a match needs the gate)
            if starts:
                if first is _UNREAD:
                    first = _WORD.match(body)
                if starts.admit_start(first) and p.regex.match(body):
                    return p.role
            elif reading.search(p.regex, gate, stripped):
                if p.role == "finance" and (self.money_only_as_means(reading, p.regex, stripped)
                                            or self.money_after_benchmark(reading, p.regex, stripped)):
                    continue
                return p.role
        return None

    def money_only_as_means(self, reading: Reading, finance: re.Pattern, text: str) -> bool:
        """Whether every money word of a sentence comes after its (strong) verdict, each introduced as the means to
        it ("had fallen to 265 following investment of £450,000"): a verdict on a measure, not a budget position."""
        cue = reading.strict.cue
        at = text.find(cue) if cue else -1
        if at < 0:
            return False
        return all(m.start() > at + len(cue) and self.finance_as_means.search(text[max(0, m.start() - 60):m.start()])
                   for m in finance.finditer(text))

    def money_after_benchmark(self, reading: Reading, finance: re.Pattern, text: str) -> bool:
        """Whether every money word of a sentence comes after a measure's strong verdict against a target or benchmark
        ("Routine repairs took 31 days against a target of 20 days ...; the overtime had cost £212,000", "71%, ahead of the
        regional average, with the cost met from existing budgets"): a verdict on performance with a money aside."""
        strict = reading.strict
        cue = strict.cue
        if not (cue and strict.weight >= self.min_weight):
            return False
        at = text.find(cue)
        money = [m.start() for m in finance.finditer(text)]
        # (the benchmark named in the cue or after it, before the money: "better than the 8% target, ... savings of £")
        return (at >= 0 and all(start >= at + len(cue) for start in money)
                and bool(self.benchmark_cue.search(text, at, min(money, default=len(text)))))

    def lead_role(self, reading: Reading) -> tuple[Optional[str], bool]:
        """(member_list | plan_list | presenter | None, whether it introduces findings of an inspection)."""
        roles = {p.role for p, gate in _rows_within(self.leads_by_bit, self.leads, reading.gates)
                 if reading.search(p.regex, gate)}
        if "response_list" in roles:
            return "presenter", "finding_lead" in roles
        role = next((r for r in ("member_list", "plan_list", "presenter") if r in roles), None)
        return role, "finding_lead" in roles
