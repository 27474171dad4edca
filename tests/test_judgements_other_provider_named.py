"""Another provider named after its description and graded in a relative clause is no judgement of the authority's
(spec notes: grades of a single provider other than the authority's own service); the authority's own agency in the
same shape still is (sentences written for these tests)."""
import pytest

from minutes_extract.extract import extract_text

PANEL = "Minutes of the Corporate Parenting Panel held on 4 May 2026\n\n5. Fostering Update\n\n"


def graded(sentence: str) -> set[tuple[str, str]]:
    record = extract_text(PANEL + sentence + "\n")
    return {(j.area, j.grade) for item in record.items for j in item.judgements}


@pytest.mark.parametrize("sentence", [
    "Two children were placed with an independent fostering agency, Brightpath Fostering, which was rated good by "
    "Ofsted.",
    "One young person lives with a private provider, Willow Care Ltd, which had been judged outstanding.",
])
def test_another_providers_graded_name_is_no_judgement(sentence):
    assert graded(sentence) == set()


def test_the_authoritys_own_agency_in_the_same_shape_is_graded():
    assert graded("The council's own fostering agency, Brightpath Fostering, which was rated good by Ofsted, "
                  "recruited 12 carers.") == {("Brightpath Fostering", "good")}
