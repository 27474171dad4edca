"""Inspection reports and letters read as one (components/inspection_report, official_outcomes).

The letter fixture and the short reports below are written for these tests; the five Ofsted reports in
../shared/realdocs/ofsted are checked against the official outcomes in ../shared/reference (skipped without it).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutes_extract.extract import extract_path, extract_text
from minutes_extract.official_outcomes import authority_key, check_record, load_outcomes

from conftest import FIXTURES, SHARED, all_extractions

LETTER = FIXTURES / "inspection" / "focused_visit_letter.txt"
OFSTED = SHARED / "realdocs" / "ofsted"
OUTCOMES = SHARED / "reference" / "ofsted_ilacs_history.csv"

ILACS_REPORT = """Brackenford City Council

Inspection of children's social care services

Inspection dates: 4 March 2024 to 15 March 2024

Lead inspector: Alex Example, His Majesty's Inspector

Judgement Grade

The impact of leaders on social work practice with children and families
Requires improvement to be good

The experiences and progress of children who need help and protection Good

The experiences and progress of children in care and care leavers
Requires improvement to be good

Overall effectiveness Requires improvement to be good

Since the last inspection in 2019, leaders have improved the help that children receive at the front door. Plans for children in care are not yet consistently specific.

What needs to improve

• The quality of plans for children in care.

• The timeliness of permanence decisions.

The experiences and progress of children who need help and protection: good

1. Children receive timely help when they first need it. Strategy meetings are well attended and effective.

2. Assessments are thorough and consider the history of each family well.

The experiences and progress of children in care and care leavers: requires improvement to be good

3. Some children wait too long for decisions about where they will live permanently.

4. Children in care are appropriately supported to understand why they are in care.

The Office for Standards in Education, Children's Services and Skills (Ofsted) regulates and inspects to achieve excellence in the care of children and young people.
"""

COMMITTEE_REPORT = """Brackenford City Council

Report to: Children's Scrutiny Committee

Subject: Outcome of the Ofsted inspection of children's services

1. Purpose

1.1 To tell the committee what the inspection found. Inspectors judged services to require improvement to be good.

What needs to improve

• The quality of plans for children in care.
"""


@pytest.fixture(scope="module")
def letter(nlp):
    return next(extract_path(LETTER, nlp))


@pytest.fixture(scope="module")
def ilacs(nlp):
    return extract_text(ILACS_REPORT, "brackenford-2024-04-26.txt", nlp)


def findings_of(record):
    return [e for group, e in all_extractions(record) if group == "findings"]


# -- a written focused visit letter ------------------------------------------------------------------

def test_letter_is_an_inspection_report(letter):
    assert letter.document_kind == "inspection_report"


@pytest.mark.parametrize("field, value", [
    ("kind", "focused_visit"), ("authority", "Harrowfield"), ("inspectorate", "Ofsted"),
    ("lead_inspector", "Sam Teller"), ("start_date", "2024-09-10"), ("end_date", "2024-09-11"), ("framework", None),
])
def test_letter_inspection_record(letter, field, value):
    assert getattr(letter.inspection, field) == value


def test_letter_is_one_item_and_its_numbered_paragraphs_are_paragraphs(letter):
    assert [(i.number, i.title) for i in letter.items] == [
        (None, "Focused visit to Harrowfield local authority children's services")]


def test_letter_points_are_development_findings(letter):
    points = [f for f in findings_of(letter) if f.rule == "improvement_point"]
    assert [f.text for f in points] == [
        "The timeliness of reviews of child in need plans when concerns for children increase.",
        "The quality of written plans, so that they are specific about what needs to change and by when.",
        "Management oversight of work with disabled children in need.",
    ]
    assert {f.polarity for f in points} == {"development"}


def test_letter_findings_attributed_to_the_inspectorate(letter):
    findings = findings_of(letter)
    assert findings and {f.attributed_to for f in findings} == {"ofsted"}
    assert any(f.polarity == "strength" and f.text.startswith("Assessments are thorough") for f in findings)


# -- a written ILACS report ---------------------------------------------------------------------------

def test_report_judgements_from_the_table_split_over_lines(ilacs):
    assert {j.key: j.grade for j in ilacs.inspection.judgements} == {
        "impact_of_leaders": "requires_improvement", "help_and_protection": "good",
        "in_care": "requires_improvement", "overall": "requires_improvement"}
    assert {j.source for j in ilacs.inspection.judgements} == {"table"}


@pytest.mark.parametrize("field, value", [
    ("kind", "ilacs"), ("framework", "standard"), ("authority", "Brackenford City Council"),
    ("lead_inspector", "Alex Example"), ("start_date", "2024-03-04"), ("end_date", "2024-03-15"),
])
def test_report_inspection_record(ilacs, field, value):
    assert getattr(ilacs.inspection, field) == value


def test_grade_headings_and_remit_are_not_findings(ilacs):
    texts = [f.text for f in findings_of(ilacs)]
    assert not [t for t in texts if re.search(r"(?i)^the experiences and progress|^overall effectiveness|regulates", t)]
    assert [f.text for f in findings_of(ilacs) if f.rule == "improvement_point"] == [
        "The quality of plans for children in care.", "The timeliness of permanence decisions."]


def test_in_a_report_the_inspectorate_speaks_in_every_sentence(ilacs, nlp):
    """A weak cue ('appropriately') makes a finding in a report, as after 'Ofsted found' in minutes."""
    sentence = "Children in care are appropriately supported to understand why they are in care."
    assert [(f.polarity, f.attributed_to) for f in findings_of(ilacs) if f.text == sentence] == [("strength", "ofsted")]
    minutes = extract_text("Children's Services Update\n\n" + sentence + "\n", nlp=nlp)
    assert sentence not in [f.text for f in findings_of(minutes)]


def test_a_committee_report_about_an_inspection_stays_minutes(nlp):
    record = extract_text(COMMITTEE_REPORT, nlp=nlp)
    assert record.document_kind == "minutes" and record.inspection is None


def test_minutes_are_minutes(seed_records):
    assert {r.document_kind for r in seed_records.values()} == {"minutes"}


# -- official outcomes --------------------------------------------------------------------------------

HEADER = ("urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,"
          "inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,"
          "help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version\n")


def outcomes_file(tmp_path: Path, help_grade: str) -> list:
    path = tmp_path / "outcomes.csv"
    path.write_text(HEADER + f"1,brackenford,x,x.pdf,26/04/24,standard,Alex Example,04/03/2024,15/03/2024,"
                    f"requires improvement,requires improvement,{help_grade},requires improvement,"
                    "inspection_pre_dates_judgement,1\n", encoding="utf-8")
    return load_outcomes(path)


def test_report_agreeing_with_the_official_record_gets_no_warning(ilacs, tmp_path):
    assert check_record(ilacs, outcomes_file(tmp_path, "good")) == []


def test_report_disagreeing_with_the_official_record_gets_a_warning_naming_both(ilacs, tmp_path):
    [warning] = check_record(ilacs, outcomes_file(tmp_path, "inadequate"))
    assert "help_and_protection: report good, official inadequate" in warning


@pytest.mark.parametrize("name, key", [("Middlesbrough Borough Council", "middlesbrough"),
                                       ("Bournemouth, Christchurch & Poole", "bournemouth christchurch and poole"),
                                       ("Durham County Council", "durham")])
def test_authority_key(name, key):
    assert authority_key(name) == key


# -- the five Ofsted reports (../shared) --------------------------------------------------------------

# Kinds and, where the official record has none (pre-2018 SIF rows are unreadable), dates and grades read
# by hand from the report's own front page.
REPORTS = {
    "durham-2016-05-16.pdf": ("sif", "2016-02-22", "2016-03-18", {
        "overall": "requires_improvement", "help_and_protection": "requires_improvement",
        "in_care": "requires_improvement", "adoption": "good", "care_leavers": "good",
        "impact_of_leaders": "requires_improvement", "lscb": "good"}),
    "middlesbrough-2020-01-24.pdf": ("ilacs", None, None, None),
    "north-somerset-2020-06-10.pdf": ("ilacs", None, None, None),
    "west-northamptonshire-2022-11-25.pdf": ("ilacs", None, None, None),
    "west-northamptonshire-2026-07-07.pdf": ("ilacs", None, None, None),
}


@pytest.fixture(scope="module")
def ofsted_records(nlp):
    if not (OFSTED.is_dir() and OUTCOMES.is_file()):
        pytest.skip("../shared/realdocs/ofsted or ../shared/reference is absent")
    return {name: next(extract_path(OFSTED / name, nlp)) for name in REPORTS}


@pytest.fixture(scope="module")
def official(ofsted_records):
    return load_outcomes(OUTCOMES)


def official_row(record, outcomes):
    from minutes_extract.official_outcomes import find_outcome
    row = find_outcome(record, outcomes)
    assert row is not None, record.source.path
    return row


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_ofsted_report_one_inspection_of_the_right_kind_and_dates(ofsted_records, official, name):
    record = ofsted_records[name]
    kind, start, end, _ = REPORTS[name]
    row = official_row(record, official)
    assert record.document_kind == "inspection_report"
    assert record.inspection.kind == kind
    assert (record.inspection.start_date, record.inspection.end_date) == (start or row.start_date, end or row.end_date)
    if row.framework:
        assert record.inspection.framework == row.framework
    assert len(record.items) == 1 and record.items[0].number is None


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_ofsted_report_judgements_equal_the_official_record(ofsted_records, official, name):
    record = ofsted_records[name]
    row = official_row(record, official)
    read = {j.key: j.grade for j in record.inspection.judgements}
    by_hand = REPORTS[name][3]
    if by_hand is not None:
        assert set(row.grades.values()) == {"data_unreadable"}  # nothing official to compare: the report's own
        assert read == by_hand
    else:
        official_grades = {k: g for k, g in row.grades.items() if g not in ("not_reported_post_reform",
                                                                          "inspection_pre_dates_judgement")}
        assert read == official_grades
    assert check_record(record, official) == []


IMPROVEMENT_HEADING = re.compile(r"^(?:What needs to improve\??|Recommendations)$")
POINT = re.compile(r"^(?:•|\d{1,3}\.)\s+(\S.*)$")


def points_in_report(text: str) -> list[str]:
    """The points the report lists under 'What needs to improve' (or a SIF report's 'Recommendations'),
    counted straight from its lines: bullets or numbered lines up to the first other line (a lone footnote
    number excepted)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    points = []
    for k, line in enumerate(lines):
        if not IMPROVEMENT_HEADING.match(line):
            continue
        for following in lines[k + 1:]:
            if re.fullmatch(r"\d{1,2}", following):
                continue
            m = POINT.match(following)
            if not m:
                break
            points.append(m.group(1))
    return points


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_ofsted_report_every_point_to_improve_is_a_development_finding(ofsted_records, name):
    record = ofsted_records[name]
    expected = points_in_report(record.text)
    assert expected, name
    development = {f.text.strip() for f in findings_of(record) if f.polarity == "development"}
    missing = [p for p in expected if p.strip() not in development]
    assert missing == [], f"{len(expected) - len(missing)}/{len(expected)} found"


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_ofsted_report_findings_attributed_to_ofsted(ofsted_records, name):
    findings = findings_of(ofsted_records[name])
    assert findings and {f.attributed_to for f in findings} == {"ofsted"}
