"""minutes_findings on the phenomena of the s8f probe batch (issue 10, ModernGov page shape): a speaker who says
it is too early to judge gives no verdict, and a stated aim or target to reach is a plan, even when a shortfall
word (backlog, risen) sits in the same sentence; verdicts beside them still count (sentences written for these
tests)."""
import pytest

from written_sentences import polarities_under

SERVICE = "Minutes of the Scrutiny Committee held on 3 March 2025\n\n5. Community Safety Performance Update\n\n"
WASTE = "Minutes of the Environment Scrutiny Committee held on 3 March 2025\n\n5. Waste and Recycling Performance\n\n"
FAQ = "Ofsted inspection of children's services: frequently asked questions\n\nWhat does requires improvement mean?\n\n"
PERFORMANCE = "Minutes of the Overview and Scrutiny Committee held on 3 March 2025\n\n5. Corporate Performance Monitoring Report\n\n"


@pytest.mark.parametrize("head, sentence", [
    # an epistemic hedge: the speaker declines to judge a rise in a lower-is-better count
    (WASTE, "The Head of Waste Services said that the number of missed collections had risen slightly but that it was too early to say whether the new rounds were the cause."),
    (PERFORMANCE, "The Service Manager said that the number of complaints had risen slightly but that it was too early to tell whether the new phone system was the cause."),
    # a reviewer who says they could not judge something not yet in place gives no verdict on it
    (SERVICE, "The peer reviewers said the new triage model looked promising but they could not make a judgement on it as it had only just started."),
    # an aim or target to reach: a plan, whatever shortfall word it mentions
    (PERFORMANCE, "The Assistant Director explained that two more assessors would be recruited and that the target was to clear the backlog by the end of the year."),
    # an FAQ defining a grade by a pronoun: what the grade means, not a verdict on this service
    (FAQ, "This means that the help children receive is not yet good enough."),
])
def test_s8_not_findings(head, sentence):
    assert polarities_under(head, sentence) == []


@pytest.mark.parametrize("head, polarity, sentence", [
    # verdicts against a target or an average are still findings beside these plans
    (PERFORMANCE, "development", "The proportion of appeals decided within eight weeks was 52%, well below the target of 80%."),
    (PERFORMANCE, "strength", "Customer satisfaction with the contact centre remained above the regional average."),
])
def test_s8_verdicts_kept(head, polarity, sentence):
    assert polarities_under(head, sentence) == [polarity]
