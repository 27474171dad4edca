"""minutes_resolutions: formal decisions (RESOLVED / AGREED / DECIDED / RECOMMENDED, a report's
Recommendations, decision-list clauses "That ... be noted"), one span per decision from the first
word after the verb to the end of its last clause. A decision printed twice (under Decision: and
again at the end of Minutes:) is kept once; the copy's position is recorded in `copies`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
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
    next: Optional[str] = None   # "decision_clause": fires only when the block after it is worded as a decision
    rest: Optional[str] = None   # "decision_clause": fires only when the words after it on the line are worded as one


class ResolutionRules:
    def __init__(self, rules: dict):
        self.triggers = [Trigger(t["id"], t["where"], re.compile(t["pattern"]), tuple(t.get("needs", ())), t.get("verb"),
                                 t.get("next"), t.get("rest")) for t in rules["triggers"]]
        # Lower-cased, every trigger's needs: a line holding none of them is not tried at all.
        if all(t.needs for t in self.triggers):
            self.trigger_words: Optional[tuple[str, ...]] = tuple({w.lower() for t in self.triggers for w in t.needs})
        else:
            self.trigger_words = None
        participles = "|".join(map(re.escape, rules.get("decision_participles", ["noted", "approved", "agreed"])))
        self.decision_list = re.compile(rules["decision_list_clause"].replace("{participles}", participles))
        self.decision_clause = re.compile(rules["decision_clause"].replace("{participles}", participles))
        # "(c) the contract be awarded ...;": a clause with its own subject and a passive decision verb
        self.subjunctive_clause = re.compile(rules["subjunctive_clause"].replace("{participles}", participles))
        self.decision_label = re.compile(rules["decision_label_line"])
        self.narrative_intro = re.compile(rules["narrative_list_intro"], re.I)
        self.page_furniture = re.compile(rules["page_furniture"])
        self.passive_list = re.compile(rules["passive_list_clause"])
        self.embedded_label = re.compile(rules["embedded_label"])
        self.glued_heading = re.compile(rules["glued_decision_heading"])
        self.heading_verbs = rules["heading_verbs"]
        self.decision_record = re.compile(rules["decision_record"])
        self.decision_record_lines = rules.get("decision_record_lines", 20)
        self.reported_decision = re.compile(rules["reported_decision"])
        self.that_run_excludes = re.compile(rules["that_run_excludes"])
        self.clause_marker = re.compile(rules["clause_marker"])
        self.inline_split = re.compile(rules["inline_clause_split"])
        self.recommendation_intro = re.compile(rules["recommendation_intro"], re.I)
        self.decision_sections = set(rules["decision_sections"])
        self.duplicate_threshold = rules["duplicate_threshold"]
        self.subheading_max_words = rules.get("subheading_max_words", 8)
        self.not_subheading = re.compile(rules["not_subheading"])
        self.cut_off_min_words = rules["cut_off_clause"]["min_words"]
        self.cut_off_last_word = re.compile(rules["cut_off_clause"]["last_word"])

    def trigger(self, block: Block, after: Optional[Block] = None) -> Optional[tuple[Trigger, re.Match]]:
        if self.trigger_words and not any(map(block.text.lower().__contains__, self.trigger_words)):
            return None
        for trig in self.triggers:
            if trig.needs and not any(map(block.text.__contains__, trig.needs)):
                continue
            if not self.allowed(trig.where, block):
                continue
            m = trig.pattern.match(block.text)
            if (m and (trig.next is None or self.next_allows(trig.next, block, after))
                    and (trig.rest is None or self.decision_clause.match(block.text[m.end():])) and not self.reported(m)):
                return trig, m
        return None

    def reported(self, m: re.Match) -> bool:
        """"The Cabinet had RESOLVED ...", "Council, at its meeting on 5 May, AGREED ...": another body's
        decision reported, not this meeting's."""
        return "verb" in m.re.groupindex and bool(self.reported_decision.search(m.string, 0, m.start("verb")))

    def trigger_at(self, blocks: list[Block], i: int) -> Optional[tuple[Trigger, re.Match]]:
        return self.trigger(blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None)

    def next_allows(self, condition: str, block: Block, after: Optional[Block]) -> bool:
        """"The Policy and Resources Committee –" introduces a decision only when a decision follows it; a bare
        "The Committee" only when a marked decision clause follows ("(1) received the report; and")."""
        if after is None or after.item != block.item or after.label == "heading" or not self.decision_clause.match(after.text):
            return False
        return condition == "decision_clause" or (condition == "marked_decision_clause" and bool(_MARKER.match(after.text)))

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
    _mark_decision_record(blocks, rules)
    decisions: list[Decision] = []
    used: set[int] = set()
    for i, block in enumerate(blocks):
        if i in used:
            continue
        hit = rules.trigger_at(blocks, i)
        if hit:
            decision = _from_trigger(blocks, i, hit, rules, used)
            if decision:
                decisions.append(decision)
    decisions += _recommendation_sections(blocks, rules, used)
    decisions += _heading_decisions(blocks, rules, used)
    decisions += _decision_lists(blocks, rules, used)
    decisions.sort(key=lambda d: d.start)
    return _merge_copies(decisions, rules.duplicate_threshold, blocks)


_COLON_ENDS = (":", ":-", "–", "-", "—")


def _mark_decision_record(blocks: list[Block], rules: ResolutionRules) -> None:
    """A decision record page ("Issue - decisions", "Decision Maker: Cabinet") is a decision throughout:
    its unsectioned text counts as under a Decision heading ("... it was agreed to raise allowances")."""
    if any(rules.decision_record.match(b.text) for b in blocks[:rules.decision_record_lines]):
        for block in blocks:
            if block.section is None:
                block.section = "decision_record"


def _from_trigger(blocks: list[Block], i: int, hit, rules: ResolutionRules, used: set[int]) -> Optional[Decision]:
    trig, m = hit
    block = blocks[i]
    after = block.text[m.end():]
    rest, cut = _cut_at_label(after.strip(), rules)
    clauses = rules.split_clauses(rest) if rest else []
    start = block.start + m.end() + (len(after) - len(after.lstrip()))
    end = start + len(rest) if cut else block.end
    used.add(i)
    expects_list = not rest or block.text.rstrip().endswith(_COLON_ENDS)
    if not cut:
        clauses, end, first = _gather(blocks, i, clauses, rules, used, expects_list, lead_is_clause=False, end=end)
        if not rest and first is not None:
            start = first
    words = len(re.findall(r"[A-Za-z]{2,}", " ".join(clauses)))
    if words < 2 or (words < 3 and not clauses[-1].rstrip().endswith((".", ";"))):
        return None  # nothing, or a clause cut off after a word or two ("the report." is whole)
    if "verb" in m.re.groupindex:
        verb = _verb(m.group("verb"))
    else:
        verb = _clause_verb(clauses[0]) if trig.next else trig.verb
    return Decision(verb, trig.id, start, end, clauses, item=block.item)


def _gather(blocks: list[Block], i: int, clauses: list[str], rules: ResolutionRules, used: set[int],
            expects_list: bool, lead_is_clause: bool, end: int, list_only: bool = False):
    """The clauses after blocks[i] that belong to its decision, up to the end of the decision: the next
    heading or minute, narrative, a trigger, a list that starts its numbering again, or a repeated clause.
    Returns (clauses, end, start of the first clause taken or None)."""
    block = blocks[i]
    prev = clauses[-1] if (clauses and lead_is_clause) else None
    first = None
    ends = [end] if clauses else []
    item = block.item  # a clause the segmenter took for an item heading moves the decision into that item
    j = i + 1
    while j < len(blocks):
        nxt = blocks[j]
        text = nxt.text.strip()
        follows = prev is not None and _continues_numbering(prev, text)
        shaped = bool(rules.decision_clause.match(text))
        if nxt.label == "heading" or nxt.item != item:
            # "3. All substitutes would need ..." read as an item heading, yet numbered on from clause 2;
            # "That the Cabinet:" then "1. Approve the business case." read as item 1.
            opens = expects_list and j == i + 1 and _first_marker(text)
            if not ((follows or opens) and (expects_list or shaped)
                    and (_is_sentence(text) or (shaped and text.endswith((".", ";"))))):
                break
            item = nxt.item
        elif clauses and rules.page_furniture.match(text) and j + 1 < len(blocks) and _continues_numbering(
                clauses[-1], blocks[j + 1].text.strip()):
            used.add(j)  # "(1) ...;", "Page 5 of 8", "(2) ...": the page break inside the decision
            j += 1
            continue
        elif expects_list and clauses and _is_subheading(blocks, j, rules):
            end = nxt.end  # "2025-35 Capital Programme" / "In addition:" between lettered clauses
            used.add(j)
            j += 1
            continue
        elif (hit := rules.trigger_at(blocks, j)) and not (expects_list and not clauses and _verbless(hit)):
            break  # another decision; but "RESOLVED:" then "That the Council" then "(i) approves ...": its own lead-in
        elif list_only and not (follows and shaped) and not rules.decision_list.match(text) and not expects_list:
            break  # after "That ... be noted." only more "That ..." clauses or the list numbered on
        elif not (rules.is_clause(nxt) or follows or (expects_list and j == i + 1)):
            break
        elif not expects_list and not follows and _marker_kind(text) in (_marker_kind(block.text) or "number", "number"):
            break  # "1. RESOLVED that ..." then "2. The Chair ...": the next minute, not a clause
        elif not expects_list and _BARE_TO.match(text) and not (prev and _BARE_TO.match(prev)):
            break  # "RESOLVED that the minutes be signed." then "To consider any requests ...": the next item's description
        if _next_minute_number(block.text, text) and not (lead_is_clause and follows):
            break  # "8) RESOLVED that ...:", clauses "1." to "6.", then "9) The Chairman ...": the next minute
        if clauses and _restarts_numbering(clauses, text):
            break  # "a) ... e)" then "1. That ...": another decision's list
        if text in clauses or text == block.text.strip():
            break  # the same decision printed again straight after
        text, cut = _cut_at_label(text, rules)
        first = nxt.start if first is None else first
        clauses.append(text)
        end = nxt.start + len(nxt.text) - len(nxt.text.lstrip()) + len(text) if cut else nxt.end
        used.add(j)
        ends.append(end)
        prev = text
        j += 1
        if cut:
            break
    if j >= len(blocks) and len(ends) > 1 and _cut_off(clauses[-1], rules):
        clauses.pop()  # the document stops inside the last clause: only the complete clauses count
        ends.pop()
        end = ends[-1]
    return clauses, end, first


def _verbless(hit) -> bool:
    """A trigger with no decision verb of its own ("That the Council", "The Committee –"): an introduction."""
    return "verb" not in hit[1].re.groupindex


def _cut_off(clause: str, rules: ResolutionRules) -> bool:
    """An unpunctuated last clause that stops after a few words or on a fragment ("... to Cabinet i",
    "That Committee member's desire"); "... appended to the report" is complete."""
    text = clause.rstrip()
    if text.endswith((".", ";", ":", "!", "?", ")", "”", '"')):
        return False
    return len(text.split()) < rules.cut_off_min_words or bool(rules.cut_off_last_word.search(text))


def _cut_at_label(text: str, rules: ResolutionRules) -> tuple[str, bool]:
    """A decision line that runs on into the next section's label ("... be noted. Minutes: The Committee
    received ...", "To note the report Action by:") ends before the label."""
    m = rules.embedded_label.search(text)
    if not m:
        return text, False
    return text[:m.start()].rstrip(), True


def _verb(written: str) -> str:
    """"R E S O L V E D", "RESOLVED", "Resolved" -> "resolved"; "To recommend –" -> "recommended"."""
    verb = re.sub(r"\s+", "", written).lower()
    return verb if verb.endswith("ed") else verb + ("d" if verb.endswith("e") else "ed")


_CLAUSE_VERBS = (("noted", "noted"), ("note", "noted"), ("agree", "agreed"), ("recommend", "recommended"),
                 ("resolve", "resolved"), ("decide", "decided"))


def _clause_verb(clause: str) -> str:
    """The decision verb a clause carries itself ("1. Noted that ..."), else "decided"."""
    words = re.findall(r"[A-Za-z]+", clause.lower())[:3]
    for word in words:
        for stem, verb in _CLAUSE_VERBS:
            if word.startswith(stem):
                return verb
    return "decided"


_MARKER_KINDS = (("number", re.compile(r"^\d{1,3}[.)]\s")), ("letter", re.compile(r"^\(?[a-z][.)]\s")),
                 ("roman", re.compile(r"^\(?[ivx]{1,5}[.)]\s")))


def _marker_kind(text: str) -> Optional[str]:
    return next((kind for kind, pattern in _MARKER_KINDS if pattern.match(text)), None)


_MARKER = re.compile(r"^(\(?)(\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})([.)])\s")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12}


def _marker_values(text: str) -> list[tuple[str, str, int]]:
    """(kind, style, value) readings of a clause's marker: "(ii)" is roman 2; "i." may be letter 9 or roman 1."""
    m = _MARKER.match(text)
    if not m:
        return []
    style, token = m.group(1) + m.group(3), m.group(2)
    if token.isdigit():
        return [("number", style, int(token))]
    out = []
    if token.lower() in _ROMAN:
        out.append(("roman" + ("U" if token.isupper() else ""), style, _ROMAN[token.lower()]))
    if len(token) == 1:
        out.append(("letter" + ("U" if token.isupper() else ""), style, ord(token.lower()) - 96))
    return out


def _first_marker(text: str) -> bool:
    """"1.", "(a)", "i)": the first clause of a list."""
    return any(v == 1 for _, _, v in _marker_values(text))


def _continues_numbering(prev: str, text: str) -> bool:
    """"2. ..." after "1. ...", "(c)" after "(b)", "iii." after "ii.": the same list numbered on."""
    return any(k == k2 and s == s2 and v2 == v + 1
               for k, s, v in _marker_values(prev) for k2, s2, v2 in _marker_values(text))


def _restarts_numbering(clauses: list[str], text: str) -> bool:
    """A clause numbered "1."/"a)"/"i." again after clauses of that kind, not as a sub-list of a clause
    ending with a colon: a new list, so a new decision."""
    if clauses[-1].rstrip().endswith(_COLON_ENDS):
        return False
    starts = [(k, s) for k, s, v in _marker_values(text) if v == 1]
    return bool(starts) and any((k, s) in starts for c in clauses for k, s, _ in _marker_values(c))


def _is_sentence(text: str) -> bool:
    return text.endswith((".", ";")) and len(text.split()) >= 6


_MINUTE_NUMBER = re.compile(r"^(\(?)(\d{1,3})([.)])\s")


def _next_minute_number(trigger_text: str, text: str) -> bool:
    """The block is numbered like the trigger's own paragraph, one on: the minutes moved on."""
    a, b = _MINUTE_NUMBER.match(trigger_text), _MINUTE_NUMBER.match(text)
    return bool(a and b and (a.group(1), a.group(3)) == (b.group(1), b.group(3))
                and int(b.group(2)) == int(a.group(2)) + 1)


def _is_subheading(blocks: list[Block], j: int, rules: ResolutionRules) -> bool:
    """A short unpunctuated title line inside a clause list, with a clause right after it."""
    text = blocks[j].text.strip()
    if (len(text.split()) > rules.subheading_max_words or text.endswith((".", ";", ",")) or rules.is_clause(blocks[j])
            or rules.not_subheading.search(text)):
        return False  # "“7.2 The following was noted in discussion:" opens other business
    after = blocks[j + 1] if j + 1 < len(blocks) else None
    return bool(after and after.item == blocks[j].item and after.label != "heading" and rules.is_clause(after)
                and not rules.trigger_at(blocks, j + 1))


def _heading_decisions(blocks: list[Block], rules: ResolutionRules, used: set[int]) -> list[Decision]:
    """A `Decision:` / `Resolved` heading over a decision with no verb of its own ("(1) To note the
    report", "Cabinet noted the report.", "The questions were noted."): the verb is the heading's."""
    out = []
    for i, block in enumerate(blocks[:-1]):
        if block.label == "heading" and block.section in rules.heading_verbs:
            verb = rules.heading_verbs[block.section]
        elif block.label != "heading" and rules.decision_label.match(block.text):
            # "Decision of the Cabinet", "Outcome" on a line of its own, not taken for a section heading
            verb = "resolved" if block.text.strip().lower().startswith("resol") else "decided"
        elif block.label != "heading" and (glued := rules.glued_heading.search(block.text)):
            # "... Annual Report 2014-15 Decision:" (a heading run into the line above)
            verb = "resolved" if glued.group().strip().lower().startswith("resolved") else "decided"
        else:
            continue
        j = i + 1
        first = blocks[j]
        if j in used or first.label == "heading" or first.item != block.item or not rules.decision_clause.match(first.text):
            continue
        text, cut = _cut_at_label(first.text.strip(), rules)
        used.add(j)
        clauses, end = [text], (first.start + len(text) if cut else first.end)
        if not cut:
            clauses, end, _ = _gather(blocks, j, clauses, rules, used, text.endswith(_COLON_ENDS), True, end)
        out.append(Decision(verb, "decision_heading", first.start, end, clauses, item=first.item))
    return out


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
    """Decisions printed without a verb: "That ... be noted/approved" clauses, a numbered run of
    "1. That ...", "2. That ..." clauses, or a list opening with "i. The report was noted."."""
    out: list[Decision] = []
    for i, block in enumerate(blocks):
        if i in used:
            continue
        text = block.text.strip()
        after = blocks[i + 1].text.strip() if i + 1 < len(blocks) else ""
        numbered_on = _continues_numbering(text, after)
        if _under_narrative_intro(blocks, i, rules):
            continue  # "Members made the following suggestions:" then "(a) that more data be provided;"
        if rules.decision_list.match(text):
            expects_list = text.endswith(_COLON_ENDS)
        elif numbered_on and all(_THAT.match(_unmarked(t)) and not rules.that_run_excludes.search(t) for t in (text, after)):
            expects_list = False  # "1. That the allowances are increased ...", "2. That ...", not "1. That X was welcomed"
        elif numbered_on and rules.passive_list.match(text):
            expects_list = True
        elif (numbered_on and not _first_marker(text) and not (i and rules.is_clause(blocks[i - 1]))
              and all(rules.subjunctive_clause.match(t) for t in (text, after))):
            # "(c) the contract be awarded ...; and", "(d) ... be authorised ...": a list whose start (and
            # verb) is on a page cut off; a whole list "(a) that more data be provided" may be suggestions
            expects_list = False
        else:
            continue
        used.add(i)
        text, cut = _cut_at_label(text, rules)
        clauses, end = [text], (block.start + len(text) if cut else block.end)
        if not cut:
            clauses, end, _ = _gather(blocks, i, clauses, rules, used, expects_list, True, end, list_only=True)
        out.append(Decision("resolved", "decision_list", block.start, end, clauses, item=block.item))
    return out


def _under_narrative_intro(blocks: list[Block], i: int, rules: ResolutionRules) -> bool:
    """The clause is in a list whose introduction, the line above the list, lists discussion points."""
    if not _MARKER.match(blocks[i].text):
        return False
    k = i - 1
    while k >= 0 and blocks[k].item == blocks[i].item and blocks[k].label != "heading" and _MARKER.match(blocks[k].text):
        k -= 1
    above = blocks[k] if k >= 0 else None
    return (above is not None and above.item == blocks[i].item and above.label != "heading"
            and bool(rules.narrative_intro.search(above.text.strip())))


_BARE_TO = re.compile(r"^To\s")
_THAT = re.compile(r"^(?:That|THAT)\b")


def _unmarked(text: str) -> str:
    m = _MARKER.match(text)
    return text[m.end():].lstrip() if m else text


def _merge_copies(decisions: list[Decision], threshold: int, blocks: list[Block]) -> list[Decision]:
    """Keep the first printing of each decision; a later near-identical one in the same item becomes its
    copy. Only decisions sharing a copy key (same item and opening, closing or clause-list words) are
    compared, and only the latest few per key, so a huge document costs linear time, not quadratic."""
    kept: list[Decision] = []
    texts: list[str] = []
    index: dict[tuple, list[int]] = {}
    for decision in decisions:
        text = _LEADING_THAT.sub("", " ".join(decision.clauses).lower())  # "That the report be noted." = "the report ..."
        keys = _copy_keys(decision, text)
        candidates = sorted({k for key in keys for k in index.get(key, ())})
        original = next((kept[k] for k in candidates if fuzz.ratio(texts[k], text) >= threshold
                         or _same_clauses(kept[k], decision, threshold)), None)
        if original is not None:
            original.copies.append((decision.start, decision.end))
            continue
        for key in keys:
            bucket = index.setdefault(key, [])
            bucket.append(len(kept))
            del bucket[:-_COPY_BUCKET]
        kept.append(decision)
        texts.append(text)
    return kept


_LEADING_THAT = re.compile(r"^that\s+")
_COPY_WORD = re.compile(r"[a-z0-9£%]+")
_COPY_SKIP = {"that", "to", "and"}
_COPY_BUCKET = 32  # per key, the latest decisions a new one is compared with


def _copy_keys(decision: Decision, text: str) -> list[tuple]:
    """Words a copy shares with its original: its first and last words (markers and "that" left out) and,
    for a clause list, the clause count with the first clause's opening words."""
    words = [w for w in _COPY_WORD.findall(text) if len(w) > 1 and w not in _COPY_SKIP and not _ROMAN.get(w)]
    keys = [(decision.item, "head", tuple(words[:4])), (decision.item, "tail", tuple(words[-4:]))]
    if len(decision.clauses) > 1:
        first = [w for w in _COPY_WORD.findall(decision.clauses[0].lower())
                 if len(w) > 1 and w not in _COPY_SKIP and not _ROMAN.get(w)]
        keys.append((decision.item, "clauses", len(decision.clauses), tuple(first[:3])))
    return keys


def _same_clauses(a: Decision, b: Decision, threshold: int) -> bool:
    """A report's recommendations in its summary box and again in its body: clause for clause the
    same, one copy sometimes adding words to a clause; or the later copy printing the first clauses only
    ("Decision:" (i)-(iii), then "RESOLVED:-" (i)-(ii) at the end of the minutes)."""
    return 1 < len(b.clauses) <= len(a.clauses) and all(
        fuzz.partial_ratio(x.lower(), y.lower()) >= threshold for x, y in zip(a.clauses, b.clauses))


def doc_blocks(doc: Doc) -> list[Block]:
    """Blocks with the section and item each one sits in (from the segmenter's span groups)."""
    sections = _Sections(doc.spans.get("sections", []))
    items = sorted((s.start_char, s.end_char) for s in doc.spans.get("items", []))
    text = document_text(doc)  # a slice of it is the span's text: Span.text rebuilds it token by token
    out, ii = [], -1
    for span in doc.spans.get("blocks", []):
        start, end = span.start_char, span.end_char
        while ii + 1 < len(items) and items[ii + 1][0] <= start:
            ii += 1
        out.append(Block(start, end, text[start:end], span.label_, sections.at(start), ii))
    return out


class _Sections:
    """The kind of the section holding a position: of the sections containing it, the one starting last
    (a bisect, then a walk back that stops once no earlier section reaches the position)."""

    def __init__(self, spans):
        self.sections = sorted((s.start_char, s.end_char, s.label_) for s in spans)
        self.starts = [start for start, _, _ in self.sections]
        self.reach, furthest = [], -1  # furthest end of any section up to each index
        for _, end, _ in self.sections:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def at(self, pos: int) -> Optional[str]:
        k = bisect_right(self.starts, pos) - 1
        while k >= 0 and self.reach[k] > pos:
            start, end, label = self.sections[k]
            if start <= pos < end:
                return label
            k -= 1
        return None


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
