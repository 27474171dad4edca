"""minutes_resolutions: formal decisions (RESOLVED / AGREED / DECIDED / RECOMMENDED, a report's
Recommendations, decision-list clauses "That ... be noted"), one span per decision from the first
word after the verb to the end of its last clause. A decision printed twice (under Decision: and
again at the end of Minutes:) is kept once; the copy's position is recorded in `copies`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401
from ..extensions import PAYLOAD_ATTRS, document_text


@dataclass
class Block:
    start: int
    end: int
    text: str
    label: str
    section: Optional[str]   # kind of the section heading above it inside its item
    item: int                # index of the item containing it (-1: before the first item)


@dataclass
class Decision:
    verb: str
    rule: str
    start: int
    end: int
    clauses: list[str] = field(default_factory=list)
    copies: list[tuple[int, int]] = field(default_factory=list)
    item: int = -1  # index of the item holding it: a copy is looked for in the same item only


@dataclass
class Trigger:
    id: str
    where: str
    pattern: re.Pattern
    needs: tuple[str, ...] = ()  # the pattern cannot match a line holding none of these
    verb: Optional[str] = None   # for a pattern with no verb of its own ("Decision:" ... "That the Board:")


class ResolutionRules:
    def __init__(self, rules: dict):
        self.triggers = [Trigger(t["id"], t["where"], re.compile(t["pattern"]), tuple(t.get("needs", ())), t.get("verb"))
                         for t in rules["triggers"]]
        # Lower-cased, every trigger's needs: a line holding none of them is not tried at all.
        if all(t.needs for t in self.triggers):
            self.trigger_words: Optional[tuple[str, ...]] = tuple({w.lower() for t in self.triggers for w in t.needs})
        else:
            self.trigger_words = None
        self.decision_list = re.compile(rules["decision_list_clause"])
        self.clause_marker = re.compile(rules["clause_marker"])
        self.inline_split = re.compile(rules["inline_clause_split"])
        self.recommendation_intro = re.compile(rules["recommendation_intro"], re.I)
        self.decision_sections = set(rules["decision_sections"])
        self.duplicate_threshold = rules["duplicate_threshold"]
        self.subheading_max_words = rules.get("subheading_max_words", 8)

    def trigger(self, block: Block) -> Optional[tuple[Trigger, re.Match]]:
        if self.trigger_words and not any(map(block.text.lower().__contains__, self.trigger_words)):
            return None
        for trig in self.triggers:
            if trig.needs and not any(map(block.text.__contains__, trig.needs)):
                continue
            if not self.allowed(trig.where, block):
                continue
            m = trig.pattern.match(block.text)
            if m:
                return trig, m
        return None

    def allowed(self, where: str, block: Block) -> bool:
        if where == "any":
            return True
        if where == "decision":
            return block.section in self.decision_sections
        if where == "pre_minutes":
            return block.section != "minutes"
        return False

    def is_clause(self, block: Block) -> bool:
        return block.label == "bullet" or bool(self.clause_marker.match(block.text))

    def split_clauses(self, text: str) -> list[str]:
        parts = [p.strip(" ;,") for p in self.inline_split.split(text) if p.strip(" ;,")]
        return parts or [text]


def find_decisions(blocks: list[Block], rules: ResolutionRules) -> list[Decision]:
    decisions: list[Decision] = []
    used: set[int] = set()
    for i, block in enumerate(blocks):
        if i in used:
            continue
        hit = rules.trigger(block)
        if hit:
            decision = _from_trigger(blocks, i, hit, rules, used)
            if decision:
                decisions.append(decision)
    decisions += _recommendation_sections(blocks, rules, used)
    decisions += _decision_lists(blocks, rules, used)
    decisions.sort(key=lambda d: d.start)
    return _merge_copies(decisions, rules.duplicate_threshold, blocks)


def _from_trigger(blocks: list[Block], i: int, hit, rules: ResolutionRules, used: set[int]) -> Optional[Decision]:
    trig, m = hit
    block = blocks[i]
    rest = block.text[m.end():].strip()
    clauses = rules.split_clauses(rest) if rest else []
    start = block.start + m.end() + (len(block.text[m.end():]) - len(block.text[m.end():].lstrip()))
    end = block.end
    used.add(i)
    expects_list = not rest or block.text.rstrip().endswith((":", ":-", "–", "-"))
    j = i + 1
    while j < len(blocks) and blocks[j].item == block.item and blocks[j].label != "heading":
        nxt = blocks[j]
        if expects_list and clauses and _is_subheading(blocks, j, rules):
            end = nxt.end  # "2025-35 Capital Programme" / "In addition:" between lettered clauses
            used.add(j)
            j += 1
            continue
        if rules.trigger(nxt) or not (rules.is_clause(nxt) or (expects_list and j == i + 1)):
            break
        if not expects_list and _marker_kind(nxt.text) in (_marker_kind(block.text) or "number", "number"):
            break  # "1. RESOLVED that ..." then "2. The Chair ...": the next minute, not a clause
        if _next_minute_number(block.text, nxt.text):
            break  # "8) RESOLVED that ...:", clauses "1." to "6.", then "9) The Chairman ...": the next minute
        if not rest and not clauses:
            start = nxt.start
        clauses.append(nxt.text.strip())
        end = nxt.end
        used.add(j)
        j += 1
    if not clauses or len(" ".join(clauses).split()) < 3:
        return None  # nothing, or a clause cut off after a word or two
    return Decision(trig.verb or m.group("verb").lower(), trig.id, start, end, clauses, item=block.item)


_MARKER_KINDS = (("number", re.compile(r"^\d{1,3}[.)]\s")), ("letter", re.compile(r"^\(?[a-z][.)]\s")),
                 ("roman", re.compile(r"^\(?[ivx]{1,5}[.)]\s")))


def _marker_kind(text: str) -> Optional[str]:
    return next((kind for kind, pattern in _MARKER_KINDS if pattern.match(text)), None)


_MINUTE_NUMBER = re.compile(r"^(\(?)(\d{1,3})([.)])\s")


def _next_minute_number(trigger_text: str, text: str) -> bool:
    """The block is numbered like the trigger's own paragraph, one on: the minutes moved on."""
    a, b = _MINUTE_NUMBER.match(trigger_text), _MINUTE_NUMBER.match(text)
    return bool(a and b and (a.group(1), a.group(3)) == (b.group(1), b.group(3))
                and int(b.group(2)) == int(a.group(2)) + 1)


def _is_subheading(blocks: list[Block], j: int, rules: ResolutionRules) -> bool:
    """A short unpunctuated title line inside a clause list, with a clause right after it."""
    text = blocks[j].text.strip()
    if len(text.split()) > rules.subheading_max_words or text.endswith((".", ";", ",")) or rules.is_clause(blocks[j]):
        return False
    after = blocks[j + 1] if j + 1 < len(blocks) else None
    return bool(after and after.item == blocks[j].item and after.label != "heading" and rules.is_clause(after)
                and not rules.trigger(after))


def _recommendation_sections(blocks: list[Block], rules: ResolutionRules, used: set[int]) -> list[Decision]:
    """A report's Recommendations section: its clauses, without the "X is asked to:" lead-in."""
    out = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.label == "heading" and block.section == "recommendations":
            clauses, start, end, j = [], None, None, i + 1
            while j < len(blocks) and blocks[j].label != "heading" and blocks[j].section == "recommendations" and j not in used:
                text = blocks[j].text.strip()
                if not clauses and rules.recommendation_intro.search(text) and text.endswith(":"):
                    j += 1
                    continue
                if not (rules.is_clause(blocks[j]) or rules.recommendation_intro.search(text)):
                    break
                if clauses and _leaves_numbered_section(clauses[0], text):
                    break  # "2.1 That ...", "2.2 That ..." then "3. Findings" / "3.1 ...": the next section
                if _next_minute_number(block.text, text):
                    break  # "4. Recommendation(s)" ... "5. Contact details"
                start = blocks[j].start if start is None else start
                end = blocks[j].end
                clauses.append(text)
                used.add(j)
                j += 1
            if clauses:
                out.append(Decision("recommended", "recommendations_section", start, end, clauses, item=block.item))
            i = j
        else:
            i += 1
    return out


_SECTION_NUMBERING = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}))?\.?\s")


def _leaves_numbered_section(first: str, text: str) -> bool:
    """Report paragraphs numbered "2.1", "2.2": a line numbered in another section ("3", "3.1") is past
    the recommendations; so is a bare "3. Findings" heading after sub-numbered clauses."""
    a, b = _SECTION_NUMBERING.match(first), _SECTION_NUMBERING.match(text)
    if not (a and b and a.group(2)):
        return False
    return a.group(1) != b.group(1) or not b.group(2)


def _decision_lists(blocks: list[Block], rules: ResolutionRules, used: set[int]) -> list[Decision]:
    """Runs of "That ... be noted/approved" clauses outside any RESOLVED heading."""
    out: list[Decision] = []
    for i, block in enumerate(blocks):
        if i in used or not rules.decision_list.match(block.text):
            continue
        if out and out[-1].rule == "decision_list" and i - 1 in used and blocks[i - 1].end == out[-1].end:
            out[-1].end = block.end
            out[-1].clauses.append(block.text.strip())
        else:
            out.append(Decision("resolved", "decision_list", block.start, block.end, [block.text.strip()], item=block.item))
        used.add(i)
    return out


def _merge_copies(decisions: list[Decision], threshold: int, blocks: list[Block]) -> list[Decision]:
    kept: list[Decision] = []
    texts: list[str] = []
    for decision in decisions:
        text = " ".join(decision.clauses).lower()
        original = next((k for k, seen in zip(kept, texts) if k.item == decision.item and (
            fuzz.ratio(seen, text) >= threshold or _same_clauses(k, decision, threshold))), None)
        if original is not None:
            original.copies.append((decision.start, decision.end))
            continue
        kept.append(decision)
        texts.append(text)
    return kept


def _same_clauses(a: Decision, b: Decision, threshold: int) -> bool:
    """A report's recommendations in its summary box and again in its body: clause for clause the
    same, one copy sometimes adding words to a clause."""
    return len(a.clauses) == len(b.clauses) > 1 and all(
        fuzz.partial_ratio(x.lower(), y.lower()) >= threshold for x, y in zip(a.clauses, b.clauses))


def doc_blocks(doc: Doc) -> list[Block]:
    """Blocks with the section and item each one sits in (from the segmenter's span groups)."""
    sections = sorted(((s.start_char, s.end_char, s.label_) for s in doc.spans.get("sections", [])))
    items = sorted((s.start_char, s.end_char) for s in doc.spans.get("items", []))
    text = document_text(doc)  # a slice of it is the span's text: Span.text rebuilds it token by token
    out, ii = [], -1
    for span in doc.spans.get("blocks", []):
        start, end = span.start_char, span.end_char
        while ii + 1 < len(items) and items[ii + 1][0] <= start:
            ii += 1
        section = _section_at(sections, start)
        out.append(Block(start, end, text[start:end], span.label_, section, ii))
    return out


def _section_at(sections: list[tuple[int, int, str]], pos: int) -> Optional[str]:
    kind = None
    for start, end, label in sections:
        if start > pos:
            break
        if start <= pos < end:
            kind = label
    return kind


class ResolutionsComponent:
    def __init__(self, name: str, rules: dict):
        self.name = name
        self.rules = ResolutionRules(rules)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for decision in find_decisions(doc_blocks(doc), self.rules):
            span = doc.char_span(decision.start, decision.end, label=decision.rule, alignment_mode="expand")
            if span is None:
                continue
            span._.set(PAYLOAD_ATTRS["resolutions"], {
                "verb": decision.verb,
                "clauses": decision.clauses,
                "copies": [{"start": s, "end": e} for s, e in decision.copies],
            })
            spans.append(span)
        doc.spans["resolutions"] = spans
        return doc


@Language.factory(
    "minutes_resolutions",
    requires=["doc.spans"],
    assigns=["doc.spans"],
    default_config={"rules": {}},
)
def make_resolutions(nlp: Language, name: str, rules: dict) -> ResolutionsComponent:
    return ResolutionsComponent(name, rules)
