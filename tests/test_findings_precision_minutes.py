"""minutes_findings precision in minutes of every kind of committee (issue 10): sentences that are NOT findings by
EXTRACTION.md sections 3 and 8, read by who speaks (members' own views whatever their verb, a consensus among
members), by the predicate (a document that presents or summarises, a framework described, praise of staff's
efforts, general research), by structure (national context opening a bullet), and by the measure (a volume of
demand rising is no verdict; a percentage target is compared with a percentage, not a timescale). Beside them,
findings of the same shape that must still be found. Every sentence here was written for these tests."""
import pytest

from written_sentences import findings_under

HEAD = ("Westford Borough Council\n\nChildren's Services Scrutiny Committee\n\nMinutes of the meeting held on 3 March "
        "2026\n\n12. Children's Services Performance Report\n\nThe Head of Service presented the report.\n\n")
BULLETS = HEAD + "The following points were highlighted:\n\n"


def prose(sentence: str) -> list[tuple[str, str]]:
    return findings_under(HEAD, sentence + "\n\nRESOLVED: That the report be noted.")


def bullet(sentence: str) -> list[tuple[str, str]]:
    return findings_under(BULLETS, "• " + sentence + "\n• The report was noted.\n\nRESOLVED: That the report be noted.")


NOT_FINDINGS = [
    # members' own views and feelings, whatever the verb (not only "praised", "welcomed", "expressed concern")
    "Councillors were worried that too many children were waiting for an assessment.",
    "Members shared the concern that caseloads in the assessment team were too high.",
    "Elected Members were reassured that the service had robust arrangements in place.",
    "Members highlighted that the number of complaints was too high.",
    "There was a general consensus among Members that the report was positive.",
    # an inquiry into a problem is an action: its object is not a verdict
    "A task and finish group has been established to look at why re-referrals are high.",
    # general evidence and national context, also opening a bullet
    "Research shows that children in stable placements achieve better outcomes.",
    "Nationally, 60% of councils were judged good or better at their last inspection.",
    # documents and frameworks that present, summarise or describe
    "The plan sets out five priority areas that the partnership must address following the inspection.",
    "The inspection framework places a strong emphasis on the experiences of children.",
    # praise of people's efforts is a courtesy
    "The Cabinet Member highlighted the excellent work of the housing team during the storms.",
    # a volume of demand rising or falling
    "Homelessness presentations had increased by 9% compared with the same period last year.",
    # the past, set by an opening clause or sentence adverb that governs the whole sentence
    "When the council was last inspected, inspectors found widespread weaknesses in practice.",
    "Historically, the service had struggled to recruit experienced staff.",
    # practice elsewhere and a consultation on proposals
    "Good practice examples from other councils were shared with the Panel.",
    "Feedback from the consultation was broadly positive.",
    # a section of a document that presents; a forecast inside a measure's cue; a verdict only on a condition
    "Section 5 of the report sets out the areas where further improvement is needed.",
    "Without additional investment, waiting times are likely to increase further.",
    "A fall in the number of visits completed on time would be a concern if it continued into the next quarter.",
    # service users speaking at the meeting give their views, not the service's assessment
    "Foster carers who attended the meeting spoke highly of the support they received.",
    # a member speaking after a fronted topic or time phrase
    "In relation to caseloads, Members were concerned that they remained too high in the assessment team.",
    "Following the presentation, Members commended the service on its good progress.",
    "Overall, Members felt that the service had made good progress.",
    # a report's own procedure, priorities and risks
    "It is recommended that Cabinet notes the improved performance set out in this report.",
    "The Corporate Plan priorities are to support a thriving economy, healthy communities and excellent services.",
    "Failure to meet the statutory timescales could result in legal challenge and reputational damage to the Council.",
]


@pytest.mark.parametrize("sentence", NOT_FINDINGS)
def test_not_a_finding_in_prose(sentence):
    assert prose(sentence) == []


@pytest.mark.parametrize("sentence", NOT_FINDINGS)
def test_not_a_finding_as_a_bullet(sentence):
    assert bullet(sentence) == []


@pytest.mark.parametrize("sentence, polarity", [
    # the same shapes said by officers, the report or an inspectorate are findings
    ("The Committee was informed that the quality of plans had improved significantly.", "strength"),
    ("Members heard that staff turnover in the assessment teams was too high.", "development"),
    ("The Head of Service reported that caseloads had reduced and were now manageable in all teams.", "strength"),
    ("The peer review team found that partnership working was a real strength.", "strength"),
    ("The monitoring visit found that leaders had made good progress in improving practice.", "strength"),
    # a rate of timeliness is performance, not demand ("safeguarding enquiries concluded within timescale")
    ("The proportion of safeguarding enquiries concluded within timescale had fallen to 62% and was below the "
     "regional average.", "development"),
    # the value compared with a percentage target is the percentage, not the timescale before it
    ("52% of new plans were issued within 20 weeks in the year to September, up from 21% a year earlier, a "
     "substantial improvement.", "strength"),
    # an officer or inspectors after a fronted phrase still report
    ("In relation to caseloads, the Head of Service reported that they had reduced and were now manageable.", "strength"),
    ("Overall, inspectors found that the quality of practice was good.", "strength"),
    # service users' views gathered by the service, or measured, stay findings
    ("Parents told the service that communication from caseworkers had improved.", "strength"),
    ("Service users who said that they felt safe were 71%, compared with 69% nationally.", "strength"),
    # a framework put in place is no description of an inspection framework
    ("A new quality assurance framework was put in place in the summer and audits have shown that plans are more "
     "specific.", "strength"),
])
def test_still_a_finding(sentence, polarity):
    assert [p for p, _ in prose(sentence)] == [polarity]
    assert [p for p, _ in bullet(sentence)] == [polarity]


def test_members_asked_to_reflect_on_findings_is_not_a_members_view():
    # "The Committee is asked to ..." is the report's request: what the inspection found stays a finding
    found = prose("The Committee is asked to reflect on the finding of the Ofsted inspection that the oversight of "
                  "children's plans by managers was not consistently effective.")
    assert [p for p, _ in found] == ["development"]


@pytest.mark.parametrize("intro", ["Comments from the Committee:", "Members' feedback:", "Councillors' observations:"])
def test_a_list_of_members_remarks_holds_no_findings(intro):
    text = intro + "\n\n• Caseloads remained too high in some teams.\n• More needed to be done to hear the voice of children."
    assert findings_under(HEAD, text + "\n\nRESOLVED: That the report be noted.") == []


@pytest.mark.parametrize("sentence", [
    # a clause that ends in a past passive is no decision ("be received"), and a negated "set out how" no summary
    "The audit of school procurement received limited assurance because purchase orders were frequently raised after "
    "invoices had been received.",
    # an auditor's verdict about financial arrangements is a finding, though it names the budget
    "The auditor had identified a significant weakness in the council's arrangements for financial planning, as the "
    "medium-term financial strategy did not set out how the forecast budget gap would be closed.",
])
def test_audit_verdicts_stay_findings(sentence):
    head = ("Caldervale Council\n\nAudit and Governance Committee\n\nMinutes of the meeting held on 3 March 2026\n\n"
            "88 Internal Audit Progress Report\n\nMinutes:\n\n")
    found = findings_under(head, sentence + "\n\nDecision:\n\nThat the report be noted.")
    assert [p for p, _ in found] == ["development"]
