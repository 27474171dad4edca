"""minutes_findings: reported speech that carries an inspectorate's or an officer's finding, challenge and pressure
nouns, and celebration or members' praise that is not a finding (sentences written for these tests)."""
import pytest

from minutes_extract.extract import extract_text
from written_sentences import findings_under

HEAD = "Item 4 Children's services update\n\n"


def findings_of(text: str) -> list[tuple[str, str]]:
    return findings_under(HEAD, text)


def polarities(text: str) -> list[str]:
    return [p for p, _ in findings_of(text)]


@pytest.mark.parametrize("polarity, sentence", [
    # challenge, concern and pressure nouns
    ("development", "It was noted that retention of residential staff remained a challenge, in line with the national picture."),
    ("development", "The Service Manager said that the waiting list for minor adaptations was a concern."),
    ("development", "The Head of Service reported that the reablement team was under considerable pressure."),
    ("development", "The officer explained that there were significant pressures on the home care market in the north of the county."),
    ("development", "The Head of Service said that caseloads in the duty team remained high."),
    # evaluative predicates with a general vocabulary
    ("development", "The Director said that some pathway plans were too generic to guide the work with young people."),
    ("strength", "The Director said that staff in the youth service were highly motivated."),
    ("development", "The Head of Service reported that the proportion of reviews held on time was 81%, still below the target."),
    ("strength", "The Head of Customer Services advised that the number of complaints responded to within 20 working days had improved."),
])
def test_officer_reported_verdicts(polarity, sentence):
    assert findings_of(sentence) == [(polarity, sentence)]


def test_pronoun_after_an_inspectorate_carries_its_finding():
    text = ("Ofsted carried out a focused visit in May.\n\n"
            "Inspectors said that children are seen promptly by their social workers.\n\n"
            "They recommended that the service should strengthen management oversight of plans.")
    assert polarities(text) == ["strength", "development"]


def test_pronoun_without_an_inspectorate_is_nobody_in_particular():
    text = "They recommended that the service should strengthen management oversight of plans."
    assert findings_of(text) == []


def test_a_quoted_inspectors_finding_is_a_finding_and_thanks_is_not():
    text = ('Ofsted has published its report.\n\n'
            'Councillor Ann Lee, Cabinet Member for Children, said: "I am delighted that inspectors recognised the '
            'commitment of our foster carers. I want to thank all our staff for their hard work."')
    found = findings_of(text)
    assert [p for p, _ in found] == ["strength"]
    assert "recognised the commitment" in found[0][1] and "thank" not in found[0][1]


def test_plain_celebration_is_not_a_finding():
    text = ('Ofsted has published its report.\n\n'
            'The Leader said: "I am delighted with this result and I want to thank everyone involved."')
    assert findings_of(text) == []


def test_members_commending_a_service_is_not_a_finding():
    text = "The Committee commended the service for the progress made over the year."
    assert findings_of(text) == []


def test_a_list_of_areas_that_need_attention_is_development():
    text = ("The letter from Ofsted also highlights some areas that still need attention:\n\n"
            "- Supervision records are not always up to date.\n\n"
            "- Some children have too many changes of social worker.\n\nRESOLVED: That the report be noted.")
    assert polarities(text) == ["development", "development"]


def test_knowing_what_needs_to_improve_is_not_a_shortfall():
    text = "Inspectors found that leaders know what needs to be improved."
    assert "development" not in polarities(text)


def test_a_national_picture_is_not_a_benchmark_verdict():
    text = "The number of children electively home educated was about 120, in line with the national picture."
    assert findings_of(text) == []


def test_the_sentence_after_the_inspector_speaks_goes_on_reporting():
    text = ("The adoption service was inspected by Ofsted in June.\n\n"
            "The inspector made three recommendations. The service should ensure that matching records are "
            "signed off by a manager.")
    assert polarities(text) == ["development"]


def test_a_topic_sentence_about_an_inspectorate_does_not_lend_context():
    text = ("The report stated that the CQC framework was a structured approach to assessing councils. "
            "It reflects the aims of the Act, which sought sustainable care for residents.")
    assert findings_of(text) == []


@pytest.mark.parametrize("polarity, sentence", [
    ("development", "The Head of Service reported that the number of children on a plan for a second time was higher "
                    "than the national average."),
    ("development", "The Head of Service reported that the number of reviews held within timescale had dropped."),
    ("strength", "The Director said that the service was on the right track."),
])
def test_measures_and_direction(polarity, sentence):
    assert findings_of(sentence) == [(polarity, sentence)]


@pytest.mark.parametrize("polarity, sentence", [
    ("strength", "Inspectors found that youth workers go the extra mile for the young people they support."),
    ("development", "Inspectors found that some young people were living in unsuitable accommodation."),
])
def test_round_four_vocabulary(polarity, sentence):
    assert findings_of(sentence) == [(polarity, sentence)]


def test_a_grade_assessed_is_a_judgement_not_a_finding():
    assert findings_of("The CQC assessed the council's adult social care as Good.") == []


def test_a_verb_detailed_is_not_praise():
    text = "Inspectors visited in March. The Assistant Director detailed how inspectors had sampled case files."
    assert findings_of(text) == []


def test_pressure_on_something_outside_the_service_is_context_not_a_finding():
    text = ("The Head of Youth Justice said that there were significant pressures on the secure estate nationally "
            "owing to the closure of two units.")
    assert findings_of(text) == []


def test_a_list_the_inspectorate_highlighted_is_strengths():
    text = ("HMI Probation published its report in May.\n\nInspectors highlighted:\n\n"
            "- The quality of work to keep victims safe\n\n- Joint working with the local college\n\n"
            "RESOLVED: That the report be noted.")
    assert polarities(text) == ["strength", "strength"]


@pytest.mark.parametrize("polarity, sentence", [
    ("strength", "Inspectors found that joint commissioning arrangements are now effective."),
    ("development", "The report makes one recommendation: that the service should review its approach to audits."),
    ("strength", "The Head of Service reported that fly-tipping incidents had fallen by a fifth."),
])
def test_round_five_verdicts(polarity, sentence):
    assert findings_of(sentence) == [(polarity, sentence)]


def test_it_in_the_present_tense_reports_the_inspectorate():
    text = ("The CQC published its assessment in March.\n\n"
            "It also notes that some people experienced delays in receiving equipment.")
    assert polarities(text) == ["development"]


@pytest.mark.parametrize("polarity, sentence", [
    # an officer's evaluative predicate about the service, in a general vocabulary
    ("strength", "The Head of Service said that the complaint had been handled sensitively and promptly by the team."),
    ("strength", "The Director explained that the new case recording system had helped progress in the duty team."),
    ("strength", "The officer reported that a high proportion of childminders were judged good or outstanding."),
    ("strength", "The Director said that the service had started its improvement journey from a low base."),
    ("strength", "The Service Manager reported that the backlog of assessments had now been cleared."),
    ("strength", "The Director said that senior managers were fully aware of the issues in the duty team."),
    ("development", "The Director told the Committee that it was necessary to improve the quality of supervision."),
    ("development", "The Head of Service said that there was still more to do to embed the new practice model."),
    ("development", "Officers explained that the timeliness of reviews had slipped over the summer."),
    ("development", "The Head of Service said that the change of system had led to a backlog of referrals."),
    ("development", "The Director said that neglect was not always properly recognised by practitioners."),
    ("strength", "The Service Manager said that attendance at the youth clubs was on an upward trajectory."),
    ("strength", "The Head of Service said that staff morale in the fostering team was high."),
    ("strength", "The officer reported that the team had cleared almost all of the overdue reviews."),
    ("strength", "The Director said that the service had a sound understanding of its families."),
    ("development", "The Head of Service said that the fostering team was stretched."),
    ("development", "The officer said that waiting times for assessments had lengthened."),
    ("development", "The Director said that timeliness was not where the council wanted it to be."),
    ("strength", "The Virtual Head said that no care leavers in the cohort were currently NEET."),
])
def test_officer_evaluative_predicates(polarity, sentence):
    assert findings_of(sentence) == [(polarity, sentence)]


def test_officer_finding_in_an_item_whose_title_names_no_service():
    record = extract_text("Item 7 Matters arising\n\n"
                          "The Head of Service reported that the duty team had slipped behind on visits.\n")
    found = [f for item in record.items for f in item.findings] + record.unassigned.findings
    assert [f.polarity for f in found] == ["development"]


def test_a_long_sentence_under_a_list_of_witnesses_is_read():
    text = ("Witnesses:\nJane Doe, Head of Early Help\n\nKey points of discussion:\n\n"
            "1. It was noted that the launch of the new hub had been positive and had improved the response to families.\n")
    assert polarities(text) == ["strength"]


@pytest.mark.parametrize("sentence", [
    "The Director said that an improvement plan had been developed.",
    "Members asked whether the improvement in attendance would be sustained.",
    "Councillor Smith said that the team had done an excellent job.",
    "The officer explained that it was essential to submit the bid by Friday.",
])
def test_plans_questions_and_members_praise_stay_out(sentence):
    assert findings_of(sentence) == []
