"""minutes_segmenter: agenda items, sections inside items, blocks (paragraphs, bullets) and their list
introductions, written as span groups that every later component reuses.

The normaliser guarantees one logical line per paragraph, so the structure is read line by line.
Items are headings recognised by what makes them headings, not by a list of council layouts: a short
line with no closing full stop (or no verb before it), followed by body text, among like lines. Every
pattern and word list is data in models/rules/segmenter.json (schema: rules/segmenter.py).

Modules: lines (Line, ItemStart, list levels), headings (is this line a heading, a title, a field?),
numbering (item codes as numbers), numbered (the run of numbered items), layouts (layouts a page
announces: printed "(Item N)", "Agenda item", issue pages, "Minute No.", report "Subject:"),
meeting_page (unnumbered meeting pages), single_page (one-item pages), items (the Segmenter, trying
them in order), spans (fast spans and payloads), factory (the spaCy component).
This package imports no other component; findings and resolutions read its span groups.
"""
from .factory import SegmenterComponent, make_segmenter
from .items import Segmenter
from .lines import ItemStart, Line, split_lines
from .spans import Spans

__all__ = ["ItemStart", "Line", "Segmenter", "SegmenterComponent", "Spans", "make_segmenter", "split_lines"]
