"""Permissive schemas for the rule files being reworked on other branches (segmenter, findings, lexicons):
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
    "findings": (
        "description", "lexicons", "weights", "min_weight", "scope_words", "clause_break", "negation_break",
        "heading_link_before", "heading_link_after", "executive_name", "councillor_name",
        "terminal_punctuation", "list_marker", "sibling_marker", "unit_prefix", "intro_end", "question_end",
        "default_development_lead", "attribution", "skip_sections", "min_unit_words", "title_words",
        "on_time", "time_unit", "topic_object", "topic_content", "higher_is_better", "lower_is_better",
        "open_words", "concession_words", "negation_words", "bullet_glyph", "label_prefix",
        "soft_exclusions", "service_item", "item_window", "reporters", "list_item_sentences",
        "list_item_words", "name_sections", "direct_speech", "heading_words", "anaphoric_intro",
    ),
}


def draft_schema(file: str) -> type[BaseModel]:
    """A permissive schema for models/rules/<file>.json: its known top-level keys, any value."""
    fields = {key: (Optional[Any], described(f"Top-level key of {file}.json (TODO: describe).", default=None))
              for key in DRAFT_KEYS[file]}
    return create_model(f"{file.capitalize()}RulesDraft", __base__=Permissive, **fields)


class LexiconRowDraft(Permissive):  # TODO(lead): a Strict schema per lexicon (rows of models/lexicons/*.jsonl)
    """One row of a lexicon: any keys, for now."""
