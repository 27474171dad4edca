"""Shared fixtures: one pipeline per test session, the seed fixtures, and ../shared when present."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
SEEDS = sorted(FIXTURES.glob("0*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from minutes_extract.pipeline import build_pipeline
    return build_pipeline()


@pytest.fixture(scope="session")
def seed_records(nlp):
    """DocumentRecord per seed fixture, keyed by the seed number ("000" ... "004")."""
    from minutes_extract.extract import extract_path
    return {p.name[:3]: next(extract_path(p, nlp)) for p in SEEDS}


@pytest.fixture(scope="session")
def shared():
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not beside this clone")
    return SHARED


def all_extractions(record):
    """(group, extraction) for every extraction in a record, items and unassigned."""
    groups = ("resolutions", "findings", "metrics", "dates", "judgements", "inspections")
    for holder in [*record.items, record.unassigned]:
        for group in groups:
            for extraction in getattr(holder, group):
                yield group, extraction


@pytest.fixture(scope="session")
def finder():
    """The judgement finder built from the shipped rules (one per session; it keeps no state between texts)."""
    from minutes_extract.components.judgements import JudgementFinder, JudgementRules
    from minutes_extract.rules import load_json
    return JudgementFinder(JudgementRules(load_json("rules/judgements.json")))
