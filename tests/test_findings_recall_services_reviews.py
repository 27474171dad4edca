"""minutes_findings recall on services beyond children's social care and on less familiar reviewers (issue 10, probes
t87-t92): officers' answers and self-assessment, indicator verdicts against targets, averages and RAG lines (also with a
money aside after the verdict), assessors, Healthwatch visitors, the Planning Advisory Service, an accreditation kept;
with the non-findings beside them (sentences written for these tests, not taken from the probes)."""
import pytest

from written_sentences import polarities_under

PERFORMANCE = "Minutes of the Scrutiny Committee held on 3 March 2026\n\n5. Quarter 3 Performance Report\n\n"
HOUSING = "Minutes of the Scrutiny Committee held on 3 March 2026\n\n5. Housing Repairs Performance\n\n"
ACCREDITATION = "Minutes of the Resources Committee held on 3 March 2026\n\n7. Investors in People Assessment\n\n"
AUDIT = ("Minutes of the Audit Committee held on 3 March 2026\n\n6. External Auditor's Annual Report\n\n"
         "The external auditor presented the annual report.\n\n")
REVIEW = ("Minutes of the Overview and Scrutiny Committee held on 3 March 2026\n\n8. Planning Advisory Service Review\n\n"
          "The Head of Planning introduced the review report.\n\n")


@pytest.mark.parametrize("head, polarity, sentence", [
    # an officer's confidence about the service's present state speaks for the service
    (PERFORMANCE, "strength", "The Head of Customer Services was confident that the call backlog had been cleared and that answer times were now stable."),
    # an officer's answer opening with the question put to them
    (PERFORMANCE, "development", "Asked about bulky waste, the Waste Manager said that collections were taking three weeks and accepted that this was not meeting the needs of residents."),
    # broad verdict words
    (HOUSING, "development", "The Repairs Manager said that the time taken to complete damp works was still unacceptable."),
    (HOUSING, "development", "The waiting list for adaptations remained too long, with some tenants waiting over a year."),
    (PERFORMANCE, "strength", "The Head of Finance Operations reported that problems with the new payments system had now been largely resolved."),
    (PERFORMANCE, "development", "Officers explained that the contact centre had been left short of staff over the summer, which was not acceptable."),
    # indicator verdicts: a target exceeded, a place among others, named averages, a level the standard expects
    (PERFORMANCE, "strength", "Swimming lesson bookings reached 5,120, exceeding the annual target of 4,800."),
    (PERFORMANCE, "development", "The collection rate for sundry debts was 81%, below the London average of 86%."),
    (PERFORMANCE, "strength", "Footfall at the museums was ahead of most other county authorities."),
    (PERFORMANCE, "development", "The number of qualified staff in the archive service was well below the level the accreditation scheme expects."),
    # a time-limited measure done within its timescale: higher is better whatever the measure's name
    (PERFORMANCE, "development", "Graffiti reports were removed within five working days in 88% of cases, against a target of 92%."),
    # a performance line without a closing stop is a verdict, not a title
    (PERFORMANCE, "development", "Disabled facilities grants completed within 26 weeks: 61% (target 80%) - red\n\nThe Committee noted the report."),
    # a money aside after a verdict against a target does not make a budget position
    (HOUSING, "development", "Voids were taking 41 days to relet against a target of 28 days; the lost rent so far this year was £96,000."),
    # reviewers less familiar than the inspectorates
    (ACCREDITATION, "strength", "The assessor's report found that managers were visible and that staff were proud to work for the council."),
    (ACCREDITATION, "strength", "The Head of HR reported that the council had retained its Platinum accreditation."),
    (REVIEW, "development", "PAS found, however, that the committee reports were too long and hard for the public to follow."),
    (AUDIT, "development", "On value for money, the auditor had found no significant weaknesses in governance. However, a significant "
                           "weakness had been identified in financial sustainability: the council had used £4.1m of reserves to balance the budget."),
    # a performance line whose measure names benefits: the RAG and target decide, not the word 'benefit'
    (PERFORMANCE, "development", "Processing of housing benefit changes - 14 days (target 8) - red\n\nThe Committee noted the report."),
    # a target named before its value; a side of the target with no value, for a measure where lower is better
    (PERFORMANCE, "development", "Against a target of 85%, only 69% of stage one complaints were answered on time."),
    (HOUSING, "development", "The Housing Options Manager said that the number of families in bed and breakfast had fallen but was still above the target of 12."),
    # the topic of a question an officer answers does not make the answer hypothetical
    (PERFORMANCE, "strength", "In response to a question about licensing, the number of applications outstanding had reduced from 140 to 35, the Licensing Manager explained."),
    # a verdict against a target, then savings: the money is an aside
    (PERFORMANCE, "strength", "Streets falling below the cleanliness standard were 5%, better than the 7% target, and the service had delivered savings of £80,000."),
    # a named standard awarded; a 'but' clause of a Healthwatch report
    (PERFORMANCE, "strength", "The Contact Centre was awarded the Customer Service Excellence standard for the third year running."),
    (PERFORMANCE, "development", "Healthwatch's enter and view report noted that staff at Elm Court were kind but that activities for residents were limited."),
])
def test_recall_services_and_reviews(head, polarity, sentence):
    assert polarity in polarities_under(head, sentence)


@pytest.mark.parametrize("head, sentence", [
    # hopes and expectations about a rating are not findings
    (PERFORMANCE, "The Cabinet Member said she expected the rent collection indicator to move from amber to green by March."),
    # what service users told the reviewers is their view
    (REVIEW, "Applicants had told the advisers that they found the duty planner helpful."),
    # a count of indicators by status has no single verdict
    (PERFORMANCE, "Of the 30 indicators, 19 were on target, 6 were close to target and 5 were off target."),
    # names of services holding a cue word
    (PERFORMANCE, "The Supported Living team moved to new offices in the Revenues and Benefits building."),
    # an attributive 'unacceptable' names a measure; a norm ('not acceptable to ...') is no verdict
    (PERFORMANCE, "The indicator counts streets with unacceptable levels of litter in each ward."),
    (PERFORMANCE, "The partners agreed that it was not acceptable to place children far from home."),
    # 'benefit' in the name of a measure or service is no praise
    (PERFORMANCE, "New benefit claims received in the quarter numbered 1,412."),
    # a budget position stays a budget position
    (PERFORMANCE, "Leisure income was £2.3m for the half year, which was £140,000 below budget."),
])
def test_not_findings_services_and_reviews(head, sentence):
    assert polarities_under(head, sentence) == []
