"""The minutes_judgements spaCy factory: candidates from JudgementFinder become spans of `judgements`."""
from __future__ import annotations

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401  (registers the extensions)
from ...extensions import document_text
from ..base import ExtractionComponent, Found
from .finder import JudgementFinder
from .rules import JudgementRules


class JudgementsComponent(ExtractionComponent):
    group = "judgements"
    compiled_rules = JudgementRules

    def find(self, doc: Doc) -> Iterator[Found]:
        for cand in JudgementFinder(self.rules).find(document_text(doc)):
            yield cand.start, cand.end, cand.rule, {
                "area": cand.area, "grade": cand.grade, "year": cand.year, "forecast": cand.forecast}


@Language.factory("minutes_judgements", requires=["doc.spans"], assigns=["doc.spans"], default_config={"rules": {}})
def make_judgements(nlp: Language, name: str, rules: dict) -> JudgementsComponent:
    return JudgementsComponent(name, rules)
