"""Who speaks on ordinary council business (issue 10, findings precision; sentences written for these tests): an
executive member's or the Leader's own claim, a member's speech, a motion's or amendment's text, feedback relayed
from people a speaker met, and a licensed premises' compliance are not findings; an officer's verdict beside them
still is."""
import pytest

from written_sentences import findings_under, polarities_under

SCRUTINY = ("Minutes of the Communities Scrutiny Committee held on 4 March 2026\n\n"
            "7. Housing Performance Report\n\n"
            "Councillor Mary Oduya, Cabinet Member for Housing, introduced the report.\n\n")


@pytest.mark.parametrize("sentence", [
    "She said that the housing service was among the best in the region and that tenants could be proud of it.",
    "She said that the new repairs app had been a huge success with tenants.",
    "She said that the council was a good landlord.",
])
def test_an_executive_members_claim_is_no_finding(sentence):
    assert findings_under(SCRUTINY, sentence) == []


def test_an_officers_verdict_in_the_same_words_still_counts():
    text = ("The Head of Housing said that the repairs service was among the best performing in the region, with 96% "
            "of repairs completed on time against a target of 90%.")
    assert polarities_under(SCRUTINY, text) == ["strength"]


def test_an_opposition_leader_is_no_executive():
    """'Leader of the Opposition' or of a group names no executive: their remark is a member's, not a claim made
    for the service."""
    head = ("Minutes of the County Council held on 4 March 2026\n\n9. Adult Social Care Report\n\n"
            "Councillor Tom Pike, Leader of the Liberal Democrat Group, spoke on the report.\n\n")
    text = "Councillor Pike asked the Leader about home care. Councillor Pike said the home care service was poor."
    assert findings_under(head, text) == []


POLITICAL = ("Minutes of the County Council held on 4 March 2026\n\n"
             "12. Cabinet Members' Reports\n\n")


def test_an_executive_in_political_business_speaks_as_a_member():
    text = ("Councillor Jane Rowe, Cabinet Member for Children's Services, presented her report. The Cabinet Member "
            "said that the council's performance on school admissions was good.\n\n"
            "The Director of Children's Services said that the timeliness of assessments remained below target.")
    assert polarities_under(POLITICAL, text) == ["development"]


def test_an_executive_update_bullet_is_no_finding():
    head = ("Minutes of the Health Scrutiny Panel held on 4 March 2026\n\n3. Executive Member Update\n\n"
            "Councillor Ann Lees, Executive Member for Health, gave an update. Key points were:\n\n")
    text = ("- She said that the council's reablement service was working well.\n"
            "- The council had opened a new day centre in January.")
    assert findings_under(head, text) == []


@pytest.mark.parametrize("sentence", [
    "Mrs Hale said that carers she spoke to felt that the respite offer was poor.",
    "Ms Rai said that young people told Healthwatch that waits were far too long.",
    "Drivers had told the council that the licensing office was slow to renew licences.",
    "The Licensing Manager said that an inspection had found that the premises was now complying with its "
    "conditions and that the new management had made significant improvements.",
])
def test_relayed_feedback_and_a_premises_compliance_are_no_findings(sentence):
    head = "Minutes of the Licensing and Health Committee held on 4 March 2026\n\n5. Service Update\n\n"
    assert findings_under(head, sentence) == []


AMENDMENT = ("Minutes of the County Council held on 12 March 2026\n\n8. Motion on Highways Maintenance\n\n"
             "Councillor Harris moved and Councillor Patel seconded the following amendment:\n\n")


def test_an_unquoted_amendment_is_its_movers_words():
    text = "Council notes that the highways service has improved and that repairs are now well managed."
    assert findings_under(AMENDMENT, text) == []


def test_the_movers_words_lapse_after_the_amendment():
    """The mover's-words flag lapses after the amendment's paragraph: a later paragraph that opens with a quotation
    from an inspection letter, relayed by an officer, is not the mover's."""
    text = ("Council notes that the highways service has improved.\n\n"
            "Councillor Harris spoke to the amendment.\n\n"
            "\"Repairs are not completed quickly enough,\" the Director of Highways read from the latest audit "
            "report, which had found that the repairs service was too slow.")
    assert polarities_under(AMENDMENT, text) == ["development"]


@pytest.mark.parametrize("sentence, polarity", [
    ("The Director said that 91% of people were still at home after reablement, above the national average, but "
     "that delays in arranging care were still too common.", "development"),
    ("The audit had found that checks were robust, but that 12 licences had been issued without a current "
     "certificate being seen.", "development"),
    ("The Head of Housing said that the proportion of cases where homelessness was prevented had improved to 61%, "
     "above the regional average.", "strength"),
])
def test_polarity_of_mixed_and_directional_verdicts(sentence, polarity):
    head = "Minutes of the Scrutiny Committee held on 4 March 2026\n\n6. Performance Report\n\n"
    assert polarities_under(head, sentence) == [polarity]


def test_an_executive_relaying_inspectors_in_political_business_still_counts():
    text = ("Councillor Lee asked about the inspection. The Cabinet Member replied that inspectors had found that "
            "the quality of plans for children in care was not consistently good enough.")
    assert polarities_under(POLITICAL, text) == ["development"]


@pytest.mark.parametrize("sentence", [
    "The Leader said that the council continued to deliver excellent value for money for residents.",
    "The Leader said that this administration had turned the children's service around.",
    "Councillor Amy Holt, Leader of the Council, said that Northshire was the best place in the country to grow old.",
])
def test_the_leaders_claims_are_no_findings(sentence):
    head = "Minutes of the Cabinet held on 4 March 2026\n\n5. Annual Performance Report\n\n"
    assert findings_under(head, sentence) == []


@pytest.mark.parametrize("sentence, polarity", [
    ("The Head of Housing said that 14 families had been in bed and breakfast for longer than the six-week legal "
     "limit, which was not acceptable.", "development"),
    ("The Head of Finance said that all prudential indicators had been complied with during the year.", "strength"),
    ("The Director said that the improvement in assessment waiting times had been sustained for six months.",
     "strength"),
    ("The Director of Adult Services said that emergency admissions of people aged 65 and over were below plan.",
     "strength"),
    ("The Head of Service said that 91% of people discharged were at home 91 days later, in line with plan.",
     "strength"),
])
def test_officers_verdicts_against_plans_limits_and_rules(sentence, polarity):
    head = "Minutes of the Scrutiny Committee held on 4 March 2026\n\n6. Performance Report\n\n"
    assert polarities_under(head, sentence) == [polarity]


@pytest.mark.parametrize("sentence, polarity", [
    ("The Development Manager said that the council had lost 5 of its last 8 appeals on major schemes.",
     "development"),
    ("The Head of Housing said that 100% of gas safety checks were in date.", "strength"),
    ("The Director of Public Health said that MMR uptake was 88.1%, below the 95% needed for herd immunity.",
     "development"),
    ("The Head of Housing said that the number of households in bed and breakfast had fallen to 12 in January 2026, "
     "compared with a target of 20.", "strength"),
])
def test_more_officers_verdicts(sentence, polarity):
    head = "Minutes of the Scrutiny Committee held on 4 March 2026\n\n6. Performance Report\n\n"
    assert polarities_under(head, sentence) == [polarity]


@pytest.mark.parametrize("sentence, polarity", [
    ("The Director said that waiting times were not yet where they needed to be, although they had fallen for "
     "three months.", "development"),
    ("The auditors had found the arrangements well governed, although the auditors noted that cash flow forecasting "
     "was not sufficiently detailed.", "development"),
])
def test_a_conceded_shortfall_stays_a_shortfall(sentence, polarity):
    head = "Minutes of the Audit Committee held on 4 March 2026\n\n6. Performance Report\n\n"
    assert polarities_under(head, sentence) == [polarity]


def test_a_rescheduled_completion_is_a_plan():
    head = "Minutes of the Audit Committee held on 4 March 2026\n\n6. Governance Action Plan\n\n"
    text = "The Monitoring Officer said that the delayed action would now be completed by June 2026."
    assert findings_under(head, text) == []
