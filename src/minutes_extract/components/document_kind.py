"""minutes_document_kind: what kind of document this is, read from its opening before anything else runs
(doc._.document_kind: "inspection_report" or "minutes"). A reader knows an inspectorate's report or letter
from its first page: its title, its `Inspection dates:` and `Lead inspector:` fields, its judgement table,
`What needs to improve`; each such cue weighs (models/rules/document_kind.json) and a kind whose cues reach
its threshold is the document's kind. Components that read a report differently (the segmenter, resolutions,
minutes_inspection_report) read this extension."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the extensions)
from ..extensions import document_text
from ..matching import WeightedCues, lowered
from ..matching.ends import required_literals
from ..matching.searches import line_start_search
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
