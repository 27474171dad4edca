"""The resolution rule file compiled (ResolutionRules: triggers and clause shapes) and the block,
decision and trigger types. No document is walked here."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ...matching import RuleFields, expand_fragments, trie_pattern
from ...matching.ends import closing_character
from .markers import _MARKER


@dataclass
class Block:
    start: int
    end: int
    text: str
    label: str
    section: Optional[str]   # kind of the section heading above it inside its item
    item: int                # index of the item containing it (-1: before the first item)


@dataclass
class Decision:
    verb: str
    rule: str
    start: int
    end: int
    clauses: list[str] = field(default_factory=list)
    copies: list[tuple[int, int]] = field(default_factory=list)
    item: int = -1  # index of the item holding it: a copy is looked for in the same item only


@dataclass
class Trigger:
    id: str
    where: str
    pattern: re.Pattern
    needs: tuple[str, ...] = ()  # the pattern cannot match a line holding none of these
    verb: Optional[str] = None   # for a pattern with no verb of its own ("Decision:" ... "That the Board:")
    next: Optional[str] = None   # "decision_clause": fires only when the block after it is worded as a decision
    rest: Optional[str] = None   # "decision_clause": fires only when the words after it on the line are worded as one


class ResolutionRules(RuleFields):
    furniture_max_words: int = 10
    furniture_max_lines: int = 3
    page_furniture: re.Pattern
    carried_motion: re.Pattern
    carried_vote: re.Pattern
    decision_word: re.Pattern
    embedded_label: re.Pattern
    heading_verbs: dict[str, str]
    decision_record: re.Pattern
    decision_record_lines: int = 20
    decision_table_header: re.Pattern
    reported_decision: re.Pattern
    quoted_decision_heading: re.Pattern
    cell_participle_verb: re.Pattern
    recommendation_table_header: re.Pattern
    recommendation_table_row: re.Pattern
    that_run_excludes: re.Pattern
    clause_marker: re.Pattern
    decision_sections: set[str]
    duplicate_threshold: int
    subheading_max_words: int = 8
    not_subheading: re.Pattern
    restated_decision: re.Pattern  # "The recommendations were agreed.": the item's decision said again
    bare_that: re.Pattern  # "THAT" alone on the line after "RESOLVED"

    def __init__(self, rules: dict):
        super().__init__(rules)
        self.triggers = [Trigger(t["id"], t["where"], re.compile(t["pattern"]), tuple(t.get("needs", ())), t.get("verb"),
                                 t.get("next"), t.get("rest")) for t in rules["triggers"]]
        # Lower-cased, every trigger's needs: a line holding none of them is not tried at all.
        if all(t.needs for t in self.triggers):
            self.trigger_words: Optional[tuple[str, ...]] = tuple({w.lower() for t in self.triggers for w in t.needs})
        else:
            self.trigger_words = None
        # Every trigger's needs as written: which of them a line holds is found once per line, not per trigger.
        self.needed_words = tuple(sorted({w for t in self.triggers for w in t.needs}))
        self.needs_scan, self.needs_at = _word_scan(self.needed_words)
        participles = "|".join(map(re.escape, rules.get("decision_participles", ["noted", "approved", "agreed"])))
        capitalised = "|".join(re.escape(w[:1].upper() + w[1:])
                               for w in rules.get("bare_decision_participles", ["noted", "approved", "agreed"]))
        bare = "|".join(map(re.escape, rules.get("bare_decision_participles", ["noted", "approved", "agreed"])))
        fragments = {"PARTICIPLES": participles, "CAPITALISED_PARTICIPLES": capitalised, "BARE_PARTICIPLES": bare}
        self.decision_list = re.compile(expand_fragments(rules["decision_list_clause"], fragments))
        self.decision_clause = re.compile(expand_fragments(rules["decision_clause"], fragments))
        # Under a decision label or heading the label itself says "decision": an infinitive of any verb ("To
        # extend the framework ...") or a bare participle ("Deferred to the next meeting", "Noted.") is one too.
        self.heading_clause = re.compile(expand_fragments(rules["heading_clause"], fragments))
        self.whole_decision_word = re.compile(expand_fragments(rules["whole_decision_word"], fragments))
        # "(c) the contract be awarded ...;": a clause with its own subject and a passive decision verb
        self.subjunctive_clause = re.compile(expand_fragments(rules["subjunctive_clause"], fragments))
        self.decision_label = re.compile(rules["decision_label_line"])
        self.narrative_intro = re.compile(rules["narrative_list_intro"], re.I)
        self.passive_list = re.compile(rules["passive_list_clause"])
        self.glued_heading = re.compile(rules["glued_decision_heading"])
        self.glued_heading_end = closing_character(self.glued_heading)  # the ":" every glued heading ends with
        self.inline_split = re.compile(rules["inline_clause_split"])
        self.recommendation_intro = re.compile(rules["recommendation_intro"], re.I)
        self.cut_off_min_words = rules["cut_off_clause"]["min_words"]
        self.cut_off_last_word = re.compile(rules["cut_off_clause"]["last_word"])

    def trigger(self, block: Block, after: Optional[Block] = None) -> Optional[tuple[Trigger, re.Match]]:
        held = self.held_words(block.text)
        if self.trigger_words and not held:
            return None  # every trigger needs one of the words and the line holds none
        for trig in self.triggers:
            if trig.needs and held.isdisjoint(trig.needs):
                continue
            if not self.allowed(trig.where, block):
                continue
            m = trig.pattern.match(block.text)
            if (m and (trig.next is None or self.next_allows(trig.next, block, after))
                    and (trig.rest is None or self.worded_as(trig.rest, block.text[m.end():])) and not self.reported(m)):
                return trig, m
        return None

    def glued_heading_in(self, text: str) -> Optional[re.Match]:
        """glued_heading.search(text), skipped on a line that does not end as every match does."""
        if self.glued_heading_end is not None and not text.rstrip().endswith(self.glued_heading_end):
            return None
        return self.glued_heading.search(text)

    def held_words(self, text: str) -> set[str]:
        """The triggers' needs that `text` holds ({w for w in needed_words if w in text}), in one scan."""
        if self.needs_scan is None:
            return set()
        return {w for found in set(self.needs_scan.findall(text)) for w in self.needs_at[found]}

    def worded_as(self, shape: str, text: str) -> bool:
        """Is `text` worded as a decision clause ("decision_clause"), or as one under a decision label
        ("heading_clause": the decision clause shapes, an infinitive of any verb, a bare participle)?"""
        return bool(self.decision_clause.match(text) or (shape == "heading_clause" and self.heading_clause.match(text)))

    def reported(self, m: re.Match) -> bool:
        """"The Cabinet had RESOLVED ...", "Council, at its meeting on 5 May, AGREED ...": another body's
        decision reported, not this meeting's."""
        return "verb" in m.re.groupindex and bool(self.reported_decision.search(m.string, 0, m.start("verb")))

    def trigger_at(self, blocks: list[Block], i: int) -> Optional[tuple[Trigger, re.Match]]:
        return self.trigger(blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None)

    def next_allows(self, condition: str, block: Block, after: Optional[Block]) -> bool:
        """"The Policy and Resources Committee –" introduces a decision only when a decision follows it; a bare
        "The Committee" only when a marked decision clause follows ("(1) received the report; and")."""
        if after is None or after.item != block.item or after.label == "heading" or not self.decision_clause.match(after.text):
            return False
        return condition == "decision_clause" or (condition == "marked_decision_clause" and bool(_MARKER.match(after.text)))

    def allowed(self, where: str, block: Block) -> bool:
        if where == "any":
            return True
        if where == "decision":
            return block.section in self.decision_sections
        if where == "pre_minutes":
            return block.section != "minutes"
        return False

    def is_clause(self, block: Block) -> bool:
        return block.label == "bullet" or bool(self.clause_marker.match(block.text))

    def split_clauses(self, text: str) -> list[str]:
        parts = [p.strip(" ;,") for p in self.inline_split.split(text) if p.strip(" ;,")]
        return parts or [text]


def _word_scan(words: tuple[str, ...]) -> tuple[Optional[re.Pattern], dict[str, tuple[str, ...]]]:
    """A scan finding, at every place one of `words` starts, the longest of them there, and for each such
    longest word the words it starts with: every word a text holds, overlapping ones too, in one pass."""
    if not words:
        return None, {}
    longest_first = sorted(words, key=len, reverse=True)
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    # the longest word at the place, as a flat longest-first alternation reads it but branching a character at a
    # time (the flat one tried every word at every letter it could start: half again the scan's time)
    alternatives = trie_pattern(longest_first, literal_spaces=True)
    # the look-behind steps back over the letter just read, so the look-ahead starts on it
    scan = re.compile(f"[{firsts}](?<=(?=({alternatives}))(?s:.))")
    return scan, {w: tuple(v for v in words if w.startswith(v)) for w in words}
