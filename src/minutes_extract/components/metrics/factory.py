"""minutes_metrics: the spaCy component (reads doc.spans["dates"], writes doc.spans["metrics"])."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401
from ...extensions import PAYLOAD_ATTRS, document_text
from ...matching import document_lower
from .candidates import find_candidates
from .context import Context
from .judge import Metric, judge
from .respectively import attach_respectively
from .rule_set import MetricRules


class MetricsComponent:
    def __init__(self, name: str, rules: dict):
        self.name = name
        self.rules = MetricRules(rules)

    def __call__(self, doc: Doc) -> Doc:
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
        doc.spans["metrics"] = [s for s in (self._span(doc, m) for m in metrics) if s is not None]
        return doc

    @staticmethod
    def _span(doc: Doc, metric: Metric):
        span = doc.char_span(metric.start, metric.end, label=metric.rule, alignment_mode="expand")
        if span is not None:
            span._.set(PAYLOAD_ATTRS["metrics"], {k: v for k, v in metric.fields.items() if v is not None})
        return span


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
