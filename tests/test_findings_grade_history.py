"""A grade dated by its inspection year is the authority's judgement history (a judgement, spec §6), not a finding of
its own; a verdict beside it in the same sentence still counts (sentences written for these tests)."""
import pytest

from written_sentences import findings_under, polarities_under

SCRUTINY = ("Minutes of the Children's Scrutiny Committee held on 4 May 2026\n\n6. Ofsted Inspection Update\n\n"
            "The Director of Children's Services presented the report.\n\n")


@pytest.mark.parametrize("sentence", [
    "The Director recalled that the service had been judged inadequate in 2017, and good in 2022.",
    "The borough was judged requires improvement in 2015, inadequate in 2018 and outstanding in 2024.",
])
def test_a_dated_grade_history_is_no_finding(sentence):
    assert findings_under(SCRUTINY, sentence) == []


def test_a_verdict_beside_a_dated_grade_still_counts():
    sentence = ("Having been judged good in 2022, the service was found by inspectors to have drifted, and plans for "
                "care leavers lacked timescales.")
    assert polarities_under(SCRUTINY, sentence) == ["development"]


def test_grade_cells_of_a_table_read_into_the_record_are_no_findings():
    text = ("The table was read into the record as follows: Area | Previous | Current. Help and protection | "
            "Inadequate | Requires improvement. Children in care | Requires improvement | Good. Care leavers | Good | "
            "Outstanding.")
    assert findings_under(SCRUTINY, text) == []
