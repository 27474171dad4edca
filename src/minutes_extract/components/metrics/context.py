"""Context: the document text around a candidate (lines, sentences, caseload sentences)."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc


class Context:
    """The document text (and its lower-cased copy) with line and sentence bounds, for reading around a
    candidate. The sentence bounds are read from the Doc when first needed (most documents never ask)."""

    def __init__(self, doc: Doc, text: str, lower: str, caseload_word: re.Pattern):
        self.doc, self.text, self.lower = doc, text, lower
        self._sentences: Optional[tuple[list[int], list[int]]] = None
        self._caseload_word = caseload_word
        self._caseload_sentences: dict[int, bool] = {}
        self._line = (0, -1)  # the bounds last found: candidates come in text order, mostly on one line
        self.memo: dict = {}  # what table_cells read of a line, kept for the document (keyed by what and where)

    def line(self, pos: int) -> tuple[int, int]:
        """(start, end) of the line holding `pos` (end: its newline, or the end of the text)."""
        start, end = self._line
        if not start <= pos <= end:
            start = self.text.rfind("\n", 0, pos) + 1
            end = self.text.find("\n", pos)
            self._line = start, end = start, (len(self.text) if end < 0 else end)
        return start, end

    def line_start(self, pos: int) -> int:
        return self.line(pos)[0]

    def line_end(self, pos: int) -> int:
        return self.line(pos)[1]

    def line_bounds(self, start: int, end: int) -> tuple[int, int]:
        return self.line_start(start), self.line_end(end)

    def left(self, start: int, width: int = 90) -> str:
        return self.text[max(self.line_start(start), start - width):start]

    def right(self, end: int, width: int = 120) -> str:
        return self.text[end:min(self.line_end(end), end + width)]

    @property
    def sent_starts(self) -> list[int]:
        return self._sentence_bounds()[0]

    @property
    def sent_ends(self) -> list[int]:
        return self._sentence_bounds()[1]

    def _sentence_bounds(self) -> tuple[list[int], list[int]]:
        if self._sentences is None:
            array = self.doc.to_array([SENT_START, IDX])  # iterating doc.sents builds a Token per word: slow
            starts = array[array[:, 0] == 1, 1].tolist() if len(self.doc) else [0]
            if not starts or starts[0] != 0:
                starts.insert(0, 0)
            self._sentences = starts, starts[1:] + [len(self.text)]
        return self._sentences

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = self.sentence_index(pos)
        return self.sent_starts[i], self.sent_ends[i]

    def about_caseloads(self, i: int) -> bool:
        """Whether sentence `i` mentions caseloads (asked for often: kept per sentence)."""
        found = self._caseload_sentences.get(i)
        if found is None:
            found = bool(self._caseload_word.search(self.text[self.sent_starts[i]:self.sent_ends[i]]))
            self._caseload_sentences[i] = found
        return found
