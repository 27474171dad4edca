"""Schema of models/rules/resolutions.json (minutes_resolutions)."""
from __future__ import annotations

from typing import Literal

from ..records import ResolutionVerb
from .base import Regex, RuleFile, Strict, described


class Trigger(Strict):
    id: str = described("Rule name, carried by each decision as its provenance.")
    where: Literal["any", "decision", "pre_minutes"] = described(
        "Where the trigger may fire: anywhere, under a decision section, or outside the Minutes section.")
    pattern: Regex = described("Regex matched at the start of a block (group `verb`: the decision verb).")
    needs: list[str] = described("Strings one of which the block must hold for the pattern to be tried.",
                                 default_factory=list)
    verb: ResolutionVerb | None = described("The verb of a pattern with no `verb` group of its own.", default=None)
    next: Literal["decision_clause", "marked_decision_clause"] | None = described(
        "Fires only when the next block is worded as a decision (or a marked one).", default=None)
    rest: Literal["decision_clause", "heading_clause"] | None = described(
        "Fires only when the words after the match on the line are worded as a decision (heading_clause: as one "
        "under a decision label).", default=None)


class CutOffClause(Strict):
    min_words: int = described("A last clause shorter than this is never taken for one cut off by the end.")
    last_word: Regex = described("A word that cannot end a clause ('the', 'of'): the document stopped inside it.")


class ResolutionsRules(RuleFile):
    triggers: list[Trigger] = described("Decision openers (RESOLVED, AGREED ...), tried in order on each block.")
    decision_list_clause: Regex = described(
        "A 'That ... be noted' clause of a decision list (<<PARTICIPLES>>: decision_participles).")
    clause_marker: Regex = described("A list marker that makes a block a clause ('(a)', 'ii.', '3)').")
    inline_clause_split: Regex = described("Where clauses printed on one line are split ('... (b) ...').")
    recommendation_intro: Regex = described("'is asked to', 'recommended to': a Recommendations section's lead-in.")
    decision_sections: list[str] = described("Section kinds (from the segmenter) whose text is a decision.")
    duplicate_threshold: int = described("rapidfuzz partial ratio (0-100) at or above which two decisions are copies.")
    subheading_max_words: int = described("Longest subheading (in words) kept inside a decision's clauses.",
                                          default=8)
    decision_participles: list[str] = described(
        "Past participles of decisions ('noted', 'approved'), for <<PARTICIPLES>>.",
        default_factory=lambda: ["noted", "approved", "agreed"])
    decision_clause: Regex = described("A block worded as a decision clause (<<PARTICIPLES>>: decision_participles).")
    passive_list_clause: Regex = described("The first clause of a passive decision list ('1. The report be noted').")
    embedded_label: Regex = described("A label ('Minutes', 'Reasons for decision') that ends a decision mid-line.")
    glued_decision_heading: Regex = described("A decision heading glued to the text before it on one line.")
    heading_verbs: dict[str, ResolutionVerb] = described(
        "Decision heading word (lower case) -> the verb it stands for.")
    decision_record: Regex = described("A decision record page's header line ('Decision Maker:').")
    decision_record_lines: int = described("Blocks at the top searched for decision_record.", default=20)
    decision_table_header: Regex = described(
        "The header row of a table of items whose last column is the decision ('Item Subject Outcome').")
    reported_decision: Regex = described("Before a verb: another body's decision reported ('The Cabinet had').")
    quoted_decision_heading: Regex = described(
        "A short dated line over a decision ('Cabinet, 9 July 2025 (Minute 12 refers)', groups `day`, `month`, `year`): when its date "
        "is not the meeting's, the decision under it is an earlier one quoted, not this meeting's.")
    recommendation_table_header: Regex = described(
        "The header row of a two-column table pairing each recommendation with the body's decision on it "
        "('Recommendation | Decision'): the rows under it are one decision.")
    recommendation_table_row: Regex = described(
        "A row of such a table (groups `rec`, `dec`; 'To approve the plan | Approved').")
    cell_participle_verb: Regex = described(
        "A verb written as a word of a sentence ('Recommended'): in a decision table's cell it opens the cell's own "
        "decision, which is kept whole ('Recommended to Council for adoption.').")
    not_subheading: Regex = described("A block that is a sentence or a quotation, not a subheading.")
    restated_decision: Regex = described(
        "A decision that only says the item's recommendations were agreed ('The recommendations were agreed.', "
        "lower-cased): after the item's own decision it is a copy of it, not another decision.")
    bare_that: Regex = described(
        "A line holding only 'THAT' (or 'That:') after a verb on its own line: it leads in to the clauses below it "
        "and is neither a clause nor part of the decision's text.")
    cut_off_clause: CutOffClause = described("How a last clause cut off by the end of the document is recognised.")
    that_run_excludes: Regex = described(
        "Modal or finite verbs that make a 'That ...' block narrative, not a decision.")
    subjunctive_clause: Regex = described("A marked clause with its own subject and a passive decision verb.")
    decision_label_line: Regex = described(
        "A decision label on a line of its own, not read as a heading ('Decision of the Cabinet', 'Outcome').")
    narrative_list_intro: Regex = described("A lead-in to a list of comments or questions (not decisions).")
    page_furniture: Regex = described("A page number line inside a decision ('Page 5 of 8').")
    carried_motion: Regex = described(
        "A motion moved (and seconded) in narrative, up to its that-clause ('It was moved by Cllr A, seconded by "
        "Cllr B, that'): group `that` starts the clause.")
    carried_vote: Regex = described(
        "The vote that carried a motion ('On being put to the vote the motion was CARRIED'), searched after it.")
    decision_word: Regex = described(
        "A decision verb anywhere in a line ('... CARRIED and it was RESOLVED that'): the motion is not the decision.")
    heading_clause: Regex = described(
        "Beyond decision_clause, a clause worded as a decision only under a decision label or heading: an "
        "infinitive ('To extend ...') or a capitalised participle ('Deferred ...'; <<CAPITALISED_PARTICIPLES>>).")
    whole_decision_word: Regex = described("A one-word clause that is a whole decision ('Noted.').")
    bare_decision_participles: list[str] = described(
        "Participles that are a decision on their own under a decision label ('Noted.', 'Deferred to ...'), "
        "for <<CAPITALISED_PARTICIPLES>>.", default_factory=lambda: ["noted", "approved", "agreed"])
    furniture_max_words: int = described(
        "Longest line (in words) read as a running page header between two numbered clauses of a decision.",
        default=10)
    furniture_max_lines: int = described("Most page header/footer lines between two numbered clauses.", default=3)
