"""An item or minute number at the start of an item label is no count (issue 10)."""
import pytest

from test_metrics import run_metrics


def _texts(nlp, text):
    doc = run_metrics(nlp, text)  # (kept alive while its spans are read)
    return [span.text for span in doc.spans["metrics"]]


@pytest.mark.parametrize("label", [
    "Item - 6 Youth Justice Plan",
    "Item – 4 Fostering Panel Annual Report",
    "Minute: 12 Corporate Parenting Board",
    "Agenda Item No. - 9 Schools Admissions",
])
def test_item_label_number_is_not_a_count(nlp, label):
    assert _texts(nlp, label + "\nThe board received the report.\n") == []


def test_count_after_the_label_line_is_still_found(nlp):
    texts = _texts(nlp, "Item - 6 Youth Justice Plan\nThe board heard that 14 young people had been diverted from court.\n")
    assert texts == ["14 young people"]


def test_count_after_a_dash_mid_sentence_is_still_found(nlp):
    texts = _texts(nlp, "The service had one aim - 6 new foster homes by the spring.\n")
    assert "6 new foster homes" in texts
