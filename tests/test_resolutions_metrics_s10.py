"""Issue 10, session 10 (wt10-rjm, probes s10j01-s10j06, s10m01-s10m06): a ModernGov item's closing "Decision:
The recommendations were agreed." is its decision said again, not another; the Scottish "The Committee agreed to
note the report." standing alone is a decision; a report's "The Committee is recommended:" introduces its
recommendation clauses; cells whose row label ends "(%)" are percentages; "(1.2)m" and "was (£3,100)" are
negative money; a score "3 or 4" is no count; a zero vote tally is a count. Sentences written for these tests."""
from __future__ import annotations

from test_metrics import readings
from written_sentences import decisions


def test_closing_recommendations_agreed_is_the_items_decision_again(nlp):
    text = ("Harbour District Council\n\nMinutes of Cabinet\n\n"
            "12 Parking Charges 2027/28\n\nDecision:\n\nThat Cabinet:\n(a) approve the tariffs at Appendix A; and\n"
            "(b) note the consultation responses.\n\nMinutes:\n\nThe Portfolio Holder introduced the report.\n\n"
            "Decision: The recommendations were agreed.\n\n"
            "13 Play Area Strategy\n\nMinutes:\n\nThe Portfolio Holder introduced the strategy.\n\n"
            "Decision: The recommendations were agreed.\n")
    found = decisions(text, nlp=nlp)
    assert len(found) == 2
    assert "tariffs at Appendix A" in found[0]
    assert found[1].startswith("The recommendations were agreed")  # alone in its item it is the decision


def test_committee_agreed_to_note_the_report_alone_is_a_decision(nlp):
    text = ("Loch Arden Council\n\nPolicy and Resources Committee\n\n"
            "4. Treasury Management Mid-Year Review\n\n"
            "There was submitted a report by the Head of Finance on borrowing and investments.\n\n"
            "The Committee agreed to note the report.\n\n"
            "5. Work Programme\n\nThe Committee agreed to add an item on energy costs to its work programme.\n")
    assert decisions(text, nlp=nlp) == ["to note the report."]


def test_is_recommended_with_a_colon_introduces_the_clauses(nlp):
    text = ("Report to: Place Scrutiny Panel\nSubject: Bus Service Review\n\n"
            "1. Recommendations\n\nThe Panel is recommended:\n"
            "(a) To note the outcome of the review.\n(b) To comment on the proposed network.\n\n"
            "2. Background\n\n2.1 The review began in May.\n")
    found = decisions(text, nlp=nlp)
    assert len(found) == 1 and "To note the outcome of the review" in found[0] and "proposed network" in found[0]


def test_cells_of_a_row_whose_label_ends_in_percent_are_percentages(nlp):
    text = ("Workforce measures were:\n\n"
            "                          2025/26     2026/27 Q1\n"
            "Vacancy rate (%)          9.1         8.4\n"
            "Staff turnover (%)        12.6        3.2\n")
    assert readings(nlp, text) == [("percentage", 9.1, None), ("percentage", 8.4, None),
                                   ("percentage", 12.6, None), ("percentage", 3.2, None)]


def test_bracketed_money_written_without_the_pound_before_the_scale(nlp):
    text = "The Treasurer reported an underspend of (2.4)m on the revenue budget."
    assert readings(nlp, text) == [("money", -2400000.0, None)]


def test_pound_inside_brackets_after_was_is_negative_but_a_parenthetical_amount_is_not(nlp):
    text = "The variance on the allotments budget was (£1,250). The new roof (£48,000) was completed."
    assert readings(nlp, text) == [("money", -1250.0, None), ("money", 48000.0, None)]


def test_second_score_of_a_pair_is_no_count(nlp):
    text = "Twelve schools scored 3 or 4 in the audit."
    assert readings(nlp, text) == [("count", 12.0, None)]


def test_a_zero_tally_is_a_count(nlp):
    text = "The grants were approved. Vote: 5 for, 0 against."
    assert readings(nlp, text) == [("count", 5.0, None), ("count", 0.0, None)]
