"""minutes_findings: needs or risks identified early (promptly, at an early stage) is a strength in inspection
language, as SEND area outcome letters and ILACS reports put it (sentences written for these tests)."""
import pytest

from written_sentences import polarities_under

SEND = "Outcome of the local area SEND inspection\n\n"
SCRUTINY = "Minutes of the Children's Scrutiny Committee held on 3 March 2026\n\n5. Ofsted Focused Visit Letter\n\n"


@pytest.mark.parametrize("head, sentence", [
    (SEND, "Inspectors found that children's needs were identified early in the early years."),
    (SCRUTINY, "The letter said that risks to children are identified promptly at the front door."),
    (SCRUTINY, "Inspectors found that concerns about neglect had been recognised at an early stage by health visitors."),
])
def test_needs_identified_early_is_a_strength(head, sentence):
    assert polarities_under(head, sentence) == ["strength"]


def test_a_plan_to_identify_needs_early_is_no_finding():
    assert polarities_under(SCRUTINY, "The Director said the new hub would help to ensure that needs are identified early.") == []
