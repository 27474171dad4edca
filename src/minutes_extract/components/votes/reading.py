"""find_votes: the votes in a document's blocks, read in order within each item.

A vote is built from up to four parts, each found on its own: a proposal ("X proposed, and Y seconded
the motion that ..."), the chair putting something to the vote ("the Chairman put the amendment set out
in paragraph 15 to the vote"), a tally ("For (51)" with the names under it, or "by 5 votes to 3") and an
outcome ("Motion carried.", "Agreed unanimously.", "Voting: Unanimous"). A put opens a vote, an outcome
closes one; a proposal waits until something refers to it (by its paragraph number, or by being the
latest one), and a proposal never put is agreed when its form says so or a decision follows it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional

from ...matching import lowered
from .rules import VoteRules, admits

SIDES = ("for", "against", "abstain")


UNLOWERED: Optional[str] = object()  # type: ignore[assignment]  # Block.low not given


@dataclass
class Block:
    start: int
    end: int
    text: str
    item: int
    # lowered(text), once for the gates of every part read from the block: the caller may pass its slice of the
    # document's lower-cased text (the gates only look for ASCII words in it), else it is worked out here
    low: Optional[str] = UNLOWERED

    def __post_init__(self):
        if self.low is UNLOWERED:
            self.low = lowered(self.text)


@dataclass
class Motion:
    """What a proposal and a vote both hold: where, the rule that read it, its kind and its subject."""
    start: int
    end: int
    rule: str
    kind: str
    subject: str


@dataclass
class Proposal(Motion):
    block: int
    unstated: str
    proposer: Optional[str] = None
    seconder: Optional[str] = None
    number: Optional[str] = None
    used: bool = False
    vote: Optional["Vote"] = None


@dataclass
class Vote(Motion):
    item: int
    proposer: Optional[str] = None
    seconder: Optional[str] = None
    outcome: Optional[str] = None
    counts: dict = field(default_factory=dict)
    recorded: dict = field(default_factory=dict)
    proposal: Optional[Proposal] = None
    side: Optional[str] = None  # the tally side whose names are being read
    resolution: Optional[tuple[int, int]] = None


class _Item:
    """What one item's walk holds: proposals waiting, the vote open, the votes made."""

    def __init__(self):
        self.pending: list[Proposal] = []
        self.open: Optional[Vote] = None
        self.votes: list[Vote] = []
        self.decisions: list[int] = []  # starts of decisions in the item


def find_votes(blocks: list[Block], rules: VoteRules, decisions: list[tuple[int, int]]) -> list[Vote]:
    """Every vote in `blocks` (document order). `decisions`: (start, end) of the resolutions found."""
    decision_starts = sorted(start for start, _ in decisions)
    votes: list[Vote] = []
    state, item = _Item(), None
    for i, block in enumerate(blocks):
        if block.item != item:
            votes += _finish(state, rules)
            state, item = _Item(), block.item
        _read_block(blocks, i, state, rules, _decision_in(block, decision_starts, rules))
    votes += _finish(state, rules)
    for vote in votes:
        vote.subject = _clean(vote.subject, rules)
    return votes


def _decision_in(block: Block, starts: list[int], rules: VoteRules) -> bool:
    """Whether a resolution starts in the block, or the block opens a decision the resolutions left out."""
    k = bisect_left(starts, block.start)
    return (k < len(starts) and starts[k] < block.end) or bool(rules.decision.match(block.text))


def _read_block(blocks: list[Block], i: int, state: _Item, rules: VoteRules, is_decision: bool) -> None:
    """One block, read as the first of: a tally line, the names under one, a proposal, a put, an outcome,
    a decision."""
    block = blocks[i]
    if is_decision:
        state.decisions.append(block.start)
    if _tally_line(block, state, rules):
        return
    if _names_line(block, state, rules):
        return
    if _proposal(blocks, i, state, rules):
        return
    if _put(block, state, rules):
        return
    if _outcome(blocks, i, state, rules):
        return
    if is_decision:
        _decided(block, state)
    elif state.open is not None and state.open.outcome is None and _inline_tally(block, state.open, rules):
        state.open.end = max(state.open.end, block.end)


# --- the parts -------------------------------------------------------------------------------------------

def _tally_line(block: Block, state: _Item, rules: VoteRules) -> bool:
    """'For (51)', 'Against: 3', 'Abstain (2)' with any names after it: a count of the vote open."""
    m = rules.tally_header.match(block.text)
    if not m:
        return False
    count = m.group("count") or m.group("count2")
    vote = state.open
    if vote is None or vote.outcome is not None:
        if count is None or not _latest_unused(state):
            return False
        vote = _open_from(_latest_unused(state), state, block.start)
    side = rules.side_words.get(m.group("side").lower())
    if side is None:
        return False
    if count is not None:
        vote.counts[side] = int(count)
    vote.side = side
    vote.end = max(vote.end, block.end)
    names = m.group("names") or ""
    _names_and_outcome(block, block.start + m.start("names"), names, vote, state, rules)
    return True


def _names_line(block: Block, state: _Item, rules: VoteRules) -> bool:
    """The names listed under a tally line (the last of them may run into 'Amendment lost.')."""
    vote = state.open
    if vote is None or vote.side is None or vote.outcome is not None:
        return False
    cut = _first_outcome(block.text, rules, block.low)
    names = block.text[:cut.start()] if cut else block.text
    if not _looks_like_names(names, rules) and not (cut and not names.strip()):
        return False
    _names_and_outcome(block, block.start, block.text, vote, state, rules)
    return True


def _names_and_outcome(block: Block, offset: int, text: str, vote: Vote, state: _Item, rules: VoteRules) -> None:
    cut = _first_outcome(text, rules)
    names = text[:cut.start()] if cut else text
    if vote.side and _looks_like_names(names, rules):
        vote.recorded.setdefault(vote.side, []).extend(_names(names, rules))
    if cut:
        _close(vote, rules.outcome_of(cut.match) or "agreed", offset + cut.end(), state, rules, cut.rule)


def _proposal(blocks: list[Block], i: int, state: _Item, rules: VoteRules) -> bool:
    block = blocks[i]
    if not admits(rules.proposal_gate, block.text, block.low):  # each form needs one of these words: skip its searches
        return False
    for form, gate in zip(rules.proposals, rules.proposal_gates):
        m = gate.search(block.text, block.low)
        if not m:
            continue
        groups = m.groupdict()
        subject = (groups.get("subject") or "").strip()
        tail = block.text[m.end():] if not subject else subject
        inline = rules.inline_outcome.search(tail)
        if inline and subject:
            subject = subject[:inline.start()].rstrip(" ,;")  # "... beyond 4.30pm and it was agreed unanimously."
            subject = rules.subject_tail.sub("", subject)
        if len(subject.split()) < 4 and form.id != "proposed_from_chair":
            subject = f"{subject} {_following_text(blocks, i, rules)}".strip()  # "... the above motion that Cabinet." then its clauses
        kind = form.kind or rules.kind_of(groups.get("kind"), subject)
        number = rules.paragraph_number.match(block.text)
        proposal = Proposal(block.start + m.start(), block.end, form.id, kind, subject, block=i, unstated=form.unstated,
                            proposer=_person(groups.get("proposer")), seconder=_person(groups.get("seconder")),
                            number=number.group("n") if number else None)
        _drop_open(state)
        state.pending.append(proposal)
        outcome = form.outcome or (rules.outcome_of(inline) if inline else None)
        if outcome:
            vote = _open_from(proposal, state, proposal.start)
            _close(vote, outcome, block.end, state, rules, form.id)
        return True
    return False


def _put(block: Block, state: _Item, rules: VoteRules) -> bool:
    """The chair putting a motion, an amendment or part of one to the vote: opens a vote (or confirms one
    already closed: 'Amendment carried.' then 'the Chairman put the amendment ... and it was agreed')."""
    m = rules.put_gate.search(block.text, block.low)
    if not m:
        return False
    subject = m.group("subject").strip()
    subject = rules.subject_tail.sub("", subject)
    substantive = bool(rules.substantive.search(subject))
    ref = rules.paragraph_ref.search(m.group(0))  # "the substantive motion as set out in Item 6, paragraph 4"
    target = _numbered(state, ref.group("n")) if ref else (None if substantive else _latest_unused(state))
    word = _kind_word(subject, rules)
    if target is not None and target.vote is not None and target.vote.outcome is not None and not substantive:
        target.vote.end = max(target.vote.end, block.end)  # the same vote reported again
        return True
    _drop_open(state)
    if target is not None and not (substantive and target.kind != "motion"):
        vote = _open_from(target, state, block.start)
        if substantive:
            vote.kind = "motion"
    else:
        vote = Vote(block.start, block.end, "put_to_the_vote", rules.kind_of(word, subject), subject, block.item)
        state.open = vote
        if target is not None:
            target.used = True
    vote.rule = "put_to_the_vote" if vote.rule == "proposal" else vote.rule
    if not vote.subject or substantive and target is not None and target.kind != "motion":
        vote.subject = subject
    vote.end = max(vote.end, block.end)
    tail = m.group("tail") or ""
    _inline_tally(block, vote, rules)
    inline = rules.inline_outcome.search(tail)
    if inline:
        _close(vote, rules.outcome_of(inline) or "agreed", block.end, state, rules, None)
    else:
        cut = _first_outcome(tail, rules)
        if cut:
            _close(vote, rules.outcome_of(cut.match) or "agreed", block.end, state, rules, None)
    return True


def _outcome(blocks: list[Block], i: int, state: _Item, rules: VoteRules) -> bool:
    block = blocks[i]
    found = _first_outcome(block.text, rules, block.low)
    if not found:
        return False
    form, m = found.form, found.match
    outcome = form.outcome or rules.outcome_of(m) or "agreed"
    end = block.start + m.end()
    if form.amendment_only:
        amendment = next((p for p in reversed(state.pending) if p.kind == "amendment" and not p.used), None)
        if amendment is None:
            return False
        _close(_open_from(amendment, state, amendment.start), outcome, end, state, rules, form.id)
        return True
    vote = state.open if state.open is not None and state.open.outcome is None else None
    if vote is None and _latest_unused(state):
        vote = _open_from(_latest_unused(state), state, block.start)
    if vote is None:
        if form.needs_open:
            return False
        subject = (m.groupdict().get("subject") or "").strip()
        word = _kind_word(subject, rules)
        following = rules.following_kind.match(block.text[m.end():])
        if following:  # "the Committee unanimously agreed the following motion:" then the motion
            word, subject = following.group(1), _following_text(blocks, i, rules)
        vote = Vote(block.start + m.start(), end, form.id, rules.kind_of(word, subject),
                    "" if subject.lower() in ("motion", "amendment") else subject, block.item)
        state.open = vote
    _inline_tally(block, vote, rules)
    if form.from_tally and m.group("outcome") and m.group("outcome").lower() == "for":
        outcome = _by_tally(vote)
    _close(vote, outcome, end, state, rules, form.id)
    return True


def _by_tally(vote: Vote) -> str:
    """A tally with no outcome word: carried when more voted for than against, else lost (agreed: no tally)."""
    if "for" not in vote.counts:
        return "agreed"
    return "carried" if vote.counts["for"] > vote.counts.get("against", 0) else "lost"


def _decided(block: Block, state: _Item) -> None:
    """A decision after a motion put without a stated outcome, or after a proposal: it was agreed."""
    vote = state.open
    if vote is not None and vote.outcome is None:
        vote.outcome = "agreed"
        if vote.rule == "proposal" and vote.proposal is not None:
            vote.rule = vote.proposal.rule
        state.votes.append(vote)
        state.open = None
        return
    proposal = _latest_unused(state)
    if proposal is not None and proposal.unstated != "drop":
        vote = _open_from(proposal, state, proposal.start)
        vote.end = proposal.end
        vote.outcome = "agreed"
        vote.rule = proposal.rule
        state.votes.append(vote)
        state.open = None


def _finish(state: _Item, rules: VoteRules) -> list[Vote]:
    """The item ends: proposals whose form records an agreed decision (or a decision after them) count."""
    _drop_open(state)
    for proposal in state.pending:
        if proposal.used:
            continue
        decided_after = any(start > proposal.start for start in state.decisions)
        if proposal.unstated == "agreed" or (proposal.unstated == "resolution" and decided_after):
            vote = Vote(proposal.start, proposal.end, proposal.rule, proposal.kind, proposal.subject, -1,
                        proposal.proposer, proposal.seconder, "agreed", proposal=proposal)
            proposal.used = True
            state.votes.append(vote)
    return sorted(state.votes, key=lambda v: (v.end, v.start))  # in the order they were decided


# --- helpers ---------------------------------------------------------------------------------------------

@dataclass
class _Found:
    form: object
    match: re.Match

    def start(self) -> int:
        return self.match.start()

    def end(self) -> int:
        return self.match.end()

    @property
    def rule(self) -> str:
        return self.form.id


_UNREAD = object()  # `low` not given: lowered(text) is worked out here


def _first_outcome(text: str, rules: VoteRules, low=_UNREAD) -> Optional[_Found]:
    """The earliest outcome statement in `text` (the first rule wins a tie). `low`: lowered(text), when the
    caller has it."""
    low = lowered(text) if low is _UNREAD else low
    if not admits(rules.outcome_gate, text, low):  # each form needs one of these words: skip its searches
        return None
    best = None
    for form, gate in zip(rules.outcomes, rules.outcome_gates):
        m = gate.search(text, low)
        if m and (best is None or m.start() < best.match.start()):
            best = _Found(form, m)
    return best


def _open_from(proposal: Proposal, state: _Item, start: int) -> Vote:
    _drop_open(state, keep=proposal.vote)
    vote = proposal.vote or Vote(min(start, proposal.start), proposal.end, "proposal", proposal.kind, proposal.subject,
                                 -1, proposal.proposer, proposal.seconder, proposal=proposal)
    if start - proposal.end > 1500:
        vote.start = start  # a long motion between: the vote's text is the putting and the result
    proposal.used = True
    proposal.vote = vote
    state.open = vote
    return vote


def _close(vote: Vote, outcome: str, end: int, state: _Item, rules: VoteRules, rule: Optional[str]) -> None:
    vote.outcome = vote.outcome or outcome
    vote.end = max(vote.end, end)
    vote.side = None
    if rule and vote.rule in ("proposal",):
        own = vote.proposal is None or rule == vote.proposal.rule
        vote.rule = rule if own else f"{vote.proposal.rule}+{rule}"
    elif vote.rule == "proposal" and vote.proposal is not None:
        vote.rule = vote.proposal.rule
    if vote not in state.votes:
        state.votes.append(vote)
    if state.open is vote:
        state.open = None
    if vote.kind == "amendment" and vote.outcome in ("carried", "agreed", "unanimous"):
        for p in state.pending:  # the motion it amended is now the substantive motion, voted on as such
            if p.kind == "motion" and not p.used and (vote.proposal is None or p.start < vote.proposal.start):
                p.used = True


def _drop_open(state: _Item, keep: Optional[Vote] = None) -> None:
    """A vote put but never decided is no vote (the minutes do not say how it went)."""
    if state.open is not None and state.open is not keep and state.open.outcome is None:
        state.open = None


def _latest_unused(state: _Item) -> Optional[Proposal]:
    return next((p for p in reversed(state.pending) if not p.used), None)


def _numbered(state: _Item, n: str) -> Optional[Proposal]:
    return next((p for p in reversed(state.pending) if p.number == n), None)


def _kind_word(subject: str, rules: VoteRules) -> Optional[str]:
    low = subject.lower()
    hits = [(low.find(word), word) for word in rules.kind_words if word in low]
    return min(hits)[1] if hits else None


def _inline_tally(block: Block, vote: Vote, rules: VoteRules) -> bool:
    for _, regex in rules.tallies:
        m = regex.search(block.text)
        if m:
            for side in SIDES:
                value = m.group(side)
                if value is not None:
                    vote.counts[side] = int(value) if value.isdigit() else 0
            return True
    return False




def _looks_like_names(text: str, rules: VoteRules) -> bool:
    pieces = [p for p in rules.name_split.split(text.strip().rstrip(".")) if p and p.strip()]
    if not pieces:
        return False
    good = sum(1 for p in pieces if rules.name_piece.match(p.strip()))
    return good >= 0.8 * len(pieces)


def _names(text: str, rules: VoteRules) -> list[str]:
    pieces = [p.strip() for p in rules.name_split.split(text.strip().rstrip(".")) if p and p.strip()]
    out: list[str] = []
    for piece in pieces:
        if rules.honorific_only.match(piece) and out:
            out[-1] = f"{out[-1]}, {piece}"  # "Sir Paul Carter, CBE": an honour after a comma
        else:
            out.append(piece)
    return out


def _person(text: Optional[str]) -> Optional[str]:
    return re.sub(r"\s+", " ", text).strip() if text else None


def _following_text(blocks: list[Block], i: int, rules: VoteRules) -> str:
    """The motion's text printed under its proposal: the next blocks in the item, labels skipped."""
    out, j = "", i + 1
    while j < len(blocks) and blocks[j].item == blocks[i].item and len(out) < rules.subject_max_chars and j <= i + 4:
        text = blocks[j].text.strip()
        if (rules.put.search(text) or rules.tally_header.match(text) or _first_outcome(text, rules)
                or any(form.regex.search(text) for form in rules.proposals)):
            break
        if not rules.skip_label.match(text):
            out = f"{out} {rules.decision_label.sub('', text, count=1)}".strip()
        j += 1
    return out


def _clean(subject: str, rules: VoteRules) -> str:
    subject = re.sub(r"\s+", " ", subject or "").strip().lstrip(",;:-– ").strip("\"“”‘’'").strip()
    if len(subject) > rules.subject_max_chars:
        cut = subject.rfind(" ", 0, rules.subject_max_chars)
        subject = subject[: cut if cut > 0 else rules.subject_max_chars]
    return subject
