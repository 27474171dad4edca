"""minutes_findings on the scope phenomena of issue 10 met in probe documents x01-x08 (sentences written for these
tests): a modal over a coordinated list, a trailing concession, an action verb inside a subject, bare grades,
one-polarity summaries, titled chairs reacting, means described rather than found."""
import pytest

from minutes_extract.extract import extract_text

INSPECTION = ("Agenda item\n\n5. Ofsted Inspection of Children's Services\n\n"
              "The Director of Children's Services presented the report on the inspection.\n\n")
PERFORMANCE = "Minutes of the Scrutiny Committee held on 3 March 2025\n\n5. Quarter 3 Performance Report\n\n"


def polarities(head: str, text: str) -> list[str]:
    record = extract_text(head + text + "\n")
    return [f.polarity for item in record.items for f in item.findings] + [
        f.polarity for f in record.unassigned.findings]


@pytest.mark.parametrize("polarity, sentence", [
    # a modal governing a that-complement reaches every item of its list and its coordinated complements
    ("development", "Inspectors said that leaders should ensure that plans are specific, timely and effective."),
    ("development", "Inspectors recommended that the service should ensure that risk assessments are reviewed promptly "
                    "and that plans are specific, timely and effective."),
    # ... but a modal inside one complement does not reach the next one
    ("strength", "Inspectors found that the service would be restructured and that caseloads were manageable."),
    # a trailing concession is the contrast clause, unless it only hedges the main clause
    ("development", "Inspectors found that the timeliness of health assessments had improved, although it remained "
                    "below the national average."),
    ("development", "Inspectors found that practice was good, whilst supervision was not always regular."),
    ("strength", "Ofsted were complimentary about leadership, although further progress was needed."),
    # an opening concession: the main clause decides
    ("development", "Although attendance had improved, too many care leavers were not in education or training."),
    # an action verb inside the subject does not reach the predicate
    ("strength", "Inspectors found that efforts to tackle drift had made a real difference to children."),
    ("strength", "Inspectors found that the work to reduce re-referrals had been successful."),
    # a list heading whose finder is named
    ("strength", "Strengths identified by CIW included:\n\n• Practitioners listened to families and treated them with "
                 "respect."),
])
def test_inspection_sentences(polarity, sentence):
    assert polarities(INSPECTION, sentence) == [polarity]


@pytest.mark.parametrize("sentence", [
    "It was found that improvement was required.",  # a bare grade, not what to improve
    "At the previous inspection in 2021 it had been found that improvement was required.",
    "The report highlighted many strengths in the service.",  # a one-polarity summary without content
    "The Independent Chair commented that it was pleasing to see such a strong letter.",  # a reaction
    "A consistent application of the standards and effective monitoring are some of the ways of ensuring "
    "good standards are met.",  # means described, not found
    "Members noted the need to engage better with faith communities to recruit adopters.",  # a need as a topic
])
def test_inspection_sentences_not_findings(sentence):
    assert polarities(INSPECTION, sentence) == []


@pytest.mark.parametrize("polarity, sentence", [
    ("development", "Inspectors found that improvement was required in the timeliness of conferences."),
    ("strength", "Use of custody remained low, with two custodial sentences in the year."),
    ("development", "Caseloads in the assessment teams remained high."),
    ("strength", "The number of approved fostering households had increased from 118 to 127."),
    ("development", "The average time to re-let council homes had improved to 31 days, although it remained above "
                    "the target of 25 days."),
])
def test_performance_sentences(polarity, sentence):
    assert polarities(PERFORMANCE, sentence) == [polarity]


@pytest.mark.parametrize("sentence, grades", [
    # a bare grade found at an inspection is the overall grade (and no finding)
    ("At the previous inspection in 2021 it had been found that improvement was required.",
     [("overall", "requires_improvement")]),
    ("Ofsted found that improvement was required.", [("overall", "requires_improvement")]),
    # what to improve is named: a finding, no grade
    ("Ofsted found that improvement was required in the timeliness of assessments.", []),
])
def test_bare_grade_is_a_judgement(sentence, grades):
    record = extract_text(INSPECTION + sentence + "\n")
    found = [(j.area, j.grade) for item in record.items for j in item.judgements] + [
        (j.area, j.grade) for j in record.unassigned.judgements]
    assert found == grades
