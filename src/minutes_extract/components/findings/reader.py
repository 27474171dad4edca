"""The walk over a document's blocks: lists and their introductions, prose paragraphs, items."""
from __future__ import annotations

from bisect import bisect_left
from functools import cached_property, reduce
from heapq import heappop, heappush
from operator import or_
from typing import Optional

import numpy as np
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from ...extensions import document_text
from ...matching import sentencizer_starts
from .regex_keys import UNBOUNDED, _IS_WORD
from .lexicon import _WORD, DEVELOPMENT, DocWords, Gates, Hit, Vocabulary, fold_quotes, search_end, strip_marker
from .context import FindingRules, Reading
from .units import Block, Finding, Lead, UnitReader


_OPENING_QUOTES = "\"\u201c\u2018'"  # a paragraph opening with one is a quotation


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where sentences start: where spaCy's sentencizer (default punctuation) starts one, and
    where a component marked one (the segmenter marks block starts). Without a sentencizer in the pipeline
    (some tokens unmarked), its starts are worked out here from the tokens."""
    if not len(doc):
        return []
    rows = doc.to_array([SENT_START, IDX])
    marked = rows[:, 0] == 1
    if (rows[:, 0] == 0).any():
        marked |= sentencizer_starts(doc)  # run without the segmenter: work the sentencizer's starts out
    return [0] + rows[1:][marked[1:], 1].tolist()


def next_marker(marker: str) -> Optional[str]:
    """The marker of the paragraph after one marked so ("c" -> "d", "31.4" -> "31.5", "7" -> "8")."""
    if marker.isalpha():
        return chr(ord(marker) + 1) if marker not in "zZ" else None
    head, _, last = marker.rpartition(".")
    return (head + "." if head else "") + str(int(last) + 1)


def _any_within(starts: list[int], start: int, end: int) -> bool:
    """Whether a sorted list holds a value in [start, end)."""
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


class _SectionSweep:
    """The label of the last (in sorted order) of the sorted sections holding an offset, for offsets asked in
    increasing order: the sections started so far are kept in a heap by their order, and those that ended
    before the offset asked are dropped as they come to the top (linear time in the document's size)."""

    def __init__(self, sections: list[tuple[int, int, str]]):
        self.sections, self.next, self.open = sections, 0, []

    def __call__(self, offset: int) -> Optional[str]:
        sections, open_ = self.sections, self.open
        while self.next < len(sections) and sections[self.next][0] <= offset:
            heappush(open_, -self.next)
            self.next += 1
        while open_ and sections[-open_[0]][1] <= offset:
            heappop(open_)  # ended: offsets only grow, so it holds none asked later
        return sections[-open_[0]][2] if open_ else None


class FindingReader(UnitReader):
    """Reads one Doc: blocks -> units -> findings."""

    def __init__(self, doc: Doc, rules: FindingRules):
        self.doc, self.rules = doc, rules
        # Hook (minutes_document_kind): in an inspection report the inspectorate speaks in every sentence, so
        # every sentence is in a finding context (weak cues count, as after "Ofsted found")
        self.report_speaks = doc._.document_kind == "inspection_report"
        self.text = fold_quotes(document_text(doc))
        words = rules.words_of(self.text)
        self.hits = rules.lexicon.scan(self.text, words, rules.vocab)
        self.hit_starts = [h.start for h in self.hits]
        self.word_starts = words.starts.tolist()
        self.word_ids = words.ids.tolist()
        self.gate_starts, self.gate_words, self.gate_masks, self.service_words = self.gated_words(words)
        self.sentence_starts = self.joined_grade_rows(sentence_starts(doc), rules)
        ends = self.sentence_starts[1:] + [len(self.text)]
        self.sentences = list(zip(self.sentence_starts, ends))
        self.blocked = sorted((s.start_char, s.end_char) for s in doc.spans.get("resolutions", []))
        self.text_end = len(self.text.rstrip())
        # items whose title and opening are about a service's performance (an inspection, an annual report, ...):
        # outside them only a list introduced as strengths or areas for development yields findings
        # (read only for the items the walk visits: items without a cue are skipped whole)
        self.item_starts = [0] + sorted(s.start_char for s in doc.spans.get("items", []))
        self.cue_marks: Optional[list[int]] = None  # starts of cues and "identified" words (barren_items; None: unknown)
        self.item_ends: dict[int, int] = {}
        self.service = False  # whether the current item is about a service's performance (set by the walk per item)
        self.political = False  # whether the current item is political business (set by the walk per item)
        self.inspection: Optional[str] = None  # the inspectorate the current item last spoke of
        self.inspectorate: Optional[str] = None  # the one it last named: "ofsted", "other" (CQC, a peer team, ...)

    def joined_grade_rows(self, starts: list[int], rules: FindingRules) -> list[int]:
        """Sentence starts, less those of a grade that ends a key question's line ("...wellbeing? 5 - Very Good"):
        the row is one unit, its grade the verdict on the question."""
        text, grade = self.text, rules.grade_after_question
        kept, added = [], set()
        for s in starts:
            row = s and text[max(0, s - 3):s].rstrip(" \t").endswith("?") and grade.match(text, s)
            if not row:
                kept.append(s)
                continue
            # ... and the next row starts a sentence, as the "?" before it did (rows may be joined on one line)
            rest = text[row.end():row.end() + 200]
            nxt = row.end() + len(rest) - len(rest.lstrip())
            if nxt < len(text) and (text[nxt].isalnum() or text[nxt] in "•·-–(\"'"):
                added.add(nxt)
        return sorted(added.union(kept)) if added else kept

    def gated_words(self, words: DocWords) -> tuple:
        """Starts, numbers and gates of the words with gates, and (ends, numbers) of those a service item names."""
        vocab = self.rules.vocab
        ids = words.ids
        gated = np.flatnonzero(vocab.with_bit(Vocabulary.ANY_GATE)[ids])
        gated_ids = ids[gated]
        gates = vocab.gates[gated_ids]
        bit = self.rules.service_gate.bit
        # (a gate beyond the words' bit width is tried everywhere: no word carries it)
        service = gated[vocab.with_bit(bit)[gated_ids]] if not bit >> Gates.WIDTH else gated[:0]
        service_ends = words.starts[service] + vocab.length[ids[service]]
        self.gated_arrays = words.starts[gated], gated_ids  # (words_with_bit)
        return (words.starts[gated].tolist(), gated.tolist(), gates.tolist(),
                (service_ends.tolist(), service.tolist()))

    def words_with_bit(self, bit: int) -> list[int]:
        """The starts of the words whose gates hold a bit (looked up by their numbers: Vocabulary.with_bit)."""
        starts, ids = self.gated_arrays
        return starts[self.rules.vocab.with_bit(bit)[ids]].tolist() if len(ids) else []

    def gates_in(self, start: int, end: int) -> tuple:
        """The gates of the text between two offsets, its words with gates and their gates (all gates and no
        words when a word is cut at either end), and the document's word starts."""
        text = self.text
        if (start and _IS_WORD(text, start - 1) and _IS_WORD(text, start)) or (_IS_WORD(text, end - 1)
                                                                               and _IS_WORD(text, end)):
            return self.rules.gates.all, None, [], self.word_starts, self.word_ids
        i = bisect_left(self.gate_starts, start)
        j = bisect_left(self.gate_starts, end, i)
        masks = self.gate_masks[i:j]
        return reduce(or_, masks, self.rules.gates.always), self.gate_words[i:j], masks, self.word_starts, self.word_ids

    def service_item(self, start: int) -> bool:
        """Whether the opening of an item (its first item_window characters) is about a service's performance."""
        rules = self.rules
        end = start + rules.item_window
        gate = rules.service_gate
        if not rules.gates.always & gate.bit:  # a match contains a run of a word with the gate's bit
            ends, words = self.service_words
            i = bisect_left(ends, start + 1)  # the first such word ending inside the opening
            if i == len(ends) or self.word_starts[words[i]] >= end:
                return False
            if gate.before < UNBOUNDED:  # ... with at most gate.before word breaks before it
                start = max(start, self.word_starts[max(0, words[i] - gate.before - 2)])
        return bool(rules.service_item.search(self.text, start, end))

    def political_item(self, start: int) -> bool:
        """Whether an item's title line names political business (a motion, the Leader's statement, questions)."""
        end = self.text.find("\n", start, start + self.rules.political_title_chars)
        return bool(self.rules.political_item.search(self.text, start, end if end > 0 else start + self.rules.political_title_chars))

    @cached_property
    def executives(self) -> set[str]:
        """Councillors named with an executive role ("Councillor Arnold (Lead Member ...)") speak for the executive."""
        bit = self.rules.executive_gate.bit
        if not self.rules.gates.always & bit and not self.words_with_bit(bit):
            return set()
        return {m.group("name").lower() for m in self.rules.executive_name.finditer(self.text)}

    # -- sentences ------------------------------------------------------------------------------------
    def hits_in(self, start: int, end: int) -> list[Hit]:
        hits, starts = self.hits, self.hit_starts
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        return [h for h in hits[i:j] if h.end <= end] if i < j else []

    def readings(self, start: int, end: int) -> list[Reading]:
        """The sentences between two offsets, each read; whitespace and a dangling "(" trimmed, and a
        sentence cut off by the end of the document dropped (only complete mentions count)."""
        out = []
        sentences = self.sentences
        for k in range(max(0, bisect_left(self.sentence_starts, start) - 1), len(sentences)):
            s_start, s_end = sentences[k]
            if s_start >= end:
                break
            a, b = max(s_start, start), min(s_end, end)
            piece = self.text[a:b]
            a += len(piece) - len(piece.lstrip())
            b -= len(piece) - len(piece.rstrip(" \n\t(\"'"))
            if b - a < 2:
                continue
            sentence = self.text[a:b]
            if b >= self.text_end and not sentence.endswith(self.rules.terminal):
                continue
            if not _WORD.search(strip_marker(self.rules.list_marker, sentence + " ")):
                continue  # a list marker the sentencizer cut off ("2." before its text): not a sentence
            reading = self.rules.read(sentence, a, self.hits_in(a, b), self.gates_in(a, b))
            if reading.speaker == "member" and self.executive(sentence):
                reading.speaker = "executive"

            if reading.speaker == "anaphor":  # "They also found ...": only after an inspectorate was named
                reading.speaker = "inspection" if self.last_inspection(out) else None
            if reading.generic_source and self.last_inspectorate(out) == "other":
                reading.source = "inspectors"  # "the inspection" of the CQC, CIW, HMIP, ... the item named
            out.append(reading)
        return out

    def last_inspection(self, readings: list[Reading]) -> Optional[str]:
        """The inspectorate named last: in this block's sentences so far, else earlier in the item."""
        return next((r.source for r in reversed(readings) if r.source in ("ofsted", "inspectors")), self.inspection)

    def last_inspectorate(self, readings: list[Reading]) -> Optional[str]:
        """The inspectorate named last ("ofsted" or "other"): in this block's sentences so far, else in the item."""
        return next((r.inspectorate for r in reversed(readings) if r.inspectorate), self.inspectorate)

    def executive(self, sentence: str) -> bool:
        body = strip_marker(self.rules.list_marker, sentence)
        m = self.rules.councillor_name.match(body)
        return bool(m and m.group("name").lower() in self.executives)

    # -- blocks ---------------------------------------------------------------------------------------
    def blocks(self) -> list[Block]:
        sections = sorted((s.start_char, s.end_char, s.label_) for s in self.doc.spans.get("sections", []))
        items = self.item_starts[1:]  # (the items' starts, read once in __init__)
        out: list[Block] = []
        section_at = _SectionSweep(sections)
        for span in sorted(self.doc.spans.get("blocks", []), key=lambda s: s.start_char):
            start, end = span.start_char, span.end_char
            section = section_at(start)
            item = bisect_left(items, start + 1) - 1
            block = Block(start, end, span.label_, section, item)
            if out and span.label_ == "paragraph" and self.continues(out[-1], block):
                out[-1].continuations.append((start, end))
                continue
            out.append(block)
        return out

    def continues(self, prev: Block, block: Block) -> bool:
        """A paragraph that carries on the bullet before it: "(Where planning ...)", or text after a hard wrap."""
        if prev.item != block.item or prev.label != "bullet":
            return False
        first = self.text[block.start:block.end].lstrip()[:1]
        last_word = self.text[prev.start:prev.last_end].rstrip().rsplit(None, 1)[-1]
        return first == "(" or first.islower() or last_word.lower() in self.rules.open_words

    def skipped(self, block: Block) -> bool:
        if block.section in self.rules.skip_sections and not (self.report_speaks
                                                              and block.section in self.rules.report_sections):
            # a list of names and roles ("Witnesses:", "Present:") holds short lines: a long sentence under one
            # means its heading's section ran on past an unrecognised heading ("Key points of discussion:")
            return not (block.section in self.rules.name_sections
                        and self.words(block.start, block.last_end) > self.rules.title_words)
        i = bisect_left(self.blocked, (block.start + 1,)) - 1
        return i >= 0 and self.blocked[i][0] <= block.start < self.blocked[i][1]

    # -- the walk ------------------------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        out: list[Finding] = []
        # paragraph_list: the introduction of a list with a polarity was followed by plain paragraphs, which are
        # then its items (bullets lost in conversion) until a paragraph that does not read as one
        lead, speaker, item, paragraph_list = Lead(), None, None, False
        lead_marker = None  # the marker of a lettered/numbered paragraph that introduced the current list
        quoting = False  # a member's quotation is still open (press releases quote over several paragraphs)
        motion_ahead = False  # a motion's or amendment's text was introduced: its quotation is the mover's words
        stopped_items = False  # the last paragraph read as a list item ended with a stop ("What happens next" is no item)
        blocks = self.blocks()
        barren = self.barren_items(blocks)
        for k, block in enumerate(blocks):
            if block.item in barren:
                continue
            if block.item != item:
                lead, speaker, item, paragraph_list = Lead(), None, block.item, False
                motion_ahead = False
                self.service = self.service_item(self.item_starts[item + 1])
                # (an executive outside a service item speaks of policy, not of how a service performs)
                self.political = self.political_item(self.item_starts[item + 1]) or not self.service
                self.inspection = None  # the inspectorate the item last spoke of
                self.inspectorate = None
            if not (lead.polarity or lead.default or quoting) and self.barren_rest(block):
                barren.add(item)  # nothing from here to the item's end can yield a finding: its blocks go unread
                continue
            if self.skipped(block):
                lead, paragraph_list = Lead(), False
                continue
            if lead_marker and block.label == "bullet" and self.marker(block) == next_marker(lead_marker):
                lead, paragraph_list, lead_marker = Lead(), False, None  # "d." after "c. ... as follows:" ends c's list
            readings = self.readings(block.start, block.last_end)
            if not readings:
                continue
            opens_quote = self.text[block.start:block.last_end].lstrip()[:1] in _OPENING_QUOTES
            # the block after a motion's introduction ("... seconded the following amendment:"), past a label line
            # ("Proposed Purpose:"), is the mover's text, quoted or not; the flag lapses after it
            motion_text = motion_ahead and (opens_quote or not readings[-1].intro)
            if motion_text and not opens_quote:
                for r in readings:
                    r.quoted = True
            quoting = self.quoted_member(block, readings, quoting or (motion_text and opens_quote))
            motion_ahead = (motion_ahead and not motion_text) or self.introduces_motion(readings[-1])
            followed_by_list = k + 1 < len(blocks) and blocks[k + 1].label == "bullet"
            listed = bool(lead.polarity or lead.default)
            list_item = (paragraph_list and block.label != "bullet" and self.list_like(readings)
                         and not ((readings[-1].heading or readings[-1].excluded  # a new heading ("Next steps")
                                   or stopped_items and self.title_line(block))  # an unstopped line after stopped items
                                  and self.heading_like(block, readings)))
            stopped_items = list_item and self.text[block.start:block.last_end].rstrip().endswith(self.rules.terminal)
            paragraph_list = list_item
            if self.is_bullet(block) or (listed and block.label == "bullet") or list_item:
                if readings[-1].intro and followed_by_list and len(readings) == 1:
                    lead = self.sub_lead(lead, readings)
                    continue
                if self.may_find(readings, lead):
                    out += self.bullet(block, readings, lead)
            elif block.label == "bullet":  # a numbered or lettered paragraph of minutes: prose under its intro
                if lead.role != "plan_list" and self.may_find(readings):
                    out += self.prose(readings, "member" if lead.role == "member_list" else lead.speaker, lead)
                if readings[-1].intro:
                    lead, lead_marker = self.lead_for(readings, speaker), self.marker(block)
            else:
                if self.may_find(readings) and (block.label == "paragraph" or self.long_enough(block)) and not (
                        self.title_line(block) and not self.measure_line(readings)):
                    out += self.prose(readings, speaker, lead if self.quoted_under_inspectorate(block, lead) else Lead())
                self.inspection = next((r.source for r in reversed(readings) if r.source in ("ofsted", "inspectors")),
                                       self.inspection)
                self.inspectorate = self.last_inspectorate(readings)
                speaker = self.carried_speaker(readings, speaker)
                heading = self.heading_like(block, readings)
                lead, lead_marker = self.lead_for(readings, speaker, heading), None
                paragraph_list = bool(lead.polarity or lead.default) and not followed_by_list
        return out

    @staticmethod
    def may_find(readings: list[Reading], lead: Lead = Lead()) -> bool:
        """Whether a unit's sentences can yield a finding: one has a cue, or the list it is in gives its first sentence
        a polarity (a sentence without cues has no verdict: units.py weighs nothing else). Units of sentences without
        cues are not read at all; what they say for the blocks after them (speaker, list, quotation) still is."""
        return bool(lead.polarity or lead.default) or any(r.cues is not None for r in readings)

    def introduces_motion(self, reading: Reading) -> bool:
        """A sentence introducing a motion's or amendment's text ("... seconded the following amendment:"); tried only
        where its words hold a run every match needs."""
        return bool(reading.gates & self.rules.motion_gate.bit and self.rules.motion_intro.search(reading.text))

    def quoted_under_inspectorate(self, block: Block, lead: Lead) -> bool:
        """Quotations under a heading that names the inspectorate ("What the inspectors said" over lines of
        "\"The board is ambitious for children.\""): the inspectors' words, read in their finding context."""
        return lead.finding and lead.source in ("ofsted", "inspectors") \
            and self.text[block.start:block.last_end].lstrip()[:1] in _OPENING_QUOTES

    def quoted_member(self, block: Block, readings: list[Reading], quoting: bool) -> bool:
        """Marks the sentences a member or cabinet member says in direct speech ("..., said: \"We are delighted
        ...\""): a politician's reaction, not a finding. Returns whether the quotation is still open after the block:
        news releases open each paragraph of a long quotation afresh and close it only at its end."""
        reopens = self.text[block.start:block.last_end].lstrip().startswith('"')
        for n, r in enumerate(readings):
            # (a reading's text is trimmed of closing quotation marks: count up to the next sentence)
            upto = readings[n + 1].start if n + 1 < len(readings) else block.last_end
            quotes = self.text.count('"', r.start, upto)
            if quoting:
                r.quoted = True
                if n == 0 and reopens:
                    quotes -= 1  # the mark opening the paragraph goes on with the quotation
            elif r.speaker in ("member", "executive"):
                opened = self.rules.direct_speech.search(r.text)
                if not opened:
                    continue
                r.quoted, quoting = True, True
                quotes = self.text.count('"', r.start + opened.end(), upto)
            else:
                continue
            if quotes % 2 == 1:
                quoting = False
        return quoting

    def barren_items(self, blocks: list[Block]) -> set[int]:
        """Items that cannot yield a finding: every finding needs a cue (its own, or its list introduction's),
        or a list introduced as identified ("Inspectors identified:"), and nothing carries over to the next item."""
        cues = [h.start for h in self.hits if h.pattern.kind == "cue"]
        gate = self.rules.identified_gate
        if self.rules.gates.always & gate.bit:
            return set()
        identified = self.words_with_bit(gate.bit)
        spans: dict[int, list[int]] = {}
        for block in blocks:
            span = spans.setdefault(block.item, [block.start, block.last_end])
            span[1] = max(span[1], block.last_end)
        self.cue_marks = sorted(cues + identified)  # (barren_rest)
        self.item_ends = {item: end for item, (_, end) in spans.items()}
        return {item for item, (start, end) in spans.items() if self.barren_between(start, end)}

    def barren_between(self, start: int, end: int) -> bool:
        """Whether the text between two offsets holds no cue and no word of a list introduced as identified (and
        starts at a word's start)."""
        return (not _any_within(self.cue_marks, start, end)
                and not (start and _IS_WORD(self.text, start - 1) and _IS_WORD(self.text, start)))

    def barren_rest(self, block: Block) -> bool:
        """Whether the item's blocks from this one on cannot yield a finding, when the list in force gives cue-less
        bullets no polarity and no quotation is open: every finding needs a cue (its own or its introduction's) or
        an "identified" list, and no quotation mark lies ahead to open one (an open quotation carries on to the
        next item: FindingReader.quoted_member). Leads, speakers and sources set there last only to the item's end."""
        end = self.item_ends.get(block.item) if self.cue_marks is not None else None
        return end is not None and self.text.find('"', block.start, end) < 0 and self.barren_between(block.start, end)

    def list_like(self, readings: list[Reading]) -> bool:
        """A short paragraph that reads as an item of the list above it (bullets lost in conversion)."""
        words = self.words(readings[0].start, readings[-1].end)
        if self.table_header(readings[0].start, readings[0].text):
            return False  # a table's header row names its columns
        return (len(readings) <= self.rules.list_item_sentences and words <= self.rules.list_item_words
                and not readings[-1].intro and readings[0].speaker is None)

    def heading_like(self, block: Block, readings: list[Reading]) -> bool:
        """A short title line ("Strengths", "What needs to improve", "Where the inspectors said we can improve")
        that introduces what follows."""
        if len(readings) != 1 or self.words(block.start, block.last_end) > self.rules.heading_words:
            return False
        ending = self.text[block.start:block.last_end].strip()[-1:]
        return ending not in ".?!" or (ending == "?" and readings[0].heading is not None)  # "What needs to improve?"

    def title_line(self, block: Block) -> bool:
        """A headline or title ("Youth justice service receives positive inspection"): one short line without
        a sentence's closing punctuation. It names a topic; it is not a sentence of findings."""
        text = self.text[block.start:block.last_end].strip()
        if self.rules.cell_separator.search(text) and not self.table_header(block.start, text):
            return False  # a short row of a table flattened to text ("Training | ... remains low | Amber") holds a verdict
        if self.grade_row(text):
            return False  # a key question and its grade ("Home: How good is our leadership? 4 - Good") holds a verdict
        return ("\n" not in text and self.words(block.start, block.last_end) <= self.rules.title_words
                and not text.endswith(self.rules.terminal))

    def grade_row(self, text: str) -> bool:
        """A line ending in a key question's grade ("...staff team? 2 - Weak"): grade_after_question after its "?"."""
        mark = text.rfind("?")
        return mark >= 0 and bool(self.rules.grade_after_question.match(text[mark + 1:].lstrip(" \t")))

    def measure_line(self, readings: list[Reading]) -> bool:
        """A line of a performance list ("Reviews completed within 12 months: 71% (target 70%) - green"): a value judged
        by a strong cue on its measure. It has no closing stop, as a title has, but it states a verdict."""
        if len(readings) != 1:
            return False
        r = readings[0]
        return (bool(self.rules.number.search(r.text)) and r.measured and r.strict.polarity is not None
                and r.strict.weight >= self.rules.min_weight)

    def table_header(self, start: int, text: str) -> bool:
        """A table's header row ("Audit | Opinion | Key issues"): short cells of words, and no row of cells above it."""
        if not self.rules.table_header.match(text.strip()):
            return False
        above = self.text[:start].rstrip().rsplit("\n", 1)[-1]
        return not self.rules.cell_separator.search(above)

    def marker(self, block: Block) -> Optional[str]:
        """A lettered or numbered paragraph's marker ("c", "31.4"), None for others."""
        m = self.rules.sibling_marker.match(self.text, block.start)
        return m.group(1) if m else None

    def is_bullet(self, block: Block) -> bool:
        """A bulleted point (one unit), as opposed to a numbered or lettered paragraph of minutes."""
        return block.label == "bullet" and bool(self.rules.bullet_glyph.match(self.text, block.start))

    def long_enough(self, block: Block) -> bool:
        return self.words(block.start, block.end) >= 8

    @staticmethod
    def carried_speaker(readings: list[Reading], speaker: Optional[str]) -> Optional[str]:
        """The speaker later paragraphs inherit: the last one named; members' turns do not carry over."""
        for r in readings:
            if r.speaker and r.speaker != "informed":
                speaker = r.speaker
        return None if speaker == "member" else speaker

    def lead_for(self, readings: list[Reading], speaker: Optional[str], heading: bool = False) -> Lead:
        last = readings[-1]
        role, finding = self.rules.lead_role(last)
        if last.speaker == "member" and role is None:
            role = "member_list"
        source = next((r.source for r in reversed(readings) if r.source), None)
        finding = bool(finding and source)
        polarity = cue = default = None
        if last.intro or heading:  # only a sentence or title that introduces a list sets its polarity
            polarity, cue = last.heading, last.heading_cue
            if polarity is None and last.intro and len(readings) > 1 and self.anaphoric(last):
                # "... identifies areas where the council could do better. These include:" names them before
                polarity, cue = readings[-2].heading, readings[-2].heading_cue
            if polarity is None and last.intro and last.sourced_heading and last.source == "report" and self.inspection:
                polarity, cue = last.sourced_heading  # "The report set out seven recommendations, including:" (of a review)
            if polarity is None and finding:
                polarity, cue = last.lenient.polarity, last.lenient.cue
            identified = search_end(self.rules.default_development_lead, self.rules.default_development_width,
                                    self.text[last.start:last.end])
            if polarity is None and finding and identified:  # "Inspectors identified:" lists areas to improve
                default = DEVELOPMENT
        lead_speaker = next((r.speaker for r in reversed(readings) if r.speaker and r.speaker != "informed"), speaker)
        if role == "presenter":  # "Linda led the meeting through the report, drawing attention to:" an officer
            role, lead_speaker = None, lead_speaker or "officer"
        return Lead(polarity, cue, role, finding, source, lead_speaker, default)

    def anaphoric(self, reading: Reading) -> bool:
        """A list introduction that only points back ("These include:", "They were as follows:")."""
        return bool(self.rules.anaphoric_intro.match(reading.body))

    def sub_lead(self, lead: Lead, readings: list[Reading]) -> Lead:
        """A bullet introducing sub-bullets ("• Social Workers:-") keeps the outer list's polarity."""
        inner = self.lead_for(readings, lead.speaker)
        return Lead(inner.polarity or lead.polarity, inner.cue or lead.cue, inner.role or lead.role,
                    inner.finding or lead.finding, inner.source or lead.source, inner.speaker or lead.speaker,
                    inner.default or lead.default)
