"""Permissive schemas for the rule files being reworked on other branches (segmenter, resolutions,
judgements, inspections, findings, lexicons): each names its file's top-level keys (all optional, any
value) and accepts any other key, so only the file's JSON shape (an object per file or per row) is checked.
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
    "resolutions": (
        "description", "triggers", "decision_list_clause", "clause_marker", "inline_clause_split",
        "recommendation_intro", "decision_sections", "duplicate_threshold", "subheading_max_words",
        "decision_participles", "decision_clause", "passive_list_clause", "embedded_label",
        "glued_decision_heading", "heading_verbs", "decision_record", "decision_record_lines",
        "reported_decision", "not_subheading", "cut_off_clause", "that_run_excludes",
    ),
    "judgements": (
        "description", "fragments", "grades", "grade_prefilter", "grade_prefilter_starts", "areas", "cues",
        "accept_after_grade", "forecast", "negation", "national", "excluded_subject", "survey_rating",
        "vague_subject", "all_subject", "overall_subject", "area_subject", "including_area", "apart_from",
        "subject_boundary", "relative_pronoun", "quantifier", "pronoun_subject", "determiner", "year",
        "table_row", "table_context", "not_table_area", "inspection_context", "inspection_context_starts",
        "context_window", "forecast_window", "alternatives_after", "alternatives_before", "other_scale",
        "grade_abbreviations", "entity_head", "area_of_service", "unmarked_noun_needs", "table_area_share",
        "area_list_before", "list_splits", "grade_alone", "row_marker", "forecast_after", "pronoun_object",
        "noun_modifier_exclude", "strong_unmarked_needs", "excepted_before", "area_subtitle",
        "area_qualifier", "standard_area", "grade_ends", "other_scale_document", "four_point_document",
        "row_verb_tail", "area_service_head", "named_subject", "areas_after_noun", "area_list_after",
        "fronted_participle", "subject_after", "list_subject_boundary", "list_separator", "list_gap_words",
        "area_after_grade", "as_were_area", "clause_subordinator", "past_finite", "one_of_set",
        "one_of_head", "coordinated_tail", "self_assessed", "agency_named", "agency_exclude", "agency_rules",
    ),
    "inspections": (
        "description", "prefilter", "prefilter_starts", "kinds", "generic_context_exclude",
        "sif_until_year", "planned", "completed", "focus", "focus_after_mention", "focus_max_chars",
        "list_intro", "list_item", "list_max_items", "focus_line", "date_chain_gap", "named_for_generic",
    ),
    "findings": (
        "description", "lexicons", "weights", "min_weight", "scope_words", "clause_break", "negation_break",
        "heading_link_before", "heading_link_after", "executive_name", "councillor_name",
        "terminal_punctuation", "list_marker", "sibling_marker", "unit_prefix", "intro_end", "question_end",
        "default_development_lead", "attribution", "skip_sections", "min_unit_words", "title_words",
        "on_time", "time_unit", "topic_object", "topic_content", "higher_is_better", "lower_is_better",
        "open_words", "concession_words", "negation_words", "bullet_glyph", "label_prefix",
        "soft_exclusions", "service_item", "item_window", "reporters", "list_item_sentences",
        "list_item_words", "name_sections",
    ),
}


def draft_schema(file: str) -> type[BaseModel]:
    """A permissive schema for models/rules/<file>.json: its known top-level keys, any value."""
    fields = {key: (Optional[Any], described(f"Top-level key of {file}.json (TODO: describe).", default=None))
              for key in DRAFT_KEYS[file]}
    return create_model(f"{file.capitalize()}RulesDraft", __base__=Permissive, **fields)


class LexiconRowDraft(Permissive):  # TODO(lead): a Strict schema per lexicon (rows of models/lexicons/*.jsonl)
    """One row of a lexicon: any keys, for now."""
