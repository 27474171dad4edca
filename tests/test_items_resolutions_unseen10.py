"""Items in layouts of councils the rules were not written against (issue #10, wt10-items probes s10i01-s10i10):
an unnumbered procedural heading after the last numbered item, and a title-cased heading wrapped over two lines
as a block set apart by blank lines. Every text here is written for the test."""

from written_sentences import items_of

PARISH = ("NETHERFORD PARISH COUNCIL\n\nMinutes of the meeting held on Monday 2nd March 2026 at 7.30pm\n\n"
          "Present: Cllrs A Bright (Chair), C Dale, E Frost\n\n"
          "1) Apologies for absence\nCllr Green sent apologies.\n\n"
          "2) Minutes of the previous meeting\nThe minutes of 2nd February 2026 were approved.\n\n"
          "3) Footpaths\nThe Clerk reported that the stile on footpath 7 had been replaced.\n\n")


def test_an_unnumbered_date_of_next_meeting_heading_after_the_numbered_items_is_an_item(nlp):
    text = PARISH + "Date of next meeting\nMonday 6th April 2026 at 7.30pm.\n\nThe meeting closed at 8.50pm.\n"
    titles = [title for _, title in items_of(text, nlp)]
    assert titles == ["Apologies for absence", "Minutes of the previous meeting", "Footpaths", "Date of next meeting"]


def test_a_date_of_next_meeting_line_with_its_date_after_a_colon_is_no_item(nlp):
    text = PARISH + "Date of next meeting: Monday 6th April 2026.\n"
    assert [title for _, title in items_of(text, nlp)][-1] == "Footpaths"


def test_a_field_that_begins_with_an_agenda_title_is_no_trailing_item(nlp):
    text = ("Cabinet - record of decisions, 4 March 2026\n\n1  Apologies for Absence\n\nNone.\n\n"
            "2  Parking Charges Review\n\nDecision\n\nThat Cabinet approves the revised charges.\n\n"
            "Declarations of interest by any Cabinet Member\n\nNone.\n")
    titles = [title for _, title in items_of(text, nlp)]
    assert titles == ["Apologies for Absence", "Parking Charges Review"]


def test_a_title_cased_heading_wrapped_onto_a_second_line_before_a_blank_line(nlp):
    text = ("Harbourside Health and Wellbeing Board\n\nMinutes of the meeting held on 3 March 2026\n\n"
            "Item 1: Welcome and Apologies\n\nApologies were received from the Director of Public Health.\n\n"
            "Item 2: Pharmaceutical Needs Assessment and Community Pharmacy\nAccess Review\n\n"
            "The Board considered the draft assessment.\n\n"
            "Item 3: Better Care Fund Plan\n\nThe Board approved the plan.\n")
    titles = [title for _, title in items_of(text, nlp)]
    assert titles[1] == "Pharmaceutical Needs Assessment and Community Pharmacy Access Review"


def test_a_presenters_name_under_a_title_is_not_part_of_it(nlp):
    text = ("Harbourside Health and Wellbeing Board\n\nMinutes of the meeting held on 3 March 2026\n\n"
            "Item 1: Welcome and Apologies\n\nApologies were received from the Director of Public Health.\n\n"
            "Item 2: Better Care Fund Plan\nDr Ruth Okoye\n\nThe Board approved the plan.\n\n"
            "Item 3: Any Other Business\n\nNone.\n")
    titles = [title for _, title in items_of(text, nlp)]
    assert titles[1] == "Better Care Fund Plan"


def test_a_title_with_its_document_link_and_the_pages_label_run_onto_its_line(nlp):
    # (a meeting web page printed to PDF: the link "PDF 498 KB" and the "Minutes:" label joined to the title line)
    text = ("Agenda and minutes\n\nAudit Committee - Tuesday, 3rd March, 2026 2.00 pm\n\n"
            "1.\n\nApologies for Absence\nMinutes:\n\nApologies were received from Councillor Hart.\n"
            "2.\n\nInternal Audit Plan 2026/27 PDF 498 KB Additional documents:\nPlan Appendix A PDF 130 KB\nMinutes:\n\n"
            "RESOLVED: That the plan be approved.\n"
            "3.\n\nRisk Management Update PDF 356 KB Minutes:\n\nRESOLVED: That the update be noted.\n")
    titles = [title for _, title in items_of(text, nlp)]
    assert titles == ["Apologies for Absence", "Internal Audit Plan 2026/27", "Risk Management Update"]


def test_a_presenters_name_and_role_under_an_unnumbered_title_is_no_item(nlp):
    text = ("Ashby Vale District Council\n\nPlanning and Licensing Committee\n\nMinutes of the meeting held on "
            "10 March 2026\n\nMembers present: Cllr R Moss (Chair), Cllr S Neal\n\n"
            "Apologies\nCllr V Shaw.\n\nDeclarations of interest\nNone.\n\n"
            "Land at Mill Lane, Ashby - outline application for up to 80 dwellings\nPeter Lowe, Planning Manager\n"
            "The Planning Manager presented the report.\nResolved: That permission be granted.\n\n"
            "Review of Street Trading Policy\nAnna Cole - Senior Solicitor\n"
            "The Senior Solicitor presented the report.\nResolved: That the policy be adopted.\n")
    titles = [title for _, title in items_of(text, nlp)]
    assert titles == ["Apologies", "Declarations of interest",
                      "Land at Mill Lane, Ashby - outline application for up to 80 dwellings",
                      "Review of Street Trading Policy"]


def test_unnumbered_titles_over_the_pages_minutes_label_are_items(nlp):
    text = ("Minutes of the Schools Forum\nThursday 5 March 2026\nApologies\nMinutes:\n"
            "Apologies were received from the diocesan representative.\n"
            "Central School Services Block 2026/27\nMinutes:\nThe Head of Finance presented the report.\n"
            "Decision:\nThe Forum noted the report.\n"
            "Falling Rolls Fund Criteria\nMinutes:\nThe Forum considered the criteria.\nDecision:\n"
            "The Forum agreed the criteria.\nAny Other Business\nMinutes:\nNone.\n")
    titles = [title for _, title in items_of(text, nlp)]
    assert titles == ["Apologies", "Central School Services Block 2026/27", "Falling Rolls Fund Criteria",
                      "Any Other Business"]


def test_an_agenda_item_label_over_the_minutes_of_the_last_meeting_gives_their_items(nlp):
    text = ("Public Document Pack\n\nAgenda Item 4\n\nHOUSING SCRUTINY PANEL\n\n"
            "MINUTES OF THE MEETING HELD ON 12 JANUARY 2026\n\nPresent: Councillor A Rowe (Chair), Councillor B Sim\n\n"
            "21   APOLOGIES\n     Apologies were received from Councillor Tait.\n\n"
            "22   TENANT SATISFACTION MEASURES\n     The Head of Housing presented the report.\n"
            "     RESOLVED that the report be noted.\n\n                                   Page 11\n\n"
            "23   DAMP AND MOULD ACTION PLAN\n     RESOLVED that the plan be endorsed.\n")
    items = items_of(text, nlp)
    assert [title for _, title in items] == ["APOLOGIES", "TENANT SATISFACTION MEASURES", "DAMP AND MOULD ACTION PLAN"]


def test_a_running_header_ending_in_the_date_is_not_the_first_line_of_the_next_title(nlp):
    text = ("CABINET\n12 MARCH 2026\n\nPresent: Councillor D Fir (Leader), Councillors E Gum, F Hazel\n\n"
            "APOLOGIES FOR ABSENCE\n\nApologies were received from Councillor Ivy.\n\n"
            "MEDIUM TERM FINANCIAL STRATEGY\n\nRESOLVED that the strategy be recommended to Council.\n\n"
            "CABINET 12 MARCH 2026\n\nSCHOOL CONDITION PROGRAMME\n\nRESOLVED that the programme be approved.\n")
    titles = [title for _, title in items_of(text, nlp)]
    assert titles[-1] == "SCHOOL CONDITION PROGRAMME"


def test_unnumbered_headings_over_discussion_and_action_labels_are_items(nlp):
    text = ("ADULT SAFEGUARDING BOARD EXECUTIVE\nMinutes - 24 March 2026\n\n"
            "Attendance\nDirector of Adult Social Services (Chair)\nChief Nurse, Integrated Care Board\n\n"
            "Safeguarding Adult Reviews\nDiscussion\nOne new review had been commissioned since January.\n"
            "Action\nBusiness manager to circulate the terms of reference.\n\n"
            "Self-Neglect Audit\nDiscussion\nThe audit found that risk assessments were inconsistent.\n"
            "Action\nAudit group to report back in July.\n")
    titles = [title for _, title in items_of(text, nlp)]
    assert titles == ["Safeguarding Adult Reviews", "Self-Neglect Audit"]


def test_an_unstopped_sentence_of_notes_is_body_under_a_heading(nlp):
    segmenter = nlp.get_pipe("minutes_segmenter").segmenter
    lines = segmenter.read_lines("Finance\nPayments of £1,245 were approved\nHighways\n")
    assert segmenter.body_follows(lines, 0)
    assert not segmenter.body_follows(lines, 1)


def test_unnumbered_headings_of_notes_kept_as_bullet_points_are_items(nlp):
    text = ("Notes of the Early Years Partnership\nMeeting held on 25 March 2026\n\n"
            "Present: Cllr P Ray (Chair), Head of Early Years, Health Visiting Lead\n\n"
            "Childcare sufficiency\n- 92% of eligible two-year-olds took up a place\n- Two new settings opened\n\n"
            "Funding reforms\n- Expansion of entitlements from September\n- Providers concerned about rates\n\n"
            "Workforce\n- Recruitment remains difficult in rural areas\n")
    titles = [title for _, title in items_of(text, nlp)]
    assert titles == ["Childcare sufficiency", "Funding reforms", "Workforce"]


def test_a_labelled_row_after_bullets_is_no_heading(nlp):
    text = ("Minutes of the Scrutiny Panel held on 3 March 2026\n\nPresent: Councillors A, B and C\n\n"
            "Inspection outcome\nThe Director reported the grades:\n- Help and protection: Good\n- Children in care: Good\n"
            "Leadership and management: Good\n\nThe Panel welcomed the outcome.\n\n"
            "Work programme\nThe Panel agreed its work programme.\n")
    titles = [title for _, title in items_of(text, nlp)]
    assert "Leadership and management: Good" not in titles
