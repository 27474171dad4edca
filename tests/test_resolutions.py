import pytest

from minutes_extract.extract import extract_text


def resolutions(record):
    return [r for item in record.items for r in item.resolutions] + record.unassigned.resolutions


@pytest.mark.parametrize("seed", ["000", "002"])
def test_decision_printed_twice_is_kept_once_with_its_copy(seed_records, seed):
    record = seed_records[seed]
    (res,) = resolutions(record)
    assert res.verb == "resolved"
    assert res.text.startswith("the People Overview and Scrutiny Committee")
    (copy,) = res.copies
    assert copy.start > res.span.end  # the copy is the one at the end of Minutes:
    assert record.text[copy.start:copy.end].startswith("the People Overview")


def test_seed_000_resolution_clauses(seed_records):
    (res,) = resolutions(seed_records["000"])
    assert len(res.clauses) == 4
    assert res.clauses[-1] == "• Outcomes of the Ofsted monitoring visit due to take place in November 2021."


def test_seed_001_resolved_heading_with_numbered_clauses(seed_records):
    (res,) = resolutions(seed_records["001"])
    assert res.clauses[0] == "(i) That the report and presentation be noted."
    assert res.clauses[1].endswith("on a six month basis.")


def test_seed_003_report_recommendations(seed_records):
    (res,) = resolutions(seed_records["003"])
    assert (res.verb, res.rule) == ("recommended", "recommendations_section")
    assert res.clauses == ["That Members note the contents of the letter.",
                           "That Members note the progress to date and the work still needed."]


def test_seed_004_agreed_across_a_hard_wrap(seed_records):
    (res,) = resolutions(seed_records["004"])
    assert (res.verb, res.text) == ("agreed", "the information provided be noted.")


@pytest.mark.parametrize("text, verb, expected", [
    ("RESOLVED that the minutes be signed by the Chair.", "resolved", "the minutes be signed by the Chair."),
    ("RESOLVED: That the report be noted.", "resolved", "the report be noted."),
    ("Resolved – (a) That the report be endorsed, (b) that the staff be thanked.", "resolved",
     "(a) That the report be endorsed, (b) that the staff be thanked."),
    ("AGREED that the Councillor be appointed as Chair Pro Tem.", "agreed", "the Councillor be appointed as Chair Pro Tem."),
    ("The Board RESOLVED to note the information about the inspection.", "resolved",
     "note the information about the inspection."),
    ("DECIDED: that the policy be adopted with effect from April.", "decided", "the policy be adopted with effect from April."),
])
def test_trigger_forms(nlp, text, verb, expected):
    (res,) = resolutions(extract_text(text, nlp=nlp))
    assert (res.verb, res.text) == (verb, expected)


@pytest.mark.parametrize("text", [
    "Members noted that caseloads had fallen.",
    "The Committee considered the report.",
    "It was agreed that the chair would write to the Minister.",  # narrative outside a Decision: section
    "Resolved:\n\nT",  # cut off: no complete clause
])
def test_not_resolutions(nlp, text):
    assert resolutions(extract_text(text, nlp=nlp)) == []


def test_resolved_heading_then_clause_list(nlp):
    text = "Resolved:\n\n(i) That the report be noted.\n\n(ii) That a further report be received in March.\n\nSupporting documents:"
    (res,) = resolutions(extract_text(text, nlp=nlp))
    assert len(res.clauses) == 2 and res.text.startswith("(i) That the report")


@pytest.mark.parametrize("text, verb, expected", [
    ("Members RESOLVED that the update be noted.", "resolved", "the update be noted."),
    ("Following discussion, it was RESOLVED that the strategy be approved.", "resolved", "the strategy be approved."),
    ("RESOLVED (unanimously) that the motion be carried.", "resolved", "the motion be carried."),
    ("Resolved (unanimously): That the annual report be endorsed.", "resolved", "the annual report be endorsed."),
    ("Decision:\n\nThat the Board:\n\n1. notes the refreshed Local Offer;\n\n2. agrees that a report be brought "
     "in March.", "decided",
     "That the Board:\n\n1. notes the refreshed Local Offer;\n\n2. agrees that a report be brought in March."),
])
def test_trigger_variants_from_other_councils(nlp, text, verb, expected):
    (res,) = resolutions(extract_text(text, nlp=nlp))
    assert (res.verb, res.text) == (verb, expected)


@pytest.mark.parametrize("text, clauses", [
    ("281. Motions\n(Item 12)\n\n8) RESOLVED that the Council resolves:\n\n1. To declare support.\n\n"
     "2. To recognise farming.\n\n9) The Chairman proposed that the meeting be extended.", 3),  # stops at "9)"
    ("(27) RESOLVED that:\n\nCouncil is asked to agree the following:\n\n2025-35 Capital Programme\n\n"
     "(a) The capital programme.\n\nIn addition:\n\n(b) To delegate authority.\n\n(28) The Chairman closed.", 3),
])
def test_clause_lists_past_subheadings_and_up_to_the_next_minute(nlp, text, clauses):
    (res,) = resolutions(extract_text(text, nlp=nlp))
    assert len(res.clauses) == clauses and not res.text.endswith("closed.")


def test_same_wording_in_two_items_is_two_decisions(nlp):
    text = "12. Report A\n\nRESOLVED that the report be noted.\n\n13. Report B\n\nRESOLVED that the report be noted.\n"
    assert len(resolutions(extract_text(text, nlp=nlp))) == 2


def test_report_recommendations_in_summary_and_body_are_one(nlp):
    text = ("Subject: Budget Monitoring\n\nRecommendation(s):\n\nCabinet is asked to:\n\na) NOTE the overspend of £23.3m "
            "and the actions being taken\n\nb) NOTE the underspend of £111.6m.\n\n1. Introduction\n\n1.1 The position.\n\n"
            "4. Recommendation(s)\n\nCabinet is asked to:\n\na) NOTE the overspend of £23.3m.\n\n"
            "b) NOTE the underspend of £111.6m.\n\n5. Contact details\n\nJo Smith\n")
    (res,) = resolutions(extract_text(text, nlp=nlp))
    assert len(res.clauses) == 2 and len(res.copies) == 1 and "Contact" not in text[res.copies[0].start:res.copies[0].end]


def test_report_recommendations_stop_at_the_next_numbered_section(nlp):
    text = ("SUBJECT: Ofsted Focused Visit\n\n1. Purpose of Report\n\n1.1 To inform Cabinet of the findings.\n\n"
            "2. Recommendation(s)\n\n2.1 That Cabinet notes the findings of the focused visit.\n"
            "2.2 That Cabinet endorses the actions in the improvement plan.\n\n3. Findings\n\n"
            "3.1 Inspectors found that children live in stable homes.\n")
    (res,) = resolutions(extract_text(text, nlp=nlp))
    assert res.verb == "recommended" and len(res.clauses) == 2
    assert res.clauses[1] == "2.2 That Cabinet endorses the actions in the improvement plan."


def test_trigger_needs_only_skip_lines_no_trigger_reads(nlp):
    """`needs` is a shortcut: the triggers tried one by one, without it, fire on the same seed lines."""
    from conftest import SEEDS
    from minutes_extract.components.resolutions import doc_blocks
    from minutes_extract.normalise import normalise
    rules = nlp.get_pipe("minutes_resolutions").rules
    fired = 0
    for path in SEEDS:
        for block in doc_blocks(nlp(normalise(path.read_text(encoding="utf-8")).text)):
            plain = next(((t.id, m.group("verb")) for t in rules.triggers
                          if rules.allowed(t.where, block) and (m := t.pattern.match(block.text))), None)
            hit = rules.trigger(block)
            assert ((hit[0].id, hit[1].group("verb")) if hit else None) == plain
            fired += plain is not None
    assert fired >= 5
