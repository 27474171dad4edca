"""The inspectorate's stock evaluations, as the five real Ofsted reports showed them (eval/inspection-units).

Every sentence here is written for these tests, in the shape of the phenomenon: the verdict of a sentence is read
from its structure (a comparison with what should happen, a step not taken, "too" before a judging word, a
purpose infinitive, a provision verb with an evaluated object), and an inspection report's recommendations are
findings. Each sentence is read as a numbered paragraph of a short ILACS report written here.
"""
from __future__ import annotations

import pytest

from minutes_extract.extract import extract_text

REPORT_HEAD = """Thornbury Vale Council

Inspection of children's social care services

Inspection dates: 2 June 2025 to 13 June 2025

Lead inspector: Sam Writer, His Majesty's Inspector

Judgement Grade

The impact of leaders on social work practice with children and families
Requires improvement to be good

Overall effectiveness Requires improvement to be good

The experiences and progress of children who need help and protection: requires improvement to be good

"""


def polarities(sentences: list[str], nlp) -> list:
    """The polarity of the finding over each sentence (None: no finding), the sentences as numbered paragraphs."""
    text = REPORT_HEAD + "\n\n".join(f"{n}. {s}" for n, s in enumerate(sentences, 1)) + "\n"
    record = extract_text(text, nlp=nlp)
    assert record.document_kind == "inspection_report"
    found = [f for holder in [*record.items, record.unassigned] for f in holder.findings]
    out = []
    for s in sentences:
        start = text.index(s)
        end = start + len(s)
        hits = [f.polarity for f in found if f.span.start < end and start < f.span.end]
        out.append(hits[0] if hits else None)
    return out


CASES = {
    # a provision verb with an evaluated object is the finding, not an action's aim
    "provides_quality": [
        ("Family support workers undertake high-quality direct work with parents.", "strength"),
        ("The edge of care team provides a consistent and thorough service to families.", "strength"),
        ("The council plans to provide good-quality placements closer to home.", None),
    ],
    # a comparison with what should happen
    "should_comparison": [
        ("Children in care are not seen as often as they should be by their social workers.", "development"),
        ("Some children stay on child in need plans for longer than they need to.", "development"),
        ("Disabled children are visited as regularly as they should be.", "strength"),
    ],
    # a step not taken, not yet taken, still to take, or taken without effect
    "step_not_taken": [
        ("Risk assessments are not completed before children return home.", "development"),
        ("Return interviews are offered routinely, although the findings are not recorded.", "development"),
        ("The new tracking tool is not yet used by all teams.", "development"),
        ("Leaders have still to achieve consistency in the recording of supervision.", "development"),
        ("The actions taken to address delays have not had an impact on the timeliness of adoption.", "development"),
        ("Where concerns are less clear, timely home visits do not take place and cases are closed.", "development"),
    ],
    # "too" before a judging word, whatever the word
    "too_judging": [
        ("Plans are too task-focused and do not say what should change for the child.", "development"),
        ("Supervision records are often too brief to show how decisions were reached.", "development"),
        ("It is too early to judge the impact of the new model.", None),
    ],
    # a purpose infinitive after the verdict states an aim, and a need leaders understand is no shortfall
    "purpose_and_insight": [
        ("However, reviews are too infrequent and do not say what has changed, to facilitate effective planning.",
         "development"),
        ("Leaders understand the need to widen the range of local homes and are ambitious for children.", "strength"),
        ("Leaders need to improve the quality of supervision.", "development"),
    ],
    # timeliness, falling backlogs, regular review, opportunity
    "timeliness_and_measures": [
        ("Some families do not receive help at the earliest opportunity.", "development"),
        ("Young people are helped at the earliest opportunity.", "strength"),
        ("The backlog of assessments is reducing steadily.", "strength"),
        ("Pathway plans are regularly reviewed and updated with young people.", "strength"),
        ("Care leavers have little opportunity to meet their new adviser before they turn 18.", "development"),
        ("Young people enjoy taking part in the youth forum.", "strength"),
    ],
    # broad inspection vocabulary: "overly", manageable caseloads (time spent with children is no spending),
    # repeated changes of worker, what is rarely done, what children do not know
    "broad_vocabulary": [
        ("Some assessments are overly descriptive.", "development"),
        ("Caseloads are manageable, enabling social workers to spend time with children.", "strength"),
        ("Many children have experienced multiple changes of social worker.", "development"),
        ("Children are rarely seen alone.", "development"),
        ("Some young people told inspectors that they do not know who their personal adviser is.", "development"),
    ],
    # neutral facts stay out
    "neutral": [
        ("The inspection team met with leaders, staff and young people.", None),
    ],
}


@pytest.mark.parametrize("phenomenon", sorted(CASES))
def test_inspection_language(phenomenon, nlp):
    sentences = [s for s, _ in CASES[phenomenon]]
    assert polarities(sentences, nlp) == [p for _, p in CASES[phenomenon]]


def test_rarely_is_no_shortfall_of_a_thing_best_avoided(nlp):
    """"rarely" judges only what should happen often (seen, visited): a placement kind rarely used is no shortfall."""
    assert polarities(["Out-of-area placements are rarely used."], nlp) != ["development"]


RECOMMENDATIONS_REPORT = REPORT_HEAD + """Recommendations

1. Improve the quality and timeliness of pathway plans for care leavers.

Summary for children and young people

• Most children get help quickly when they need it.

• Some children have had too many different social workers.
"""


def test_report_recommendations_section_is_read(nlp):
    """In an inspection report the inspectorate's recommendations, and what runs on under that section past an
    unrecognised heading, are read (in minutes a Recommendations section is the report's requests: skipped)."""
    record = extract_text(RECOMMENDATIONS_REPORT, nlp=nlp)
    found = {RECOMMENDATIONS_REPORT[f.span.start:f.span.end].strip("• "): f.polarity
             for holder in [*record.items, record.unassigned] for f in holder.findings}
    assert found.get("Some children have had too many different social workers.") == "development"
    assert found.get("Most children get help quickly when they need it.") == "strength"


def test_minutes_recommendations_stay_skipped(nlp):
    text = """Children and Young People Scrutiny Committee

1. Fostering Service Annual Report

The report set out the performance of the fostering service during the year.

Recommendations

That the Committee notes the good progress made and the areas that need further work.
"""
    record = extract_text(text, nlp=nlp)
    found = [f for holder in [*record.items, record.unassigned] for f in holder.findings]
    assert not [f for f in found if "notes the good progress" in text[f.span.start:f.span.end]]


MINUTES = """Children's Services Scrutiny Committee
Minutes of the meeting held on 14 May 2025

5. Ofsted Focused Visit - Children in Care

The Director of Children's Services introduced the letter following the Ofsted focused visit in March.

Inspectors found that some children in care were not seen as often as they should be by their social workers.

The letter noted that the new tracking tool was not yet used by all teams.

Ofsted reported that plans were too task-focused and did not say what should change for the child.

Inspectors said that leaders had still to achieve consistency in the recording of supervision.

The visit found that family support workers undertake high-quality direct work with parents.

Inspectors found that the backlog of assessments was reducing steadily.

Councillor Green asked whether the plans were too long for families to read.

RESOLVED: That the letter be noted.
"""


def test_minutes_relaying_inspection_language(nlp):
    """The same readings where minutes relay what inspectors found; a member's question stays out."""
    record = extract_text(MINUTES, nlp=nlp)
    found = {MINUTES[f.span.start:f.span.end]: f.polarity for holder in [*record.items, record.unassigned]
             for f in holder.findings}
    assert sorted(found.values()) == ["development"] * 4 + ["strength"] * 2
    assert not [k for k in found if k.startswith("Councillor Green")]
    assert found["Inspectors found that the backlog of assessments was reducing steadily."] == "strength"
