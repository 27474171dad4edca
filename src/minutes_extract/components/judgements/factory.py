"""The minutes_judgements spaCy factory: candidates from JudgementFinder become spans of `judgements`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401  (registers the extensions)
from ...extensions import PAYLOAD_ATTRS, document_text
from .finder import JudgementFinder
from .rules import JudgementRules


class JudgementsComponent:
    def __init__(self, name: str, rules: dict):
        self.name = name
        self.finder = JudgementFinder(JudgementRules(rules))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for cand in self.finder.find(document_text(doc)):
            span = doc.char_span(cand.start, cand.end, label=cand.rule, alignment_mode="expand")
            if span is None:
                continue
            span._.set(PAYLOAD_ATTRS["judgements"], {
                "area": cand.area, "grade": cand.grade, "year": cand.year, "forecast": cand.forecast,
            })
            spans.append(span)
        doc.spans["judgements"] = spans
        return doc


@Language.factory("minutes_judgements", requires=["doc.spans"], assigns=["doc.spans"], default_config={"rules": {}})
def make_judgements(nlp: Language, name: str, rules: dict) -> JudgementsComponent:
    return JudgementsComponent(name, rules)
