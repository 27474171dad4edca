"""minutes_metrics: normalised numbers on the seeds, one-line cases and the never-a-metric list."""
import pytest

from conftest import all_extractions
from minutes_extract.extensions import payloads


def metrics_of(record):
    return [m for group, m in all_extractions(record) if group == "metrics"]


def find(record, text):
    found = [m for m in metrics_of(record) if m.text == text]
    assert found, f"no metric {text!r} in {[m.text for m in metrics_of(record)]}"
    return found


def run_metrics(nlp, text):
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("minutes_segmenter")(doc)  # sets sentence starts, as in the pipeline
    doc = nlp.get_pipe("minutes_dates")(doc)
    return nlp.get_pipe("minutes_metrics")(doc)


def readings(nlp, text):
    """(kind, value or (low, high), comparator) per metric, durations left out."""
    doc = run_metrics(nlp, text)
    out = []
    for span in doc.spans["metrics"]:
        p = payloads(span, "metrics")[0]
        if p["kind"] == "duration":
            continue
        value = p["value"] if "value" in p else (p["low"], p["high"])
        out.append((p["kind"], value, p.get("comparator")))
    return out


def test_seed3_approximate_thousands(seed_records):
    (cost,) = find(seed_records["003"], "c £51k")
    assert (cost.kind, cost.value, cost.approximate) == ("money", 51000, True)
    assert [m.value for m in metrics_of(seed_records["003"]) if m.kind == "count"] == [2, 2, 4]


def test_seed2_weekly_costs_respectively_with_their_subjects(seed_records):
    (low,) = find(seed_records["002"], "£328")
    (high,) = find(seed_records["002"], "£945")
    assert (low.value, low.per, low.subject) == (328, "week", "in-house foster placements")
    assert (high.value, high.per, high.subject) == (945, "week", "agency placements")


def test_seed2_caseload_and_approximate_count(seed_records):
    (caseload,) = find(seed_records["002"], "16 fostering households")
    assert (caseload.kind, caseload.value) == ("caseload", 16)
    (children,) = find(seed_records["002"], "approximately 1,200 children")
    assert (children.kind, children.value, children.approximate) == ("count", 1200, True)


def test_seed1_caseload_ranges(seed_records):
    caseloads = [(m.low, m.high, m.value, m.per, m.approximate)
                 for m in metrics_of(seed_records["001"]) if m.kind == "caseload"]
    assert caseloads == [(30, 40, None, "social worker", True), (8, 12, None, None, False),
                         (None, None, 40, None, False), (20, 25, None, None, False), (16, 20, None, None, True)]


def test_seed1_percentages(seed_records):
    pcts = [(m.value, m.low, m.high, m.comparator, m.approximate)
            for m in metrics_of(seed_records["001"]) if m.kind == "percentage"]
    assert pcts == [(52, None, None, None, False), (50, None, None, None, False),
                    (None, 40, 50, None, True), (10, None, None, "lt", False)]


def test_seed4_money_percentages_and_comparator(seed_records):
    record = seed_records["004"]
    assert [m.value for m in metrics_of(record) if m.kind == "money"] == [5000, 330000, 5000, 5000]
    assert [m.value for m in metrics_of(record) if m.kind == "percentage"] == [20, 10, 20]
    (more,) = find(record, "more than 10 children")
    assert (more.kind, more.value, more.comparator) == ("count", 10, "gt")
    (inspectors,) = find(record, "two inspectors")
    assert (inspectors.kind, inspectors.value) == ("count", 2)


def test_seeds_never_count_sections_regulations_years_or_one(seed_records):
    for record in seed_records.values():
        for m in metrics_of(record):
            assert not any(word in m.text for word in ("Section", "section", "Regulation", "Act", "One", "one "))
            assert m.value not in (1989, 2016, 2019, 2021, 2022, 2023)


def test_duration_is_extracted_but_kept_apart(seed_records):
    durations = [(m.value, m.unit) for m in metrics_of(seed_records["004"]) if m.kind == "duration"]
    assert (2, "week") in durations and (3, "year") in durations


@pytest.mark.parametrize("text, expected", [
    ("The grant was £5,000.", [("money", 5000, None)]),
    ("The cost is c £51k.", [("money", 51000, None)]),
    ("A budget of £1.2m was agreed.", [("money", 1200000, None)]),
    ("Spend was in excess of £6,000 per week.", [("money", 6000, "gt")]),
    ("Posts cost £50k-£60k.", [("money", (50000, 60000), None)]),
    ("Performance was 52%.", [("percentage", 52, None)]),
    ("Agency levels of around 40-50%.", [("percentage", (40, 50), None)]),
    ("DCC had less than 10%.", [("percentage", 10, "lt")]),
    ("This fell to 12 per cent.", [("percentage", 12, None)]),
    ("There were between 16 and 20 children.", [("count", (16, 20), None)]),
    ("Caseloads should be 16 to 20.", [("caseload", (16, 20), None)]),
    ("Caseloads were 30-40 per social worker.", [("caseload", (30, 40), None)]),
    ("It was undertaken by two inspectors.", [("count", 2, None)]),
    ("Twenty-five children attended.", [("count", 25, None)]),
    ("They identified four areas for improvement.", [("count", 4, None)]),
    ("There were approximately 1,200 children.", [("count", 1200, None)]),
    ("When more than 10 children were at risk.", [("count", 10, "gt")]),
    ("There are 2000+ care leavers.", [("count", 2000, "gt")]),
    ("Children with 3 or more placement moves.", [("count", 3, "ge")]),
    ("The Committee received six recommendations.", [("count", 6, None)]),
    ("11 of the 13 standards were rated Good.", [("count", 11, None), ("count", 13, None)]),
    ("A sibling group of two was placed.", [("count", 2, None)]),
    ("Voting: For 8, Against 3.", [("count", 8, None), ("count", 3, None)]),
    ("The number of bed nights was 629 compared with 227.", [("count", 629, None), ("count", 227, None)]),
    ("For (14) Mr A, Mr B Against (45) Mr C Abstain (0) Mr D", [("count", 14, None), ("count", 45, None)]),
    ("The motion was carried with 32 votes in favour, 12 against.", [("count", 32, None), ("count", 12, None)]),
    ("Agency use fell from 35% to 28.5%.", [("percentage", 35, None), ("percentage", 28.5, None)]),
    ("Costs ranged from £3,000 to £7,500 per week.", [("money", (3000, 7500), None)]),
    ("There are currently 45 looked after children.", [("count", 45, None)]),
    ("In the last 12 months 340 children were referred.", [("count", 340, None)]),
    ("Of these, 67 were placed out of county.", [("count", 67, None)]),
    ("18 out of 20 audits were good.", [("count", 18, None), ("count", 20, None)]),
    ("The Council has 12 beds, 5 homes and 8 KPIs.", [("count", 12, None), ("count", 5, None), ("count", 8, None)]),
    ("It places 58 young people, of whom 21 are placed out of county.", [("count", 58, None), ("count", 21, None)]),
    ("Care leavers rose by an increase of approximately 40 since last year.", [("count", 40, None)]),
    ("Personal advisers were each working with an average of 24 young people, above the aim of 20 to 22.",
     [("caseload", 24, None), ("caseload", (20, 22), None)]),
    ("Caseloads had reached 35 per personal adviser.", [("caseload", 35, None)]),
    ("Members asked whether 68 children per IRO was manageable.", [("caseload", 68, None)]),
    ("By 2027 there will be 150 Year 7 temp places.", [("count", 150, None)]),
    ("Places by 2027:\n\n150 Year 7 temp places\n", [("count", 150, None)]),
    # a count whose noun the sentence has just counted (issue 10)
    ("Nine objections were lodged: six from neighbours and three for the parish council.",
     [("count", 9, None), ("count", 6, None), ("count", 3, None)]),
    ("Four apprentices began in May, with two more due in the autumn.", [("count", 4, None), ("count", 2, None)]),
    ("Ratings were 3 out of 4 for 5 of the 8 domains and 2 out of 4 for the remaining three.",
     [("count", 5, None), ("count", 8, None), ("count", 3, None)]),
    ("The scheme had 8,200 members, up from around 7,000.", [("count", 8200, None), ("count", 7000, None)]),
    ("Of 30 applications, 12 were approved, 4 refused and 2 withdrawn.",
     [("count", 30, None), ("count", 12, None), ("count", 4, None), ("count", 2, None)]),
    ("There are two primary and three secondary schools.", [("count", 2, None), ("count", 3, None)]),
    ("The review was led by 3 social work and 1 health inspector.", [("count", 3, None)]),
])
def test_metric_expressions(nlp, text, expected):
    assert readings(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Guidance covers Section 20, Section 47 and Regulation 24 matters.",
    "See Item 25 and paragraph 3.2 on page 27, Appendix 2.",
    "Under the Children Act 1989 and the Care Act 2014.",
    "Contact 03000 416172 or 020 8583 2540.",
    "Minutes pdf icon PDF 489 KB",
    "Young people aged 16 to 18, 18-25 year olds, the 16+ age category and children under 5s.",
    "Accommodation for young people aged 16 and 17 and care leavers.",
    "One child and one social worker were seen.",
    "The meeting started at 3.30 p.m. and ended at 10:45.",
    "The rate of first time entrants fell to 511 per 100,000.",
    "Reviews take place twice a year and updates are 6 monthly.",
    "The second monitoring visit took place in the 2019 inspection year.",
    "A 5-point difference and Level 3 courses in Key Stage Four.",
    "Three Rivers District Council joined the Working Group 1-6.",
    "One in five children were affected.",
    "Approximately two thirds of care leavers and 1 in 3 children.",
    "In Years 7 to 11, the 11 - 19 Preventions Service and the 18-25 services.",
    "At 18 individuals became adults; support continues until 25.",
    "Pupils in Year 7 and Year 11 did well.",
    "The Panel considered two annual reports presented by the Service Manager.",
    "Min. 27 Apologies for absence and Min. 28 Public Questions",
    "Scores were 2 out of 4 for leadership and 3 out of 4 for safety.",
    "It took 2 years and 3 months; Rooms 1 and 2 were used.",
])
def test_never_a_metric(nlp, text):
    assert readings(nlp, text) == []


def test_duration_kind_and_unit(nlp):
    doc = run_metrics(nlp, "The inspection lasted two weeks; a three-year programme.")
    found = [(p["kind"], p["value"], p["unit"]) for s in doc.spans["metrics"] for p in payloads(s, "metrics")]
    assert found == [("duration", 2, "week"), ("duration", 3, "year")]


# ---------------------------------------------------------------- the fast paths give what the rules say

import re  # noqa: E402

from minutes_extract.components.metrics import _alternation, _lowercase_form  # noqa: E402


@pytest.mark.parametrize("pattern, form", [
    (r"(?i:\bunder\s+|\bbelow\s*)$", r"(?:\bunder\s+|\bbelow\s*)$"),
    (r"^(?i:\s?(?:kb|pages?\b))", r"^(?:\s?(?:kb|pages?\b))"),
    (r"(?i:(?P<NP>\w+)\s+[^£.;]{0,5})$", r"(?:(?P<NP>\w+)\s+[^£.;]{0,5})$"),
    (r"(?i:\bFor\b)$", None),               # a capital: matches other text once lower-cased
    (r"(?i:[A-Z]\d)$", None),
    (r"(?i:a)|(?i:b)$", None),              # the group closes before the end
    (r"\bfor\s*$", None),                   # not case-insensitive: run as written
    (r"(?i:σ)$", None),                     # non-ASCII letters may fold unlike their lower case
])
def test_lowercase_form(pattern, form):
    assert _lowercase_form(pattern) == form


@pytest.mark.parametrize("text", ["section", "sections", "sec", "s", "part", "para", "paragraph", "p", "pp", "x", "se"])
def test_grouped_alternation_matches_as_the_flat_one(text):
    entries = ["section", "sec", "s", "part", "para", "paragraph", "p", "pp"]
    grouped, flat = re.compile(f"{_alternation(entries)}s?"), re.compile(f"(?:{'|'.join(entries)})s?")
    assert bool(grouped.fullmatch(text)) == bool(flat.fullmatch(text))


@pytest.mark.parametrize("text, expected", [
    ("THERE WERE APPROXIMATELY 1,200 CHILDREN.", [("count", 1200, None)]),
    ("SECTION 20 AND PARAGRAPHS 3, 4 AND 5 APPLY.", []),
    ("COSTS WERE MORE THAN £6,000 PER WEEK.", [("money", 6000, "gt")]),
    ("There were zero children and two inspectors.", [("count", 0, None), ("count", 2, None)]),
    ("İstanbul had approximately 1,200 children; Section 20 applied.", [("count", 1200, None)]),  # not lower-cased
    ("Zero hour contracts were noted ...................................................... at length.", []),
])
def test_metric_expressions_in_any_case(nlp, text, expected):
    assert readings(nlp, text) == expected


# ---------------------------------------------------------------- signs, directions and what a tally counts

def money_payloads(nlp, text):
    doc = run_metrics(nlp, text)
    return [(span.text, payloads(span, "metrics")[0]) for span in doc.spans["metrics"]
            if payloads(span, "metrics")[0]["kind"] == "money"]


@pytest.mark.parametrize("text, quoted, value", [
    ("The Director reported a capital underspend of -£111.6m at year end.", "-£111.6m", -111_600_000),
    ("The variance against budget was £-2.5m at the end of the quarter.", "£-2.5m", -2_500_000),
    ("The reserves position stood at minus £4m after the transfer.", "minus £4m", -4_000_000),
    ("The variance moved to –£350k in month 9.", "–£350k", -350_000),
    ("- £5m was allocated to the capital programme.", "£5m", 5_000_000),  # a bullet's dash is no sign
    ("The grant fell by £2m - £1m less than feared.", None, None),  # a dash between amounts is no sign
])
def test_money_keeps_its_sign(nlp, text, quoted, value):
    found = money_payloads(nlp, text)
    if quoted is None:
        assert all(p["value"] > 0 for _, p in found)
        return
    assert [t for t, _ in found] == [quoted]
    assert found[0][1]["value"] == value


def test_a_bracketed_amount_is_negative_on_a_table_row_only(nlp):
    table = "Service Budget Variance\nChildren £12.0m (£1.2m)\nAdults £20.5m £0.8m\n"
    assert [(t, p["value"]) for t, p in money_payloads(nlp, table)] == [
        ("£12.0m", 12_000_000), ("(£1.2m)", -1_200_000), ("£20.5m", 20_500_000), ("£0.8m", 800_000)]
    prose = "The overspend (£1.2m) was due to the cost of agency placements."
    assert [(t, p["value"]) for t, p in money_payloads(nlp, prose)] == [("£1.2m", 1_200_000)]


def test_a_money_span_never_takes_the_full_stop(nlp):
    found = money_payloads(nlp, "The forecast revenue overspend was £30.4m. Members asked why.")
    assert [t for t, _ in found] == ["£30.4m"]


@pytest.mark.parametrize("text, direction", [
    ("The service reported an overspend of £2.1m against its budget.", "overspend"),
    ("There is a £5.4m forecast overspend in placements.", "overspend"),
    ("The directorate had underspent by £300k.", "underspend"),
    ("Savings of £3m were delivered in the year.", "saving"),
    ("This represented an in-year pressure of £15m on the budget.", "pressure"),
    ("A £1.2m in-year pressure remains.", "pressure"),
    ("The weekly cost of a placement is £4,500.", None),
])
def test_money_says_its_direction_where_the_text_does(nlp, text, direction):
    (found,) = money_payloads(nlp, text)
    assert found[1].get("direction") == direction


def test_a_capital_underspend_keeps_both_its_sign_and_its_direction(nlp):
    (found,) = money_payloads(nlp, "The Director reported a capital underspend of -£111.6m at year end.")
    assert (found[1]["value"], found[1]["direction"]) == (-111_600_000, "underspend")


def test_each_vote_tally_is_a_count_of_votes(nlp):
    doc = run_metrics(nlp, "On being put to the vote the motion was carried: For (14), Against (2), Abstentions (1).")
    found = [(span.text, payloads(span, "metrics")[0]) for span in doc.spans["metrics"]]
    assert [(t, p["kind"], p["value"], p.get("subject")) for t, p in found] == [
        ("14", "count", 14, "votes for"), ("2", "count", 2, "votes against"), ("1", "count", 1, "abstentions")]


def test_a_tally_written_after_the_number_counts_votes_too(nlp):
    doc = run_metrics(nlp, "The amendment was put to the vote and fell, with 5 for and 9 against.")
    found = [payloads(span, "metrics")[0] for span in doc.spans["metrics"]]
    assert [(p["value"], p.get("subject")) for p in found] == [(5, "votes for"), (9, "votes against")]


@pytest.mark.parametrize("text, expected", [
    ("Mileage is paid at 40p per mile.", [("money", 0.4, None)]),
    ("The allowance rises to 45 pence per mile next year.", [("money", 0.45, None)]),
    ("Some 6.5% (19/291) of children in care had three or more moves.",
     [("percentage", 6.5, None), ("count", 291, None), ("count", 19, None), ("count", 3, "ge")]),
    ("The Council’s three family hubs opened in the spring.", [("count", 3, None)]),  # no "s. 3" label
    ("Two YP were placed out of area.", [("count", 2, None)]),
    ("There is a waiting list of 340 for assessments.", [("count", 340, None)]),
    ("Nationally 85 inspections were carried out and only 20 were graded good.",
     [("count", 85, None), ("count", 20, None)]),
    ("The figure went up to around 200 during the pandemic.", [("count", 200, None)]),
])
def test_metric_expressions_seen_in_more_minutes(nlp, text, expected):
    assert readings(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The variation in hours from an average of 7.3 per week.",  # a mean, no count
    "Page 5p of the pack shows the chart.",
])
def test_never_a_metric_either(nlp, text):
    assert readings(nlp, text) == []


def test_clear_days_are_a_duration(nlp):
    doc = run_metrics(nlp, "Papers are published 28 clear days ahead, or two clear working days for urgent items.")
    found = [(p["kind"], p["value"], p["unit"]) for s in doc.spans["metrics"] for p in payloads(s, "metrics")]
    assert found == [("duration", 28, "day"), ("duration", 2, "day")]


@pytest.mark.parametrize("text, subject", [
    ("A £1.2m overspend was forecast and savings of £3m were delivered.", "savings"),  # the nearer money word
    ("There is a savings target of £111.2m for the year.", "savings target"),
    ("The cost of a Senior Practitioner, including on costs, is £52k.", "cost of a"),  # an aside: the first subject
    ("The budget for placements was increased and the agency cost was £5m.", "agency cost"),
    # "forecast" after "was" is a verb, no subject
    ("The capital programme spend was forecast to be £315.5 million.", "capital programme spend"),
])
def test_money_subject_is_the_phrase_nearest_the_amount(nlp, text, subject):
    found = money_payloads(nlp, text)
    assert found[-1][1].get("subject") == subject
