"""minutes_inspections: one record per inspection, with kind, dates, status and focus."""
from __future__ import annotations

import pytest

from conftest import all_extractions
from minutes_extract.components.inspections import DateMention, InspectionFinder, InspectionRules
from minutes_extract.rules import load_json


@pytest.fixture(scope="module")
def finder():
    return InspectionFinder(InspectionRules(load_json("rules/inspections.json")))


def inspections(record):
    return [i for group, i in all_extractions(record) if group == "inspections"]


def by_kind(record, kind):
    return [i for i in inspections(record) if i.kind == kind]


def test_seed_004_monitoring_visits_past_and_planned(seed_records):
    visits = by_kind(seed_records["004"], "monitoring_visit")
    past = next(v for v in visits if "2021-12-14" in v.dates)
    assert past.status == "completed" and past.focus.startswith("Children in Need")
    planned = next(v for v in visits if "2022-03-29" in v.dates)
    assert planned.status == "planned" and planned.focus.startswith("Court Work")
    assert "2022-03-30" in planned.dates
    assert [j.kind for j in by_kind(seed_records["004"], "jtai")] == ["jtai"]


def test_seed_004_the_full_inspection_keeps_its_own_year(seed_records):
    full = [i for i in by_kind(seed_records["004"], "ilacs") if i.dates]
    assert [i.dates for i in full] == [["2019"]]


def test_seed_003_focused_visits_and_annual_engagement(seed_records):
    record = seed_records["003"]
    visits = {tuple(v.dates): v for v in by_kind(record, "focused_visit")}
    assert set(visits) == {("2022-09",), ("2021-12",)}
    assert all(v.status == "completed" for v in visits.values())
    assert visits[("2022-09",)].focus.startswith("the local authority's arrangements for the 'front door'")
    meetings = [m for m in by_kind(record, "annual_engagement") if m.dates]
    assert [(m.dates, m.status) for m in meetings] == [(["2023-01", "2023-02"], "planned")]
    assert [i.dates for i in by_kind(record, "ilacs")] == [["2020-03"]]


def test_seed_001_single_inspection_framework_once(seed_records):
    [sif] = inspections(seed_records["001"])
    assert (sif.kind, sif.dates, sif.status) == ("sif", ["2016-02-22", "2016-03-16"], "completed")
    assert sif.focus.startswith("children in need of help and protection")


def test_seed_002_fostering_inspection_restated_is_one_record(seed_records):
    kinds = [i.kind for i in inspections(seed_records["002"])]
    assert kinds.count("fostering") == 1 and "ilacs" not in kinds


@pytest.mark.parametrize("sentence, kind, status", [
    ("A Joint Targeted Area Inspection is expected in the spring.", "jtai", "planned"),
    ("The local area SEND inspection took place last year.", "send", "completed"),
    ("Inspectors carried out an ILACS standard inspection.", "ilacs", "completed"),
    ("The next focused visit will look at care leavers.", "focused_visit", "planned"),
    ("HMI Probation published its report on the Youth Justice Service.", "other", "completed"),
    ("The annual conversation with Ofsted was held in May.", "annual_engagement", "completed"),
    # news-page and minutes phrasing of who inspected
    ("Ofsted inspected children's services in December 2023.", "ilacs", "completed"),
    ("Children's services were rated Good by Ofsted following an inspection in January 2025.", "ilacs", "completed"),
    ("Ofsted's latest inspection of children's services in 2024 found services to be good.", "ilacs", "completed"),
    ("The youth justice service was inspected by HM Inspectorate of Probation.", "other", "completed"),
    ("Adult social care was assessed by the Care Quality Commission and rated Good.", "other", "completed"),
    ("The Written Statement of Action was published after the 2021 CQC Ofsted inspection of the local area.", "send",
     "completed"),
    ("Actions from the inspection of the local areas SEND provision were reviewed.", "send", "completed"),
])
def test_kinds_and_status(finder, sentence, kind, status):
    [found] = finder.find(sentence, [])
    assert (found.kind, found.status) == (kind, status)


def test_status_from_dates_against_the_meeting(finder):
    text = "The Ofsted monitoring visit in July 2021 on children in need."
    july = DateMention(text.index("July"), text.index("July") + 9, ["2021-07"])
    [visit] = finder.find(text, [july], meeting_date="2021-09-01")
    assert (visit.dates, visit.status, visit.focus) == (["2021-07"], "completed", "children in need")
    [visit] = finder.find(text, [july], meeting_date="2021-05-01")
    assert visit.status == "planned"


def test_an_unnamed_ofsted_inspection_takes_its_framework_from_the_year(finder):
    assert [i.kind for i in finder.find("The Ofsted inspection in 2016 was intense.", [])] == ["sif"]
    assert [i.kind for i in finder.find("The Ofsted inspection in 2023 was intense.", [])] == ["ilacs"]
    assert finder.find("The school's Ofsted inspection was positive.", []) == []


def test_kind_patterns_tried_only_where_they_can_start_find_what_a_scan_finds(finder):
    from conftest import SEEDS
    from minutes_extract.matching import lowered
    from minutes_extract.normalise import normalise
    for path in SEEDS:
        text = normalise(path.read_text(encoding="utf-8")).text
        low = lowered(text)
        near = finder.r.kind_starts.by_pattern(low, 0, len(text))
        for (kind, started), at in zip(finder.r.kinds, near):
            scanned = [m.span() for m in started.pattern.finditer(text)]
            assert [m.span() for m in started.finditer(text, low, 0, len(text), at)] == scanned, kind
        hits = finder.r.prefilter_started.finditer(text, low)
        assert [m.span() for m in hits] == [m.span() for m in finder.r.prefilter.finditer(text)]


@pytest.mark.parametrize("sentence", [
    "The Written Statement of Action responded to the inspection and was approved by Ofsted in 2019.",
    "Ofsted had carried out an inspection of the Voluntary Adoption Agency in 2022.",
])
def test_not_an_inspection_of_childrens_services(finder, sentence):
    assert [i.kind for i in finder.find(sentence, [])] in ([], ["other"]) and \
        "ilacs" not in [i.kind for i in finder.find(sentence, [])]


def test_an_unnamed_ofsted_inspection_heading_joins_the_named_one(finder):
    text = "5. Ofsted inspection\nOfsted inspected children's services in December 2023."
    december = DateMention(text.index("December"), text.index("December") + 13, ["2023-12"])
    assert [(i.kind, i.dates) for i in finder.find(text, [december])] == [("ilacs", ["2023-12"])]
