"""minutes_findings recall on unseen councils (issue 10, probes t11-t20): verdicts reported second-hand from
inspectorates and reviews other than an ILACS inspection (auditors, peer teams, commissioners, the Ombudsman, the
housing regulator), list introductions that name their finder at length, tables flattened to text, a reviewer's
view as the subject; with the non-findings beside them (sentences written for these tests)."""
import pytest

from written_sentences import findings_under, polarities_under

SERVICE = "Minutes of the Scrutiny Committee held on 4 May 2026\n\n7. Children in Care Annual Report\n\n"
AUDIT = ("Minutes of the Audit Committee held on 4 May 2026\n\n7. External Auditor's Annual Report\n\n"
         "The Engagement Lead presented the auditor's annual report.\n\n")
REVIEW = ("Minutes of Cabinet held on 4 May 2026\n\n7. Corporate Peer Challenge Feedback\n\n"
          "The Leader introduced the feedback from the LGA corporate peer challenge.\n\n")
INSPECTION = ("Minutes of the Scrutiny Committee held on 4 May 2026\n\n7. Inspection of Youth Justice Services\n\n"
              "The Head of Service presented the HM Inspectorate of Probation report.\n\n")
HOUSING = ("Minutes of the Scrutiny Committee held on 4 May 2026\n\n7. Housing Ombudsman and Regulator\n\n"
           "The Director presented the Ombudsman's annual letter.\n\n")


@pytest.mark.parametrize("head, polarity, sentence", [
    # an auditor as the subject judges arrangements, even where the sentence names money or value for money
    (AUDIT, "strength", "On value for money, the auditors had not identified any significant weaknesses in the "
                        "arrangements for governance."),
    (AUDIT, "development", "However, they had identified a significant weakness in financial sustainability, as the "
                           "Council had used £6m of reserves to balance its budget."),
    # a reviewer's view as the subject, a review's response to a crisis named by its cost
    (REVIEW, "development", "Their view was that the capital programme relied too heavily on borrowing."),
    (REVIEW, "strength", "They said that the council's response to the cost-of-living crisis was a real strength."),
    # weaknesses found in named areas; arrangements not working as intended
    (AUDIT, "development", "The auditor reported that weaknesses had been identified in several key controls."),
    (INSPECTION, "development", "Inspectors noted that joint panels were not yet working as intended."),
    # capacity to improve; no child found at risk; a sign of progress
    (INSPECTION, "strength", "The adviser concluded that leaders had demonstrated the capacity to secure improvement."),
    (INSPECTION, "strength", "The visit had not identified any children who were left at immediate risk of harm."),
    (SERVICE, "strength", "The manager said that more young people now chaired their own reviews, a clear sign of progress."),
    # a count of areas that goes on to name them; an inspectorate's verdict that goes on to what it requires
    (INSPECTION, "development", "The letter identified two areas for priority action, relating to planning and supervision."),
    (INSPECTION, "development", "Inspectors concluded that arrangements lead to inconsistent outcomes, and that the "
                                "partnership must publish an updated strategic plan."),
    # the Ombudsman and the regulator
    (HOUSING, "development", "The Council was upholding complaints at a rate higher than the average for similar authorities."),
    (HOUSING, "development", "The Regulator concluded that the Council was not meeting timescales for repairing damp."),
    (HOUSING, "strength", "In three cases the Ombudsman found that the Council had provided a satisfactory remedy."),
    # measures: a completion rate judged low, a best level recorded, a caseload outside its recommended range
    (SERVICE, "development", "Completion of mandatory training by staff was low, at 55% against a target of 90%."),
    (SERVICE, "strength", "Reviews held within timescales reached 95%, the highest level recorded by the service."),
    (SERVICE, "development", "Caseloads averaged 78 children, above the range of 50 to 70 recommended in the handbook."),
    (SERVICE, "development", "Attainment improved this year, although it remained well below the figure for all pupils."),
    # reviews' verdicts in plain words: best use not made, concerns raised, a service stabilised, no evidence of a
    # good thing, confidence in leaders
    (REVIEW, "development", "The peer team felt the council was not making best use of its performance data."),
    (AUDIT, "development", "The auditors raised concerns about the timeliness of bank reconciliations."),
    (INSPECTION, "strength", "The adviser was of the view that the service had stabilised."),
    (INSPECTION, "development", "Inspectors found no evidence of a shared understanding of risk across partners."),
    (INSPECTION, "strength", "The commissioner said that she had confidence in the leadership team."),
    # standard phrases of auditors' and inspectorates' letters relayed by officers
    (AUDIT, "strength", "The Director of Finance said that the auditor had found that the Council had proper arrangements "
                        "in place for securing economy, efficiency and effectiveness."),
    (INSPECTION, "development", "The Head of Service said that the main criticism in the letter concerned the timeliness of reviews."),
    (INSPECTION, "strength", "The Director noted that inspectors had found no widespread or serious failures."),
    (INSPECTION, "strength", "The monitoring visit found that leaders had taken decisive action to reduce caseloads."),
    # an audit opinion as a table cell
    (AUDIT, "development", "Audit | Opinion | Key issues\nCreditors | Limited | Exception reports were not reviewed.\n"),
])
def test_second_hand_verdicts(head, polarity, sentence):
    assert polarities_under(head, sentence) == [polarity]


@pytest.mark.parametrize("head, text, expected", [
    # a list introduction naming its finder at length sets the list's polarity
    (SERVICE, "Areas for improvement identified by the independent reviewing service over the year included:\n\n"
              "• the timeliness of review minutes;\n\n• the quality of pathway plans.\n",
     ["development", "development"]),
    (SERVICE, "Strengths noted by the panel chair in her annual report to the board included:\n\n"
              "• the thoroughness of assessments;\n\n• the support given by supervising social workers.\n",
     ["strength", "strength"]),
    # a flattened table: short rows are read (not titles), the RAG cell decides, the header row is no finding
    (SERVICE, "Measure | Finding | RAG\nAnnual reviews of carers | 92% on time | Green\n"
              "Training | Take-up remains low | Amber\n\nThe Board noted the summary.\n", ["strength", "development"]),
])
def test_lists_and_tables(head, text, expected):
    assert polarities_under(head, text) == expected


@pytest.mark.parametrize("head, sentence", [
    # a grade compared with a former rating is a judgement
    (INSPECTION, "The service had been rated 'Good', an improvement on the 'Requires improvement' rating of 2022."),
    # recommendations to a minister about governance
    (INSPECTION, "The commissioner recommended that the Secretary of State should:\n\n"
                 "a) lift the statutory direction;\n\nb) issue a revised improvement notice."),
    # a young people's forum's representative speaks for service users
    (SERVICE, "One of the Youth Council representatives said that young people felt their workers changed too often."),
    # a table row of grades names a judgement, not a finding
    (SERVICE, "Measure | Position | Ambition\nOfsted rating | Inadequate (May 2025) | Good by 2027\n"),
    # an officer's breakdown of complaints by subject
    (HOUSING, "The manager replied that four of the upheld complaints had related to repairs and two to lettings."),
])
def test_not_findings(head, sentence):
    assert findings_under(head, sentence) == []
