"""Issue 10, session 10 (wt10-rjm, probes s10j01-s10j06, s10m01-s10m06): a ModernGov item's closing "Decision:
The recommendations were agreed." is its decision said again, not another; the Scottish "The Committee agreed to
note the report." standing alone is a decision; a report's "The Committee is recommended:" introduces its
recommendation clauses; cells whose row label ends "(%)" are percentages; "(1.2)m" and "was (£3,100)" are
negative money; a score "3 or 4" is no count; "THAT" alone on its line is not a clause; a recommendation numbered
like the next section is still a clause. Sentences written for these tests."""
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


def test_that_alone_on_its_line_is_not_a_clause_nor_in_the_text(nlp):
    text = ("14. LIBRARY STRATEGY\n\nThe Cabinet Member introduced the strategy.\n\nRESOLVED\nTHAT\n"
            "(1) the library strategy be approved; and\n(2) the Director report progress in a year.\n\n"
            "15. ROAD SAFETY\n\nRESOLVED THAT the road safety plan be adopted.\n")
    found = decisions(text, nlp=nlp)
    assert found[0].startswith("(1) the library strategy") and found[0].endswith("progress in a year.")
    assert found[1] == "the road safety plan be adopted."


def test_a_recommendation_numbered_like_the_next_section_is_still_a_clause(nlp):
    text = ("Report to: Corporate Scrutiny Committee\nSubject: Customer Access Strategy\n\n"
            "1. Purpose\n\n1.1 To present the draft strategy.\n\n2. Recommendations\n\nThe Committee is recommended:\n"
            "1. To note the draft strategy and the results of the consultation.\n"
            "2. To comment on the proposed opening hours of the customer centres.\n"
            "3. To agree that a final strategy be brought to the Committee in June.\n\n"
            "3. Background\n\n3.1 The strategy was drafted after a survey of residents.\n")
    found = decisions(text, nlp=nlp)
    assert len(found) == 1 and found[0].endswith("brought to the Committee in June.")


def test_counts_after_a_score_joined_by_and_stay_counts(nlp):
    text = "Of the eight standards, five were scored 3 and three were scored 2."
    assert readings(nlp, text) == [("count", 8.0, None), ("count", 5.0, None), ("count", 3.0, None)]


def test_other_wordings_of_the_restated_decision_are_copies_too(nlp):
    for closing in ("Decision: Recommendations agreed.", "Decision: Agreed as recommended.",
                    "Decision: The officer recommendations were approved unanimously."):
        text = ("Minutes of Cabinet\n\n21 Waste Strategy\n\nDecision:\n\nThat the waste strategy be adopted.\n\n"
                "Minutes:\n\nThe Portfolio Holder presented the strategy.\n\n" + closing + "\n")
        assert decisions(text, nlp=nlp) == ["That the waste strategy be adopted."], closing


def test_the_whole_after_a_count_out_of_is_a_count_but_a_scale_is_not(nlp):
    assert readings(nlp, "The team had 9 agency social workers out of 52.") == [("count", 9.0, None), ("count", 52.0, None)]
    assert readings(nlp, "Residents rated the library service 4 out of 5.") == []
