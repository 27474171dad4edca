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
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Optional

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the extensions)
from ..extensions import PAYLOAD_ATTRS, document_text
from ..rules import load_jsonl

try:  # the regex parser, to read which letters a pattern's matches start with
    import re._constants as _const
    import re._parser as _parser
except ImportError:  # Python 3.10
    import sre_constants as _const  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

STRENGTH, DEVELOPMENT = "strength", "development"
_FLIP = {STRENGTH: DEVELOPMENT, DEVELOPMENT: STRENGTH}
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "´": "'"})
_WORD = re.compile(r"\w+")
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
    before = "" if pattern.startswith(("\\(", "[", "\"", "'")) else r"(?<!\w)"
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


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    pattern: Pattern


class Lexicon:
    """Finds every pattern's matches in one pass over the words of a text.

    Python's regex engine has no fast path for patterns that start with optional words, so scanning a
    document once per pattern is slow. Each pattern is split into its top-level alternatives, and each
    alternative is indexed by the letters its matches can start with (read from the regex's parse tree); at
    each word only the alternatives indexed under that word's first letters are tried. Alternatives that can
    start with anything but a letter are scanned the ordinary way."""

    KEY = 3  # letters of a word used as the index key

    def __init__(self, patterns: list[Pattern], rows: list[dict]):
        self.index: dict[str, list[tuple[re.Pattern, Pattern]]] = {}
        self.scanned: list[tuple[re.Pattern, Pattern]] = []
        for pattern, row in zip(patterns, rows):
            for alternative in split_alternatives(row["pattern"]):
                compiled = compile_pattern(alternative)
                keys = first_letters(alternative, self.KEY)
                if keys is None or not all(k[:1].isalnum() for k in keys):
                    self.scanned.append((compiled, pattern))
                    continue
                for key in keys:
                    self.index.setdefault(key, []).append((compiled, pattern))

    @lru_cache(maxsize=65536)
    def candidates(self, word: str) -> tuple:
        """The alternatives that may match at a word: indexed under the whole (short) word or its first letters."""
        keys = [word + " "] if len(word) <= self.KEY else []
        keys += [word[:n] for n in range(1, min(len(word), self.KEY) + 1)]
        return tuple(c for k in keys for c in self.index.get(k, ()))

    def scan(self, text: str) -> list[Hit]:
        """Non-overlapping hits: leftmost, then longest, then by kind (masks win ties)."""
        hits = [Hit(m.start(), m.end(), p) for regex, p in self.scanned for m in regex.finditer(text)]
        candidates = self.candidates
        for word in _WORD.finditer(text):
            start = word.start()
            for regex, p in candidates(word.group().lower()):
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
    try:
        items = list(_parser.parse(pattern, re.I))
    except re.error:
        return None
    return _first(items, "", limit)


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


def strip_marker(marker: re.Pattern, text: str) -> str:
    m = marker.match(text)
    return text[m.end():] if m else text


# -- one sentence, read the ConText way ------------------------------------------------------------------
@dataclass(frozen=True)
class Verdict:
    """A sentence's polarity from its cues: None when it has none, or as many of each kind."""
    polarity: Optional[str] = None
    weight: float = 0.0
    cue: Optional[str] = None
    heading: bool = False
    relay: bool = False


@dataclass
class Reading:
    """What a sentence says: its verdict with and without weak cues (weak cues count only where the
    sentence is already in a finding context), the polarity of any list heading in it, its speaker, the
    sources it names and why it is not a finding (None when it may be one)."""
    start: int
    end: int
    strict: Verdict = field(default_factory=Verdict)
    lenient: Verdict = field(default_factory=Verdict)
    heading: Optional[str] = None
    heading_cue: Optional[str] = None
    speaker: Optional[str] = None
    source: Optional[str] = None
    intro: bool = False
    text: str = ""
    body: str = ""
    rules: Optional["FindingRules"] = None

    def verdict(self, in_context: bool) -> Verdict:
        return self.lenient if in_context else self.strict

    @cached_property
    def excluded(self) -> Optional[str]:
        """Why this sentence is not a finding whatever its cues (question, courtesy, plan, ...), or None."""
        return self.rules.exclusion(self.text, self.body)

    @cached_property
    def subject(self) -> bool:
        """Whether it names something a service does (children, practice, placements, ...)."""
        return any(p.regex.search(self.text) for p in self.rules.subjects)


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
        context = [_pattern(r) for r in context_rows if r["kind"] != "source"]
        # one search finds every source named: the group name carries its role
        sources = [r for r in context_rows if r["kind"] == "source"]
        self.source = re.compile("|".join(f"(?P<{r['role']}__{n}>" + compile_pattern(r["pattern"]).pattern + ")"
                                          for n, r in enumerate(sources)), re.I)
        # one anchored match finds the speaker: alternatives are tried in the lexicon's order
        speakers = [r for r in context_rows if r["kind"] == "speaker"]
        self.speaker = re.compile("|".join(f"(?P<{r['role']}__{n}>" + compile_pattern(r["pattern"]).pattern + ")"
                                           for n, r in enumerate(speakers)), re.I)
        self.exclusions = [p for p in context if p.kind == "exclude"]
        self.leads = [p for p in context if p.kind == "lead"]
        self.subjects = [p for p in context if p.kind == "subject"]
        self.soft_exclusions = set(rules["soft_exclusions"])
        self.service_item = re.compile(rules["service_item"], re.I)
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
        self.bullet_glyph = re.compile(rules["bullet_glyph"])
        self.label_prefix = re.compile(rules["label_prefix"])
        self.unit_prefix = re.compile(rules["unit_prefix"], re.I)
        self.intro_end = re.compile(rules["intro_end"], re.I)
        self.question_end = re.compile(rules["question_end"])
        self.default_development_lead = re.compile(rules["default_development_lead"], re.I)
        self.executive_name = re.compile(rules["executive_name"], re.I)
        self.councillor_name = re.compile(rules["councillor_name"], re.I)
        self.attribution = rules["attribution"]
        self.skip_sections = set(rules["skip_sections"])
        self.min_unit_words = rules["min_unit_words"]
        self.open_words = set(rules["open_words"])
        self.terminal = tuple(rules["terminal_punctuation"])
        self.reporters = set(rules["reporters"])
        self.list_item_sentences = rules["list_item_sentences"]
        self.list_item_words = rules["list_item_words"]

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

    def read(self, text: str, offset: int, hits: list[Hit]) -> Reading:
        """One sentence (text = its quote-folded text, starting at document offset `offset`)."""
        body = self.unit_prefix.sub("", strip_marker(self.list_marker, text), count=1)
        reading = Reading(offset, offset + len(text), text=text, body=body, rules=self)
        speaker = self.speaker.match(body)
        reading.speaker = speaker.lastgroup.split("__")[0] if speaker else None
        roles = [m.lastgroup.split("__")[0] for m in self.source.finditer(text)]
        reading.source = next((r for r in roles if r != "report"), roles[0] if roles else None)
        reading.intro = bool(self.intro_end.search(text.strip()))
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

    def exclusion(self, text: str, body: str) -> Optional[str]:
        if self.question_end.search(text.strip()):
            return "question"
        stripped = text.strip().rstrip(" .;,)\"'")
        return next((p.role for p in self.exclusions
                     if (p.regex.match(body) if p.anchor == "start" else p.regex.search(stripped))), None)

    def lead_role(self, text: str) -> tuple[Optional[str], bool]:
        """(member_list | plan_list | presenter | None, whether it introduces findings of an inspection)."""
        roles = {p.role for p in self.leads if p.regex.search(text)}
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
    """Character offsets where sentences start (from the sentencizer and the segmenter's block starts)."""
    if not len(doc):
        return []
    rows = doc.to_array([SENT_START, IDX])
    return [0] + rows[1:][rows[1:, 0] == 1, 1].tolist()


class FindingReader:
    """Reads one Doc: blocks -> units -> findings."""

    def __init__(self, doc: Doc, rules: FindingRules):
        self.doc, self.rules = doc, rules
        self.text = document_text(doc).translate(_QUOTES)
        self.hits = rules.lexicon.scan(self.text)
        self.hit_starts = [h.start for h in self.hits]
        self.sentence_starts = sentence_starts(doc)
        ends = self.sentence_starts[1:] + [len(self.text)]
        self.sentences = list(zip(self.sentence_starts, ends))
        self.blocked = sorted((s.start_char, s.end_char) for s in doc.spans.get("resolutions", []))
        # councillors named with an executive role ("Councillor Arnold (Lead Member ...)") speak for the executive
        self.executives = {m.group("name").lower() for m in rules.executive_name.finditer(self.text)}
        self.text_end = len(self.text.rstrip())
        # items whose title and opening are about a service's performance (an inspection, an annual report, ...):
        # outside them only a list introduced as strengths or areas for development yields findings
        starts = [0] + sorted(s.start_char for s in doc.spans.get("items", []))
        self.service_items = [bool(rules.service_item.search(self.text, a, a + rules.item_window)) for a in starts]
        self.service = self.service_items[0]  # whether the current item is about a service's performance
        self.inspection: Optional[str] = None  # the inspectorate the current item last spoke of

    # -- sentences ------------------------------------------------------------------------------------
    def hits_in(self, start: int, end: int) -> list[Hit]:
        i = bisect_left(self.hit_starts, start)
        out = []
        while i < len(self.hits) and self.hits[i].start < end:
            if self.hits[i].end <= end:
                out.append(self.hits[i])
            i += 1
        return out

    def readings(self, start: int, end: int) -> list[Reading]:
        """The sentences between two offsets, each read; whitespace and a dangling "(" trimmed, and a
        sentence cut off by the end of the document dropped (only complete mentions count)."""
        out = []
        i = max(0, bisect_left(self.sentence_starts, start) - 1)
        for s_start, s_end in self.sentences[i:]:
            if s_start >= end:
                break
            a, b = max(s_start, start), min(s_end, end)
            piece = self.text[a:b]
            a += len(piece) - len(piece.lstrip())
            b -= len(piece) - len(piece.rstrip(" \n\t(\"'"))
            if b - a < 2:
                continue
            if b >= self.text_end and not self.text[a:b].endswith(self.rules.terminal):
                continue
            reading = self.rules.read(self.text[a:b], a, self.hits_in(a, b))
            if reading.speaker == "member" and self.executive(self.text[a:b]):
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
        blocks = self.blocks()
        for k, block in enumerate(blocks):
            if block.item != item:
                lead, speaker, item, paragraph_list = Lead(), None, block.item, False
                self.service = self.service_items[item + 1]
                self.inspection = None  # the inspectorate the item last spoke of
            if self.skipped(block):
                lead, paragraph_list = Lead(), False
                continue
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
                    lead = self.lead_for(readings, speaker)
            else:
                if block.label == "paragraph" or self.long_enough(block):
                    out += self.prose(readings, speaker, Lead())
                self.inspection = next((r.source for r in reversed(readings) if r.source in ("ofsted", "inspectors")),
                                       self.inspection)
                speaker = self.carried_speaker(readings, speaker)
                heading = self.heading_like(block, readings)
                lead = self.lead_for(readings, speaker, heading)
                paragraph_list = bool(lead.polarity or lead.default) and not followed_by_list
        return out

    def list_like(self, readings: list[Reading]) -> bool:
        """A short paragraph that reads as an item of the list above it (bullets lost in conversion)."""
        words = self.words(readings[0].start, readings[-1].end)
        return (len(readings) <= self.rules.list_item_sentences and words <= self.rules.list_item_words
                and not readings[-1].intro and readings[0].speaker is None)

    def heading_like(self, block: Block, readings: list[Reading]) -> bool:
        """A short title line ("Strengths", "What needs to improve") that introduces what follows."""
        text = self.text[block.start:block.last_end].strip()
        return len(readings) == 1 and len(_WORD.findall(text)) <= 6 and not text.endswith((".", "?", "!"))

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
        role, finding = self.rules.lead_role(self.text[last.start:last.end])
        if last.speaker == "member" and role is None:
            role = "member_list"
        source = next((r.source for r in reversed(readings) if r.source), None)
        finding = bool(finding and source)
        polarity = cue = default = None
        if last.intro or heading:  # only a sentence or title that introduces a list sets its polarity
            polarity, cue = last.heading, last.heading_cue
            if polarity is None and finding:
                polarity, cue = last.lenient.polarity, last.lenient.cue
            identified = self.rules.default_development_lead.search(self.text[last.start:last.end])
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
        too_short = self.words(block.start, block.last_end) < self.rules.min_unit_words
        if too_short or self.hard_exclusion(readings[0], lead):
            return []
        speaker = readings[0].speaker or lead.speaker
        polarities = self.bullet_polarities(readings, lead, speaker)
        if not any(polarities):
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
            if self.hard_exclusion(r, lead) or r.speaker == "member":
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
        return len(_WORD.findall(self.text[start:end]))

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
