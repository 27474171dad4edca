"""Items and decisions in layouts of councils the rules were not written against (issue #10, wt-itemres probes):
headings recognised by their structure (a label alone over its title, a run of short verbless lines between
paragraphs, the run whose titles have body under them), decisions by the decision structure (a decision
label over an infinitive or a bare participle, a decision-maker's lead-in, a page break between numbered
clauses). Every text here is written for the test."""
import pytest

from minutes_extract.extract import extract_text

from written_sentences import decisions, items_of

HEADER = ("Fenwick District Council\n\nMinutes of the Community Panel held at the Town Hall on Monday 2 March 2026\n\n"
          "Present: Councillors A Brook (Chair), C Dale and E Frost\n\n")
TITLES = ["Apologies for absence", "Grounds maintenance contract", "Community safety partnership plan"]


def record(text, nlp):
    return extract_text(text, nlp=nlp)


# -- items ---------------------------------------------------------------------------------------------------

def test_minute_label_alone_over_its_title(nlp):
    text = HEADER + "".join(f"Minute {n}\n{title}\nThe officer introduced the item and members asked questions.\n"
                            for n, title in enumerate(TITLES, 40))
    assert items_of(text, nlp) == [(str(n), title) for n, title in enumerate(TITLES, 40)]


def test_sentence_case_headings_without_numbers_or_standard_titles(nlp):
    headings = ["Grounds maintenance contract", "Community safety partnership plan", "Youth council update"]
    text = HEADER + "".join(f"{h}\nThe officer introduced the report and answered questions from members.\n"
                            for h in headings)
    assert [title for _, title in items_of(text, nlp)] == headings


def test_unpunctuated_sentence_between_paragraphs_is_no_heading(nlp):
    """Sentence case is a heading style only without a finite verb: 'Apologies were received ...' is minutes."""
    text = (HEADER + "Grounds maintenance contract\nThe officer introduced the report on the contract.\n"
            "Apologies were received from Councillor Dale for the next item\nThe Chair thanked the officer.\n"
            "Youth council update\nThe youth worker described the council's recent elections.\n")
    assert [title for _, title in items_of(text, nlp)] == ["Grounds maintenance contract", "Youth council update"]


def test_sentence_case_headings_ending_with_a_colon(nlp):
    headings = ["Apologies for absence", "Grounds maintenance contract", "Youth council update"]
    text = HEADER + "".join(f"{h}:\nThe officer introduced the report and answered questions.\n" for h in headings)
    assert [title for _, title in items_of(text, nlp)] == headings


def test_colon_line_over_a_list_is_no_heading(nlp):
    text = (HEADER + "Grounds maintenance contract\nThe officer introduced the report.\n"
            "Members raised the following:\n• the cost of the extension;\n• the hours of work.\n"
            "Youth council update\nThe youth worker described the elections.\n")
    assert [title for _, title in items_of(text, nlp)] == ["Grounds maintenance contract", "Youth council update"]


@pytest.mark.parametrize("header", [
    "Community Panel – 2 March 2026 – Minutes\n\nAttendance\n\nCouncillors A Brook, C Dale and E Frost\n\n",
    "Minutes\n\nCommunity Panel\n\nDate: 2 March 2026\n\nMembers present: Councillors A Brook, C Dale and E Frost\n\n",
])
def test_meeting_header_without_minutes_of_the_meeting_held(nlp, header):
    headings = ["Grounds maintenance contract", "Youth council update"]
    text = header + "".join(f"{h}\nThe officer introduced the report and answered questions.\n" for h in headings)
    assert [title for _, title in items_of(text, nlp)] == headings


def test_contents_list_repeating_the_titles_is_no_item_list(nlp):
    contents = "".join(f"Item {n} - {title}\n" for n, title in enumerate(TITLES, 1))
    body = "".join(f"Item {n} - {title}\nThe officer introduced the item and members asked questions.\n"
                   for n, title in enumerate(TITLES, 1))
    text = "Minutes - Community Panel - 2 March 2026\nContents\n" + contents + "Present: Councillors A, B and C\n" + body
    rec = record(text, nlp)
    assert [(item.number, item.title) for item in rec.items] == [(str(n), t) for n, t in enumerate(TITLES, 1)]
    assert all("introduced" in rec.text[item.span.start:item.span.end] for item in rec.items)


def test_issue_page_title_with_item_label(nlp):
    text = ("Item - 6 Grounds maintenance contract\n"
            "Meeting of Community Panel, Monday 2 March 2026 (Item 6.)\n"
            "The Panel received the report on the grounds maintenance contract.\n")
    assert items_of(text, nlp) == [("6", "Grounds maintenance contract")]


def test_agenda_item_line_is_no_title_the_description_names_it(nlp):
    text = ("Agenda item\nMinutes:\nThe Panel considered the Community Safety Partnership Plan 2026/27, presented by "
            "the Community Safety Manager.\nRESOLVED: That the plan be endorsed.\n")
    assert items_of(text, nlp) == [(None, "Community Safety Partnership Plan 2026/27")]


def test_agenda_item_page_over_a_numbered_title(nlp):
    text = ("Agenda item\n7. Grounds Maintenance Contract (Pages 12 - 40)\nTo receive the report of the Head of "
            "Environment.\nMinutes:\nThe Panel received the report.\nRESOLVED: That the report be noted.\n")
    assert items_of(text, nlp) == [("7", "Grounds Maintenance Contract")]


def test_standard_agenda_heading_before_titles_marked_by_report_lines(nlp):
    text = (HEADER + "Public Questions\nThere were none.\n"
            "Grounds Maintenance Contract\nReport of the Head of Environment\nThe Panel received the report.\n"
            "Youth Council Update\nReport of the Youth Worker\nThe Panel received the update.\n")
    assert [title for _, title in items_of(text, nlp)] == [
        "Public Questions", "Grounds Maintenance Contract", "Youth Council Update"]


def test_decision_page_without_a_title_line_takes_its_purpose(nlp):
    text = ("Issue - decisions\nDecision Maker: Cabinet Member for Environment\nDecision status: Approved\n"
            "Purpose:\nTo approve the extension of the grounds maintenance contract for 2026/27.\n"
            "Decision:\nThat the extension be approved.\n")
    assert items_of(text, nlp) == [(None, "extension of the grounds maintenance contract for 2026/27")]


# -- decisions -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("decision, expected", [
    ("Decision: Noted.", "Noted."),
    ("Decision: Deferred to the next meeting to allow a site visit.", "Deferred to the next meeting to allow a site visit."),
    ("Decision:\n1. To extend the grounds maintenance contract for one year.\n2. To delegate the variation to the "
     "Head of Environment.", "1. To extend the grounds maintenance contract for one year.\n2. To delegate the "
     "variation to the Head of Environment."),
])
def test_decision_label_over_an_infinitive_or_a_participle(nlp, decision, expected):
    text = f"5. Grounds maintenance contract\n{decision}\nReason for decision: The contract ends in May.\n"
    assert decisions(text, nlp) == [expected]


def test_decision_makers_lead_in_under_a_decision_heading(nlp):
    text = ("Grounds maintenance contract\nDecision Maker: Cabinet Member for Environment\nDecision:\n"
            "The Cabinet Member for Environment:\n(a) approved the extension of the contract; and\n"
            "(b) delegated the variation to the Head of Environment.\nReasons for the decision:\n"
            "The contract ends in May.\n")
    [found] = decisions(text, nlp)
    assert found.startswith("The Cabinet Member for Environment:") and found.endswith("Head of Environment.")


def test_page_break_between_numbered_clauses_stays_in_the_decision(nlp):
    text = (HEADER + "12. Grounds maintenance contract\nThe officer introduced the report.\nRESOLVED:\n"
            "(1) that the contract be extended for one year;\nCommunity Panel - 2 March 2026\nPage 2\n"
            "(2) that the Head of Environment agree the variation.\n13. Youth council update\n"
            "The youth worker described the elections.\n")
    rec = record(text, nlp)
    [found] = [r for item in rec.items for r in item.resolutions]
    assert found.clauses == ["(1) that the contract be extended for one year;",
                             "(2) that the Head of Environment agree the variation."]


def test_moved_and_seconded_after_a_bracketed_sentence_end(nlp):
    text = (HEADER + "101. Apologies\nApologies were received from Cllr Dale (holiday). It was moved and seconded "
            "and RESOLVED that the apologies be accepted.\n102. Planning\nThere were no applications.\n")
    assert decisions(text, nlp) == ["the apologies be accepted."]


@pytest.mark.parametrize("sentence, expected", [
    ("Following discussion it was Resolved that the contract be extended.", "the contract be extended."),
    ("It was moved, seconded and Resolved: that the contract be extended.", "the contract be extended."),
])
def test_resolved_capitalised_inside_a_sentence(nlp, sentence, expected):
    assert decisions(f"5. Grounds maintenance contract\nThe officer introduced the report. {sentence}\n", nlp) == [expected]


@pytest.mark.parametrize("text", [
    "The officer reminded members that the Cabinet had Resolved to extend the contract.",  # reported
    "ACTION AGREED: Head of Environment to circulate the contract variation.",  # an action, not a decision
    "Decision: Reported to the Panel by the Head of Environment in the autumn",  # a participle of no decision
    "Outcome: Members were concerned about the cost.",
])
def test_decision_labels_over_narrative_are_no_decisions(nlp, text):
    assert decisions(f"5. Grounds maintenance contract\n{text}\n", nlp) == []
