"""minutes_votes: one test per vote form, on minutes written for these tests (not copied from any council)."""
from __future__ import annotations

import json

import pytest

from minutes_extract.extract import extract_text
from minutes_extract.records import Vote


@pytest.fixture(scope="module")
def votes_of(nlp):
    def run(text: str) -> list[Vote]:
        record = extract_text(text, nlp=nlp)
        return [v for holder in [*record.items, record.unassigned] for v in holder.votes]
    return run


def minutes(*lines: str) -> str:
    return "\n\n".join(("12. Library Opening Hours",) + lines) + "\n"


def test_recorded_vote_with_tallies_names_and_the_decision_it_produced(votes_of):
    [vote] = votes_of(minutes(
        "1) Mrs Alder proposed, and Mr Birch seconded the motion that",
        "“The Council approves the revised library opening hours.”",
        "2) Following the debate, the Chair put the motion set out in paragraph 1 to the vote and the voting was as follows:",
        "For (4)", "Mrs Alder, Mr Birch, Ms Cedar, Mr Rowan",
        "Against (2)", "Mr Hazel, Mrs Willow",
        "Abstain (1)", "Mr Elm",
        "Motion carried.",
        "3) RESOLVED that the Council approves the revised library opening hours."))
    assert (vote.kind, vote.outcome, vote.for_, vote.against, vote.abstain) == ("motion", "carried", 4, 2, 1)
    assert (vote.proposer, vote.seconder) == ("Mrs Alder", "Mr Birch")
    assert vote.subject.startswith("The Council approves the revised library opening hours")
    assert vote.recorded.for_ == ["Mrs Alder", "Mr Birch", "Ms Cedar", "Mr Rowan"]
    assert vote.recorded.against == ["Mr Hazel", "Mrs Willow"] and vote.recorded.abstain == ["Mr Elm"]
    assert vote.resolution_index == 0 and vote.rule and vote.span.end > vote.span.start


def test_amendment_lost_when_the_last_name_runs_into_the_outcome(votes_of):
    votes = votes_of(minutes(
        "4) Mr Hazel proposed and Mrs Willow seconded the following amendment:",
        "“Delete ‘revised’ and insert ‘extended’.”",
        "5) The Chair put the amendment set out in paragraph 4 to the vote and the voting was as follows:",
        "For (2)", "Mr Hazel, Mrs Willow",
        "Against (5)", "Mrs Alder, Mr Birch, Ms Cedar, Mr Rowan, Mr Elm Amendment lost."))
    [vote] = votes
    assert (vote.kind, vote.outcome, vote.for_, vote.against, vote.abstain) == ("amendment", "lost", 2, 5, None)
    assert vote.recorded.against[-1] == "Mr Elm" and vote.resolution_index is None


def test_moved_and_seconded_then_resolved_is_agreed(votes_of):
    [vote] = votes_of(minutes(
        "It was moved by Councillor Okafor, seconded by Councillor Lind and",
        "RESOLVED – That the library opening hours be extended on Saturdays."))
    assert (vote.outcome, vote.proposer, vote.seconder) == ("agreed", "Councillor Okafor", "Councillor Lind")
    assert vote.resolution_index == 0 and "Saturdays" in vote.subject


def test_put_to_the_vote_with_a_tally_in_the_sentence(votes_of):
    [vote] = votes_of(minutes(
        "Members debated the proposal at length.",
        "On being put to the vote, the recommendation was carried by 9 votes to 2 with 1 abstention."))
    assert (vote.kind, vote.outcome, vote.for_, vote.against, vote.abstain) == ("recommendation", "carried", 9, 2, 1)


def test_tally_in_brackets(votes_of):
    [vote] = votes_of(minutes(
        "Councillor Moss proposed and Councillor Pike seconded that the fees be frozen.",
        "The motion was carried (6 for, 3 against and 2 abstentions)."))
    assert (vote.outcome, vote.for_, vote.against, vote.abstain) == ("carried", 6, 3, 2)
    assert vote.subject == "the fees be frozen."


def test_voting_unanimous_under_a_decision_takes_the_decision_as_subject(votes_of):
    [vote] = votes_of(minutes(
        "Decision:",
        "RESOLVED that the Cabinet approves the library strategy for 2026 to 2030.",
        "Voting: Unanimous"))
    assert vote.outcome == "unanimous" and vote.resolution_index == 0
    assert "library strategy" in vote.subject


def test_agreed_unanimously_after_a_proposal(votes_of):
    [vote] = votes_of(minutes(
        "Mr Rowan proposed, and Ms Cedar seconded, that the Council record its thanks to the library volunteers.",
        "Agreed unanimously."))
    assert (vote.outcome, vote.proposer, vote.seconder) == ("unanimous", "Mr Rowan", "Ms Cedar")


def test_resolved_unanimously(votes_of):
    [vote] = votes_of(minutes("RESOLVED unanimously that the library strategy be adopted."))
    assert vote.outcome == "unanimous"


def test_amendment_withdrawn(votes_of):
    [vote] = votes_of(minutes(
        "Councillor Pike proposed and Councillor Moss seconded an amendment to defer the decision.",
        "After discussion, Councillor Pike withdrew the amendment."))
    assert (vote.kind, vote.outcome) == ("amendment", "withdrawn")


def test_proposed_and_seconded_labels(votes_of):
    [vote] = votes_of(minutes(
        "The minutes of the last meeting were agreed as a correct record.",
        "PROPOSED: Cllr J Frost SECONDED: Cllr K Dale"))
    assert (vote.outcome, vote.proposer, vote.seconder) == ("agreed", "Cllr J Frost", "Cllr K Dale")


def test_nomination_of_a_chair(votes_of):
    [vote] = votes_of(minutes(
        "Councillor Ann Frost was nominated for the position of Chair by Cllr Ben Dale and was seconded by "
        "Cllr Cara Moss. There being no other nominations, Councillor Frost was duly elected."))
    assert (vote.kind, vote.outcome, vote.proposer, vote.seconder) == ("procedural", "agreed", "Cllr Ben Dale", "Cllr Cara Moss")


def test_closure_motion_is_procedural(nlp):
    record = extract_text(minutes(
        "1) Mr Birch proposed, and Mrs Alder seconded the motion that “The Council adopts the plan.”",
        "2) Mr Hazel proposed and Mrs Willow seconded that the motion be put to the vote.",
        "Agreed.",
        "3) The Chair put the motion set out in paragraph 1 to the vote and it was agreed unanimously.",
        "4) RESOLVED that the Council adopts the plan."), nlp=nlp)
    votes = record.items[0].votes
    assert [(v.kind, v.outcome) for v in votes] == [("procedural", "agreed"), ("motion", "unanimous")]
    assert votes[1].proposer == "Mr Birch"
    assert record.items[0].resolutions[votes[1].resolution_index].text.startswith("the Council adopts the plan")


def test_amendment_carried_then_the_substantive_motion(votes_of):
    votes = votes_of(minutes(
        "1) Mr Birch proposed, and Mrs Alder seconded the motion that “The Council adopts the plan.”",
        "2) Ms Cedar proposed, and Mr Elm seconded the following amendment to the motion set out in paragraph 1:",
        "“The Council adopts the plan and reviews it in a year.”",
        "3) The Chair put the amendment set out in paragraph 2 to the vote and the voting was as follows:",
        "For (5)", "Against (1)", "Abstain (0)", "Amendment carried.",
        "4) The Chair put the substantive motion to the vote and the voting was as follows:",
        "For (6)", "Against (0)", "Abstain (0)", "Substantive motion carried.",
        "5) RESOLVED that the Council adopts the plan and reviews it in a year."))
    assert [(v.kind, v.outcome, v.for_, v.against, v.abstain) for v in votes] == [
        ("amendment", "carried", 5, 1, 0), ("motion", "carried", 6, 0, 0)]  # the original motion is not voted itself
    assert votes[1].resolution_index == 0 and votes[0].resolution_index is None


def test_for_key_in_the_record_and_back():
    vote = Vote(text="Motion carried.", span={"start": 0, "end": 15}, rule="motion_outcome", kind="motion",
                outcome="carried", **{"for": 3}, against=1, recorded={"for": ["Mr A"], "against": ["Mr B"]})
    data = json.loads(vote.model_dump_json())
    assert data["for"] == 3 and "for_" not in data and data["recorded"]["for"] == ["Mr A"]
    assert Vote.model_validate(data) == vote


@pytest.mark.parametrize("text", [
    "The Chair proposed that officers circulate the usage data before the next meeting.",
    "Ofsted carried out a focused visit and the findings were put to members for comment.",
    "The service lost two librarians this year; recruitment put the service under pressure.",
    "Members voted with their feet: attendance at the workshops was high.",
    "The amendments to the terms of reference were noted.",
])
def test_no_vote_in_ordinary_sentences(votes_of, text):
    assert votes_of(minutes(text)) == []


def test_unanimously_agreed_the_following_motion(votes_of):
    [vote] = votes_of(minutes(
        "Following the debate, the Committee unanimously agreed the following motion:",
        "a. That the closure of the mobile library be paused until the review has reported."))
    assert vote.outcome == "unanimous" and vote.kind == "motion"
    assert "mobile library be paused" in vote.subject


def test_motion_put_to_the_vote_and_declared_carried(votes_of):
    [vote] = votes_of(minutes(
        "Councillor Moss moved and Councillor Pike seconded that the fees be frozen for a year.",
        "The motion was put to the vote and was declared carried."))
    assert (vote.outcome, vote.proposer) == ("carried", "Councillor Moss")


def test_resolved_by_votes_to(votes_of):
    [vote] = votes_of(minutes("RESOLVED (by 7 votes to 3) that the fees be frozen for a year."))
    assert (vote.outcome, vote.for_, vote.against, vote.abstain) == ("carried", 7, 3, None)


def test_members_voted_unanimously(votes_of):
    [vote] = votes_of(minutes("Members voted unanimously to freeze the fees for a year."))
    assert vote.outcome == "unanimous"


def test_moved_and_seconder_labels(votes_of):
    [vote] = votes_of(minutes(
        "That the fees be frozen for a year.",
        "Moved: Cllr L Frost; Seconder: Cllr M Dale"))
    assert (vote.outcome, vote.proposer, vote.seconder) == ("agreed", "Cllr L Frost", "Cllr M Dale")


def test_voting_line_with_a_tally_and_no_outcome_word(votes_of):
    [vote] = votes_of(minutes(
        "RESOLVED that the library charging policy be approved.",
        "Voting: For – 7; Against – 2; Abstentions – 1"))
    assert (vote.outcome, vote.for_, vote.against, vote.abstain) == ("carried", 7, 2, 1)
    assert vote.resolution_index == 0


def test_voting_nem_con(votes_of):
    [vote] = votes_of(minutes("RESOLVED that the library charging policy be approved.", "Voting: Nem. Con."))
    assert vote.outcome == "unanimous"


def test_moved_the_recommendations_seconded_by(votes_of):
    [vote] = votes_of(minutes(
        "Councillor Frost moved the recommendations in the report, which was seconded by Councillor Dale.",
        "RESOLVED that the library charging policy be approved."))
    assert (vote.kind, vote.outcome, vote.proposer, vote.seconder) == (
        "recommendation", "agreed", "Councillor Frost", "Councillor Dale")
    assert vote.resolution_index == 0


def test_every_outcome_form_needs_a_word_of_the_outcome_gate():
    """votes.json outcome_gate lets a text without any of its words skip the outcome searches: sound only
    while every match of every outcome form holds one of them (each word one of the form's required runs
    contains, read from the pattern's parse tree)."""
    import re

    from minutes_extract.components.findings.regex_keys import required_runs
    from minutes_extract.components.votes.rules import VoteRules
    from minutes_extract.pipeline import component_rules

    rules = VoteRules(component_rules("rules/votes.json"))
    words = rules.outcome_gate.words
    assert words and all(re.fullmatch(r"[a-z]+", w) for w in words)  # plain words, found in the lower-cased text
    for form in rules.outcomes:
        required = required_runs(form.regex.pattern)
        assert required is not None, f"{form.id}: no word every match holds"
        assert all(any(w in run for w in words) for run in required[0]), f"{form.id}: {sorted(required[0])}"
    assert rules.outcome_gate.admits("The MOTION was carried") and rules.outcome_gate.admits("ſ AGREED")
    assert not rules.outcome_gate.admits("The committee noted the report.")


def test_a_word_gate_answers_as_its_regex_does():
    """matching.WordGate: the lower-cased words where they read as re.I does, the regex elsewhere."""
    import re

    from minutes_extract.matching import WordGate

    plain, regex = WordGate(re.compile("vot|carried", re.I)), WordGate(re.compile(r"vot(?:e|ing)|carried", re.I))
    assert plain.words == ("vot", "carried") and regex.words is None
    for text in ("Upon a VOTE being taken", "It was Carried.", "No decision.", "Cariſſed", "KELVIN \u212a vot"):
        for gate in (plain, regex):
            assert gate.admits(text) == (gate.gate.search(text) is not None), text
