"""Confidence on every extraction: rule keys and families, the smoothed table and its fall-backs,
per-extraction verdicts, --min-confidence, the exporters, and (on the annotated sets, when ../shared is
present) council-grouped cross-validation: higher confidence bands are more often right."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, all_extractions
from minutes_extract.calibrate import (
    FIELDS, Observation, cross_validated, drop_below, family_key, fit, lookup, observations_of, reliability,
    rule_key, shipped_table,
)
from minutes_extract.cli import app
from minutes_extract.evaluate import collect, judge
from minutes_extract.extract import extract_text


# ---------------------------------------------------------------- keys and the table

@pytest.mark.parametrize("rule, key, family", [
    ("sentence_cue", "sentence_cue", "sentence"),
    ("sentence_cue:well-led", "sentence_cue", "sentence"),
    ("cue/ofsted/improved", "cue", "cue"),
    ("numbered_item_2", "numbered_item_N", "numbered"),
    ("Verb_Upper", "verb_upper", "verb"),
    ("", "unnamed", "unnamed"),
    (None, "unnamed", "unnamed"),
])
def test_rule_names_map_to_stable_keys_and_families(rule, key, family):
    assert (rule_key(rule), family_key(rule)) == (key, family)


def _obs(field, rule, right, wrong, doc="d"):
    return [Observation(doc, field, rule, True)] * right + [Observation(doc, field, rule, False)] * wrong


def test_fit_counts_and_shrinks_rules_toward_family_and_field():
    obs = _obs("dates", "day_month", 40, 0) + _obs("dates", "day_month_pair", 1, 0) + _obs("dates", "bare_month", 3, 3)
    table = fit(obs, strength=4)
    rules = table["rules"]["dates"]
    assert rules["day_month"]["n_correct"] == 40 and rules["day_month"]["n_predicted"] == 40
    assert table["fields"]["dates"]["n_predicted"] == 47
    assert 0.9 < rules["day_month"]["confidence"] < 1.0           # never certain
    assert rules["bare_month"]["confidence"] < rules["day_month_pair"]["confidence"]
    # one right out of one: pulled toward its (reliable) sibling, not to 1.0 and not to 0.5
    assert 0.9 < rules["day_month_pair"]["confidence"] < 1.0
    assert all(0 <= e["confidence"] <= 1 for f in FIELDS for e in table["rules"][f].values())


def test_unknown_rules_fall_back_to_family_then_field_then_default():
    table = fit(_obs("findings", "sentence_cue", 6, 4) + _obs("findings", "list_heading", 30, 0), strength=4)
    assert lookup(table, "findings", "sentence_cue:new-cue") == table["rules"]["findings"]["sentence_cue"]["confidence"]
    assert lookup(table, "findings", "sentence_relay") == table["families"]["findings"]["sentence"]["confidence"]
    assert lookup(table, "findings", "brand_new_rule") == table["fields"]["findings"]["confidence"]
    # a field with no gold (inspections) is marked unmeasured and takes the pooled precision
    assert table["fields"]["inspections"]["measured"] is False
    assert lookup(table, "inspections", "ilacs") == table["default"] == table["fields"]["inspections"]["confidence"]


def test_shipped_table_is_auditable():
    table = shipped_table()
    assert table is not None, "models/confidence.json is missing: run `make calibrate`"
    assert set(FIELDS) <= set(table["fields"]) and "about" in table and table["sources"]
    for field in FIELDS:
        rules = table["rules"].get(field, {})
        assert sum(e["n_predicted"] for e in rules.values()) == table["fields"][field]["n_predicted"]
        assert sum(e["n_correct"] for e in rules.values()) == table["fields"][field]["n_correct"]
        for entry in rules.values():
            assert entry["n_correct"] <= entry["n_predicted"] and 0 <= entry["confidence"] <= 1
    cv = table["cross_validation"]["rules"]
    assert cv["n"] > 0 and 0 <= cv["brier"] <= 1


# ---------------------------------------------------------------- per-extraction verdicts

def test_judge_gives_each_predicted_extraction_the_scorers_verdict():
    pred = {"dates": [{"value": "2022-01-25", "precision": "day", "rule": "day_month"},
                      {"value": "2022-01-25", "precision": "day", "rule": "numeric_dmy"},   # same date: counted once
                      {"value": "2022-03-01", "precision": "day", "rule": "day_month"},
                      {"value": "2022", "precision": "year", "rule": "year"}],             # not scored
            "metrics": [{"kind": "money", "value": 1500.0, "rule": "money"},
                        {"kind": "duration", "value": 4, "rule": "number"}]}
    gold = {"dates": [{"value": "2022-01-25"}], "metrics": [{"kind": "money", "value": 1500}]}
    verdicts = judge(pred, gold)
    assert [v for _, v in verdicts["dates"]] == [True, True, False, None]
    assert [v for _, v in verdicts["metrics"]] == [True, None]
    assert verdicts["findings"] == []


def test_observations_of_a_record_follow_its_rules():
    record = extract_text("1. Budget\n\nRESOLVED that the budget of £1,500 for 2022/23 be approved on 25 January 2022.\n")
    data = record.model_dump(mode="json")
    gold = {"items": [{"title": "Budget"}], "metrics": [{"kind": "money", "value": 1500}],
            "dates": [{"value": "2022-01-25"}], "resolutions": [], "findings": [], "judgements": []}
    obs = observations_of(data, gold, "doc")
    by_field = {o.field: o for o in obs}
    assert by_field["metrics"].correct and by_field["dates"].correct
    assert all(o.rule for o in obs)
    assert len(collect(data, {})["metrics"]) == 1


# ---------------------------------------------------------------- records, filtering, outputs

def test_every_extraction_and_item_carries_a_confidence(seed_records):
    for record in seed_records.values():
        for item in record.items:
            assert item.rule and 0 <= item.confidence <= 1
        for group, extraction in all_extractions(record):
            assert extraction.confidence is not None and 0 <= extraction.confidence <= 1, (group, extraction.rule)


def test_drop_below_removes_doubtful_extractions_and_folds_doubtful_items(seed_records):
    record = seed_records["001"].model_copy(deep=True)
    confidences = sorted({e.confidence for _, e in all_extractions(record)})
    threshold = confidences[len(confidences) // 2]
    before = sum(1 for _, e in all_extractions(record) if e.confidence >= threshold)
    drop_below(record, threshold)
    kept = list(all_extractions(record))
    assert kept and all(e.confidence >= threshold for _, e in kept) and len(kept) == before
    # an item below the threshold hands its extractions to the item before it
    record = extract_text(THREE_ITEMS)
    assert len(record.items) == 3
    dates = sum(len(i.dates) for i in record.items)
    record.items[1].confidence = 0.0
    drop_below(record, 0.01)
    assert [i.index for i in record.items] == [0, 1] and [i.number for i in record.items] == ["1", "3"]
    assert sum(len(i.dates) for i in record.items) == dates
    for item in record.items:  # the item before the dropped one now spans its text
        assert all(item.span.start <= e.span.start < item.span.end for e in item.dates + item.metrics)


THREE_ITEMS = """1. Apologies

Apologies were received from Councillor Patel on 12 March 2023.

2. Budget monitoring

RESOLVED that the overspend of £1.2 million at 31 March 2023 be noted.

3. Fostering annual report

The committee heard that 45 foster carers were approved in 2022/23.
"""


def test_extract_min_confidence_option(tmp_path):
    fixture = next(FIXTURES.glob("001*.txt"))
    runner = CliRunner()
    full, high = tmp_path / "all.jsonl", tmp_path / "high.jsonl"
    assert runner.invoke(app, ["extract", str(fixture), "-o", str(full), "--quiet", "--jobs", "1"]).exit_code == 0

    def confidences(path: Path) -> list[float]:
        record = json.loads(path.read_text().splitlines()[0])
        return [x["confidence"] for group in ("findings", "metrics", "dates", "resolutions", "judgements")
                for x in collect(record, {}).get(group, [])]

    # a threshold just above the lowest confidence in the full run: at least that extraction must go
    threshold = min(confidences(full)) + 0.0001
    result = runner.invoke(app, ["extract", str(fixture), "-o", str(high), "--quiet", "--jobs", "1",
                                 "--min-confidence", str(threshold)])
    assert result.exit_code == 0, result.output
    assert min(confidences(high)) >= threshold
    assert len(confidences(high)) < len(confidences(full))


def test_exports_summary_and_review_carry_confidence(seed_records, tmp_path):
    pytest.importorskip("pyarrow")
    from minutes_extract.export import export_tables
    from minutes_extract.review import render_html
    from minutes_extract.review import summarise
    import pyarrow.csv as pcsv

    record = seed_records["001"]
    records = tmp_path / "r.jsonl"
    records.write_text(record.model_dump_json() + "\n")
    export_tables(records, tmp_path / "csv", "csv")
    findings = pcsv.read_csv(tmp_path / "csv" / "findings.csv").to_pylist()
    items = pcsv.read_csv(tmp_path / "csv" / "items.csv").to_pylist()
    assert findings and all(0 <= row["confidence"] <= 1 for row in findings)
    assert items and all(row["rule"] and 0 <= row["confidence"] <= 1 for row in items)
    assert 'class=conf title="confidence"' in render_html(record)
    assert "(1.00)" in summarise(records) or "(0." in summarise(records)


# ---------------------------------------------------------------- reliability on the annotated sets

@pytest.fixture(scope="module")
def annotated_observations(shared, nlp):
    from minutes_extract.extract import extract_path
    obs = []
    for name in ("dev", "train"):
        base = shared / "eval" / name
        golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (base / "gold").glob("*.json")}
        for path in sorted((base / "texts").iterdir()):
            if path.stem not in golds:
                continue
            for record in extract_path(path, nlp):
                if hasattr(record, "items"):
                    obs += observations_of(record.model_dump(mode="json"), golds[path.stem], path.stem)
    councils = json.loads((shared / "eval" / "councils.json").read_text(encoding="utf-8"))
    return obs, councils


def equal_count_precisions(pairs: list[tuple[float, bool]], bands: int) -> list[float]:
    """The precision of each of `bands` equal-sized groups of (confidence, correct), lowest confidence first."""
    ranked = sorted(pairs, key=lambda pair: pair[0])
    size = len(ranked) // bands
    groups = [ranked[i * size:(i + 1) * size if i < bands - 1 else len(ranked)] for i in range(bands)]
    return [sum(correct for _, correct in group) / len(group) for group in groups]


def test_equal_count_precisions_rank_groups_by_confidence():
    pairs = [(0.5, False), (0.9, True), (0.6, True), (0.95, True), (0.55, False), (0.99, True)]
    assert equal_count_precisions(pairs, 2) == [1 / 3, 1.0]


def test_higher_confidence_bands_are_more_often_right_on_held_out_councils(annotated_observations):
    obs, councils = annotated_observations
    strength = (shipped_table() or {}).get("strength", 4)
    pairs = cross_validated(obs, councils, strength)
    cv = reliability(pairs)
    # equal-count bands (quartiles of the held-out confidence): fixed edges leave a band of a few dozen
    # extractions whose precision is noise, and the mass moves between edges at every recalibration
    quartiles = equal_count_precisions(pairs, 4)
    assert quartiles[-1] > quartiles[0] + 0.03, quartiles
    for lower, higher in zip(quartiles, quartiles[1:]):
        assert higher >= lower - 0.01, quartiles
    # the rules tell more than the field alone, and the figures are calibrated
    field_only = reliability(cross_validated([Observation(o.doc, o.field, o.field, o.correct) for o in obs],
                                             councils, strength))
    assert cv["brier"] <= field_only["brier"], (cv["brier"], field_only["brier"])
    assert cv["ece"] < 0.05, cv
