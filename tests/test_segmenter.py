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
    from minutes_extract.components.segmenter import _list_level
    assert _list_level(text) == level


def test_block_spans_are_char_spans_and_start_sentences(nlp):
    """Spans made from token offsets read once are the ones Doc.char_span(alignment_mode="expand") makes."""
    from conftest import SEEDS
    from minutes_extract.components.segmenter import _Spans
    from minutes_extract.normalise import normalise
    for path in SEEDS[:3]:
        doc = nlp(normalise(path.read_text(encoding="utf-8")).text)
        spans = _Spans(doc, len(doc.text))
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
