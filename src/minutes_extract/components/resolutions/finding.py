"""find_decisions: the decisions in a document's blocks (triggered decisions with their clauses,
Recommendations sections, decision headings, decision lists), copies merged."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from ...values.dates import month_number
from .copies import _merge_copies, _restatements_as_copies
from .markers import (
    _BARE_TO, _COLON_ENDS, _MARKER, _THAT, _clause_verb, _continues_numbering, _cut_at_label, _cut_off,
    _first_marker, _is_sentence, _is_subheading, _marker_kind, _next_minute_number, _restarts_numbering, _unmarked,
    _verb, _verbless,
)
from .rules import Block, Decision, ResolutionRules


_CLAUSE_ENDS = (".", ";", ":", ":-", "?", "!")


def find_decisions(blocks: list[Block], rules: ResolutionRules, meeting_date: Optional[str] = None) -> list[Decision]:
    _mark_decision_record(blocks, rules)
    _mark_decision_table(blocks, rules)
    decisions: list[Decision] = []
    used: set[int] = set()
    for i, block in enumerate(blocks):
        if i in used:
            continue
        hit = rules.trigger_at(blocks, i)
        if hit and i > 0 and _opens_table_cell(blocks[i - 1], hit[1], rules):
            continue  # "Recommended to Council for adoption." in a Decision column: the whole cell (_heading_decisions)
        if hit:
            decision = _from_trigger(blocks, i, hit, rules, used)
            if decision:
                decisions.append(decision)
    decisions += _recommendation_tables(blocks, rules, used)
    decisions += _carried_motions(blocks, rules, used)
    decisions += _recommendation_sections(blocks, rules, used)
    decisions += _heading_decisions(blocks, rules, used)
    decisions += _decision_lists(blocks, rules, used)
    decisions.sort(key=lambda d: d.start)
    block_at = _BlockIndex(blocks)
    decisions = [d for d in decisions if not _under_quoted_heading(blocks, block_at(d.start), meeting_date, rules)]
    decisions = _restatements_as_copies(decisions, rules.restated_decision)
    return _merge_copies(decisions, rules.duplicate_threshold, blocks)


class _BlockIndex:
    """Index of the first block holding an offset (-1 if none), found by bisection over the blocks' starts: a scan
    of every block per decision made a long text's decisions cost quadratic time."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.order = sorted((k for k, b in enumerate(blocks) if b.end > b.start), key=lambda k: (blocks[k].start, k))
        self.starts = [blocks[k].start for k in self.order]
        self.overlapping = any(blocks[a].end > blocks[b].start for a, b in zip(self.order, self.order[1:]))

    def __call__(self, pos: int) -> int:
        if self.overlapping:  # (blocks never overlap today; should they, the first holder in list order still wins)
            return next((k for k, b in enumerate(self.blocks) if b.start <= pos < b.end), -1)
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return -1
        k = self.order[i]
        return k if pos < self.blocks[k].end else -1



def _opens_table_cell(above: Block, m: re.Match, rules: ResolutionRules) -> bool:
    """Is the trigger a sentence-case participle opening a decision table's cell (the block above it, the row's
    title, stands for the cell's Decision heading)?"""
    return (above.section == "decision_table" and "verb" in m.re.groupindex and m.start("verb") == 0
            and bool(rules.cell_participle_verb.match(m.group("verb"))))


def _under_quoted_heading(blocks: list[Block], i: int, meeting_date: Optional[str], rules: ResolutionRules) -> bool:
    """Is blocks[i] an earlier decision quoted under a dated heading of its own ("Cabinet, 9 July 2025 (Minute 12
    refers)" / "RESOLVED that ...")? Only when the heading's date is known not to be this meeting's: a running
    header with the meeting's own date stays furniture."""
    if not meeting_date or i <= 0 or blocks[i - 1].item != blocks[i].item:
        return False
    m = rules.quoted_decision_heading.match(blocks[i - 1].text.strip())
    if not m:
        return False
    month = month_number(m.group("month"))
    if not month:
        return False
    if m.group("day"):
        return f"{m.group('year')}-{month:02d}-{int(m.group('day')):02d}" < meeting_date
    return f"{m.group('year')}-{month:02d}" < meeting_date[:7]  # "Cabinet Fees – October 2022": a month before the meeting's


def _mark_decision_record(blocks: list[Block], rules: ResolutionRules) -> None:
    """A decision record page ("Issue - decisions", "Decision Maker: Cabinet") is a decision throughout:
    its unsectioned text counts as under a Decision heading ("... it was agreed to raise allowances")."""
    if any(rules.decision_record.match(b.text) for b in blocks[:rules.decision_record_lines]):
        for block in blocks:
            if block.section is None:
                block.section = "decision_record"


def _mark_decision_table(blocks: list[Block], rules: ResolutionRules) -> None:
    """A table of items whose last column is the decision ("Item Subject Outcome", then each row's number and
    title over its later cells, one a line): each row's decision cell ("Noted.", "Approved as a correct
    record.") is read as under a "Decision:" heading, the block above it standing for the heading. The rows
    end where a row has no cell under its title."""
    for i, block in enumerate(blocks):
        if block.label == "heading" or not rules.decision_table_header.match(block.text.strip()):
            continue
        j = i + 1
        while j + 1 < len(blocks) and blocks[j].label == "heading" and blocks[j + 1].label != "heading" \
                and blocks[j + 1].item == blocks[j].item:
            last = j + 1
            while last + 1 < len(blocks) and blocks[last + 1].label != "heading" and blocks[last + 1].item == blocks[j].item:
                last += 1
            blocks[last - 1].section = "decision_table"
            j = last + 1
        return


def _from_trigger(blocks: list[Block], i: int, hit, rules: ResolutionRules, used: set[int]) -> Optional[Decision]:
    trig, m = hit
    block = blocks[i]
    after = block.text[m.end():]
    rest, cut = _cut_at_label(after.strip(), rules)
    clauses = rules.split_clauses(rest) if rest else []
    start = block.start + m.end() + (len(after) - len(after.lstrip()))
    end = start + len(rest) if cut else block.end
    used.add(i)
    expects_list = not rest or block.text.rstrip().endswith(_COLON_ENDS) or _body_lead_in(rest, rules)
    if not cut:
        clauses, end, first = _gather(blocks, i, clauses, rules, used, expects_list, lead_is_clause=False, end=end)
        if not rest and first is not None:
            start = first
        clauses, end = _run_on_in_record(blocks, clauses, end, rules, used)
        if len(clauses) > 1 and not rest and rules.bare_that.match(clauses[0].strip()):
            clauses = clauses[1:]  # "RESOLVED" / "THAT" / "(1) ...": the "THAT" line only leads in to the clauses
            start = next((b.start for b in blocks[i + 1:] if b.start > start and b.text.strip()), start)
    clauses = _without_introduction(clauses)
    if len(clauses) == 1 and end >= blocks[-1].end and _stops_mid_phrase(clauses[0], rules):
        return None  # the document stops inside the decision's only clause ("AGREED the report and asked officers to")
    words = len(re.findall(r"[A-Za-z]{2,}", " ".join(clauses)))
    whole_word = len(clauses) == 1 and bool(rules.whole_decision_word.match(clauses[0].strip()))  # "Decision: Noted."
    if (words < 2 and not whole_word) or (words < 3 and not clauses[-1].rstrip().endswith((".", ";"))):
        return None  # nothing, or a clause cut off after a word or two ("the report." is whole)
    if "verb" in m.re.groupindex:
        verb = _verb(m.group("verb"))
    else:
        verb = _clause_verb(clauses[0]) if trig.next else trig.verb
    return Decision(verb, trig.id, start, end, clauses, item=block.item)


def _run_on_in_record(blocks: list[Block], clauses: list[str], end: int, rules: ResolutionRules,
                      used: set[int]) -> tuple[list[str], int]:
    """A decision record's decision whose sentence stops without a full stop ("it was agreed to raise fees
    ... payment levels") goes on in the lines under it (a fee table, bullets), to the record's next heading
    or another decision."""
    if not clauses or clauses[-1].rstrip().endswith(_CLAUSE_ENDS):
        return clauses, end
    j = next((k for k, b in enumerate(blocks) if b.start >= end), len(blocks))
    first = j
    while j < len(blocks) and j not in used and blocks[j].section == "decision_record" \
            and blocks[j].label != "heading" and not rules.trigger_at(blocks, j):
        j += 1
    if j == first or (j > first and blocks[first].item != blocks[first - 1].item):
        return clauses, end
    used.update(range(first, j))
    return clauses + [b.text.strip() for b in blocks[first:j]], blocks[j - 1].end


def _stops_mid_phrase(clause: str, rules: ResolutionRules) -> bool:
    """An unpunctuated clause ending on a function word ("... and asked officers to"): cut off, not complete."""
    text = re.sub(r"[;,]\s*(?:and|or)$", ";", clause.rstrip())  # "...; and": a complete clause, the next one lost
    return not text.endswith((".", ";", ":", "!", "?", ")", "”", '"')) and bool(rules.cut_off_last_word.search(text))


def _without_introduction(clauses: list[str]) -> list[str]:
    """"RESOLVED that the County Council:" then "(1) ...", "(2) ...": the lead-in introduces the clauses and is
    not one of them (it stays inside the decision's text and span). A lead-in that says something itself
    ("the Committee requested a further update covering:") stays a clause."""
    if len(clauses) > 1 and clauses[0].rstrip().endswith(_COLON_ENDS) and _names_only(clauses[0]):
        return clauses[1:]
    return clauses


def _body_lead_in(rest: str, rules: ResolutionRules) -> bool:
    """"RESOLVED: That Cabinet" with no colon, then "1. notes ...": the body's name alone introduces numbered
    clauses (as the body_intro_bare trigger reads such a line on its own)."""
    bare = next((t for t in rules.triggers if t.id == "body_intro_bare"), None)
    return bare is not None and bool(bare.pattern.match(rest.strip()))


def _names_only(lead_in: str) -> bool:
    """A short lead-in with no verb-like word: a body's name ("the County Council:", "That the Cabinet:")."""
    words = re.findall(r"[A-Za-z']+", lead_in)
    return len(words) <= 6 and not any(w.lower().endswith(("ed", "ing")) for w in words)


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
        # (whether the clause is shaped as a decision, rules.decision_clause.match: a costly pattern, read only
        # where an answer turns on it)
        if nxt.label == "heading" or nxt.item != item:
            # "3. All substitutes would need ..." read as an item heading, yet numbered on from clause 2;
            # "That the Cabinet:" then "1. Approve the business case." read as item 1.
            opens = expects_list and j == i + 1 and _first_marker(text)
            if not (follows or opens):
                break
            shaped = bool(rules.decision_clause.match(text))
            if not ((expects_list or shaped) and (_is_sentence(text) or (shaped and text.endswith((".", ";"))))):
                break
            item = nxt.item
        elif clauses and (skip := _page_break(blocks, j, clauses[-1], rules)):
            used.update(range(j, j + skip))  # "(1) ...;", "Cabinet - 18 March 2025", "Page 5", "(2) ...": a page break
            j += skip
            continue
        elif expects_list and clauses and _is_subheading(blocks, j, rules):
            end = nxt.end  # "2025-35 Capital Programme" / "In addition:" between lettered clauses
            used.add(j)
            j += 1
            continue
        elif (hit := rules.trigger_at(blocks, j)) and not (expects_list and not clauses and _verbless(hit)):
            break  # another decision; but "RESOLVED:" then "That the Council" then "(i) approves ...": its own lead-in
        elif (list_only and not expects_list and not (follows and rules.decision_clause.match(text))
              and not rules.decision_list.match(text)):
            break  # after "That ... be noted." only more "That ..." clauses or the list numbered on
        elif not (rules.is_clause(nxt) or follows or (expects_list and j == i + 1)):
            break
        elif not expects_list and not follows and (_marker_kind(text) in (_marker_kind(block.text) or "number", "number")
                                                   or _continues_numbering(block.text.strip(), text)):
            break  # "1. RESOLVED that ..." then "2. The Chair ...", "i. ... Agreed: ..." then "ii. ...": the next minute
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



def _page_break(blocks: list[Block], j: int, last_clause: str, rules: ResolutionRules) -> int:
    """How many lines from blocks[j] are a page break inside a decision's clause list: page numbers and short
    running-header lines that end no sentence, with the list numbered on right after them. 0 if none."""
    k = j
    while k < len(blocks) and k - j < rules.furniture_max_lines and blocks[k].item == blocks[j].item:
        text = blocks[k].text.strip()
        if not (rules.page_furniture.match(text) or _running_header(text, rules)) or rules.is_clause(blocks[k]):
            break
        k += 1
    follows = k > j and k < len(blocks) and _continues_numbering(last_clause, blocks[k].text.strip())
    return k - j if follows else 0


def _running_header(text: str, rules: ResolutionRules) -> bool:
    """A short line that ends no sentence and is no list introduction ("Cabinet - 18 March 2025")."""
    return len(text.split()) <= rules.furniture_max_words and not text.endswith((".", ";", ",", "?", "!") + _COLON_ENDS)


def _recommendation_tables(blocks: list[Block], rules: ResolutionRules, used: set[int]) -> list[Decision]:
    """A table pairing each recommendation with the body's decision on it ("Recommendation | Decision", then
    "To approve the plan | Approved", "To note the report | Noted", one row a line): the rows are the clauses of
    one decision, the item's, as a decision list under a Decision heading is; a row decided otherwise
    ("Deferred to ...") stays one of its clauses. The rows end at the first line that is not a row."""
    out = []
    for i, block in enumerate(blocks):
        if block.label == "heading" or not rules.recommendation_table_header.match(block.text.strip()):
            continue
        rows = []
        for j in range(i + 1, len(blocks)):
            row = blocks[j]
            if j in used or row.label == "heading" or row.item != block.item \
                    or not rules.recommendation_table_row.match(row.text.strip()):
                break
            rows.append(j)
        if not rows:
            continue
        used.update(rows)
        out.append(Decision("decided", "recommendation_table", blocks[rows[0]].start, blocks[rows[-1]].end,
                            [blocks[j].text.strip() for j in rows], item=block.item))
    return out


def _heading_decisions(blocks: list[Block], rules: ResolutionRules, used: set[int]) -> list[Decision]:
    """A `Decision:` / `Resolved` heading over a decision with no verb of its own ("(1) To note the
    report", "Cabinet noted the report.", "The questions were noted."): the verb is the heading's."""
    out = []
    for i, block in enumerate(blocks[:-1]):
        if (block.label == "heading" or block.section == "decision_table") and block.section in rules.heading_verbs:
            verb = rules.heading_verbs[block.section]  # (a table's decision cell stands under the cell before it)
        elif block.label != "heading" and rules.decision_label.match(block.text):
            # "Decision of the Cabinet", "Outcome" on a line of its own, not taken for a section heading
            verb = "resolved" if block.text.strip().lower().startswith("resol") else "decided"
        elif block.label != "heading" and (glued := rules.glued_heading_in(block.text)):
            # "... Annual Report 2014-15 Decision:" (a heading run into the line above)
            verb = "resolved" if glued.group().strip().lower().startswith("resolved") else "decided"
        else:
            continue
        j = i + 1
        first = blocks[j]
        if j in used or first.label == "heading" or first.item != block.item or not (
                rules.worded_as("heading_clause", first.text) or _lead_in(blocks, j, rules)):
            continue
        text, cut = _cut_at_label(first.text.strip(), rules)
        used.add(j)
        clauses, end = [text], (first.start + len(text) if cut else first.end)
        if not cut:
            clauses, end, _ = _gather(blocks, j, clauses, rules, used, text.endswith(_COLON_ENDS), True, end)
        out.append(Decision(verb, "decision_heading", first.start, end, clauses, item=first.item))
    return out


def _lead_in(blocks: list[Block], j: int, rules: ResolutionRules) -> bool:
    """Under a decision heading, a line ending with a colon over marked clauses ("The Cabinet Member for
    Education:" then "(a) approved ..."): the decision-maker's lead-in to the decision."""
    after = blocks[j + 1] if j + 1 < len(blocks) else None
    return (blocks[j].text.rstrip().endswith(_COLON_ENDS) and after is not None and after.item == blocks[j].item
            and after.label != "heading" and bool(_MARKER.match(after.text.strip())))


def _carried_motions(blocks: list[Block], rules: ResolutionRules, used: set[int]) -> list[Decision]:
    """A motion moved in narrative and then carried, with no RESOLVED of its own: "It was moved by Cllr A and
    seconded by Cllr B that a grant be made ... On being put to the vote the motion was CARRIED." The motion's
    that-clause is the decision. A lost motion or amendment is none; a RESOLVED after it is the decision."""
    out = []
    for i, block in enumerate(blocks):
        if i in used or block.label == "heading" or "It was" not in block.text:  # (also after a sentence or two)
            continue
        m = rules.carried_motion.match(block.text)
        if not m:
            continue
        start = m.start("that")
        vote = rules.carried_vote.search(block.text, start)
        nxt = blocks[i + 1] if i + 1 < len(blocks) and blocks[i + 1].item == block.item else None
        if vote is None and not (nxt and nxt.label != "heading" and rules.carried_vote.search(nxt.text)):
            continue
        if _resolved_after(blocks, i, rules):
            continue  # "... the motion was CARRIED and it was RESOLVED that ...": the RESOLVED is the decision
        end = vote.start() if vote else len(block.text)
        clause = re.sub(r"(?:[\s,]+(?:and|whereupon))?[\s,]*$", "", block.text[start:end])
        if len(clause.split()) < 4:
            continue
        used.add(i)
        out.append(Decision("resolved", "carried_motion", block.start + start, block.start + start + len(clause),
                            [clause], item=block.item))
    return out


def _resolved_after(blocks: list[Block], i: int, rules: ResolutionRules) -> bool:
    """A decision verb later in the block, or a triggered decision in the two blocks after it (same item)."""
    if rules.decision_word.search(blocks[i].text):
        return True
    return any(blocks[k].item == blocks[i].item and rules.trigger_at(blocks, k)
               for k in range(i + 1, min(i + 3, len(blocks))))


def _recommendation_sections(blocks: list[Block], rules: ResolutionRules, used: set[int]) -> list[Decision]:
    """A report's Recommendations section: its clauses, without the "X is asked to:" lead-in."""
    out = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.label == "heading" and block.section == "recommendations":
            clauses, start, end, j = [], None, None, i + 1
            while (j < len(blocks) and blocks[j].label != "heading" and j not in used
                   and (blocks[j].section == "recommendations" or _clause_numbered_on(clauses, blocks[j].text.strip()))):
                text = blocks[j].text.strip()
                if not clauses and rules.recommendation_intro.search(text) and text.endswith(":"):
                    j += 1
                    continue
                if not (rules.is_clause(blocks[j]) or rules.recommendation_intro.search(text)):
                    break
                if clauses and _leaves_numbered_section(clauses[0], text):
                    break  # "2.1 That ...", "2.2 That ..." then "3. Findings" / "3.1 ...": the next section
                if _next_minute_number(block.text, text) and not _clause_numbered_on(clauses, text):
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


def _clause_numbered_on(clauses: list[str], text: str) -> bool:
    """"3. To agree that ..." after clauses "1. To note ...", "2. To note ...": a whole sentence numbering the
    clauses on is one more of them, not the report's next section ("3. Background") though numbered like it."""
    return bool(clauses) and _continues_numbering(clauses[-1], text) and _is_sentence(text)


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
