"""minutes_document_kind: what kind of document this is, read from its opening before anything else runs
(doc._.document_kind: "inspection_report" or "minutes"). A reader knows an inspectorate's report or letter
from its first page: its title, its `Inspection dates:` and `Lead inspector:` fields, its judgement table,
`What needs to improve`; each such cue weighs (models/rules/document_kind.json) and a kind whose cues reach
its threshold is the document's kind. Components that read a report differently (the segmenter, resolutions,
minutes_inspection_report) read this extension."""
from __future__ import annotations

import re
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the extensions)
from ..extensions import document_text
from ..matching import WeightedCues, lowered
from ..matching.ends import required_literals
from ..matching.regex_tree import sre, sre_parser
from .base import RulesOnDisk


class GatedCues(WeightedCues):
    """WeightedCues whose cue searches are skipped on a text that lacks a word every match of the cue holds
    (a case-insensitive search of a few thousand characters costs far more than looking for the words)."""

    def __init__(self, cues: list[dict]):
        super().__init__(cues)
        self.words = [(required_literals(cue.pattern), bool(cue.pattern.flags & re.IGNORECASE)) for cue in self.cues]
        self.found = [line_start_search(cue.pattern) for cue in self.cues]

    def reaches(self, text: str, threshold: int) -> bool:
        """WeightedCues.reaches(text, threshold), the same answer."""
        low = lowered(text)
        got, left = 0, sum(cue.weight for cue in self.cues)
        for cue, (words, folded), found in zip(self.cues, self.words, self.found):
            if got >= threshold or got + left < threshold:
                break
            left -= cue.weight
            where = low if folded else text
            if where is not None and not all(map(where.__contains__, words)):
                continue  # a word every match holds is missing: no match
            if found(text):
                got += cue.weight
        return got >= threshold


_GLOBAL_FLAGS = re.compile(r"\A(?:\(\?[aiLmsux]+\))+")


def line_start_search(pattern: re.Pattern) -> Callable[[str], bool]:
    """bool(pattern.search(text)), for a MULTILINE pattern whose every match opens a line ("(?m)^..."): a match at
    the start, else a search for a newline followed by the rest, which skips from newline to newline; a search for
    "^" tries every character. Any other pattern is searched as it is."""
    search = pattern.search
    if not pattern.flags & re.MULTILINE:
        return lambda text: search(text) is not None
    parsed = sre_parser.parse(pattern.pattern, pattern.flags).data
    rest = _GLOBAL_FLAGS.sub("", pattern.pattern)
    if not parsed or parsed[0] != (sre.AT, sre.AT_BEGINNING) or not rest.startswith("^"):
        return lambda text: search(text) is not None  # (a top-level alternation parses as one BRANCH)
    at_start = pattern.match
    after_newline = re.compile("\n(?:" + rest[1:] + ")", pattern.flags).search
    return lambda text: at_start(text) is not None or after_newline(text) is not None


class DocumentKindComponent(RulesOnDisk):
    def setup(self, rules: dict) -> None:
        self.opening_chars = rules["opening_chars"]
        self.default = rules["default"]
        self.kinds = [(k["kind"], k["threshold"], GatedCues(k["cues"])) for k in rules["kinds"]]

    def kind_of(self, text: str) -> str:
        opening = text[: self.opening_chars]
        for kind, threshold, cues in self.kinds:
            if cues.reaches(opening, threshold):
                return kind
        return self.default

    def __call__(self, doc: Doc) -> Doc:
        doc._.document_kind = self.kind_of(document_text(doc))
        return doc


@Language.factory("minutes_document_kind", assigns=["doc._.document_kind"], default_config={"rules": {}})
def make_document_kind(nlp: Language, name: str, rules: dict) -> DocumentKindComponent:
    return DocumentKindComponent(name, rules)
