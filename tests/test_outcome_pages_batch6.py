"""Inspection outcome pages, batch 8 shapes (issue 10, wt-outc2, fixtures o49-o58): inspection-history tables with
space-aligned columns, a page opening by introducing its own agency, a newsletter's contents list over its
headline, quoted or article-led headlines over a dateline, colon titles over prose, download lists, PDF text with
running headers, footers with cells and words hyphenated across lines, progress language of monitoring visits.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from minutes_extract.extract import extract_text
from minutes_extract.normalise import normalise

from written_sentences import findings_under, graded_pairs, items_of

CONTEXT = "Ofsted inspected the council's services and published its report.\n\n"


def pairs(finder, text):
    return graded_pairs(finder, CONTEXT, text)


# -- judgements: inspection-history tables ---------------------------------------------------------------------
def test_space_aligned_history_rows_grade_overall(finder):
    text = ("Year     Inspection               Overall effectiveness\n"
            "2024     ILACS short inspection   Good\n"
            "2019     Single inspection framework (SIF)    Inadequate\n")
    assert pairs(finder, normalise(text).text) == {("overall", "good"), ("overall", "inadequate")}


def test_history_rows_of_an_own_agency_page_grade_the_agency(finder):
    text = ("Marsh Vale Adoption is the council's own adoption agency.\n\n"
            "Date | Type | Judgement\n"
            "4 May 2025 | Full inspection | Outstanding\n"
            "9 July 2021 | Full inspection | Good\n")
    assert pairs(finder, text) == {("Marsh Vale Adoption", "outstanding"), ("Marsh Vale Adoption", "good")}


def test_space_aligned_rows_become_cells_only_in_a_run():
    one = normalise("Page 2          Draft\n\nThe panel met.\n").text
    assert "|" not in one
    table = normalise("Home        Type          Grade\nAsh Lodge   Residential   Good\n").text
    assert table.splitlines()[1] == "Ash Lodge | Residential | Good"


# -- items: the page's title ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("page, title", [
    ("FAMILY NEWS BULLETIN\nBrackwater Partnership • Issue 7 • May 2026\n\nIN THIS ISSUE\nInspection result ...... 1\n"
     "Dates for your diary ...... 3\n\nInspection result: what inspectors said about early help\n\n"
     "Inspectors visited in March 2026 and met 40 families.\n", "Inspection result: what inspectors said about early help"),
    ("\"The best start in life\": Ofsted on Brackwater's nurseries\n\nBrackwater Council news, 2 June 2026\n\n"
     "Ofsted has published its reports on the council's two nurseries.\n",
     "\"The best start in life\": Ofsted on Brackwater's nurseries"),
    ("Adopting with Brackwater Council: our inspection results\n\n"
     "Brackwater Adoption is the council's own adoption agency and has been inspected three times.\n",
     "Adopting with Brackwater Council: our inspection results"),
    ("Ofsted inspections of our services\n\nThis page lists every Ofsted inspection of the council's services.\n\n"
     "Related documents\nOfsted letter 2024 (PDF, 300 KB)\nOfsted report 2021 (PDF, 420 KB)\n",
     "Ofsted inspections of our services"),
])
def test_page_titles(page, title):
    assert items_of(page) == [(None, title)]


# -- PDF text ----------------------------------------------------------------------------------------------------
def test_running_header_and_footer_with_cells_are_dropped():
    text = ("Brackwater Council                      Scrutiny Briefing\n\nBriefing: our inspection\n\n"
            "1.1 Inspectors found that social workers visit children regularly and that plans are not always\n\n"
            "Page 1 of 2                OFFICIAL                Printed 02/06/2026\n\n"
            "Brackwater Council                      Scrutiny Briefing\n\n"
            "reviewed on time.\n")
    out = normalise(text).text
    assert "Scrutiny Briefing" not in out and "OFFICIAL" not in out
    assert "plans are not always reviewed on time." in out


def test_words_hyphenated_across_lines_are_rejoined():
    out = normalise("Inspectors visited between 3 and 14 Febru-\nary 2026 and found a well-\ncoordinated "
                    "service with thorough assess-\nments.\n").text
    assert "14 February 2026" in out and "thorough assessments." in out
    assert "well-coordinated" in out or "well- coordinated" in out or "well -coordinated" in out or "well coordinated" in out


# -- findings -------------------------------------------------------------------------------------------------------
HEAD = "Ofsted monitoring visit\n\nOfsted published its letter today.\n\nIn summary, the letter says:\n"


def test_progress_language_of_a_monitoring_visit():
    found = findings_under(HEAD, "- The pace of improvement in care planning has quickened since the last visit.\n"
                                 "- Progress has been slower for disabled children.\n")
    assert ("strength", "The pace of improvement in care planning has quickened since the last visit.") in found
    assert ("development", "Progress has been slower for disabled children.") in found


def test_sccif_care_quality_phrases():
    found = findings_under("Children's home inspection\n\nOfsted said:\n",
                           "Young people told inspectors they feel listened to. Introductions to new carers are planned "
                           "carefully, and placement breakdowns are rare. Leaders have not ensured that records of "
                           "restraint are complete.\n")
    polarities = {text.split()[0]: polarity for polarity, text in found}
    assert polarities.get("Young") == "strength"
    assert polarities.get("Introductions") == "strength"
    assert polarities.get("Leaders") == "development"


def test_newsletter_lead_ins_set_list_polarity():
    found = findings_under("Partnership bulletin: the JTAI letter\n\nPublished 3 June 2026\n\n",
                           "The good news first:\n> health visitors share information with schools each week;\n\n"
                           "And where we need to do better:\n> referrals from GPs lack detail.\n")
    assert ("strength", "> health visitors share information with schools each week;") in found \
        or ("strength", "health visitors share information with schools each week;") in found


def test_grade_comparison_is_no_finding():
    found = findings_under("Briefing note: our ILACS\n\n",
                           "Ofsted judged the council's services good. This is an improvement on the requires "
                           "improvement judgement of 2022.\n")
    assert not any("improvement on" in text for _, text in found)


def test_named_home_after_the_councils_homes(finder):
    text = ("Inspectors have reported on three of the council's children's homes. Birch Hollow was judged good. "
            "Stonecroft was judged inadequate, with the effectiveness of leaders and managers judged inadequate.\n")
    found = pairs(finder, text)
    assert ("Birch Hollow", "good") in found and ("Stonecroft", "inadequate") in found
    assert ("overall", "good") not in found


def test_the_authority_named_as_subject_stays_overall(finder):
    text = ("Greyfold Council runs four children's homes. Greyfold was judged good by Ofsted in 2024.\n")
    assert ("overall", "good") in pairs(finder, text)
