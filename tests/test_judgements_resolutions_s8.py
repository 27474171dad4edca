"""Issue 10, session 8 (wt8-judg): own homes listed as "Name - Grade" rows under a colon line, two homes sharing
one row's grade, an inverted conditional ("had the Council been rated ...") as a hypothetical; decisions adopting a
report's recommendations by reference, "RESOLVED: That Cabinet" with no colon over numbered clauses, paragraph
numbers with a letter ("8A.5 RESOLVED"). Sentences written for these tests."""
from __future__ import annotations

import pytest

from written_sentences import decisions, extracted_pairs, graded_pairs, judged_keys

CONTEXT = "The Panel received the Ofsted inspection report.\n\n"
HEAD = "Cabinet\n\n5. Adult Social Care\n\nThe Cabinet Member introduced the report.\n\n"


def test_home_rows_under_a_colon_line_and_a_shared_row():
    text = ("Corporate Parenting Panel\n\n7 Regulated Services Update\n\nMinutes:\n\n"
            "The Head of Service presented the update on Ofsted inspections.\n\n"
            "The Council's own children's homes were inspected as follows:\n\n"
            "- Larch House - Good (inspected June 2024)\n"
            "- Cedar Lodge - Requires Improvement to be Good\n"
            "- Hazel Court and Rowan Cottage - both Outstanding\n")
    assert extracted_pairs(text) == {
        ("Larch House", "good"), ("Cedar Lodge", "requires_improvement"),
        ("Hazel Court", "outstanding"), ("Rowan Cottage", "outstanding")}


def test_inverted_conditional_is_no_judgement(finder):
    text = "The Director said that, had the service been rated Inadequate, a commissioner would have been appointed."
    assert judged_keys(finder, CONTEXT, text) == set()
    assert ("overall", "inadequate") in judged_keys(finder, CONTEXT, text, forecast=True)


def test_past_passive_grade_still_counts(finder):
    text = "Members noted that the service had been rated Good at the inspection in 2021."
    assert graded_pairs(finder, CONTEXT, text) == {("overall", "good")}


@pytest.mark.parametrize("line", [
    "The recommendations in the report were approved.",
    "The recommendations set out in the officer's report were unanimously agreed.",
    "The recommendations were agreed.",
])
def test_recommendations_adopted_by_reference(line):
    assert decisions(HEAD + line + "\n") == [line]


@pytest.mark.parametrize("line", [
    "Members noted that the recommendations in the report were approved by Cabinet in May.",
    "The Chair asked whether the recommendations in the report had been costed.",
])
def test_reported_or_questioned_recommendations_are_no_decision(line):
    assert decisions(HEAD + line + "\n") == []


def test_body_name_without_colon_over_numbered_clauses():
    text = HEAD + ("RESOLVED: That Cabinet\n1. notes the outcome of the assessment; and\n"
                   "2. approves the improvement plan.\n")
    found = decisions(text)
    assert len(found) == 1 and "approves the improvement plan" in found[0]


def test_lettered_paragraph_number_before_resolved():
    text = HEAD + "8A.5 RESOLVED: That the draft strategy be endorsed, subject to minor changes.\n"
    assert decisions(text) == ["the draft strategy be endorsed, subject to minor changes."]
