"""HTML (ModernGov agenda-item and meeting pages, or any page) -> text shaped like a browser copy.

Output: one block per heading/paragraph/list item/table row, blank line between blocks; list items
start with "• " (or "1. " in an ordered list); simple table rows join their cells with "  -  ";
layout rows (cells holding paragraphs, like ModernGov's #mgItemTable) give each paragraph its own
block, the item-number cell joined to the title ("4. Pimlico District Heating").
Dropped: script/style/forms/nav, page chrome outside the content root (#modgov, <main>, body),
ModernGov action lists, document-link lists and file-size chrome ("pdf icon PDF 489 KB").

The walk is iterative (lxml.etree.iterwalk + explicit stacks), so depth costs no Python recursion.
libxml2 still refuses documents nested deeper than 2048 levels even with huge_tree; for those the
markup is flattened (tags become line breaks) and parsed again, with a warning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree as etree
import lxml.html

from ..errors import CorruptInput, NoText
from .base import Extracted, join_blocks, render_row
from .text import decode_document

BLOCK_TAGS = frozenset(
    "address article aside blockquote caption center dd details dialog div dl dt fieldset figcaption "
    "figure h1 h2 h3 h4 h5 h6 hr legend li main ol p pre section summary table tbody tfoot thead "
    "ul body html".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template nav form button select option textarea input label iframe svg "
    "math object embed canvas map head title meta link img picture video audio source".split()
)
PAGE_CHROME_TAGS = frozenset({"header", "footer", "aside"})  # skipped only when the root is <body>
# class/id tokens of navigation and site chrome, and ModernGov's link boxes.
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:breadcrumbs?|cookies?|skip-?link|skip|navbar|navigation|site-?header|site-?footer|"
    r"masthead|sidebar|share|social|mgActionList|mgLinks|mgBreadCrumbs?|mgRssLink|mgPrintLink|"
    r"mgLangToggle)(?:$|[\s_-])",
    re.I,
)
_FILE_CHROME = re.compile(
    r"\s*(?:pdf icon\s*)?\(?\b(?:PDF|DOCX?|XLSX?|PPTX?|RTF|ODT|CSV|HTML?|ZIP)\s*,?\s*\d[\d,.]*\s*(?:KB|MB|GB|bytes)\b\)?"
    r"|\s*\bpdf icon\b",
    re.I,
)
_FILE_CHROME_HINTS = ("kb", "mb", "gb", "bytes", "pdf icon")
_SPACES = re.compile(r" {2,}")
_DOC_HREF = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|rtf|odt|csv|zip)(?:$|[?#])|/documents/|mgConvert2PDF", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w:.-]+)", re.I)
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_RAW_OPEN = re.compile(r"<!--|<(script|style|noscript|template)\b", re.I)
_FLATTEN_TAG = re.compile(r"</?([a-zA-Z][\w:-]*)[^<>]{0,4000}>")
_LINE_TAGS = BLOCK_TAGS | {"br", "tr", "td", "th"}
HTML_MAX_DEPTH_ERROR = "Excessive depth"


def extract_html(data: bytes) -> Extracted:
    decoded = decode_document(data, hint=_declared_charset(data))
    root, flattened = _parse(decoded.text)
    blocks = _Renderer().render(_content_root(root))
    text = join_blocks(blocks)
    if not text.strip():
        raise NoText("HTML page has no text content")
    if flattened:
        decoded.warnings.append("HTML nested too deeply for the parser; markup flattened to lines")
    decoded.text = text
    decoded.meta["blocks"] = len(blocks)
    return decoded


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _parse(text: str) -> tuple[etree._Element, bool]:
    """Parse with huge_tree; on libxml2's depth limit, flatten the markup and parse again."""
    root, errors = _parse_once(text)
    if any(HTML_MAX_DEPTH_ERROR in e.message for e in errors):
        root, _ = _parse_once(_flatten_markup(text))
        return root, True
    return root, False


def _parse_once(text: str):
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except etree.ParserError as exc:  # "Document is empty": markup with no elements or text
        raise NoText(f"HTML page has no text content ({exc})") from exc
    except (etree.LxmlError, ValueError) as exc:
        raise CorruptInput(f"cannot parse HTML: {exc}") from exc
    return root, parser.error_log


def _flatten_markup(text: str) -> str:
    """Every block tag becomes <br>, every other tag disappears: depth 1, text and line breaks kept."""
    text = _drop_raw_blocks(text)

    def repl(match: re.Match) -> str:
        return "<br>" if match.group(1).lower() in _LINE_TAGS else ""

    return "<html><body>" + _FLATTEN_TAG.sub(repl, text) + "</body></html>"


def _drop_raw_blocks(text: str) -> str:
    """Remove comments and script/style bodies with plain scans (linear even when never closed)."""
    out, pos = [], 0
    while (match := _RAW_OPEN.search(text, pos)) is not None:
        out.append(text[pos:match.start()])
        closer = re.compile("-->" if match.group(0) == "<!--" else f"</{match.group(1)}", re.I)
        end = closer.search(text, match.end())
        close = text.find(">", end.start()) if end else -1
        pos = close + 1 if close >= 0 else len(text)
    out.append(text[pos:])
    return " ".join(out)


def _content_root(root: etree._Element) -> etree._Element:
    """ModernGov's #modgov div, else <main>, else <body>: everything outside is site chrome."""
    for xpath in ('//*[@id="modgov"]', "//main", '//*[@role="main"]', "//body"):
        found = root.xpath(xpath)
        if found:
            return found[0]
    return root


@dataclass
class _Row:
    in_item_table: bool
    cells: list[tuple[str, list[str]]] = field(default_factory=list)  # (tag, blocks)


class _Renderer:
    """Iterative walk that turns elements into blocks. Stacks replace recursion."""

    def __init__(self) -> None:
        self.frames: list[list[str]] = [[]]  # block lists: the page, then one per open table cell
        self.rows: list[_Row] = []
        self.lists: list[list] = []          # [ordered?, counter] per open <ul>/<ol>
        self.tables: list[bool] = []         # per open <table>: is it ModernGov's item table?
        self.buffer: list[str] = []          # inline text of the block being built
        self.prefix: str | None = None       # "• " or "3. " waiting for the next block's text
        self.pre = 0
        self.body_root = False

    def render(self, root: etree._Element) -> list[str]:
        self.body_root = root.tag == "body"
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            if not isinstance(el.tag, str):  # comments, entities
                if event == "end":
                    self._add(el.tail)
                continue
            if event == "start":
                if self._skipped(el):
                    walker.skip_subtree()
                    el.set("data-mx-skip", "1")
                    continue
                self._start(el)
            else:
                if el.attrib.pop("data-mx-skip", None) is None:
                    self._end(el)
                self._add(el.tail)
        self._flush()
        return self.frames[0]

    def _skipped(self, el: etree._Element) -> bool:
        tag = el.tag.lower()
        if tag in SKIP_TAGS or (self.body_root and tag in PAGE_CHROME_TAGS):
            return True
        if el.get("role") in ("navigation", "banner", "contentinfo", "search"):
            return True
        attrs = f"{el.get('class', '')} {el.get('id', '')}"
        if attrs.strip() and _CHROME_ATTR.search(attrs):
            return True
        return tag == "li" and _is_document_link(el)

    def _start(self, el: etree._Element) -> None:
        tag = el.tag.lower()
        if tag == "br":
            self.buffer.append("\n")
        elif tag == "table":
            self._flush()
            self.tables.append("mgItemTable" in f"{el.get('id', '')} {el.get('class', '')}")
        elif tag == "tr":
            self._flush()
            self.rows.append(_Row(in_item_table=bool(self.tables and self.tables[-1])))
        elif tag in ("td", "th"):
            self._flush()
            self.frames.append([])
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append([tag == "ol", _list_start(el) - 1])
        elif tag == "li":
            self._flush()
            self.prefix = self._bullet()
        elif tag in BLOCK_TAGS:
            self._flush()
        if tag == "pre":
            self.pre += 1
        self._add(el.text)

    def _end(self, el: etree._Element) -> None:
        tag = el.tag.lower()
        if tag == "pre":
            self.pre -= 1
        if tag in ("td", "th") and len(self.frames) > 1:
            self._flush()
            blocks = self.frames.pop()
            if self.rows:
                self.rows[-1].cells.append((tag, blocks))
            else:
                self.frames[-1].extend(blocks)
        elif tag == "tr" and self.rows:
            self._flush()
            self.frames[-1].extend(_render_row(self.rows.pop()))
        elif tag == "table" and self.tables:
            self._flush()
            self.tables.pop()
        elif tag in ("ul", "ol") and self.lists:
            self._flush()
            self.lists.pop()
        elif tag in BLOCK_TAGS or tag == "li":
            self._flush()

    def _bullet(self) -> str:
        if self.lists and self.lists[-1][0]:
            self.lists[-1][1] += 1
            return f"{self.lists[-1][1]}. "
        return "• "

    def _add(self, text: str | None) -> None:
        if text:
            self.buffer.append(text if self.pre else _SPACE.sub(" ", text))

    def _flush(self) -> None:
        """Turn the inline buffer into one block (lines kept where <br> or <pre> broke them)."""
        if not self.buffer:
            return
        raw, self.buffer = "".join(self.buffer), []
        lines = [_clean_line(line) for line in raw.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            return
        block = "\n".join(lines)
        if self.prefix:
            block, self.prefix = self.prefix + block, None
        self.frames[-1].append(block)


def _clean_line(line: str) -> str:
    lower = line.lower()
    if any(hint in lower for hint in _FILE_CHROME_HINTS):  # the regex is slow; most lines have none
        line = _FILE_CHROME.sub("", line)
    return _SPACES.sub(" ", line).strip()


def _list_start(el: etree._Element) -> int:
    try:
        return int(el.get("start", "1"))
    except ValueError:
        return 1


def _is_document_link(li: etree._Element) -> bool:
    """A list item that is only a link to an attached document (ModernGov 'Additional documents')."""
    links = li.findall(".//a")
    if len(links) != 1 or not _DOC_HREF.search(links[0].get("href", "")):
        return False
    outside = "".join(li.itertext()).replace("".join(links[0].itertext()), "")
    return not _FILE_CHROME.sub("", outside).strip(" \t\n\r-–,.()")


def _render_row(row: _Row) -> list[str]:
    if row.in_item_table and row.cells and all(tag == "th" for tag, _ in row.cells):
        return []  # the "No. / Item" header of ModernGov's item table
    return render_row([blocks for _, blocks in row.cells])
