"""Date and metric value forms of councils the rules were not tuned on (issue 10, third round): sample
sizes `(n=45)`, shares after a count, signed changes in a table, tables laid out in spaces whose column
headings sit over an empty corner, FTE columns, rates per 10,000 in a table, abbreviated months standing
alone (`late Feb`, `Apr-Jun`), dotted dates with one-digit parts (`1.4.24`), ranges of year-less days,
a month reached by `until`, and the meeting's date on a line with a venue. Sentences written for the tests."""
import pytest

from minutes_extract.extract import extract_text
from minutes_extract.normalise import normalise
from test_dates import date_values
from test_metrics import readings


def counts(nlp, text):
    return [value for kind, value, _ in readings(nlp, text) if kind == "count"]


# --- counts without a noun of their own ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("A survey of tenants (n=318) was carried out in the autumn.", [318.0]),
    ("The feedback panel (N = 27) met twice.", [27.0]),
    ("The audit found that 14 said they had not been contacted.", [14.0]),
    ("We reviewed 40 files, and 6,050 (42.6%) had a plan in place.", [40.0, 6050.0]),
    ("There are 31 libraries in the county, 4 fewer than in 2019.", [31.0, 4.0]),
    ("Eleven apprentices qualified this year, compared with seven the year before.", [11.0, 7.0]),
    ("There had been 19 such households at the start of the year.", [19.0]),
    ("Reported burglaries fell to 1,140 over the year.", [1140.0]),
])
def test_a_number_counts_what_its_clause_counts(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The average wait fell to 38 over the year.",
    "The panel heard that 1 in 5 residents used the service.",
])
def test_no_count_for_averages_and_ratios(nlp, text):
    assert counts(nlp, text) == []


def test_a_signed_change_keeps_its_sign(nlp):
    text = "Offence | 2023 | 2024 | Change\nArson offences | 120 | 102 | -15%\nCriminal damage offences | 510 | 546 | +7%"
    assert [v for k, v, _ in readings(nlp, text) if k == "percentage"] == [-15.0, 7.0]


# --- tables laid out in spaces ----------------------------------------------------------------------

def _table_metrics(nlp, table: str):
    record = extract_text(table, "table.txt", nlp)
    groups = [record.unassigned.metrics] + [item.metrics for item in record.items]
    return [(m.kind, m.value) for group in groups for m in group]


def test_headings_over_an_empty_corner_become_a_row(nlp):
    table = ("Intro line.\n\n"
             "                               Primary     Secondary     Special\n"
             "Pupils on roll                   9,120         8,004         356\n"
             "Permanent exclusions                 2            17           1\n")
    text = normalise(table).text
    assert text.splitlines()[2].lstrip().startswith("|")
    found = _table_metrics(nlp, table)
    assert ("count", 9120.0) in found and ("count", 356.0) in found and ("count", 17.0) in found


def test_an_fte_column_counts_fractional_posts(nlp):
    table = ("Intro line.\n\n"
             "                       Headcount     FTE      Vacancies\n"
             "Highways                     212     198.5           9\n"
             "Waste services               305     291.0          14\n")
    found = _table_metrics(nlp, table)
    assert ("count", 198.5) in found and ("count", 212.0) in found and ("count", 14.0) in found


def test_a_rate_per_ten_thousand_row_counts_nothing(nlp):
    text = ("Measure | 2023 | 2024\nHospital admissions | 2,210 | 2,305\n"
            "Admissions per 10,000 residents | 612 | 640")
    assert counts(nlp, text) == [2210.0, 2305.0]


# --- dates ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, meeting, expected", [
    ("Two new officers had started in late Feb.", "2025-03-11", ["2025-02"]),
    ("The return is due in mid-Oct.", "2025-07-08", ["2025-10"]),
    ("Figures for Apr-Jun and Jul-Sep are shown below.", "2024-11-20", ["2024-04", "2024-06", "2024-07", "2024-09"]),
    ("The survey ran from 1.4.24 to 31.8.24, and a visit took place on 3.10.24.", None,
     ["2024-04-01", "2024-08-31", "2024-10-03"]),
    ("In February the waiting list had peaked at 600.", "2024-11-20", ["2024-02"]),
    ("Cases were heard between 1st April and 31st October.", "2024-12-04", ["2024-04-01", "2024-10-31"]),
    ("A shelter would open in early December with 20 beds, running until late March.", "2024-09-12",
     ["2024-12", "2025-03"]),
    ("The project had slipped from September to February.", "2025-01-15", ["2024-09", "2025-02"]),
])
def test_year_less_and_dotted_forms(nlp, text, meeting, expected):
    assert date_values(nlp, text, meeting) == expected


@pytest.mark.parametrize("text", [
    "Paragraph 3.10.24 sets out the options.",
    "See section 2.4.15 of the report.",
])
def test_paragraph_numbers_are_no_dates(nlp, text):
    assert date_values(nlp, text, "2025-01-01") == []


@pytest.mark.parametrize("header", [
    "Notes of the meeting held on Thursday 12 September 2024, Committee Room 2, Kelsham Civic Centre",
    "Minutes of the Licensing Board\nTuesday 12 September 2024, 2.00pm, Council Chamber",
])
def test_the_meeting_date_on_a_line_with_its_venue(nlp, header):
    record = extract_text(header + "\n\n1. Apologies\n\nNone were received.\n", "m.txt", nlp)
    assert record.meeting.date == "2024-09-12"


def test_rows_of_kinds_under_a_type_corner_are_counts(nlp):
    text = "Offence type | 2023 | 2024\nCriminal damage | 610 | 588\nShoplifting | 402 | 455"
    assert counts(nlp, text) == [610.0, 588.0, 402.0, 455.0]


@pytest.mark.parametrize("text, expected", [
    ("Households with children: 214 (down 8%).", [214.0]),
    ("Number of complaints: 37", [37.0]),
    ("Average wait in days: 12", []),
    ("Ward: 14", []),
    ("Satisfied (61%, n=410) or very satisfied.", [410.0]),
    ("Forty children were adopted, up from thirty-one.", [40.0, 31.0]),
])
def test_labelled_and_sample_counts(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The policy at 4.2.12 was discussed.",
    "From mid-Jan to end-Feb the team was busy.",
])
def test_dotted_paragraphs_and_abbreviated_months(nlp, text):
    found = date_values(nlp, text, "2025-03-11")
    assert found == ([] if "4.2.12" in text else ["2025-01", "2025-02"])


@pytest.mark.parametrize("text, expected", [
    ("Band D properties rose by 1.1%, 280 more than in the previous year.", [280.0]),
    ("The young people were 16 and 17, and offences numbered 19.", [19.0]),
    ("Satisfaction was 71%, 5 more than the target of 66.", []),
])
def test_comparative_and_numbered_counts(nlp, text, expected):
    assert counts(nlp, text) == expected


def test_a_length_of_time_in_a_row_label_is_no_unit(nlp):
    text = "Measure | Q1 | Q2\nFamilies in B&B over six weeks | 14 | 9\nAverage days in B&B | 38 | 41"
    assert counts(nlp, text) == [14.0, 9.0]


@pytest.mark.parametrize("text, expected", [
    ("Sickness absence averaged 3.4 shifts per employee.", []),
    ("The service has 14.5 FTE posts and a tax base of 5,120.4 Band D equivalents.", [14.5, 5120.4]),
    ("The officer said that 5 aged 16-17 were in supported lodgings.", [5.0]),
    ("Cases were being reviewed, with 41 settled by the end of the month.", [41.0]),
])
def test_fractional_and_clause_counts(nlp, text, expected):
    assert counts(nlp, text) == expected


def test_money_table_with_a_unit_row_over_an_empty_corner(nlp):
    table = ("Intro line.\n\n"
             "Budget area          Budget      Forecast    Variance\n"
             "                      £000          £000        £000\n"
             "Fleet                  2,140         2,265         125\n"
             "Estates                3,300         3,120        (180)\n")
    found = _table_metrics(nlp, table)
    assert ("money", 2140000.0) in found and ("money", -180000.0) in found
    assert not any(kind == "count" for kind, _ in found)


def test_a_month_after_for(nlp):
    assert date_values(nlp, "Payments for November were approved.", "2025-12-16") == ["2025-11"]
