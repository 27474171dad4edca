"""Items and decisions in layouts of councils the rules were not written against (issue #10, wt-itres probes,
sixth set): tables of items whose last column is the decision, 'Conclusion:' labels in tabbed Word minutes,
past-tense decisions of a body under a Decision heading, a 'Summary of decision' heading on a delegated
decision record, the 'Document' icon word before a ModernGov title, a date after a numbered title's colon,
and a meeting date written 'May 2nd 2025' followed by the time. Every text here is written for the test."""

from written_sentences import decisions, items_of
from minutes_extract.extract import extract_text
from minutes_extract.normalise import normalise


HEAD = "Ormsby Town Council\n\nPlanning and Environment Committee\n\nMinutes of the meeting held on 2 June 2025\n\n"


def test_an_item_table_with_a_decision_column(nlp):
    rows = [("PE/41", "Apologies", "None received."),
            ("PE/42", "Tree Preservation Order, Hall Lane", "That the order be confirmed without modification."),
            ("PE/43", "Allotment Rents", "Deferred to the next meeting."),
            ("PE/44", "Street Naming, Former Dairy Site", "The Committee approved the name Creamery Close.")]
    text = HEAD + "Ref\tItem\tDecision\n" + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows)
    assert items_of(text, nlp) == [(a, b) for a, b, _ in rows]
    assert decisions(text, nlp) == [c for _, _, c in rows[1:]]


def test_the_rows_of_an_item_table_stay_apart_from_their_cells():
    title = "Consultation Response on the Draft Minerals and Waste Local Plan Preferred Options"
    text = HEAD + "No.\tSubject\tOutcome\n" + f"7\t{title}\tApproved.\n8\tLitter Bins\tNoted.\n"
    lines = [line.strip() for line in normalise(text).text.splitlines()]
    assert f"7 {title}" in lines and "Approved." in lines


def test_a_table_without_a_decision_column_is_left_as_it_was(nlp):
    text = HEAD + "Item\tSubject\tLead officer\n1\tBudget\tHead of Finance\n2\tParking\tHead of Highways\n"
    assert not decisions(text, nlp)


def test_conclusion_labels_in_tabbed_minutes(nlp):
    text = (HEAD + "1.\tAllotments Strategy\n\tThe Parks Officer outlined the waiting list.\n"
            "\tConclusion:\tThe strategy was approved.\n"
            "2.\tCommunity Grants\n\tConclusion:\tThe grants listed were agreed.\n")
    assert decisions(text, nlp) == ["The strategy was approved.", "The grants listed were agreed."]


def test_a_conclusion_label_over_narrative_is_no_decision(nlp):
    text = HEAD + "1. Air Quality\nConclusion: Members discussed the monitoring results at length.\n"
    assert not decisions(text, nlp)


def test_a_body_adopting_under_a_decision_heading(nlp):
    text = (HEAD + "Item 3 - Tree Strategy\nDECISION:\nThe Committee adopted the Tree Strategy 2025-2035.\n"
            "Reason for decision: To meet the canopy cover target.\n")
    assert decisions(text, nlp) == ["The Committee adopted the Tree Strategy 2025-2035."]


def test_summary_of_decision_on_a_delegated_record(nlp):
    text = ("RECORD OF DELEGATED DECISION\n\nTitle:\tSale of Surplus Depot Land at Kiln Road\n"
            "Decision taker:\tHead of Property\n\nSummary of decision\n"
            "To sell the surplus land at Kiln Road to the highest bidder at auction.\n\n"
            "Reasons for the decision\nThe land is no longer needed for depot use.\n")
    assert decisions(text, nlp) == ["To sell the surplus land at Kiln Road to the highest bidder at auction."]


def test_the_document_icon_word_is_no_part_of_a_title(nlp):
    text = ("Items\n11.\tDocument Annual Complaints Report PDF 320 KB\nMinutes:\nRESOLVED: That the report be noted.\n"
            "12.\tDocument Retention Policy PDF 90 KB\nMinutes:\nRESOLVED: That the policy be approved.\n")
    assert items_of(text, nlp) == [("11", "Annual Complaints Report"), ("12", "Document Retention Policy")]


def test_a_date_after_a_numbered_titles_colon(nlp):
    text = (HEAD + "25/061 Finance\nRESOLVED: the accounts be approved.\n\n"
            "25/062 Date of next meeting: Tuesday 1st July 2025.\n")
    assert items_of(text, nlp)[-1] == ("25/062", "Date of next meeting")


def test_a_page_date_line_is_still_no_title(nlp):
    text = "Ofsted inspection outcome\n\nPage last updated: 3 March 2025\n\nThe service was judged good.\n"
    assert all(title != "Page last updated" for _, title in items_of(text, nlp))


def test_a_month_first_meeting_date_before_the_time(nlp):
    text = "Ormsby Town Council\nLeisure Committee\nMinutes of the meeting held on May 2nd 2025, 7.00 pm, Town Hall\n\n1. Apologies\nNone.\n"
    assert extract_text(text, nlp=nlp).meeting.date == "2025-05-02"


def test_an_item_table_with_a_presenter_column_before_the_decision(nlp):
    text = (HEAD + "Item\tSubject\tPresented by\tOutcome\n"
            "H.7\tCemetery Fees\tBereavement Manager\tApproved.\n"
            "H.8\tPlay Area Inspection\tParks Officer\tThe inspection results were noted.\n")
    assert items_of(text, nlp) == [("H.7", "Cemetery Fees"), ("H.8", "Play Area Inspection")]
    assert decisions(text, nlp) == ["Approved.", "The inspection results were noted."]


def test_a_body_resolving_in_capitals_starts_its_own_line():
    text = "21. Review of Ward Budgets\nMembers RESOLVED:- that the ward budgets be carried forward.\n"
    assert normalise(text).text.splitlines() == ["21. Review of Ward Budgets",
                                                 "Members RESOLVED:- that the ward budgets be carried forward."]


def test_another_bodys_decision_reported_over_a_line_break_is_no_decision(nlp):
    text = (HEAD + "4. Flood Resilience\n"
            "The Clerk reported that at its meeting in May the District Council had\n"
            "RESOLVED that sandbag stores be provided in each parish.\n"
            "RESOLVED: That the update be noted.\n")
    assert decisions(text, nlp) == ["the update be noted."]


def test_a_meeting_date_in_capitals_without_an_article(nlp):
    text = ("NORTHBRIDGE CITY COUNCIL\n\nLICENSING COMMITTEE\n\nMINUTES OF MEETING HELD ON FRIDAY 9 FEBRUARY 2024\n\n"
            "12.   APOLOGIES\n\n      None.\n")
    assert extract_text(text, nlp=nlp).meeting.date == "2024-02-09"


def test_a_decision_date_under_its_label(nlp):
    text = ("Issue - decisions\n\nResurfacing of Mill Lane Car Park\n\nDate of Decision:\n\nApril 22nd 2024\n\n"
            "Decision Maker:\n\nHead of Highways\n\nDecision:\nTo resurface the car park in August 2024.\n")
    assert extract_text(text, nlp=nlp).meeting.date == "2024-04-22"


def test_a_motion_proposed_after_a_sentence_and_carried_in_the_next(nlp):
    text = (HEAD + "25/070 Bus Shelter\nThree quotations were considered. It was proposed by Cllr Dean and seconded by "
            "Cllr Amis that the quotation from Shelterco be accepted. Carried unanimously.\n")
    assert decisions(text, nlp) == ["that the quotation from Shelterco be accepted."]


def test_a_motion_proposed_and_lost_is_no_decision(nlp):
    text = (HEAD + "25/071 Christmas Lights\nIt was proposed by Cllr Dean that the budget be doubled. "
            "On being put to the vote the motion was lost.\n")
    assert not decisions(text, nlp)


def test_notes_of_the_meeting_give_the_meeting_date(nlp):
    text = "Ashby Vale Safer Streets Board\n\nNotes of the meeting held on 19 June 2024\n\nWelcome\nThe Chair opened the meeting.\n"
    assert extract_text(text, nlp=nlp).meeting.date == "2024-06-19"


def test_a_bare_participle_after_a_short_subject_under_a_decision_label(nlp):
    text = (HEAD + "PL.7 Application 25/0102 - Orchard Barn\nDECISION: Listed building consent granted subject to conditions.\n"
            "PL.8 Application 25/0140 - Old School\nDECISION: Members asked about parking at length.\n")
    assert decisions(text, nlp) == ["Listed building consent granted subject to conditions."]


def test_a_decision_cell_naming_who_agreed(nlp):
    text = HEAD + "No.\tSubject\tOutcome\n3\tSchool Funding Formula\tSecondary headteachers agreed to keep the current formula.\n4\tHigh Needs Update\tNoted.\n"
    assert decisions(text, nlp) == ["Secondary headteachers agreed to keep the current formula.", "Noted."]
