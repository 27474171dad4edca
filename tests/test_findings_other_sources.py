"""minutes_findings on other inspectorates and reviews: CQC, HMI Probation's older scale, the Care Inspectorate's
six-point scale, DfE commissioners, LGA peer challenges, and the recommendation lists of a review as against a
service's own plan (sentences written for these tests)."""
import pytest

from minutes_extract.extract import extract_text
from written_sentences import all_findings

HEAD = "Minutes of the Health and Wellbeing Scrutiny Panel held on 9 June 2025\n\n7. {title}\n\n"


def findings_of(text: str, title: str = "Inspection and Review Outcomes") -> list[tuple[str, str, str]]:
    record = extract_text(HEAD.format(title=title) + text + "\n")
    return [(f.polarity, f.text, f.attributed_to) for f in all_findings(record)]


@pytest.mark.parametrize("polarity, sentence", [
    # scales other than the four-point one: evaluative, so findings (EXTRACTION.md §8)
    ("development", "Managing risk to the public was assessed as needing substantial improvement by HMI Probation."),
    ("development", "The inspectors judged that reducing reoffending required moderate improvement."),
    ("development", "The Care Inspectorate graded the day service as adequate for its staffing."),
    ("development", "The Care Inspectorate graded the respite unit 2 (weak) for leadership."),
    ("strength", "The Care Commission found that the home care service was performing excellently."),
    # reviews other than inspections
    ("strength", "The peer team found that the council's partnership work with the voluntary sector was strong."),
    ("strength", "The DfE Commissioner concluded that the council had the capacity to improve without further intervention."),
    ("development", "The review team observed that the council's approach to co-production was still at an early stage."),
    ("development", "CQC found that supervision of reablement staff was irregular in the east locality."),
    ("strength", "Inspectors saw supportive and respectful relationships between carers and the people they cared for."),
    ("strength", "CIW found that children's wishes and feelings were clearly recorded in their plans."),
    ("strength", "Ofsted acknowledged significant improvements in the timeliness of child protection conferences."),
    ("development", "Inspectors noted that the quality of pathway plans wasn't there yet for every care leaver."),
])
def test_verdicts_of_other_inspectorates_and_reviews(polarity, sentence):
    assert [(p, t) for p, t, _ in findings_of(sentence)] == [(polarity, sentence)]


@pytest.mark.parametrize("sentence", [
    "The Leader introduced the feedback report of the LGA Corporate Peer Challenge held in the spring.",  # a name
    "Two new central assessment teams would be in place until March to relieve the pressure on districts.",
    "Overall performance was higher than that of our statistical peers and the Police and Crime Commissioner was thanked.",
    "The project to build a new respite unit was at an early stage of design.",  # a plan, no review speaking
])
def test_not_findings(sentence):
    assert [t for _, t, _ in findings_of(sentence, title="Any Other Business")] == []


def test_a_reviews_recommendations_are_areas_for_development_and_the_services_plan_is_not():
    text = ("The Head of Service presented the letter from HMI Probation. The letter made the following recommendations:\n\n"
            "- ensure that risk assessments are reviewed whenever circumstances change;\n"
            "- the Board should ensure that education partners attend its meetings.\n\n"
            "The Head of Service said that the service will:\n\n"
            "- ensure that all staff attend refresher training on risk by the autumn;\n"
            "- introduce a monthly audit of high risk cases.")
    found = findings_of(text, title="HMI Probation Inspection of the Youth Justice Service")
    assert [(p, t) for p, t, _ in found] == [
        ("development", "ensure that risk assessments are reviewed whenever circumstances change;"),
        ("development", "the Board should ensure that education partners attend its meetings."),
    ]


def test_a_report_sets_out_the_recommendations_of_a_peer_challenge():
    text = ("The Chief Executive introduced the feedback from the Corporate Peer Challenge held in April.\n\n"
            "The report set out five recommendations, including:\n\n"
            "1. Develop a workforce strategy that addresses recruitment to hard-to-fill posts.\n\n"
            "2. Strengthen the scrutiny of performance by members.")
    assert [p for p, _, _ in findings_of(text, title="Corporate Peer Challenge Feedback")] == ["development", "development"]


def test_a_reports_recommendations_without_a_review_are_not_findings():
    text = ("The Director introduced the annual report of the fostering service.\n\n"
            "The report set out four recommendations, including:\n\n"
            "1. Note the performance of the fostering service in the year.\n\n"
            "2. Approve the revised statement of purpose.")
    assert findings_of(text, title="Fostering Service Annual Report") == []


def test_sentences_after_an_inspectorate_speaks_go_on_reporting_it():
    text = ("The letter identified several areas for improvement. Care plans were not always reviewed on time. "
            "The local authority must ensure that advocacy is actively offered to every child in care.")
    assert [p for p, _, _ in findings_of(text, title="Care Inspectorate Wales Inspection")] == ["development", "development"]


@pytest.mark.parametrize("sentence", [
    "The peer team found that the council's housing delivery had exceeded its targets.",
    "The Head of Service presented the letter from HMI Probation, which found that victims' views were not consistently sought.",
])
def test_reviews_and_other_inspectorates_are_attributed_to_inspectors(sentence):
    assert [a for _, _, a in findings_of(sentence)] == ["inspectors"]


def test_findings_an_item_reports_of_another_inspectorate_are_not_ofsteds():
    text = ("The Director presented the outcome of the Care Quality Commission's assessment of adult social care.\n\n"
            "The assessment found that reablement was effective in helping people to stay at home. "
            "They also found that carers' assessments were too slow.")
    found = findings_of(text, title="CQC Assessment of Adult Social Care")
    assert [(p, a) for p, _, a in found] == [("strength", "inspectors"), ("development", "inspectors")]


def test_findings_listed_from_an_ofsted_visit_stay_ofsteds():
    text = ("In May Ofsted carried out a focused visit, in which inspectors looked at the front door.\n\n"
            "Key messages from the inspectors:\n\n"
            "- Decisions at the front door were timely and proportionate.\n"
            "- The quality of strategy discussions was variable.")
    found = findings_of(text, title="Ofsted Focused Visit")
    assert [(p, a) for p, _, a in found] == [("strength", "ofsted"), ("development", "ofsted")]


@pytest.mark.parametrize("title, intro", [
    ("Ofsted Inspection of Children's Services", "Ofsted recommended that the council:"),
    ("HMI Probation Inspection", "The inspectorate's recommendations were:"),
    ("Adult Social Care Peer Review", "The peer review made the following recommendations:"),
])
def test_introductions_of_a_reviews_recommendations(title, intro):
    text = (intro + "\n\n- improve the timeliness of initial health assessments;\n"
            "- strengthen management oversight of private fostering arrangements.\n\nThe Panel noted the report.")
    assert [p for p, _, _ in findings_of(text, title=title)] == ["development", "development"]


def test_a_services_own_list_of_intentions_is_not_a_review():
    text = ("The Head of Service said that the service will:\n\n- ensure that all staff are trained in trauma-informed "
            "practice;\n- improve the use of performance data.\n\nThe Panel noted the report.")
    assert findings_of(text, title="Youth Justice Plan") == []


@pytest.mark.parametrize("sentence", [
    "The Commissioner concluded that the council lacked the capacity to improve without external support.",
    "The peer team suggested that the council considers a single front door for residents.",
])
def test_a_reviews_doubts_and_suggestions_are_areas_for_development(sentence):
    assert [(p, t) for p, t, _ in findings_of(sentence, title="Corporate Peer Challenge")] == [("development", sentence)]


def test_a_members_suggestion_is_not_a_finding():
    assert findings_of("Members suggested that the council consider a single front door for residents.",
                       title="Corporate Peer Challenge") == []


def test_a_regulators_verdict_counts_whatever_the_items_title():
    sentence = "The Ombudsman found fault in the way the council handled the complaint and recommended an apology."
    assert [(p, t) for p, t, _ in findings_of(sentence, title="Chief Executive's Report")] == [("development", sentence)]
