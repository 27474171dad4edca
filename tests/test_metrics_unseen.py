"""Metrics and dates on shapes of councils the rules were not tuned on (issue 10): table cells read by
their column heading or row label, the ends of a change in a count, percentage points, `c.250`,
long counted noun phrases, gapped counts, caseloads held by officers. Sentences written for the tests."""
import pytest

from test_metrics import readings
from minutes_extract.extensions import payloads


def counts(nlp, text):
    return [value for kind, value, _ in readings(nlp, text) if kind == "count"]


def test_table_cells_under_a_counting_column_heading(nlp):
    text = ("Month | Families in hostels | of which with children | Average weekly cost\n"
            "April 2026 | 140 | 62 | £410\n")
    assert counts(nlp, text) == [140, 62]


def test_table_cells_read_by_the_row_label_under_period_headings(nlp):
    text = ("Measure | Q3 | Q4 | Target\n"
            "Complaints received per month | 61 | 58 | 50\n"
            "Average days to process claims | 21 | 19 | 18\n")
    assert counts(nlp, text) == [61, 58, 50]  # days are durations, an average no count


def test_table_corner_heading_counts_the_rows(nlp):
    text = ("Number of referrals | 2023 | 2024\n"
            "Rate per 10,000 | 480 | 510\n"
            "Early Help | 1,210 | 1,305\n")
    assert counts(nlp, text) == [1210, 1305]  # the rate row counts nothing


def test_no_table_without_a_heading_row(nlp):
    assert counts(nlp, "Fostering | 212 | 40%\n") == []


def test_ends_of_a_change_in_a_count(nlp):
    assert counts(nlp, "The list of outstanding adaptations had fallen from 310 to 244 since the spring.") == [310, 244]
    assert counts(nlp, "Open grievances went down from 23 in May to 14 in August.") == [23, 14]


def test_change_in_an_average_or_a_rate_is_no_count(nlp):
    assert counts(nlp, "The average wait fell from 45 to 38.") == []
    assert counts(nlp, "Attendance rose from 88 to 91 over the term.") == []


def test_percentage_points_are_percentages(nlp):
    found = readings(nlp, "Participation rose 3.5 percentage points, to 61%, and was up 0.8pp on the region.")
    assert found == [("percentage", 3.5, None), ("percentage", 61, None), ("percentage", 0.8, None)]


def test_circa_written_c_dot(nlp):
    assert counts(nlp, "The depot serves c.180 vehicles and ca.40 trailers.") == [180, 40]


def test_counted_noun_phrase_longer_than_four_words(nlp):
    assert counts(nlp, "The county had 874 registered street trading and pedlar permits.") == [874]


def test_count_gapped_after_a_counted_noun(nlp):
    assert counts(nlp, "11 permits were granted and 4 refused.") == [11, 4]


def test_gapped_number_with_its_own_noun_is_counted_once(nlp):
    assert counts(nlp, "11 permits were granted and 4 refused applications went to appeal.") == [11, 4]


def test_caseloads_held_or_overseen_by_officers(nlp):
    found = readings(nlp, "Family support workers held 12 families each. The reviewing officers each oversee about 70 children.")
    assert [(kind, value) for kind, value, _ in found] == [("caseload", 12), ("caseload", 70)]


def test_a_further_number_opening_a_sentence(nlp):
    assert counts(nlp, "Six apprentices joined in the autumn. A further 5 are due to start later.")[-1] == 5


def test_quarter_labels_start_no_label_list(nlp):
    assert counts(nlp, "There were 402 contacts in Q1, 388 in Q2 and 415 in Q3.") == [402, 388, 415]
    assert counts(nlp, "See paragraphs 4, 5 and 6 of the report.") == []


@pytest.mark.parametrize("text", [
    "Call the duty team on 01632 960 555 between 9am and 5pm.",
    "The site lies in ward E05009876 and the application is 24/00781/OUT.",
    "The rate was 402 per 100,000 and audits happen twice a year.",
])
def test_never_metrics(nlp, text):
    assert readings(nlp, text) == []


def _dates(nlp, text):
    doc = nlp(text)
    return [payloads(s, "dates")[0].get("value") for s in doc.spans.get("dates", [])]


def test_up_from_a_past_month_takes_the_year_before_a_later_meeting(nlp):
    text = ("Minutes of the meeting held on 20 February 2026\n\n"
            "The register stood at 2,140, up from 1,980 at the end of July.")
    assert "2025-07" in _dates(nlp, text)


def test_end_month_without_of(nlp):
    text = ("Minutes of the meeting held on 12 November 2025\n\n"
            "The plan will be finalised by end March and reviewed at end-June.")
    found = _dates(nlp, text)
    assert "2026-03" in found and "2026-06" in found


def test_pound_thousands_heading_is_no_amount_and_scales_its_column(nlp):
    text = ("Directorate | Budget £000 | Forecast £000 | Variance £000\n"
            "Highways | 2,310 | 2,455 | 145\n"
            "Parks | 960 | 912 | (48)\n")
    found = [(kind, value) for kind, value, _ in readings(nlp, text)]
    assert found == [("money", 2310000), ("money", 2455000), ("money", 145000),
                     ("money", 960000), ("money", 912000), ("money", -48000)]


def test_collapsed_space_table_matches_figures_to_heading_units(nlp):
    text = ("Fund Opening £m Closing £m\n"
            "General Fund 12.4 11.9\n")
    assert [(kind, value) for kind, value, _ in readings(nlp, text)] == [("money", 12400000), ("money", 11900000)]


def test_emergency_service_numbers_are_no_counts(nlp):
    assert counts(nlp, "Calls to 101 and 999 calls rose, and NHS 111 services were busy.") == []


def test_counted_subject_before_a_copula(nlp):
    assert counts(nlp, "Hospital admissions were 4,210 in the year.") == [4210]
    assert counts(nlp, "Incidents recorded per 1,000 homes were 28.") == []  # a rate
    assert counts(nlp, "The average score was 31.") == []


def test_change_by_then_to(nlp):
    assert counts(nlp, "Library members were up by over 300 to 5,120 this year.") == [300, 5120]


def test_list_of_counts_sharing_the_last_noun(nlp):
    assert counts(nlp, "The trust runs 12 primary, 4 secondary and 1 special academy schools.")[:2] == [12, 4]


def test_row_label_of_a_share_counts_nothing(nlp):
    text = ("Measure | 2024 | 2025\n"
            "Pupils meeting the expected standard | 58 | 60\n"
            "Fly-tipping reports | 1,102 | 987\n")
    assert counts(nlp, text) == [1102, 987]


def test_copula_after_a_pronoun_or_an_age_is_no_count(nlp):
    assert counts(nlp, "Care leavers get support until they are 25.") == []
    assert counts(nlp, "Most of the young people were 16.") == []


def test_close_ends_after_by_are_a_range(nlp):
    found = readings(nlp, "The changes could raise costs by about 10 to 11 percent.")
    assert found == [("percentage", (10, 11), None)]
