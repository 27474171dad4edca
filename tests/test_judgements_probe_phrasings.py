"""Judgements on councils never seen (issue 10, probes t71-t75): a grade after `had (previously) been` with the
judgement noun before it, `judged AREA for children in PLACE to be`, a former grade's relative (`the RI it
received`), the later grade cells of a pipe row, a named home `given a rating of` behind an aside, an area that
`came out at` a grade, `the only standard rated below good, at RI`, the authority's own service named beside its
description and graded in a relative clause; distractors: a private home, another authority being `the only one`
below good, a neighbour's home. Sentences written for these tests."""
from __future__ import annotations

import pytest

from written_sentences import GOOD, INAD, OUT, RI, judged_keys


CONTEXT = "Fenmoor District Council\n\nThe Committee received the Ofsted inspection letter.\n\n"


def judged(finder, text):
    return judged_keys(finder, CONTEXT, text)


@pytest.mark.parametrize("text, expected", [
    ("She reminded members that the rating for adoption had previously been inadequate.", {("adoption", INAD)}),
    ("The last Ofsted rating had been good.", {("overall", GOOD)}),
    ("Inspectors judged care leavers for young people in Fenmoor to be good.", {("care_leavers", GOOD)}),
    ("The service was graded good, a jump from the inadequate it received in 2019.", {("overall", GOOD), ("overall", INAD)}),
    ("Care leavers | Inadequate (2020) | Good (2024).", {("care_leavers", INAD), ("care_leavers", GOOD)}),
    ("Ash Grove, the council's short breaks home, has been given a rating of 'good' this year.", {("Ash Grove", GOOD)}),
    ("Leadership came out as outstanding.", {("leaders", OUT)}),
    ("Children in care was the only area judged lower than good, at requires improvement.", {("in_care", RI)}),
    # the authority's own service named beside its description, then graded in a relative clause
    ("CQC also visited the council's shared lives scheme, Homelink, which was rated outstanding.", {("shared_lives", OUT)}),
])
def test_probe_phrasings(finder, text, expected):
    assert judged(finder, text) == expected


@pytest.mark.parametrize("text", [
    "Oak Lodge, an independent children's home, was given a rating of inadequate in May.",
    "The Chair noted that the Eastfield service was the only one rated below good, at inadequate.",
    "Sefton Council was the only authority in the region rated below good, at inadequate.",
    "Officers visited its neighbour's children's home, Oak View, which had been rated inadequate.",
])
def test_probe_distractors(finder, text):
    assert judged(finder, text) == set()
