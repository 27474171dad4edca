"""Judgements on councils never seen (issue 10, probes t41-t48): dated elliptical grades, the borough or county as
the authority, forecasts `on course to`, adverbs and asides around the copula, a named area's plain grade after a
judgement in its paragraph, the authority's own homes and agencies named beside their description (as receiver,
owner or coordinated names), `The agency` after `NAME, the regional adoption agency,`, `rated the service` after a
provision was graded; distractors: another authority in a relative clause, independent homes, schools, hospital
units, probation delivery units. Sentences written for these tests."""
from __future__ import annotations

import pytest

from written_sentences import GOOD, INAD, OUT, RI, judged_keys


CONTEXT = "Marlow Borough Council\n\nThe Panel received the Ofsted inspection report.\n\n"


def judged(finder, text):
    return judged_keys(finder, CONTEXT, text)


def forecasts(finder, text):
    return judged_keys(finder, CONTEXT, text, forecast=True)


@pytest.mark.parametrize("text, expected", [
    # dated grades elliptical after a judgement, the subject a trust or the place itself
    ("Kindred Futures, the trust that delivers our children's social care, was rated requires improvement to be good "
     "in 2022, and good in 2025.", {("overall", RI), ("overall", GOOD)}),
    ("The borough had been judged inadequate in 2014, good in 2018 and outstanding in 2023.",
     {("overall", INAD), ("overall", GOOD), ("overall", OUT)}),
    # adverbs and discourse asides around the copula
    ("Overall effectiveness was thus judged to be good.", {("overall", GOOD)}),
    ("The overall effectiveness judgement was therefore inadequate.", {("overall", INAD)}),
    ("The fostering service, meanwhile, was judged outstanding.", {("fostering", OUT)}),
    # a named area's plain grade after a judgement in its sentence or paragraph
    ("Children in care were judged good. Care leavers were also good.", {("in_care", GOOD), ("care_leavers", GOOD)}),
    ("Help and protection and children in care were both 'inadequate'. Care leavers' experiences and progress required "
     "improvement.", {("help_and_protection", INAD), ("in_care", INAD), ("care_leavers", RI)}),
    ("Care leavers, leaders' impact and the overall judgement were all 'good'.",
     {("care_leavers", GOOD), ("leaders", GOOD), ("overall", GOOD)}),
    # the authority's own provision named beside its description
    ("Westfield House, one of the borough's two children's homes, received a judgement of Requires Improvement in May.",
     {("Westfield House", RI)}),
    ("The council's Shared Lives scheme, Homeshare Plus, received an overall rating of Good from CQC.",
     {("shared_lives", GOOD)}),
    ("Hazel Court and Birch Lodge, both council-run homes, were judged outstanding.",
     {("Hazel Court", OUT), ("Birch Lodge", OUT)}),
    ("Members asked how the inadequate rating of the council's home care service, Careline Plus, in 2022 had been "
     "addressed.", {("home_care", INAD)}),
    ("The second home, Elm Rise, had an interim inspection in June; its last full rating remains good.", {("Elm Rise", GOOD)}),
    ("We joined Adopt Northern Hills, the regional adoption agency, in 2020. The agency was judged outstanding in 2024.",
     {("Adopt Northern Hills", OUT)}),
    ("Eastbrook Adult Learning, the council's adult and community learning service, was inspected in May and was graded "
     "good by Ofsted.", {("adult_learning", GOOD)}),
    # an area term's own "and" is no subject boundary; improvement required in services for an area
    ("The Trust's help and protection services were judged good.", {("help_and_protection", GOOD)}),
    ("At the inspection it was found that improvement was required in services for care leavers.", {("care_leavers", RI)}),
    # a company or trust named with a lower-case word; an elliptical area with its services
    ("Brighter Futures for Children was judged Good at its most recent inspection.", {("overall", GOOD)}),
    ("In 2023 Ofsted judged services to be good, with care leavers' services outstanding.",
     {("overall", GOOD), ("care_leavers", OUT)}),
    # more verbs and noun phrases of a grade
    ("The council came out as requires improvement at the 2023 inspection.", {("overall", RI)}),
    ("The last ILACS outcome, requires improvement, was published in March.", {("overall", RI)}),
    ("The requires improvement judgement from 2022 still stands.", {("overall", RI)}),
    ("Our fostering service - rated good last year - is recruiting carers.", {("fostering", GOOD)}),
    ("Inspectors rated the council's care leavers service good and its adoption service outstanding.",
     {("care_leavers", GOOD), ("adoption", OUT)}),
    ("Services for children in care were judged to require improvement, as were services for care leavers.",
     {("in_care", RI), ("care_leavers", RI)}),
    ("Members welcomed the judgement of good for adoption and the judgement of outstanding for care leavers.",
     {("adoption", GOOD), ("care_leavers", OUT)}),
])
def test_judgements_of_the_authority(finder, text, expected):
    assert judged(finder, text) == expected


def test_rated_the_service_takes_the_provision_just_graded(finder):
    text = ("The Council's fostering service was inspected in December. It was found that improvement was required, and "
            "the fostering service was rated requires improvement to be good.\n\nThe previous inspection, in 2021, "
            "had rated the service good.")
    assert judged(finder, text) == {("fostering", RI), ("fostering", GOOD)}


def test_rated_the_service_does_not_reach_over_a_heading(finder):
    text = ("The fostering service was last inspected in 2022, when it was graded Good overall.\n\n"
            "7 Youth Justice Service\n\nHM Inspectorate of Probation had rated the service 'Inadequate' in 2023.")
    assert judged(finder, text) == {("fostering", GOOD), ("overall", INAD)}


@pytest.mark.parametrize("text", [
    "The Leader compared this with Ashdown Borough Council, whose services were judged inadequate last year.",
    "The partner in practice, Lowfield Council, whose own children's services are rated outstanding, has helped.",
    "Members discussed the inadequate rating of Greenway Lodge, a privately run children's home, in March.",
    "A member asked about Hillcrest Academy, which had received an inadequate judgement last year.",
    "CQC inspected the A&E department at the County Hospital and rated it inadequate for safety and requires "
    "improvement overall.",
    "The probation delivery unit had been inspected by HMI Probation in June and rated requires improvement.",
    "Under organisational delivery, nothing was graded below good by the report's authors in that section alone.",
    "Members noted the good rating given to St Peter's Primary School.",
    "Islington, Hackney and Camden were all rated outstanding in the same year.",
    "In 2008 the Commission rated the council's adult services as performing well, with a good rating for dignity.",
])
def test_not_the_authority_s_judgements(finder, text):
    assert judged(finder, text) == set()


def test_under_heads_no_list(finder):
    text = "Under organisational delivery, governance and leadership, staff, and partnerships and services were all rated 'Good'."
    assert judged(finder, text) == {("hmip_governance", GOOD), ("hmip_staff", GOOD), ("hmip_partnerships", GOOD)}


def test_on_course_is_a_forecast(finder):
    text = "She said the service was on course to be rated good for out-of-court disposals within a year."
    assert judged(finder, text) == set()
    assert forecasts(finder, text) == {("out_of_court_disposals", GOOD)}


def test_standards_of_a_fronted_hmip_domain(finder):
    text = ("HM Inspectorate of Probation inspected the youth justice service. For court disposals, assessment and "
            "planning were both rated good, while implementation and delivery was outstanding and reviewing required "
            "improvement.")
    assert judged(finder, text) == {("court disposals: assessment", GOOD), ("court disposals: planning", GOOD),
                                    ("court disposals: implementation and delivery", OUT),
                                    ("court disposals: reviewing", RI)}


def test_a_fronted_domain_keeps_forecasts_and_negations(finder):
    text = ("HM Inspectorate of Probation inspected the youth justice service. For out-of-court disposals, assessment "
            "is expected to be good and planning was not rated inadequate.")
    assert judged(finder, text) == set()
    assert forecasts(finder, text) == {("out-of-court disposals: assessment", GOOD)}
