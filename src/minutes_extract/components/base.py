"""ExtractionComponent: what every extraction component shares. It is built from its rule dict
(`setup`), `find(doc)` yields what it found as (start, end, rule id, payload), and calling it writes
those as its span group (extensions.set_spans). RulesOnDisk carries a component's rules in a packaged
pipeline (to_disk/from_disk), so its config.cfg only names the rule files. Nothing here matches text or
reads rule files; this is no component, so components import it without importing each other."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional

from spacy.tokens import Doc

from ..extensions import set_spans
from ..rules.built_cache import built_state

Found = tuple[int, int, str, object]  # (start, end, rule id, payload of the group's records)


RULES_FILE = "rules.json"  # a component's rules inside its directory of a packaged pipeline


class RulesOnDisk:
    """A component built from one rule dict (`setup`). nlp.to_disk writes that dict into the
    component's directory and spacy.load reads it back, so a packaged pipeline carries its rules while
    its config.cfg only names the rule files they came from."""
    carried_rules: dict
    compiled_rules: Optional[type] = None  # the class `setup` builds `self.rules` with, from the rule dict
    # True: what `setup` builds is kept on disk between runs (rules.built_cache); for a component whose build
    # takes longer than reading it back (findings: ~0.3 s against ~0.05 s; most others build faster than that)
    cache_built: bool = False

    def __init__(self, name: str, rules: dict):
        self.name = name
        self.keep_rules(rules)

    def setup(self, rules: dict) -> None:
        """Compiles the component's rules (models/rules/<file>.json, validated); by default
        `self.rules = compiled_rules(rules)`."""
        if self.compiled_rules is None:
            raise NotImplementedError
        self.rules = self.compiled_rules(rules)

    def keep_rules(self, rules: dict) -> None:
        self.carried_rules = rules
        if not self.cache_built:
            self.setup(rules)
            return
        kind = type(self)
        self.__dict__.update(built_state(f"{kind.__module__}.{kind.__qualname__}", self.name, rules,
                                         lambda: self._built(rules)))

    def _built(self, rules: dict) -> dict:
        """What `setup(rules)` stores on the component (kept on disk between runs: rules.built_cache)."""
        self.setup(rules)
        return {key: value for key, value in vars(self).items() if key not in ("name", "carried_rules")}

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / RULES_FILE).write_text(json.dumps(self.carried_rules, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, exclude=()) -> "RulesOnDisk":
        rules = json.loads((Path(path) / RULES_FILE).read_text(encoding="utf-8"))
        if rules != self.carried_rules:  # compiling is slow: only when the packaged rules were edited
            self.keep_rules(rules)
        return self


class ExtractionComponent(RulesOnDisk):
    group: str  # the span group written (extensions.EXTRACTION_GROUPS)

    def find(self, doc: Doc) -> Iterable[Found]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        return set_spans(doc, self.group, self.find(doc))
