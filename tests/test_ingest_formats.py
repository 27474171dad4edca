"""ingest: every supported format -> Source with faithful text (see src/minutes_extract/ingest.py)."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from minutes_extract.errors import MinutesError
from minutes_extract.ingest import Source, iter_inputs, read_sources, source_from_bytes, sources_from_bytes

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "formats"
SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL_PDFS = sorted([*SHARED.glob("realdocs/kent/*.pdf"), *SHARED.glob("eval/dev-pdf/docs/*.pdf")])


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


# --- text and encodings -------------------------------------------------------------------------

SAMPLE = "The Children’s Services Committee – “Good” outcome, £5,000 for the café."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("cp1252"), "cp1252"),
        (SAMPLE.encode("utf-16"), "utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "utf16-bom"],
)
def test_text_encodings_decode_to_the_same_text(data, encoding):
    source = source_from_bytes("minutes.txt", data)
    assert source.format == "text"
    assert source.text == SAMPLE
    assert source.encoding == encoding
    assert source.warnings == []


def test_latin1_text_reads_accents_and_pound():
    source = source_from_bytes("a.txt", "Café résumé: the budget was £5m.".encode("latin-1"))
    assert source.text == "Café résumé: the budget was £5m."


def test_mojibake_is_repaired_with_a_warning():
    broken = "Childrenâ€™s Services â€“ budget Â£5,000 for the cafÃ©"
    source = source_from_bytes("a.txt", broken.encode("utf-8"))
    assert source.text == "Children’s Services – budget £5,000 for the café"
    assert any("mojibake" in w for w in source.warnings)


def test_line_endings_unified_and_source_metadata():
    data = b"Agenda item\r\n\r\nMinutes:\rRESOLVED that the report be noted.\r\n"
    source = source_from_bytes("a.txt", data)
    assert source.text == "Agenda item\n\nMinutes:\nRESOLVED that the report be noted.\n"
    assert source.size == len(data) and len(source.sha256) == 64
    assert isinstance(source, Source) and source.pages == []


def test_format_comes_from_content_not_extension():
    html = (FIXTURES / "moderngov_agenda_item.html").read_bytes()
    pdf = (FIXTURES / "minutes_3pages.pdf").read_bytes()
    assert source_from_bytes("page.txt", html).format == "html"
    assert source_from_bytes("minutes.txt", pdf).format == "pdf"
    assert source_from_bytes("notes.pdf", b"Plain notes <b>not</b> a page.").format == "text"


# --- HTML ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def meeting_text() -> str:
    return source_from_bytes("meeting.html", (FIXTURES / "moderngov_meeting.html").read_bytes()).text


def test_moderngov_meeting_items_and_sections(meeting_text):
    got = lines(meeting_text)
    assert got[:2] == ["Agenda and minutes",
                       "Children's Services Scrutiny Committee - Tuesday, 7th February 2023 10.00 am"]
    assert "68. Declarations of Interest" in got
    assert "69. Joint Inspection of Dorset Combined Youth Justice Service" in got
    assert "70. Date of next meeting" in got
    assert got.count("Minutes:") == 2 and "Decision:" in got
    assert "There were no declarations of interest." in got


def test_moderngov_lists_tables_and_blank_lines(meeting_text):
    got = lines(meeting_text)
    assert "• The Chair congratulated the Service Manager on the outcome." in got
    assert "1. noted the outcome of the inspection;" in got and "2. thanked the service." in got
    assert "Measure  -  2022  -  2023" in got and "Re-referrals  -  22%  -  18%" in got
    assert "\n\nMinutes:\n\n" in meeting_text  # blocks are separated by blank lines
    assert "The overall rating of the service was Good." in meeting_text


@pytest.mark.parametrize("chrome", [
    "pdf icon", "PDF 220 KB", "PDF 1 MB", "Skip to main content", "cookies", "Accept", "Home",
    "Privacy", "Search", "Calendar", "Attendance details", "Appendix A", "font-family", "cookieConsent",
    "No.  -  Item", "Example County Council",
])
def test_moderngov_chrome_is_dropped(meeting_text, chrome):
    assert chrome not in meeting_text


def test_moderngov_agenda_item_page_in_cp1252():
    source = source_from_bytes("item.html", (FIXTURES / "moderngov_agenda_item.html").read_bytes())
    assert source.encoding == "cp1252"
    assert lines(source.text) == [
        "Agenda item",
        "Children's Services Performance",
        "Meeting: 07/09/2021 - People Overview and Scrutiny Committee (Item 25)",
        "To consider an update on the outcomes of the Ofsted monitoring visit in July 2021.",
        "Decision:",
        "RESOLVED that: the Committee requested a further update covering:",
        "• Additional measures to improve recruitment of social workers",
        "• Outcomes of the Ofsted monitoring visit",
        "Minutes:",
        "The Chief Executive of the Children’s Trust gave an overview.",
        "Caseloads had fallen to an average of 18.",
    ]


def test_generic_html_page_drops_site_chrome():
    page = b"""<html><head><title>Council</title></head><body>
    <header><p>Site banner</p></header><nav><a href="/">Home</a></nav>
    <div class="breadcrumb">You are here</div>
    <h1>Cabinet minutes</h1><p>The Cabinet   met on
    9 January.</p><aside>Related pages</aside><footer>Copyright</footer></body></html>"""
    assert source_from_bytes("p.html", page).text == "Cabinet minutes\n\nThe Cabinet met on 9 January."


# --- DOCX ---------------------------------------------------------------------------------------

def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("Children and Young People Committee", 0)
    document.add_heading("Apologies for absence", 1)
    document.add_paragraph("Apologies were received from Cllr Smith.")
    document.add_paragraph("Declarations of interest", style="List Number")
    document.add_paragraph("Ofsted monitoring visit", style="List Number")
    document.add_paragraph("Inspectors found that:")
    document.add_paragraph("Caseloads were manageable.", style="List Bullet")
    document.add_paragraph("Plans lacked timescales.", style="List Bullet")
    para = document.add_paragraph("RESOLVED that the report be noted")
    para.add_run().add_break()
    para.add_run("and the plan agreed.")
    data = document.add_table(rows=2, cols=3)
    for row, values in zip(data.rows, (["Measure", "2022", "2023"], ["Re-referrals", "22%", "18%"])):
        for cell, value in zip(row.cells, values):
            cell.text = value
    layout = document.add_table(rows=1, cols=2)
    layout.cell(0, 0).text = "5."
    layout.cell(0, 1).text = "Budget monitoring"
    layout.cell(0, 1).add_paragraph("The committee noted the overspend of £1.2m.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_numbering_bullets_tables():
    source = source_from_bytes("minutes.docx", _docx_bytes())
    assert source.format == "docx"
    assert lines(source.text) == [
        "Children and Young People Committee",
        "Apologies for absence",
        "Apologies were received from Cllr Smith.",
        "1. Declarations of interest",
        "2. Ofsted monitoring visit",
        "Inspectors found that:",
        "• Caseloads were manageable.",
        "• Plans lacked timescales.",
        "RESOLVED that the report be noted",
        "and the plan agreed.",
        "Measure  -  2022  -  2023",
        "Re-referrals  -  22%  -  18%",
        "5. Budget monitoring",
        "The committee noted the overspend of £1.2m.",
    ]
    assert "\n\n1. Declarations of interest\n\n" in source.text


# --- PDF ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdf_source() -> Source:
    return source_from_bytes("minutes.pdf", (FIXTURES / "minutes_3pages.pdf").read_bytes())


def test_pdf_pages_offsets(pdf_source):
    assert pdf_source.format == "pdf" and len(pdf_source.pages) == 3
    starts = [pdf_source.text[offset:].split("\n", 1)[0] for offset in pdf_source.pages]
    assert starts == ["EXAMPLE COUNTY COUNCIL",
                      "2. RESOLVED that Cabinet note the inspection findings and the improvement plan be agreed.",
                      "79. Date of next meeting"]


def test_pdf_headers_footers_and_page_numbers_removed(pdf_source):
    got = lines(pdf_source.text)
    assert not any("Example County Council - Cabinet" in line for line in got)
    assert not any(re.fullmatch(r"\d+", line) for line in got)
    assert pdf_source.meta["page_numbers_removed"] == 3


def test_pdf_item_lines_hyphens_bullets_blocks(pdf_source):
    text = pdf_source.text
    for number, title in enumerate(["76. Apologies", "77. Ofsted Inspection of Children's Services",
                                    "78. Revenue Budget Monitoring", "79. Date of next meeting"], start=1):
        assert f"\n{title}\n(Item {number})\n" in text
    assert "multi-agency safeguarding" in text and "improvement plan" in text
    assert "\n• caseloads were manageable;\n• plans lacked timescales." in text
    assert "\n\nNo apologies were received.\n\n" in text


def _raw_pdf_text(path: Path) -> tuple[int, str]:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf), "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


@pytest.mark.parametrize("path", REAL_PDFS, ids=[p.name for p in REAL_PDFS])
def test_real_council_pdfs(path):
    if not SHARED.exists():
        pytest.skip("../shared is absent")
    source = next(iter(read_sources(path)))
    assert isinstance(source, Source) and source.format == "pdf"
    page_count, raw = _raw_pdf_text(path)
    assert len(source.pages) == page_count and source.pages == sorted(source.pages)
    assert len(source.text) > 0.8 * len(raw.replace("\r\n", "\n")) - 2000
    raw_items = re.findall(r"^\s*\(Item \d+[a-z]?\)\s*$", raw, re.M | re.I)
    assert len(re.findall(r"^\(Item \d+[a-z]?\)$", source.text, re.M | re.I)) == len(raw_items)
    assert not re.search(r"\n\n\(Item \d+", source.text)  # "(Item 3)" stays under its title line
    assert "\ufffe" not in source.text and "\r" not in source.text


def test_real_printed_minutes_lose_page_numbers_keep_items():
    path = SHARED / "realdocs/kent/printed-minutes-2025-01-30-cabinet.pdf"
    if not path.exists():
        pytest.skip("../shared is absent")
    source = next(iter(read_sources(path)))
    assert source.meta["page_numbers_removed"] == 17
    assert not any(re.fullmatch(r"\d{1,2}", line) for line in source.text.split("\n"))
    assert "\n84. Apologies\n(Item 1)\n" in source.text
    assert "114 high-quality entries" in source.text


def test_real_item_line_at_the_top_of_a_page_stays_with_its_title():
    path = SHARED / "realdocs/kent/printed-minutes-2025-01-09-county-council.pdf"
    if not path.exists():
        pytest.skip("../shared is absent")
    source = next(iter(read_sources(path)))
    # the title's wrapped line is joined to it (the line above is full), "(Item 2)" stays under it
    assert "284. Declarations of Disclosable Pecuniary Interests or Other Significant " \
           "Interests in items on the agenda\n(Item 2)\n\nMembers who were" in source.text
    assert source.text[source.pages[1]:].startswith("(Item 2)")


if not REAL_PDFS:
    def test_real_council_pdfs_skipped():
        pytest.skip("../shared is absent")


# --- ZIP archives and inputs --------------------------------------------------------------------

def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def test_zip_archive_yields_one_source_per_member(tmp_path):
    archive = tmp_path / "bundle.zip"
    archive.write_bytes(_zip({
        "minutes/cabinet.pdf": (FIXTURES / "minutes_3pages.pdf").read_bytes(),
        "minutes/item.html": (FIXTURES / "moderngov_agenda_item.html").read_bytes(),
        "notes.txt": SAMPLE.encode("cp1252"),
        "report.docx": _docx_bytes(),
        "__MACOSX/._notes.txt": b"\x00\x05\x16\x07junk",
        "empty-dir/": b"",
    }))
    got = list(read_sources(archive))
    assert all(isinstance(s, Source) for s in got)
    assert [(s.path, s.format) for s in got] == [
        (f"{archive}!minutes/cabinet.pdf", "pdf"),
        (f"{archive}!minutes/item.html", "html"),
        (f"{archive}!notes.txt", "text"),
        (f"{archive}!report.docx", "docx"),
    ]
    assert got[2].text == SAMPLE and len(got[0].pages) == 3


def test_source_from_bytes_refuses_archives_but_sources_from_bytes_reads_them():
    data = _zip({"a.txt": b"Minutes of the meeting."})
    with pytest.raises(MinutesError):
        source_from_bytes("a.zip", data)
    assert [s.text for s in sources_from_bytes("a.zip", data)] == ["Minutes of the meeting."]


def test_iter_inputs_sorted_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "b/1.pdf", "a.html", ".DS_Store", "b/._1.pdf"):
        (tmp_path / name).write_bytes(b"x")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_inputs([tmp_path])]
    assert got == ["a.html", "b/1.pdf", "b/2.txt"]
    assert list(iter_inputs([tmp_path / ".DS_Store"])) == [tmp_path / ".DS_Store"]  # named explicitly
