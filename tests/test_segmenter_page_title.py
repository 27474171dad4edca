"""A one-item web page's title is its first heading-like line when section headings follow it, or when a
breadcrumb repeats it (issue 10). Every text here is written for the test."""
from minutes_extract.extract import extract_text


def titles(text, nlp):
    return [item.title for item in extract_text(text, nlp=nlp).items]


def test_title_over_a_sequence_of_section_headings(nlp):
    page = ("How our services for young people were inspected\n\n"
            "Youth offending service, March 2025\n\n"
            "Inspectors from HM Inspectorate of Probation visited the service in March and rated it Good.\n\n"
            "Residential short breaks\n\n"
            "Our short breaks home was inspected in May and received a judgement of Requires Improvement.\n")
    assert titles(page, nlp) == ["How our services for young people were inspected"]


def test_title_repeated_by_the_breadcrumb_under_it(nlp):
    page = ("Our latest inspection result\n\n"
            "Home > Family services > Our latest inspection result\n\n"
            "Published 2 June 2025\n\n"
            "Ofsted inspected the council's services for children in April 2025 and judged them to be Good.\n")
    assert titles(page, nlp) == ["Our latest inspection result"]


def test_title_over_its_first_paragraph_is_unchanged(nlp):
    page = ("Holiday activities programme update\n\n"
            "The panel received an update on the holiday activities programme run over the summer.\n")
    assert titles(page, nlp) == ["Holiday activities programme update"]
