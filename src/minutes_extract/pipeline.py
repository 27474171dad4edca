"""build_pipeline(): the only place components are ordered and fed their rules.

    raw text ─▶ tokenizer (tokenizer.py: normalise, keep the offset map, then tokenise)
             ─▶ minutes_document_kind ─▶ doc._.document_kind (an inspection report or not)
             ─▶ minutes_segmenter   ─▶ items, sections, blocks, sentence starts
             ─▶ minutes_meeting     ─▶ doc._.meeting, doc._.meeting_date
             ─▶ minutes_resolutions ─▶ resolutions
             ─▶ minutes_dates       ─▶ dates
             ─▶ minutes_metrics     ─▶ metrics
             ─▶ minutes_judgements  ─▶ judgements
             ─▶ minutes_inspections ─▶ inspections
             ─▶ minutes_findings    ─▶ findings
             ─▶ minutes_votes       ─▶ votes
             ─▶ minutes_inspection_report ─▶ a report read as one: its item, its findings, judgements,
                                             doc._.inspection_report (inspection reports only)

Each component's `rules` in config.cfg is a reference to its rule file (RULE_FILE: file + rules_dir),
never the rules themselves: nlp.to_disk writes each component's rules into its own directory and
spacy.load reads them back from there (components.base.RulesOnDisk).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers Doc/Span extensions)
from .components import (  # noqa: F401  (registers the factories when run from a source tree)
    dates, document_kind, findings, inspection_report, inspections, judgements, meeting, metrics, resolutions,
    segmenter, votes,
)
from .components.judgements.rules import AREA_FIRST
from .errors import MinutesError, RuleFileError
from .matching.compiled import regex_code_cache
from .matching.ends import ENDS
from .matching.first_chars import PARSED
from .rules import RulesDir, lexicon_rows, load_json, models_dir, validate_all
from .tokenizer import TOKENIZER

# (factory name, rule file under models/ or None), in pipeline order.
COMPONENTS: list[tuple[str, str | None]] = [
    ("minutes_document_kind", "rules/document_kind.json"),
    ("minutes_segmenter", "rules/segmenter.json"),
    ("minutes_meeting", "rules/meeting.json"),
    ("minutes_resolutions", "rules/resolutions.json"),
    ("minutes_dates", "rules/dates.json"),
    ("minutes_metrics", "rules/metrics.json"),
    ("minutes_judgements", "rules/judgements.json"),
    ("minutes_inspections", "rules/inspections.json"),
    ("minutes_findings", "rules/findings.json"),
    ("minutes_votes", "rules/votes.json"),
    ("minutes_inspection_report", "rules/inspection_report.json"),
]


# What each component reads from and writes to the Doc: span groups ("spans:dates") and Doc extensions
# ("doc._.meeting_date"). spaCy's requires/assigns cannot name a span group (only "doc.spans"), so this
# table is the declaration; check_order() holds the pipeline to it.
READS_WRITES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "minutes_document_kind": ((), ("doc._.document_kind",)),
    "minutes_segmenter": (("doc._.document_kind",), ("spans:items", "spans:sections", "spans:blocks", "token.is_sent_start")),
    "minutes_meeting": ((), ("doc._.meeting", "doc._.meeting_date")),
    "minutes_resolutions": (("doc._.document_kind", "doc._.meeting_date", "spans:items", "spans:sections", "spans:blocks"),
                            ("spans:resolutions",)),
    "minutes_dates": (("doc._.meeting_date",), ("spans:dates",)),
    "minutes_metrics": (("spans:dates",), ("spans:metrics",)),
    "minutes_judgements": ((), ("spans:judgements",)),
    "minutes_inspections": (("spans:dates", "doc._.meeting_date"), ("spans:inspections",)),
    "minutes_findings": (("doc._.document_kind", "spans:items", "spans:sections", "spans:blocks", "spans:resolutions",
                          "token.is_sent_start"), ("spans:findings",)),
    "minutes_votes": (("spans:items", "spans:blocks", "spans:resolutions"), ("spans:votes",)),
    # Last, it rewrites groups already written (a report's one item; its sections, judgements and findings
    # refined): for the order only what it reads counts, and what it adds is the inspection.
    "minutes_inspection_report": (("doc._.document_kind", "spans:sections", "spans:dates", "spans:judgements",
                                   "spans:inspections", "spans:findings"), ("doc._.inspection_report",)),
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
    so components never read files."""
    rules = dict(load_json(rule_file, rules_dir)) if rule_file else {}
    if isinstance(rules.get("lexicons"), dict):
        rules["lexicons"] = {key: lexicon_rows(rule_file, key, name, rules_dir) if isinstance(name, str) else name
                             for key, name in rules["lexicons"].items()}
    return rules


RULE_FILE = "minutes_extract.rule_file.v1"


@spacy.registry.misc(RULE_FILE)
def rule_file_rules(file: str | None, rules_dir: str | None = None) -> dict:
    """What a component's `rules` in config.cfg resolves to: the config names the rule file (relative to
    models/), never its content; a packaged pipeline carries the rules beside it (RulesOnDisk)."""
    return component_rules(file, rules_dir)


def rules_reference(rule_file: str | None, rules_dir: RulesDir = None) -> dict:
    """A component's `rules` config: a reference to its rule file (and to `rules_dir` only when given)."""
    reference = {"@misc": RULE_FILE, "file": rule_file}
    if rules_dir is not None:
        reference["rules_dir"] = str(rules_dir)
    return reference


def _pattern_start(pattern) -> str:
    """The start of the pattern that failed (as compiled, so a lexicon row's spaces read as whitespace runs)."""
    text = pattern.decode(errors="replace") if isinstance(pattern, bytes) else str(pattern)
    return repr(text[:100] + ("..." if len(text) > 100 else ""))


def build_pipeline(rules_dir: RulesDir = None) -> Language:
    """The pipeline, its rules read from `rules_dir` (a copy of models/) when given, else from
    $MINUTES_EXTRACT_RULES, else the shipped models/. Every rule file there is validated first, so a
    mistake in any of them is a RuleFileError naming file and key before anything is compiled."""
    validate_all(rules_dir)  # first: a user's edited rule file is their mistake to hear about before ours
    check_order([factory for factory, _ in COMPONENTS])
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.max_length = 50_000_000  # rules only: no model memory grows with length
    with regex_code_cache():  # the rules' compiled regexes, from disk when an earlier build made them
        for factory, rule_file in COMPONENTS:
            try:
                nlp.add_pipe(factory, config={"rules": rules_reference(rule_file, rules_dir)})
            except re.error as exc:  # a pattern valid as JSON that is no regex: the user's mistake, one line
                raise RuleFileError(f"{models_dir(rules_dir) / rule_file} (or a lexicon it names): a pattern does not compile ({exc}): "
                                    f"{_pattern_start(exc.pattern)}") from None
    PARSED.save()  # what the patterns start with, for the next build
    ENDS.save()  # what they end with, and the words and digits every match holds
    AREA_FIRST.save()  # which judgement cues open with an area term
    return nlp


def get_pipeline(model_path: str | None = None) -> Language:
    """The pipeline, loaded once per process (from a packaged directory when given), once per rules
    directory in use ($MINUTES_EXTRACT_RULES may change between calls)."""
    return _pipeline(model_path, None if model_path else str(models_dir()))


@lru_cache(maxsize=2)
def _pipeline(model_path: str | None, rules_in_use: str | None) -> Language:
    if model_path:
        return spacy.load(Path(model_path))
    return build_pipeline()  # reads the rules from `rules_in_use` ($MINUTES_EXTRACT_RULES or models/)
