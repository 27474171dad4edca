"""minutes_findings on the phenomena of the s8f probe batch (issue 10, ModernGov page shape): a speaker who says
it is too early to judge gives no verdict, and a stated aim or target to reach is a plan, even when a shortfall
word (backlog, risen) sits in the same sentence; verdicts beside them still count (sentences written for these
tests)."""
import pytest

from written_sentences import polarities_under

SERVICE = "Minutes of the Scrutiny Committee held on 3 March 2025\n\n5. Community Safety Performance Update\n\n"
PERFORMANCE = "Minutes of the Overview and Scrutiny Committee held on 3 March 2025\n\n5. Corporate Performance Monitoring Report\n\n"


@pytest.mark.parametrize("head, sentence", [
    # an epistemic hedge: the speaker declines to judge
    (SERVICE, "The Service Manager said that antisocial behaviour reports had risen a little but it was too early to tell whether the new patrols were responsible."),
    (PERFORMANCE, "The Head of Libraries said it was too soon to draw conclusions about the fall in visits since the opening hours changed."),
    # a reviewer who says they could not judge something not yet in place gives no verdict on it
    (SERVICE, "The peer reviewers said the new triage model looked promising but they could not make a judgement on it as it had only just started."),
    # an aim or target to reach: a plan, whatever shortfall word it mentions
    (PERFORMANCE, "The Director explained that two extra assessors would be appointed and that the aim was to clear the backlog of applications by the summer."),
    (SERVICE, "The Chief Officer said the partnership's ambition is to reduce repeat victimisation and to be the safest borough in the county."),
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
