"""Library entry points: one document (text or file) -> records. No printing, no exits."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .assemble import assemble
from .errors import ExtractionFailed, MinutesError
from .extensions import document_text
from .gc_policy import collector_paused
from .ingest import Source, read_sources
from .normalise import normalise
from .pipeline import get_pipeline
from .records import DocumentRecord, ErrorInfo, ErrorRecord, SourceInfo
from .tokenizer import NormalisingTokenizer, offset_map, raw_source, remember_source


def extract_source(source: Source, nlp: Optional[Language] = None) -> DocumentRecord:
    nlp = nlp or get_pipeline()
    with collector_paused():
        doc = nlp(source.text) if isinstance(nlp.tokenizer, NormalisingTokenizer) else _normalised_doc(nlp, source.text)
        info = SourceInfo(path=source.path, format=source.format, sha256=source.sha256, size=source.size)
        return to_record(doc, info, source.pages, source.warnings)


def _normalised_doc(nlp: Language, text: str) -> Doc:
    """A pipeline packaged before its tokenizer normalised: normalise here, as its tokenizer would."""
    normalised = normalise(text)
    return nlp(remember_source(nlp.make_doc(normalised.text), text, normalised))


def to_record(doc: Doc, source: Optional[SourceInfo] = None, pages: Optional[list[int]] = None,
              warnings: Optional[list[str]] = None) -> DocumentRecord:
    """The record of a Doc the pipeline made: `minutes_extract.to_record(nlp(raw_text))` equals
    extract_text(raw_text). `source` defaults to what extract_text records for a string."""
    raw = raw_source(doc)
    if source is None:
        data = document_text(doc).encode("utf-8")
        sha256, size = (raw["sha256"], raw["size"]) if raw else (hashlib.sha256(data).hexdigest(), len(data))
        source = SourceInfo(path="<text>", format="text", sha256=sha256, size=size)
    return assemble(doc, source, pages, offset_map(doc), warnings)


def extract_text(text: str, path: str = "<text>", nlp: Optional[Language] = None) -> DocumentRecord:
    """Convenience for callers holding a string: the text is treated as a plain-text document."""
    data = text.encode("utf-8")
    source = Source(path=path, format="text", sha256=hashlib.sha256(data).hexdigest(), size=len(data), text=text)
    return extract_source(source, nlp)


def error_record(path: str, error: MinutesError, sha256: Optional[str] = None) -> ErrorRecord:
    return ErrorRecord(source=SourceInfo(path=path, format="unknown", sha256=sha256),
                       error=ErrorInfo(code=error.code, message=error.message))


def extract_path(path: Path, nlp: Optional[Language] = None) -> Iterator[DocumentRecord | ErrorRecord]:
    """Every document in one input file (an archive holds several); errors become error records."""
    try:
        for source in read_sources(path):
            if isinstance(source, MinutesError):
                yield error_record(getattr(source, "path", str(path)), source)
                continue
            try:
                yield extract_source(source, nlp)
            except MinutesError as exc:
                yield error_record(source.path, exc, source.sha256)
            except Exception as exc:  # a bug must not stop a batch: record it, with its type
                yield error_record(source.path, ExtractionFailed(f"{type(exc).__name__}: {exc}"), source.sha256)
    except MinutesError as exc:
        yield error_record(str(path), exc)
