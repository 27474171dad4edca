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


def test_a_numbered_heading_that_starts_with_a_councillors_name_runs_into_its_sentence(nlp):
    text = ("Minutes of the Council held on 4 March 2026\n\nPresent: Councillors A Lyle, B Moss and C Nair\n\n"
            "12. Apologies Apologies were received from Councillor D Orme.\n"
            "13. Councillor Lyle's motion on verge cutting Councillor Lyle moved the motion, which was seconded by "
            "Councillor Moss.\nRESOLVED that the motion be referred to the Cabinet.\n"
            "14. Report of Councillor Nair The Council considered the report of the Cabinet Member.\n")
    assert items_of(text, nlp) == [("12", "Apologies"), ("13", "Councillor Lyle's motion on verge cutting"),
                                   ("14", "Report of Councillor Nair")]


def test_bilingual_standard_headings_mark_an_unnumbered_welsh_page(nlp):
    text = ("Cofnodion / Minutes\nCyngor Cymuned Pen-y-bryn / Pen-y-bryn Community Council\n3 Mawrth / March 2026\n\n"
            "Yn bresennol / Present: Cyng. / Cllr A Rhys, B Wyn\n\n"
            "YMDDIHEURIADAU / APOLOGIES\nCyng. / Cllr C Parry.\n\n"
            "DATGAN BUDDIANT / DECLARATIONS OF INTEREST\nDim / None.\n\n"
            "CYLLID / FINANCE\nPENDERFYNWYD / RESOLVED: that the accounts be approved.\n")
    assert [t for _, t in items_of(text, nlp)] == ["YMDDIHEURIADAU / APOLOGIES",
                                                  "DATGAN BUDDIANT / DECLARATIONS OF INTEREST", "CYLLID / FINANCE"]


def test_a_title_wrapped_onto_the_next_line_is_whole(nlp):
    text = ("CABINET\n\nMinutes of a meeting held on 3 March 2026\n\nPresent: Councillor A Lyle (Chair)\n\n"
            "45\nCOUNCILLOR NAIR'S PROPOSAL FOR A\nYOUTH FORUM\nCouncillor Nair introduced the proposal.\n"
            "DECISION: That the proposal be supported.\n\n46\nTRANSPORT STRATEGY REVIEW OF\nBUS PRIORITY MEASURES\n"
            "The Cabinet Member presented the review.\nDECISION: That the review be noted.\n\n"
            "47\nURGENT ITEMS\nThere were none.\n")
    assert items_of(text, nlp) == [("45", "COUNCILLOR NAIR'S PROPOSAL FOR A YOUTH FORUM"),
                                   ("46", "TRANSPORT STRATEGY REVIEW OF BUS PRIORITY MEASURES"), ("47", "URGENT ITEMS")]


def test_recommended_to_a_body_keeps_the_body_out_of_the_decision(nlp):
    text = ("Minutes of the Cabinet held on 4 March 2026\n\n5. Budget 2026/27\nThe Cabinet Member introduced the report.\n"
            "RECOMMENDED TO COUNCIL – That the budget be approved.\n\n6. Capital Programme\nThe programme was discussed.\n"
            "Recommended to Council that the capital programme be approved.\n")
    assert decisions(text, nlp) == ["the budget be approved.", "the capital programme be approved."]


def test_parish_headings_run_into_their_minute_after_a_colon(nlp):
    text = ("Minutes of Fernley Parish Council meeting held on 4 March 2026\n\nPresent: Cllrs A Lyle, B Moss, C Nair\n\n"
            "26/101 Apologies: Cllr D Orme sent apologies, which were accepted.\n"
            "26/102 Declarations of interest: None.\n"
            "26/103 Minutes: Resolved that the minutes of 3 February 2026 be signed.\n"
            "26/104 Allotments: The Clerk reported that two plots were vacant. Resolved to advertise the vacant plots.\n"
            "26/105 Call-in: Closure of the Mill Lane Depot The Council considered the call-in of the decision.\n")
    assert items_of(text, nlp) == [("26/101", "Apologies"), ("26/102", "Declarations of interest"), ("26/103", "Minutes"),
                                   ("26/104", "Allotments"), ("26/105", "Call-in: Closure of the Mill Lane Depot")]
    assert decisions(text, nlp) == ["the minutes of 3 February 2026 be signed.", "advertise the vacant plots."]


def test_a_minute_reference_alone_over_its_title(nlp):
    text = ("Minutes of the Panel held on 4 March 2026\n\nPresent: Cllrs A Lyle, B Moss\n\n"
            "Min 34/26\nBudget Monitoring\nThe officer presented the report.\nRESOLVED: That the report be noted.\n\n"
            "Min 35/26\nFees and Charges Review\nThe Panel discussed the fees.\nRESOLVED: That the fees be approved.\n")
    assert items_of(text, nlp) == [("34/26", "Budget Monitoring"), ("35/26", "Fees and Charges Review")]


def test_an_unnumbered_capitals_title_wrapped_onto_a_second_line(nlp):
    text = ("MINUTES OF THE MEETING OF THE LICENSING COMMITTEE HELD ON 4 MARCH 2026\n\nPRESENT: Councillors A Lyle, B Moss\n\n"
            "APOLOGIES\nNone.\n\nREVIEW OF THE STATEMENT OF GAMBLING\nPRINCIPLES 2026-2029\n"
            "The Licensing Manager presented the draft statement.\nRESOLVED: That the statement be approved for consultation.\n\n"
            "ANY OTHER BUSINESS\nThere was none.\n")
    assert [t for _, t in items_of(text, nlp)] == ["APOLOGIES", "REVIEW OF THE STATEMENT OF GAMBLING PRINCIPLES 2026-2029",
                                                  "ANY OTHER BUSINESS"]


def test_notes_with_no_header_that_record_decisions_read_their_headings_from_the_first_line(nlp):
    text = ("Care leavers' bus passes\nThe Head of Service explained the scheme and how many had applied.\n"
            "The Panel AGREED to promote the scheme through the Children in Care Council.\n\n"
            "Placement sufficiency strategy\nThe Commissioning Manager presented the draft strategy. Members asked about "
            "local provision.\nThe Panel AGREED that the strategy be endorsed.\n\n"
            "Feedback from young people\nMembers of the Children in Care Council described the summer programme.\n")
    assert [t for _, t in items_of(text, nlp)] == ["Care leavers' bus passes", "Placement sufficiency strategy",
                                                  "Feedback from young people"]


def test_a_report_with_no_header_and_no_decisions_keeps_its_subheadings_inside_one_item(nlp):
    text = ("Fostering Service Annual Report\nThis report sets out the work of the fostering service over the year.\n\n"
            "Recruitment of foster carers\nThe service approved new households during the year and held events.\n\n"
            "Support for carers\nCarers are offered supervision and training throughout the year.\n")
    assert len(items_of(text, nlp)) <= 1


def test_numbered_headings_run_into_a_sentence_whose_subject_is_a_named_body_or_person(nlp):
    text = ("Minutes of the Audit Committee held on 4 March 2026\n\nPresent: Cllrs A Lyle, B Moss\n\n"
            "5. Apologies Apologies were received from Cllr C Nair.\n"
            "6. Audit Wales report on digital strategy Audit Wales presented its findings on the strategy.\n"
            "RESOLVED that the report be noted.\n"
            "7. Internal audit progress report Mrs Orme, Head of Internal Audit, presented the report.\n"
            "8. Update from Healthwatch Healthwatch reported that its visits had continued.\n")
    assert items_of(text, nlp) == [("5", "Apologies"), ("6", "Audit Wales report on digital strategy"),
                                   ("7", "Internal audit progress report"), ("8", "Update from Healthwatch")]


def test_numbered_headings_run_into_their_minute_after_a_dash(nlp):
    text = ("Minutes of the Audit Committee held on 4 March 2026\n\nPresent: Cllrs A Lyle, B Moss\n\n"
            "5. Apologies – none.\n"
            "6. Treasury Management Strategy – the Head of Finance presented the strategy. RESOLVED that it be approved.\n"
            "7. Risk register – Members reviewed the register.\n"
            "8. Petition - Street Lighting in Mill Lane\nThe Committee noted the petition.\n")
    assert items_of(text, nlp) == [("5", "Apologies"), ("6", "Treasury Management Strategy"), ("7", "Risk register"),
                                   ("8", "Petition - Street Lighting in Mill Lane")]
    assert decisions(text, nlp) == ["it be approved."]
