"""The registered minutes_findings factory and its spaCy component."""
from __future__ import annotations


from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401  (registers the extensions)
from ...extensions import PAYLOAD_ATTRS
from ..base import RulesOnDisk
from .context import FindingRules
from .reader import FindingReader


class FindingsComponent(RulesOnDisk):
    cache_built = True  # its build (~1,500 lexicon patterns) is read back from disk: rules.built_cache

    def __init__(self, name: str, rules: dict):
        self.name = name
        self.keep_rules(rules)

    def setup(self, rules: dict) -> None:
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


@Language.factory(
    "minutes_findings",
    requires=["doc.spans", "token.is_sent_start", "doc._.document_kind"],  # hook: a report is all findings context
    assigns=["doc.spans"],
    default_config={"rules": {}},
)


def make_findings(nlp: Language, name: str, rules: dict) -> FindingsComponent:
    return FindingsComponent(name, rules)
