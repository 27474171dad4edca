"""The votes rule file compiled: proposal, put, tally and outcome patterns, and the word tables."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...matching import StartedPattern, WordGate, expand_fragments, guarded, lowered, starting_strings


@dataclass(frozen=True)
class ProposalForm:
    id: str
    regex: re.Pattern
    kind: Optional[str]
    outcome: Optional[str]
    unstated: str  # agreed | resolution | drop


@dataclass(frozen=True)
class OutcomeForm:
    id: str
    regex: re.Pattern
    needs_open: bool
    amendment_only: bool
    outcome: Optional[str]
    from_tally: bool


class StartGate:
    """pattern.search(text), tried only where one of the strings every match starts with occurs in the
    lower-cased text (`low`, lowered(text)): a case-insensitive search tries each character of the line, and
    the strings ("on", "the") are found at C speed; the first place the pattern matches at is the match search
    finds."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.starts = starting_strings(pattern)
        self.started = StartedPattern(pattern, {"lower": self.starts}) if self.starts else None
        self.guarded = guarded(pattern)  # (the same matches: where the strings cannot be used)

    def search(self, text: str, low: Optional[str]) -> Optional[re.Match]:
        if self.starts is not None and low is not None:
            if self.started is None:
                return None  # no string can start a match
            match = self.pattern.match
            for i in self.started.starts(text, low):
                m = match(text, i)
                if m:
                    return m
            return None
        return self.guarded.search(text)


def admits(gate: WordGate, text: str, low: Optional[str]) -> bool:
    """gate.admits(text), given low = lowered(text)."""
    if gate.words is None or low is None:
        return gate.gate.search(text) is not None
    return any(map(low.__contains__, gate.words))


class VoteRules:
    def __init__(self, rules: dict):
        fragments = rules.get("fragments", {})
        ci = re.IGNORECASE

        def compiled(pattern: str, flags: int = 0) -> re.Pattern:
            return re.compile(expand_fragments(pattern, fragments), flags)

        self.prefilter = StartedPattern(re.compile(rules["prefilter"], ci))
        self.proposals = [ProposalForm(p["id"], compiled(p["pattern"]), p.get("kind"), p.get("outcome"),
                                       p.get("unstated", "drop")) for p in rules["proposals"]]
        self.put = compiled(rules["put"], ci)
        self.put_gate = StartGate(self.put)
        self.paragraph_ref = compiled(rules["paragraph_ref"], ci)
        self.paragraph_number = compiled(rules["paragraph_number"])
        self.substantive = compiled(rules["substantive"], ci)
        self.tally_header = compiled(rules["tally_header"])
        self.tallies = [(t["id"], compiled(t["pattern"])) for t in rules["tallies"]]
        self.outcomes = [OutcomeForm(o["id"], compiled(o["pattern"]), bool(o.get("needs_open")),
                                     bool(o.get("amendment_only")), o.get("outcome"),
                                     bool(o.get("outcome_from_tally"))) for o in rules["outcomes"]]
        self.outcome_gates = [StartGate(o.regex) for o in self.outcomes]
        self.proposal_gates = [StartGate(p.regex) for p in self.proposals]
        self.inline_outcome = compiled(rules["inline_outcome"], ci)
        self.proposal_gate = WordGate(compiled(rules["proposal_gate"], ci))
        self.outcome_gate = WordGate(compiled(rules["outcome_gate"], ci))
        self.outcome_words: dict[str, str] = rules["outcome_words"]
        self.side_words: dict[str, str] = rules["side_words"]
        self.kind_words: dict[str, str] = rules["kind_words"]
        self.procedural = compiled(rules["procedural"], ci)
        self.decision = compiled(rules["decision"])
        self.skip_label = compiled(rules["skip_label"], ci)
        self.decision_label = compiled(rules["decision_label"])
        self.name_split = compiled(rules["name_split"])
        self.name_piece = compiled(rules["name_piece"])
        self.following_kind = compiled(rules["following_kind"], ci)
        self.subject_tail = compiled(rules["subject_tail"], ci)
        self.honorific_only = compiled(rules["honorific_only"])
        self.subject_max_chars = int(rules["subject_max_chars"])
        self.link_reach = int(rules["link_reach"])
        self.link_back_reach = int(rules["link_back_reach"])

    def may_hold_votes(self, text: str, low: Optional[str] = None) -> bool:
        """Whether the document holds any vote wording at all (most do not: they are skipped). `low`:
        lowered(text) when the caller has it (lower_text's "" counts as not had)."""
        low = low or lowered(text)
        if low is None or not self.prefilter.known:
            return bool(self.prefilter.finditer(text, low))
        match = self.prefilter.pattern.match
        for where, words in ((low, self.prefilter.lower), (text, self.prefilter.exact)):
            for word in words:  # tried where each starting string occurs: the first match is enough
                at = where.find(word)
                while at >= 0:
                    if match(text, at):
                        return True
                    at = where.find(word, at + 1)
        return False

    def outcome_of(self, match: re.Match) -> Optional[str]:
        """The outcome an outcome match states: 'unanimous' whenever it says so, else its word's outcome."""
        groups = match.groupdict()
        if any(groups.get(k) and groups[k].strip() for k in ("unanimous", "unanimous2")):
            return "unanimous"
        word = next((groups[k] for k in ("outcome", "outcome2", "elected") if groups.get(k)), None)
        if word is None:
            return None
        word = word.strip().lower()
        if word.startswith("unanim"):
            return "unanimous"
        return self.outcome_words.get(word)

    def kind_of(self, word: Optional[str], subject: str) -> str:
        """A vote's kind: procedural for business of the meeting itself, else the kind its word names."""
        if subject and self.procedural.search(subject):
            return "procedural"
        if word:
            for key, kind in self.kind_words.items():
                if key in word.lower():
                    return kind
        return "motion"
