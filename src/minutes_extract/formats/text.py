"""Plain text: decode bytes in whatever encoding they came in, and repair mojibake.

Order of attempts (first that fits wins):
  1. a BOM (UTF-8, UTF-16, UTF-32) says what it is;
  2. strict UTF-8: fast, and right for most files (any 8-bit Western text fails it quickly);
  3. cp1252 when the result reads as Western European text: charset-normalizer misreads short
     Western text (cp1252 '£' comes back as cp1250 'Ł'), and UK council files are cp1252;
  4. charset-normalizer's best guess;
  5. latin-1 (never fails), with a warning.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer
import ftfy

from ..errors import UnsupportedFormat
from .base import Extracted

# Non-ASCII characters of Western European text: cp1252 is accepted when most of a file's
# non-ASCII characters are among these (Cyrillic or Greek bytes read as cp1252 are not).
_WESTERN = frozenset("£€‘’“”‚„–—…•·\xa0°½¼¾©®™§¶×÷«»¡¿"
                     "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœšžßÀÁÂÄÇÈÉÊËÌÍÎÏÑÒÓÔÖØÙÚÛÜŒŠŽŸ")
WESTERN_MIN_SHARE = 0.8
MAX_ACCENTED_SHARE = 0.3  # of letters: more accented letters than that is not a Western language
# Share of control bytes (other than tab/newline/cr/ff/vt/bs/esc) above which data is binary.
BINARY_CONTROL_SHARE = 0.05
SNIFF_BYTES = 65536

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = b"\t\n\r\f\v\b\x1b"
_NON_TEXT_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"

# UTF-8 read as cp1252/latin-1: "â€™", "Ã©", "Â£", "Â " ... Only texts showing these go to ftfy
# (ftfy is slow on big texts and the signs are rare).
_MOJIBAKE = re.compile(
    "â€|[ÂÃ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Characters no document text is made of: C0/C1 controls and U+FFFD (undecodable bytes).
_JUNK_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
MAX_JUNK_CHAR_SHARE = 0.02
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_LINE_ENDS = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_LINE_END_CHARS = ("\r", "\u2028", "\u2029", "\x85")  # what _LINE_ENDS starts with: a text with none is left as is
# Every _MOJIBAKE match starts with one of these (str.find runs at C speed; the regex tries each character).
_MOJIBAKE_STARTS = ("\u00e2\u20ac", "\u00c2", "\u00c3")


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def utf16_without_bom(sample: bytes) -> str | None:
    """ASCII-range text in UTF-16 has a NUL in every other byte."""
    if len(sample) < 4 or sample.count(0) < len(sample) * 0.3:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.9 * len(sample) / 2 and even < 0.1 * len(sample) / 2:
        return "utf-16-le"
    if even > 0.9 * len(sample) / 2 and odd < 0.1 * len(sample) / 2:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """Control bytes that text never has (NUL, SOH, ...) in more than a few percent of a sample."""
    sample = data[:SNIFF_BYTES]
    if bom_encoding(sample) or utf16_without_bom(sample):
        return False
    bad = len(sample) - len(sample.translate(None, _NON_TEXT_BYTES))
    return bad > len(sample) * BINARY_CONTROL_SHARE  # a stray NUL in a text is dropped (decode_document)


def decode_bytes(data: bytes, hint: str | None = None) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding name, warnings). `hint` is a declared charset (HTML meta)."""
    encoding = bom_encoding(data) or utf16_without_bom(data[:SNIFF_BYTES])
    if encoding:
        return _decode_known(data, encoding), encoding, []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    for candidate in (hint, "cp1252"):
        text = _try_8bit(data, candidate)
        if text is not None:
            return text, _canonical(candidate), []
    return _guess(data)


def _decode_known(data: bytes, encoding: str) -> str:
    text = data.decode(encoding, errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def _try_8bit(data: bytes, encoding: str | None) -> str | None:
    """Decode with a single-byte encoding when the result reads as Western European text."""
    if not encoding or _canonical(encoding) == "utf-8":
        return None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    sample = text[:SNIFF_BYTES]
    chars = "".join(_NON_ASCII_RUN.findall(sample))
    if not chars:
        return text
    common = sum(1 for ch in chars if ch in _WESTERN)
    # Western words are mostly ASCII letters; Cyrillic/Greek read as cp1252 are all high letters
    high_letters = sum(1 for ch in chars if ch.isalpha())
    letters = high_letters + sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    if common >= len(chars) * WESTERN_MIN_SHARE and high_letters <= letters * MAX_ACCENTED_SHARE:
        return text
    return None


def _guess(data: bytes) -> tuple[str, str, list[str]]:
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding, []
    if looks_binary(data):
        raise UnsupportedFormat("binary data, not a text document")
    return data.decode("latin-1"), "latin-1", ["encoding not recognised; decoded as latin-1"]


def _canonical(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def repair_mojibake(text: str) -> tuple[str, int]:
    """Fix UTF-8-read-as-cp1252 sequences with ftfy; returns (text, number of sequences fixed).

    A mojibake sequence is made only of non-ASCII characters (UTF-8 bytes are all >= 0x80), so
    ftfy sees each run of non-ASCII characters alone, once per distinct run: fast on big texts."""
    if not any(map(text.__contains__, _MOJIBAKE_STARTS)) or not _MOJIBAKE.search(text):
        return text, 0
    cache: dict[str, str] = {}
    fixed = 0

    def fix(match: re.Match) -> str:
        nonlocal fixed
        run = match.group(0)
        if run not in cache:
            cache[run] = ftfy.fix_encoding(run) if _MOJIBAKE.search(run) else run
        if cache[run] != run:
            fixed += 1
        return cache[run]

    return _NON_ASCII_RUN.sub(fix, text), fixed


def normalise_newlines(text: str) -> str:
    if not any(map(text.__contains__, _LINE_END_CHARS)):
        return text
    return _LINE_ENDS.sub("\n", text)


def decode_document(data: bytes, hint: str | None = None) -> Extracted:
    """Decode + newline unification + mojibake repair, shared by text and HTML."""
    text, encoding, warnings = decode_bytes(data, hint)
    if "\x00" in text:  # a few NULs (a crashed editor, a bad copy) must not lose the whole text
        warnings.append(f"dropped {text.count(chr(0))} NUL character(s)")
        text = text.replace("\x00", "")
    sample = text[:SNIFF_BYTES]
    if len(_JUNK_CHARS.findall(sample)) > len(sample) * MAX_JUNK_CHAR_SHARE:
        raise UnsupportedFormat("binary data, not a text document (no encoding gives readable text)")
    text, fixed = repair_mojibake(normalise_newlines(text))
    if fixed:
        warnings.append(f"repaired {fixed} mojibake sequence(s) (UTF-8 read as cp1252)")
    return Extracted(text=text, encoding=encoding, warnings=warnings, meta={"mojibake_fixed": fixed})


def extract_text(data: bytes) -> Extracted:
    if looks_binary(data):
        raise UnsupportedFormat("binary data, not a text document")
    return decode_document(data)
