"""build_pipeline(): the only place components are ordered and fed their rules.

    text ─▶ tokenizer ─▶ minutes_segmenter   ─▶ items, sections, blocks, sentence starts
                     ─▶ minutes_meeting     ─▶ doc._.meeting, doc._.meeting_date
                     ─▶ minutes_resolutions ─▶ resolutions
                     ─▶ minutes_dates       ─▶ dates
                     ─▶ minutes_metrics     ─▶ metrics
                     ─▶ minutes_judgements  ─▶ judgements
                     ─▶ minutes_inspections ─▶ inspections
                     ─▶ minutes_findings    ─▶ findings
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers Doc/Span extensions)
from .components import (  # noqa: F401  (registers the factories when run from a source tree)
    dates, findings, inspections, judgements, meeting, metrics, resolutions, segmenter,
)
from .errors import MinutesError
from .matching.compiled import regex_code_cache
from .rules import RulesDir, load_json, load_jsonl

# (factory name, rule file under models/ or None), in pipeline order.
COMPONENTS: list[tuple[str, str | None]] = [
    ("minutes_segmenter", "rules/segmenter.json"),
    ("minutes_meeting", "rules/meeting.json"),
    ("minutes_resolutions", "rules/resolutions.json"),
    ("minutes_dates", "rules/dates.json"),
    ("minutes_metrics", "rules/metrics.json"),
    ("minutes_judgements", "rules/judgements.json"),
    ("minutes_inspections", "rules/inspections.json"),
    ("minutes_findings", "rules/findings.json"),
]


# What each component reads from and writes to the Doc: span groups ("spans:dates") and Doc extensions
# ("doc._.meeting_date"). spaCy's requires/assigns cannot name a span group (only "doc.spans"), so this
# table is the declaration; check_order() holds the pipeline to it.
READS_WRITES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "minutes_segmenter": ((), ("spans:items", "spans:sections", "spans:blocks", "token.is_sent_start")),
    "minutes_meeting": ((), ("doc._.meeting", "doc._.meeting_date")),
    "minutes_resolutions": (("spans:items", "spans:sections", "spans:blocks"), ("spans:resolutions",)),
    "minutes_dates": (("doc._.meeting_date",), ("spans:dates",)),
    "minutes_metrics": (("spans:dates",), ("spans:metrics",)),
    "minutes_judgements": ((), ("spans:judgements",)),
    "minutes_inspections": (("spans:dates", "doc._.meeting_date"), ("spans:inspections",)),
    "minutes_findings": (("spans:items", "spans:sections", "spans:blocks", "spans:resolutions",
                          "token.is_sent_start"), ("spans:findings",)),
}


class PipelineOrderError(MinutesError):
    """A component reads something no component before it writes (one removed or moved)."""
    code = "E201"


def check_order(names: list[str]) -> None:
    """Raises PipelineOrderError when a component in `names` (pipeline order) reads what no earlier
    component writes."""
    written: set[str] = set()
    for name in names:
        reads, writes = READS_WRITES.get(name, ((), ()))
        missing = [need for need in reads if need not in written]
        if missing:
            raise PipelineOrderError(f"{name} reads {', '.join(missing)}, which no component before it writes")
        written.update(writes)


def component_rules(rule_file: str | None, rules_dir: RulesDir = None) -> dict:
    """A component's rules with every lexicon it names ("lexicons": {key: "lexicons/x.jsonl"}) inlined,
    so components never read files and a packaged pipeline carries all its rules in its config."""
    rules = dict(load_json(rule_file, rules_dir)) if rule_file else {}
    if isinstance(rules.get("lexicons"), dict):
        rules["lexicons"] = {key: load_jsonl(name, rules_dir) if isinstance(name, str) else name
                             for key, name in rules["lexicons"].items()}
    return rules


def build_pipeline(rules_dir: RulesDir = None) -> Language:
    """The pipeline, its rules read from `rules_dir` (a copy of models/) when given, else from
    $MINUTES_EXTRACT_RULES, else the shipped models/."""
    check_order([factory for factory, _ in COMPONENTS])
    nlp = spacy.blank("en")
    nlp.max_length = 50_000_000  # rules only: no model memory grows with length
    with regex_code_cache():  # the rules' compiled regexes, from disk when an earlier build made them
        for factory, rule_file in COMPONENTS:
            nlp.add_pipe(factory, config={"rules": component_rules(rule_file, rules_dir)})
    return nlp


@lru_cache(maxsize=2)
def get_pipeline(model_path: str | None = None) -> Language:
    """The pipeline, loaded once per process (from a packaged directory when given)."""
    if model_path:
        return spacy.load(Path(model_path))
    return build_pipeline()
