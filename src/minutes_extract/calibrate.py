"""Confidence for every extraction: the precision its rule measured on the annotated sets, smoothed.

`make calibrate` extracts the annotated sets, asks evaluate.judge() which predicted extractions the
scorer counts as right, and writes models/confidence.json: for every field (items, resolutions, ...)
the counts n_correct / n_predicted of each rule, of each rule family and of the field, and the
confidence derived from them. assemble.py reads that file and stamps `confidence` on each extraction.

Smoothing is a chain of Beta priors, each level shrunk toward the one above with `strength` pseudo-
counts (chosen by council-grouped cross-validation):
    field   (c + 1) / (n + 2)
    family  (c + strength * field) / (n + strength)
    rule    (c + strength * siblings) / (n + strength), siblings = the family's other rules, as a family
A rule's key drops what varies inside its name (anything from the first ':', '/', '#', '@', '|', '='
or '(' on; digits become 'N'), and its family is the first word of that key ("verb_upper_inline" ->
"verb"), so a rule added after the last calibration takes its family's figure, or else its field's.
Inspections have no gold: they take the pooled precision of every measured extraction (the file says so).
Only extractions the scorer counts are observations (durations, year-like dates and forecasts are not);
they still get the figure of their rule, family or field.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from .evaluate import FIELDS as MEASURED, collect, judge
from .writer import read_records

FIELDS = (*MEASURED, "inspections")
CONFIDENCE_FILE = "confidence.json"  # under models/
STRENGTHS = (1, 2, 4, 8, 16, 32)     # candidate prior strengths, chosen by cross-validation
BANDS = (0.0, 0.7, 0.8, 0.9, 0.95, 1.0)  # reliability bands (the last one includes 1.0)
FOLDS = 5

_VARIABLE_PART = re.compile(r"[:/#@|=(\[].*$")


def rule_key(rule: Optional[str]) -> str:
    """The stable part of a rule name: 'cue:well-led' -> 'cue', 'layout_2' -> 'layout_N'."""
    key = _VARIABLE_PART.sub("", (rule or "").strip().lower())
    key = re.sub(r"\d+", "N", key).strip(" _-.")
    return key or "unnamed"


def family_key(rule: Optional[str]) -> str:
    """The family of a rule: the first word of its key ('verb_upper_inline' -> 'verb')."""
    return re.split(r"[_\s-]+", rule_key(rule))[0] or "unnamed"


# ---------------------------------------------------------------- observations

@dataclass(frozen=True)
class Observation:
    doc: str      # file stem of the annotated document
    field: str    # items, resolutions, findings, metrics, dates or judgements
    rule: str
    correct: bool


def observations_of(record: dict, gold: dict, doc: str) -> list[Observation]:
    """Every scored extraction of one document record (a JSON dict) with the scorer's verdict."""
    out = []
    for field, verdicts in judge(collect(record, {}), gold).items():
        for extraction, verdict in verdicts:
            if verdict is not None:
                out.append(Observation(doc, field, extraction.get("rule") or field, verdict))
    return out


def observations(records: Path, gold_dir: Path) -> list[Observation]:
    """Observations for every document of a JSONL output that has a gold file (by file stem)."""
    golds = {p.stem: p for p in Path(gold_dir).glob("*.json")}
    out: list[Observation] = []
    for record in read_records(Path(records), errors=False):
        stem = Path(str((record.get("source") or {}).get("path") or "")).stem
        if stem in golds:
            out.extend(observations_of(record, json.loads(golds[stem].read_text(encoding="utf-8")), stem))
    return out


# ---------------------------------------------------------------- fitting

def _counts(obs: Iterable[Observation], key) -> dict:
    counts: dict = defaultdict(lambda: [0, 0])
    for o in obs:
        c = counts[key(o)]
        c[0] += o.correct
        c[1] += 1
    return counts


def _entry(correct: int, predicted: int, confidence: float, **extra) -> dict:
    return {"n_correct": correct, "n_predicted": predicted, "confidence": round(confidence, 4), **extra}


def fit(obs: list[Observation], strength: float) -> dict:
    """The confidence table (the content of models/confidence.json, without its notes)."""
    pooled = _counts(obs, lambda o: "all")["all"]
    default = (pooled[0] + 1) / (pooled[1] + 2)
    fields, families, rules = {}, {}, {}
    by_field = _counts(obs, lambda o: o.field)
    by_family = _counts(obs, lambda o: (o.field, family_key(o.rule)))
    by_rule = _counts(obs, lambda o: (o.field, rule_key(o.rule)))
    for field in FIELDS:
        c, n = by_field.get(field, (0, 0))
        measured = n > 0
        prior = (c + 1) / (n + 2) if measured else default
        fields[field] = _entry(c, n, prior, measured=measured)
        families[field] = {}
        for (f, family), (cf, nf) in sorted(by_family.items()):
            if f == field:
                families[field][family] = _entry(cf, nf, (cf + strength * prior) / (nf + strength))
        rules[field] = {}
        for (f, rule), (cr, nr) in sorted(by_rule.items()):
            if f == field:
                # the rule's prior is its family without the rule itself (else its counts would count twice)
                cf, nf = by_family[(field, family_key(rule))]
                siblings = (cf - cr + strength * prior) / (nf - nr + strength)
                rules[field][rule] = _entry(cr, nr, (cr + strength * siblings) / (nr + strength),
                                            family=family_key(rule))
    return {"strength": strength, "default": round(default, 4), "fields": fields, "families": families,
            "rules": rules}


def lookup(table: dict, field: str, rule: Optional[str]) -> float:
    """The rule's confidence, else its family's, else its field's (else the pooled default)."""
    key = rule_key(rule)
    entry = table["rules"].get(field, {}).get(key) or table["families"].get(field, {}).get(family_key(key)) \
        or table["fields"].get(field)
    return entry["confidence"] if entry else table["default"]


# ---------------------------------------------------------------- cross-validation

def council_folds(docs: Iterable[str], councils: dict, k: int = FOLDS) -> dict[str, int]:
    """doc -> fold, whole councils to one fold (largest councils first, each to the smallest fold);
    a document missing from `councils` is a council of its own."""
    members: dict = defaultdict(list)
    for doc in sorted(set(docs)):
        members[councils.get(doc, doc)].append(doc)
    sizes, fold_of = [0] * k, {}
    for council, docs_of in sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        fold = sizes.index(min(sizes))
        sizes[fold] += len(docs_of)
        for doc in docs_of:
            fold_of[doc] = fold
    return fold_of


def held_out(obs: list[Observation], councils: dict, strength: float,
             k: int = FOLDS) -> list[tuple[Observation, float]]:
    """Every observation with the confidence a table fitted on the other councils' folds gives it."""
    fold_of = council_folds((o.doc for o in obs), councils, k)
    out = []
    for fold in range(k):
        table = fit([o for o in obs if fold_of[o.doc] != fold], strength)
        out.extend((o, lookup(table, o.field, o.rule)) for o in obs if fold_of[o.doc] == fold)
    return out


def cross_validated(obs: list[Observation], councils: dict, strength: float,
                    k: int = FOLDS) -> list[tuple[float, bool]]:
    """(confidence, correct) for every observation, its confidence fitted on the other councils' folds."""
    return [(confidence, o.correct) for o, confidence in held_out(obs, councils, strength, k)]


def reliability(pairs: list[tuple[float, bool]], bands: tuple = BANDS) -> dict:
    """Per confidence band: count, mean confidence and observed precision; Brier score and expected
    calibration error over all pairs."""
    rows = []
    for low, high in zip(bands, bands[1:]):
        inside = [(p, y) for p, y in pairs if low <= p < high or (high == bands[-1] and p == high)]
        if inside:
            rows.append({"low": low, "high": high, "n": len(inside),
                         "mean_confidence": round(sum(p for p, _ in inside) / len(inside), 4),
                         "precision": round(sum(y for _, y in inside) / len(inside), 4)})
    n = len(pairs) or 1
    brier = sum((p - y) ** 2 for p, y in pairs) / n
    ece = sum(r["n"] * abs(r["mean_confidence"] - r["precision"]) for r in rows) / n
    return {"n": len(pairs), "brier": round(brier, 4), "ece": round(ece, 4), "bands": rows}


def calibrate(obs: list[Observation], councils: dict, sources: list[dict]) -> dict:
    """The full models/confidence.json: prior strength chosen by cross-validated Brier score, the table
    fitted on every observation, and the cross-validated reliability (with a field-only baseline)."""
    scored = {s: reliability(cross_validated(obs, councils, s)) for s in STRENGTHS}
    strength = min(STRENGTHS, key=lambda s: (scored[s]["brier"], s))
    field_only = reliability(cross_validated([Observation(o.doc, o.field, o.field, o.correct) for o in obs],
                                             councils, strength))
    predictions = held_out(obs, councils, strength)
    by_field = {}
    for field in MEASURED:
        pairs = [(confidence, o.correct) for o, confidence in predictions if o.field == field]
        if pairs:
            by_field[field] = {"n": len(pairs), "brier": reliability(pairs)["brier"],
                               "mean_confidence": round(sum(p for p, _ in pairs) / len(pairs), 4),
                               "precision": round(sum(y for _, y in pairs) / len(pairs), 4)}
    return {
        "about": ("confidence = smoothed precision of the extraction's rule on the annotated sets. Lookup: "
                  "rules[field][rule_key(rule)], else families[field][family_key(rule)] (a rule not seen at "
                  "calibration), else fields[field] (an unknown family), else default. Fields with "
                  "measured=false have no gold (inspections): they take the pooled precision of all measured "
                  "extractions. Regenerate with `make calibrate`."),
        "sources": sources,
        **fit(obs, strength),
        "cross_validation": {"folds": FOLDS, "grouped_by": "council", "strength": strength,
                             "rules": scored[strength], "field_only_baseline": {
                                 k: field_only[k] for k in ("n", "brier", "ece")}, "by_field": by_field},
    }


# ---------------------------------------------------------------- use at extraction time

@lru_cache(maxsize=1)
def shipped_table() -> Optional[dict]:
    """models/confidence.json, or None when it is absent (extractions then carry no confidence)."""
    from .rules import load_json, models_dir
    if not (models_dir() / CONFIDENCE_FILE).is_file():
        return None
    return load_json(CONFIDENCE_FILE)  # validated: a broken table is an error, not silently no confidence


@lru_cache(maxsize=4096)
def confidence_for(field: str, rule: Optional[str]) -> Optional[float]:
    """The shipped confidence of an extraction of `field` made by `rule` (None without a table)."""
    table = shipped_table()
    return None if table is None else lookup(table, field, rule)


def drop_below(record, threshold: float):
    """Remove extractions whose confidence is below `threshold` from a DocumentRecord (in place). An item
    below it is dropped as an item: its extractions join the item before it (or `unassigned`), as if its
    heading had not been found (that item's span grows over it); items are renumbered."""
    from .extensions import EXTRACTION_GROUPS
    from .records import Item

    def keep(x) -> bool:
        return x.confidence is None or x.confidence >= threshold

    items, previous = [], record.unassigned
    for item in record.items:
        if not keep(item):
            for group in EXTRACTION_GROUPS:
                getattr(previous, group).extend(getattr(item, group))
            if isinstance(previous, Item):
                previous.span = previous.span.model_copy(update={"end": max(previous.span.end, item.span.end)})
                previous.sections.extend(item.sections)
            continue
        items.append(item)
        previous = item
    for index, item in enumerate(items):
        item.index = index
    record.items = items
    for holder in (record.unassigned, *items):
        for group in EXTRACTION_GROUPS:
            setattr(holder, group, [x for x in getattr(holder, group) if keep(x)])
    return record


def write(table: dict, path: Path) -> None:
    path.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    shipped_table.cache_clear()
    confidence_for.cache_clear()
