"""minutes_findings on the phenomena of the s10f probe batch (issue 10, findings on councils never seen): Care
Inspectorate grade rows whose grade follows the key question's "?", a five-point inspectorate's grade of an activity,
a duty to improve said without its inspectorate, an officer stressing improvements, practice records that do not
reflect good work, a process that monitors but does not evaluate, rating tallies (sentences written for these tests)."""
import pytest

from written_sentences import extracted_pairs, findings_under, polarities_under

CARE = ("Minute of the Communities Committee held on 3 March 2025\n\n4. CARE INSPECTORATE INSPECTIONS OF COUNCIL SERVICES\n\n"
        "The Chief Social Work Officer advised that four services had been inspected and that the grades were:\n\n")
CARE_END = "\nThe Convener thanked the Chief Social Work Officer for the report.\n"
SEND = "Minutes of the Children's Scrutiny Committee held on 3 March 2025\n\n5. Area SEND Inspection Outcome\n\n"
ASC = "Minutes of the Adult Social Care Scrutiny Committee held on 3 March 2025\n\n5. Adult Social Care Performance Update\n\n"
CHILDREN = ("Minutes of the Children's Scrutiny Committee held on 3 March 2025\n\n"
            "5. Children's Social Care Quality Assurance Report\n\n")
FIRE = "Minutes of the Fire Authority held on 3 March 2025\n\n5. HMICFRS Inspection Report\n\n"
PERFORMANCE = "Minutes of the Overview and Scrutiny Committee held on 3 March 2025\n\n5. Corporate Performance Report\n\n"
AUDIT = "Minutes of the Audit Committee held on 3 March 2025\n\n5. Internal Audit Progress Report\n\n"


def test_grade_rows_are_one_finding_each():
    rows = ("Glenview House: How well do we support people's wellbeing? 5 - Very Good\n"
            "Glenview House: How good is our leadership? 4 - Good\n"
            "Riverside Care at Home: How good is our staff team? 2 - Weak\n"
            "Riverside Care at Home: How well is our care planned? 3 - Adequate\n")
    found = findings_under(CARE, rows + CARE_END)
    assert found == [
        ("strength", "Glenview House: How well do we support people's wellbeing? 5 - Very Good"),
        ("strength", "Glenview House: How good is our leadership? 4 - Good"),
        ("development", "Riverside Care at Home: How good is our staff team? 2 - Weak"),
        ("development", "Riverside Care at Home: How well is our care planned? 3 - Adequate"),
    ]


def test_grade_after_question_is_no_finding_of_its_own():
    found = findings_under(CARE, "Glenview House: How well do we support people's wellbeing? 6 - Excellent\n" + CARE_END)
    assert [text for _, text in found] == ["Glenview House: How well do we support people's wellbeing? 6 - Excellent"]


@pytest.mark.parametrize("head, polarity, sentence", [
    # a duty to improve, said in the words of an outcome letter without naming the inspectorate in its sentence
    (SEND, "development", "The letter was published in January. Health and education leaders must work together to make "
                          "improvements to the timeliness of plans."),
    # an officer who stresses or emphasises the improvements reports a strength
    (ASC, "strength", "The Director stressed the improvements in the timeliness of reviews since the spring."),
    (ASC, "strength", "The Assistant Director emphasised the improvement in hospital discharge performance over the year."),
    # a practice record that does not reflect good work: the praise is negated
    (CHILDREN, "development", "The Head of Service reported that plans did not reflect the good work being done with children."),
    (CHILDREN, "development", "Child protection plans do not reflect the good-quality direct work that social workers complete "
                              "with families."),
    # a process that does one thing but not what matters
    (CHILDREN, "development", "The quality assurance team monitors case file audits, but does not identify recurring "
                              "concerns about practice."),
    # a five-point inspectorate's grade of an activity is a finding, its grade word no Ofsted judgement to mask
    (FIRE, "strength", "The inspectorate graded the Service good at understanding the risk of fire."),
    (FIRE, "development", "HMICFRS had graded the Service requires improvement at promoting the right values and culture."),
    # a strength less evident elsewhere; a level higher than wanted
    (CHILDREN, "development", "Inspectors considered that partnership working was strong at a strategic level, but that "
                              "this was less evident in day-to-day practice."),
    (PERFORMANCE, "development", "While the service had performed well, the contamination of recycling remained higher than "
                                 "the Council wanted."),
    # inspectors struck by how well; a quality judged mixed; a measure against neighbouring authorities
    (CHILDREN, "strength", "The Director relayed that inspectors had been struck by how well social workers knew their "
                           "children."),
    (CHILDREN, "development", "It was reported that the quality of supervision was mixed, with some teams receiving little "
                              "reflective supervision."),
    (CHILDREN, "development", "The Head of Service said that attendance of children in care was lower than in "
                              "neighbouring authorities."),
    # inspectors less positive about something: a shortfall, not praise
    (CHILDREN, "development", "Inspectors were less positive about the quality of plans for children in need."),
    # a record found well evidenced
    (CHILDREN, "strength", "The Independent Reviewing Officer service reported that the voice of the child was now well "
                           "evidenced in reviews."),
])
def test_s10_findings(head, polarity, sentence):
    assert polarities_under(head, sentence) == [polarity]


@pytest.mark.parametrize("head, sentence", [
    # a tally across a rating scale counts ratings; it is no verdict
    (PERFORMANCE, "Of the nine priorities, three were rated green, four amber and two red."),
    (AUDIT, "Of these, two had received substantial assurance, four reasonable assurance and one limited assurance."),
    # a mixed response to a consultation is no verdict on a service's quality
    (CHILDREN, "The response to the consultation was mixed."),
    # an improvement still needed is not one made
    (ASC, "The Director stressed the improvement needed in the timeliness of reviews."),
])
def test_s10_not_findings(head, sentence):
    assert polarities_under(head, sentence) == []


def test_hmicfrs_grades_are_no_judgements():
    text = (FIRE + "The Chief Fire Officer reported that HMICFRS had inspected the Service in the autumn. The Service was "
                   "graded good at responding to emergencies.\n")
    assert extracted_pairs(text) == set()


def test_members_advised_of_what_auditors_found():
    """Members told of an auditor's finding, in an item whose title names no service: the auditor found it."""
    text = ("MINUTES OF THE AUDIT COMMITTEE HELD ON 3 MARCH 2025\n\n6. Annual Auditor's Report\n\n"
            "Mr P Grange of the external auditors presented the report. He reported that the auditors had not identified "
            "any significant weaknesses in the Council's arrangements for governance.\n\n"
            "Members were advised that the auditors had identified a significant weakness in the Council's arrangements "
            "for managing its highways contract.\n")
    assert polarities_under("", text) == ["strength", "development"]
