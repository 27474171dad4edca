"""The pipeline's tokenizer: normalise() the raw text, then tokenise it with spaCy's own tokenizer.

Normalising inside the pipeline makes `nlp(raw_text)` (also on a packaged pipeline, spacy.load(DIR))
see exactly the text extract_text() sees. The Doc remembers what a record needs of the raw text: the
offset map back to it (pages of a PDF) and its sha256 and size (extract.to_record reads them).
"""
from __future__ import annotations

import hashlib
from typing import Callable, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import remember_text
from .normalise import Normalised, normalise

TOKENIZER = "minutes_extract.normalising_tokenizer.v1"
_SOURCE_KEY = "minutes_extract.source"  # doc.user_data: {"anchors", "sha256", "size"} of the raw text


class NormalisingTokenizer:
    """Wraps spaCy's rule tokenizer (`inner`, which keeps its special cases and serialisation)."""

    def __init__(self, inner: Callable[[str], Doc]):
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        normalised = normalise(text)
        return remember_source(self.inner(normalised.text), text, normalised)

    def add_special_case(self, orth: str, substrings: list[dict]) -> None:
        self.inner.add_special_case(orth, substrings)

    def __getattr__(self, name: str):  # rules, explain, pipe ...: the inner tokenizer's
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def to_disk(self, path, **kwargs) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> "NormalisingTokenizer":
        self.inner.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> "NormalisingTokenizer":
        self.inner.from_bytes(data, **kwargs)
        return self


@spacy.registry.tokenizers(TOKENIZER)
def create_normalising_tokenizer() -> Callable[[Language], NormalisingTokenizer]:
    spacy_tokenizer = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()
    return lambda nlp: NormalisingTokenizer(spacy_tokenizer(nlp))


def remember_source(doc: Doc, raw_text: str, normalised: Normalised) -> Doc:
    """Keeps on a Doc made from `normalised` (of `raw_text`) its text, its offset map and the raw text's
    sha256 and size."""
    data = raw_text.encode("utf-8", "surrogatepass")
    doc.user_data[_SOURCE_KEY] = {"anchors": [list(a) for a in normalised.anchors],
                                  "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    return remember_text(doc, normalised.text)


def raw_source(doc: Doc) -> Optional[dict]:
    """{"sha256", "size"} of the raw text a Doc was made from, None when it was not normalised here."""
    return doc.user_data.get(_SOURCE_KEY)


def offset_map(doc: Doc) -> Optional[Callable[[int], int]]:
    """Doc offset -> raw-text offset, None when the Doc was not normalised by NormalisingTokenizer."""
    source = raw_source(doc)
    if source is None:
        return None
    return Normalised("", [tuple(a) for a in source["anchors"]]).to_source
