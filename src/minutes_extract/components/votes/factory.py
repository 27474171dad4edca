"""The minutes_votes spaCy factory: the segmenter's blocks and the resolutions in, spans of `votes` out."""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401
from ...extensions import document_text
from ...matching import document_lower
from ..base import ExtractionComponent, Found
from ...matching.blocks import block_bounds
from .reading import SIDES, UNLOWERED, Block, Vote, find_votes
from .rules import VoteRules

LINKED_OUTCOMES = ("carried", "agreed", "unanimous")  # a vote that passed produced the decision after it


class VotesComponent(ExtractionComponent):
    group = "votes"
    compiled_rules = VoteRules

    def find(self, doc: Doc) -> Iterator[Found]:
        text = document_text(doc)
        low = document_lower(doc, text)  # "": not had (each block then lowers its own text)
        if not self.rules.may_hold_votes(text, low):
            return
        item_starts = sorted(s.start_char for s in doc.spans.get("items", []))
        blocks = []
        for start, end, _ in block_bounds(doc):
            block_low = low[start:end] if low else UNLOWERED
            blocks.append(Block(start, end, text[start:end], _item_at(item_starts, start), block_low))
        decisions = sorted((s.start_char, s.end_char) for s in doc.spans.get("resolutions", []))
        votes = find_votes(blocks, self.rules, decisions)
        for k, vote in enumerate(votes):
            nxt = votes[k + 1].end if k + 1 < len(votes) else len(text)
            index, decision = _resolution_index(vote, decisions, item_starts, nxt, self.rules)
            yield vote.start, vote.end, vote.rule, _payload(vote, index, decision, text, self.rules.subject_max_chars)


def _item_at(item_starts: list[int], pos: int) -> int:
    return bisect_right(item_starts, pos) - 1


def _resolution_index(vote: Vote, decisions: list[tuple[int, int]], item_starts: list[int], next_vote: int,
                      rules: VoteRules):
    """The index, among its item's resolutions, of the decision a passed vote produced: the first one after
    it (before the next vote's end) in the same item, else the one just before it ('Voting: Unanimous' under the
    decision, '(Proposed from the Chair)'). Returns (index, (start, end)) or (None, None)."""
    if vote.outcome not in LINKED_OUTCOMES:
        return None, None
    item = _item_at(item_starts, vote.start)
    same = [d for d in decisions if _item_at(item_starts, d[0]) == item]
    after = next((k for k, (s, _) in enumerate(same)
                  if vote.end <= s < min(next_vote, vote.end + rules.link_reach)), None)
    if after is not None:
        return after, same[after]
    before = [k for k, (s, _) in enumerate(same) if s < vote.start]
    if before and vote.start - same[before[-1]][1] < rules.link_back_reach:
        return before[-1], same[before[-1]]
    return None, None


def _payload(vote: Vote, index: Optional[int], decision, text: str, max_chars: int) -> dict:
    subject = vote.subject
    if not subject and decision is not None:
        subject = " ".join(text[decision[0]:decision[1]].split())[:max_chars]  # 'Voting: Unanimous': what was decided
    recorded = {side: vote.recorded.get(side, []) for side in SIDES} if vote.recorded else None
    return {"kind": vote.kind, "subject": subject or None, "proposer": vote.proposer, "seconder": vote.seconder,
            "outcome": vote.outcome, "for_": vote.counts.get("for"), "against": vote.counts.get("against"),
            "abstain": vote.counts.get("abstain"), "recorded": recorded, "resolution_index": index}


@Language.factory(
    "minutes_votes",
    requires=["doc.spans"],
    assigns=["doc.spans"],
    default_config={"rules": {}},
)
def make_votes(nlp: Language, name: str, rules: dict) -> VotesComponent:
    return VotesComponent(name, rules)
