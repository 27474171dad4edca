"""minutes_dates: calendar references on the seeds and on one-line cases."""
import pytest

from conftest import all_extractions
from minutes_extract.extensions import payloads


def dates_of(record):
    return [d for group, d in all_extractions(record) if group == "dates"]


def values(record, precision=None):
    return {d.value for d in dates_of(record) if precision is None or d.precision == precision}


def run_dates(nlp, text, meeting_date=None):
    doc = nlp.make_doc(text)
    doc._.meeting_date = meeting_date
    return nlp.get_pipe("minutes_dates")(doc)


def date_values(nlp, text, meeting_date=None):
    doc = run_dates(nlp, text, meeting_date)
    return [p["value"] for span in doc.spans["dates"] for p in payloads(span, "dates")]


def test_seed0_ordinal_day_and_months(seed_records):
    found = values(seed_records["000"])
    assert {"2022-01-25", "2021-07", "2021-11"} <= found
    assert "2022-summer" in values(seed_records["000"], "season")
    assert "2021/22" in values(seed_records["000"], "financial_year")


def test_seed1_between_two_dates_gives_both(seed_records):
    found = values(seed_records["001"], "day")
    assert {"2016-02-22", "2016-03-16", "2016-07-13"} <= found


def test_seed1_bare_months_take_the_year_of_the_nearest_date(seed_records):
    assert {"2016-11", "2016-08"} <= values(seed_records["001"], "month")


def test_seed3_month_first_date_and_month_pair(seed_records):
    found = values(seed_records["003"])
    assert {"2022-12-07", "2022-09", "2020-03", "2021-12", "2023-01", "2023-02"} <= found


def test_seed4_one_span_per_pair_of_days(seed_records):
    pair = [d for d in dates_of(seed_records["004"]) if d.text == "29/30th March 2022"]
    assert [d.value for d in pair] == ["2022-03-29", "2022-03-30"]
    assert {"2021-12-14", "2021-12-15", "2022-01-31", "2022-06", "2022-04"} <= values(seed_records["004"])


def test_no_date_from_sections_or_acts(seed_records):
    texts = {d.text for record in seed_records.values() for d in dates_of(record)}
    assert not any("Section" in t or "Act" in t or t in ("20", "1989") for t in texts)
    assert "1989" not in values(seed_records["002"])


@pytest.mark.parametrize("text, expected", [
    ("The visit on 25th January 2022 was noted.", ["2022-01-25"]),
    ("Date of Meeting: December 7th 2022", ["2022-12-07"]),
    ("Letter dated 31/01/2022 and 14/03/22.", ["2022-01-31", "2022-03-14"]),
    ("It took place on 14 and 15 December 2021.", ["2021-12-14", "2021-12-15"]),
    ("Carried out between 22 February and 16 March 2016.", ["2016-02-22", "2016-03-16"]),
    ("The next visit is on 29/30th March 2022.", ["2022-03-29", "2022-03-30"]),
    ("The meeting will take place in January/February 2023.", ["2023-01", "2023-02"]),
    ("Held on Monday, 20th March, 2017 at 10am.", ["2017-03-20"]),
    ("From 26 November to 27th January 2025.", ["2024-11-26", "2025-01-27"]),
    ("In September and October 2022 the service was inspected.", ["2022-09", "2022-10"]),
    ("Data for April 2008 to March 2009.", ["2008-04", "2009-03"]),
    ("A review in summer 2022 and the 2021/22 budget.", ["2022-summer", "2021/22"]),
    ("Under Section 20 of the Children Act 1989.", []),
    ("Cllr May Smith said we may march on; Item 12, Month 3.", []),
])
def test_date_expressions(nlp, text, expected):
    assert date_values(nlp, text) == expected


@pytest.mark.parametrize("text, meeting_date, expected", [
    ("Formal notification was received on 2 June.", "2025-07-03", ["2025-06-02"]),
    ("Formal notification was received on 2 June.", None, ["XXXX-06-02"]),
    ("Provision is set to begin in the middle of February.", "2021-01-05", ["2021-02"]),
    ("Provision is set to begin in the middle of February.", None, []),
    ("The plan is due in August; the visit was in June 2023.", None, ["2023-08", "2023-06"]),
    ("The Budget last February was set.", "2020-01-20", ["2019-02"]),
    ("Audits run w/c 5th February 2024 and again w/c 4th March.", None, ["2024-02-05", "2024-03-04"]),
    ("It moved from 6 December 2023 to 16 January.", None, ["2023-12-06", "XXXX-01-16"]),  # a later month: next year
])
def test_year_less_dates(nlp, text, meeting_date, expected):
    assert date_values(nlp, text, meeting_date) == expected


def test_a_multi_date_span_carries_a_list_of_payloads(nlp):
    doc = run_dates(nlp, "on 14 and 15 December 2021")
    (span,) = doc.spans["dates"]
    assert span.text == "14 and 15 December 2021"
    assert span.label_ == "day_month"
    assert [p["precision"] for p in payloads(span, "dates")] == ["day", "day"]


# ---------------------------------------------------------------- the matching helpers (shared with metrics)

import re  # noqa: E402

from minutes_extract.matching import AnchoredRegex, Anchors, lower_text  # noqa: E402


def test_anchor_kinds_find_their_hits():
    anchors = Anchors({"REGEX": r"\d(?<![\d.]\d)", "MERGED": ["19\\d\\d", "20\\d\\d"],
                       "LITERAL": {"literals": ["£", "@"]}, "WORD": {"words": ["between"]}})
    text = "Between £5 and 3.5 in 1999 and 2022 (a@b) between"
    hits = anchors.on(text)
    assert hits.starts("REGEX") == [text.index("5"), text.index("3."), text.index("1999"), text.index("2022")]
    assert hits.starts("MERGED") == [text.index("1999"), text.index("2022")]
    assert hits.starts("LITERAL") == [text.index("£"), text.index("@")]
    assert hits.starts("WORD") == [0, text.rindex("between")]


def test_a_token_anchor_window_keeps_odd_tokens_only_near_a_hit(nlp):
    window = {"anchor": "two|Two|TWO", "before": 10, "after": 10}
    anchors = Anchors({"NUM": {"tokens": ["zero", "two"], "window": window}})
    text = "zero tWo x two zero ............................... zero"
    # "two" is a hit; "tWo" and the second "zero" lie within its window, the first and last "zero" do not
    assert anchors.on(text, doc=nlp.make_doc(text)).starts("NUM") == [5, 11, 15]
    assert anchors.on(text).starts("NUM") == [5, 11, 15]  # without the Doc: found in the lower-cased text


@pytest.mark.parametrize("lead, optional, texts", [
    (r"\b(?:in|by)\s+", False, ["in May and by June", "within May", "in  June by"]),
    (r"(?:early|mid)[\s-]+", True, ["amid June, mid-June, early  June June", "June"]),
    (r"(?<![\d/])\d{1,2}(?:st|th)?\s+", False, ["1 June 12th June 3/4 June", "June 5"]),
])
def test_an_anchored_regex_finds_what_finditer_finds(lead, optional, texts):
    rule = AnchoredRegex({"anchor": "MONTH", "lead": lead, "lead_optional": optional, "pattern": "(?:June|May)"}, {})
    anchors = Anchors({"MONTH": "June|May"})
    full = re.compile(f"(?:{lead}){'?' if optional else ''}(?:June|May)")
    for text in texts:
        found = [(start, end) for start, end, _, _ in rule.matches(text, anchors.on(text))]
        assert found == [m.span() for m in full.finditer(text)], text


@pytest.mark.parametrize("text, lowered", [
    ("Item 5 AND Six", "item 5 and six"), ("Straße", "straße"), ("İstanbul", ""), ("ſpring", ""), ("5 \u212a", ""),
])
def test_lower_text_keeps_offsets_or_gives_up(text, lowered):
    assert lower_text(text) == lowered


@pytest.mark.parametrize("text, expected", [
    ("It happened amid March 2022.", ["2022-03"]),
    ("Visits on Tuesday 14, 15 and 16 June 2022.", ["2022-06-14", "2022-06-15", "2022-06-16"]),
    ("Signed 3 of september, 2021 and 12.03.2022, then 2022-01-05.", ["2021-09-03", "2022-03-12", "2022-01-05"]),
    ("Planned for mid-spring 2021 and the SUMMER 2022 term.", ["2021-spring", "2022-summer"]),
    ("A review in the 1990s and 2019-2020.", ["1990s", "2019/20"]),
])
def test_date_expressions_found_near_their_anchors(nlp, text, expected):
    assert date_values(nlp, text) == expected


# ---------------------------------------------------------------- year-less mentions: direction and provenance

def date_payloads(nlp, text, meeting_date=None):
    doc = run_dates(nlp, text, meeting_date)
    return [p for span in doc.spans["dates"] for p in payloads(span, "dates")]


@pytest.mark.parametrize("text, meeting_date, expected", [
    # past events before a January meeting: the December before it
    ("In early December there were rumours that the home would close.", "2025-01-09", ["2024-12"]),
    # a plan for the coming year: the next March, although March comes before the July meeting
    ("The plan for the coming year sets out a review of the service in March.", "2025-07-10", ["2026-03"]),
    ("The review will report to the Board in February.", "2024-11-20", ["2025-02"]),
    ("Savings had been made in November through vacancy control.", "2025-02-10", ["2024-11"]),
    # reported speech ("was published") states no direction: the month nearest the meeting
    ("The outcome was embargoed until the report was published at the beginning of August.", "2025-07-03",
     ["2025-08"]),
    ("Members were told that recruitment was paused in June.", "2025-07-03", ["2025-06"]),
    ("The approach was agreed at the Cabinet meeting on 17 October.", "2025-01-23", ["2024-10-17"]),
    ("The strategy will be refreshed by 30 April.", "2024-12-04", ["2025-04-30"]),
])
def test_a_year_less_month_takes_the_year_nearest_the_meeting_in_the_direction_implied(
        nlp, text, meeting_date, expected):
    found = date_payloads(nlp, text, meeting_date)
    assert [p["value"] for p in found] == expected
    assert [p.get("year_from") for p in found] == ["meeting"] * len(expected)


def test_a_dated_mention_says_nothing_of_where_its_year_came_from(nlp):
    (found,) = date_payloads(nlp, "The visit took place on 14 March 2024.", "2024-05-01")
    assert "year_from" not in found


def test_without_a_meeting_date_a_day_takes_a_dated_mention_s_year_from_the_context(nlp):
    text = ("The group met on 25 July 2024 to agree its terms of reference. "
            "The Chair said the next meeting is on Wednesday 18 September at 10am.")
    found = date_payloads(nlp, text)
    assert [p["value"] for p in found] == ["2024-07-25", "2024-09-18"]
    assert found[1]["year_from"] == "context"


@pytest.mark.parametrize("text, meeting_date, expected", [
    ("The annual report is produced by October each year.", "2024-06-01", []),  # no one month
    ("The accounts close on 31 March each year.", "2024-06-01", ["XXXX-03-31"]),  # a day in every year
    ("The accounts close on 31 March each year.", None, ["XXXX-03-31"]),
])
def test_a_recurring_month_is_no_date_and_a_recurring_day_keeps_no_year(nlp, text, meeting_date, expected):
    assert date_values(nlp, text, meeting_date) == expected


@pytest.mark.parametrize("text, expected", [
    ("A visit to the nursery (1 February 22, 11am) has been arranged.", ["2022-02-01"]),
    ("Members will meet the Youth Council on 21 March 23, 6-7pm.", ["2023-03-21"]),
    ("On 3 March 25 children attended the event.", ["XXXX-03-03"]),  # "25" counts children: no year
])
def test_a_two_digit_year_after_a_day_and_month(nlp, text, expected):
    assert date_values(nlp, text) == expected


def test_without_a_meeting_date_the_last_meeting_s_date_stands_in(nlp):
    text = ("1. Minutes of the meeting held on 16 October 2019\n\nThe minutes were agreed.\n\n"
            "2. Results\n\nFinal figures would be published following the national release in late January.\n"
            "The service had reorganised its teams in September.")
    found = date_payloads(nlp, text)
    assert [p["value"] for p in found] == ["2019-10-16", "2020-01", "2019-09"]
    assert [p.get("year_from") for p in found] == [None, "context", "context"]


@pytest.mark.parametrize("text, expected", [
    ("The report gave Quarter 1 (April to June) 2020/21 performance.", ["2020-04", "2020-06"]),
    ("Figures for Quarter 4 (January - March) 2023/24 follow.", ["2024-01", "2024-03"]),  # the financial year's second calendar year
])
def test_months_of_a_financial_year(nlp, text, expected):
    assert date_values(nlp, text) == expected
