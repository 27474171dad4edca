"""rules: locate, load and validate every rule file, in one place. Components never read files:
build_pipeline() passes each the validated rules it needs.

Rule files live in the repository's models/ directory, and ship inside the wheel as
minutes_extract/models/ (see pyproject's force-include), so `pip install .` works outside the repo.
MINUTES_EXTRACT_RULES=DIR (or build_pipeline(rules_dir=DIR)) reads them from DIR instead, a user's
edited copy of models/, validated the same way.

Modules: base (Strict/Permissive models, shared shapes), metrics / dates / meeting / resolutions /
judgements / inspections / findings / confidence (full schemas; findings also its lexicons' rows),
segmenter / votes / calendar, schemas (file -> schema).
Kinds and roles the schemas share with the code are in kinds.py.
What the rules mean lives in the components, not here.
"""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, Union

from pydantic import BaseModel, ValidationError

from ..errors import RuleFileError
from .calendar import CALENDAR_FILE, calendar_fragments, month_numbers
from .schemas import LEXICON_SCHEMAS, schema_for

RULES_ENV = "MINUTES_EXTRACT_RULES"
RulesDir = Optional[Union[str, Path]]


def models_dir(rules_dir: RulesDir = None) -> Path:
    """The models/ directory in use: `rules_dir`, else $MINUTES_EXTRACT_RULES, else the shipped one."""
    chosen = rules_dir or os.environ.get(RULES_ENV)
    if chosen:
        root = Path(chosen).expanduser()
        if not (root / "rules").is_dir():
            raise RuleFileError(f"{root}: no rules/ directory here (from {'rules_dir' if rules_dir else RULES_ENV})")
        return root
    packaged = Path(__file__).resolve().parents[1] / "models"
    if (packaged / "rules").is_dir():
        return packaged
    repo = Path(__file__).resolve().parents[3] / "models"
    if (repo / "rules").is_dir():
        return repo
    raise RuleFileError("rule files not found: expected minutes_extract/models or <repo>/models")


def rule_path(name: str, rules_dir: RulesDir = None) -> Path:
    """`name` is relative to models/, e.g. "rules/segmenter.json" or "lexicons/findings.jsonl"."""
    return models_dir(rules_dir) / name


def load_json(name: str, rules_dir: RulesDir = None) -> Any:
    """Rule file `name`, validated against its schema (the same object on every call)."""
    return _load_json(str(rule_path(name, rules_dir)), name)


def load_jsonl(name: str, rules_dir: RulesDir = None, schema: Optional[type[BaseModel]] = None) -> list:
    """The rows of JSONL rule file `name` ("//" lines are comments), each a JSON object validated against
    `schema` when given (a lexicon named under a key of a rule file), else against the file's own."""
    return _load_jsonl(str(rule_path(name, rules_dir)), name, schema)


def load_jsonl_file(path: Path, schema: type[BaseModel]) -> list:
    """The rows of a JSONL data file outside a rules directory (the archive's gazetteer), read and
    validated exactly like a rule file's rows."""
    return _load_jsonl(str(path), Path(path).name, schema)


def lexicon_rows(rule_file: str, key: str, name: str, rules_dir: RulesDir = None) -> list:
    """The rows of lexicon `name`, named under `key` of rule file `rule_file`, validated by that key's schema."""
    return load_jsonl(name, rules_dir, LEXICON_SCHEMAS.get(rule_file, {}).get(key))


@lru_cache(maxsize=None)
def _load_json(path: str, name: str) -> Any:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RuleFileError(f"{path}: rule file missing") from exc
    except json.JSONDecodeError as exc:
        raise RuleFileError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from exc
    if name != CALENDAR_FILE:
        data = _with_calendar(data, Path(path).parents[len(Path(name).parts) - 1], path)
    validate(name, data, path)
    return data


_CALENDAR_PLACEHOLDER = re.compile(r"<<(calendar:\w+)>>")


def _with_calendar(data: Any, root: Path, path: str) -> Any:
    """`data` with every <<calendar:NAME>> placeholder replaced from rules/calendar.json (in `root`, the
    models/ directory the file is in): month names are written there only."""
    if "<<calendar:" not in json.dumps(data, ensure_ascii=False):
        return data
    fragments = calendar_fragments(_load_json(str(root / CALENDAR_FILE), CALENDAR_FILE))

    def expand(match: re.Match) -> str:
        if match.group(1) not in fragments:
            raise RuleFileError(f"{path}: unknown placeholder <<{match.group(1)}>> "
                                f"(calendar.json gives {', '.join(sorted(fragments))})")
        return fragments[match.group(1)]

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            return _CALENDAR_PLACEHOLDER.sub(expand, node)
        if isinstance(node, list):
            return [walk(x) for x in node]
        if isinstance(node, dict):
            return {key: walk(value) for key, value in node.items()}
        return node
    return walk(data)


def month_table(rules_dir: RulesDir = None) -> dict[str, int]:
    """Lower-case month name or abbreviation -> number, from rules/calendar.json."""
    return month_numbers(load_json(CALENDAR_FILE, rules_dir))


@lru_cache(maxsize=None)
def _load_jsonl(path: str, name: str, schema: Optional[type[BaseModel]] = None) -> list:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise RuleFileError(f"{path}: rule file missing") from exc
    rows = []
    first_line_of: dict[str, int] = {}  # row id -> its line: an id names one row (provenance, calibration)
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RuleFileError(f"{path}:{lineno}: invalid JSON: {exc.msg}") from exc
        if not isinstance(row, dict):
            raise RuleFileError(f"{path}:{lineno}: key '(top level)': a row must be a JSON object")
        validate(name, row, f"{path}:{lineno}", schema)
        row_id = row.get("id")
        if isinstance(row_id, str):
            if row_id in first_line_of:
                raise RuleFileError(f"{path}:{lineno}: key 'id': '{row_id}' is already the id of line {first_line_of[row_id]}")
            first_line_of[row_id] = lineno
        rows.append(row)
    return rows


def validate(name: str, data: Any, where: str, schema: Optional[type[BaseModel]] = None) -> None:
    """Checks `data` (a file, or one row of a JSONL file) against `schema`, else the schema of rule file
    `name`; the data itself is used as it is (validation never rewrites it). Raises RuleFileError naming
    `where` (the file, and for a JSONL row its line) and the first bad key."""
    schema = schema or schema_for(name)
    if schema is None:
        return
    try:
        schema.model_validate(data)
    except ValidationError as exc:
        raise RuleFileError(f"{where}: {_problems(exc)}") from None


def _problems(exc: ValidationError, shown: int = 3) -> str:
    """The bad keys, a misspelt (unknown) key first: "key 'x': unknown key (misspelt?); key 'y': missing"."""
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    said = []
    for error in errors[:shown]:
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        what = {"extra_forbidden": "unknown key (misspelt?)", "missing": "missing"}.get(error["type"], error["msg"])
        said.append(f"key '{key}': {what}")
    more = len(errors) - shown
    return "; ".join(said) + (f"; and {more} more" if more > 0 else "")


def validate_all(rules_dir: RulesDir = None) -> None:
    """Loads (so validates) every rule file: a user's mistake is found before any document is read."""
    root = models_dir(rules_dir)
    for path in all_rule_files(rules_dir):
        name = path.relative_to(root).as_posix()
        if schema_for(name) is not None:
            (load_json if path.suffix == ".json" else load_jsonl)(name, rules_dir)
    for rule_file in LEXICON_SCHEMAS:  # the lexicons each rule file names, whatever they are called
        lexicons = load_json(rule_file, rules_dir).get("lexicons", {})
        for key, name in lexicons.items():
            if isinstance(name, str):
                lexicon_rows(rule_file, key, name, rules_dir)


def all_rule_files(rules_dir: RulesDir = None) -> list[Path]:
    root = models_dir(rules_dir)
    return sorted(p for p in root.rglob("*") if p.suffix in (".json", ".jsonl"))
