"""A verdict word inside a condition ('Where capacity is lower than forecast, the DfE provides funding') states a
rule of how something works, not a finding; a verdict in the main clause after such a condition, as inspectors
write it ('Where practice is weaker, plans lack detail'), still is (issue 10; a real Kent commissioning plan was the
first case; sentences written for these tests)."""
import pytest

from written_sentences import findings_under, polarities_under

PLAN = ("Report to Cabinet, 9 January 2026\n\n"
        "4. School Place Planning\n\n"
        "The Director of Education introduced the report on the supply of school places.\n\n")

LETTER = ("Minutes of the Children's Scrutiny Committee held on 9 January 2026\n\n"
          "5. Ofsted focused visit\n\n"
          "The Director reported the findings of the focused visit letter. Inspectors found that:\n\n")


@pytest.mark.parametrize("sentence", [
    "Where capacity is lower than forecast, the DfE provides funding towards the gap.",
])
def test_a_verdict_inside_a_condition_is_no_finding(sentence):
    assert findings_under(PLAN, sentence) == []


@pytest.mark.parametrize("bullet, polarity", [
    ("- Where risks to children increase, social workers act quickly to protect them.", "strength"),
    ("- Where practice is weaker, plans lack detail and timescales.", "development"),
])
def test_a_verdict_after_the_condition_still_counts(bullet, polarity):
    assert polarities_under(LETTER, bullet) == [polarity]
