"""minutes_findings on the phenomena of the s7c/s7f probe batches (issue 10): dates are not the values a comparison
compares, the good side of a measure decides a comparison or a rank, a shortfall word decides whatever the numbers,
a concession after the main clause, a tie settled by the "but" clause, and the labels and names that hold evaluative
words without judging (sentences written for these tests)."""
import pytest

from written_sentences import polarities_under

PERFORMANCE = "Minutes of the Overview and Scrutiny Committee held on 3 March 2025\n\n5. Corporate Performance Monitoring Report\n\n"
SERVICE = "Minutes of the Scrutiny Committee held on 3 March 2025\n\n5. Children's Services Performance Update\n\n"


@pytest.mark.parametrize("head, polarity, sentence", [
    # a year or a day of a month before the comparison is no value: the count nearest the measure is
    (SERVICE, "strength", "The Head of Service reported 41 first-time entrants in the year to March 2025, down from 57 the year before."),
    # "short of" a target is a shortfall whatever the numbers before it
    (SERVICE, "development", "The Manager reported 52 enquiries between 1 May and 30 September, leading to two approvals, well short of the target of 12 new carers."),
    # the measure says which side is good: prevention falling, a place below every comparable area
    (PERFORMANCE, "development", "The share of cases where homelessness was prevented dropped to 41%, lower than in any similar authority in the region."),
    (PERFORMANCE, "development", "Homelessness prevention rates fell to 36% in the quarter."),
    (SERVICE, "development", "Education, training and employment for young people leaving orders remained low at 44%."),
    # a count against a target of none
    (PERFORMANCE, "development", "Some 37 households were in bed and breakfast, against a target of no families in B&B for more than six weeks."),
    # practice recorded well
    (SERVICE, "strength", "The audit showed that the wishes of children were recorded well in most plans."),
    # "X, though Y" with no verdict in X: the though-clause states it
    (SERVICE, "development", "The Headteacher said there had been no permanent exclusions this year, though suspensions had risen to 37."),
    # cues that tie: the "but" clause decides (EXTRACTION.md 8)
    (SERVICE, "development", "The letter found that workers knew their families well and that direct work was a strength, but that management oversight was not consistently recorded."),
    # the month May is no modal
    (SERVICE, "strength", "The Care Inspectorate visited the home in May and graded Care and Support as 5 (very good)."),
])
def test_s7_phenomena(head, polarity, sentence):
    assert polarities_under(head, sentence) == [polarity]


@pytest.mark.parametrize("head, sentence", [
    # a scorecard row whose only evaluative word is its direction-of-travel label
    (PERFORMANCE, "Re-referrals within 12 months | Nov-25: 18.2% | Target: 20% | Oct-25: 19.0% | Direction: better"),
    (PERFORMANCE, "HOU/07 Rent collected - Q3: 96.1% - Q2: 95.4% - Trend: improving"),
    # a measure's name holding "successfully" states no verdict
    (PERFORMANCE, "Households successfully relieved of homelessness - Q3: 41% - Q2: 44%"),
    # received counts compared with an earlier period are volumes of demand
    (PERFORMANCE, "The Head of Policy reported that 14 complaints had been received in the half year, compared with 6 in the same period last year."),
    # an inspection falling due is the regulator's timetable
    (SERVICE, "The Head of Fostering said that the agency's next inspection was overdue."),
    # "reflected well on" is praise, not a record kept well; "while" after a grade is no verdict of its own
    (SERVICE, "The standard for governance was outstanding, which the Chair said reflected well on the board, while the staffing standard was good."),
])
def test_s7_not_findings(head, sentence):
    assert polarities_under(head, sentence) == []


def test_target_of_no_more_than_is_a_numbered_target():
    """'a target of no more than 20 days' is a numbered target, met by 18.5 days: no shortfall against a target of none."""
    sentence = "Processing of new housing benefit claims took 18.5 days on average, against a target of no more than 20 days."
    assert "development" not in polarities_under(PERFORMANCE, sentence)
