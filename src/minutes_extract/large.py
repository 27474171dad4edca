"""Very large texts in parts: memory bounded by the part, not the document.

A spaCy Doc and the components' working data take about 70 bytes per character, so one 50 MB text
would need 3.5 GB. A text longer than PART_CHARS is normalised whole, then cut at item boundaries
(a blank line followed by what reads as a numbered item heading; failing that, a blank line; failing
that, a line end) into parts of about PART_CHARS, each extracted on its own; the parts' records are
joined into the record of the whole text (offsets shifted, items renumbered, extractions before a
part's first item filed under the item running on from the part before). Every part after the first
takes the meeting (and meeting date, which completes year-less dates) read from the first part.
Texts up to PART_CHARS, which is every ordinary set of minutes, are extracted whole as before.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from typing import Callable, Optional

from spacy.language import Language

from .assemble import assemble, doc_id_for
from .extensions import EXTRACTION_GROUPS, remember_text
from .gc_policy import collector_paused
from .normalise import normalise
from .records import DocumentRecord, Extractions, Item, SourceInfo

PART_CHARS = 1_000_000   # longer texts are extracted in parts of about this many characters
_SEARCH = 500_000        # how far past the target a cut may be looked for
# an item boundary: a blank line, then a numbered heading ("12.", "12", "(12)", "Item 12", "12/24")
_ITEM_BOUNDARY = re.compile(r"\n[^\S\n]*\n(?=[^\S\n]*(?:Item\s+|\()?\d{1,4}(?:[./]\d{1,4})?[.)]?[^\S\n]+[A-Z])")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def needs_parts(text: str) -> bool:
    return len(text) > PART_CHARS


def cut_points(text: str, part: int = PART_CHARS) -> list[int]:
    """Offsets where the text is cut (each just after a line end), about `part` characters apart."""
    cuts: list[int] = []
    start = 0
    while len(text) - start > part:
        target = start + part
        cut = None
        for pattern in (_ITEM_BOUNDARY, _BLANK_LINE):
            m = pattern.search(text, target, min(len(text), target + _SEARCH))
            if m:
                cut = m.end()
                break
        if cut is None:
            newline = text.find("\n", target, min(len(text), target + _SEARCH))
            cut = newline + 1 if newline >= 0 else target
        if cut >= len(text):
            break
        cuts.append(cut)
        start = cut
    return cuts


def _run(nlp: Language, text: str, meeting: Optional[tuple]) -> object:
    """The pipeline over one part; parts after the first keep the first part's meeting."""
    # The part is normalised already (the whole text was, once): tokenise it with spaCy's own tokenizer, not
    # the pipeline's normalising one, or its offsets would move a second time.
    tokenize = getattr(nlp.tokenizer, "inner", nlp.tokenizer)
    with collector_paused():
        doc = remember_text(tokenize(text), text)
        for name, component in nlp.pipeline:
            if name == "minutes_meeting" and meeting is not None:
                doc._.meeting, doc._.meeting_date = meeting
                continue
            doc = component(doc)
    return doc


def _shift(holder, base: int) -> None:
    """Moves every offset of an item's (or unassigned) extractions by `base`."""
    for group in EXTRACTION_GROUPS:
        for extraction in getattr(holder, group):
            extraction.span.start += base
            extraction.span.end += base
            for copy in getattr(extraction, "copies", ()):
                copy.start += base
                copy.end += base


def _move(source: Extractions, target: Extractions) -> None:
    for group in EXTRACTION_GROUPS:
        getattr(target, group).extend(getattr(source, group))


class PartedRecord:
    """The record of a large text with its items serialised part by part (about a tenth of the memory of the
    items as objects): `head` is the whole record but for its items (validated; its items list empty), `items`
    the JSON of each item in order. `json_line` splices them into exactly the line of the whole record."""

    _MARKER = b'"items":[]'  # JSON strings escape every quote, so this key occurs once, at the top level

    def __init__(self, head: DocumentRecord, items: list[bytes], counts: dict[str, int]):
        self.head, self.items, self.counts = head, items, counts
        self.item_count = len(items)

    @property
    def source(self) -> SourceInfo:
        return self.head.source

    def json_line(self) -> bytes:
        """The record's JSONL line, UTF-8; the items' JSON is released as it is spliced in (call it once)."""
        head = self.head.__pydantic_serializer__.to_json(self.head)
        at = head.index(self._MARKER) + len(self._MARKER) - 1
        view = memoryview(head)
        pieces = [view[:at]]
        for k, item in enumerate(self.items):
            pieces.extend((b",", item) if k else (item,))
        pieces.extend((view[at:], b"\n"))
        self.items = []
        return b"".join(pieces)  # bytes: as a str it could take 2 or 4 bytes a character (written as they are)


def extract_in_parts(source, nlp: Language, part: int = PART_CHARS, spliced: bool = False):
    """The record of a (large) source, extracted part by part (see the module docstring). The source's text
    is emptied once normalised (the caller keeps path, hashes and pages only). With `spliced`, a PartedRecord:
    each item is serialised once the part after it is done (only then can no more extractions join it)."""
    normalised = normalise(source.text)
    source.text = ""  # the raw text is not read again: release it (up to 2 bytes a character while the parts run)
    text = normalised.text
    to_whole_source = _offset_map(normalised)
    del normalised  # its anchors as tuples take about 2 bytes a character; the map keeps them in arrays
    info = SourceInfo(path=source.path, format=source.format, sha256=source.sha256, size=source.size)
    bounds = [0, *cut_points(text, part), len(text)]
    items: list[Item] = []        # items still held as objects (spliced: only the last one)
    done: list[bytes] = []        # spliced: the JSON of the items before it
    counts: dict[str, int] = {}
    count = 0
    unassigned = Extractions()
    meeting = None
    first_meeting = None
    for k in range(len(bounds) - 1):
        base, end = bounds[k], bounds[k + 1]
        doc = _run(nlp, text[base:end], meeting)
        if meeting is None:
            meeting = (doc._.meeting, doc._.meeting_date)
        to_source: Callable[[int], int] = (lambda offset, base=base: to_whole_source(offset + base))
        record = assemble(doc, info, source.pages, to_source, [])
        del doc
        if first_meeting is None:
            first_meeting = record.meeting
        # before this part's first item: the item running on from the part before, as a whole-text run files it
        running_on = items[-1] if items else unassigned
        for item in record.items:
            item.index = count
            count += 1
            item.span.start += base
            item.span.end += base
            for section in item.sections:
                section.span.start += base
                section.span.end += base
            _shift(item, base)
            items.append(item)
        _shift(record.unassigned, base)
        _move(record.unassigned, running_on)
        del record
        if spliced and len(items) > 1:
            done.extend(_serialised(item, counts) for item in items[:-1])
            del items[:-1]
    if spliced:
        done.extend(_serialised(item, counts) for item in items)
        _count(unassigned, counts)
        items = []
    whole = DocumentRecord(doc_id=doc_id_for(text), source=info, meeting=first_meeting, text=text,
                           pages=list(source.pages or []), items=items, unassigned=unassigned,
                           warnings=list(source.warnings or []))
    return PartedRecord(whole, done, counts) if spliced else whole


def _offset_map(normalised) -> Callable[[int], int]:
    """Normalised.to_source over the anchors held in two arrays (16 bytes an anchor, not about 120)."""
    outs = array("q", (out for out, _ in normalised.anchors))
    sources = array("q", (src for _, src in normalised.anchors))

    def to_source(offset: int) -> int:
        i = bisect_right(outs, offset) - 1
        return 0 if i < 0 else sources[i] + (offset - outs[i])
    return to_source


def _count(holder, counts: dict[str, int]) -> None:
    for group in EXTRACTION_GROUPS:
        n = len(getattr(holder, group))
        if n:
            counts[group] = counts.get(group, 0) + n


def _serialised(item: Item, counts: dict[str, int]) -> bytes:
    _count(item, counts)
    return item.__pydantic_serializer__.to_json(item)


def count_words(text: str, block: int = 1 << 20) -> int:
    """len(text.split()) without holding every word at once (a 50 MB text has millions)."""
    total, start = 0, 0
    while start < len(text):
        end = min(len(text), start + block)
        while end < len(text) and not text[end].isspace():  # never cut inside a word
            end += 1
        total += len(text[start:end].split())
        start = end
    return total
