"""Permissive schemas for the rule files being reworked on other branches (segmenter):
each names its file's top-level keys (all optional, any value) and accepts any other key, so only the
file's JSON shape (an object per file or per row) is checked.
TODO(lead): after merging those branches, write full Strict schemas (see metrics.py, dates.py) and
register them in schemas.SCHEMAS in place of these."""
from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, create_model

from .base import Permissive, described

# Top-level keys of each file as of this branch (TODO(lead): one Strict schema per file instead).
DRAFT_KEYS: dict[str, tuple[str, ...]] = {
    "segmenter": (
        "description", "section_headings", "agenda_titles", "chrome_patterns", "list_intro_cues",
        "item_patterns", "page_chrome_lines", "finite_verbs",
    ),
}


def draft_schema(file: str) -> type[BaseModel]:
    """A permissive schema for models/rules/<file>.json: its known top-level keys, any value."""
    fields = {key: (Optional[Any], described(f"Top-level key of {file}.json (TODO: describe).", default=None))
              for key in DRAFT_KEYS[file]}
    return create_model(f"{file.capitalize()}RulesDraft", __base__=Permissive, **fields)

