"""ExtractionComponent: what every extraction component shares. It is built from its rule dict
(`setup`), `find(doc)` yields what it found as (start, end, rule id, payload), and calling it writes
those as its span group (extensions.set_spans). Nothing here matches text or reads rule files; this is
no component, so components import it without importing each other."""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc

from ..extensions import set_spans

Found = tuple[int, int, str, object]  # (start, end, rule id, payload of the group's records)


class ExtractionComponent:
    group: str  # the span group written (extensions.EXTRACTION_GROUPS)

    def __init__(self, name: str, rules: dict):
        self.name = name
        self.setup(rules)

    def setup(self, rules: dict) -> None:
        """Compiles the component's rules (models/rules/<file>.json, validated)."""
        raise NotImplementedError

    def find(self, doc: Doc) -> Iterable[Found]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        return set_spans(doc, self.group, self.find(doc))
