"""Locate and load every rule file, in one place. Components never read files: build_pipeline()
passes each the validated rules it needs.

Rule files live in the repository's models/ directory, and ship inside the wheel as
minutes_extract/models/ (see pyproject's force-include), so `pip install .` works outside the repo.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import RuleFileError


def models_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "models"
    if (packaged / "rules").is_dir():
        return packaged
    repo = Path(__file__).resolve().parents[2] / "models"
    if (repo / "rules").is_dir():
        return repo
    raise RuleFileError("rule files not found: expected minutes_extract/models or <repo>/models")


def rule_path(name: str) -> Path:
    """`name` is relative to models/, e.g. "rules/segmenter.json" or "lexicons/findings.jsonl"."""
    return models_dir() / name


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    path = rule_path(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RuleFileError(f"{path}: rule file missing") from exc
    except json.JSONDecodeError as exc:
        raise RuleFileError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from exc


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> list:
    path = rule_path(name)
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise RuleFileError(f"{path}: rule file missing") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise RuleFileError(f"{path}:{lineno}: invalid JSON: {exc.msg}") from exc
    return rows


def require_keys(name: str, data: dict, keys: list[str]) -> dict:
    missing = [k for k in keys if k not in data]
    if missing:
        raise RuleFileError(f"{rule_path(name)}: missing keys {', '.join(missing)}")
    return data


def all_rule_files() -> list[Path]:
    root = models_dir()
    return sorted(p for p in root.rglob("*") if p.suffix in (".json", ".jsonl"))
