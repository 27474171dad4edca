"""The inspection-unit benchmark (eval/inspection_units.py) stays at or above its floor (eval/floor-inspection.json).

The five real Ofsted reports live outside the project (/work/shared/realdocs/ofsted): skipped without them.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _benchmark():
    spec = importlib.util.spec_from_file_location("inspection_units", ROOT / "eval" / "inspection_units.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labels_are_offsets_and_hashes_only():
    rows = [json.loads(line) for line in (ROOT / "eval" / "inspection-units" / "labels.jsonl").read_text().splitlines()]
    assert rows and all(set(r) == {"file", "start", "end", "pool", "label", "sha1"} for r in rows)
    assert {r["label"] for r in rows} <= {"strength", "development", "none"}


def test_inspection_units_at_floor():
    bench = _benchmark()
    if not bench.available():
        pytest.skip(f"{bench.REPORTS} absent")
    result = bench.run()
    assert result["stale_labels"] == 0  # the reports' text as labelled
    floor = json.loads((ROOT / "eval" / "floor-inspection.json").read_text())
    low = {k: (result[k], v) for k, v in floor.items() if not k.startswith("_") and result[k] < v}
    assert not low, low
