"""News pages and press releases (issue 10, wt-judge2): the headline above the dateline is the page's one item,
never the dateline ('Press release', 'News | date', 'Posted on ...', a date alone). Pages written for these tests."""
from __future__ import annotations

import pytest

from minutes_extract.extract import extract_text

BODY = ("Ofsted has published its report on Larkfield's children's services after an inspection in January 2026. "
        "Inspectors judged the services to be good.\n")


@pytest.mark.parametrize("headline, dateline", [
    ("Larkfield children's services rated good", "Press release"),
    ("Larkfield children's services rated good", "News | 4 March 2026"),
    ("Larkfield children's services rated good", "Media release – 4 March 2026"),
    ("Larkfield children's services rated good", "Posted on 4 March 2026"),
    ("Larkfield children's services rated good", "Last updated: 4 March 2026"),
    ("Larkfield children's services rated good", "4 March 2026"),
    ("Larkfield children's services rated good", "Larkfield Council news, 4 March 2026"),
    ("Ofsted: Larkfield's services for children are good", "Published 4 March 2026"),
])
def test_headline_over_dateline_is_the_title(headline, dateline):
    record = extract_text(f"{headline}\n\n{dateline}\n\n{BODY}")
    assert [item.title for item in record.items] == [headline]


def test_headline_over_subtitle_and_date_field():
    text = "Second monitoring visit letter published\n\nServices for children in Larkfield\n\nDate: 4 March 2026\n\n" + BODY
    assert [item.title for item in extract_text(text).items] == ["Second monitoring visit letter published"]


def test_numbered_rows_of_a_pipe_table_are_not_items():
    text = ("Youth justice inspection outcome\n\nHM Inspectorate of Probation published its report on 2 March 2026. "
            "The service was rated Good.\n\nRatings\n\n1.1 Governance and leadership | Good\n1.2 Staff | Good\n"
            "2. Court disposals | Good\n3. Out-of-court disposals | Outstanding\n")
    assert [item.title for item in extract_text(text).items] == ["Youth justice inspection outcome"]
