"""Items and decisions in layouts of councils the rules were not written against (issue #10, wt-items2 probes,
fifth set): running minute numbers that open with the year ("2026/031"), a single timed item whose title is
made of phrases with full stops, an issue page with no title line whose description names the attached
document, a 'Record of decision' heading. Every text here is written for the test."""

from written_sentences import decisions, items_of
from minutes_extract.normalise import normalise




PARISH = ("Upper Brockley Parish Council\n\nMinutes of the Parish Council Meeting held on Tuesday 14 April 2026\n\n"
          "Present: Cllrs T Avery (Chairman), S Booth, K Lane\nIn attendance: the Clerk and two residents\n\n")


def test_running_minute_numbers_opening_with_the_year(nlp):
    titles = ["To receive apologies for absence", "Village green lease", "Speed watch scheme"]
    bodies = ["Cllr Moss – holiday. Apologies accepted.", "Cllr Booth reported on the lease.",
              "Volunteers were thanked."]
    text = PARISH + "".join(f"2026/{n:03d} {title}\n{body}\n\n" for n, (title, body) in enumerate(zip(titles, bodies), 44))
    assert items_of(text, nlp) == [(f"2026/{n:03d}", t) for n, t in enumerate(titles, 44)]


def test_a_minute_code_line_is_not_joined_to_the_next_line():
    text = "2026/044 To receive apologies for absence\nCllr Moss – holiday. Apologies accepted.\n"
    lines = [line.strip() for line in normalise(PARISH + text).text.splitlines()]
    assert "2026/044 To receive apologies for absence" in lines


def test_a_financial_year_opening_a_wrapped_sentence_still_joins():
    # (a line opening with "2025/26" is a financial year, no minute code)
    long = "2025/26 The outturn for the year showed that spending on home to school transport had risen again and"
    text = long + "\nThe Committee asked for a further report on the reasons for this.\n"
    assert len(normalise(text).text.strip().splitlines()) == 1


def test_a_single_timed_item_with_full_stops_in_its_title(nlp):
    text = ("Cllr Rowe welcomed everyone to the meeting.\n\n"
            "The notes of the last meeting were agreed.\n\n"
            "14:30 Youth Justice Inspection. Findings and Action Plan. - Head of Youth Justice\n\n"
            "The Head of Youth Justice gave a presentation on the inspection and the action plan.\n")
    items = items_of(text, nlp)
    assert len(items) == 1 and items[0][1].startswith("Youth Justice Inspection. Findings and Action Plan.")


def test_an_issue_page_without_a_title_line_takes_the_attached_documents_title(nlp):
    text = ("Meeting documents\nAdults and Health Scrutiny Committee\nTuesday, 10th March, 2026 10.00 am\n"
            "- Meeting of Adults and Health Scrutiny Committee, Tuesday 10th March 2026 10.00 am (Item 6.)\n"
            "To receive an update from the Scrutiny Officer. To support the discussion, the following report is "
            "attached - Carers Strategy Refresh.\n"
            "The Committee considered the update and asked for a further report in the autumn.\n")
    assert items_of(text, nlp) == [("6", "Carers Strategy Refresh")]


def test_a_record_of_decision_heading_makes_its_text_a_decision(nlp):
    text = ("Report to: Cabinet\nDate of meeting: 21 April 2026\nSubject: Allotment Rents\n\n"
            "1. Purpose of the report\n1.1 To set allotment rents for 2026/27.\n\n"
            "2. Recommendations\n2.1 That Cabinet approves the allotment rents set out in Appendix 1.\n\n"
            "3. Background\n3.1 Rents were last changed in 2023.\n\n"
            "Record of decision\nCabinet approved the recommendation at 2.1 above.\n")
    assert any(d.startswith("Cabinet approved the recommendation at 2.1") for d in decisions(text, nlp))


def test_a_decision_record_sentence_running_on_into_a_fee_list(nlp):
    text = ("Issue - decisions\n\nLibrary Charges\n\n02/04/2026 - Library Charges\n\n"
            "Having considered the report and the equality impact assessment it was agreed to raise library "
            "charges on 1 May 2026 in line with inflation as follows\n\n"
            "Room hire – To increase the hourly rate by 5%\nNew charges:\n"
            "• Introduction of a charge for replacement cards\n• Introduction of a charge for printing\n")
    found = decisions(text, nlp)
    assert len(found) == 1 and found[0].startswith("to raise library charges")
    assert "replacement cards" in found[0] and "charge for printing" in found[0]


def test_it_was_agreed_to_in_narrative_is_no_decision(nlp):
    text = ("Minutes of the Finance Panel held on 3 March 2026\n\n1. Library Charges\n"
            "After discussion of the options it was agreed to ask officers for further costings\n"
            "The Chair thanked officers for the report.\n\n2. Any Other Business\nNone.\n")
    assert decisions(text, nlp) == []
