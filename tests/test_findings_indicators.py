"""minutes_findings on performance-indicator verdicts (issue 10): a value against a target, a benchmark or its own
past, read with the measure's good direction; RAG changes, assurance opinions, ranges and ranks; and bare
statistics with no verdict left alone (sentences written for these tests)."""
import pytest

from written_sentences import findings_under

HEAD = "Minutes of the Overview and Scrutiny Committee held on 3 March 2025\n\n5. Corporate Performance Monitoring Report\n\n"


def findings_of(text: str) -> list[tuple[str, str]]:
    return findings_under(HEAD, text)


@pytest.mark.parametrize("polarity, sentence", [
    # a value against a numbered target: the numbers and the measure's direction decide
    ("development", "The percentage of pupils with EHCPs attending school was 83%, below the 90% target set by the council."),
    ("strength", "Rent collection was 98.7%, ahead of the 98% target."),
    ("strength", "Void turnaround time averaged 24 days against a target of 28 days."),
    ("development", "Void turnaround time averaged 31 days, above the 28-day target."),
    ("strength", "Staff turnover of 9% was below the 12% target."),
    ("development", "Council tax collection was 95.1% against a profile of 96.4%."),
    ("development", "Only 62% of initial assessments were completed within timescale, short of the 80% target."),
    ("development", "Freedom of information requests answered within 20 working days were 79% against the regulator's expectation of 90%."),
    # ... against a benchmark's value or its own past
    ("strength", "Repairs completed on first visit were 91%, compared with 86% in the same period last year."),
    ("development", "Repairs completed on first visit were 81%, compared with 86% in the same period last year."),
    ("strength", "Persistent absence fell from 24% to 19% over the year."),
    ("development", "Persistent absence rose from 19% to 24% over the year."),
    ("strength", "Household waste recycled was 51%, up from 47% last year."),
    ("development", "Sickness absence was 10.2 days per employee, up from 8.9 days last year."),
    ("development", "The percentage of assessments completed within 45 days fell from 88% to 79%."),
    ("strength", "Service users who said that they felt safe were 71.2%, compared with 69.7% nationally."),
    # benchmarks: lower is better for re-referrals, first time entrants, delays; higher for care leavers in EET
    ("strength", "The rate of first time entrants to the youth justice system was 152 per 100,000, lower than the regional average."),
    ("development", "Members heard that the rate of re-referrals was above both the national average and statistical neighbours."),
    ("strength", "Re-referrals were below both the national and regional averages."),
    ("development", "The proportion of children with three or more placement moves was 12%, higher than the England average of 10%."),
    ("strength", "Of those aged 19 to 21, 58% were in education, employment or training, above the national average of 55%."),
    ("strength", "Adoption timeliness was quicker than the national average."),
    ("development", "Children waited longer than the national average to be placed with adopters."),
    ("strength", "Attendance of children in care was good compared with national figures."),
    ("development", "The proportion of carers receiving a review was one of the lowest in the region."),
    ("strength", "The number of people waiting more than six weeks for an assessment was the lowest among our comparator authorities."),
    ("strength", "The council is outperforming its comparators on the speed of processing benefit claims."),
    # RAG statuses and their changes, ranges, timescales, forecasts
    ("development", "The indicator for delayed transfers of care moved from amber to red in the quarter."),
    ("strength", "Caseloads remained within the agreed range of 18 to 22 children."),
    ("strength", "All initial child protection conferences were held within the statutory timescale."),
    ("development", "Average response times for emergency repairs remained outside the 24-hour standard."),
    ("strength", "Council tax collection is on course to meet the annual target."),
    ("development", "The number of affordable homes delivered is not expected to meet the year-end target."),
    # audit opinions
    ("development", "The audit of fleet management received an audit opinion of limited."),
    ("strength", "The review of treasury management received a reasonable assurance rating."),
    ("development", "The external auditor reported a significant weakness in the council's arrangements for governance."),
    # quartiles, medians, ranks by speed, a benchmark in brackets, a RAG label closing a line, gaps
    ("strength", "Overall satisfaction with the landlord was 74%, which places the council in the upper quartile."),
    ("development", "Satisfaction with the handling of complaints stood at 31%, below the median for similar landlords."),
    ("development", "Officers confirmed that the council was among the slowest in the region at processing adaptations."),
    ("development", "Planning appeals allowed: 38% (target 30%)."),
    ("strength", "Major applications determined in time: 92% (target 60%) - Green."),
    ("development", "Key stage 4 outcomes for children in care remained well adrift of the national average."),
    ("strength", "The attainment gap between disadvantaged pupils and their peers had narrowed again."),
    ("strength", "Homes failing to meet the decency standard fell from 7.2% to 3.9%."),
    ("development", "The Head of Service explained that this was a marked deterioration on the previous year, when 58% had been issued on time."),
    # trends and records of measures whose good direction is known (harm measures: lower is better)
    ("development", "Smoking at time of delivery remained at 12.4%, well above the national rate of 8.1%."),
    ("strength", "Teenage conceptions had fallen to their lowest rate since records began."),
    ("development", "Waiting times for the adult weight management service had lengthened to 22 weeks."),
    ("development", "The rate of people killed or seriously injured on the county's roads had risen again."),
    ("development", "Successful completions of alcohol treatment were 29%, below the England average of 35%."),
    # polarity from structure
    ("development", "While performance on EHCP timeliness has improved, it remains below the national average."),
    ("strength", "Although below target at 78%, performance has improved from 71% last quarter."),
    ("strength", "Performance was below target, but improving."),
    ("development", "Although occupational therapy waiting times had come down, they remained outside the 28-day standard."),
    ("strength", "Although demand at the front door rose by 12% in the quarter, all strategy discussions were held within the expected timescale."),
    ("strength", "The service had become more stable, with fewer changes of social worker."),
])
def test_indicator_verdicts(polarity, sentence):
    assert findings_of(sentence) == [(polarity, sentence)]


@pytest.mark.parametrize("sentence", [
    # bare statistics, comparisons of a measure with no known good direction, descriptions of the scale
    "The council received 3,210 repair requests in the quarter, compared with 2,980 in the same period last year.",
    "There were 412 contacts to the front door, compared with 398 in the previous quarter.",
    "The number of children looked after rose from 480 to 512.",
    "The rate of children in care per 10,000 is higher than statistical neighbours.",
    "Conferences held within timescale were 78%.",
    "The dashboard uses a red, amber and green rating for each indicator.",
    "Indicators are rated red, amber or green against their targets.",
    "Members noted that the national average for assessment timeliness was 84%.",
    "The council's own target for the year was set at 90%.",
    "A total of 1,204 homeless applications were received in the year.",
    "Members asked whether the target could be met by the year end.",
    "The committee asked whether services could be more effective.",
    "Only 61% of reviews had been completed on time in the previous year.",
    "The number of children in care had fallen to 480.",
    "The Head of Service responded that referrals had risen by 9% compared with the previous year.",
    # a range of dates or times is no change of a value
    "The inspection of the youth justice service took place from 15 to 26 September 2025.",
    "The drop-in sessions for families waiting for an assessment ran from 10 to 12 noon.",
])
def test_not_indicator_verdicts(sentence):
    assert findings_of(sentence) == []
