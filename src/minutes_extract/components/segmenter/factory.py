"""The minutes_segmenter spaCy factory: reads the lines, asks the Segmenter (items.py) for the items, and
writes the span groups "items", "sections" and "blocks" (with their payloads) and the sentence starts.
How headings and items are recognised is not here."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import extensions  # noqa: F401  (registers the extensions)
from ...extensions import PAYLOAD_ATTRS, document_text
from ...matching.blocks import remember_blocks
from ..base import RulesOnDisk
from .items import Segmenter
from .lines import ItemStart, Line
from .spans import Spans, set_payload, start_sentences


class SegmenterComponent(RulesOnDisk):
    def setup(self, rules: dict) -> None:
        self.segmenter = Segmenter(rules)

    def __call__(self, doc: Doc) -> Doc:
        text = document_text(doc)
        lines = self.segmenter.read_lines(text)
        # Hook (minutes_document_kind): an inspection report's numbered paragraphs are no items; the report
        # is one item, written by minutes_inspection_report.
        items = [] if doc._.document_kind == "inspection_report" else self.segmenter.find_items(lines)
        spans = Spans(doc, len(text))
        doc.spans["items"] = self.item_spans(spans, text, lines, items)
        doc.spans["sections"] = self.section_spans(spans, text, lines, items)
        bounds: list[tuple[int, int, str]] = []
        doc.spans["blocks"] = blocks = self.block_spans(spans, lines, items, bounds)
        remember_blocks(doc, bounds)
        start_sentences(doc, [span.start for span in blocks])
        return doc

    def item_spans(self, spans_of: Spans, text: str, lines: list[Line], items: list[ItemStart]) -> list[Span]:
        spans = []
        for k, item in enumerate(items):
            start = min(lines[item.line].start, item.title_start)
            end = lines[items[k + 1].line].start - 1 if k + 1 < len(items) else len(text)
            span = spans_of.span(start, max(end, item.title_end), item.rule)
            if span is None:
                continue
            set_payload(span, PAYLOAD_ATTRS["items"], {
                "number": item.number, "agenda_number": item.agenda_number,
                "title": " ".join(text[item.title_start:item.title_end].split()) if "\n" in text[item.title_start:item.title_end]
                else text[item.title_start:item.title_end].strip(),  # (a wrapped title: one line)
                "title_start": item.title_start, "title_end": item.title_end,
            })
            spans.append(span)
        return spans

    def section_spans(self, spans_of: Spans, text: str, lines: list[Line], items: list[ItemStart]) -> list[Span]:
        item_lines = {item.line for item in items}
        heads = [(i, line.kind) for i, line in enumerate(lines) if line.kind]
        spans = []
        for k, (i, kind) in enumerate(heads):
            stop = len(text)
            for j in range(i + 1, len(lines)):
                if j in item_lines or (k + 1 < len(heads) and j == heads[k + 1][0]) \
                        or self.numbered_sibling(lines[i].text, lines[j].text):
                    stop = lines[j].start - 1
                    break
            span = spans_of.span(lines[i].start, max(stop, lines[i].end), kind)
            if span is not None:
                set_payload(span, PAYLOAD_ATTRS["sections"], {"heading": lines[i].text.strip()})
                spans.append(span)
        return spans

    def numbered_sibling(self, head: str, text: str) -> bool:
        """A later numbered heading of a report ("3. Early Years" after "2. Recommendations") ends the section
        even where its title is no known section heading."""
        number = self.segmenter.pattern["section_number"]
        if not (number.match(head.strip()) and number.match(text.strip())):
            return False
        first, later = (t.strip().split()[0].rstrip(".") for t in (head, text))
        return (first.isdigit() and later.isdigit() and int(later) > int(first)
                and self.segmenter.title_like(number.sub("", text.strip()), numbered=True))

    def block_spans(self, spans_of: Spans, lines: list[Line], items: list[ItemStart],
                    bounds: Optional[list[tuple[int, int, str]]] = None) -> list[Span]:
        """The blocks' spans; `bounds` (when given) receives each one's (start_char, end_char, label)."""
        bounds = [] if bounds is None else bounds
        attr = PAYLOAD_ATTRS["blocks"]
        title_lines = {item.line for item in items}
        spans = []
        floor = 0
        previous = (0, None)  # (level, intro) of the line before: siblings in a list share an intro
        for i, line in enumerate(lines):
            if i in title_lines:
                floor = i
            level = line.level
            if i in title_lines or line.kind:
                label = "heading"
            else:
                label = "bullet" if level else "paragraph"
            if label == "heading":
                level, intro = 0, None
            elif level and previous[0] == level and previous[1] is not None:
                intro = previous[1]
            else:
                intro = self.segmenter.intro_for(lines, i, floor) if level else None
            previous = (level, intro)
            span = spans_of.span(line.start, line.end, label)
            if span is None:
                continue
            set_payload(span, attr, {"intro": intro, "level": level})
            spans.append(span)
            bounds.append((span.start_char, span.end_char, label))
        return spans


@Language.factory(
    "minutes_segmenter",
    requires=["doc._.document_kind"],  # hook: an inspection report has no agenda items
    assigns=["doc.spans", "token.is_sent_start"],
    default_config={"rules": {}},
)
def make_segmenter(nlp: Language, name: str, rules: dict) -> SegmenterComponent:
    return SegmenterComponent(name, rules)
