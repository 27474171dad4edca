"""minutes_findings recall on councils the rules have not seen (issue 10): performance-indicator verdicts, the
verdicts of other inspectorates, audits, advisers and reviews, broad evaluative vocabulary, recommendations in
reported speech and the service's own assessment; with the non-findings beside them (sentences written for these
tests)."""
import pytest

from written_sentences import findings_under, polarities_under

SERVICE = "Minutes of the Scrutiny Committee held on 3 March 2025\n\n5. Children's Services Performance Update\n\n"
PERFORMANCE = "Minutes of the Overview and Scrutiny Committee held on 3 March 2025\n\n5. Corporate Performance Monitoring Report\n\n"
AUDIT = "Minutes of the Audit Committee held on 3 March 2025\n\n5. Internal Audit Progress Report\n\n"
INSPECTION = ("Minutes of the Scrutiny Committee held on 3 March 2025\n\n5. Inspection of Children's Services\n\n"
              "The Director presented the inspection letter.\n\n")


@pytest.mark.parametrize("head, polarity, sentence", [
    # a benchmark comparison whose "but" clause decides (the benchmark cue must not swallow the "but")
    (PERFORMANCE, "development", "Recycling stood at 44%, in line with statistical neighbours but below the national average."),
    (PERFORMANCE, "strength", "Rent arrears were in line with the regional average."),
    # a review's recommendation in reported speech, by an auditor, a diagnostic, an inspectorate
    (SERVICE, "development", "The diagnostic recommended that the service tighten its oversight of missing episodes."),
    (AUDIT, "development", "The Head of Internal Audit said that managers should ensure that leavers' system access is removed promptly."),
    (INSPECTION, "development", "Inspectors recommended that leaders improve the timeliness of initial health assessments."),
    # evidence found evident; arrangements now consistent; elliptical negation after "but"
    (INSPECTION, "strength", "Inspectors said that the wishes of children were evident in their plans."),
    (SERVICE, "strength", "The Head of Service said that threshold decisions were now consistent across the localities."),
    (INSPECTION, "development", "Assessments of need were judged sufficient, but plans to manage risk were not."),
    # things missing from records; reviews found overly optimistic
    (SERVICE, "development", "The service recognised that the views of fathers were often missing from assessments."),
    (SERVICE, "development", "The improvement partner reported that case audits were overly optimistic about practice."),
    # advisers and improvement partners as sources of verdicts
    (SERVICE, "strength", "The DfE adviser found that the front door was working effectively."),
    # targets missed, tolerances, assurance that cannot be given, controls not working
    (PERFORMANCE, "development", "The target for processing housing benefit changes was narrowly missed."),
    (PERFORMANCE, "development", "Missed bin collections remain outside the contractual tolerance."),
    (PERFORMANCE, "strength", "Missed bin collections were comfortably within tolerance this quarter."),
    (AUDIT, "development", "Internal audit was unable to provide assurance over the control of the pool car scheme."),
    (AUDIT, "development", "Reconciliations of the payroll system were not operating as intended."),
    # the service's own assessment in the first person
    (SERVICE, "development", "We recognise that our work with neglected teenagers has not been good enough."),
    (SERVICE, "strength", "We are confident that young people leaving care are safer than they were a year ago."),
    (SERVICE, "strength", "The timeliness of strategy discussions has been maintained at a high level."),
    # an external auditor's value-for-money conclusion judges arrangements: not a budget position
    (AUDIT, "strength", "The external auditor reported no significant weaknesses in the Council's arrangements for securing value for money."),
    # "remains an area for improvement" states a finding, it does not name a topic; falling short
    (INSPECTION, "development", "Inspectors said that the recording of management decisions remains an area for improvement."),
    (SERVICE, "development", "The Head of Service conceded that the offer to kinship carers had fallen short."),
    # delays and gaps stated as existing
    (SERVICE, "development", "There have been avoidable delays in completing pathway plans for care leavers."),
    # a passive finder names the finding's source
    (INSPECTION, "strength", "Support for young carers was found to be appropriately tailored."),
])
def test_recall_phenomena(head, polarity, sentence):
    assert polarities_under(head, sentence) == [polarity]


@pytest.mark.parametrize("head, sentence", [
    # demand received is a fact, however it moved
    (PERFORMANCE, "The Council received 1,230 housing applications in the quarter, compared with 1,010 a year earlier."),
    (SERVICE, "The front door recorded over 4,000 contacts in the quarter, an increase of 9%."),
    # a member's suggestion that names a recommendation verb is not a finding
    (SERVICE, "Councillor Ward suggested that the service review its use of agency staff."),
    # money itself stays a budget position
    (AUDIT, "The Section 151 Officer said that the forecast overspend on home to school transport was £1.1m."),
    # a finding's benchmark wording on a national statistic alone
    (PERFORMANCE, "Nationally, 61% of pupils reached the expected standard."),
])
def test_not_findings(head, sentence):
    assert findings_under(head, sentence) == []


def test_numbered_report_sections_after_recommendations_are_read():
    """A report's numbered sections after '2. Recommendations' are not part of the recommendations."""
    text = ("Report to Cabinet\n\nDate of meeting: 8 January 2026\n\nSubject: Adult Social Care Performance\n\n"
            "1. Purpose of the Report\n\n1.1 To update Cabinet on performance.\n\n"
            "2. Recommendations\n\n2.1 That Cabinet notes the report.\n\n"
            "3. Reviews\n\n3.1 Annual reviews of care plans were completed for only 52% of people, well below target.\n\n"
            "4. Safeguarding\n\n4.1 Safeguarding enquiries were completed promptly and thoroughly.\n")
    assert sorted(polarities_under("", text)) == ["development", "strength"]
