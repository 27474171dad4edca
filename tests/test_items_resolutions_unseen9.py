"""Items and decisions in layouts of councils the rules were not written against (issue #10, wt7-items probes,
session 7): bilingual section labels and two-line bilingual titles, unnumbered titles wrapped over two lines in
title or sentence case, a report header in cells, 'Agenda Item N' over the meeting's header lines, a capitals
council line over a report's title, 'Decision: The Committee:' over its clauses, an adjunct between 'resolved'
and its clause, slash minute references, decisions alike but for their figures, and 'The Board noted X' under a
decision heading. Every text here is written for the test."""

from written_sentences import decisions, items_of


def test_a_bilingual_decision_label_heads_verbless_decisions(nlp):
    text = ("CYNGOR SIR TREFALLT\nTREFALLT COUNTY COUNCIL\n\nMinutes of the Education Scrutiny Committee held on "
            "Monday, 9 March 2026\n\n"
            "1. DATGAN BUDDIANT / DECLARATIONS OF INTEREST\nNo declarations were made.\n\n"
            "2. ADRODDIAD PRESENOLDEB / SCHOOL ATTENDANCE REPORT\nThe Head of Inclusion presented the report.\n"
            "PENDERFYNIAD / DECISION\nTo accept the report and to ask for an update in the autumn term.\n")
    assert decisions(text, nlp) == ["To accept the report and to ask for an update in the autumn term."]


def test_a_number_alone_over_a_welsh_and_an_english_title_line(nlp):
    text = ("CYNGOR SIR TREFALLT\nTREFALLT COUNTY COUNCIL\n\nMinutes of the Education Scrutiny Committee held on "
            "Monday, 9 March 2026\n\n"
            "1.\nYMDDIHEURIADAU\nAPOLOGIES\nApologies were received from Councillor Rhys.\n\n"
            "2.\nCYNLLUN TRAFNIDIAETH YSGOL\nSCHOOL TRANSPORT POLICY\nThe Head of Transport presented the policy.\n\n"
            "3.\nRHAGLEN WAITH\nFORWARD WORK PROGRAMME\nPENDERFYNIAD / DECISION\nTo approve the programme.\n")
    assert [title for _, title in items_of(text, nlp)] == [
        "YMDDIHEURIADAU APOLOGIES", "CYNLLUN TRAFNIDIAETH YSGOL SCHOOL TRANSPORT POLICY",
        "RHAGLEN WAITH FORWARD WORK PROGRAMME"]


DECISION_RECORD = ("Eastvale Combined Authority\n\nRecord of decisions of the Investment Board\n\n"
                   "Meeting held on Friday 6 March 2026\n\n"
                   "Apologies for absence\nApologies were received from Councillor Hale.\n\n"
                   "Declarations of interest\nThere were none.\n\n")


def test_an_unnumbered_title_case_title_wrapped_over_two_lines(nlp):
    text = DECISION_RECORD + ("Strategic Housing Delivery Fund Pipeline\nReview 2026-2030\n"
                              "Report of the Director of Housing. Eleven schemes were put forward.\n"
                              "DECISION\nThe Board approved the pipeline.\n\n"
                              "Digital Skills Bootcamps Contract\nExtension and Variation\n"
                              "Report of the Director of Skills.\nDECISION\nThe Board approved the extension.\n")
    titles = [title for _, title in items_of(text, nlp)]
    assert titles[2:] == ["Strategic Housing Delivery Fund Pipeline Review 2026-2030",
                          "Digital Skills Bootcamps Contract Extension and Variation"]


def test_a_long_sentence_case_title_over_its_report_line(nlp):
    text = DECISION_RECORD + ("Gainshare investment: second tranche of funding for town centre regeneration schemes\n"
                              "Report of the Director of Regeneration. The tranche is worth £12 million.\n"
                              "DECISION\nThe Board approved the second tranche.\n")
    assert items_of(text, nlp)[-1][1] == (
        "Gainshare investment: second tranche of funding for town centre regeneration schemes")


def test_the_board_noted_under_a_decision_heading_keeps_its_subject(nlp):
    text = DECISION_RECORD + ("Quarterly risk report\nThe Chief Executive presented the report.\n"
                              "DECISION\nThe Board noted the risk register and the new mitigation for cyber risk.\n")
    assert decisions(text, nlp) == ["The Board noted the risk register and the new mitigation for cyber risk."]


def test_a_report_header_in_cells_gives_the_title_cell(nlp):
    text = ("Eastvale Police and Crime Panel | Annual Report of the Police and Crime Commissioner 2025/26 | "
            "16 June 2026\n\nReport of the Chief Executive of the Commissioner's Office\n\n"
            "1. Purpose\n1.1 To present the Commissioner's annual report.\n\n"
            "2. Recommendation\n2.1 That the Panel reviews the annual report and makes any recommendations.\n")
    assert [title for _, title in items_of(text, nlp)] == [
        "Annual Report of the Police and Crime Commissioner 2025/26"]


def test_agenda_item_over_the_meetings_header_lines_then_the_title(nlp):
    text = ("Agenda Item 4\n\nHarwood Borough Council\nHousing Scrutiny Panel – 11 May 2026\n\n"
            "Tenant Satisfaction Measures: Year Two Results\n\nIntroduction\n"
            "This report sets out the results of the second annual tenant survey.\n")
    assert items_of(text, nlp) == [("4", "Tenant Satisfaction Measures: Year Two Results")]


def test_decision_label_over_the_committee_and_its_clauses(nlp):
    text = ("Minute of meeting of the Housing Committee of Kilbrae Council held on Tuesday 3 March 2026\n\n"
            "Item 4\nHomelessness Strategy Update\nThere was submitted a report by the Head of Housing.\n"
            "Decision: The Committee:\n(a) approved the revised action plan; and\n"
            "(b) noted that a further update would be given in September.\n")
    assert decisions(text, nlp) == [
        "(a) approved the revised action plan; and\n(b) noted that a further update would be given in September."]


def test_an_adjunct_between_resolved_and_its_clause(nlp):
    text = ("Minute of meeting of the Housing Committee of Kilbrae Council held on Tuesday 3 March 2026\n\n"
            "Item 9\nExclusion of the Public\nThe Committee resolved under Section 50A(4) of the Local Government "
            "(Scotland) Act 1973 to exclude the public for the next item of business.\n")
    assert decisions(text, nlp) == ["under Section 50A(4) of the Local Government (Scotland) Act 1973 to exclude "
                                    "the public for the next item of business."]


def test_decisions_alike_but_for_their_figures_are_not_copies(nlp):
    text = ("Ashby Parva Parish Council\n\nMinutes of the meeting held on Tuesday 12 May 2026\n\n"
            "26/041 Apologies\nNone.\n\n26/042 Grants\n"
            "26/042.1 Village Hall Trust - RESOLVED to award a grant of £800.\n"
            "26/042.2 Ashby Youth Football - RESOLVED to award a grant of £650.\n\n"
            "26/043 Correspondence\nThe Clerk reported on correspondence received.\n")
    assert decisions(text, nlp) == ["award a grant of £800.", "award a grant of £650."]


def test_a_numbered_title_run_into_there_was_submitted_keeps_its_last_word(nlp):
    text = ("Minute of Meeting of the Audit Committee of Strathkeld Council held on Thursday 12 March 2026\n\n"
            "1. Declarations of Interest\nNone.\n\n"
            "2. Internal Audit Plan Progress\nThere was submitted a report by the Chief Internal Auditor.\n\n"
            "3. Counter Fraud Policy Refresh There was submitted a report by the Head of Finance.\n")
    # (the third heading run into its minute, as a narrow page's wrapping leaves it)
    assert [title for _, title in items_of(text, nlp)] == [
        "Declarations of Interest", "Internal Audit Plan Progress", "Counter Fraud Policy Refresh"]


PARISH = ("Nether Wyke Parish Council\n\nMinutes of the Parish Council meeting held on Monday 11 May 2026\n\n"
          "Present: Cllrs R Dean (Chair), F Good, S Pike\n\n")


def test_a_resolution_label_after_a_sentence_with_a_lower_case_infinitive(nlp):
    text = PARISH + ("Min 14/26 Apologies\nCllr Ward - work commitment. Resolution: to accept the apologies.\n\n"
                     "Min 15/26 Correspondence\nThe Clerk read a letter from the County Council.\n")
    assert decisions(text, nlp) == ["to accept the apologies."]


def test_a_decision_in_sub_minute_i_does_not_take_sub_minute_ii(nlp):
    text = PARISH + ("Min 16/26 Finance\ni. Payments. The payments schedule was presented. Agreed: to approve the "
                     "payments.\nii. Bank reconciliation. Noted.\n\n"
                     "Min 17/26 Next meeting\nMonday 8 June 2026.\n")
    assert decisions(text, nlp) == ["approve the payments."]


def test_numbered_decision_labels_are_items(nlp):
    text = ("Harbridge Borough Council\n\nCabinet - Record of Decisions\n\nDate: 19 May 2026\n\n"
            "Decision 1: Air Quality Action Plan\nDecision:\nTo adopt the Air Quality Action Plan 2026-2031.\n"
            "Reasons for decision: To meet the Council's duties.\n\n"
            "Decision 2: Community Grants Scheme\nDecision:\nAgreed the revised criteria for community grants.\n"
            "Reasons for decision: To target funding at the greatest need.\n")
    assert items_of(text, nlp) == [("1", "Air Quality Action Plan"), ("2", "Community Grants Scheme")]


def test_a_title_ending_with_a_colon_goes_on_in_lower_case(nlp):
    text = DECISION_RECORD + ("Local Growth Plan:\nrefresh of priorities\n"
                              "Report of the Director of Economy. Members asked about rural areas.\n"
                              "DECISION\nThe Board approved the refreshed priorities.\n")
    assert items_of(text, nlp)[-1][1] == "Local Growth Plan: refresh of priorities"


def test_report_to_and_date_lines_over_a_capitals_title(nlp):
    text = ("REPORT TO CABINET\n\n14 July 2026\n\nCOUNCIL TAX REDUCTION SCHEME 2027/28\n\n"
            "Cabinet Member: Councillor A Finch, Resources\n\n1. PURPOSE\n1.1 To consult on the scheme.\n\n"
            "2. RECOMMENDATIONS\n2.1 Cabinet is recommended to approve the consultation.\n")
    assert items_of(text, nlp) == [(None, "COUNCIL TAX REDUCTION SCHEME 2027/28")]


def test_a_header_line_of_body_and_date_cells_over_the_title(nlp):
    text = ("Brenton Borough Council | Audit and Governance Committee | 8 July 2026\n\n"
            "Annual Governance Statement 2025/26\n\nSummary\nThis report presents the draft statement.\n\n"
            "Recommendations\nThat the Committee approves the statement.\n")
    assert items_of(text, nlp) == [(None, "Annual Governance Statement 2025/26")]


def test_a_capitals_title_on_two_lines_under_the_councils_name(nlp):
    text = ("MARRICK BOROUGH COUNCIL\n\nPRIVATE FOSTERING SERVICE\n\nANNUAL REPORT 2025-26\n\n"
            "Report to the Corporate Parenting Panel at its meeting on 14 July 2026\n\n1. Introduction\n\n"
            "This report sets out the work of the private fostering service during the year.\n\n"
            "2. Context\n\nThe service received 14 notifications.\n\n"
            "3. Performance\n\nEvery visit was made on time.\n")
    assert items_of(text, nlp) == [(None, "PRIVATE FOSTERING SERVICE ANNUAL REPORT 2025-26")]
