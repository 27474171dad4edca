"""minutes_findings, issue 10 (eval/paraphrase.py): verdicts said in other words than the seen councils use, on
sentences written for these tests. Reporting verbs of inspectors and of a committee taking note ("observed" like
"noted"), an inspectorate named with its inspection as the subject, shortfalls named as an absence, difficulties that
remain, no serious worries, a list headed "What is working effectively?"; and
the same words where they judge nothing ("in the absence of the Chair", an absence of concerns, a member's thanks)."""
import pytest

from written_sentences import findings_under

HEAD = "Minutes of the Corporate Parenting Panel held on 14 October 2025\n\n6. Children's Services Update\n\n"


def findings_of(text: str) -> list[tuple[str, str]]:
    return findings_under(HEAD, text)


@pytest.mark.parametrize("polarity, sentence", [
    # a committee observing what it was told, like "noted"
    ("development", "The Panel observed that there was an absence of foster carers able to take sibling groups."),
    # shortfalls and difficulties in other words
    ("development", "There is still an absence of suitable local placements for children with complex needs."),
    ("development", "Difficulties remained in recruiting and retaining experienced social workers in the south locality."),
    ("strength", "During the focused visit inspectors had found no serious or widespread worries about practice."),
    # evaluative adjectives as a copula's predicate, and an improvement observed
    ("strength", "Inspectors found that management oversight of casework was secure."),
    ("development", "Inspectors found that the response to missing episodes was disjointed."),
    ("strength", "The improvement observed in the timeliness of initial health assessments had been sustained this quarter."),
])
def test_verdicts_in_other_words(polarity, sentence):
    assert findings_of(sentence) == [(polarity, sentence)]


def test_inspectors_reporting_verbs_inside_members_comments():
    # an inspectorate named with its inspection as the subject, and inspectors' reporting verbs beyond "found": their
    # own sentence is a finding even in a list of members' comments
    text = ("Members made the following comments:\n\n"
            "- The Ofsted inspection acknowledged that early help services had improved considerably.\n"
            "- The CQC inspection team remarked that waiting lists for assessments were still too long.\n"
            "- Inspectors emphasised that management oversight of casework was strong and consistent.\n"
            "- The lead inspector stressed that return home interviews were not always completed.\n")
    assert [p for p, _ in findings_of(text)] == ["strength", "development", "strength", "development"]


def test_list_headed_working_effectively():
    text = ("What is working effectively?\n\n"
            "- Management oversight is visible on children's records and supervision is regular.\n"
            "- Children are seen alone by their social workers and their wishes are recorded.\n")
    assert [p for p, _ in findings_of(text)] == ["strength", "strength"]


@pytest.mark.parametrize("heading, polarity", [
    ("Things that are going well", "strength"),
    ("Areas of good practice", "strength"),
    ("What needs to be better", "development"),
    ("Areas needing attention", "development"),
    ("Points for improvement", "development"),
])
def test_list_headings_in_other_words(heading, polarity):
    text = ("Feedback from the inspection\n\n" + heading + "\n\n"
            "- The quality of case recording was reviewed across all teams in the quarter.\n"
            "- Supervision records were examined for forty children in care in the south area.\n")
    assert [p for p, _ in findings_of(text)] == [polarity, polarity]


def test_bullets_of_an_inspectorate_under_a_committee_observing():
    text = ("The Panel observed the following:\n\n"
            "- The Ofsted inspection recognised that early help services had improved considerably.\n"
            "- The Ofsted inspection identified that children in care did not always have up to date plans.\n")
    assert [p for p, _ in findings_of(text)] == ["strength", "development"]


# precision guards (they pass with or without the new rows): the new words where they judge nothing
@pytest.mark.parametrize("sentence", [
    "In the absence of the Chair, the Vice-Chair presided over the meeting.",
    "Members observed that the report was clearly written and thanked the officers for their work.",
    "Members observed the need to engage better with faith communities to encourage more adopters to come forward.",
    "The absence of any serious concerns in the monitoring letter was welcomed by the Panel.",
    "The new children's home will provide secure accommodation for up to four young people.",
    "Sickness absence of staff in the team averaged six days per employee last year.",
])
def test_same_words_judging_nothing(sentence):
    assert [p for p, _ in findings_of(sentence) if p == "development"] == []
