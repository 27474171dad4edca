"""A motion or amendment is its mover's words, a member's view (spec §3: members' own praise or concern is not a
finding), however evaluative its preamble; an officer's verdict in the same item still counts (sentences written for
these tests)."""
import pytest

from written_sentences import all_findings, findings_under, polarities_under

COUNCIL = ("Minutes of the meeting of the County Council held on 12 March 2026\n\n8. Motion on Highways Maintenance\n\n"
           "Councillor Harris moved and Councillor Patel seconded the following motion:\n\n")


@pytest.mark.parametrize("sentence", [
    '"This Council notes that potholes and poorly maintained roads are a serious concern for residents, and that '
    'the highways service has failed to meet its repair targets for three years."',
    "This Council believes that the children's services improvement has been too slow and inconsistent.",
    "Council further notes that waiting times for assessments remain far too long.",
])
def test_a_motions_preamble_is_no_finding(sentence):
    assert findings_under(COUNCIL, sentence) == []


def test_an_officers_verdict_after_the_motion_still_counts():
    text = ("This Council notes that repairs are too slow.\n\nIn response, the Director of Highways reported that "
            "the service had missed its repair target in each quarter of the year.")
    assert polarities_under(COUNCIL, text) == ["development"]



def test_an_amendments_quoted_text_is_its_movers_words(shared, nlp):
    """Kent County Council's printed minutes of 13 February 2025: "Mr ... proposed, and Mr ... seconded the following
    amendment:", a "Proposed Purpose:" label, then the amendment's text in quotation marks."""
    from minutes_extract.extract import extract_path
    path = shared / "realdocs/kent/printed-minutes-2025-02-13-county-council.pdf"
    if not path.exists():
        pytest.skip("the Kent minutes are not in ../shared/realdocs")
    texts = [f.text for record in extract_path(path, nlp) if hasattr(record, "items") for f in all_findings(record)]
    assert not [t for t in texts if "poorly maintained roads" in t or "not every resident" in t], texts
