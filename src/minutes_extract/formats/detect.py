"""Which format is this? Decided from content (magic bytes, markup), never from the extension alone.

Returns one of FORMATS; raises EmptyInput, UnsupportedFormat (images, legacy .doc, binary junk),
EncryptedInput (password-protected Office file) or CorruptInput (a zip that cannot be opened).
"""
from __future__ import annotations

import io
import re
import zipfile

from ..errors import CorruptInput, EmptyInput, EncryptedInput, UnsupportedFormat
from .text import bom_encoding, looks_binary, utf16_without_bom

FORMATS = ("text", "html", "pdf", "docx", "zip")

# Formats we recognise only to refuse them with a useful message.
_OTHER_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"{\\rtf", "an RTF document (save it as DOCX or PDF)"),
    (b"\x7fELF", "an executable"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.I | re.S)
_HTML_TAG = re.compile(rb"<(?:html|head|body|div|p|table|tr|td|h[1-6]|ul|ol|li|br|span|meta|title|a\s)\b", re.I)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_PDF_MAGIC = b"%PDF-"
_PDF_HEADER_LINE = re.compile(rb"(?:^|[\r\n])%PDF-[12]\.\d")
_PDF_TRAILER = b"%%EOF"
PDF_HEADER_WINDOW = 1024
PDF_TRAILER_WINDOW = 2048
ZIP_EOCD_WINDOW = 65536 + 22   # the record is 22 bytes plus a comment of up to 64 KB
HTML_SNIFF_BYTES = 4096
HTML_MIN_TAGS = 5


def detect_format(data: bytes) -> str:
    """Each format by its signature at its proper offset: a zip's local header at 0 (a stored zip of PDFs
    holds "%PDF-" in its first kilobyte, and is still a zip), a PDF header at 0 or as a header line in the
    first kilobyte of a file that ends like a PDF, other magic numbers at 0, a zip's end-of-central-directory
    record (a zip with a prefix), and only then text or HTML."""
    if not _without_bom(data).strip():
        raise EmptyInput("file is empty" if not data.strip() else "file holds only a byte-order mark")
    if data.startswith(_ZIP_MAGIC):
        return _zip_kind(data)
    if data.startswith(_PDF_MAGIC) or _late_pdf_header(data):
        return "pdf"
    if data.startswith(_OLE2):
        raise _ole2_error(data)
    for magic, what in _OTHER_MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormat(f"unsupported format: {what}")
    if _has_zip_directory(data):
        return _zip_kind(data)
    if looks_binary(data):
        raise UnsupportedFormat("binary data, not a text, HTML, PDF, DOCX or zip document")
    return "html" if looks_like_html(data) else "text"


def _without_bom(data: bytes) -> bytes:
    for bom in _BOMS:
        if data.startswith(bom):
            return data[len(bom):]
    return data


def _late_pdf_header(data: bytes) -> bool:
    """A PDF header after a few junk bytes (readers accept it within the first 1024): it must open a line
    and be a real version number, and the file must end like a PDF. Text that mentions "%PDF-1.7" is text."""
    header = _PDF_HEADER_LINE.search(data[:PDF_HEADER_WINDOW])
    return header is not None and _PDF_TRAILER in data[-PDF_TRAILER_WINDOW:]


def _has_zip_directory(data: bytes) -> bool:
    """A zip with something before its first member (a self-extractor, a prefix) is found by the
    end-of-central-directory record near its end."""
    return b"PK\x05\x06" in data[-ZIP_EOCD_WINDOW:] and zipfile.is_zipfile(io.BytesIO(data))


def _zip_kind(data: bytes) -> str:
    """A zip holding word/document.xml is a DOCX; any other zip is an archive of documents."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except Exception as exc:  # zipfile raises BadZipFile, NotImplementedError, ValueError, ... on junk
        raise CorruptInput(f"corrupt or truncated zip/DOCX container: {exc}") from exc
    return "docx" if "word/document.xml" in names else "zip"


def _ole2_error(data: bytes) -> Exception:
    """Office puts password-protected DOCX/XLSX in an OLE2 file with an EncryptedPackage stream."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return EncryptedInput("password-protected Office document")
    return UnsupportedFormat("unsupported format: legacy Office file (.doc/.xls); save it as DOCX or PDF")


def looks_like_html(data: bytes) -> bool:
    head = _ascii_head(data)
    if _HTML_START.match(head):
        return True
    # A fragment without <html>: markup only when it starts like markup, so a text that quotes a few tag
    # names ("the <p> and <div> elements ...") stays a text
    return head.lstrip().startswith(b"<") and len(_HTML_TAG.findall(head)) >= HTML_MIN_TAGS


def _ascii_head(data: bytes) -> bytes:
    """The first few KB as ASCII-compatible bytes (UTF-16 input re-encoded) for markup sniffing."""
    head = data[:HTML_SNIFF_BYTES]
    encoding = bom_encoding(head) or utf16_without_bom(head)
    if encoding and encoding != "utf-8":
        text = head.decode(encoding, errors="ignore").lstrip("\ufeff")
        return text.encode("utf-8", errors="ignore")
    return head[3:] if head.startswith(b"\xef\xbb\xbf") else head
