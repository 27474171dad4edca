"""Inspection grades stated on their own (moved from one grade to another, given as a label, 'services are now good',
an aim for a grade, a risk of failing to get one, risk scores, 'previous > current' cells) are judgements or forecasts,
not findings; a verdict beside them still counts (issue 10, probes s7c; sentences written for these tests)."""
import pytest

from written_sentences import findings_under, polarities_under

PANEL = ("Minutes of the Corporate Parenting Panel held on 9 March 2026\n\n4. Inspection Outcomes\n\n"
         "The Head of Service presented the report on inspection outcomes.\n\n")


@pytest.mark.parametrize("sentence", [
    "Elm Grove, the council's short breaks home, improved from requires improvement to good in June 2025.",
    "Latest Ofsted rating: Outstanding (fostering agency, May 2025)",
    "The Cabinet Member said that children's services are now outstanding.",
    "The service was aiming for outstanding at its next inspection.",
    "CR05 Adoption - failure to achieve a good judgement at the next inspection",
    "Residual risk score: 15 (amber)",
    "Adoption service (Ofsted) | Requires improvement > Good | improved",
])
def test_a_grade_stated_on_its_own_is_no_finding(sentence):
    assert findings_under(PANEL, sentence) == []


def test_a_verdict_beside_a_moved_grade_still_counts():
    sentence = ("Elm Grove improved from requires improvement to good, but inspectors found that records of "
                "restraint lacked detail.")
    assert polarities_under(PANEL, sentence) == ["development"]
