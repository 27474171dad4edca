"""The minutes_resolutions spaCy factory: the segmenter's blocks in, spans of `resolutions` out."""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401
from ...extensions import document_text
from ..base import ExtractionComponent, Found
from ...matching.blocks import block_bounds
from .finding import find_decisions
from .rules import Block, ResolutionRules


def doc_blocks(doc: Doc) -> list[Block]:
    """Blocks with the section and item each one sits in (from the segmenter's span groups)."""
    sections = _Sections(doc.spans.get("sections", []))
    items = sorted((s.start_char, s.end_char) for s in doc.spans.get("items", []))
    text = document_text(doc)  # a slice of it is the span's text: Span.text rebuilds it token by token
    out, ii = [], -1
    for start, end, label in block_bounds(doc):
        while ii + 1 < len(items) and items[ii + 1][0] <= start:
            ii += 1
        out.append(Block(start, end, text[start:end], label, sections.at(start), ii))
    return out


class _Sections:
    """The kind of the section holding a position: of the sections containing it, the one starting last
    (a bisect, then a walk back that stops once no earlier section reaches the position)."""

    def __init__(self, spans):
        self.sections = sorted((s.start_char, s.end_char, s.label_) for s in spans)
        self.starts = [start for start, _, _ in self.sections]
        self.reach, furthest = [], -1  # furthest end of any section up to each index
        for _, end, _ in self.sections:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def at(self, pos: int) -> Optional[str]:
        k = bisect_right(self.starts, pos) - 1
        while k >= 0 and self.reach[k] > pos:
            start, end, label = self.sections[k]
            if start <= pos < end:
                return label
            k -= 1
        return None


class ResolutionsComponent(ExtractionComponent):
    group = "resolutions"
    compiled_rules = ResolutionRules

    def find(self, doc: Doc) -> Iterator[Found]:
        if doc._.document_kind == "inspection_report":
            return  # Hook (minutes_document_kind): an inspectorate's recommendations are no decision of a body
        for decision in find_decisions(doc_blocks(doc), self.rules, doc._.meeting_date):
            yield decision.start, decision.end, decision.rule, {
                "verb": decision.verb, "clauses": decision.clauses,
                "copies": [{"start": s, "end": e} for s, e in decision.copies]}


@Language.factory(
    "minutes_resolutions",
    requires=["doc.spans", "doc._.document_kind", "doc._.meeting_date"],  # hook: an inspection report has no decisions
    assigns=["doc.spans"],
    default_config={"rules": {}},
)
def make_resolutions(nlp: Language, name: str, rules: dict) -> ResolutionsComponent:
    return ResolutionsComponent(name, rules)
