"""Inspection outcome pages (council news pages and press releases after an Ofsted, CQC, HMIP or CIW outcome):
findings and what is not one (sentences written for these tests, issue 10)."""
import pytest

from written_sentences import findings_under

HEAD = "Our inspection outcome\n\nPublished 3 March 2026\n\nOfsted inspected our children's services in January 2026.\n\n"


def findings_of(text: str) -> list[tuple[str, str]]:
    return findings_under(HEAD, text)


@pytest.mark.parametrize("polarity, sentence", [
    ("strength", "Inspectors found that young people feel listened to by their personal advisers."),
    ("strength", "Children's wishes and feelings shape the plans made for them."),
    ("strength", "Assessors found that people who use direct payments have choice and control over their support."),
    ("strength", "Inspectors said that life story work is completed with great sensitivity."),
    ("strength", "Leaders have a realistic understanding of the service's strengths and weaknesses."),
    ("strength", "The report found that the parent carer forum is treated as an equal partner."),
    ("strength", "Inspectors said that staff were kind and treated people with respect."),
    ("strength", "Most children in care are settled in their homes, inspectors found."),
    ("strength", "Inspectors found that the family support service makes a real difference to children."),
    ("strength", "Inspectors found that social workers have manageable caseloads."),
    ("strength", "Foster carers speak highly of the support they receive, the report said."),
    ("development", "Ofsted asked the council to improve the quality of supervision records."),
    ("development", "Inspectors found that the health needs of some care leavers are not always met."),
    ("development", "Inspectors noted that some case records were not signed or dated by managers."),
    ("development", "Their only recommendation was that the panel should record its reasons more fully."),
])
def test_outcome_page_findings(polarity, sentence):
    assert findings_of(sentence) == [(polarity, sentence)]


@pytest.mark.parametrize("sentence", [
    # the grade itself belongs to judgements; a definition of a grade judges nobody
    "Our children's social care services have been found to be inadequate by Ofsted following the inspection.",
    "A Good rating means that the council is meeting the standards expected of it.",
])
def test_grades_and_their_definitions_are_not_findings(sentence):
    assert findings_of(sentence) == []
