"""The `votes` field of `minutes-extract evaluate`: matched on outcome, every tally and a fuzzy subject;
scored only against gold that has votes, so the reference fields stay as score.py gives them."""
from __future__ import annotations

import json

from minutes_extract.evaluate import score, vote_score


def test_vote_matches_on_outcome_tallies_and_subject():
    gold = {"outcome": "lost", "for": 14, "against": 45, "abstain": 4, "subject": "the amendment to the budget"}
    assert vote_score(gold, dict(gold, subject="The amendment to the budget proposed by Mr A")) >= 60
    assert vote_score(gold, dict(gold, outcome="carried")) == 0
    assert vote_score(gold, dict(gold, abstain=None)) == 0  # a tally stated in the gold must be read
    assert vote_score(gold, dict(gold, subject="the closure of the mobile library")) < 60
    assert vote_score(dict(gold, subject=None), dict(gold, subject="anything")) == 100


def _write(tmp_path, gold: dict, votes: list[dict]):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "d1.json").write_text(json.dumps(gold))
    record = {"source": {"path": "d1.txt"}, "items": [{"index": 0, "votes": votes, "resolutions": []}]}
    (tmp_path / "out.jsonl").write_text(json.dumps(record) + "\n")


def test_votes_gold_alone_is_scored_on_votes_only(tmp_path):
    vote = {"outcome": "carried", "for": 5, "against": 1, "abstain": None, "subject": "the plan", "text": "x"}
    _write(tmp_path, {"id": "d1", "votes": [vote]}, [vote, dict(vote, outcome="lost")])
    result = score(tmp_path / "out.jsonl", tmp_path / "gold")
    assert list(result["fields"]) == ["votes"]
    assert result["fields"]["votes"] == {"precision": 0.5, "recall": 1.0, "f1": 0.667, "gold": 1, "pred": 2, "tp": 1}


def test_reference_gold_has_no_votes_field(tmp_path):
    _write(tmp_path, {"id": "d1", "items": [], "resolutions": [], "findings": [], "metrics": [], "dates": [],
                      "judgements": []}, [{"outcome": "carried", "text": "x"}])
    result = score(tmp_path / "out.jsonl", tmp_path / "gold")
    assert "votes" not in result["fields"] and "resolutions" in result["fields"]
