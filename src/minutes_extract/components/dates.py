"""minutes_dates: explicit calendar references (`25th January 2022`, `29/30th March 2022`,
`January/February 2023`, `31/01/2022`, `summer 2022`, `2021/22`, ...) as ISO values.

Patterns (models/rules/dates.json) are tried only where their anchor is found (a month name, a year,
a numeric date, a season), so most of a document is never searched: a pattern must match at an
anchor hit, and its `lead` ("Tuesday 14", "early", "in") is searched for just before it. Overlapping
matches keep the longest.
One span per mention; a mention naming several days or months ("14 and 15 December 2021") carries a
list of payloads, one per date. Year-less mentions are completed from doc._.meeting_date (set by
minutes_meeting); without it a day-month becomes XXXX-MM-DD and a bare month takes the year of the
nearest dated mention (or is dropped when the document names no year at all).

The small matching helpers here (Anchors, AnchoredRegex, Ranges, expand_fragments, document_lower)
serve minutes_metrics too.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional, Union

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .. import extensions  # noqa: F401
from ..extensions import PAYLOAD_ATTRS, document_text
from ..values.dates import DateParts, interpret, shift_for_relative

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

    def on(self, text: str, lower: Optional[str] = None, doc: Optional[Doc] = None) -> "AnchorHits":
        return AnchorHits(self, text, lower, doc)

    def matcher(self, name: str, vocab: Vocab) -> PhraseMatcher:
        """The PhraseMatcher (on LOWER) for a token anchor, built once per vocabulary."""
        built = self._matchers.get(name)
        if built is None or built[0] is not vocab:
            matcher = PhraseMatcher(vocab, attr="LOWER")
            matcher.add(name, [Doc(vocab, words=[word]) for word in self.tokens[name]])
            built = self._matchers[name] = (vocab, matcher)
        return built[1]


class AnchorHits:
    """The anchors' start positions in one text, each list computed when first needed. `lower` is the
    text lower-cased (same length), `doc` the Doc made of it, when the caller has them."""

    def __init__(self, anchors: Anchors, text: str, lower: Optional[str] = None, doc: Optional[Doc] = None):
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


def document_lower(doc: Doc, text: Optional[str] = None) -> str:
    """lower_text(document_text(doc)), computed once per Doc for the components that search it.
    `text`: document_text(doc), when the caller has it."""
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


class DatePattern(AnchoredRegex):
    def __init__(self, spec: dict, fragments: dict[str, str]):
        super().__init__(spec, fragments)
        self.id, self.kind = spec["id"], spec["kind"]
        self.year_less = spec.get("year_less", "meeting")
        self.span_group: Optional[str] = spec.get("span")


@dataclass
class Mention:
    start: int
    end: int
    rule: str
    year_less: str
    parts: list[DateParts]
    cue: Optional[str] = None


class DateRules:
    def __init__(self, rules: dict):
        fragments = rules.get("fragments", {})
        self.anchors = Anchors(rules.get("anchors", {}))
        self.patterns = [DatePattern(p, fragments) for p in rules.get("patterns", [])]
        self.not_after = re.compile(rules["not_after"]) if rules.get("not_after") else None
        self.not_after_window = int(rules.get("not_after_window", 16))
        self.not_after_kinds = set(rules.get("not_after_kinds", []))
        self.neighbour_year_reach = int(rules.get("neighbour_year_reach", 0))


def find_mentions(text: str, rules: DateRules, lower: Optional[str] = None) -> list[Mention]:
    """Every pattern's matches, overlaps resolved (longest first, then pattern order). A match is
    interpreted only once it is known to survive, which spares the many that lose. `lower`: the text
    lower-cased, when the caller has it."""
    found: list = []
    hits = rules.anchors.on(text, lower)
    for order, pattern in enumerate(rules.patterns):
        if hits.starts(pattern.anchor):  # most documents hold no season, no numeric date, ...
            found += [(start - end, order, start, end, pattern, lead, m)
                      for start, end, lead, m in pattern.matches(text, hits)]
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    kept: list[Mention] = []
    taken = Ranges([])
    for _, _, start, end, pattern, lead, m in found:
        if taken.overlaps(start, end) or _vetoed(text, start, pattern.kind, rules):
            continue
        groups = m.groupdict() if lead is None else {**lead.groupdict(), **m.groupdict()}
        parts = interpret(pattern.kind, groups)
        if not parts:
            continue
        taken.add(start, end)
        span_start, span_end = m.span(pattern.span_group) if pattern.span_group else (start, end)
        kept.append(Mention(span_start, span_end, pattern.id, pattern.year_less, parts, groups.get("cue")))
    return sorted(kept, key=lambda x: x.start)


def _vetoed(text: str, start: int, kind: str, rules: DateRules) -> bool:
    if rules.not_after is None or kind not in rules.not_after_kinds:
        return False
    return bool(rules.not_after.search(text[max(0, start - rules.not_after_window):start]))


def resolve(mentions: list[Mention], meeting_date: Optional[str],
            neighbour_reach: int = 0) -> list[tuple[Mention, list[dict]]]:
    """Payloads per mention, year-less parts completed (see the module docstring)."""
    meeting_year = int(meeting_date[:4]) if meeting_date and meeting_date[:4].isdigit() else None
    meeting_month = int(meeting_date[5:7]) if meeting_date and len(meeting_date) >= 7 else 1
    anchors = [(m.start, p.year) for m in mentions for p in m.parts
               if p.year is not None and p.precision in ("day", "month", "season")]
    loose_years = [(m.start, p.year) for m in mentions for p in m.parts if p.year is not None]
    dated = [(m.end, p.year, p.month) for m in mentions for p in m.parts
             if p.year is not None and p.precision in ("day", "month")]
    out = []
    for mention in mentions:
        payloads = []
        for part in mention.parts:
            year = None
            if part.year is None:
                year = _year_for(mention, part, meeting_year, meeting_month, anchors, loose_years)
                if year is None and meeting_year is None:
                    year = _neighbour_year(mention.start, part, dated, neighbour_reach)
                if year is None and mention.year_less == "context":
                    continue
            value = part.value(year)
            if value:
                payloads.append({"value": value, "precision": part.precision})
        if payloads:
            out.append((mention, payloads))
    return out


def _year_for(mention: Mention, part: DateParts, meeting_year, meeting_month, anchors, loose_years) -> Optional[int]:
    if meeting_year is not None:
        return meeting_year + shift_for_relative(part.month or 1, mention.cue, meeting_month)
    if mention.year_less != "context":
        return None
    return _nearest_year(mention.start, anchors) or _nearest_year(mention.start, loose_years)


def _neighbour_year(pos: int, part: DateParts, dated: list[tuple[int, int, int]], reach: int) -> Optional[int]:
    """The year of a dated mention ending just before `pos` ("w/c 5th February 2024 and again w/c 4th
    March"), when the year-less month does not come earlier in the year (which would cross into the next)."""
    before = [d for d in dated if 0 <= pos - d[0] <= reach]
    if not before or part.month is None:
        return None
    _, year, month = before[-1]
    return year if month is not None and part.month >= month else None


def _nearest_year(pos: int, anchors: list[tuple[int, int]]) -> Optional[int]:
    """The year of the closest dated mention before `pos`, else the first one after it."""
    if not anchors:
        return None
    i = bisect_left([a for a, _ in anchors], pos)
    return anchors[i - 1][1] if i > 0 else anchors[0][1]


class DatesComponent:
    def __init__(self, name: str, rules: dict):
        self.name = name
        self.rules = DateRules(rules)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = document_text(doc)
        mentions = find_mentions(text, self.rules, document_lower(doc, text))
        for mention, payloads in resolve(mentions, doc._.meeting_date, self.rules.neighbour_year_reach):
            span = doc.char_span(mention.start, mention.end, label=mention.rule, alignment_mode="expand")
            if span is None:
                continue
            span._.set(PAYLOAD_ATTRS["dates"], payloads if len(payloads) > 1 else payloads[0])
            spans.append(span)
        doc.spans["dates"] = spans
        return doc


@Language.factory(
    "minutes_dates",
    requires=["doc.spans", "doc._.meeting_date"],
    assigns=["doc.spans"],
    default_config={"rules": {}},
)
def make_dates(nlp: Language, name: str, rules: dict) -> DatesComponent:
    return DatesComponent(name, rules)
