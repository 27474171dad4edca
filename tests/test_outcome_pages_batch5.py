"""Inspection outcome pages, batch 7 shapes (issue 10, wt-outc, fixtures o39-o48): a headline under a site's
masthead, section label or dateline; link invitations that are no titles; blocks of 'Key: value' lines about
one home or agency; bilingual rating rows; tick and cross bullets. Sentences written for these tests."""
from __future__ import annotations

import pytest

from minutes_extract.extract import extract_text

from written_sentences import findings_under, graded_pairs, items_of

CONTEXT = "Ofsted inspected the council's services and published its report.\n\n"


def pairs(finder, text):
    return graded_pairs(finder, CONTEXT, text)


# -- items: the page's headline ----------------------------------------------------------------------------------
@pytest.mark.parametrize("page, title", [
    ("Hollow Green News | Spring 2026 | Issue 12\n\nCHILDREN\n\n'Outstanding' result for our adoption team\n\n"
     "By the editor\n\nInspectors visited in February and praised the team.\n", "'Outstanding' result for our adoption team"),
    ("MEDIA RELEASE\nFor immediate release: 2 March 2026\n\nCare services in Dunmere rated good by inspectors\n\n"
     "The Care Quality Commission has published its assessment.\n", "Care services in Dunmere rated good by inspectors"),
    ("Message to foster carers: our inspection result\n\nFrom: Head of Fostering\nDate: 4 May 2026\n\n"
     "Dear foster carers,\n\nI am pleased to share the outcome of our inspection.\n",
     "Message to foster carers: our inspection result"),
])
def test_headline_under_page_furniture(page, title):
    assert items_of(page) == [(None, title)]


def test_link_invitation_is_no_title():
    page = ("Our inspection 2026 at a glance\n\nAshmoor Council | Children's Services\n\nOverall effectiveness\nGOOD\n\n"
            "Download the inspection letter (PDF, 210 KB)\n")
    assert items_of(page) == [(None, "Our inspection 2026 at a glance")]


# -- judgements: blocks about one home or agency -------------------------------------------------------------------
def test_home_blocks_give_rows_the_home_name(finder):
    text = ("Elm Cottage\nType: children's home (2 beds)\nInspected: 3 March 2026\n"
            "Overall experiences and progress of children and young people: Good\n"
            "The effectiveness of leaders and managers: Outstanding\n\n"
            "Fernside Lodge\nInspected: 9 March 2026\n"
            "Overall experiences and progress of children and young people: Inadequate\n")
    assert pairs(finder, text) == {("Elm Cottage", "good"), ("Elm Cottage: The effectiveness of leaders and managers",
                                                              "outstanding"), ("Fernside Lodge", "inadequate")}


def test_service_field_names_the_agency(finder):
    text = ("Service: Marlow Vale Adoption Service\nInspection dates: 1 to 5 June 2026\n"
            "Previous inspection judgement: Good (2022)\n"
            "Overall experiences and progress of children and young people: Outstanding\n")
    found = pairs(finder, text)
    assert ("Marlow Vale Adoption Service", "outstanding") in found
    assert ("Marlow Vale Adoption Service", "good") in found


def test_generic_heading_is_no_home_name(finder):
    text = ("Ofsted Judgements\nOverall experiences and progress of children and young people: Good\n")
    assert pairs(finder, text) == {("Overall experiences and progress of children and young people", "good")}


def test_bilingual_rating_rows_read_in_english(finder):
    text = ("Sgoriau / Ratings\nStaff / Staff: Da / Good\n"
            "Gwybodaeth a chyfleusterau / Information and facilities: Rhagorol / Outstanding\n")
    assert pairs(finder, text) == {("Staff", "good"), ("Information and facilities", "outstanding")}


def test_key_value_rows_stay_rows_through_extraction():
    record = extract_text(CONTEXT + "Brook End\nInspected: 2 April 2026\n"
                          "How well children and young people are helped and protected: Requires improvement to be good\n"
                          "The effectiveness of leaders and managers: Good\n")
    areas = {(j.area, j.grade) for item in record.items for j in item.judgements} | \
        {(j.area, j.grade) for j in record.unassigned.judgements}
    assert ("Brook End: The effectiveness of leaders and managers", "good") in areas


# -- findings: tick and cross bullets ---------------------------------------------------------------------------
def test_tick_and_cross_bullets_are_findings():
    found = findings_under("Ofsted inspection at a glance\n\nOverall effectiveness\nGOOD\n\nWhat Ofsted said\n",
                           "✓ Young people receive highly effective support from their personal advisers\n"
                           "✗ Too many children wait too long for a review of their plan\n\nRead the full report on our website\n")
    assert ("strength", "Young people receive highly effective support from their personal advisers") in found
    assert ("development", "Too many children wait too long for a review of their plan") in found


def test_bilingual_headline_pair_takes_the_english_line():
    page = ("Adroddiad arolygiad ar wasanaethau plant y cyngor\n\nInspection report on the council's children's services\n\n"
            "5 Mehefin 2026\n5 June 2026\n\nCIW published its report today.\n")
    assert items_of(page) == [(None, "Inspection report on the council's children's services")]
