"""Inspection outcome pages, batch 12 shapes (issue 10, wt7-outc, fixtures o80-o87): a judgement table pasted from a
PDF one cell a line with the grade 'Requires improvement to be good' on a line of its own, an HMIP scorecard whose
numbered standards each sit over a 'Rating: Grade' line under 'Domain N:' headings, a newest-first list of a council's
children's home inspections as 'DD Mon YYYY – Home – inspection type – rated Grade' lines, and a grade word defined
in an FAQ answer. Sentences written for these tests."""
from __future__ import annotations

from written_sentences import GOOD, INAD, OUT, RI, findings_under, graded_pairs

CONTEXT = "Ofsted inspected the council's children's services and published its report.\n\n"


# -- judgements ---------------------------------------------------------------------------------------------------
def test_a_grade_requiring_improvement_alone_on_its_line_grades_the_area_line_above(finder):
    text = ("Judgement\nGrade\nThe experiences and progress of children in care\nRequires improvement to be good\n"
            "Overall effectiveness\nRequires improvement to be good\n"
            "The experiences and progress of care leavers\nGood\n")
    assert graded_pairs(finder, CONTEXT, text) == {
        ("The experiences and progress of children in care", RI), ("overall", RI),
        ("The experiences and progress of care leavers", GOOD)}


def test_scorecard_ratings_grade_the_numbered_standard_above_within_its_domain(finder):
    context = "HM Inspectorate of Probation inspected the youth justice service.\n\nOverall rating\nGood\n\n"
    text = ("Domain 1: Organisational delivery (domain score 10 of 12)\n1.1 Governance and leadership\nRating: Outstanding\n"
            "1.2 Staff\nRating: Good\n\n"
            "Domain 2: Court disposals (domain score 5 of 12)\n2.1 Assessment\nRating: Requires improvement\n"
            "Domain 3: Out-of-court disposals\n3.1 Assessment\nRating: Good\n\n"
            "4.1 Resettlement policy and provision\nRating: Inadequate\n")
    assert graded_pairs(finder, context, text) == {
        ("overall", GOOD), ("organisational delivery: Governance and leadership", OUT),
        ("organisational delivery: Staff", GOOD), ("court disposals: Assessment", RI),
        ("out-of-court disposals: Assessment", GOOD), ("Resettlement policy and provision", INAD)}


def test_a_rating_line_under_no_numbered_standard_stays_overall(finder):
    text = "Hillside Youth Justice Service\nRating: Good\n"
    assert graded_pairs(finder, "HM Inspectorate of Probation inspected the service.\n\n", text) == {("overall", GOOD)}


def test_date_led_inspection_list_rows_grade_the_named_home(finder):
    context = "Ofsted inspects each of our children's homes every year. The latest inspections:\n\n"
    text = ("03 Feb 2026 – Ashcombe Lodge – full inspection – rated Outstanding\n"
            "11/12/2025 – Brook View – full inspection – rated Inadequate\n"
            "20 Nov 2025 – Brook View – monitoring visit – no judgement given\n")
    assert graded_pairs(finder, context, text) == {("Ashcombe Lodge", OUT), ("Brook View", INAD)}


def test_a_hyphenated_reinspection_row_keeps_its_overall_grade(finder):
    text = "Our improvement journey\nMarch 2023 – Re-inspection: Requires improvement to be good\n"
    assert graded_pairs(finder, CONTEXT, text) == {("overall", RI)}


# -- findings -----------------------------------------------------------------------------------------------------
HEAD = "Our CQC assessment: questions and answers\n\nCQC assessed our adult social care in April 2026.\n\n"


def test_a_grade_word_defined_is_no_finding():
    text = ("Is that a fail?\nNo. Requires improvement means inspectors found shortfalls that the council must address.\n\n"
            "What did CQC find?\nCQC found that people wait too long for an occupational therapy assessment.\n")
    assert findings_under(HEAD, text) == [
        ("development", "CQC found that people wait too long for an occupational therapy assessment.")]


def test_a_polarity_heading_as_a_line_label_gives_the_line_its_polarity():
    text = ("Prevention\nStrengths: The council's community teams help people find support close to home.\n"
            "Areas for improvement: Carers are not consistently offered an assessment of their own needs.\n")
    assert findings_under(HEAD, text) == [
        ("strength", "Strengths: The council's community teams help people find support close to home."),
        ("development", "Areas for improvement: Carers are not consistently offered an assessment of their own needs.")]


def test_a_topic_label_still_names_no_verdict():
    text = "Improved Oversight: managers meet weekly.\n"
    assert findings_under(HEAD, text) == []


def test_the_numbered_options_of_an_outcome_scale_are_explanation_not_findings():
    text = ("There are three possible outcomes:\n"
            "• Outcome 1: arrangements typically lead to positive experiences and outcomes for children.\n"
            "• Outcome 2: arrangements lead to inconsistent experiences and outcomes for children.\n\n"
            "Inspectors found that our arrangements lead to inconsistent experiences and outcomes for children.\n")
    assert findings_under(HEAD, text) == [
        ("development", "Inspectors found that our arrangements lead to inconsistent experiences and outcomes for children.")]


NEWS = "Ofsted rates our children's services good\n\nPublished 2 June 2026\n\nOfsted inspected our children's services in April 2026.\n\n"


def test_a_cabinet_members_quotation_opened_after_said_colon_runs_over_paragraphs():
    text = ("Councillor Jo Reyes, Cabinet Member for Children, said:\n\n"
            "\"I am so proud of our staff. This is a brilliant result.\n\n"
            "\"Inspectors told us that children are helped quickly and that social workers know them well.\n\n"
            "\"We know there is more to do for care leavers, and we will not rest until it is done.\"\n\n"
            "The full report is on the Ofsted website.\n")
    found = findings_under(NEWS, text)
    assert [p for p, t in found if "more to do" in t] == []
    assert [p for p, t in found if "Inspectors told us" in t] == ["strength"]


def test_a_quoted_reaction_naming_the_inspection_is_not_relayed():
    text = ("The Leader, Councillor Sam Hart, said: \"I am delighted that our services received this excellent rating "
            "following the Ofsted inspection.\"\n")
    assert findings_under(NEWS, text) == []


def test_inspectorates_stock_phrases_on_outcome_pages():
    text = ("The letter also notes that the partnership's case recording does not yet allow leaders to see how plans progress.\n\n"
            "Carers told CQC that the council's carers' service gives them practical help when they need it.\n\n"
            "CIW found that the council's own home, Bryn Teg, was rated Excellent for well-being.\n")
    assert [p for p, _ in findings_under(HEAD, text)] == ["development", "strength", "strength"]
