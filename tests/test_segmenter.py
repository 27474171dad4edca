import pytest

from minutes_extract.extract import extract_text


@pytest.mark.parametrize("seed, number, title", [
    ("000", None, "Children's Services Performance"),
    ("001", None, "Children's Services - Update"),
    ("002", None, "Fostering services in West Northamptonshire"),
    ("003", None, "Ofsted Focused Visit letter"),
])
def test_seed_items(seed_records, seed, number, title):
    items = seed_records[seed].items
    assert [(i.number, i.title) for i in items] == [(number, title)]


def test_single_item_page_without_title_takes_its_description(seed_records):
    (item,) = seed_records["004"].items
    assert "Children’s Services Improvement Programme" in item.title


def test_sections_of_a_decision_page(seed_records):
    kinds = [s.kind for s in seed_records["000"].items[0].sections]
    assert kinds[:2] == ["decision", "minutes"]


def test_report_sections(seed_records):
    kinds = [s.kind for s in seed_records["003"].items[0].sections]
    assert {"recommendations", "summary", "financial_implications"} <= set(kinds)


def test_printed_minutes_items(nlp):
    text = ("KENT COUNTY COUNCIL\nApologies and Substitutes\n(Item 1)\nApologies were received from Mr A.\n"
            "Minutes of the meeting held on 30 July 2024\n(Item 2)\n"
            "RESOLVED that the minutes were a correct record.\nWork programme\n(Item 3)\n"
            "RESOLVED that the work programme was noted.\n")
    record = extract_text(text, nlp=nlp)
    assert [(i.number, i.title) for i in record.items] == [
        ("1", "Apologies and Substitutes"), ("2", "Minutes of the meeting held on 30 July 2024"), ("3", "Work programme")]
    assert [r.text for i in record.items for r in i.resolutions] == [
        "the minutes were a correct record.", "the work programme was noted."]


def test_numbered_meeting_page(nlp):
    text = ("Health Scrutiny Panel\nFriday 2nd August 2019\n\n1. Substitutions.\n\n"
            "2. Declarations of disclosable pecuniary interests (if any).\n\n3. Public speaking request (if any).\n\n"
            "3.1 Discussion with the Trust.\n\n4. Added item (if any).\n")
    record = extract_text(text, nlp=nlp)
    assert [i.number for i in record.items] == ["1", "2", "3", "4"]
    assert record.items[2].title == "Public speaking request (if any)."


def test_numbered_minutes_under_a_heading_are_not_items(nlp):
    text = "Minutes:\n\n1. John Smith, Director of Finance, introduced the report.\n\n2. Members asked questions.\n"
    assert extract_text(text, nlp=nlp).items == []


def test_issue_page_takes_number_and_title(nlp):
    text = ("Issue - meetings\n\nTaxi Licensing Policy\n\nMeeting: 26/01/2017 - Executive (Item 99)\n\n"
            "99 Taxi Licensing Policy PDF 103 KB\n\nMinutes:\n\nThe Executive considered the policy.\n")
    (item,) = extract_text(text, nlp=nlp).items
    assert (item.number, item.title) == ("99", "Taxi Licensing Policy")


@pytest.mark.parametrize("text, expected", [
    ("Corporate Parenting Board - Thursday 9 November 2023\n\nMinute No. 12 – Care Leavers Local Offer\n\n"
     "Minutes:\n\nThe Board received a presentation.\n", [("12", "Care Leavers Local Offer")]),
    ("Minutes of the Select Committee held on 18 July 2016.\n\n23/16 Ofsted Single Inspection – Outcome\n\n"
     "The Committee received a report.\n", [("23/16", "Ofsted Single Inspection – Outcome")]),
    ("RECORD OF DECISION\n\nDecision Maker: Cabinet\n\nTitle: Commissioning of Supported Accommodation\n\n"
     "Purpose:\n\nTo seek approval.\n", [(None, "Commissioning of Supported Accommodation")]),
    ("Agenda item 6\n\nOfsted Inspections of Children's Homes\n\nMinutes:\n\nThe Committee received a report.\n",
     [("6", "Ofsted Inspections of Children's Homes")]),
    ("Agenda Item 7\n\nReport to: Cabinet\n\nSubject: Ofsted Inspection Outcome\n\nSummary\n\nOfsted inspected.\n",
     [("7", "Ofsted Inspection Outcome")]),
])
def test_item_labels_from_other_councils(nlp, text, expected):
    assert [(i.number, i.title) for i in extract_text(text, nlp=nlp).items] == expected


def test_numbered_item_titles_under_a_minutes_heading(nlp):
    text = ("Children and Young People Scrutiny Committee\n\nMinutes\n\n"
            "32. Ofsted Inspection of Local Authority Children's Services (ILACS)\n\n"
            "The Director presented the outcome.\n\nRESOLVED – That:\n(1) the outcome be noted;\n(2) staff be thanked.\n\n"
            "33. Work Programme\n\nRESOLVED that the work programme be agreed.\n")
    record = extract_text(text, nlp=nlp)
    assert [(i.number, i.title) for i in record.items] == [
        ("32", "Ofsted Inspection of Local Authority Children's Services (ILACS)"), ("33", "Work Programme")]
    assert [len(r.clauses) for i in record.items for r in i.resolutions] == [2, 1]


@pytest.mark.parametrize("text, level", [
    ("• Plans lacked timescales", 1),
    ("3.3 Areas for improvement were:", 0),
    ("(a) the report be noted", 2),
    ("ii. staff be thanked", 2),
    ("(iv) staff be thanked", 2),
    ("(IV) staff be thanked", 1),
    ("2. Members asked questions", 1),
    ("B. Recommendations", 1),
    ("The Committee noted the report", 0),
])
def test_list_level(text, level):
    from minutes_extract.components.segmenter import Segmenter
    from minutes_extract.rules import load_json
    assert Segmenter(load_json("rules/segmenter.json")).levels.level(text) == level


def test_block_spans_are_char_spans_and_start_sentences(nlp):
    """Spans made from token offsets read once are the ones Doc.char_span(alignment_mode="expand") makes."""
    from conftest import SEEDS
    from minutes_extract.components.segmenter import Spans
    from minutes_extract.normalise import normalise
    for path in SEEDS[:3]:
        doc = nlp(normalise(path.read_text(encoding="utf-8")).text)
        spans = Spans(doc, len(doc.text))
        for start, end in [(0, 5), (1, 2), (3, len(doc.text)), (len(doc.text) - 1, len(doc.text)), (5, 400)] + [
                (b.start_char, b.end_char) for b in doc.spans["blocks"]] + [(b.start_char - 1, b.end_char + 1)
                                                                            for b in doc.spans["blocks"]]:
            expected = doc.char_span(start, end, label="x", alignment_mode="expand")
            got = spans.span(start, end, "x")
            assert (got.start, got.end, got.label_) == (expected.start, expected.end, "x") if expected else got is None
        assert all(block[0].is_sent_start for block in doc.spans["blocks"])


def test_cmis_minute_numbers_with_a_year(nlp):
    text = ("Minute 43/23 Apologies for Absence\n\nApologies were received.\n\n"
            "Minute 44/23 Minutes of the Previous Meeting\n\nRESOLVED that the minutes be confirmed.\n")
    assert [(i.number, i.title) for i in extract_text(text, nlp=nlp).items] == [
        ("43/23", "Apologies for Absence"), ("44/23", "Minutes of the Previous Meeting")]


# -- headings recognised by what makes them headings (sentences written for these tests) --------------------

def _items(nlp, text):
    return [(i.number, i.title) for i in extract_text(text, nlp=nlp).items]


@pytest.mark.parametrize("codes", [["F12", "F13", "F14"], ["31/24", "32/24", "33/24"], ["24/07", "24/08", "24/09"],
                                   ["PC.101", "PC.102", "PC.103"], ["412.", "413.", "414."]])
def test_item_codes_alone_on_their_line_in_one_scheme(nlp, codes):
    text = ("Agenda and minutes\n\nVenue: Room 2, Civic Offices\n\nNo. Item\n\n"
            f"{codes[0]}\n\nApologies for Absence\n\nMinutes:\n\nApologies were received from Councillor Reed.\n\n"
            f"{codes[1]}\n\nDeclarations of Interest pdf icon PDF 120 KB\n\nMinutes:\n\nThere were none.\n\n"
            f"{codes[2]}\n\nSchool Place Planning Update\n\nMinutes:\n\nThe Panel received a report at 6.45pm.\n")
    assert _items(nlp, text) == [(codes[0].rstrip("."), "Apologies for Absence"),
                                 (codes[1].rstrip("."), "Declarations of Interest"),
                                 (codes[2].rstrip("."), "School Place Planning Update")]


def test_minute_numbers_with_a_year_run_on_in_their_own_part(nlp):
    text = ("Item Number Item/Resolution\n\n19/40 MINUTES OF THE MEETING HELD ON 4 MARCH 2020\n\n"
            "The minutes were approved as a correct record.\n\n19/41 HOME TO SCHOOL TRANSPORT POLICY\n\n"
            "The Director submitted a report on the policy.\n\n19/42 ANY OTHER BUSINESS\n\nThere was none.\n")
    assert [n for n, _ in _items(nlp, text)] == ["19/40", "19/41", "19/42"]


def test_other_numbers_of_a_different_shape_are_not_items(nlp):
    text = ("CHILDREN'S SERVICES PANEL\n\n9 MARCH 2021\n\nPRESENT: Councillors Hale and Moss.\n\n"
            "31/21 APOLOGIES FOR ABSENCE\n\nNone were received.\n\n32/21 FOSTERING SERVICE REPORT\n\n"
            "Members considered the report.\n\n5.30pm Close of meeting\n")
    assert _items(nlp, text) == [("31/21", "APOLOGIES FOR ABSENCE"), ("32/21", "FOSTERING SERVICE REPORT")]


def test_decision_clauses_are_not_items(nlp):
    text = ("Issue - decisions\n\nLibrary Opening Hours\n\n14/03/2024 - Library Opening Hours\n\n"
            "RESOLVED that:\n\n1. The revised opening hours be approved for a trial period of six months.\n\n"
            "2. Officers report back on usage figures after the trial period has ended.\n")
    assert _items(nlp, text) == [(None, "Library Opening Hours")]


def test_one_numbered_sentence_is_a_clause_not_an_item(nlp):
    text = ("The Cabinet considered the quarterly budget position.\n\n"
            "3. To ask officers to keep looking for savings in order to deliver a balanced budget this year.\n")
    assert all(i.number != "3" for i in extract_text(text, nlp=nlp).items)


def test_dated_decision_line_gives_the_title(nlp):
    text = ("Issue - decisions\n\n02/02/2022 - Short Breaks Policy - EDU/22/104\n\n"
            "The Committee resolved:-\n\n(i) to approve the refreshed Short Breaks Policy.\n")
    assert _items(nlp, text) == [(None, "Short Breaks Policy")]


def test_decision_details_page_title_above_its_fields(nlp):
    text = ("Decision details\n\nRefresh of the Corporate Parenting Strategy\n\nDecision Maker: Cabinet\n\n"
            "Decision status: Approved\n\nIs Key decision?: No\n\nDecision:\n\nThat the strategy be approved.\n")
    assert _items(nlp, text) == [(None, "Refresh of the Corporate Parenting Strategy")]


def test_single_item_page_without_title_line_takes_the_subject_of_its_description(nlp):
    text = ("Decision Maker: Cabinet\n\nDecision status: For Determination\n\nIs subject to call in?: No\n\n"
            "The Cabinet gave consideration to a report providing an update on the Kinship Care Allowance Scheme, "
            "outlining the cost of the changes.\n\nThe Cabinet noted the report.\n")
    (item,) = extract_text(text, nlp=nlp).items
    assert "Kinship Care Allowance Scheme" in item.title and "outlining" not in item.title


def test_description_naming_no_subject_gives_no_item(nlp):
    text = "Minutes:\n\nThe Director introduced the report and gave an overview of its content.\n"
    assert extract_text(text, nlp=nlp).items == []


def test_unnumbered_procedural_headings_without_a_header(nlp):
    text = ("Apologies for Absence\n\nApologies were received from Councillor Hart.\n\n"
            "Minutes of the Previous Meeting\n\nThe minutes of the meeting held on 2 May were agreed.\n\n"
            "Matters Arising\n\nThere were no matters arising.\n\n"
            "Youth Service Review\n\nThe Head of Youth Services presented the review and answered questions.\n")
    assert [t for _, t in _items(nlp, text)] == [
        "Apologies for Absence", "Minutes of the Previous Meeting", "Matters Arising", "Youth Service Review"]


def test_sentences_and_list_entries_on_a_meeting_page_are_not_headings(nlp):
    text = ("No. Item\n\nApologies for absence\n\nApologies for absence were received from Councillors Lane and Ray\n\n"
            "Appointment of Substitutes\n\nThe following substitute Member was reported:\n\n"
            "Councillor P Lane for Councillor D Ray\n\nMinutes pdf icon PDF 90 KB\n\n"
            "The minutes of the meeting held on 1 June were agreed.\n")
    assert [t for _, t in _items(nlp, text)] == ["Apologies for absence", "Appointment of Substitutes", "Minutes"]


def test_unnumbered_heading_before_the_first_printed_item(nlp):
    text = ("COUNTY COUNCIL\n\nMINUTES of a meeting of the County Council held on Thursday, 6 March 2025.\n\n"
            "PRESENT: Mr A Brown, Mrs C Dale and Ms E Ford\n\nIN ATTENDANCE: Mr G Hill (Clerk)\n\n"
            "Election of Chair\n\n1. Mr Brown proposed that Mrs Dale be elected to chair the meeting.\n\n"
            "2. RESOLVED that Mrs Dale be elected to chair the meeting.\n\n"
            "301. Apologies for Absence\n(Item 1)\n\nThe Clerk reported apologies from Mr Ives.\n\n"
            "302. Local Transport Strategy\n(Item 2)\n\nRESOLVED that the strategy be adopted.\n")
    assert _items(nlp, text) == [(None, "Election of Chair"), ("301", "Apologies for Absence"),
                                 ("302", "Local Transport Strategy")]


def test_item_label_with_a_number(nlp):
    text = ("Present: Councillor Ash (Chair) and Councillor Birch.\n\n"
            "Item 4 - Annual Report of the Adoption Agency\n\nThe Head of Service presented the annual report.\n\n"
            "Item 5 - Date of next meeting\n\nThe next meeting will be held on 3 July 2024.\n")
    assert _items(nlp, text) == [("4", "Annual Report of the Adoption Agency"), ("5", "Date of next meeting")]


def test_numbered_sections_of_a_report_are_not_items(nlp):
    text = ("Fostering Service Annual Report 2023/24\n\n1. Purpose of the Report\n\nThis report sets out the work of the service.\n\n"
            "2. Background\n\nThe service recruits and supports foster carers.\n\n3. Performance\n\n"
            "Forty new households were approved.\n\n4. Recommendations\n\nThat the report be noted.\n")
    assert _items(nlp, text) == [(None, "Fostering Service Annual Report 2023/24")]


@pytest.mark.parametrize("text, expected", [
    ("Present: Cllr Ash (Chair)\n\nItem 1: Apologies for Absence\n\nApologies were received from Cllr Birch.\n\n"
     "Item 2: Leaving Care Service Update\n\nThe Head of Service presented the update.\n",
     [("1", "Apologies for Absence"), ("2", "Leaving Care Service Update")]),
    ("Agenda Item 1\n\nApologies\n\nApologies were received from Cllr Birch.\n\nAgenda Item 2\n\nSEND Strategy Update\n\n"
     "The Director presented the update on the strategy.\n",
     [("1", "Apologies"), ("2", "SEND Strategy Update")]),
    ("ADOPTION PANEL\n\nMINUTES OF THE MEETING HELD ON 4 JUNE 2024\n\nPRESENT: Councillors Ash, Birch and Cole.\n\n"
     "APOLOGIES FOR ABSENCE\n\nApologies were received from Councillor Dale.\n\nDECLARATIONS OF INTEREST\n\nNone were declared.\n",
     [(None, "APOLOGIES FOR ABSENCE"), (None, "DECLARATIONS OF INTEREST")]),
    ("1. Apologies\n\nNone received.\n\n2. Budget Monitoring\n\nRESOLVED that:\n\n1. To note the forecast\n\n"
     "2. To request a further report\n\n3. Work Programme\n\nThe work programme was agreed.\n",
     [("1", "Apologies"), ("2", "Budget Monitoring"), ("3", "Work Programme")]),
    ("Decision details\n\nPlacement Sufficiency Strategy\n\nDecision:\n\n1. To approve the strategy\n\n"
     "2. To note the consultation responses\n",
     [(None, "Placement Sufficiency Strategy")]),
])
def test_item_layouts_written_for_other_councils(nlp, text, expected):
    assert _items(nlp, text) == expected


@pytest.mark.parametrize("text", ["000 RESOLVED", "Issue - decisions", "Decision details\n", "No. Item\n\n12", "F38"])
def test_short_pages_do_not_fail(nlp, text):
    extract_text(text, nlp=nlp)


def test_number_of_a_linked_title_on_a_meeting_page(nlp):
    text = ("380 Director of Public Health Annual Report PDF 257 KB\n\nRecommendations\n\nThe Executive is asked to:\n\n"
            "i) Note the content of the report.\n")
    assert _items(nlp, text) == [("380", "Director of Public Health Annual Report")]


def test_a_year_opening_a_title_is_not_its_number(nlp):
    text = ("No. Item\n\n2024/25 Budget Monitoring pdf icon PDF 90 KB\n\nThe Panel received the budget report.\n")
    assert _items(nlp, text) == [(None, "2024/25 Budget Monitoring")]


def test_titles_marked_by_the_report_under_them(nlp):
    text = ("Resolved: That the press and public be excluded for the next item.\n\n"
            "Review of the Short Breaks Service\n\nReport of the Director of Children's Services.\n\n"
            "The Director presented the review and Members asked about waiting times.\n")
    assert _items(nlp, text) == [(None, "Review of the Short Breaks Service")]


@pytest.mark.parametrize("text, expected", [
    ("AGENDA ITEM NO: 7\n\nCorporate Parenting Strategy\n\nMinutes:\n\nThe Board received the strategy.\n",
     [("7", "Corporate Parenting Strategy")]),
    ("Report to: Cabinet\n\nReport Subject: Home to School Transport Policy\n\nSummary\n\nThe policy is reviewed.\n",
     [(None, "Home to School Transport Policy")]),
])
def test_more_item_labels(nlp, text, expected):
    assert _items(nlp, text) == expected


# -- layouts of councils not in the tuning sets (sentences written for these tests) ---------------------
def _items(nlp, text):
    return [(i.number, i.title) for i in extract_text(text, nlp=nlp).items]


def test_roman_numeral_items(nlp):
    text = ("MINUTES OF THE TRANSPORT PANEL\n\nI. APOLOGIES\n\nApologies were received from Councillor Stone.\n\n"
            "II. BUS SERVICE REVIEW\n\nThe officer described the changes to rural routes.\n\n"
            "III. ROAD SAFETY PLAN\n\nMembers discussed the casualty figures for the year.\n")
    assert _items(nlp, text) == [("I", "APOLOGIES"), ("II", "BUS SERVICE REVIEW"), ("III", "ROAD SAFETY PLAN")]


def test_lettered_items_and_one_lettered_line_is_no_item(nlp):
    text = ("(A) Apologies for Absence\n\nNone were received.\n\n(B) Parking Strategy\n\n"
            "The committee discussed the draft strategy and its consultation.\n")
    assert _items(nlp, text) == [("A", "Apologies for Absence"), ("B", "Parking Strategy")]
    single = "Parks Update\n\nThe officer gave an update on the parks.\n\nB. Tree Planting\n\nSixty trees were planted.\n"
    assert ("B", "Tree Planting") not in _items(nlp, single)


def test_suffix_letter_sub_item_and_decimal_paragraphs(nlp):
    text = ("4 Budget Report\n\nThe report was presented to members.\n\n4a Capital Programme\n\n"
            "Members considered the capital schemes.\n\n5 Staffing Review\n\n5.1 The review had started in May.\n\n"
            "5.2 Members asked about vacancies.\n\n6 Work Programme\n\nThe programme was agreed.\n")
    assert [n for n, _ in _items(nlp, text)] == ["4", "4a", "5", "6"]


@pytest.mark.parametrize("suffix", ["DOCX 57 KB", "XLSX 1 MB", "DOTX 142 KB", "(415Kb)", "(0:24.50)",
                                    "(00:12:31)", "PDF 98 KB (1:02.10)"])
def test_document_link_and_webcast_chrome_leave_the_title(nlp, suffix):
    text = (f"1. Apologies\n\nThere were none.\n\n2. Library Opening Hours {suffix}\n\n"
            "The committee reviewed the opening hours of branch libraries.\n")
    assert _items(nlp, text)[1] == ("2", "Library Opening Hours")


def test_times_of_day_are_not_items_and_a_time_before_a_title_is_no_part_of_it(nlp):
    text = ("Wellbeing Board\n\nAgenda\n\n9.30 am\n\nWelcome and Apologies\n\n9.35 am\n\nDementia Strategy\n\n"
            "Report of the Director of Public Health\n\n10:15 Air Quality Update\n\n"
            "The board will hear about monitoring results.\n\n11.00 am - 11.30 am\n\nWorkshop: Healthy Weight\n")
    assert _items(nlp, text) == [(None, "Welcome and Apologies"), (None, "Dementia Strategy"),
                                 (None, "Air Quality Update"), (None, "Workshop: Healthy Weight")]


def test_field_lines_and_reported_sentences_are_not_items(nlp):
    text = ("Apologies\n\nCouncillor Reed apologised for late arrival\n\nApologies were received from Councillor Cox.\n\n"
            "Declarations of Interest\n\nThere were none.\n\nCommunity Grants Scheme\n\nLead officer: Grants Manager\n\n"
            "The panel reviewed the applications received in the first round.\n\n"
            "Action: Grants Manager to publish the awards\n\nAny Other Business\n\nThere was none.\n")
    assert _items(nlp, text) == [(None, "Apologies"), (None, "Declarations of Interest"),
                                 (None, "Community Grants Scheme"), (None, "Any Other Business")]


def test_detail_line_under_a_procedural_heading_is_body(nlp):
    text = ("Apologies for Absence\n\nThere were none.\n\nMinutes of the Previous Meeting\n\n"
            "Minutes of the meeting held on 3 May 2022.\n\nThe minutes were agreed.\n\n"
            "Declarations of Interest\n\nThere were none.\n")
    assert [t for _, t in _items(nlp, text)] == [
        "Apologies for Absence", "Minutes of the Previous Meeting", "Declarations of Interest"]


def test_title_over_its_report_of_line(nlp):
    text = ("Scrutiny Committee\n\n4 May 2023\n\nSchool Place Planning\n\nThe Strategic Director of People submits a report "
            "on school places\n\nPurpose of the Report\n\nTo set out the demand for school places.\n")
    assert _items(nlp, text) == [(None, "School Place Planning")]


def test_agenda_item_column_header_over_a_numbered_list(nlp):
    text = ("Agenda Item\n1 Apologies for Absence\nTo receive apologies.\n2 Leisure Centre Contract\n"
            "To consider the contract award.\n3 Work Programme\nTo note the programme.\n")
    assert [n for n, _ in _items(nlp, text)] == ["1", "2", "3"]


def test_capitals_title_after_a_dash_is_whole(nlp):
    text = ("12/23 APOLOGIES\nNone.\n13/23 APPLICATION - THE OLD MILL, RIVER LANE\nThe officer presented the report "
            "on the application.\n")
    assert _items(nlp, text)[1] == ("13/23", "APPLICATION - THE OLD MILL, RIVER LANE")


def test_description_run_on_into_the_title_line_is_cut_off(nlp):
    text = ("Apologies for Absence\n\nTo receive apologies.\n\nThere were none.\n\nDeclarations of Interest\n\n"
            "To receive declarations.\n\nThere were none.\n\n"
            "Adult Learning Annual Report To consider a report of the Head of Skills.\n\n"
            "The panel noted the rise in enrolments.\n")
    assert (None, "Adult Learning Annual Report") in _items(nlp, text)


def test_numbered_document_links_on_a_meeting_page_are_titles_without_the_list_number(nlp):
    text = ("Items of Business\n\nApologies\n\nNone.\n\nReport by the Director of Finance.\n\n"
            "1. pdf Revenue Monitoring (212Kb)\n\nThere was submitted a report on spending to date.\n\n"
            "Report by the Director of Finance.\n\n1. pdf Capital Monitoring (98Kb)\n\n"
            "There was submitted a report on the capital programme.\n")
    assert _items(nlp, text)[-2:] == [(None, "Revenue Monitoring"), (None, "Capital Monitoring")]


def test_printed_minutes_keep_the_minute_number_and_the_agenda_number():
    text = ("Minutes of the meeting of the County Council held on 6 March 2025.\n\n"
            "PRESENT: Mr A Smith (Chairman), Mrs B Jones\n\n"
            "71. Apologies for Absence\n(Item 1)\n\nApologies were received from Mr C Brown.\n\n"
            "72. Highways Maintenance Plan\n(Item 2)\n\nThe Cabinet Member introduced the report.\n")
    items = extract_text(text).items
    assert [(i.number, i.agenda_number, i.title) for i in items] == [
        ("71", "1", "Apologies for Absence"), ("72", "2", "Highways Maintenance Plan")]
