"""The archive view on a fixture archive (the seeds and the later WNC meeting written for it): canonical
authorities, the judgement timeline against an official record, follow-ups. Sentences in the tests are
written for them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, SEEDS
from minutes_extract.archive.followups import find_followups, track
from minutes_extract.archive.gazetteer import Authority, load_gazetteer, resolve
from minutes_extract.archive.timeline import OfficialInspection, build_timeline, check, Event, load_official
from minutes_extract.errors import RuleFileError

LATER_MEETING = FIXTURES / "archive" / "wnc_people_scrutiny_2022-01-25.txt"
SEED_AUTHORITIES = {"000": "west-northamptonshire", "001": "durham", "002": "west-northamptonshire",
                    "003": "north-somerset", "004": "middlesbrough"}


def as_dict(record) -> dict:
    return record.model_dump(mode="json")


@pytest.fixture(scope="session")
def gaz():
    return load_gazetteer()


@pytest.fixture(scope="session")
def archive(seed_records, nlp):
    """The fixture archive: every seed and the later meeting, as `extract` writes them."""
    from minutes_extract.extract import extract_path
    records = {key: as_dict(r) for key, r in seed_records.items()}
    records["later"] = as_dict(next(extract_path(LATER_MEETING, nlp)))
    return records


def written(nlp, text: str, path: str = "written.txt") -> dict:
    from minutes_extract.extract import extract_text
    record = as_dict(extract_text(text, nlp=nlp))
    record["source"]["path"] = path
    return record


# -- 1. authorities ------------------------------------------------------------------------------------
def test_gazetteer_validates_and_links(gaz):
    ids = [a.id for a in gaz.authorities]
    assert len(ids) == len(set(ids)) >= 200
    urns = [a.ofsted_urn for a in gaz.authorities if a.ofsted_urn]
    assert len(urns) == len(set(urns)) == 153  # every children's services authority in England
    wnc = gaz.by_id["west-northamptonshire"]
    assert (wnc.gss, wnc.ofsted_urn, wnc.type) == ("E06000062", "2637548", "unitary")


def test_a_gazetteer_line_with_an_unknown_key_is_refused_with_file_and_line(tmp_path):
    models = Path(__file__).resolve().parents[1] / "models"
    lines = (models / "gazetteer.jsonl").read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[1])
    broken["postcode"] = "X1"
    (tmp_path / "gazetteer.jsonl").write_text("\n".join([lines[0], json.dumps(broken), *lines[2:]]), encoding="utf-8")
    (tmp_path / "gazetteer_rules.json").write_text((models / "gazetteer_rules.json").read_text(encoding="utf-8"))
    with pytest.raises(RuleFileError, match=r"gazetteer.jsonl:2: key 'postcode': unknown key"):
        load_gazetteer(tmp_path)
    with pytest.raises(ValueError):
        Authority.model_validate({**json.loads(lines[0]), "gss": "not a code"})


@pytest.mark.parametrize("key", sorted(SEED_AUTHORITIES))
def test_every_seed_resolves_to_its_council(archive, gaz, key):
    match = resolve(archive[key], gaz)
    assert match.status == "resolved" and match.authority_id == SEED_AUTHORITIES[key]
    assert match.cue is not None and 0 < match.confidence <= 1


def test_the_later_meeting_resolves_to_west_northamptonshire(archive, gaz):
    match = resolve(archive["later"], gaz)
    assert (match.authority_id, match.gss, match.ofsted_urn) == ("west-northamptonshire", "E06000062", "2637548")


@pytest.mark.parametrize("text, expected, cue", [
    ("Minutes of the Cabinet held at Sessions House, County Hall, Maidstone on 3 March 2024.\n\n1. Apologies\n\nNone.",
     "kent", "building"),
    ("Agenda item\n\nBudget\n\nThe report is at www.kent.gov.uk/budget and was noted.", "kent", "domain"),
    ("TORBAY COUNCIL\n\nChildren and Young People's Overview and Scrutiny Board\n\n1. Minutes\n\nAgreed.", "torbay", "name"),
    ("Agenda item\n\nFostering\n\nThe Board heard that WNC had recruited more foster carers in Northampton.",
     "west-northamptonshire", "abbreviation"),
])
def test_cues_place_a_document(nlp, gaz, text, expected, cue):
    match = resolve(written(nlp, text), gaz)
    assert match.status == "resolved" and match.authority_id == expected and match.cue.kind == cue


@pytest.mark.parametrize("text", [
    "Agenda item\n\nSocial care\n\nThe Committee noted the report on social care and agreed the recommendations.",
    "Agenda item\n\nUpdate\n\nCllr Sarah Wakefield introduced the report.",             # a surname, not Wakefield
    "Agenda item\n\nUpdate\n\nThe SCC report was noted by the Committee.",               # SCC: several councils
    "Agenda item\n\nPartners\n\nThe Dorset Clinical Commissioning Group and Kent Police attended.",  # other bodies
])
def test_unknown_stays_unknown(nlp, gaz, text):
    match = resolve(written(nlp, text), gaz)
    assert match.status == "unknown" and match.authority_id is None and match.reason


def test_a_former_council_gives_way_to_its_successor_once_it_is_abolished(nlp, gaz):
    before = "NORTHAMPTONSHIRE COUNTY COUNCIL\n\nCabinet\n\nDate of Meeting: 12 March 2019\n\n1. Minutes\n\nAgreed."
    assert resolve(written(nlp, before), gaz).authority_id == "northamptonshire-county-council"
    after = ("West Northamptonshire Council\n\nCabinet\n\nDate of Meeting: 8 June 2022\n\n1. Children's services\n\n"
             "Members recalled the findings made when Northamptonshire County Council ran the service.")
    assert resolve(written(nlp, after), gaz).authority_id == "west-northamptonshire"


def test_a_source_path_places_an_inspection_report(nlp, gaz):
    record = written(nlp, "Inspection of children's social care services\n\nThe local authority has improved.",
                     path="reports/west-northamptonshire-2022-11-25.txt")
    match = resolve(record, gaz)
    assert match.authority_id == "west-northamptonshire" and match.cue.kind == "path"


# -- 2. timeline ---------------------------------------------------------------------------------------
def wnc_official() -> dict[str, list[OfficialInspection]]:
    """West Northamptonshire's official record as the published ILACS reports give it (written out here so
    the test needs no ../shared)."""
    columns = ("overall_effectiveness_grade", "impact_of_leaders_grade", "help_and_protection_grade",
               "in_care_grade", "care_leavers_grade")
    return {"west-northamptonshire": [
        OfficialInspection(authority="west-northamptonshire", urn="2637548", published="2026-07-07",
                           start="2026-05-11", end="2026-05-22", framework="standard",
                           grades=dict(zip(columns, (None, "outstanding", "good", "good", "good")))),
        OfficialInspection(authority="west-northamptonshire", urn="2637548", published="2022-11-25",
                           start="2022-10-03", end="2022-10-14", framework="standard",
                           grades=dict(zip(columns, ["requires_improvement"] * 4 + [None]))),
    ]}


CABINET_2023 = ("West Northamptonshire Council\n\nCabinet\n\nDate of Meeting: 10 January 2023\n\n"
                "1. Ofsted inspection of children's services\n\n"
                "Ofsted inspected children's services between 3 and 14 October 2022. The overall judgement was "
                "that services {grade}.\n\nRESOLVED: That the report be noted.")


def wnc_events(events):
    return [e for e in events if e.authority_id == "west-northamptonshire" and e.kind == "judgement"]


def test_wnc_timeline_from_the_seeds_shows_not_in_record_and_one_event_per_judgement(archive, gaz):
    events = build_timeline(archive.values(), gaz, official=wnc_official())
    wnc = wnc_events(events)
    (inadequate_2019,) = [e for e in wnc if e.date == "2019"]
    assert inadequate_2019.grade == "inadequate" and inadequate_2019.dated_by == "text"
    assert inadequate_2019.official.status == "not in record"  # the county council's inspection, before WNC
    assert {s.path for s in inadequate_2019.sources} == {str(SEEDS[0]), str(LATER_MEETING)}  # two documents, one event
    assert all(e.official.status == "not in record" for e in wnc)
    assert not any(e.grade == "requires_improvement" and e.date == "2022" for e in wnc)  # a forecast is no judgement
    inspections = [e for e in events if e.authority_id == "west-northamptonshire" and e.kind == "inspection"]
    (november,) = [e for e in inspections if e.date == "2021-11"]
    assert november.status == "completed" and len(november.sources) == 2  # planned in one meeting, reported in the next


def test_a_judgement_the_record_has_agrees(archive, gaz, nlp):
    meeting = written(nlp, CABINET_2023.format(grade="require improvement to be good"))
    events = build_timeline([*archive.values(), meeting], gaz, official=wnc_official())
    (event,) = [e for e in wnc_events(events) if e.date and e.date.startswith("2022")]
    assert event.grade == "requires_improvement" and event.dated_by in ("text", "inspection")
    assert (event.official.status, event.official.official_grade) == ("agrees", "requires_improvement")
    assert event.official.official_published == "2022-11-25"


def test_a_differing_judgement_is_flagged_with_both_grades(archive, gaz, nlp):
    meeting = written(nlp, CABINET_2023.format(grade="were good"))
    events = build_timeline([*archive.values(), meeting], gaz, official=wnc_official())
    (event,) = [e for e in wnc_events(events) if e.date and e.date.startswith("2022")]
    assert event.official.status == "differs"
    assert (event.official.archive_grade, event.official.official_grade) == ("good", "requires_improvement")


def test_a_judgement_dated_only_by_its_meeting_is_checked_against_the_latest_report(gaz):
    event = Event(authority_id="west-northamptonshire", authority="West Northamptonshire Council", kind="judgement",
                  area="Children who need help and protection", grade="good", date="2024-03-05", dated_by="meeting")
    result = check(event, wnc_official()["west-northamptonshire"], gaz)
    assert (result.status, result.official_grade) == ("differs", "requires_improvement")


def test_wnc_timeline_against_the_real_record(archive, gaz, shared):
    official = load_official(shared / "reference" / "ofsted_ilacs_history.csv", gaz)
    assert {r.published for r in official["west-northamptonshire"]} == {"2022-11-25", "2026-07-07"}
    events = build_timeline(archive.values(), gaz, official=official)
    assert all(e.official.status == "not in record" for e in wnc_events(events))
    (somerset,) = [e for e in events if e.authority_id == "north-somerset" and e.kind == "judgement" and e.date == "2020"]
    assert (somerset.official.status, somerset.official.official_grade) == ("agrees", "requires_improvement")


# -- 3. follow-ups -------------------------------------------------------------------------------------
def test_seed_000_asks_for_an_update_due_25_january_2022(archive, gaz):
    (followup,) = find_followups(archive["000"], gaz)
    assert followup.due == "2022-01-25" and followup.due_rule == "date"
    assert followup.subject == "children’s services performance"
    assert followup.body == "People Overview and Scrutiny Committee"


def test_the_later_meeting_meets_seed_000s_request(archive, gaz):
    followups = track(archive.values(), gaz)
    (seed,) = [f for f in followups if f.path == str(SEEDS[0])]
    assert seed.status == "met" and seed.met_by.path == str(LATER_MEETING)
    assert seed.met_by.meeting_date == "2022-01-25" and seed.met_by.item_title == "Children's Services Performance Update"
    (new,) = [f for f in followups if f.path == str(LATER_MEETING)]
    assert (new.subject, new.of_whom, new.due, new.status) == (
        "the recruitment and retention of social workers", "Director of Children's Services", "2022-07-19", "open")
    assert [f.status for f in track(archive.values(), gaz, as_of="2022-08-01") if f.path == str(LATER_MEETING)] == ["overdue"]


def test_without_the_later_meeting_the_request_is_overdue_once_its_date_has_passed(archive, gaz):
    others = [r for k, r in archive.items() if k != "later"]
    (seed,) = [f for f in track(others, gaz, as_of="2022-03-01") if f.path == str(SEEDS[0])]
    assert seed.status == "overdue" and seed.met_by is None
    (seed,) = [f for f in track(others, gaz) if f.path == str(SEEDS[0])]
    assert seed.status == "open"  # nothing in the archive after the due date: too early to say


def test_six_months_and_next_meeting_resolve_against_meeting_dates(nlp, gaz):
    first = written(nlp, "West Northamptonshire Council\n\nCorporate Parenting Board\n\nDate of Meeting: 14 March 2023\n\n"
                         "1. Care leavers\n\nRESOLVED: That a further report on care leavers' housing be brought to the "
                         "Board in six months.\n\n2. Fostering\n\nRESOLVED: That an update on foster carer recruitment "
                         "be brought to the next meeting.", path="first.txt")
    second = written(nlp, "West Northamptonshire Council\n\nCorporate Parenting Board\n\nDate of Meeting: 20 June 2023\n\n"
                          "1. Foster carer recruitment\n\nRESOLVED: That the update on foster carer recruitment be noted.",
                     path="second.txt")
    found = {f.subject: f for f in track([first, second], gaz)}
    housing, fostering = found["care leavers' housing"], found["foster carer recruitment"]
    assert (housing.due, housing.due_rule, housing.status) == ("2023-09-14", "6 months", "open")
    assert (fostering.due, fostering.due_rule, fostering.status) == ("2023-06-20", "next meeting", "met")
    assert fostering.met_by.path == "second.txt"


# -- real documents beside the clone (../shared) -----------------------------------------------------------
REAL_AUTHORITIES = {"kent": "kent", "durham": "durham", "middlesbrough": "middlesbrough",
                    "north-somerset": "north-somerset", "west-northamptonshire": "west-northamptonshire"}


@pytest.fixture(scope="session")
def real_records(shared, nlp):
    from minutes_extract.extract import extract_path
    paths = sorted((shared / "realdocs").glob("*/*.pdf"))
    if not paths:
        pytest.skip("no PDFs in ../shared/realdocs")
    return {p: as_dict(next(extract_path(p, nlp))) for p in paths}


def expected_authority(path: Path) -> str:
    if path.parent.name == "kent":
        return "kent"
    return next(ident for prefix, ident in REAL_AUTHORITIES.items() if path.name.startswith(prefix))


def test_every_kent_pdf_and_ofsted_report_resolves(real_records, gaz):
    kent = [p for p in real_records if p.parent.name == "kent"]
    assert len(kent) >= 4
    for path, record in real_records.items():
        match = resolve(record, gaz)
        assert (path.name, match.authority_id) == (path.name, expected_authority(path)), match.reason
