"""minutes_dates: not implemented yet — writes an empty span group."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


class _Component:
    def __init__(self, name: str, rules: dict):
        self.name = name
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        if "dates" != "meeting":
            doc.spans["dates"] = []
        return doc


@Language.factory("minutes_dates", default_config={"rules": {}})
def make_dates(nlp: Language, name: str, rules: dict) -> _Component:
    return _Component(name, rules)
