"""The bounds of the segmenter's blocks, kept once per Doc for the components that read them (shared
code: components import it from here, not from the segmenter)."""
from __future__ import annotations

from spacy.tokens import Doc

_BLOCKS_KEY = "minutes_extract.block_bounds"  # doc.user_data: (the "blocks" SpanGroup, its bounds)


def remember_blocks(doc: Doc, bounds: list[tuple[int, int, str]]) -> None:
    """Keep (start_char, end_char, label) of the "blocks" group just written, for block_bounds."""
    doc.user_data[_BLOCKS_KEY] = (doc.spans["blocks"], bounds)


def block_bounds(doc: Doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, label) of every span of doc.spans["blocks"], in order: kept by the segmenter
    that wrote them, since iterating a SpanGroup makes a Span object per block for each component that reads
    them. Worked out again should the group have been replaced or grown since."""
    group = doc.spans.get("blocks")
    if group is None:
        return []
    cached = doc.user_data.get(_BLOCKS_KEY)
    if cached is not None and cached[0] is group and len(cached[1]) == len(group):
        return cached[1]
    bounds = [(span.start_char, span.end_char, span.label_) for span in group]
    doc.user_data[_BLOCKS_KEY] = (group, bounds)
    return bounds
