"""minutes_findings recall in officer prose and service reports outside an inspection (issue 10): an evaluative
adjective as a predicate, a stable workforce, building an outcome, the service's own self-assessment, a causal clause
after a modal, money named as the means to a verdict; and what stays no finding. Sentences written for these tests."""
import pytest

from written_sentences import polarities_under

HEAD = "Minutes of the Scrutiny Committee held on 3 March 2026\n\n5. Early Help Annual Report\n\n"


def findings_of(text: str) -> list[str]:
    return polarities_under(HEAD, text)


@pytest.mark.parametrize("polarity, sentence", [
    # an evaluative adjective as the predicate of a copula judges its subject
    ("strength", "The Head of Service said that the parenting offer is extensive and is available in every district."),
    ("strength", "The range of short breaks for disabled children remained comprehensive."),
    # a stable workforce, leadership or placements
    ("strength", "The Director said that the service now had a stable management team."),
    ("strength", "Our self-assessment shows that children in care are living in stable homes."),
    # a progressive verb whose object is an outcome, not an artefact
    ("strength", "Family workers were building trusting relationships with young people and their carers."),
    # the service's own assessment of itself
    ("development", "We know that the recording of return home interviews is not yet consistent."),
    # a result of a programme, and one of the challenges named
    ("strength", "The mentoring scheme has made a real difference to the confidence of young carers."),
    ("development", "The Head of Service said that one of the main challenges for the team was the recruitment of family workers."),
    # a causal clause ends a modal's scope
    ("strength", "She said that waiting times should continue to fall as the backlog had now been cleared."),
    # a measure within its expected timescale; a count of carers approved against its target
    ("strength", "Initial visits were completed in 6 days on average, well within the 10-day expectation."),
    ("development", "The team heard that 21 new foster carers had been recruited in the year, against a target of 30."),
    # money named after the verdict as the means to it
    ("strength", "The Director reported that the waiting list had fallen to 140 families following investment of £200,000 in extra staff."),
    # an officer pleased to report a result
    ("strength", "The Head of Service was pleased to report that school attendance for children in need had risen to 93%, above the national average."),
    # a contrast or trailing concession goes against the clause it answers, whichever way its measure is better
    ("development", "Performance had improved, although it remained below the regional average."),
    ("strength", "Performance had dipped this quarter, although it remained above the national average."),
])
def test_verdicts(polarity, sentence):
    assert findings_of(sentence) == [polarity]


@pytest.mark.parametrize("sentence", [
    "The service was building positive relationships with local colleges in order to widen the offer.",  # a means
    "A comprehensive plan for the family hubs will be presented in the autumn.",  # an attribute of a plan
    "The number of children looked after remained stable at 412.",  # a measure's level, no verdict
    "The Director reported that costs had fallen to £1.2m following investment of £100,000.",  # a budget position
    "The Chair was pleased to note that the report was comprehensive.",  # a member's reaction
    "Councillor Reeves said the briefing had been helpful.",  # a member's own remark
])
def test_not_findings(sentence):
    assert findings_of(sentence) == []
