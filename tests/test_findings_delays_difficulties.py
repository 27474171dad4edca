"""Delays, difficulties and pressures a service experiences or faces in doing something are shortfalls; the
council's budget pressures and an officer explaining challenges in general are not findings."""
import pytest

from written_sentences import polarities_under

HEAD = "5. Children's Services Performance Update\n\nThe Assistant Director presented the report. "


def polarities(sentence: str) -> list[str]:
    return polarities_under(HEAD, f"{sentence}\n\nRESOLVED that the report be noted.")


@pytest.mark.parametrize("sentence", [
    "Some delays had been experienced in the completion of pathway plans.",
    "Delays in the completion of pathway plans had been identified.",
    "The service was experiencing delays in allocating cases.",
    "The service faced significant challenges in recruiting foster carers.",
    "The service continued to face pressures in relation to placement sufficiency.",
    "Inspectors found that some children experienced delays in receiving support.",
])
def test_delays_and_difficulties_are_development(sentence):
    assert polarities(sentence) == ["development"]


@pytest.mark.parametrize("sentence", [
    "The council faced significant financial pressures in relation to placements.",
    "Officers explained the challenges in recruiting social workers.",
])
def test_budget_pressures_and_topics_are_not_findings(sentence):
    assert polarities(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("The Regulator of Social Housing found that the council did not meet the Safety and Quality Standard.",
     ["development"]),
    ("The service did not meet its target for assessments.", ["development"]),
    ("Eight indicators had not met their floor standard.", ["development"]),
    ("The council met all of the consumer standards.", ["strength"]),
    ("All targets were met.", ["strength"]),
    # a relative clause names the measure: its fall decides
    ("Homes that do not meet the Decent Homes Standard were 4.1%, down from 6.3%.", ["strength"]),
])
def test_targets_and_standards_met_or_not(sentence, expected):
    assert polarities(sentence) == expected
