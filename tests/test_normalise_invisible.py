"""Characters that print as nothing inside a word (a web page's &shy;, a PDF's soft hyphen, word joiners) are
removed by normalise, so rules see whole words; every kept character still maps back to its source."""
from minutes_extract import extract_text
from minutes_extract.normalise import normalise

SOURCE = ("Inspectors found that safe\u00adguarding practice was ef\u00adfective.\n\n"
          "The Com\u00ad\u00admittee noted the re\u2060port.")


def test_soft_hyphens_and_joiners_are_removed():
    assert normalise(SOURCE).text == ("Inspectors found that safeguarding practice was effective.\n\n"
                                      "The Committee noted the report.")


def test_kept_characters_map_to_their_source():
    normalised = normalise(SOURCE)
    for offset, char in enumerate(normalised.text):
        if not char.isspace():
            assert SOURCE[normalised.to_source(offset)] == char


def test_a_finding_with_a_soft_hyphen_in_its_cue_word_is_found():
    record = extract_text("1. Ofsted monitoring visit\n\nInspectors found that plans were in\u00adeffective "
                          "and lacked timescales.\n")
    findings = [f for item in record.items for f in item.findings] + list(record.unassigned.findings)
    assert [f.polarity for f in findings] == ["development"]
    assert "\u00ad" not in findings[0].text
