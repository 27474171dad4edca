"""Issue 10, session 9 (wt9-judg): HMIP standards named with their domain ("Court disposals: planning - Inadequate")
kept apart; a list of the authority's homes as "Name - <predicate>" rows ("retained its Outstanding rating", "improved
from Good to Outstanding") and a row followed by "; <clause>"; lines of such a list not rejoined as a wrapped line;
"Recommendation | Decision" tables as one decision; "Item 4(a)" lettered items. Sentences written for these tests."""
from __future__ import annotations

from written_sentences import decisions, extracted_pairs, items_of


def test_standards_of_two_domains_named_with_the_domain_stay_apart():
    text = ("Youth justice inspection\n\nHM Inspectorate of Probation published its report on our service.\n\n"
            "Ratings by standard\n\n"
            "2.1 Court disposals: assessment - Good\n"
            "2.2 Court disposals: planning - Requires improvement\n"
            "2.3 Court disposals: reviewing - Inadequate\n"
            "3.1 Out-of-court disposals: assessment - Outstanding\n")
    pairs = extracted_pairs(text)
    assert {("Court disposals: assessment", "good"), ("Court disposals: planning", "requires_improvement"),
            ("Court disposals: reviewing", "inadequate"),
            ("Out-of-court disposals: assessment", "outstanding")} <= pairs


def test_home_rows_whose_cell_is_a_predicate_grade_the_named_home():
    text = ("Our children's homes\n\nThe council runs three children's homes, all inspected by Ofsted.\n\n"
            "Latest inspection outcomes\n\n"
            "Brookside - retained its Good rating (full inspection, March 2025)\n"
            "Elmfield - improved from Requires improvement to be good to Good (May 2025)\n"
            "Heron Court - Inadequate (June 2025); a new manager has been appointed\n")
    assert extracted_pairs(text) == {
        ("Brookside", "good"), ("Elmfield", "good"), ("Elmfield", "requires_improvement"),
        ("Heron Court", "inadequate")}


def test_an_inspectorate_before_the_dash_is_no_home():
    text = ("Children's services inspection\n\nOfsted - rated the council's children's services Good overall "
            "at its inspection in April 2025\n")
    assert ("Ofsted", "good") not in extracted_pairs(text)


def test_a_recommendation_decision_table_is_one_decision(nlp):
    text = ("Minutes of the Cabinet\n\n21. Leisure Strategy\n\nThe Cabinet Member presented the strategy.\n\n"
            "Recommendation | Decision\n"
            "To adopt the leisure strategy | Approved\n"
            "To note the consultation responses | Noted\n"
            "To close the Mill Lane pool | Deferred to the next meeting\n\n"
            "22. Urgent Business\n\nThere was none.\n")
    found = decisions(text, nlp)
    assert len(found) == 1
    assert "To adopt the leisure strategy | Approved" in found[0] and "Deferred to the next meeting" in found[0]


def test_a_sentence_with_a_bar_is_no_recommendation_table(nlp):
    text = ("Minutes of the Cabinet\n\n21. Leisure Strategy\n\nThe Cabinet Member presented the strategy.\n\n"
            "Members discussed the pool and the gym.\n\n22. Urgent Business\n\nThere was none.\n")
    assert decisions(text, nlp) == []


def test_item_letter_in_brackets_numbers_an_item(nlp):
    text = ("Minutes of the Committee\n\nItem 3 Apologies\n\nNone were received.\n\n"
            "Item 4(a) Fostering Service Inspection\n\nThe officer presented the report.\n\n"
            "Item 4(b) Adoption Service Inspection\n\nThe officer presented the report.\n\n"
            "Item 5 Work Programme\n\nThe Committee noted the programme.\n")
    assert [n for n, _ in items_of(text, nlp)] == ["3", "4(a)", "4(b)", "5"]


def test_a_home_described_indefinitely_in_a_paragraph_about_the_councils_homes():
    text = ("Corporate Parenting Board\n\n4. Ofsted Inspections\n\n"
            "The Head of Service reported on the inspections of the Council's children's homes.\n"
            "Maple Lodge, a short breaks home, was judged Good for the third time.\n")
    assert ("Maple Lodge", "good") in extracted_pairs(text)


def test_a_home_described_as_privately_run_stays_no_judgement():
    text = ("Corporate Parenting Board\n\n4. Ofsted Inspections\n\n"
            "The Head of Service reported on the inspections of the Council's children's homes.\n"
            "Hillcrest, a privately run home, was judged Inadequate.\n")
    assert not any(grade == "inadequate" for _, grade in extracted_pairs(text))


def test_a_speaker_before_the_dash_is_no_home():
    text = ("Corporate Parenting Board\n\n4. Ofsted Inspections\n\n"
            "Councillor Hale - said she was pleased the service had retained its Good rating at the Ofsted inspection\n")
    assert not any(area.startswith("Councillor") for area, _ in extracted_pairs(text))


def test_a_recommendation_decision_table_pasted_with_tabs(nlp):
    text = ("Minutes of the Cabinet\n\n21. Leisure Strategy\n\nThe Cabinet Member presented the strategy.\n\n"
            "Recommendations\tCabinet Decision\n"
            "To adopt the leisure strategy\tApproved\n"
            "To note the consultation responses\tNoted\n\n"
            "22. Urgent Business\n\nThere was none.\n")
    found = decisions(text, nlp)
    assert len(found) == 1 and "leisure strategy" in found[0] and found[0].rstrip().endswith("Noted")
