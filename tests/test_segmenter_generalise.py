"""Item headings of councils the rules were not written against: recognised by what makes a line a heading
(its number's shape and the run it belongs to, or a short capitalised line between paragraphs), not by one
council's layout. Every text here is written for the test."""
import pytest


from written_sentences import items_of

HEADER = ("Elmstead Borough Council\n\nMinutes of the Housing Panel held at the Guildhall on Tuesday 4 March 2025 "
          "at 6.30pm\n\nPresent: Councillors A Brook (Chair), C Dale and E Frost\n\n")
BODY = ("The officer introduced the item and answered questions from members.\n\n"
        "RESOLVED that the report be noted.\n\n")
TITLES = ["Apologies for Absence", "Tenant Satisfaction Measures", "Damp and Mould Action Plan"]




def meeting(headings):
    return HEADER + "".join(f"{heading}\n\n{BODY}" for heading in headings)


@pytest.mark.parametrize("layout, number", [
    ("HP {n}/25 {title}", "HP {n}/25"),       # a committee prefix, a space and a reference
    ("HP{n} {title}", "HP{n}"),               # a prefix joined to the number
    ("({n}) {title}", "{n}"),                 # a parenthesised number
    ("[{n}] {title}", "{n}"),                 # a bracketed number
    ("{n}.0 {title}", "{n}.0"),               # a board's whole-number heading over its 1.1, 1.2 paragraphs
    ("Min {n}. {title}", "{n}"),              # an abbreviated minute label
    ("Minute HP {n}/25 - {title}", "HP {n}/25"),
])
def test_numbering_schemes(nlp, layout, number):
    headings = [layout.format(n=n, title=title) for n, title in enumerate(TITLES, 31)]
    assert items_of(meeting(headings), nlp) == [(number.format(n=n), title) for n, title in enumerate(TITLES, 31)]


def test_decimal_paragraphs_under_whole_number_headings_are_no_items(nlp):
    text = HEADER + "".join(f"{n}.0 {title}\n\n{n}.1 The officer introduced the item.\n\n{n}.2 Members noted it.\n\n"
                            for n, title in enumerate(TITLES, 1))
    assert [title for _, title in items_of(text, nlp)] == TITLES


def test_minute_number_under_its_title(nlp):
    headings = [f"{title}\n\n(Minute {n})" for n, title in enumerate(TITLES, 31)]
    assert items_of(meeting(headings), nlp) == [(str(n), title) for n, title in enumerate(TITLES, 31)]


def test_headings_ending_with_a_colon(nlp):
    assert [title for _, title in items_of(meeting([f"{t}:" for t in TITLES]), nlp)] == TITLES


def test_page_references_after_a_title_are_chrome(nlp):
    headings = [f"{n}. {title} (Pages {n * 4} - {n * 4 + 3})" for n, title in enumerate(TITLES, 1)]
    assert [title for _, title in items_of(meeting(headings), nlp)] == TITLES


def test_unnumbered_run_of_capitalised_headings(nlp):
    """No numbers and only one standard agenda title: the headings between paragraphs make the items."""
    headings = ["Tenant Satisfaction Measures", "Damp and Mould Action Plan", "Allocations Policy Review"]
    assert [title for _, title in items_of(meeting(headings), nlp)] == headings
    capitals = [h.upper() for h in headings]
    assert [title for _, title in items_of(meeting(capitals), nlp)] == capitals


def test_a_report_with_subheadings_stays_one_item(nlp):
    """Sub-headings of a report (no meeting header, no attendance lines) are not items of a meeting."""
    text = ("Fostering Recruitment Update\n\nThis report updates the Panel on the recruitment of foster carers.\n\n"
            "Recruitment Campaign\n\nThe service ran a campaign over the summer.\n\n"
            "Assessments in Progress\n\nSeveral assessments are under way.\n")
    assert [title for _, title in items_of(text, nlp)] == ["Fostering Recruitment Update"]


@pytest.mark.parametrize("label", ["Title of decision", "Report title", "Subject heading", "Topic", "Name of report"])
def test_single_item_page_title_field(nlp, label):
    text = (f"Record of an Officer Decision\n\nDecision reference: OD/2025/012\n\n"
            f"{label}: Extension of the Short Breaks Contract\n\nDecision:\n\n"
            "To extend the short breaks contract for twelve months.\n")
    assert items_of(text, nlp) == [(None, "Extension of the Short Breaks Contract")]


def test_times_and_paper_codes_are_no_items(nlp):
    text = HEADER + "".join(f"{n}\n\n{title}\n\nP{n + 40}\n\n5.{n}0pm\n\n{BODY}" for n, title in enumerate(TITLES, 1))
    assert items_of(text, nlp) == [(str(n), title) for n, title in enumerate(TITLES, 1)]


def test_numbered_decision_clauses_are_no_items(nlp):
    text = HEADER + "".join(
        f"{n} {title}\n\nThe Cabinet Member introduced the report.\n\nDecision:\n\n"
        "1. Approve the revised policy as set out in the appendix\n\n2. Note the consultation responses\n\n"
        "3. Delegate minor amendments to the Director\n\n"
        for n, title in enumerate(TITLES[1:], 12))
    assert items_of(text, nlp) == [(str(n), title) for n, title in enumerate(TITLES[1:], 12)]


def test_numbered_section_word_with_a_colon_is_an_item(nlp):
    headings = ["25/041 Apologies for Absence:", "25/042 Minutes:", "25/043 Damp and Mould Action Plan:"]
    assert [title for _, title in items_of(meeting(headings), nlp)] == [
        "Apologies for Absence", "Minutes", "Damp and Mould Action Plan"]


def test_a_record_of_several_decisions_under_one_field(nlp):
    text = "Record of Delegated Decisions\n\n" + "".join(
        f"Decision reference: CM/2025/0{n}\n\nTitle: {title}\n\nDecision: To approve the proposal.\n\n"
        for n, title in enumerate(TITLES[1:], 11))
    assert [title for _, title in items_of(text, nlp)] == TITLES[1:]


def test_the_title_under_a_document_kind_line(nlp):
    text = ("Record of an Officer Decision\n\nExtension of the Short Breaks Contract\n\n"
            "Decision reference: OD/2025/012\n\nDecision taker: Director of Children's Services\n\n"
            "Decision:\n\nTo extend the short breaks contract for twelve months.\n")
    assert items_of(text, nlp) == [(None, "Extension of the Short Breaks Contract")]


def test_a_number_under_a_number_is_no_title(nlp):
    text = ("Agenda and minutes\n\nCorporate Parenting Panel - Wednesday, 5 March 2025 2.00 pm\n\nNo. Item\n\n2.\n\n21.\n\n"
            "Members of the panel asked about placement stability for children in care.\n")
    assert [title for _, title in items_of(text, nlp)] == []


def test_a_dated_report_keeps_its_title_and_its_subheadings_are_no_items(nlp):
    """A committee's name and the date over a report's title: the title is the one item; the report's own
    sub-headings do not make a meeting (no minutes header, no attendance lines)."""
    text = ("Cabinet\n\nTuesday 4 March 2025\n\nFostering Sufficiency Update\n\n"
            "This report updates Cabinet on the recruitment of foster carers.\n\n"
            "Recruitment Campaign\n\nThe service ran a campaign over the summer and received many enquiries.\n\n"
            "Assessments in Progress\n\nSeveral assessments of prospective carers are under way.\n")
    assert items_of(text, nlp) == [(None, "Fostering Sufficiency Update")]


def test_items_beyond_a_gap_in_the_numbering(nlp):
    """Exempt or withdrawn items leave gaps: 31, 32, then 38, 39 are one run of minutes."""
    titles = TITLES + ["Allocations Policy Review"]
    headings = [f"{n}. {title}" for n, title in zip([31, 32, 38, 39], titles)]
    assert [number for number, _ in items_of(meeting(headings), nlp)] == ["31", "32", "38", "39"]


def test_a_numbered_list_after_an_introduction_does_not_join_the_run(nlp):
    text = meeting(["31. Tenant Satisfaction Measures", "32. Damp and Mould Action Plan"]) + (
        "Members raised the following:\n\n36. Staffing\n\n37. Repairs backlog\n\n")
    assert [number for number, _ in items_of(text, nlp)] == ["31", "32"]
