"""Items and decisions in layouts of councils the rules were not written against (issue #10, wt-items probes,
fourth set): letter codes with no stop, letter-prefixed codes, a council's name between a page's title and its
meeting line, "Agenda Item N" over prose, page furniture inside a decision, a motion carried with no RESOLVED,
"Decision:" after a sentence. Every text here is written for the test."""
from minutes_extract.extract import extract_text

from written_sentences import decisions, items_of
from minutes_extract.normalise import normalise

HEADER = ("Thornbury Metropolitan Borough Council\n\nCabinet\n\nRecord of the meeting held on Tuesday 3 March 2026\n\n"
          "Present: Councillors A Brook (Chair), C Dale and E Frost\n\n")


def record(text, nlp):
    return extract_text(text, nlp=nlp)


# -- items ---------------------------------------------------------------------------------------------------

def test_letter_codes_without_a_stop_number_items(nlp):
    titles = ["Apologies for Absence", "Declarations of Interest", "Library Opening Hours"]
    text = HEADER + "".join(f"{code}  {title}\nThe Leader introduced the item and members asked questions.\n\n"
                            for code, title in zip("ABC", titles))
    assert items_of(text, nlp) == list(zip("ABC", titles))


def test_a_sentence_starting_with_the_article_is_no_letter_item(nlp):
    text = HEADER + ("1. Apologies for Absence\nNone.\n\n2. Library Opening Hours\n"
                     "A resident asked whether the library would open on Sundays.\n"
                     "A Member Briefing will be arranged\nThe Leader agreed to arrange it.\n\n")
    assert [n for n, _ in items_of(text, nlp)] == ["1", "2"]


def test_letter_prefixed_item_codes(nlp):
    titles = ["Apologies", "Declarations of Interest", "Local Plan Consultation"]
    text = HEADER + "".join(f"CAB {n} {title}\nThe Leader introduced the item.\n\n" for n, title in enumerate(titles, 45))
    assert items_of(text, nlp) == [(f"CAB {n}", title) for n, title in enumerate(titles, 45)]


def test_minute_label_with_a_running_suffix(nlp):
    titles = ["External Audit Update", "Treasury Management"]
    text = HEADER + "".join(f"Min. No. 25/26-{n}  {title}\nThe officer presented the update.\n\n"
                            for n, title in enumerate(titles, 31))
    assert items_of(text, nlp) == [(f"25/26-{n}", title) for n, title in enumerate(titles, 31)]


def test_title_line_above_the_first_standard_agenda_heading(nlp):
    text = ("Lindley Parish Council\nMinutes of the Parish Council Meeting held on 2 March 2026\n\n"
            "Open Forum\nTwo residents spoke about the state of the footpaths.\n\n"
            "Apologies for Absence\nCllr Jones.\n\nDeclarations of Interest\nNone.\n\n"
            "Date of Next Meeting\n6 April 2026.\n")
    assert [t for _, t in items_of(text, nlp)] == ["Open Forum", "Apologies for Absence",
                                                   "Declarations of Interest", "Date of Next Meeting"]


def test_council_name_between_title_and_meeting_line_is_no_title(nlp):
    text = ("School transport policy review: Afonwen County Borough Council\n"
            "Cyngor Bwrdeistref Sirol Afonwen / Afonwen County Borough Council\n"
            "Meeting of Learning Scrutiny Committee, Thursday 5 March 2026 (Item 6.)\n"
            "Minutes:\nThe Head of Learning presented the review of the school transport policy.\n"
            "Resolved: That the review be noted.\n")
    assert items_of(text, nlp) == [("6", "School transport policy review: Afonwen County Borough Council")]


def test_agenda_item_label_over_prose_takes_the_described_subject(nlp):
    text = ("Agenda Item 9\nThe Panel received a report from the Director of Place providing an update on the "
            "street lighting replacement programme.\nRESOLVED: That the report be noted.\n")
    assert items_of(text, nlp) == [("9", "street lighting replacement programme")]


# -- page furniture ------------------------------------------------------------------------------------------

def test_running_footer_inside_a_sentence_is_left_out():
    text = ("RESOLVED that the Council enters into a framework agreement for the provision of\n"
            "Cabinet - 3 March 2026\nPage 4 of 7\nlibrary books for a period of four years.\n")
    assert normalise(text).text == ("RESOLVED that the Council enters into a framework agreement for the provision "
                                    "of library books for a period of four years.")


def test_bare_page_number_and_header_across_blank_lines_inside_a_sentence():
    text = ("RESOLVED that the Council enters into a framework agreement for the provision of library books\n"
            "for a period of four years, with an option to extend for a further\n\n          12\n"
            "Cabinet                      3 March 2026\n\n      two years.\n")
    assert normalise(text).text.endswith("with an option to extend for a further two years.")


def test_a_number_alone_between_sentences_stays():
    """A bare number is page furniture only where the text runs on across it (a table's cell stays)."""
    text = "Number of library visits in the year.\n\n12\n\nThe Panel noted the figure.\n"
    assert "12" in normalise(text).text.split("\n")


# -- decisions -----------------------------------------------------------------------------------------------

def test_motion_moved_and_carried_with_no_resolved(nlp):
    text = HEADER + ("1. Library Opening Hours\nThe Leader introduced the report.\n"
                     "It was moved by Councillor Dale and seconded by Councillor Frost that the library open on "
                     "Sunday afternoons from 1 May 2026. On being put to the vote the motion was CARRIED.\n\n"
                     "2. Date of Next Meeting\nThe next meeting will be held on 7 April 2026.\n")
    assert decisions(text, nlp) == ["that the library open on Sunday afternoons from 1 May 2026."]


def test_motion_lost_or_followed_by_resolved_is_no_carried_motion(nlp):
    text = HEADER + ("1. Library Opening Hours\n"
                     "It was moved by Councillor Dale that the library open on Sundays. On being put to the vote "
                     "the motion was LOST.\n\n2. Grants\n"
                     "It was moved by Councillor Frost that a grant be made to the youth club. On being put to the "
                     "vote the motion was CARRIED and it was RESOLVED that a grant of £500 be made to the youth club.\n")
    assert decisions(text, nlp) == ["a grant of £500 be made to the youth club."]


def test_decision_label_after_a_sentence_on_the_same_line(nlp):
    text = HEADER + ("1. Complaints Update\nThe Panel received an update on complaints. Decision: That the update be "
                     "noted.\n\n2. Work Programme\nThe Panel considered its work programme.\n")
    assert decisions(text, nlp) == ["That the update be noted."]


def test_question_headings_are_a_reports_sections(nlp):
    text = ("Library Strategy Annual Report 2025/26\nCyngor Sir Glanfor / Glanfor County Council\nReport to: Cabinet\n"
            "Date of meeting: 24 February 2026\n1. What is the report about?\n1.1 The annual report on the library "
            "strategy for 2025/26.\n2. What is the reason for making this report?\n2.1 To inform Cabinet of progress.\n"
            "3. What are the Recommendations?\n3.1 That Cabinet notes the annual report.\n")
    rec = record(text, nlp)
    assert [(i.number, i.title) for i in rec.items] == [(None, "Library Strategy Annual Report 2025/26")]
    assert [r.text for i in rec.items for r in i.resolutions] == ["3.1 That Cabinet notes the annual report."]


def test_recommends_in_capitals_and_an_inline_recommendation_label(nlp):
    text = HEADER + ("1. Council Tax Support\nThe Sub-Committee RECOMMENDS to Cabinet that the scheme be retained.\n\n"
                     "2. Cemeteries\nRecommendation: That Council approves the revised fees for burials.\n\n"
                     "3. Parks\nThe officer's recommendation was discussed at length by members.\n")
    assert decisions(text, nlp) == ["to Cabinet that the scheme be retained.",
                                    "That Council approves the revised fees for burials."]


def test_one_word_heading_joins_the_runs_style(nlp):
    text = ("Notes of the Corporate Parenting Panel held on 3 March 2026\n\nWelcome and introductions\n"
            "The Chair welcomed members.\n\nCare Leavers Local Offer\nThe manager presented the revised local offer.\n\n"
            "AOB\nNone.\n")
    assert [t for _, t in items_of(text, nlp)] == ["Welcome and introductions", "Care Leavers Local Offer", "AOB"]


def test_field_shaped_headline_naming_an_authority_is_the_title(nlp):
    text = ("Skip to main content\nLocal area SEND inspection: Wendham Local Area Partnership\n"
            "Decision maker: Cabinet Member for Education\nDecision: That the improvement plan be approved.\n")
    assert items_of(text, nlp) == [(None, "Local area SEND inspection: Wendham Local Area Partnership")]


def test_council_name_between_a_title_and_its_sections(nlp):
    text = ("Inspections of our library services\n\nCyngor Bro Tegid / Tegid Borough Council\n\nMobile Libraries\n\n"
            "The mobile library service visited 40 villages each month during the year and lent 12,000 books.\n\n"
            "Branch Libraries\n\nThe branch libraries opened for longer hours on Saturdays from April 2025.\n")
    assert items_of(text, nlp) == [(None, "Inspections of our library services")]


def test_a_value_under_a_short_label_is_no_page_number():
    text = "Children in care\n480\nrate per 10,000 children\n"
    assert "480" in normalise(text).text
