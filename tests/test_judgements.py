"""minutes_judgements: graded judgements from the seeds, and one-line cases for the finder (no spaCy)."""
from __future__ import annotations

import re

import pytest

from conftest import SEEDS, all_extractions
from minutes_extract.matching import StartedPattern, first_characters, guarded, lowered, starting_strings
from minutes_extract.normalise import normalise

CONTEXT = "The Committee considered the Ofsted inspection report.\n\n"


def judgements(record):
    return [j for group, j in all_extractions(record) if group == "judgements"]


def pairs(record, forecast=False):
    return {(j.area, j.grade) for j in judgements(record) if j.forecast == forecast}


def found(finder, sentence):
    """(area key or "overall", grade, forecast) for each judgement in a sentence after an Ofsted context line."""
    return {(c.area_key if c.area != "overall" else "overall", c.grade, c.forecast)
            for c in finder.find(CONTEXT + sentence)}


def test_seed_001_single_inspection_framework_table(seed_records):
    assert pairs(seed_records["001"]) == {
        ("overall", "requires_improvement"),
        ("Children who need help and protection", "requires_improvement"),
        ("Children Looked After and Achieving Permanence", "requires_improvement"),
        ("Adoption performance", "good"),
        ("Experience and progress of Care Leavers", "good"),
        ("Leadership, management and governance", "requires_improvement"),
        ("LSCB", "good"),
    }
    row = next(j for j in judgements(seed_records["001"]) if j.area == "LSCB")
    assert (row.text, row.rule) == ("LSCB - Good", "table_row")


def test_seed_001_national_figures_are_not_judgements(seed_records):
    # "the only 3 Local Authorities that were Ofsted rated 'outstanding'" and the national
    # "requires improvement" category are about other authorities
    assert not [j for j in judgements(seed_records["001"]) if j.grade == "outstanding"]
    assert len([j for j in judgements(seed_records["001"]) if j.area == "overall"]) == 1


def test_seed_000_past_inadequate_judgement_and_forecast(seed_records):
    past = [j for j in judgements(seed_records["000"]) if not j.forecast]
    assert [(j.area, j.grade, j.year) for j in past] == [("overall", "inadequate", 2019)]
    assert past[0].text == "the inadequate Ofsted judgement"
    forecast = [j for j in judgements(seed_records["000"]) if j.forecast]
    assert [(j.grade, j.year) for j in forecast] == [("requires_improvement", 2022)]


def test_seed_002_fostering_agency_inadequate_and_conditional_good(seed_records):
    assert pairs(seed_records["002"]) == {("overall", "inadequate")}
    assert pairs(seed_records["002"], forecast=True) == {("overall", "good")}  # "until ... achieved a 'good' rating"


def test_seed_003_requires_improvement_to_be_good(seed_records):
    [j] = judgements(seed_records["003"])
    assert (j.area, j.grade, j.year, j.forecast) == ("overall", "requires_improvement", 2020, False)
    assert j.text == "judged us as 'Requires Improvement to be Good'"


def test_seed_004_current_rating_not_practice_grades(seed_records):
    # "20% of inadequate practice" and "all work was 'required improvement' or better" are audit grades
    assert pairs(seed_records["004"]) == {("overall", "inadequate")}


@pytest.mark.parametrize("sentence, expected", [
    ("Ofsted rated the council's children's services as Good overall.", {("overall", "good")}),
    ("Children's services in Durham require improvement to be good.", {("overall", "requires_improvement")}),
    ("The service had moved from 'Inadequate' in 2018 to 'Requires Improvement' in 2022.",
     {("overall", "inadequate"), ("overall", "requires_improvement")}),
    ("The overall effectiveness judgement was 'Good', with the experiences and progress of children in care judged "
     "'Outstanding'.", {("overall", "good"), ("in_care", "outstanding")}),
    ("The impact of leaders was judged Outstanding, and help and protection, children in care and care leavers were "
     "all judged Good.", {("leaders", "outstanding"), ("help_and_protection", "good"), ("in_care", "good"),
                          ("care_leavers", "good")}),
    ("The local authority received 'Good' in all areas, including the new judgment for care leavers.",
     {("overall", "good"), ("care_leavers", "good")}),
    ("11 of the 13 standards were rated Good, one was rated Requires Improvement and one was rated Outstanding.",
     {("standards", "good"), ("standards", "requires_improvement"), ("standards", "outstanding")}),
    ("The local authority was judged Good in all areas apart from care leavers, which was judged Requires "
     "Improvement.", {("overall", "good"), ("care_leavers", "requires_improvement")}),
    ("The City and Hackney Safeguarding Children Board had been rated 'Outstanding'.", {("lscb", "outstanding")}),
    ("The Council's Adult Social Care was rated 'Requires Improvement' by the CQC in its 2024 assessment.",
     {("overall", "requires_improvement")}),
    ("Middlesbrough was currently rated as an 'inadequate' authority.", {("overall", "inadequate")}),
    ("In 2019 the service was judged Inadequate; in 2022 it improved to Requires Improvement.",
     {("overall", "inadequate"), ("overall", "requires_improvement")}),
    ("Overall effectiveness was judged to require improvement to be good.", {("overall", "requires_improvement")}),
    ("The Local Safeguarding Children Board was judged to require improvement.", {("lscb", "requires_improvement")}),
    ("Ofsted found that the experiences and progress of care leavers required improvement to be good.",
     {("care_leavers", "requires_improvement")}),
    ("The Fostering Service had been judged Good by Ofsted in 2022.", {("fostering", "good")}),
    ("Care leavers' experiences and progress were judged to be good.", {("care_leavers", "good")}),
    ("Ofsted judged the experiences and progress of children in care to be outstanding.", {("in_care", "outstanding")}),
    ("Care leavers were awarded a grade of outstanding.", {("care_leavers", "outstanding")}),
    ("HMIP rated staff as Good and information and facilities as Requires Improvement.",
     {("hmip_staff", "good"), ("hmip_information", "requires_improvement")}),
    ("For the youth justice service, partnerships and services was rated Inadequate.",
     {("hmip_partnerships", "inadequate")}),
    ("The service was judged inadequate, with all areas except fostering judged inadequate.", {("overall", "inadequate")}),
    ("The service was judged good overall, and care leavers were judged outstanding.",
     {("overall", "good"), ("care_leavers", "outstanding")}),
    ("The Board noted the ratings:\n• Court disposals - assessment and delivery: Good", {("court_disposals", "good")}),
    ("The home was judged good in all areas:\nHow well children and young people are helped and protected: Good",
     {("sccif_protection", "good")}),
])
def test_judgements_in_a_sentence(finder, sentence, expected):
    assert {(area, grade) for area, grade, forecast in found(finder, sentence) if not forecast} == expected


@pytest.mark.parametrize("sentence", [
    "There were no areas that were judged to be inadequate.",
    "The majority of Local Authorities and LSCBs fell within the 'requires improvement' category.",
    "The Assistant Director outlined the categories, such as Outstanding, Good, Requires Improvement or Inadequate.",
    "85% of schools in the county are judged good or outstanding.",
    "The children's home was rated Good by Ofsted.",
    "There was still a stubborn 20% of inadequate practice.",
    "However, in Early Help, all work was 'required improvement' or better.",
    "The inspection found good practice in the assessment team.",
    "The Chair said the staff had shown good judgement in difficult cases.",
    "With a few areas that were judged overall as good.",
    "Estyn judged the school's provision as good.",
    "Members noted that 90% of case audits were graded Good or Outstanding.",
    "Ofsted said pathway planning for care leavers requires improvement.",
    "Neighbouring Eastshire had been judged outstanding in 2024.",
    "In 2025, 64% of local authorities were judged good or outstanding for overall effectiveness.",
])
def test_not_judgements(finder, sentence):
    assert {(a, g) for a, g, forecast in found(finder, sentence) if not forecast} == set()


def test_outstanding_features_are_not_a_graded_area(finder):
    sentence = "Children's Services had been judged as 'Good' with a number of 'Outstanding' features."
    assert found(finder, sentence) == {("overall", "good", False)}


@pytest.mark.parametrize("sentence, grade", [
    ("His view was that the county would not get beyond a 'requires improvement' rating in the 2022 inspection.",
     "requires_improvement"),
    ("The council aims to be judged Outstanding at its next inspection.", "outstanding"),
    ("The model could not be changed until services had achieved a 'good' rating from Ofsted.", "good"),
])
def test_hopes_are_forecasts(finder, sentence, grade):
    assert found(finder, sentence) == {("overall", grade, True)}


def test_flattened_ilacs_table_and_grade_on_its_own_line(finder):
    flattened = ("Judgement Grade\nThe impact of leaders on social work practice with children and families "
                 "Requires improvement to be good The experiences and progress of children in care and care leavers "
                 "Good Overall effectiveness Requires improvement to be good This is the first inspection.")
    assert found(finder, flattened) == {("leaders", "requires_improvement", False),
                                        ("in_care_and_leavers", "good", False),
                                        ("overall", "requires_improvement", False)}
    post_2026 = ("Judgement Grade\nThe experiences and progress of children in care\nGood\n"
                 "The experiences and progress of care leavers\nOutstanding")
    assert found(finder, post_2026) == {("in_care", "good", False), ("care_leavers", "outstanding", False)}


def test_without_inspection_context_a_grade_is_not_a_judgement(finder):
    assert finder.find("The scheme was rated good by everyone who used it.") == []


# -- speed-ups that must not change what is found ---------------------------------------------------
@pytest.mark.parametrize("pattern, starts", [
    (r"\b(?:judged|rated)\b", ["judg", "rate"]),
    (r"(?i)\bfocus(?:s)?ed\s+visits?", ["focu"]),
    (r"(?:re-?)?inspection", ["insp", "re-insp", "reinsp"]),
    (r"(?:CQC|Ofsted)\s*(?:and|/)", ["cqc", "ofst"]),
    (r"\w+ing", None),         # any word character: no strings to look for
    (r"x?", None),             # matches the empty string
])
def test_starting_strings(pattern, starts):
    assert starting_strings(re.compile(pattern)) == starts


@pytest.mark.parametrize("pattern, firsts", [
    (r"\b(?:good|outstanding)", "go"),
    (r"(?:,|;|\band\b)\s+", ",;a"),
    (r"[A-C]x|\d", "A-C\\d"),
    (r"\w*", None),
])
def test_first_characters(pattern, firsts):
    assert first_characters(re.compile(pattern)) == firsts


@pytest.mark.parametrize("text, same", [("Good", True), ("İnadequate", False), ("ſo", False), ("Kelvin \u212a", False)])
def test_lowered_only_when_case_insensitive_words_keep_their_place(text, same):
    assert (lowered(text) == text.lower()) if same else lowered(text) is None


@pytest.fixture(scope="module")
def seed_texts():
    return [normalise(p.read_text(encoding="utf-8")).text for p in SEEDS]


def test_started_and_guarded_patterns_find_what_a_scan_finds(finder, seed_texts):
    patterns = [cue.pattern for cue in finder.r.cues] + [finder.r.prefilter, finder.r.inspection_context]
    for text in seed_texts:
        low = lowered(text)
        for pattern in patterns:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in StartedPattern(pattern).finditer(text, low)] == expected
            assert [m.span() for m in guarded(pattern).finditer(text)] == expected
        grades = finder.r.prefilter_started.finditer(text, low)
        assert [m.span() for m in grades] == [m.span() for m in finder.r.prefilter.finditer(text)]


# -- generalisation round: area lists, predicate forms, tables written as sentences, tense ----------
@pytest.mark.parametrize("sentence, expected", [
    # several areas sharing one grade
    ("Help and protection, children in care and leadership were all 'inadequate'.",
     {("help_and_protection", "inadequate"), ("in_care", "inadequate"), ("leaders", "inadequate")}),
    ("Children needing help and protection and care leavers were both 'Good'.",
     {("help_and_protection", "good"), ("care_leavers", "good")}),
    ("Children in care were Good and care leavers were Outstanding.",
     {("in_care", "good"), ("care_leavers", "outstanding")}),
    ("Services for children who need help and protection, children who are looked after or living with "
     "relatives, adoption, and the leadership of the council's senior officers were judged to be 'Good'.",
     {("help_and_protection", "good"), ("in_care", "good"), ("adoption", "good"), ("leaders", "good")}),
    ("Good ratings were received for the impact of leaders, the experiences and progress of care leavers and "
     "overall effectiveness.", {("leaders", "good"), ("care_leavers", "good"), ("overall", "good")}),
    # predicate forms of grading
    ("The effectiveness of leaders and managers had been rated as Required Improvement.",
     {("leaders", "requires_improvement")}),
    ("In terms of children in care, it was found that improvement was required.", {("in_care", "requires_improvement")}),
    ("It was found that care leavers' experiences and progress were good.", {("care_leavers", "good")}),
    ("Inspectors found that the council's children's services are good.", {("overall", "good")}),
    ("Awarded a rating of 'Outstanding', the council's care leaver service was praised by inspectors.",
     {("care_leavers", "outstanding")}),
    ("Care leavers services were judged outstanding.", {("care_leavers", "outstanding")}),
    ("Ofsted rated our adoption agency 'Outstanding'.", {("adoption", "outstanding")}),
    ("Eastshire Youth Justice Service has been rated 'Good' by HM Inspectorate of Probation.", {("overall", "good")}),
    ("Since the inadequate rating in 2019, the service has improved.", {("overall", "inadequate")}),
    # news-page phrasing
    ("Eastshire children's services rated Outstanding by Ofsted", {("overall", "outstanding")}),
    ("Children's services in Eastshire were judged to be good overall.", {("overall", "good")}),
    ("Children's services in Eastshire have been rated Good in all areas.", {("overall", "good")}),
    ("Inspectors rated the council outstanding for the impact of leaders, and good for the experiences and progress "
     "of children in care.", {("leaders", "outstanding"), ("in_care", "good")}),
    ("The experiences and progress of children in care were judged to be good, as were the experiences and progress "
     "of care leavers.", {("in_care", "good"), ("care_leavers", "good")}),
    ("Ofsted said the experiences and progress of children who need help and protection were good.",
     {("help_and_protection", "good")}),
    ("Eastshire Council's services for children and families have been rated as Good, with the impact of leaders "
     "judged Outstanding.", {("overall", "good"), ("leaders", "outstanding")}),
    ("The report, published today, rates Eastshire's adult social care as 'Good'.", {("overall", "good")}),
    ("Council's children's services judged 'Good' with 'Outstanding' leadership",
     {("overall", "good"), ("leaders", "outstanding")}),
    ("The youth justice service was rated 'Outstanding' for its organisational delivery.",
     {("organisational_delivery", "outstanding")}),
    ("Eastshire is one of only 15 councils in England to be rated outstanding in every area.", {("overall", "outstanding")}),
    ("This makes Eastshire one of just a handful of local authorities rated 'Outstanding'.", {("overall", "outstanding")}),
    ("Judgement Grade\nThe impact of leaders on social work\npractice with children and families\nOutstanding",
     {("leaders", "outstanding")}),
    ("Care leavers were judged by Ofsted to be outstanding.", {("care_leavers", "outstanding")}),
    ("Children's services were judged by Ofsted in 2023 to be 'Good'.", {("overall", "good")}),
    ("Ofsted judged the council's services for children in care as 'Good'.", {("in_care", "good")}),
    ("The service received an overall grade of 'Good' with 'Outstanding' for leadership.",
     {("overall", "good"), ("leaders", "outstanding")}),
    ("The council was previously rated inadequate (2019) and is now rated good (2024).",
     {("overall", "inadequate"), ("overall", "good")}),
    ("Following the 2022 inspection, which rated the council 'Requires Improvement to be Good', a plan was agreed.",
     {("overall", "requires_improvement")}),
    ("Ofsted had graded the service 'Good' with the exception of care leavers, which was 'Requires Improvement'.",
     {("overall", "good"), ("care_leavers", "requires_improvement")}),
    ("Help and protection (Good), children in care (Good) and care leavers (Requires Improvement) were the areas.",
     {("help_and_protection", "good"), ("in_care", "good"), ("care_leavers", "requires_improvement")}),
    ("Judgement | Grade | Overall effectiveness | Outstanding | Impact of leaders on social work practice with "
     "children and families | Outstanding | Experiences and progress of care leavers | Good",
     {("overall", "outstanding"), ("leaders", "outstanding"), ("care_leavers", "good")}),
    ("The council was judged Good in help and protection, children in care and care leavers.",
     {("help_and_protection", "good"), ("in_care", "good"), ("care_leavers", "good")}),
    # lines of a list or table that are sentences
    ("Inspectors found that:\n• the impact of leaders on social work practice with children and families is "
     "outstanding\n"
     "• the experiences and progress of care leavers are good",
     {("leaders", "outstanding"), ("care_leavers", "good")}),
    ("Overall effectiveness: Good\nThe experiences and progress of children in care: Requires improvement to be good",
     {("overall", "good"), ("in_care", "requires_improvement")}),
])
def test_judgements_generalise(finder, sentence, expected):
    assert {(area, grade) for area, grade, forecast in found(finder, sentence) if not forecast} == expected


def test_a_standard_named_with_commas_is_one_area(finder):
    sentence = ("How well children, young people and adults are helped and protected had been rated Good, while the "
                "effectiveness of leaders and managers had been rated as Requires Improvement.")
    assert {(c.area, c.grade) for c in finder.find(CONTEXT + sentence)} == {
        ("How well children, young people and adults are helped and protected", "good"),
        ("the effectiveness of leaders and managers", "requires_improvement")}


@pytest.mark.parametrize("sentence", [
    "The Care Inspectorate graded the service as Good.",
    "The quality of case audits was rated good by Ofsted.",
    "Ofsted found that relationships with families were good.",
    "Ofsted found that improvement was required in the timeliness of assessments.",
    "In terms of adoption, timeliness was good.",
    "In terms of care leavers, the council was good at keeping in touch.",
    "Help and protection, children in care and care leavers were all discussed; the Chair said it was good.",
    "Neighbouring councils' care leavers services were all rated Outstanding.",
    "In our self-assessment we judged help and protection to be good.",
    "Our self-evaluation grades leadership as Outstanding.",
    "The Good Leadership Programme for care leavers was praised by Ofsted.",
    "Inspectors found that care leavers were good at managing their money.",
    "Care leavers were all 'Good' examples of the service's work.",
])
def test_not_judgements_generalise(finder, sentence):
    assert {(a, g) for a, g, forecast in found(finder, sentence) if not forecast} == set()


@pytest.mark.parametrize("sentence, grade", [
    ("The plan sets out the actions for achieving a Good CQC rating.", "good"),
    ("The service is on track to be rated Good at its next inspection.", "good"),
    ("Care leavers services would be judged outstanding at the next inspection.", "outstanding"),
    ("We expect to be judged outstanding.", "outstanding"),
    ("The service aims to be outstanding in every area by 2027.", "outstanding"),
    ("Leaders are determined to become 'Outstanding'.", "outstanding"),
])
def test_aspirations_are_forecasts(finder, sentence, grade):
    assert {(g, forecast) for a, g, forecast in found(finder, sentence)} == {(grade, True)}


@pytest.mark.parametrize("text, expected", [
    # issue 11.1: the tense of the judgement's own clause decides, not a neighbouring sentence
    ("Ofsted inspected children's services in December 2023.\nServices for care leavers were judged to be outstanding.",
     {("care_leavers", "outstanding", False)}),
    ("Ofsted inspected children's services in December 2023. Services for care leavers were judged to be outstanding.",
     {("care_leavers", "outstanding", False)}),
    ("We expect to be judged outstanding. Care leavers services were judged outstanding.",
     {("overall", "outstanding", True), ("care_leavers", "outstanding", False)}),
    ("Care leavers services were judged outstanding, and we aim to be outstanding in every area.",
     {("care_leavers", "outstanding", False), ("overall", "outstanding", True)}),
    ("The report will confirm that the service was judged Good.", {("overall", "good", False)}),
    ("We hope to build on the fact that care leavers services were judged outstanding.",
     {("care_leavers", "outstanding", False)}),
    ("Until 2019 the service was rated Good.", {("overall", "good", False)}),
    ("The council hopes that services will be rated Good.", {("overall", "good", True)}),
    ("If the service had been judged inadequate, intervention would have followed.", {("overall", "inadequate", True)}),
])
def test_tense_of_its_own_clause_decides_a_forecast(finder, text, expected):
    assert found(finder, text) == expected


def test_a_document_about_another_scale_has_no_judgements(finder):
    scottish = ("The Care Inspectorate and Education Scotland published their joint inspection report.\n"
                "The inspection report has graded the services in Eastshire as 'Good'.")
    assert finder.find(scottish) == []
    both = ("The Care Inspectorate graded the services in Eastshire as 'Good'.\n"
            "Ofsted rated the council's fostering service as 'Outstanding'.")
    assert {(c.area_key, c.grade) for c in finder.find(both)} == {("fostering", "outstanding")}


def test_an_overall_grade_in_a_paragraph_about_the_own_fostering_agency_is_the_agency_s(finder):
    paragraph = ("The Head of Service described the Eastshire independent fostering agency (EIFA), registered in 2020. "
                 "A full inspection took place in May 2024, and the outcome was an overall inspection judgement of "
                 "'Good'.")
    assert {(c.area, c.grade) for c in finder.find(CONTEXT + paragraph)} == {
        ("Eastshire independent fostering agency (EIFA)", "good")}
    council = paragraph.replace("the outcome was", "the council's children's services received")
    assert {(c.area, c.grade) for c in finder.find(CONTEXT + council)} == {("overall", "good")}


def test_run_on_text_and_long_area_lists_are_read(finder):
    # Behaviour only: the time these take is measured in `make bench`, never with a clock in a test.
    run_on = "Ofsted inspection " + " ".join(["the service was judged good and care leavers were outstanding"] * 1500)
    listed = "Ofsted inspection. " + ", ".join(["children in care and care leavers"] * 1500) + " were all 'Good'."
    assert len(finder.find(run_on)) >= 1500
    assert len(finder.find(listed)) <= 16  # a list this long is not one judgement's areas


def test_areas_listed_before_another_judgement_do_not_share_its_grade(finder):
    sentence = "Members discussed help and protection, children in care and care leavers, and the overall rating was good."
    assert found(finder, sentence) == {("overall", "good", False)}


@pytest.mark.parametrize("sentence, expected", [
    # a grade moved up or down from: the former grade is a past judgement
    ("The Eastshire rating is up from Inadequate in 2017.",
     {("overall", "inadequate", False)}),
    ("Eastshire was rated 'Good', a big improvement from its previous rating of 'Requires Improvement'.",
     {("overall", "good", False), ("overall", "requires_improvement", False)}),
    # areas listed between the judging verb and its grade share it
    ("Inspectors judged the impact of leaders, help and protection, and the experiences and progress of "
     "care leavers to be good.",
     {("leaders", "good", False), ("help_and_protection", "good", False), ("care_leavers", "good", False)}),
    ("The impact of leaders was judged good, while the experiences and progress of children in care and of "
     "care leavers were rated requires improvement to be good.",
     {("leaders", "good", False), ("in_care", "requires_improvement", False),
      ("care_leavers", "requires_improvement", False)}),
    # "all four judgement areas" is the whole service; an included area keeps its former grade too
    ("All four judgement areas were rated good, including the experiences and progress of care leavers, "
     "which was previously inadequate.",
     {("overall", "good", False), ("care_leavers", "good", False), ("care_leavers", "inadequate", False)}),
])
def test_transitions_verb_lists_and_whole_service_areas(finder, sentence, expected):
    assert found(finder, sentence) == expected


@pytest.mark.parametrize("sentence, area, grade", [
    ("Elm House, one of the council's own children's homes, was rated Outstanding in May.", "Elm House", "outstanding"),
    ("The council's adoption agency, Adopt Westvale, was rated Good in 2021.", "Adopt Westvale", "good"),
    ("Separately, the shared lives scheme, run by the council, was rated outstanding by the CQC.",
     "shared lives scheme", "outstanding"),
])
def test_the_authority_s_own_home_agency_or_service_named_beside_it_is_the_area(finder, sentence, area, grade):
    assert {(c.area, c.grade) for c in finder.find(CONTEXT + sentence)} == {(area, grade)}


def test_an_appositive_that_is_not_the_authority_s_own_provision_leaves_the_subject_alone(finder):
    sentence = "Councillor Grey, the cabinet member, said the council's services were rated Good."
    assert found(finder, sentence) == {("overall", "good", False)}


def test_the_article_before_an_overall_standard_is_dropped(finder):
    sentence = ("Ofsted judged the overall experiences and progress of children and young people and the effectiveness "
                "of leaders and managers to be good.")
    areas = {c.area for c in finder.canonical_areas(finder.find(CONTEXT + sentence))}
    assert "overall experiences and progress of children and young people" in areas


@pytest.mark.parametrize("sentence, area, grade", [
    # a children's home is named like a house, not a place: its grade is the home's
    ("Birch Lodge had been rated Outstanding for the first time.", "Birch Lodge", "outstanding"),
    ("Cedar House had retained its Good rating.", "Cedar House", "good"),
    ("Eastvale Youth Justice Partnership has been rated 'Outstanding' by HMI Probation.", "overall", "outstanding"),
])
def test_named_homes_and_the_inspected_body_itself(finder, sentence, area, grade):
    assert {(c.area, c.grade) for c in finder.find(CONTEXT + sentence)} == {(area, grade)}


def test_a_transition_verb_is_not_part_of_the_subject(finder):
    sentence = "Rowan Court had moved from Requires Improvement to Good."
    assert {(c.area, c.grade) for c in finder.find(CONTEXT + sentence)} == {
        ("Rowan Court", "requires_improvement"), ("Rowan Court", "good")}


def test_it_in_a_later_clause_is_the_area_just_graded(finder):
    sentence = ("The council's fostering agency, Foster Westvale, was judged 'Good', up on 2019, when it was judged "
                "'Inadequate'.")
    assert {(c.area, c.grade) for c in finder.find(CONTEXT + sentence)} == {
        ("Foster Westvale", "good"), ("Foster Westvale", "inadequate")}


def test_areas_listed_after_a_colon_share_the_whole_service_grade(finder):
    sentence = ("Inspectors rated all three areas good: the overall experiences and progress of children and young "
                "people, how well children and young people are helped and protected, and the effectiveness of "
                "leaders and managers.")
    assert found(finder, sentence) == {("overall", "good", False), ("sccif_experiences", "good", False),
                                       ("sccif_protection", "good", False), ("leaders", "good", False)}


def test_a_named_primary_school_is_not_the_authority(finder):
    assert found(finder, "Hill Street Primary was judged to require improvement.") == set()


def test_an_agency_named_in_apposition_in_its_own_sentence_takes_the_grade(finder):
    sentence = ("The Head of Service said the regional adoption agency, Adopt Westvale, had been inspected and had "
                "received an overall judgement of Good, down from Outstanding.")
    assert {(c.area, c.grade) for c in finder.find(CONTEXT + sentence)} == {
        ("Adopt Westvale", "good"), ("Adopt Westvale", "outstanding")}


@pytest.mark.parametrize("sentence, area, grade", [
    ("The council's Shared Lives scheme was rated Outstanding by the CQC.", "Shared Lives scheme", "outstanding"),
    ("The other three areas were rated good.", "other three areas", "good"),
    ("Three of the four judgement areas had been graded Good.", "Three of the four judgement areas", "good"),
    ("All four areas were judged good.", "overall", "good"),
])
def test_council_run_services_and_counted_areas(finder, sentence, area, grade):
    assert {(c.area, c.grade) for c in finder.find(CONTEXT + sentence)} == {(area, grade)}


def test_uncounted_vague_areas_are_still_not_judgements(finder):
    assert found(finder, "Some areas were rated good.") == set()


def areas_as_written(finder, sentence):
    return {(c.area, c.grade) for c in finder.find(CONTEXT + sentence) if not c.forecast}


@pytest.mark.parametrize("sentence, expected", [
    # names set beside the authority's own (or hosted) provision are the areas, each taking the grade
    ("Both of our children's homes, Birch Hollow and Tanfield, were rated good at their last inspections.",
     {("Birch Hollow", "good"), ("Tanfield", "good")}),
    ("Our three children's homes, Elm Rise, Coldharbour and Ash View, were all rated Good.",
     {("Elm Rise", "good"), ("Coldharbour", "good"), ("Ash View", "good")}),
    ("Adopt Northvale, the regional adoption agency hosted by the council, was graded Good in 2022.",
     {("Adopt Northvale", "good")}),
    ("Hillcrest Reablement Service, which the council runs, was rated outstanding by CQC in 2023.",
     {("Hillcrest Reablement Service", "outstanding")}),
    # "its rating" after a coordinated clause belongs to that clause's subject
    ("Our shared lives scheme was inspected in 2022 and its rating of Requires Improvement has since been reviewed.",
     {("shared lives scheme", "requires_improvement")}),
    # a table row whose label names no area is the overall grade; a year after the grade ends the row
    ("Outcome: Good", {("overall", "good")}),
    ("Previous inspection (2018): Inadequate", {("overall", "inadequate")}),
    ("Children's social care – Requires improvement to be good (March 2022)", {("overall", "requires_improvement")}),
    ("Our adoption service, the Family Finding Team, was rated Good.", {("Family Finding Team", "good")}),
    ("Children's services: Good (Ofsted, 2023)", {("overall", "good")}),
    ("Ofsted: Requires improvement to be good", {("overall", "requires_improvement")}),
    # previous judgements listed by year; a note in brackets after a row's area
    ("Previous judgements\n2019: Requires improvement to be good\n2016: Inadequate",
     {("overall", "requires_improvement"), ("overall", "inadequate")}),
    ("Overall effectiveness - Good\nYouth Offending Service (HMIP, 2023): Outstanding",
     {("overall", "good"), ("Youth Offending Service", "outstanding")}),
    # an object moved to a grade; an area named after a capitalised grade
    ("Ofsted upgraded our fostering service to Good in 2024.", {("fostering service", "good")}),
    ("Ofsted upgraded the council to Good in 2024.", {("overall", "good")}),
    # an elliptical former grade of the same subject
    ("Ofsted rated the council Good in 2022, having been Inadequate in 2017.", {("overall", "good"), ("overall", "inadequate")}),
    ("The service was rated Good overall, with Outstanding leadership.", {("overall", "good"), ("leadership", "outstanding")}),
    # "services for children to be Good" after a judging verb is no hope
    ("Ofsted has judged Harlow Vale Council's services for children to be Good.", {("overall", "good")}),
])
def test_own_provision_and_labels(finder, sentence, expected):
    assert areas_as_written(finder, sentence) == expected


def test_distinct_provider_services_keep_their_own_names(finder):
    text = ("The reablement service was rated Outstanding by CQC in 2023. The shared lives scheme was rated "
            "Requires Improvement by CQC in 2022.")
    assert areas_as_written(finder, text) == {("The reablement service", "outstanding"),
                                              ("The shared lives scheme", "requires_improvement")}


def test_a_paragraph_about_another_scale_keeps_it_for_the_next_sentence(finder):
    text = ("Our fostering service was inspected by the Care Inspectorate in May. Our adoption service was graded good "
            "for how well it supports wellbeing.\n\nOfsted rated our children's services Good in 2023.")
    assert areas_as_written(finder, text) == {("overall", "good")}


@pytest.mark.parametrize("sentence", [
    "Sunnybank Care Home, a private provider, was rated Good by CQC in 2023.",  # not the authority's own home
    "The internal audit of the front door gave a rating of Good.",  # an audit's grade, not an inspectorate's
    "The audit gave the service a Good rating.",
])
def test_other_providers_named_in_apposition_are_not_judgements(finder, sentence):
    assert areas_as_written(finder, sentence) == set()


def test_a_grade_whose_clause_goes_on_with_would_is_a_hope(finder):
    assert found(finder, "A Good rating from Ofsted would be a significant achievement.") == {("overall", "good", True)}


# -- inspection outcome pages (issue 10): sentence shapes of council news pages and press releases
@pytest.mark.parametrize("sentence, expected", [
    # a present-tense report verb over a list of areas sharing one grade
    ("The letter rates children in care, care leavers and the impact of leaders as 'Good'.",
     {("children in care", "good"), ("care leavers", "good"), ("impact of leaders", "good")}),
    # the graded object set beside its description as the council's own home; another provider is not the council's
    ("Ofsted has rated Larch View, one of the council's own children's homes, as 'Outstanding'.",
     {("Larch View", "outstanding")}),
    ("Ofsted rated Hilltop Fostering, an independent fostering agency, as Good.", set()),
    ("Hilltop Fostering, an independent fostering agency, was rated Good by Ofsted.", set()),
    ("Ofsted inspected Hilltop Fostering, a private fostering agency, and rated it as Good.", set()),
    # a grade for one area after a judgement of another in the same sentence
    ("The council was judged 'Inadequate' overall, with children in care also inadequate.",
     {("overall", "inadequate"), ("children in care", "inadequate")}),
    ("Work on court disposals was judged good, but out-of-court disposal work requires improvement.",
     {("court disposals", "good"), ("out-of-court disposal work", "requires_improvement")}),
    # a new grade and the former one, in that order
    ("Our services have been upgraded to 'Good' from 'Inadequate'.", {("overall", "good"), ("overall", "inadequate")}),
    # an inspectorate saying a service is graded
    ("Ofsted said the council's adoption service was outstanding.", {("council's adoption service", "outstanding")}),
    # a score before the grade is not a national figure
    ("CQC gave the council an overall score of 71%, which equates to a Good rating.", {("overall", "good")}),
    ("Nationally, 58% of councils were rated good.", set()),
    # a counted set of areas with the areas after a colon: the areas take the grade
    ("Two areas were judged inadequate: help and protection and care leavers.",
     {("help and protection", "inadequate"), ("care leavers", "inadequate")}),
    # the owner of an area before it
    ("Inspectors rated the partnership's governance and leadership as 'Outstanding'.",
     {("governance and leadership", "outstanding")}),
])
def test_outcome_page_shapes(finder, sentence, expected):
    assert areas_as_written(finder, sentence) == expected


@pytest.mark.parametrize("text, expected", [
    # "It"/"The agency" after a sentence about an inspected or graded provision is that provision
    ("Our fostering service was inspected in June. It received an overall judgement of 'Good'.",
     {("fostering service", "good")}),
    ("Rowan Lodge was inspected in May. It was judged Outstanding.", {("Rowan Lodge", "outstanding")}),
    ("Adopt Westmere, the regional adoption agency hosted by the council, was judged 'Outstanding' in 2025. "
     "The agency was previously rated 'Good'.", {("Adopt Westmere", "outstanding"), ("Adopt Westmere", "good")}),
    # ... but not after a whole-service area, nor after the council's own services
    ("Care leavers were judged Good. It was judged to require improvement overall.",
     {("Care leavers", "good"), ("overall", "requires_improvement")}),
    ("Children's services were inspected in March. It was judged Good overall.", {("overall", "good")}),
    # a headline's generic spelling of a provision takes the name the page gives it
    ("Regional adoption agency judged 'Outstanding'\n\nAdopt Westmere, the regional adoption agency hosted by the "
     "council on behalf of Ashby, Corfe and Delling, has been judged 'Outstanding' by Ofsted.",
     {("Adopt Westmere", "outstanding")}),
])
def test_a_provision_carries_to_the_next_sentence_and_to_its_headline(finder, text, expected):
    assert areas_as_written(finder, text) == expected


def test_a_judgement_that_clause_in_the_present(finder):
    assert areas_as_written(finder, "The overall judgement is that services for children are good.") == {("overall", "good")}


def test_an_excepted_area_which_requires_improvement_has_its_own_grade(finder):
    text = "Ofsted rated our services good in all areas except care leavers, which required improvement."
    assert areas_as_written(finder, text) == {("overall", "good"), ("care leavers", "requires_improvement")}
    # people who need to improve are no area's grade
    assert areas_as_written(finder, "Ofsted met care leavers, who require improvement in their housing.") == set()


def test_it_after_a_judgement_named_for_an_area_is_that_area(finder):
    text = "The graded judgement for adoption performance is that it is good"
    assert areas_as_written(finder, text) == {("adoption performance", "good")}
