"""MetricRules: models/rules/metrics.json compiled once (regexes, anchors, word sets)."""
from __future__ import annotations

import re

from ...matching import AnchoredRegex, Anchors, expand_fragments
from ...values.numbers import NUMBER_WORDS_PATTERN
from .patterns import After, Before, _alternation

_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s|[A-Z]{1,6}[’']s")  # "KPIs", and with an apostrophe: "eight Annex O’s"


class MetricRules:
    def __init__(self, rules: dict):
        fragments = dict(rules.get("fragments", {}), NUMBER_WORDS=NUMBER_WORDS_PATTERN,
                         MONEY_SUBJECT_WORDS="|".join(rules.get("money_subject_words", [])))
        rules = {k: expand_fragments(v, fragments) if k.endswith(("_before", "_after")) and isinstance(v, str) else v
                 for k, v in rules.items()}
        self.anchors = Anchors(rules.get("anchors", {}))
        self.candidates = [(c["id"], c["kind"], AnchoredRegex(c, fragments)) for c in rules.get("candidates", [])]
        self.exclude_text = [AnchoredRegex(e, fragments) for e in rules.get("exclude_text", [])]
        compiled = {k: re.compile(v) for k, v in rules.items() if isinstance(v, str) and k.endswith(
            ("_before", "_after", "_cue", "_word", "_context", "_preposition", "_per", "_like", "_number"))}
        self.__dict__.update(compiled)
        reach = int(rules.get("before_reach", 40))
        words = _alternation(rules.get("label_words", []))
        abbreviations = _alternation(rules.get("label_abbreviations", []))
        tail = rules.get("label_list_tail", "")
        # "Section 20", "paragraphs 12 and", "para. 3" (a number just after a duration is no label: "12 months 340")
        # (an abbreviation never follows an apostrophe: "the Trust's three sites" is no "s. 3")
        label = rf"(?i:\b(?<!\d\s)(?:{words}s?|(?<![’']){abbreviations}\.?)\s*<<TAIL>>)$"
        # a list after a label: "paragraphs 12, 13 and", "para. 3, 4 or"; an abbreviation glued to its number
        # ("Q1", "KS2") starts no list: "987 in Q1, 1,110 in Q2" are counts after labels, not more labels
        listed = rf"(?i:\b(?<!\d\s)(?:{words}s?\s*|(?<![’']){abbreviations}(?:\.\s*|\s+)){tail})$"
        self.label_before = Before([listed], 90)
        # a label with no list tail is short; only a list item's end just before calls for the long search
        self.label_list_end = re.compile(rules.get("label_list_end", "$^"))
        vetoes = [label.replace("<<TAIL>>", "")] + [rules[k] for k in rules.get("vetoes_before", [])]
        self.vetoes_before = Before(vetoes, reach)
        self.vetoes_after = After([rules[k] for k in rules.get("vetoes_after", [])])
        self.comparators_before = [(Before([p], reach), c) for p, c in rules.get("comparators_before", [])]
        self.comparators_after = [(After([p]), c) for p, c in rules.get("comparators_after", [])]
        self.modifier_before = Before([p for p, _ in rules.get("comparators_before", [])]
                                      + [rules["approximate_before"]], reach)
        self.modifier_after = After([p for p, _ in rules.get("comparators_after", [])] + [rules["approximate_after"]])
        self.approximate_after_rule = After([rules["approximate_after"]])
        self.per_after_rule = After([rules["per_after"]])
        self.approximate_before_rule = Before([rules["approximate_before"]], reach)
        widths, stops = rules.get("before_reach_wide", {}), rules.get("before_stop_characters", {})
        requires = {k: expand_fragments(v, fragments) for k, v in rules.get("before_requires", {}).items()}
        self.before = {k: Before([rules[k]], int(widths.get(k, reach)), stops.get(k, ""), requires.get(k)) for k in (
            "age_at_before", "per_before", "money_subject_before", "vote_before", "tally_label_before",
            "group_of_before", "clause_start_before", "compared_before", "carried_count_before", "ellipsis_before", "ellipsis_not_before", "gapping_before", "duration_not_comparator_before",
            "paragraph_number_before")}
        self.age_thresholds = set(rules.get("age_thresholds", []))
        self.age_range_starts = set(rules.get("age_range_starts", []))
        self.age_range_ends = set(rules.get("age_range_ends", []))
        self.time_units = rules.get("time_units", {})
        self.per_words = rules.get("per_words", {})
        self.stop_words = set(rules.get("stop_words", []))
        self.irregular_plurals = set(rules.get("irregular_plurals", []))
        self.not_plural = set(rules.get("not_plural", []))
        self.noncount_heads = set(rules.get("noncount_heads", []))
        self.caseload_units = set(rules.get("caseload_units", []))
        self.caseload_carry = int(rules.get("caseload_carry_sentences", 2))
        self.max_modifiers = int(rules.get("max_modifiers", 4))
        self.comparative_modifiers = set(rules.get("modifiers_not_before_than", []))
        self.modifier_pairs = {tuple(pair) for pair in rules.get("np_modifier_pairs", [])}
        self.subject_skip_words = set(rules.get("subject_skip_words", []))
        self.vote_reach = int(rules.get("vote_context_reach", 400))
        self.procedural_heads = set(rules.get("procedural_heads", []))
        self.bracketed_count_nouns = set(rules.get("bracketed_count_nouns", []))
        self.respectively = [w.lower() for w in rules.get("respectively_words", [])]
        self.directions = {w.lower(): direction for direction, words in rules.get("money_directions", {}).items()
                           for w in words}
        direction_words = "|".join(sorted((re.escape(w).replace("\\ ", "\\s+") for w in self.directions),
                                          key=len, reverse=True))
        modifiers = "|".join(map(re.escape, rules.get("money_direction_after_modifiers", [])))
        reach = int(rules.get("money_direction_reach", 40))
        # "an overspend of £2m", "savings of £3m" (the nearest word before: .* runs to the last one) ...
        self.direction_before = Before([rf"(?i:.*\b(?P<word>{direction_words})\b[^£.;]{{0,{reach}}})$"],
                                       reach + 30, "£.;")
        # ... or "a £2m overspend", "£1.2m in-year pressure" (the word just after wins)
        self.direction_after = After([rf"^(?i:\s*(?:(?:{modifiers})\s+){{0,3}}(?P<word>{direction_words})\b)"])
        self.tally_subjects = rules.get("tally_subjects", {})
        self.money_word_verb_before = set(rules.get("money_word_verb_before", []))
        self.money_subject_word = re.compile(rf"(?i:\b(?:{'|'.join(rules.get('money_subject_words', []))})\b)")
        self.table_figure = re.compile(rules.get("table_figure", "$^"))
        self.table_row_max_words = int(rules.get("table_row_max_words", 8))
        self.table_row_not = re.compile(rules.get("table_row_not", "$^"))
        self.change_from_before = re.compile(rules.get("change_from_before", "$^"))
        self.change_to_before = re.compile(rules.get("change_to_before", "$^"))
        self.clause_split = re.compile(rules.get("clause_split", "$^"))
        self.table_cell_separator = re.compile(rules.get("table_cell_separator", "$^"))
        self.row_label_split = re.compile(rules.get("row_label_split", "$^"))
        self.table_min_cells = int(rules.get("table_min_cells", 3))
        self.range_split_by_min_ratio = float(rules.get("range_split_by_min_ratio", 2))
        self.copula_subject_words = int(rules.get("copula_subject_words", 5))
        self.table_money_units = [(re.compile(unit), float(scale)) for unit, scale in rules.get("table_money_units", [])]
        self.table_money_unit = re.compile("|".join(f"(?:{unit})" for unit, _ in rules.get("table_money_units", [])) or "$^")
        self.table_percent_heading = re.compile(rules.get("table_percent_heading", "$^"))
        # a column's unit on a heading line laid out in spaces: money or "%" (`£000  £000  %`), in order
        self.table_column_unit = re.compile("|".join(f"(?:{u})" for u in [unit for unit, _ in rules.get("table_money_units", [])] + [rules.get("table_percent_heading", "$^")]))
        self.table_trailing_figure = re.compile(rules.get("table_trailing_figure", "$^"))
        self.table_count_heading = re.compile(rules.get("table_count_heading", "$^"))
        self.table_not_count_heading = re.compile(rules.get("table_not_count_heading", "$^"))
        self.table_proportion_label = re.compile(rules.get("table_proportion_label", "$^"))
        self.table_fractional_count_heading = re.compile(rules.get("table_fractional_count_heading", "$^"))
        self.table_category_corner = re.compile(rules.get("table_category_corner", "$^"))
        self.table_time_qualifier = re.compile(rules.get("table_time_qualifier", "$^"))
        self.fractional_count_noun = re.compile(rules.get("fractional_count_noun", "$^"))
        self.whole_of_count_gap = re.compile(rules.get("whole_of_count_gap", "$^"))
        self.respectively_word = re.compile(rf"(?i:\b(?:{'|'.join(self.respectively)})\b)")

    def is_plural(self, word: str) -> bool:
        if word[-1] == "s" and word[0].isupper() and _ACRONYM_PLURAL.fullmatch(word):  # "KPIs", "EHCPs", "IRO's"
            return True
        w = word.lower().rstrip("’'")
        parts = w.split("-")
        if len(parts) > 1:  # "runners-up", "mid-way" (the plural is the head part)
            w = parts[0] if parts[-1] in ("up", "on", "in", "by", "off", "out") else parts[-1]
        if w in self.irregular_plurals:
            return True
        return (len(w) > 2 and w.endswith("s") and w not in self.not_plural
                and not w.endswith(("ss", "us", "is", "’s", "'s")))
