"""The same document as text, HTML, DOCX and PDF gives the same extractions.

Each seed fixture is rendered to the other formats (tests/render_formats.py) in tmp_path, read back
through ingest like any input, and its extractions compared with the text's: item titles,
resolution and finding texts (whitespace normalised), metric, date and judgement values.
"""
from __future__ import annotations

import pytest
from conftest import SEEDS

from minutes_extract.extract import extract_path
from render_formats import RENDERERS, SUFFIXES, differences, paragraphs, signature

FORMATS = ["html", "docx"]
try:
    import reportlab  # noqa: F401  (test-only dependency: the dev extra)
    FORMATS.append("pdf")
except ImportError:
    pass


def _extract(path, nlp):
    record = next(extract_path(path, nlp))
    assert not hasattr(record, "error"), f"{path.name}: {record.error.code}: {record.error.message}"
    return record


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_format_gives_same_extractions(seed, fmt, tmp_path, nlp, seed_records):
    if fmt not in FORMATS:
        pytest.skip("reportlab is not installed (pip install -e '.[dev]')")
    path = tmp_path / (seed.stem + SUFFIXES[fmt])
    path.write_bytes(RENDERERS[fmt](seed.read_text(encoding="utf-8")))
    record = _extract(path, nlp)
    assert record.source.format == fmt
    diff = differences(seed_records[seed.name[:3]], record)
    assert not diff, f"{seed.name} as {fmt} differs from the text:\n" + "\n".join(diff)


def test_pdf_has_wrapped_lines_and_page_furniture(tmp_path, nlp):
    """The PDF rendering is a real test of the PDF reader: several pages, paragraphs hard-wrapped,
    'Page N of M' footers that must not reach the text."""
    if "pdf" not in FORMATS:
        pytest.skip("reportlab is not installed")
    from minutes_extract.ingest import read_sources

    seed = SEEDS[1]
    path = tmp_path / "doc.pdf"
    path.write_bytes(RENDERERS["pdf"](seed.read_text(encoding="utf-8")))
    source = next(read_sources(path))
    assert len(source.pages) >= 2
    assert source.meta["page_numbers_removed"] == len(source.pages)
    assert "Page 1 of" not in source.text
    longest = max(len(p.text) for p in paragraphs(seed.read_text(encoding="utf-8")))
    assert max(len(line) for line in source.text.splitlines()) < longest  # lines were wrapped


def test_renderings_keep_bullets_as_list_items():
    text = "Minutes:\n\nThe inspectors found that:\n\n· caseloads were manageable;\n\n- plans lacked timescales.\n"
    assert [p.kind for p in paragraphs(text)] == ["heading", "para", "bullet", "bullet"]
    page = RENDERERS["html"](text).decode("utf-8")
    assert '<ul class="mgBulletList"><li>caseloads were manageable;</li><li>plans lacked timescales.</li></ul>' in page


def test_differences_reports_missing_and_extra(seed_records):
    record = seed_records["000"]
    changed = record.model_copy(deep=True)
    changed.items[0].title = "Another title"
    lines = differences(record, changed)
    assert any(line.startswith("items: - ") for line in lines)
    assert "items: + 'Another title'" in lines
    assert differences(record, record) == []
    assert sum(signature(record)["findings"].values()) > 0


def _pdf_lines(lines: list[tuple[str, str, float]]) -> bytes:
    """A one-page PDF of (font, text, gap above) lines at the left margin, 11 pt on a 14 pt pitch."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    y = 760.0
    for font, text, gap in lines:
        y -= gap
        page.setFont(font, 11)
        page.drawString(72, y, text)
    page.save()
    return buffer.getvalue()


def _full_line(text: str, width: float, room: float) -> str:
    """text padded with words until less than `room` points are left before `width`."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    words = text.split()
    while stringWidth(" ".join(words + ["very"]), "Helvetica", 11) < width:
        words.insert(len(words) // 2, "very")
    assert stringWidth(" ".join(words), "Helvetica", 11) > width - room
    return " ".join(words)


def test_pdf_geometry_joins_wraps_after_full_stops_and_parts_headings():
    """A full line ending a sentence is a wrap (joined); a bold heading set right above its text
    (no wider gap) ends its paragraph."""
    if "pdf" not in FORMATS:
        pytest.skip("reportlab is not installed")
    from minutes_extract.formats.pdf import extract_pdf
    from minutes_extract.normalise import normalise

    width = 440  # the widest line's: the right edge; "(Recruitment" and "Caseloads" need > 40 pt
    first = _full_line("Inspectors found that leaders knew the service well and supported staff.", width, 40)
    second = _full_line("(Recruitment remained an issue.) Most children had a plan.", width, 40)
    text = extract_pdf(_pdf_lines([
        ("Helvetica-Bold", "Practice quality", 0),
        ("Helvetica", first, 14),
        ("Helvetica", second, 14),
        ("Helvetica", "Caseloads were lower.", 14),
        ("Helvetica", "Summary of the visit", 24),
        ("Helvetica", _full_line("Inspectors met leaders and staff over three days.", width, 40), 14),
    ])).text
    lines = [line for line in normalise(text).text.split("\n") if line]
    assert lines[:2] == ["Practice quality", f"{first} {second} Caseloads were lower."]
    assert lines[2] == "Summary of the visit"
