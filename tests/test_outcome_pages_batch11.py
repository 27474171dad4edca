"""Inspection outcome pages, batch 11 shapes (issue 10, wt-outc2, fixtures o74-o79): CQC key questions asked as
headings over a line opening with the grade, a page titled by a question or by an embedded question after a label,
numbered notes to editors under a press release, an easy-read page whose lists end at an unstopped heading, and
grade sentences that report what the inspectorate said. Sentences written for these tests."""
from __future__ import annotations

import pytest

from written_sentences import findings_under, graded_pairs, items_of

CONTEXT = "The Care Quality Commission inspected the service and published its report.\n\n"


# -- judgements: key questions as headings ----------------------------------------------------------------------
def test_key_question_headings_over_a_line_opening_with_the_grade(finder):
    text = ("Is the service safe?\nGood. Medicines were managed well.\n\n"
            "Is the service well-led?\nRequires improvement. Audits did not find the gaps.\n\n"
            "Is it caring?\nOutstanding.\n")
    assert graded_pairs(finder, CONTEXT, text) == {("Safe", "good"), ("Well-led", "requires_improvement"),
                                                   ("Caring", "outstanding")}


def test_a_question_line_that_is_no_key_question_grades_nothing(finder):
    text = "Is the council ready?\nGood progress has been made since the summer.\n"
    assert graded_pairs(finder, CONTEXT, text) == set()


def test_a_question_title_is_no_provisions_name(finder):
    text = ("How is our Fostering service rated?\n\nOfsted inspected the service in May 2026.\n\n"
            "Overall rating: Good\n")
    assert ("How", "good") not in graded_pairs(finder, "", text)


# -- items: page titles ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("page, title", [
    ("How did our adoption service do?\n\nOfsted visited the service in March 2026 and spoke to adopters.\n\n"
     "Ofsted said the service is good.\n", "How did our adoption service do?"),
    ("Easy read: What inspectors said about our homes\n\nInspectors came in June 2026.\nThey met 12 children.\n",
     "Easy read: What inspectors said about our homes"),
    ("PRESS RELEASE\nFor immediate release: 4 May 2026\n\nOfsted judges Brackmoor Trust good\n\n"
     "Brackmoor Trust, which runs children's services for the council, has been judged good by Ofsted.\n\n"
     "Notes to editors\n1. Brackmoor Trust was set up in 2021 and employs 300 staff.\n"
     "2. The report is on the Ofsted website.\n", "Ofsted judges Brackmoor Trust good"),
])
def test_page_titles(page, title):
    assert items_of(page) == [(None, title)]


# -- findings -----------------------------------------------------------------------------------------------------
HEAD = "Our inspection\n\nOfsted inspected our children's services in May 2026.\n\n"


def test_good_things_heading_and_an_unstopped_heading_ending_the_list():
    text = ("Good things\nFoster carers feel part of the team.\nChildren join in their reviews.\n\n"
            "Things we need to do better\nSome plans take too long to finish.\n\n"
            "What comes next\nWe will write a plan.\n")
    found = findings_under(HEAD, text)
    assert ("strength", "Foster carers feel part of the team.") in found
    assert ("strength", "Children join in their reviews.") in found
    assert ("development", "Some plans take too long to finish.") in found
    assert not any(t.startswith("What comes next") for _, t in found)


def test_inspectorate_saying_the_grade_is_no_finding():
    found = findings_under(HEAD, "Ofsted said our adoption services are outstanding.\n")
    assert found == []


def test_does_not_do_something_well_enough_and_seeing_children_alone():
    text = ("Inspectors found:\n"
            "• Leaders do not check the quality of return interviews well enough.\n"
            "• Practitioners see children alone and listen to them.\n")
    found = findings_under(HEAD, text)
    assert ("development", "Leaders do not check the quality of return interviews well enough.") in found
    assert ("strength", "Practitioners see children alone and listen to them.") in found


def test_an_overall_row_on_a_page_titled_with_the_councils_own_scheme_grades_the_scheme(finder):
    text = ("How is our Shared Lives scheme rated?\n\nThe CQC inspected the scheme in May 2026.\n\n"
            "Is it safe?\nGood.\n\nOverall rating: Good\n")
    assert graded_pairs(finder, "", text) == {("Safe", "good"), ("Shared Lives scheme", "good")}
