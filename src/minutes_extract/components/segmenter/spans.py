"""Making spaCy spans fast for the segmenter: character offsets to token spans (Spans), span payloads
written straight into doc.user_data where spaCy allows, and sentence starts in one pass. No decisions
about structure live here."""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional

import numpy as np
from spacy.attrs import IDX, SENT_START, SPACY
from spacy.tokens import Doc, Span

from ...extensions import PAYLOAD_ATTRS
from ...matching import sentencizer_starts


class Spans:
    """doc.char_span(start, end, label, alignment_mode="expand") for the many spans of one Doc: the token
    offsets are read once, and each span costs two bisects instead of a Doc call making Token objects."""

    def __init__(self, doc: Doc, size: int):
        self.doc, self.size = doc, size
        offsets = doc.to_array([IDX, SPACY])
        self.starts = offsets[:, 0].tolist()
        self.spaces = offsets[:, 1].tolist()

    def token_at(self, char: int) -> int:
        """The token whose text or trailing space holds `char` (tokens tile the text), else -1."""
        return bisect_right(self.starts, char) - 1 if 0 <= char < self.size else -1

    def token_end(self, token: int) -> int:
        """Where the token's text ends: where the next one starts, less its trailing space."""
        following = self.starts[token + 1] if token + 1 < len(self.starts) else self.size
        return following - self.spaces[token]

    def span(self, start: int, end: int, label: str) -> Optional[Span]:
        first, last = self.token_at(start), self.token_at(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.token_end(first):
            first += 1  # the character is the token's trailing space, not the token
        return Span(self.doc, first, last + 1, label=label)


def _payloads_in_user_data() -> bool:
    """Does this spaCy keep a Span's `span._.<name>` value in doc.user_data[("._.", name, start_char,
    end_char)] (spacy/tokens/underscore.py)? Asked once, on a two-token Doc."""
    from spacy.vocab import Vocab
    doc = Doc(Vocab(), words=["a", "b"])
    span = doc[1:2]
    span._.set(PAYLOAD_ATTRS["blocks"], "probe")
    return doc.user_data.get(("._.", PAYLOAD_ATTRS["blocks"], span.start_char, span.end_char)) == "probe"


DIRECT_PAYLOADS = _payloads_in_user_data()


def set_payload(span: Span, attr: str, value: dict) -> None:
    """span._.set(attr, value), without building an Underscore object per span when spaCy allows."""
    if DIRECT_PAYLOADS:
        span.doc.user_data[("._.", attr, span.start_char, span.end_char)] = value
    else:
        span._.set(attr, value)


def start_sentences(doc: Doc, tokens: list[int]) -> None:
    """Sentence starts for every token, in one pass: where spaCy's sentencizer would put them (so no
    sentencizer runs) and at every block start. Token.is_sent_start = True would check the whole Doc for a
    parse on every call."""
    if not len(doc):
        return
    starts = sentencizer_starts(doc)
    starts[0] = True
    starts[tokens] = True
    doc.from_array([SENT_START], np.where(starts, 1, -1).astype(np.uint64))


