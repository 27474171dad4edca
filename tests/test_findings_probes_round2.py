"""minutes_findings on phenomena met in probe documents of genres the sets under-represent (corporate parenting,
scorecards, IRO and fostering annual reports, safeguarding partnerships, adult social care); sentences written
for these tests."""
import pytest

from written_sentences import polarities_under

HEAD = "Minutes of the Scrutiny Committee held on 3 March 2025\n\n5. Quarter 3 Performance Report\n\n"


def findings_of(text: str) -> list[str]:
    return polarities_under(HEAD, text)


@pytest.mark.parametrize("polarity, sentence", [
    # pace against a plan, with no evaluative word
    ("development", "Recruitment of adopters was running behind the trajectory agreed with the regional agency."),
    ("development", "The number of homes opened this year was behind the profile set in the sufficiency plan."),
    ("strength", "Collection of rent arrears was ahead of profile at the end of the second quarter."),
    # a range or level, read with the measure's direction
    ("development", "Social worker caseloads averaged 26 children, above the recommended range of 15 to 20."),
    ("strength", "School attendance for children in care was above the expected level for the year."),
    # direction of change with no evaluative word, read with the measure's direction
    ("strength", "The proportion of care leavers in employment or training had doubled since last year."),
    ("development", "The number of families waiting for an assessment had doubled over the summer."),
    # negation reaching a timeliness or standard some words on
    ("development", "Health assessments were not always completed in a timely way for children placed out of area."),
    ("development", "Supervision was not always recorded in a consistent and timely manner."),
    ("development", "Case recording was not always completed to a good standard."),
    # weaknesses and strengths named with their content
    ("development", "The review highlighted a number of weaknesses in how partners shared information."),
    ("strength", "The auditors identified several strengths in the quality of direct work with children."),
    # a modal's scope ends at a causal clause; a need to improve something is itself the finding
    ("development", "Care plans will need to be refreshed because the quality of plans was poor."),
    ("development", "The Head of Service said that the team would need to improve the timeliness of reviews."),
    # reviews and audits as sources
    ("strength", "Multi-agency audits found that thresholds were applied appropriately in most cases."),
    ("development", "The independent scrutineer found that escalation processes were not used consistently."),
    # an officer's answer reported inside a member's sentence
    ("development", "Members asked about the mentoring scheme and were advised that it was not reaching enough young people."),
    # a trailing "although ... still" caveat decides a mixed sentence, as "but" does; an opening one does not
    ("development", "Response times had improved, although some tenants still waited too long for repairs."),
    ("strength", "Although caseloads were still too high, the quality of plans had improved."),
    # the cost of living is not a budget position
    ("strength", "Despite the cost of living, families were seen quickly and support was timely."),
])
def test_verdicts(polarity, sentence):
    assert findings_of(sentence) == [polarity]


@pytest.mark.parametrize("sentence", [
    "The number of referrals had doubled since last year.",  # which way is better is not said
    "The Director said she was pleased that inspectors had recognised the hard work of the team.",  # effort
    "The report highlighted a number of weaknesses.",  # announces findings, holds none
    "The cost of living crisis has placed additional pressure on families across the county.",  # context
    "The Head of Service said that the service would need to improve.",  # a forecast with nothing named
    # a plan's scope runs on through the list it governs ("X, Y and Z")
    "The Director said the aim was to make assessments more timely, consistent and effective.",
    "Officers would continue to work to ensure that visits were purposeful, regular and child-focused.",
    "Members asked whether the quality of plans had improved.",  # a question with no answer
])
def test_not_findings(sentence):
    assert findings_of(sentence) == []
