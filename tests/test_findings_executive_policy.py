"""An executive member or the Leader speaking in an item that is not about a service's performance (devolution,
reorganisation, a white paper) speaks of policy: an evaluative word in their sentence ('strong unitary
authorities') is no finding (issue 10; real Kent full-council minutes on the English Devolution White Paper were the
first case; sentences written for these tests)."""
import pytest

from written_sentences import all_findings, findings_under, polarities_under

POLICY = ("Minutes of the County Council held on 9 January 2026\n\n"
          "6. Local Government Reorganisation\n\n"
          "The Leader introduced the item.\n\n")

SERVICE = ("Minutes of the Children's Services Scrutiny Committee held on 9 January 2026\n\n"
           "6. Children's Services Performance Report\n\n"
           "The Director introduced the report.\n\n")


def test_the_leader_on_reorganisation_gives_no_finding():
    text = ("The Leader said that a new strategic authority, built on strong unitary councils, could deliver a "
            "strategic role in transport and planning.")
    assert findings_under(POLICY, text) == []


def test_an_officers_verdict_in_a_service_item_still_counts():
    text = "The Director said that timeliness of assessments had improved and was now above the national average."
    assert polarities_under(SERVICE, text) == ["strength"]



@pytest.mark.parametrize("name, words", [
    ("minutes-2025-01-09-cabinet.pdf", "Devolution Programme would offer"),  # possible benefits, what it would enable
    ("printed-minutes-2025-01-09-county-council.pdf", "strong unitary authorities"),  # the Leader on devolution
    ("report-commissioning-plan-education-provision-2025-29.pdf", "lower than forecast"),  # a condition
])
def test_kents_devolution_debate_and_plan_give_no_false_findings(shared, nlp, name, words):
    """Real Kent County Council documents (../shared/realdocs/kent, not in any annotated set): a Cabinet's points on
    the English Devolution White Paper, the Leader's speech on it at full council, and a commissioning plan's
    funding rule each gave one strength or development before these rules."""
    from minutes_extract.extract import extract_path
    path = shared / "realdocs/kent" / name
    if not path.exists():
        pytest.skip("the Kent documents are not in ../shared/realdocs")
    texts = [f.text for record in extract_path(path, nlp) if hasattr(record, "items") for f in all_findings(record)]
    assert not [t for t in texts if words in t], texts
