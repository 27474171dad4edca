"""Schema of models/rules/votes.json (minutes_votes)."""
from __future__ import annotations

from typing import Literal, Optional

from .base import Regex, RuleFile, Strict, described

VoteKind = Literal["motion", "amendment", "recommendation", "procedural"]
VoteOutcome = Literal["carried", "lost", "agreed", "withdrawn", "unanimous"]
Unstated = Literal["agreed", "resolution", "drop"]


class ProposalRule(Strict):
    id: str = described("Rule name recorded on the votes this proposal starts.")
    pattern: Regex = described("Regex (<<NAME>> fragments expanded) for a proposal; groups `proposer`, `seconder`, "
                               "`kind`, `subject` (the motion's text when it follows on the same line).")
    kind: Optional[VoteKind] = described("The vote's kind when the pattern fixes it.", default=None)
    outcome: Optional[VoteOutcome] = described("The outcome the pattern itself states ('X suggested and Cabinet "
                                               "agreed to the following amendment').", default=None)
    unstated: Unstated = described(
        "A proposal no outcome follows: 'agreed' (its form records an agreed decision), 'resolution' (agreed when a "
        "decision follows it in the item), 'drop' (not a vote).")


class OutcomeRule(Strict):
    id: str = described("Rule name recorded on the vote this outcome closes.")
    pattern: Regex = described("Regex for an outcome statement; groups `outcome` (a word of `outcome_words`), "
                               "`unanimous`, `subject` (motion/amendment/recommendations).")
    needs_open: bool = described("Only an outcome of a proposal or a vote already open ('Agreed.' on its own).",
                                 default=False)
    amendment_only: bool = described("Closes the latest amendment proposed ('agreed to the amendment').",
                                     default=False)
    outcome_from_tally: bool = described("With a tally and no outcome word ('Voting: For - 7, Against - 2'): carried "
                                         "when more voted for than against, else lost.", default=False)
    outcome: Optional[VoteOutcome] = described("The outcome whatever the matched word ('RESOLVED (by 7 votes to 3)': "
                                               "carried).", default=None)


class TallyRule(Strict):
    id: str = described("Rule name of a tally written in a sentence.")
    pattern: Regex = described("Regex with groups `for`, `against`, `abstain` (numbers).")


class VotesRules(RuleFile):
    fragments: dict[str, Regex] = described("Regex fragments used as <<NAME>> in the patterns below.")
    prefilter: Regex = described("Case-insensitive regex: a document holding no match has no vote.")
    proposal_gate: Regex = described("Case-insensitive regex every proposal form needs a match of (a word each "
                                     "form requires): a block without one is not searched for proposals.")
    outcome_gate: Regex = described("Case-insensitive regex every outcome form needs a match of (a word each form "
                                    "requires): a text without one is not searched for outcomes.")
    proposals: list[ProposalRule] = described("Proposal forms (moved/proposed and seconded), tried in order.")
    put: Regex = described("Case-insensitive regex for the chair putting something to the vote; groups `subject` "
                           "and `tail` (what follows: an outcome or 'the voting was as follows').")
    paragraph_ref: Regex = described("Case-insensitive regex for 'paragraph N' in a subject (group `n`).")
    paragraph_number: Regex = described("A block's own paragraph number ('15)', '(4)', '6.'), group `n`.")
    substantive: Regex = described("Case-insensitive: a subject naming the substantive motion (a vote of its own).")
    tally_header: Regex = described("A tally line of a recorded vote ('For (51)', 'Against: 3', 'Abstain (2)'); "
                                    "groups `side`, `count`, `names`.")
    tallies: list[TallyRule] = described("Tallies written in a sentence ('by 5 votes to 3').")
    outcomes: list[OutcomeRule] = described("Outcome statements, tried in order on each block.")
    inline_outcome: Regex = described("Case-insensitive outcome in the rest of a put or proposal sentence "
                                      "('... and it was agreed unanimously'); groups `outcome`, `unanimous`.")
    outcome_words: dict[str, VoteOutcome] = described("Outcome word (lower case) -> outcome.")
    side_words: dict[str, Literal["for", "against", "abstain"]] = described("Tally side word (lower case) -> side.")
    kind_words: dict[str, VoteKind] = described("Kind word in a subject (lower case) -> kind.")
    procedural: Regex = described("Case-insensitive: a subject about the meeting itself (chair, extending the "
                                  "meeting, putting the question, minutes) makes a procedural vote.")
    decision: Regex = described("A block opening a decision (RESOLVED, AGREED, 'That ... be approved') when the "
                                "resolutions component left it out.")
    decision_label: Regex = described("A decision's label opening the text under a proposal ('Resolved -'), left "
                                      "out of the subject.")
    skip_label: Regex = described("A label line inside a motion's text, skipped for its subject ('Proposed Purpose:').")
    name_split: Regex = described("Separator of the names listed under a tally line.")
    name_piece: Regex = described("One name of a list under a tally line ('Mr Baker', 'Sir Paul Carter').")
    following_kind: Regex = described("Case-insensitive, after an outcome: 'the following motion' (group 1: its kind); "
                                      "the subject is the text printed next.")
    subject_tail: Regex = described("Case-insensitive: words cut from the end of a subject ('to the vote', 'and').")
    honorific_only: Regex = described("A piece of a name list that is a title or honour, not a name ('CBE').")
    link_reach: int = described("Most characters from a vote's end to the start of the decision it produced.")
    link_back_reach: int = described("Most characters from a decision's end back to a vote printed under it "
                                     "('Voting: Unanimous').")
    subject_max_chars: int = described("Longest subject kept, in characters.")
