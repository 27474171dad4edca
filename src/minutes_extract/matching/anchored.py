"""Anchored rule regexes, shared by the rule components (dates, metrics): where a rule can match
(Anchors), the rule regex tried only there (AnchoredRegex), <<NAME>> fragments (expand_fragments),
overlap tests (Ranges) and the lower-cased text (lower_text, document_lower). spaCy is imported only
where a token anchor or a Doc needs it."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Optional, Union

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

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
    from ..extensions import document_text

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
