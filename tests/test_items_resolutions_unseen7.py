"""Items, decisions and the meeting in layouts of councils the rules were not written against (issue #10,
wt-itres2 probes, seventh set): an earlier decision quoted under a dated heading, a single-item page with no
title line, numbered headings run into their first sentence, a decision table's 'Recommended to ...' cell, a
running header and page number on one row inside a decision, 'Decision taker:' and 'Decision Session'
headers, dates written 'the 12th of May'. Every text here is written for the test."""

from written_sentences import decisions, items_of
from minutes_extract.extract import extract_text
from minutes_extract.normalise import normalise


def meeting_of(text: str, nlp) -> dict:
    m = extract_text(text, nlp=nlp).meeting
    return {"authority": m.authority, "body": m.body, "date": m.date}


def test_an_earlier_decision_quoted_under_a_dated_heading_is_not_this_meetings(nlp):
    text = ("Kelford District Council\n\nEXECUTIVE\n\nMinutes of the meeting held on Tuesday, 10 March 2026\n\n"
            "12. Car Parking Charges\nThe Portfolio Holder recalled the decision taken last autumn.\n\n"
            "Executive, 4 November 2025 (Minute 61 refers)\n"
            "RESOLVED that a review of parking charges be carried out.\n\n"
            "The review had now reported.\nRESOLVED that the revised charges be approved.\n")
    assert decisions(text, nlp) == ["the revised charges be approved."]


def test_a_running_header_with_the_meetings_own_date_does_not_hide_a_decision(nlp):
    text = ("Minutes of the Licensing Committee held on 9 June 2026\n\n3. Street Trading Policy\n"
            "The Licensing Manager presented the draft policy.\n\n"
            "Licensing Committee, 9 June 2026\nRESOLVED that the draft policy be approved for consultation.\n")
    assert decisions(text, nlp) == ["the draft policy be approved for consultation."]


def test_a_single_item_page_without_a_title_line_is_named_by_its_description(nlp):
    text = ("Skip to content\nAgenda item\nMeeting of Schools Forum, Wednesday 14 January 2026 2.00 pm (Item 5.)\n"
            "To receive the proposed de-delegation arrangements for 2026/27.\nMinutes:\n"
            "The Finance Manager introduced the proposals.\nRESOLVED: That the arrangements be agreed.\n")
    [(number, title)] = items_of(text, nlp)
    assert number == "5" and title.startswith("proposed de-delegation arrangements")


def test_a_description_naming_who_reports_is_no_title():
    # "To receive an update from the Clerk": the one reporting, not the subject
    text = ("Agenda item\nMeeting of Parish Council, Monday 2 March 2026 7.00 pm (Item 9.)\n"
            "To receive an update from the Clerk. The following document is attached - Village Hall Accounts.\n")
    titles = [t for _, t in items_of(text)]
    assert not any(t.startswith("an update from") for t in titles)


def test_numbered_headings_run_into_their_first_sentence(nlp):
    text = ("Health Scrutiny Sub-Committee\nMinutes of the meeting held on 4 February 2026\n"
            "1 Apologies Apologies were received from Councillor A. Shah.\n"
            "2 Declarations of Interest There were none.\n"
            "3 Dental Access in the Borough The Sub-Committee received a report from the ICB. Members asked about waiting lists.\n"
            "RESOLVED: That the report be noted.\n"
            "4 Date of Next Meeting The next meeting will be on 1 April 2026.\n")
    assert items_of(text, nlp) == [("1", "Apologies"), ("2", "Declarations of Interest"),
                                   ("3", "Dental Access in the Borough"), ("4", "Date of Next Meeting")]


def test_a_capitals_title_ended_by_a_dash_keeps_its_reading(nlp):
    text = ("CABINET\nMinutes of the meeting held on 4 February 2026\n"
            "101 APOLOGIES FOR ABSENCE – There were no apologies.\n"
            "102 PUBLIC QUESTIONS – There were no questions received.\n")
    assert items_of(text, nlp) == [("101", "APOLOGIES FOR ABSENCE"), ("102", "PUBLIC QUESTIONS")]


def test_a_decision_cell_opening_recommended_is_kept_whole(nlp):
    text = ("Harlow Vale Council\nPlanning Policy Committee\nRecord of decisions: Thursday 5 March 2026\n"
            "Item\tSubject\tDecision\n4\tDesign Code SPD\tRecommended to Cabinet for adoption.\n"
            "5\tConservation Area Review\tNoted.\n")
    assert decisions(text, nlp) == ["Recommended to Cabinet for adoption.", "Noted."]


def test_a_running_header_and_page_number_on_one_row_leave_the_clauses():
    text = ("RESOLVED that:\n1. the annual audit letter be noted; and\n"
            "Kelford District Council                    Page 7\n"
            "2. the action plan be reviewed at the next meeting.\n")
    lines = normalise(text).text.splitlines()
    assert not any("Page 7" in line for line in lines)
    assert "1. the annual audit letter be noted; and" in [line.strip() for line in lines]


def test_a_decision_taker_field_names_the_body_and_an_ordinal_date(nlp):
    text = ("Officer and Member Decision Record\nDecision taker: Cabinet Member for Highways and Transport\n"
            "Decision date: 12th of May 2026\nTitle: Speed Limit Review\n\nDecision:\nThat the speed limits be approved.\n")
    meeting = meeting_of(text, nlp)
    assert meeting["body"] == "Cabinet Member for Highways and Transport" and meeting["date"] == "2026-05-12"


def test_a_decision_session_title_wrapped_over_two_lines(nlp):
    text = ("Decision Session – Cabinet Member for\n\nAdult Social Care and Health\n\n"
            "Report of the Director of Adult Services\n\n3 June 2026\n\nHome Care Fees 2026/27\n\n"
            "1. This report sets out proposed fees.\n")
    assert meeting_of(text, nlp)["body"] == "Cabinet Member for Adult Social Care and Health"


def test_held_on_the_ordinal_of_a_month(nlp):
    text = ("Minutes of the Allotments Committee held on the 3rd of June 2026 at the Pavilion\n\n"
            "1. Apologies\nNone.\n")
    meeting = meeting_of(text, nlp)
    assert meeting["body"] == "Allotments Committee" and meeting["date"] == "2026-06-03"


def test_minutes_of_a_named_body_with_no_date_line(nlp):
    text = "Minutes of the Corporate Parenting Panel\nMonday 8 June 2026\n\nChildren in care update\nThe Panel noted the report.\n"
    assert meeting_of(text, nlp)["body"] == "Corporate Parenting Panel"


def test_a_sites_menu_line_is_no_body(nlp):
    text = ("Home\nYour council\nAgenda item\nMeeting of Audit Panel, Monday 2 March 2026 6.00 pm (Item 3.)\n"
            "To consider the annual governance statement.\n")
    assert meeting_of(text, nlp)["body"] == "Audit Panel"


def test_body_with_a_remit_after_for_and_minutes_dash_date(nlp):
    text = ("Policy Committee for Housing, Planning and Regeneration - Thursday, 5th March, 2026 6.00 pm\n\n"
            "Items\n1. Apologies\nNone.\n")
    assert meeting_of(text, nlp)["body"] == "Policy Committee for Housing, Planning and Regeneration"
    text = "Roads and Transport Cabinet Member – Minutes – 9 April 2026\n\n14 PARKING – The report was noted.\n"
    assert meeting_of(text, nlp) == {"authority": None, "body": "Roads and Transport Cabinet Member", "date": "2026-04-09"}


def test_a_lone_date_line_under_the_title_dates_a_report_without_other_date(nlp):
    text = ("Decision Session – Cabinet Member for Libraries\n\nReport of the Head of Culture\n\n"
            "Quarterly Update\n\n16 September 2026\n\nLibrary Opening Hours\n\n1. This report reviews opening hours.\n")
    assert meeting_of(text, nlp)["date"] == "2026-09-16"
