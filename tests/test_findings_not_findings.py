"""minutes_findings on what is not a finding and who is speaking (issue 10): plans with evaluative words, forecasts
and hopes, explanations of a dip, members' conclusions and questions, verbless goals; and praise said without a
classic evaluative word. Every sentence here was written for these tests."""
import pytest

from written_sentences import findings_under

HEAD = "Minutes of the Scrutiny Committee held on 3 March 2025\n\n5. Children's Services Improvement Update\n\n"


def findings_of(text: str) -> list[tuple[str, str]]:
    return findings_under(HEAD, text)


@pytest.mark.parametrize("sentence", [
    # a plan whose subject carries an evaluative word is still a plan (the modal comes after the cue)
    "A robust recruitment strategy will be developed with partners by the spring.",
    "Officers explained that a new, more effective front door model would be introduced in April.",
    "An improved quality assurance framework is being developed and will be in place by the summer.",
    # provision and aims
    "The service offers high quality training to all foster carers.",
    "Personal advisers work with housing partners to meet their needs as young people leave care.",
    "The ambition is for all children in care to live in good, stable homes close to their communities.",
    "The nine priorities drive forward a shared vision for a more responsive and effective service.",
    "The new forum was a starting point for improved dialogue with young people.",
    # forecasts and hopes
    "It is expected that caseloads will reduce once the new recruits are in post.",
    "Officers were hopeful that the next inspection would recognise the progress made.",
    "If recruitment continues at this rate, caseloads could be manageable by the summer.",
    "The Director was confident that the service would be judged good at its next inspection.",
    # an officer explaining a dip names its cause; it is not a verdict
    "The Head of Service explained that the fall in visits completed on time was due to sickness in one team.",
    "Officers explained that the reason for the dip in performance was a rise in referrals over the summer.",
    # members speaking: their conclusions, and the topic of their questions
    "The Committee recognised the improvements taking place but concluded that the limited assurance opinion was right.",
    "The Committee concluded that the service was making good progress.",
    "In response to a query about how absences could be reduced, officers said they met schools every term.",
])
def test_not_findings(sentence):
    assert findings_of(sentence) == []


@pytest.mark.parametrize("polarity, sentence", [
    ("strength", "Inspectors saw children who are listened to and whose views shape their plans."),
    ("strength", "Young people told inspectors that they feel safe and that their workers listen to them."),
    ("strength", "Care leavers told the inspectors that they get the help they need from their personal advisers."),
    ("strength", "Foster carers told inspectors that they receive the training and support they need."),
    ("strength", "Officers reported that the new approach was working and fewer children had entered care."),
    ("strength", "Inspectors found that children are settled in their homes."),
    ("strength", "The Director said that caseloads had come down and were now manageable."),
    ("strength", "Audits showed that plans were now more specific and better recorded."),
    # "could not" is a past inability, not a hypothesis
    ("development", "Parents told inspectors that they could not always reach their social worker."),
    ("development", "The audit found that plans were still not reviewed within timescales."),
    ("development", "Inspectors found that supervision did not show clear evidence of reflection."),
])
def test_findings_without_a_classic_word(polarity, sentence):
    assert findings_of(sentence) == [(polarity, sentence)]


def test_bullet_opening_with_a_plan_keeps_what_was_found():
    text = ("The Assistant Director highlighted the following points:\n\n"
            "• An improvement plan had been developed in the summer. Since then, audits have shown that plans are more "
            "specific.\n"
            "• Work is continuing with the police on the missing protocol. The last audit found that return home "
            "interviews were still not offered to every child.\n")
    assert findings_of(text) == [  # the bullet is the unit, found by its second sentence
        ("strength", "An improvement plan had been developed in the summer. Since then, audits have shown that plans "
                     "are more specific."),
        ("development", "Work is continuing with the police on the missing protocol. The last audit found that return "
                        "home interviews were still not offered to every child."),
    ]


def test_bullet_opening_with_a_suggestion_is_a_members_point():
    text = ("In the discussion the following points were made:\n\n"
            "• It would be helpful to see a breakdown of referrals. Where no action was taken it was not clear why.\n")
    assert findings_of(text) == []


def test_answer_in_a_question_list_is_read():
    text = ("The following questions were asked:\n\n"
            "• Why had timeliness fallen? Officers said the fall was due to staff sickness.\n"
            "• Were caseloads manageable? The Director said caseloads were now manageable in all teams.\n")
    assert findings_of(text) == [("strength", "The Director said caseloads were now manageable in all teams.")]


def test_verbless_goal_is_a_topic_unless_its_list_is_headed():
    goals = ("The service has three workstreams:\n\n"
             "• Improved communication with families\n"
             "• Better use of data across teams\n")
    assert findings_of(goals) == []
    strengths = ("Inspectors identified the following strengths:\n\n"
                 "• Improved timeliness of assessments for children in need.\n")
    assert findings_of(strengths) == [("strength", "Improved timeliness of assessments for children in need.")]


@pytest.mark.parametrize("polarity, sentence", [
    ("strength", "The report found that reviewing officers challenge drift when plans stall."),
    ("development", "Inspectors found that information about support was hard to find."),
    ("development", "The assessors found that some people waited several months for an assessment."),
    ("development", "The Head of Service reported that this was the service's most significant recruitment challenge."),
    # the but-clause decides a mixed sentence, even against a verdict on a measure
    ("development", "The Director said that waits had reduced but that they were still longer than the council would want."),
    ("strength", "Inspectors acknowledged the improvements made in the front door since the last visit."),
    ("development", "The Director said that the quality of plans was not there yet for all children."),
    ("development", "Officers said that there remained a lot of work to do on the quality of supervision."),
])
def test_more_findings_without_a_classic_word(polarity, sentence):
    assert findings_of(sentence) == [(polarity, sentence)]


def test_areas_for_improvement_already_in_a_plan_is_no_finding():
    sentence = ("The Director said that the council had been rated good, and that the areas for improvement were "
                "already included in the improvement plan.")
    assert findings_of(sentence) == []


def test_list_of_areas_judged_to_need_improvement():
    text = ("There were two areas where the service was judged to need to improve, as follows:\n\n"
            "• Management oversight of plans.\n"
            "• The quality of chronologies.\n")
    assert findings_of(text) == [("development", "Management oversight of plans."),
                                 ("development", "The quality of chronologies.")]


def test_an_opportunity_is_not_a_verdict():
    assert findings_of("The new partnership would offer a unique opportunity to create a more responsive service.") == []
