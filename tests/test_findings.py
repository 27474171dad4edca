"""minutes_findings: strengths and areas for development, their units, polarity and attribution."""
import pytest

from minutes_extract.components.findings import first_letters, split_alternatives
from minutes_extract.extract import extract_text


def findings(record):
    return [f for item in record.items for f in item.findings] + record.unassigned.findings


def find(record, start):
    """The one finding whose text starts with `start`."""
    hits = [f for f in findings(record) if f.text.startswith(start)]
    assert len(hits) == 1, (start, [f.text[:60] for f in findings(record)])
    return hits[0]


def texts(record):
    return [f.text for f in findings(record)]


# -- seed 000: a monitoring visit relayed in bullets; members' questions; officers' answers ----------------
@pytest.mark.parametrize("start, polarity, attributed_to", [
    ("Ofsted had found that senior leaders", "strength", "ofsted"),
    ("Ofsted had been complimentary about the direction of travel", "strength", "ofsted"),
    ("The monitoring visit recognised that more timely decisions", "strength", "ofsted"),
    ("The monitoring visit identified that the quality of social work was improving but still varied",
     "development", "ofsted"),
    ("There were no surprises in the findings", "strength", None),  # gold: officer; we read "the monitoring visit"
    ("There was a will to address the number of young people", "development", "officer"),
    ("The relationship between local authorities and schools", "development", "officer"),
])
def test_seed_000_findings(seed_records, start, polarity, attributed_to):
    f = find(seed_records["000"], start)
    assert f.polarity == polarity
    if attributed_to:
        assert f.attributed_to == attributed_to


def test_seed_000_members_questions_and_officers_plans_are_not_findings(seed_records):
    found = " ".join(texts(seed_records["000"]))
    for not_a_finding in ("What was Overview and Scrutiny", "How was it anticipated", "how would subsequent challenges",
                          "There were some excellent people", "too many young people in the care system",
                          "Work was being done to improve the local offer", "Members generally welcomed",
                          "Achieving consistently good quality practice", "It could be productive to focus recruitment"):
        assert not_a_finding not in found
    assert len(findings(seed_records["000"])) == 7


# -- seed 001: prose; headings inside sentences ("other positives had included"), a mixed sentence ----------
def test_seed_001_prose_findings(seed_records):
    record = seed_records["001"]
    assert find(record, "Members noted that other positives had been noted included").polarity == "strength"
    assert find(record, "The electronic case management system was found to be unfit for purpose").polarity == "development"
    mixed = find(record, "The Head of Children’s Services explained that the inspection had noted")
    assert (mixed.polarity, mixed.attributed_to) == ("development", "ofsted")  # "good feedback, however ... not given enough"
    assert find(record, "The Head of Children’s Services noted that the review had 14 recommendations").cue == "areas for improvement"


def test_seed_001_judgements_questions_and_plans_are_not_findings(seed_records):
    found = " ".join(texts(seed_records["001"]))
    for not_a_finding in ("overall Ofsted judgement", "Adoption performance - Good", "Councillor H Smith",
                          "Improvement Plan had been developed", "majority of Local Authorities"):
        assert not_a_finding not in found


# -- seed 002: a bullet whose sentences differ in polarity is split; members' points are not findings --------
def test_seed_002_bullet_split_by_polarity(seed_records):
    record = seed_records["002"]
    strength = find(record, "Ofsted had identified some areas of strength")
    assert strength.text.endswith("virtual reality training.")
    assert (strength.polarity, strength.rule) == ("strength", "split_sentences")
    assert find(record, "However, there were issues with variability").polarity == "development"
    assert find(record, "A key area for development identified by Ofsted").text.endswith("This was now being addressed.")


def test_seed_002_members_points_and_plans_are_not_findings(seed_records):
    found = " ".join(texts(seed_records["002"]))
    for not_a_finding in ("Two improvement plans had been developed", "The size of caseloads was a key issue",
                          "It was very concerning that some looked after children", "The presentation showed a good"):
        assert not_a_finding not in found


# -- seed 003: lists introduced as areas to improve, "Inspectors identified:", a mixed "Key messages" list ----
@pytest.mark.parametrize("start, polarity, rule", [
    ("The analysis and management of risk to children.", "development", "list_heading"),
    ("The understanding of, and response to, children at risk", "development", "identified_list"),
    ("Our Early Help Assessments are thorough", "strength", "bullet_cue"),
    ("They didn't see any areas of concern", "strength", "bullet_cue"),
    ("Our work on the Front Door has taken too long", "development", "bullet_cue"),
    ("There are early signs of our Quality Assurance work becoming embedded", "development", "bullet_cue"),
    ("Ofsted identified the the lack of a specialist resource", "development", "sentence_cue"),
])
def test_seed_003_findings(seed_records, start, polarity, rule):
    f = find(seed_records["003"], start)
    assert (f.polarity, f.rule) == (polarity, rule)


def test_seed_003_report_boilerplate_is_not_a_finding(seed_records):
    found = " ".join(texts(seed_records["003"]))
    assert "Local authorities are required to ensure" not in found
    assert "That Members note the progress" not in found
    assert "They identified four areas" not in found  # an introduction, not a finding


# -- seed 004: "A summary of strengths" / "In terms of areas for development" lists -----------------------
def test_seed_004_strengths_list(seed_records):
    record = seed_records["004"]
    auditing = find(record, "Auditing was a particular strength")
    assert (auditing.polarity, auditing.rule, auditing.cue) == ("strength", "list_heading", "strengths")
    assert auditing.attributed_to == "ofsted"
    assert find(record, "No child was found to be at risk").polarity == "strength"
    assert find(record, "Felt supported during lockdowns.").polarity == "strength"  # under "Social Workers:-"


def test_seed_004_bullet_with_officer_asides_is_split(seed_records):
    record = seed_records["004"]
    assert find(record, "There had been successful focus on improving the capacity of staff").polarity == "strength"
    for aside in ("Recruitment and retention of staff", "There was currently a £5,000", "Despite being valued"):
        assert find(record, aside).polarity == "development"


def test_seed_004_development_list(seed_records):
    record = seed_records["004"]
    for start in ("Plans and planning were not focused", "Insufficient focus on the lived experience",
                  "Evidence of a risk averse culture.", "Positive steps had been taken"):
        assert find(record, start).polarity == "development"
    assert find(record, "However, in Early Help, all work").polarity == "strength"
    assert not any(t.startswith("Reference was made") for t in texts(record))  # a member's question


# -- ConText on single sentences --------------------------------------------------------------------------
ITEM = "Ofsted inspection of children's services\n\nThe Director of Children's Services presented the report.\n\n"


@pytest.mark.parametrize("sentence, polarity", [
    ("Inspectors found that the early help offer was not yet fully developed.", "development"),
    ("The Director said that no child was found to be at risk of immediate harm.", "strength"),
    ("Inspectors found that caseloads were too high.", "development"),
    ("Inspectors found that plans lacked timescales.", "development"),
    ("The inspection found that management oversight was inconsistent.", "development"),
    ("Ofsted noted that the quality of practice was improving but still variable.", "development"),
    ("Ofsted were complimentary about leadership, although further progress was needed.", "strength"),
    ("Inspectors did not identify any areas of concern.", "strength"),
    ("The Director said that the timeliness of assessments had improved significantly.", "strength"),
    ("The Director said that supervision was not sufficiently regular.", "development"),
    ("A Member asked how the service would improve the timeliness of assessments?", None),
    ("Councillor Smith said that the service was doing a fantastic job.", None),
    ("Work was being done to improve the quality of plans.", None),
    ("An improvement plan had been developed and would be monitored by the Improvement Board.", None),
    ("The overall judgement was 'Good'.", None),
    ("Nationally, caseloads were too high in most local authorities.", None),
    ("The Chair thanked officers for an excellent report.", None),
    ("The inspection took place over two days.", None),
])
def test_sentence_polarity(nlp, sentence, polarity):
    found = findings(extract_text(ITEM + sentence + "\n", nlp=nlp))
    assert [f.polarity for f in found] == ([polarity] if polarity else [])


def test_members_list_is_not_findings_but_a_relayed_inspection_finding_is(nlp):
    text = ITEM + ("Members raised the following points:\n\n"
                   "• Staffing levels were too low in the assessment teams.\n"
                   "• A Member noted that the inspection report had praised the quality of direct work.\n")
    found = findings(extract_text(text, nlp=nlp))
    assert [(f.polarity, f.rule) for f in found] == [("strength", "member_relay")]


def test_paragraph_list_without_bullets_takes_its_heading(nlp):
    text = ITEM + ("Inspectors identified the following areas for improvement:\n\n"
                   "The quality of written plans.\n\nManagement oversight of assessments.\n\n"
                   "The Chair thanked the Director for the report.\n")
    found = findings(extract_text(text, nlp=nlp))
    assert [(f.text, f.polarity) for f in found] == [("The quality of written plans.", "development"),
                                                      ("Management oversight of assessments.", "development")]


def test_outside_a_service_item_only_headed_lists_count(nlp):
    text = "Budget 2025-26\n\nThe Leader said the settlement was better than expected and the savings were robust.\n"
    assert findings(extract_text(text, nlp=nlp)) == []


# -- the lexicon index -------------------------------------------------------------------------------------
@pytest.mark.parametrize("pattern, expected", [
    ("a|b(c|d)", ["a", "b(c|d)"]),
    ("(x|y) z|[|]w", ["(x|y) z", "[|]w"]),
    (r"\(better\)|worse", [r"\(better\)", "worse"]),
])
def test_split_alternatives(pattern, expected):
    assert split_alternatives(pattern) == expected


@pytest.mark.parametrize("pattern, expected", [
    ("good", {"goo"}),
    ("no", {"no "}),
    ("(very |really )?good", {"ver", "rea", "goo"}),
    ("re-?offend", {"re ", "reo"}),
    ("a (particular )?concern", {"a "}),
    (r"\(better\)", None),
    (r"\w+n't", None),
])
def test_first_letters(pattern, expected):
    assert first_letters(pattern, 3) == expected
