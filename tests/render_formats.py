"""Render a plain-text council document as HTML, DOCX and PDF, the way councils publish them.

Used by tests/test_format_equivalence.py and eval/formats.py: the same document in four formats
should give the same extractions. Every function is pure (text in, bytes out; no files).

The text is first split into its logical paragraphs with the project's normaliser (a hard-wrapped
text file such as seed 004 has one paragraph over several lines; a bullet glyph may sit alone on its
line), so each format receives whole paragraphs and has to recover them its own way:
  * HTML: ModernGov-like markup: site chrome outside <div id="modgov">, headings as <h2>, paragraphs
    as <p class="MsoNormal"> inside <div class="mgWordPara">, bullets as <ul><li>, a title copied
    with its document link ("Title pdf icon PDF 65 KB") as a link holding the icon and file size;
  * DOCX: python-docx, headings in "Heading 2", bullets in the "List Bullet" style (Word's own
    numbering, no glyph in the text), a footer that extraction must leave out;
  * PDF: reportlab, A4, Helvetica 11 pt wrapped to the text width (hard line breaks inside
    paragraphs, as in a real PDF), hanging bullets, and "Page N of M" in the footer of every page
    (page furniture the PDF reader must remove).
"""
from __future__ import annotations

import functools
import html
import io
import re
from collections import Counter
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from minutes_extract.normalise import BULLET, normalise

HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 90
_SENTENCE_END = tuple(".;,?!")


@dataclass(frozen=True)
class Para:
    kind: str  # "heading" | "para" | "bullet"
    text: str  # without the bullet glyph


def paragraphs(text: str) -> list[Para]:
    """The document's logical paragraphs, each classed as heading, paragraph or bullet."""
    out = []
    for line in normalise(text).text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith(BULLET):
            out.append(Para("bullet", line[len(BULLET):].strip()))
        elif _heading_like(line):
            out.append(Para("heading", line))
        else:
            out.append(Para("para", line))
    return out


def _heading_like(line: str) -> bool:
    """A short line without sentence punctuation ("Minutes:", "3. Details", "Agenda item"), not
    a list's introduction ("Inspectors found that:")."""
    words = line.split()
    if line.endswith(":") and len(words) > 3:
        return False
    return (len(line) <= HEADING_MAX_CHARS and len(words) <= HEADING_MAX_WORDS
            and not line.endswith(_SENTENCE_END) and (line[0].isupper() or line[0].isdigit()))


def _runs(paras: list[Para]):
    """Consecutive bullets grouped: yields ("bullets", [texts]) or (kind, text)."""
    group: list[str] = []
    for para in paras:
        if para.kind == "bullet":
            group.append(para.text)
            continue
        if group:
            yield "bullets", group
            group = []
        yield para.kind, para.text
    if group:
        yield "bullets", group


# --- HTML ---------------------------------------------------------------------------------------

_HTML_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/SiteSpecific/ssMgStyles.css"><script>var mgPage = 1;</script></head>
<body>
<header class="site-header"><a href="/">Council home</a><nav><ul><li><a href="/news">News</a></li>
<li><a href="/contact">Contact us</a></li></ul></nav></header>
<div id="mgBreadCrumbs"><a href="/mgListCommittees.aspx">Committees</a> &gt; Meeting</div>
<div id="modgov"><div class="mgContent">
"""
_HTML_TAIL = """</div>
<div class="mgLinks"><ul><li><a href="mgIssueHistoryHome.aspx?IId=1">Issue history</a></li></ul></div>
</div>
<footer class="site-footer"><p>Copyright Council. Accessibility statement.</p></footer>
</body></html>
"""


def to_html(text: str) -> bytes:
    paras = paragraphs(text)
    title = paras[0].text if paras else "Document"
    out = [_HTML_HEAD.format(title=html.escape(title))]
    for kind, body in _runs(paras):
        if kind == "bullets":
            items = "".join(f"<li>{html.escape(t)}</li>" for t in body)
            out.append(f'<div class="mgWordPara"><ul class="mgBulletList">{items}</ul></div>\n')
        elif kind == "heading":
            out.append(f'<h2 class="mgSubTitleTxt">{html.escape(body)}</h2>\n')
        elif _DOC_LINK.search(body):
            out.append(_linked_title(body))
        else:
            out.append(f'<div class="mgWordPara"><p class="MsoNormal">{html.escape(body)}</p></div>\n')
    out.append(_HTML_TAIL)
    return "".join(out).encode("utf-8")


# A browser copy of a document link: "Title pdf icon PDF 65 KB" (the icon's alt text, the size).
_DOC_LINK = re.compile(r"\s*(?:pdf icon\s*)?\b(PDF|DOCX?)\s+(\d[\d.,]*\s*[KM]B)\b\s*")


def _linked_title(body: str) -> str:
    """ModernGov's agenda item title: a link to the report, its file icon and size inside it."""
    match = _DOC_LINK.search(body)
    title, rest = body[:match.start()], body[match.end():]
    link = (f'<a class="mgAiTitleLnk" href="documents/s1000/report.pdf">{html.escape(title)} '
            f'<img src="mgFileTypeIconPDF.png" alt="pdf icon"> '
            f'<span class="mgFileSizeTxt">{match.group(1)} {match.group(2)}</span></a>')
    return f'<p class="mgAiTitleTxt">{link}{" " + html.escape(rest) if rest else ""}</p>\n'


# --- DOCX ---------------------------------------------------------------------------------------

def to_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for para in paragraphs(text):
        if para.kind == "bullet":
            document.add_paragraph(para.text, style="List Bullet")
        elif para.kind == "heading":
            document.add_heading(para.text, level=2)
        else:
            document.add_paragraph(para.text)
    document.sections[0].footer.paragraphs[0].text = "Printed minutes - page footer"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- PDF ----------------------------------------------------------------------------------------

def to_pdf(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = _pdf_styles()
    story = []
    paras = paragraphs(text)
    for i, para in enumerate(paras):
        markup = _pdf_markup(para.text)
        if para.kind == "bullet":
            # Word's list spacing: tight between items, a paragraph's space after the last one
            last = i + 1 == len(paras) or paras[i + 1].kind != "bullet"
            story.append(Paragraph(markup, styles["bullet_last" if last else "bullet"], bulletText="\u2022"))
        else:
            story.append(Paragraph(markup, styles[para.kind]))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm,
                                 topMargin=2.5 * cm, bottomMargin=2.5 * cm, title="Minutes")
    document.build(story, canvasmaker=_numbered_canvas_class())
    return buffer.getvalue()


def _pdf_styles() -> dict:
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=8)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=18, bulletIndent=4, spaceAfter=2,
                            bulletFontName="Helvetica")
    return {
        "para": body,
        "heading": ParagraphStyle("heading", parent=body, fontName="Helvetica-Bold", fontSize=12,
                                  leading=15, spaceBefore=6, spaceAfter=6),
        "bullet": bullet,
        "bullet_last": ParagraphStyle("bullet_last", parent=bullet, spaceAfter=body.spaceAfter),
    }


_SPACES = re.compile(r" {2,}")


def _pdf_markup(text: str) -> str:
    """reportlab paragraphs read mini-XML: escape it; runs of spaces would collapse anyway."""
    return xml_escape(_SPACES.sub(" ", text))


@functools.lru_cache(maxsize=1)
def _numbered_canvas_class():
    """Built on first use: reportlab is a test-only dependency, imported only to render a PDF."""
    from reportlab.pdfgen import canvas

    class NumberedCanvas(canvas.Canvas):
        """Draws "Page N of M" in every page's footer once the page count is known."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            from reportlab.lib.units import cm

            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self.setFont("Helvetica", 9)
                self.drawCentredString(self._pagesize[0] / 2, 1.3 * cm, f"Page {self._pageNumber} of {total}")
                super().showPage()
            super().save()

    return NumberedCanvas


# --- plain-text layouts: the same text as other council sites lay it out ---------------------------------

def to_packed(text: str) -> bytes:
    """No blank lines between paragraphs and list items (one paragraph per line, as some sites' text is)."""
    return re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n", text).encode("utf-8")


def to_spaced(text: str) -> bytes:
    """A blank line after every line."""
    return re.sub(r"\n+", "\n\n", text).encode("utf-8")


_HEADING_LIKE = re.compile(r"^[^\n]{4,69}$")


def to_capitals(text: str) -> bytes:
    """Headings in capitals, as many minutes print them: short unstopped lines that stand apart (a blank line or
    the start of the text above them), not bullets and not the wrapped lines of a paragraph."""
    lines = text.split("\n")

    def heading(k: int) -> bool:
        bare = lines[k].strip()
        return (k == 0 or not lines[k - 1].strip()) and bool(_HEADING_LIKE.match(bare)) \
            and not bare.endswith((".", ":", ";", ",")) and len(bare.split()) <= 9 and bare[:1].isalnum()
    return "\n".join(line.upper() if heading(k) else line for k, line in enumerate(lines)).encode("utf-8")


RENDERERS = {"html": to_html, "docx": to_docx, "pdf": to_pdf}
SUFFIXES = {"html": ".html", "docx": ".docx", "pdf": ".pdf"}
LAYOUTS = {"packed": to_packed, "spaced": to_spaced, "capitals": to_capitals}  # eval/formats.py --formats packed,...


# --- comparing extractions ------------------------------------------------------------------------

def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def signature(record) -> dict[str, Counter]:
    """What must not change with the format: item titles and every extraction's value, without
    offsets, pages or rule names. Texts are compared with whitespace normalised."""
    holders = [*record.items, record.unassigned]
    return {
        "items": Counter(_squash(item.title) for item in record.items),
        "resolutions": Counter(_squash(r.text) for h in holders for r in h.resolutions),
        "findings": Counter((f.polarity, _squash(f.text)) for h in holders for f in h.findings),
        "metrics": Counter((m.kind, m.value, m.low, m.high) for h in holders for m in h.metrics),
        "dates": Counter((d.value, d.precision) for h in holders for d in h.dates),
        "judgements": Counter((j.area, j.grade, j.forecast) for h in holders for j in h.judgements),
    }


def differences(expected, actual) -> list[str]:
    """One line per extraction that only one of two records has ("- " missing, "+ " extra)."""
    want, got = signature(expected), signature(actual)
    lines = []
    for field, counts in want.items():
        for value, n in sorted((counts - got[field]).items(), key=repr):
            lines.append(f"{field}: - {value!r}" + (f" x{n}" if n > 1 else ""))
        for value, n in sorted((got[field] - counts).items(), key=repr):
            lines.append(f"{field}: + {value!r}" + (f" x{n}" if n > 1 else ""))
    return lines
