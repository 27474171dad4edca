"""Schema of models/rules/inspections.json (minutes_inspections)."""
from __future__ import annotations

from typing import Literal

from ..records import InspectionKind
from .base import Regex, RuleFile, StartStrings, Strict, described

RuleKind = Literal[InspectionKind, Literal["generic"]]  # "generic": an unnamed inspection, its kind read from context


class KindPattern(Strict):
    kind: RuleKind = described("The inspection kind a match names ('generic': decided by its dates and context).")
    pattern: Regex = described("Regex for a mention of an inspection of this kind.")


class InspectionsRules(RuleFile):
    prefilter: Regex = described("A line holding no match of this holds no inspection mention.")
    prefilter_starts: StartStrings = described("What every prefilter match starts with.")
    kinds: list[KindPattern] = described("Kind patterns, tried in order on each sentence.")
    generic_context_exclude: Regex = described("Words that make a generic inspection someone else's (schools ...).")
    sif_until_year: int = described("An unnamed Ofsted inspection up to this year is a SIF, later an ILACS.")
    planned: Regex = described("Future wording in a mention's clause: the inspection is planned.")
    completed: Regex = described("Past wording in a mention's clause: the inspection is completed.")
    focus: Regex = described("'focused on ...': the focus of a visit (group `focus`).")
    focus_after_mention: Regex = described("'... visit in May on care leavers': a focus straight after the mention.")
    focus_max_chars: int = described("Longest focus kept, in characters.")
    list_intro: Regex = described("End of a line that introduces a list of foci (':').")
    list_item: Regex = described("A list item line (group `text`).")
    list_max_items: int = described("At most this many list items are read as foci.")
    focus_line: Regex = described("A next line stating the focus ('The focus of the visit was: ...', group `focus`).")
    date_chain_gap: int = described(
        "Most characters between a mention (or its last date) and a further date it takes "
        "('22 February and 16 March').")
    named_for_generic: list[InspectionKind] = described(
        "Named kinds an unnamed mention after them refers back to (the latest named).")
