"""An executive member or the Leader speaking in an item that is not about a service's performance (devolution,
reorganisation, a white paper) speaks of policy: an evaluative word in their sentence ('strong unitary
authorities') is no finding (issue 10; real Kent full-council minutes on the English Devolution White Paper were the
first case; sentences written for these tests)."""
from written_sentences import findings_under, polarities_under

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
