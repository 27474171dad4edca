"""Items and decisions in layouts of councils the rules were not written against (issue #10, wt6-items
probes t21-t30): long capitalised headings of an unnumbered meeting page that start with a person's name or a
'CALL-IN:' label, a numbered decision record under a 'Decisions' heading, and 'Resolved:' after a sentence
on the same line. Every text here is written for the test."""

from written_sentences import decisions, items_of


def test_long_capitalised_headings_on_an_unnumbered_page_are_items(nlp):
    text = ("WESTBRIDGE CITY COUNCIL\n\nHOUSING SCRUTINY PANEL\n\nMINUTES OF THE MEETING HELD ON 3 MARCH 2026\n\n"
            "PRESENT: Councillor A Byrne (Chair); Councillors C Dale and E Frost\n\n"
            "APOLOGIES\nApologies were received from Councillor G Hart.\n\n"
            "DECLARATIONS OF INTEREST\nThere were no declarations of interest.\n\n"
            "COUNCILLOR OSEI'S REQUEST FOR A REVIEW OF EMPTY HOMES BROUGHT BACK INTO USE\n"
            "Councillor Osei explained why she had asked for the review and answered questions from the Panel.\n"
            "RESOLVED: That a review be added to the work programme.\n\n"
            "CALL-IN: DECISION ON THE CLOSURE OF THE HIGH STREET HOUSING OFFICE\n"
            "The Panel considered the call-in of the Cabinet decision and heard from the members who made it.\n"
            "RESOLVED: That no further action be taken.\n")
    titles = [t for _, t in items_of(text, nlp)]
    assert "COUNCILLOR OSEI'S REQUEST FOR A REVIEW OF EMPTY HOMES BROUGHT BACK INTO USE" in titles
    assert "CALL-IN: DECISION ON THE CLOSURE OF THE HIGH STREET HOUSING OFFICE" in titles


def test_a_long_sentence_case_line_is_still_no_item(nlp):
    text = ("Minutes of the meeting held on 3 March 2026\n\nPresent: Councillors A Byrne and C Dale\n\n"
            "Apologies\nApologies were received from Councillor G Hart.\n\n"
            "Declarations of interest\nThere were none.\n\n"
            "Members were reminded about the training session on the new code of conduct next week\n"
            "The session would be held in the council chamber and would last about an hour.\n")
    titles = [t for _, t in items_of(text, nlp)]
    assert not any(t.startswith("Members were reminded") for t in titles)


def test_numbered_records_under_a_decisions_heading_are_items(nlp):
    text = ("Record of Decisions - Cabinet Member for Transport Decision Session\nMonday, 9 March 2026\n\n"
            "Decisions\n\n7. Cycle Parking on Dene Road\n\nDecision Maker: Cabinet Member for Transport\n\n"
            "Decision:\nThat the cycle parking scheme be approved as advertised.\n\n"
            "8. Bus Stop Relocation - Station Approach\n\nDecision Maker: Cabinet Member for Transport\n\n"
            "Decision:\nThat the bus stop be moved as shown in the plan.\n")
    assert [t for _, t in items_of(text, nlp)] == ["Cycle Parking on Dene Road", "Bus Stop Relocation - Station Approach"]


def test_numbered_clauses_under_a_resolved_heading_stay_clauses(nlp):
    text = ("Minutes of the Audit Committee held on 9 March 2026\n\n4. Internal Audit Plan\n"
            "The Head of Audit presented the plan.\nRESOLVED:\n1. That the plan be approved.\n"
            "2. That progress be reported in September.\n\n5. Risk Register\nThe register was discussed.\n")
    assert [t for _, t in items_of(text, nlp)] == ["Internal Audit Plan", "Risk Register"]


def test_resolved_after_a_sentence_on_the_same_line(nlp):
    text = ("Minutes of the Meeting of Ashfold Parish Council held on 2 March 2026\n\n"
            "26/014 Apologies\nCllr P Wren - family commitments. Resolved: to accept the apologies.\n\n"
            "26/015 Finance\n(a) Payments schedule. Resolved: that the payments listed be approved.\n"
            "(b) The Clerk reported the bank balance. Members were pleased it was resolved.\n")
    assert decisions(text, nlp) == ["accept the apologies.", "the payments listed be approved."]
