"""minutes_metrics: the spaCy component (reads doc.spans["dates"], writes doc.spans["metrics"])."""
from __future__ import annotations

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401
from ...extensions import document_text
from ..base import ExtractionComponent, Found
from ...matching import document_lower
from .candidates import find_candidates
from .context import Context
from .judge import Metric, judge
from .respectively import attach_respectively
from .rule_set import MetricRules


class MetricsComponent(ExtractionComponent):
    group = "metrics"
    compiled_rules = MetricRules

    def find(self, doc: Doc) -> Iterator[Found]:
        text = document_text(doc)
        lower = document_lower(doc, text)
        ctx = Context(doc, text, lower, self.rules.caseload_word)
        hits = self.rules.anchors.on(text, lower, doc)
        blocked = [(s.start_char, s.end_char) for s in doc.spans.get("dates", [])]
        metrics: list[Metric] = []
        for candidate in find_candidates(text, self.rules, blocked, hits):
            metric = judge(candidate, ctx, self.rules, metrics)
            if metric is not None:
                metrics.append(metric)
        attach_respectively(metrics, ctx, self.rules)
        for m in metrics:
            yield m.start, m.end, m.rule, {k: v for k, v in m.fields.items() if v is not None}


@Language.factory(
    "minutes_metrics",
    requires=["doc.spans"],
    assigns=["doc.spans"],
    default_config={"rules": {}},
)
def make_metrics(nlp: Language, name: str, rules: dict) -> MetricsComponent:
    # "£30.4m." ends a sentence: without this the tokenizer reads "m." as one abbreviation token and the
    # amount's span would take the full stop with it
    for orth, pieces in rules.get("tokenizer_splits", {}).items():
        nlp.tokenizer.add_special_case(orth, [{"ORTH": piece} for piece in pieces])
    return MetricsComponent(name, rules)
