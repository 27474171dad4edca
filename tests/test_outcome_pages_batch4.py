"""Inspection outcome pages, batch 4 shapes (issue 10, wt-outc): tables of several grades per row, standards under
a domain heading, other scales (CQC quality-statement scores, SEND outcomes), experience said negatively, titles
over a publisher's name. Sentences and tables written for these tests."""
from __future__ import annotations

import pytest

from minutes_extract.extract import extract_text

from written_sentences import findings_under, graded_pairs
from test_metrics import readings

HEAD = "Our inspection outcome\n\nPublished 3 March 2026\n\nOfsted inspected our children's services in January 2026.\n\n"
CONTEXT = "Ofsted inspected the council's services and published its report.\n\n"


def pairs(finder, text):
    return graded_pairs(finder, CONTEXT, text)


# -- judgements --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("table, expected", [
    # a column per inspection: both columns grade the row's area
    ("Area - 2021 - 2024\nHelp and protection - Good - Outstanding\nCare leavers - Inadequate - Good\n",
     {("Help and protection", "good"), ("Help and protection", "outstanding"), ("Care leavers", "inadequate"),
      ("Care leavers", "good")}),
    ("Judgement | Previous | Latest\nOverall effectiveness | Requires improvement to be good | Good\n",
     {("overall", "requires_improvement"), ("overall", "good")}),
    # a row per home, a column per area: the overall column is the home's grade, the others the home's areas
    ("Home | Inspected | Overall experiences and progress | Leaders and managers\n"
     "Beech Lodge | 4 May 2025 | Good | Outstanding\n",
     {("Beech Lodge", "good"), ("Beech Lodge: Leaders and managers", "outstanding")}),
])
def test_rows_with_several_grade_cells(finder, table, expected):
    assert pairs(finder, table) == expected


def test_standards_under_a_domain_heading_take_its_area():
    record = extract_text("Youth justice inspection\n\nHMI Probation inspected the service in May 2025.\n\n"
                          "Court disposals\n- Assessment: Good\n- Planning: Requires improvement\n\n"
                          "Out-of-court disposals\n- Assessment: Outstanding\n")
    found = {(j.area, j.grade) for item in record.items for j in item.judgements}
    assert found | {(j.area, j.grade) for j in record.unassigned.judgements} == {("Court disposals: Assessment", "good"),
                                   ("Court disposals: Planning", "requires_improvement"),
                                   ("Out-of-court disposals: Assessment", "outstanding")}


@pytest.mark.parametrize("text, expected", [
    ("Ofsted judged Eastvale Adult Learning Service to be Good in June.", {("Eastvale Adult Learning Service", "good")}),
    ("Personal development and behaviour and attitudes were both judged outstanding.",
     {("Personal development", "outstanding"), ("behaviour and attitudes", "outstanding")}),
    ("In May the council's home care team, Northgate Homecare, was rated Requires Improvement by CQC.",
     {("Northgate Homecare", "requires_improvement")}),
])
def test_the_councils_other_graded_services(finder, text, expected):
    assert pairs(finder, text) == expected


# -- findings ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("polarity, sentence", [
    ("development", "Inspectors found that young carers are not always listened to by professionals."),
    ("development", "Parents told inspectors that they have lost confidence in the assessment service."),
    ("development", "Many carers said they did not know where to get help when their situation changed."),
    ("strength", "Inspectors said that foster carers feel welcomed by the service from their first contact."),
    ("development", "Inspectors found that the service relies heavily on interim managers."),
    ("development", "Only 41% of annual reviews were completed within the statutory timescale last year, inspectors found."),
    ("strength", "Inspectors found that leaders have transformed the quality of the front door."),
    ("development", "Inspectors found that some referrals are made without the family's consent."),
    ("development", "Inspectors found that support plans do not always set out clear outcomes."),
    ("strength", "Inspectors said the new leaflet for families is much easier to understand."),
    ("strength", "Inspectors found that leaders continue to make steady progress in the assessment service."),
    ("development", "The inspection found that arrangements lead to inconsistent experiences for disabled young people."),
    ("development", "Inspectors found that oversight of the caseloads was insufficient in too many teams."),
])
def test_outcome_page_findings_batch4(polarity, sentence):
    assert findings_under(HEAD, sentence) == [(polarity, sentence)]


@pytest.mark.parametrize("sentence", [
    "A score of 1 means the evidence shows significant shortfalls.",  # a scale's key judges nobody
    "CIW published its report following an improvement check of adult services in May.",
    "Inspectors found that most plans contain the information managers need to make decisions.",
])
def test_not_findings_on_outcome_pages(sentence):
    assert findings_under(HEAD, sentence) == []


# -- metrics -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Safeguarding: 3 out of 4", []),  # a score on the CQC's four-point scale
    ("The service scored 12 out of 36 overall.", []),
])
def test_scores_out_of_a_scale_are_no_metrics(nlp, text, expected):
    assert [r for r in readings(nlp, text) if r[0] == "count"] == expected


def test_each_adviser_supports_is_a_caseload(nlp):
    assert ("caseload", 19, None) in readings(nlp, "There are 14 personal advisers, who each support 19 young people.")


# -- items -------------------------------------------------------------------------------------------------------
def test_a_title_over_the_publishers_name():
    record = extract_text("Adoption inspection outcome\n\nNorthvale Regional Adoption Partnership\n\n"
                          "Ofsted inspected the agency in May 2025 and judged it Good.\n")
    assert [i.title for i in record.items] == ["Adoption inspection outcome"]


def test_numbered_sentences_under_a_heading_are_no_items():
    record = extract_text("SEND inspection outcome\n\nPublished 2 May 2025\n\nThe report was published today.\n\n"
                          "Areas for priority action\n\n1. Leaders must reduce waiting times for assessments.\n"
                          "2. Leaders must improve the quality of plans.\n")
    assert [i.title for i in record.items] == ["SEND inspection outcome"]


# -- batch 6: pages copied with their site chrome ----------------------------------------------------------------
def test_a_headline_under_site_chrome_with_share_links_before_its_dateline():
    record = extract_text("Skip to main content\nMenu\nSearch\nHome\nNews\n\n"
                          "Ofsted praises Northvale adoption service\n\nShare this page\nFacebook\nEmail\n\n"
                          "Published: 3 June 2025\n\nOfsted rated the adoption service Good in May 2025.\n")
    assert [i.title for i in record.items] == ["Ofsted praises Northvale adoption service"]


@pytest.mark.parametrize("polarity, sentence", [
    ("strength", "Inspectors found that the new head of service has brought stability and focus to the team."),
    ("strength", "Inspectors said that managers have turned around a service that was failing."),
    ("strength", "Inspectors found that children attend school regularly and enjoy learning."),
    ("development", "Inspectors found that several changes of social worker had left some children unsettled."),
])
def test_outcome_page_findings_batch6(polarity, sentence):
    assert findings_under(HEAD, sentence) == [(polarity, sentence)]
