"""Inspection outcome pages, batch 9 shapes (issue 10, wt-outc3, fixtures o59-o68): pages saved as Markdown, report
cards with dot leaders, a site's menu and cookie lines over the title, an 'On this page' list under the title, a
browser-tab title ('Title | Site'), a title over a subtitle, a cabinet member's report over its author's name, a
timeline of inspections, a row with an appended grade clause, a home introduced as run by the council, quotation
lines under a heading naming the inspectors, an email's '>' quoted lines, and first-person reactions.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from minutes_extract.normalise import normalise

from written_sentences import findings_under, graded_pairs, items_of

CONTEXT = "Ofsted inspected the council's services and published its report.\n\n"


def pairs(finder, text):
    return graded_pairs(finder, CONTEXT, normalise(text).text)


# -- layout kept by the normaliser ---------------------------------------------------------------------------------
def test_markdown_markup_becomes_spaces():
    text = ("# Our inspection result\n\n[Home](/) > [Children](/children)\n\n*Published 2 March 2026*\n\n"
            "The council was rated **Good**.\n\n| Area | Grade |\n|---|---|\n| Care leavers | Good |\n")
    out = normalise(text).text
    assert out.startswith("Our inspection result")
    assert "Home > Children" in out and "Published 2 March 2026" in out and "rated Good" in out
    assert "Area | Grade\nCare leavers | Good" in out
    assert "#" not in out and "*" not in out and "](" not in out


def test_hash_and_asterisks_of_plain_minutes_are_left_alone():
    text = "Item 4 * Budget\n\nThe figure marked * is provisional; see note #2.\n"
    out = normalise(text).text
    assert "Item 4 * Budget" in out and "marked * is" in out and "#2" in out


def test_dot_leaders_become_cells():
    out = normalise("Summary\n\nInspection type ............ Full\nOverall experiences ...... Good\n").text
    assert "...." in normalise("Note\n\nSee the appendix .......... page 4\n").text  # a line alone keeps its dots
    assert "Inspection type | Full" in out and "Overall experiences | Good" in out
    assert "..." in normalise("He paused... and went on.\n").text  # an ellipsis is no leader


def test_quotation_lines_stay_apart():
    out = normalise("What they said\n\n\"Leaders are ambitious for every child in the borough.\"\n"
                    "\"Plans for care leavers are not always updated when their circumstances change.\"\n").text
    assert len([line for line in out.splitlines() if line.startswith('"')]) == 2


def test_email_quoted_lines_are_bullets_but_not_comparisons():
    out = normalise("We do well at:\n> Children are seen alone.\n> plans are reviewed on time.\n\n> 90% of visits on time\n").text
    assert "• Children are seen alone." in out and "• plans are reviewed on time." in out
    assert "> 90%" in out


def test_a_lone_site_menu_line_becomes_a_breadcrumb_like_row():
    out = normalise("Skip to content\nResidents   Business   Work for us   Contact us\n\nOur Ofsted result\n").text
    assert "Residents | Business | Work for us | Contact us" in out
    table = normalise("Home   Type   Grade\nAsh Lodge   Residential   Good\n").text
    assert table.splitlines()[0] == "Home | Type | Grade"  # (a table's header row is read as a table's, as before)


# -- items: the page's title ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("page, title", [
    ("Skip to content\nHome > About us > Inspections\nBrackmoor Children's Trust\nAbout us   Our work   Contact us\n\n"
     "Our inspection outcome 2026\n\nOn this page\n1. The result\n2. What inspectors said\n\nThe result\n\n"
     "Ofsted judged the trust's services good overall in May 2026.\n", "Our inspection outcome 2026"),
    ("Our Ofsted inspection result | Brackmoor Council\n\nHome > Children > Ofsted\n\n"
     "Ofsted judged our children's services good in April 2026.\n", "Our Ofsted inspection result"),
    ("Skip to main content\nAccept cookies\nReject cookies\nBrackmoor Council\nResidents   Business   Council\n\n"
     "Ofsted rates Brackmoor's services Good\n\n12 March 2026\n\nOfsted has judged our services good.\n",
     "Ofsted rates Brackmoor's services Good"),
    ("Our journey to good\n\nChildren's services in Brackmoor\n\nMilestones\n\n"
     "2019 – Ofsted judged the service inadequate and we began our improvement programme.\n\nNext steps\n\n"
     "We will publish a new plan in the autumn and report on it to the scrutiny panel.\n", "Our journey to good"),
    ("COUNCIL – 4 MARCH 2026\n\nREPORT OF THE CABINET MEMBER FOR ADULT SOCIAL CARE\n\nCouncillor Amy Hale\n\n"
     "1. Purpose\n1.1 This report updates Council on my portfolio.\n\n2. CQC assessment\n"
     "2.1 The CQC rated the council good in January 2026.\n", "REPORT OF THE CABINET MEMBER FOR ADULT SOCIAL CARE"),
    ("Brackmoor Council on X: our inspection result\n\nBrackmoor Council (@BrackmoorCC) · 3 Feb 2026\n\n"
     "1/3 Ofsted has judged our children's services good.\n", "Brackmoor Council on X: our inspection result"),
])
def test_page_titles(page, title):
    assert items_of(page) == [(None, title)]


# -- judgements: rows of tables and timelines -----------------------------------------------------------------------
def test_timeline_rows_open_with_their_date(finder):
    text = ("Timeline\n\nJune 2018 – Full inspection: Inadequate.\nMay 2022 – Re-inspection: Requires improvement to be good.\n")
    assert pairs(finder, text) == {("overall", "inadequate"), ("overall", "requires_improvement")}


def test_a_rows_appended_clause_grades_its_area(finder):
    text = "Results\n\nMarch 2026 – Full inspection: Good, with Outstanding for care leavers.\n"
    assert pairs(finder, text) == {("overall", "good"), ("care leavers", "outstanding")}


def test_report_card_of_a_home_run_by_the_council_grades_the_home(finder):
    text = ("Birch Lodge is a children's home run by Brackmoor Council.\n\n"
            "Overall experiences and progress of children and young people ........ Good\n"
            "How well children and young people are helped and protected ........ Outstanding\n")
    found = pairs(finder, text)
    assert ("Birch Lodge", "good") in found
    assert not any(area.lower().startswith("overall experiences") for area, _ in found)


def test_a_privately_run_home_is_not_introduced_as_the_councils(finder):
    text = ("Birch Lodge is a children's home run by a private company.\n\n"
            "Overall experiences and progress of children and young people ........ Good\n")
    assert ("Birch Lodge", "good") not in pairs(finder, text)


# -- findings ---------------------------------------------------------------------------------------------------------
def test_quotation_lines_under_a_heading_naming_the_inspectors():
    found = findings_under("Youth justice inspection\n\nHMIP published its report on 3 May 2026.\n\n",
                           "What the inspectors said\n\n\"The management board is ambitious for children.\"\n"
                           "\"Some assessments do not consider the views of victims.\"\n")
    assert ("strength", "\"The management board is ambitious for children.") in found \
        or ("strength", "\"The management board is ambitious for children.\"") in found
    assert any(polarity == "development" and "views of victims" in text for polarity, text in found)


def test_unquoted_lines_under_a_neutral_heading_need_their_own_source():
    found = findings_under("Our news\n\n", "What the papers said\n\nThe new leisure centre is ambitious.\n")
    assert found == []


def test_what_the_home_needs_to_do_lists_developments():
    found = findings_under("Ash Court inspection summary\n\nOfsted inspected Ash Court in May 2026.\n\n",
                           "What is working well\nChildren enjoy living at the home.\n\n"
                           "What the home needs to do\nFire drills must be recorded.\n")
    assert ("development", "Fire drills must be recorded.") in found
    assert not any(text.startswith("What the home") for _, text in found)


def test_first_person_reactions_are_no_findings():
    found = findings_under("Statement from the Leader\n\nOfsted published its report today.\n\n",
                           "I want to be honest with residents: this is a disappointing report. "
                           "Inspectors found that plans for care leavers are often out of date.\n")
    assert [p for p, text in found if "disappointing" in text] == []
    assert any(p == "development" and "out of date" in text for p, text in found)


def test_a_grade_printed_as_a_labels_value_is_no_finding():
    found = findings_under("Our inspections\n\nOfsted has inspected us three times.\n\n",
                           "May 2024 – Full inspection: Good, with Outstanding for the impact of leaders.\n")
    assert found == []


# -- batch 10 shapes (o69-o73): a letter's salutation, the council's own service, grade legends, review lists ------
def test_a_letters_title_over_its_salutation():
    page = ("Adoption news – our Ofsted result\n\nDear adopters,\n\n"
            "Ofsted inspected the council's adoption service in May 2026 and judged it good.\n")
    assert items_of(page) == [(None, "Adoption news – our Ofsted result")]


def test_the_councils_own_service_introduced_on_its_page(finder):
    text = ("Brackmoor Home Care is the council's in-house home care service.\n\nOverall: Good\nSafe: Good\n\n"
            "The previous inspection, in 2021, rated the service Requires improvement.\n")
    found = pairs(finder, text)
    assert ("Brackmoor Home Care", "good") in found and ("Brackmoor Home Care", "requires_improvement") in found
    assert ("Safe", "good") in found and ("overall", "good") not in found


def test_grade_letters_read_through_the_legend(finder):
    text = ("Key: O = Outstanding, G = Good, RI = Requires improvement to be good, I = Inadequate\n\n"
            "Service | Inspected | Grade\nFostering agency | May 2025 | G\nYouth Justice Service (HMIP) | June 2023 | RI\n")
    found = pairs(finder, text)
    assert ("Fostering agency", "good") in found and ("Youth Justice Service", "requires_improvement") in found
    assert not any(grade == "outstanding" or grade == "inadequate" for _, grade in found)  # (the legend grades nothing)


def test_single_letters_without_a_legend_grade_nothing(finder):
    text = "Service | Inspected | Grade\nFostering agency | May 2025 | G\n"
    assert pairs(finder, text) == set()


def test_key_recommendations_of_a_review_are_no_items():
    page = ("Children's services peer review: findings\n\nThe peer team visited in March 2026 and spoke to 60 staff.\n\n"
            "What the peer team found\n\nThe council has strong partnerships.\n\nKey recommendations\n"
            "1. Publish a clear carers strategy with carers.\n2. Reduce waiting times for occupational therapy.\n")
    assert items_of(page) == [(None, "Children's services peer review: findings")]


def test_legends_and_review_names_are_no_findings():
    found = findings_under("Dashboard\n\nInspection outcomes\n\n",
                           "Key: O = Outstanding, G = Good, RI = Requires improvement\n\n"
                           "The council invited the LGA to carry out a peer challenge of its children's services.\n")
    assert found == []


def test_a_page_titled_with_the_councils_own_service_grades_it(finder):
    text = ("Ofsted inspection of our adoption service\n\nOfsted inspected Brackmoor Council's adoption service in May "
            "2026. The service has been judged Good overall, an improvement on the Inadequate judgement of 2022.\n")
    found = graded_pairs(finder, "", text)
    assert found == {("adoption service", "good"), ("adoption service", "inadequate")}


def test_a_page_titled_with_childrens_services_stays_overall(finder):
    text = ("Ofsted inspection of our children's services\n\nThe service has been judged Good overall.\n")
    assert graded_pairs(finder, "", text) == {("overall", "good")}
