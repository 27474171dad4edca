"""minutes_findings on the phenomena of the s9f probe batch (issue 10: audit, regulatory and inspection registers beyond
children's services - Audit Wales and Audit Scotland, a Food Standards Agency audit, the Information Commissioner, HMICFRS,
a homelessness adviser, an Ofsted inspection of adult learning, a performance report). Sentences written for these tests."""
import pytest

from written_sentences import findings_under, polarities_under

AUDIT = "Minutes of the Audit Committee held on 3 March 2025\n\n5. Internal Audit Annual Report\n\n"
REGULATORY = "Minutes of the Regulatory Committee held on 3 March 2025\n\n5. Environmental Health Service Review\n\n"
PERFORMANCE = "Minutes of the Overview and Scrutiny Committee held on 3 March 2025\n\n5. Corporate Performance Monitoring Report\n\n"
HOUSING = "Minutes of the Housing Scrutiny Panel held on 3 March 2025\n\n5. Homelessness Review\n\n"
LEARNING = "Minutes of the Communities Scrutiny Committee held on 3 March 2025\n\n5. Ofsted Inspection of the Adult Education Service\n\n"
GOVERNANCE = "Minutes of the Governance and Audit Committee held on 3 March 2025\n\n5. Audit Wales Review of Scrutiny\n\n"


@pytest.mark.parametrize("head, polarity, sentence", [
    # a duty not done within its timescale, with the premises or cases it concerns as the subject
    (REGULATORY, "development", "The Agency's auditors found that several premises rated high risk had not been visited within the timescales required by the Code."),
    # a programme not completed, in an auditor's finding
    (REGULATORY, "development", "The audit concluded that the sampling programme was not being carried out in full."),
    # a regulator or auditor named by its own name (Audit Wales, the Information Commissioner)
    (GOVERNANCE, "development", "Audit Wales found that the council's arrangements for scrutiny were not yet effective."),
    (REGULATORY, "strength", "The Information Commissioner was satisfied with the action the council had taken after the breach."),
    # 'could not demonstrate that ... promptly': the failure to show negates the timeliness cue after it
    (AUDIT, "development", "The Chief Internal Auditor reported that in the audit of procurement cards the service could not demonstrate that transactions were checked promptly."),
    (AUDIT, "strength", "Internal audit concluded that the key control objectives for council tax had been met."),
    (AUDIT, "strength", "The service had responded positively to the recommendations made last year."),
    # only a share of the due work done
    (AUDIT, "development", "The Head of Audit said that only 12 of the 20 agreed actions had been implemented by their due date."),
    # a service's own standard exceeded
    (PERFORMANCE, "strength", "Call answering exceeded the service standard of 80% for the second quarter."),
    (PERFORMANCE, "development", "Uptake of the free school meals holiday programme remained low among secondary-age pupils."),
    (PERFORMANCE, "development", "The Head of Service said that the current day centre model was no longer meeting the needs of younger adults."),
    # a review finding that agencies did not share what they knew
    (HOUSING, "development", "The review found that information about risks to the tenant had not been shared between the landlord and the council's housing team."),
    (HOUSING, "development", "The adviser recommended that the council review its use of hotels for single people."),
    (LEARNING, "strength", "Inspectors found that apprentices gained valuable skills that employers valued."),
    (GOVERNANCE, "strength", "The peer team found that the council had a clear and ambitious vision for the borough."),
    # HMICFRS's own phrasing for an area on its five-point scale ('requires improvement at <doing>'): a finding, not a judgement
    ("Minutes of the Police and Crime Panel held on 3 March 2025\n\n5. HMICFRS PEEL Inspection\n\n", "development",
     "The force requires improvement at investigating crime, and victims were not always kept informed."),
])
def test_s9_verdicts(head, polarity, sentence):
    assert polarities_under(head, sentence) == [polarity]


def test_s9_areas_for_the_service_to_improve_heads_a_list():
    text = ("Inspectors identified the following areas for the service to improve:\n"
            "- Managers should check that all learners receive impartial careers guidance.\n")
    assert findings_under(LEARNING, text) == [
        ("development", "Managers should check that all learners receive impartial careers guidance.")]


@pytest.mark.parametrize("head, sentence", [
    # other councils said to share the gap: context, not this council's performance
    (GOVERNANCE, "The auditor said that the review had been completed at all 22 councils and that most had similar weaknesses."),
    (HOUSING, "Officers advised that most neighbouring councils had similar pressures on temporary accommodation."),
    # a plan, a question and work still in progress are not verdicts
    (PERFORMANCE, "The Chief Executive said that the council had a clear plan to close the budget gap by 2027."),
    (PERFORMANCE, "Members asked officers to confirm whether the inspection programme had been completed."),
    (AUDIT, "The Audit Manager explained that the review had not yet been completed and would be reported in June."),
    # a priority rating names audit actions; it heads no list
    (PERFORMANCE, "The report recommended that high priority actions be reported to each meeting."),
    # a consultation's low response is about the consultation, not the service
    (PERFORMANCE, "The response rate to the consultation was low, at 12% of households."),
    # areas the council chose to develop, with no inspectorate or review naming them, are plans
    (PERFORMANCE, "The following areas for the council to develop in 2026 were agreed:\n- a new library in the town centre;\n- extended opening hours.\n"),
])
def test_s9_not_findings(head, sentence):
    assert polarities_under(head, sentence) == []


@pytest.mark.parametrize("head, polarity, sentence", [
    # the budget process named (setting, monitoring) is how finances are managed, not a budget position
    (AUDIT, "strength", "The external auditor found that budget setting and monitoring arrangements were robust and well understood by managers."),
])
def test_s9_budget_process_is_not_a_budget_position(head, polarity, sentence):
    assert polarities_under(head, sentence) == [polarity]


def test_s9_budget_position_still_excluded():
    assert polarities_under(AUDIT, "The budget monitoring report showed a forecast overspend of £2.1m, which was a serious concern.") == []
