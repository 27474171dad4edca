"""Lines and sentences: non-blank lines, the lines holding offsets, and where spaCy's sentencizer
would start sentences (shared by the segmenter and findings)."""
from __future__ import annotations

from bisect import bisect_right

import numpy as np
from spacy.attrs import IS_PUNCT, ORTH
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc


def nonblank_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every non-blank line of the text."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def lines_holding(offsets: list[int], lines: list[tuple[int, str]]) -> list[int]:
    """Indexes of the lines holding these (sorted) offsets, each once."""
    starts = [pos for pos, _ in lines]
    found: list[int] = []
    for offset in offsets:
        k = bisect_right(starts, offset) - 1
        if k >= 0 and (not found or found[-1] != k) and offset < starts[k] + len(lines[k][1]):
            found.append(k)
    return found


_SENTENCE_ENDS = np.array(sorted(get_string_id(c) for c in Sentencizer.default_punct_chars), np.uint64)


def sentencizer_starts(doc: Doc) -> np.ndarray:
    """Per token, whether spaCy's sentencizer (default punctuation) would start a sentence there: at a word
    after a sentence-ending token, counting from the word before."""
    rows = doc.to_array([ORTH, IS_PUNCT])
    ends = _SENTENCE_ENDS[np.minimum(np.searchsorted(_SENTENCE_ENDS, rows[:, 0]), len(_SENTENCE_ENDS) - 1)] == rows[:, 0]
    words = np.flatnonzero((rows[:, 1] == 0) & ~ends)
    seen = np.cumsum(ends)[words]  # sentence-ending tokens so far
    out = np.zeros(len(doc), bool)
    out[words[np.diff(seen, prepend=0) > 0]] = True
    return out
