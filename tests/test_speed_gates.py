"""Speed gates skip a regex only where it cannot match: every gated answer equals the ungated one, on
sentences written for these tests (odd cases included: capitals, dotless i, long s, trailing spaces)."""
import re

import pytest

from minutes_extract.components.document_kind import GatedCues
from minutes_extract.components.votes.reading import Block, _first_outcome
from minutes_extract.matching import WeightedCues, lowered
from minutes_extract.matching.ends import closing_character, required_literals

LINES = [
    "Minutes of the Cabinet held on 3 May 2024",
    "Annual Report 2023-24 Decision:",
    "Annual Report 2023-24 Decision:   ",
    "Annual Report 2023-24 DECISION :\n",
    "The Committee agreed the decision: it noted the report.",
    "Councillor Green proposed, and Councillor Brown seconded, that the report be approved.",
    "The Chairman put the amendment to the vote and it was LOST.",
    "The motion was CARRIED unanimously.",
    "On being put to the vote the recommendations were agreed.",
    "Lead Inspector: A Brown",
    "LEAD INSPECTOR: A BROWN",
    "Lead \u0131nspector: A Brown",          # dotless i: re.I reads it as i
    "Report publi\u017fhed: 3 May 2024",     # long s: re.I reads it as s
    "What needs to improve?",
    "This letter summarises the findings of a focused visit",
    "",
]


@pytest.mark.parametrize("pattern, char", [
    (r"(?:^|\s)(?:Decision|Resolved)\s*:\s*$", ":"),
    (r"x[:;]\s*$", None),
    (r"x:?\s*$", None),
    (r"a|b:\s*$", None),
    (r"x:\s+$", None),
    (r"(?m)x:\s*$", None),
    (r"(?i)note\s*$", None),
])
def test_closing_character_only_for_a_literal_before_trailing_space(pattern, char):
    assert closing_character(re.compile(pattern)) == char


def test_closing_character_gate_never_drops_a_match():
    pattern = re.compile(r"(?:^|\s)(?<!\bfor )(?:Decisions?|DECISIONS?|Resolved|RESOLVED)\s*:\s*$")
    char = closing_character(pattern)
    for line in LINES:
        if pattern.search(line):
            assert line.rstrip().endswith(char), line


def test_required_literals_are_in_every_match():
    cases = {
        r"(?mi)^[ \t]*lead\s+inspectors?\s*:": ["lead", "inspector"],
        r"ab(?:c|d)efg?h": [],
        r"Abc(?i:DEF)": ["Abc"],
        r"(?i)report\s+published\s*:": ["report", "published"],
    }
    for pattern, words in cases.items():
        compiled = re.compile(pattern)
        assert required_literals(compiled) == words
        for line in LINES:
            m = compiled.search(line)
            if m and compiled.flags & re.IGNORECASE and lowered(line) is not None:
                assert all(w in m.group().lower() for w in words)


def test_gated_cues_reach_as_weighted_cues_do():
    cues = [
        {"name": "lead", "weight": 2, "pattern": r"(?mi)^[ \t]*lead\s+inspectors?\s*:"},
        {"name": "published", "weight": 1, "pattern": r"(?mi)^[ \t]*report\s+published\s*:"},
        {"name": "improve", "weight": 2, "pattern": r"(?mi)^[ \t]*what\s+needs\s+to\s+improve\??[ \t]*$"},
        {"name": "letter", "weight": 3, "pattern": r"(?i)\bthis\s+letter\s+summarises\s+the\s+findings"},
    ]
    plain, gated = WeightedCues(cues), GatedCues(cues)
    texts = LINES + ["\n".join(LINES), "\n".join(LINES[9:13])]
    for text in texts:
        for threshold in range(1, 9):
            assert gated.reaches(text, threshold) == plain.reaches(text, threshold), (text, threshold)


def test_vote_gates_find_what_the_searches_find(nlp):
    rules = nlp.get_pipe("minutes_votes").rules
    for line in LINES:
        block = Block(0, len(line), line, 0)
        put, plain_put = rules.put_gate.search(line, block.low), rules.put.search(line)
        assert (put and put.span()) == (plain_put and plain_put.span())
        gated, plain = _first_outcome(line, rules, block.low), _first_outcome(line, rules)
        assert (gated and (gated.rule, gated.match.span())) == (plain and (plain.rule, plain.match.span()))
        for form, gate in zip(rules.proposals, rules.proposal_gates):
            a, b = gate.search(line, block.low), form.regex.search(line)
            assert (a and a.span()) == (b and b.span())


def test_vote_prefilter_stops_at_the_first_match_with_the_same_answer(nlp):
    rules = nlp.get_pipe("minutes_votes").rules
    for text in LINES + ["\n".join(LINES)]:
        assert rules.may_hold_votes(text) == bool(rules.prefilter.finditer(text, lowered(text))), text


def test_resolution_trigger_words_found_in_one_scan(nlp):
    rules = nlp.get_pipe("minutes_resolutions").rules
    for line in LINES + ["The Members of the Sub-Committee RESOLVED", "R E S O L V E D that", "Membership"]:
        assert rules.held_words(line) == {w for w in rules.needed_words if w in line}, line


@pytest.mark.parametrize("pattern, needed", [
    (r"\d", True), (r"[0-9]+", True), (r"a\d?", False), (r"(?:a|\d)", False), (r"(?:1|\d{2})x", True),
    (r"[^0-9]", False), (r"[0-9a]", False), (r"(?i)x\d+", True),
])
def test_needs_digit(pattern, needed):
    from minutes_extract.matching.ends import needs_digit
    assert needs_digit(re.compile(pattern)) is needed


def test_meeting_headers_without_a_digit_are_not_searched_for_a_date(nlp):
    from minutes_extract.components.meeting import MeetingReader
    rules = nlp.get_pipe("minutes_meeting").rules
    lines = ["KENT COUNTY COUNCIL", "CABINET", "Minutes of the meeting held on Monday, 3 March 2025",
             "Corporate Parenting Panel - Tuesday 4 February 2025", "Present: Councillor Green"]
    reader, found = MeetingReader(rules), MeetingReader(rules).from_header(lines)
    gated, rules.dated_headers = rules.dated_headers, set()
    try:
        assert reader.from_header(lines) == found
    finally:
        rules.dated_headers = gated


@pytest.mark.parametrize("text", [
    "Minutes of the Cabinet\nheld on 3 May 2024",
    "Minutes of the Cabinet\r\nheld on 3 May 2024\rPresent:",
    "Items\u2028one\u2029two\x85three",
    "The budget of \u00a34m was agreed \u2013 as \u201cplanned\u201d.",
    "The Council\u00e2\u20ac\u2122s budget of \u00c2\u00a34m was agreed.",   # UTF-8 read as cp1252
    "Caf\u00c3\u00a9 licences were renewed.",
    "A plain line without either.",
])
def test_read_fast_paths_give_what_the_regexes_give(text):
    from minutes_extract.formats import text as formats_text
    assert formats_text.normalise_newlines(text) == formats_text._LINE_ENDS.sub("\n", text)
    fixed, count = formats_text.repair_mojibake(text)
    if not formats_text._MOJIBAKE.search(text):
        assert (fixed, count) == (text, 0)
    else:
        assert count > 0 and fixed != text


@pytest.mark.parametrize("text", [line for line in LINES if line] + ["\u03a3 Sigma closing a block \u03a3"])
def test_vote_block_lowered_from_the_document_reads_as_its_own(text):
    from minutes_extract.components.votes.reading import UNLOWERED
    from minutes_extract.extensions import document_text
    from minutes_extract.matching import document_lower
    from minutes_extract.pipeline import get_pipeline
    doc = get_pipeline().make_doc("Preamble.\n\n" + text + "\n\nAfter.")  # paragraphs: no line joins another
    whole, low = document_text(doc), document_lower(doc)
    start, end = len("Preamble.\n\n"), whole.rindex("\n\nAfter.")  # the line as the Doc holds it (normalised)
    block = whole[start:end]
    given = Block(start, end, block, 0, low[start:end] if low else UNLOWERED)
    own = Block(start, end, block, 0)
    if own.low is None:
        assert not low  # a text whose lower-casing misleads re.I is not lowered as a whole either
    else:
        # the gates only look for ASCII words in it: those read the same in both
        assert re.sub(r"[^\x00-\x7f]", "?", given.low) == re.sub(r"[^\x00-\x7f]", "?", own.low)


def test_inspection_sentences_without_a_kind_are_skipped_with_the_same_result():
    from minutes_extract.components.inspections import InspectionFinder, InspectionRules
    from minutes_extract.rules import load_json
    finder = InspectionFinder(InspectionRules(load_json("rules/inspections.json")))
    text = ("The Director reported on visits to children's homes. Ofsted carried out a focused visit in "
            "March 2024. Members thanked staff for the visit.\nThe next ILACS inspection is expected in 2026.")
    found = finder.find(text, [], "2024-06-01")
    assert [(c.kind, c.status) for c in found] == [("focused_visit", "completed"), ("ilacs", "planned")]


def test_settled_collector_still_collects_cycles():
    import gc
    import weakref

    from minutes_extract.batch.tasks import YOUNG_COLLECTION_THRESHOLD, settle_collector
    before = gc.get_threshold()
    try:
        settle_collector()
        assert gc.get_threshold()[0] == YOUNG_COLLECTION_THRESHOLD

        class Node:
            pass

        first = Node()
        first.loop = first  # a cycle: reference counting alone never frees it
        gone = weakref.ref(first)
        del first
        for _ in range(3 * YOUNG_COLLECTION_THRESHOLD):  # enough allocations to trigger a young collection
            junk = Node()
            junk.loop = junk
        del junk
        assert gone() is None
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


JUDGEMENT_SENTENCES = [
    "Ofsted judged help and protection as 'Good' and care leavers services were rated Outstanding.",
    "The experiences and progress of children in care (Requires Improvement) were discussed by members.",
    "Leadership, management and governance - Inadequate; the committee noted the overall effectiveness was Good.",
    "At the inspection, xchildren in care was judged Good and the LSCB, which was previously inadequate, is good.",
    "CARE LEAVERS: GOOD. Fostering\nservice was graded as requires improvement to be good in 2023.",
]


def test_judgement_cues_find_what_a_full_scan_finds(nlp):
    """Every cue, tried only at its starting strings (the area cues at the first words of the area terms),
    matches exactly what the cue's own regex finds scanning the whole sentence."""
    rules = nlp.get_pipe("minutes_judgements").rules
    for text in JUDGEMENT_SENTENCES:
        low = lowered(text)
        near = rules.cue_starts.by_pattern(low, 0, len(text))
        for cue, at in zip(rules.cues, near):
            started = [m.span() for m in cue.started.finditer(text, low, 0, len(text), at)]
            assert started == [m.span() for m in cue.pattern.finditer(text)], (cue.id, text)


def test_judgement_cue_gates_hold_in_every_match(nlp):
    """A cue skipped for lacking a required literal ("from", "that") could not have matched: each of its
    matches holds every one of them."""
    rules = nlp.get_pipe("minutes_judgements").rules
    sentences = JUDGEMENT_SENTENCES + [
        "Adoption services improved from 'Inadequate' to Good and the agency was upgraded from RI to Good.",
        "Inspectors found that improvement was required; the judgement that the service was good stands.",
    ]
    gated = [cue for cue in rules.cues if cue.needs]
    assert gated
    for text in sentences:
        low = lowered(text)
        for cue in gated:
            for m in cue.pattern.finditer(text):
                assert cue.may_match(text, low, m.start(), m.end()), (cue.id, m.group())


def test_judgement_cue_marks_hold_in_every_match(nlp):
    """A cue skipped for a window without its marks ("|" of a table row, "(" of a bracket, ",") could not have
    matched there: each of its matches holds one of them."""
    rules = nlp.get_pipe("minutes_judgements").rules
    sentences = JUDGEMENT_SENTENCES + [
        "Fostering | Good | Outstanding (2024) | Adoption | Requires improvement |",
        "Elm Lodge (Good), Birch House (Outstanding, March 2025) and the inspection (ILACS) rated it Good.",
        "Children in care, good, and care leavers, inadequate, were both discussed; help and protection, Good, 2022.",
    ]
    marked = [cue for cue in rules.cues if cue.marks]
    assert any("|" in cue.marks for cue in marked) and any("(" in cue.marks for cue in marked)
    for text in sentences:
        for cue in marked:
            for m in cue.pattern.finditer(text):
                assert cue.marked(text, m.start(), m.end()), (cue.id, m.group())
                assert not cue.marked(text.translate({ord(c): " " for c in cue.marks}), m.start(), m.end())


# -- findings: a word's keys read once per first word (KeySet.given_first), then per two words after it ------
from minutes_extract.components.findings.regex_keys import KeySet, lead_words  # noqa: E402

KEYED_PATTERNS = [
    r"(?:very |really )?good",
    r"on the other hand",
    r"areas? (?:for|of) (?:development|improvement)",
    r"not (?:yet|\w+ enough)",
    r"the (?:\w+ )?inspection found",
    r"improv\w*",
    r"lack(?:s|ed|ing)? of",
]
KEYED_WORDS = ["very", "really", "good", "on", "the", "other", "hand", "areas", "area", "for", "of",
               "development", "not", "yet", "enough", "inspection", "found", "improved", "lack", "lacked",
               "", None, "x"]


def admit_in_one_step(keys, first, second, third):
    """KeySet.admit as it was written before the split: every question asked of the keys at once."""
    if first.startswith(keys.prefixes):
        return True
    found = keys.firsts.get(first)
    if found is None:
        return False
    anything, pairs, triples, wild = found
    if anything or second is None or second in pairs:
        return True
    if third is None:
        return bool(wild) or any(s == second for s, _ in triples)
    return third in wild or (second, third) in triples


@pytest.mark.parametrize("pattern", KEYED_PATTERNS)
def test_key_set_given_first_then_after_answers_as_admit(pattern):
    keys = KeySet(lead_words(pattern))
    for first in [w for w in KEYED_WORDS if w]:
        given = keys.given_first(first)
        for second in KEYED_WORDS:
            for third in KEYED_WORDS:
                split = given if isinstance(given, bool) else KeySet.admit_after(given, second, third)
                assert split == keys.admit(first, second, third) == admit_in_one_step(keys, first, second, third), (
                    first, second, third)


# -- findings: an item's blocks after its last cue go unread when nothing there can yield a finding ----------
from pathlib import Path  # noqa: E402

from minutes_extract.components.findings import FindingReader, fold_quotes  # noqa: E402
from minutes_extract.normalise import normalise  # noqa: E402

MEETING = "Minutes of the Children's Scrutiny Committee held on 4 June 2025\n\n"
REST_TEXTS = [
    # a cue early in the item, cue-less paragraphs after it, then an item with findings
    MEETING + "5. Ofsted Focused Visit\n\nInspectors found that social workers knew their children well.\n\n"
    "The Director thanked the team for the presentation.\n\nMembers noted the report.\n\n"
    "6. Fostering Annual Report\n\nThe report stated that the number of approved foster carers had fallen.\n",
    # a list introduced as areas for development, then cue-less bullets: they are its findings
    MEETING + "5. Inspection Outcome\n\nInspectors found the following areas for development:\n\n"
    "• the timeliness of assessments in the south team\n• supervision records for newly qualified staff\n\n"
    "6. Any Other Business\n\nThere was none.\n",
    # a member's quotation opened after the item's last cue and carried on into the next item's paragraphs
    MEETING + "5. Youth Justice Inspection\n\nInspectors found that partnership working was strong.\n\n"
    "Councillor Amy Hale, Cabinet Member for Children, said: \"This shows what our staff achieve.\n\n"
    "6. Children's Services Performance Report\n\n"
    "\"Officers reported that the timeliness of assessments had improved in every team.\"\n\n"
    "Officers reported that attendance had improved in every secondary school.\n",
    # "identified" lists without a cue word in their introduction
    MEETING + "5. Peer Review\n\nThe review found that leaders were visible.\n\nThe peer team identified:\n\n"
    "• case recording in the front door service\n• the sufficiency of local placements\n",
]


def _findings_read_whole(reader):
    """FindingReader.findings with every item's blocks read to its end (no rest-of-item gate)."""
    reader.barren_rest = lambda block: False
    return reader.findings()


def test_unread_item_ends_change_no_finding(nlp):
    seeds = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("0*.txt"))
    texts = REST_TEXTS + [normalise(p.read_text(encoding="utf-8")).text for p in seeds]
    rules = nlp.get_pipe("minutes_findings").rules
    pipes = [pipe for name, pipe in nlp.pipeline if name != "minutes_findings"][:nlp.pipe_names.index("minutes_findings")]
    for text in texts:
        doc = nlp.make_doc(text)
        for pipe in pipes:
            doc = pipe(doc)
        assert FindingReader(doc, rules).findings() == _findings_read_whole(FindingReader(doc, rules))


def test_an_open_quotation_carried_into_the_next_item_stays_a_reaction(nlp):
    reader = FindingReader(nlp(REST_TEXTS[2]), nlp.get_pipe("minutes_findings").rules)
    found = [reader.text[f.start:f.end] for f in reader.findings()]
    assert not any("the timeliness of assessments" in f for f in found)
    assert any(f.startswith("Officers reported that attendance had improved") for f in found)


def test_a_new_words_description_in_one_pass_equals_its_three_lookups(nlp):
    """FindingRules.describe looks a word's substrings up once for the lexicon's near and scan gates and the
    context gates: the same bits as Lexicon.describe, Gates.of and Lexicon.near_of asked one by one."""
    rules = nlp.get_pipe("minutes_findings").rules
    seeds = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("0*.txt"))
    words = set(re.findall(r"\w+", " ".join(p.read_text(encoding="utf-8") for p in seeds)))
    words |= {"Inspectors", "INSPECTION", "outstanding", "requires", "improvement", "Ofsted", "\u0131nspected",
              "publi\u017fhed", "x", "2024", "_", "areas", "development", "strengths", "Councillor", "Cabinet"}
    for word in sorted(words):
        lexicon = rules.lexicon
        assert rules.describe(word) == (*lexicon.describe(word), rules.gates.of(word), lexicon.near_of(word)), word


def test_speaker_rows_kept_per_first_word_are_those_each_keys_admit(nlp):
    """FindingRules.speakers_after (a first word's answer kept, then the two words after it asked) lists the rows
    the one-step test (FindingRules.admits on all three words) lists, at every word of the seeds."""
    from minutes_extract.components.findings.lexicon import _WORD
    rules = nlp.get_pipe("minutes_findings").rules
    seeds = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("0*.txt"))
    for path in seeds:
        text = fold_quotes(path.read_text(encoding="utf-8"))
        words = rules.words_of(text)
        ids, starts = words.ids.tolist() + [-1, -1], words.starts.tolist()
        for i, at in enumerate(starts):
            key, first = (ids[i], ids[i + 1], ids[i + 2]), _WORD.match(text, at)
            expected = [row for row, keys in zip(rules.speakers, rules.speaker_words)
                        if row[3].admit_start(first) and not (keys and not rules.admits(keys, key))]
            assert rules.speakers_after(key, first) == expected, text[at:at + 40]


def test_a_scan_skips_starting_strings_inside_words_only_for_patterns_opening_a_word():
    r"""`in` inside "Within" can start `in\s+terms` but not `\bin\s+terms`: the scan leaves it out for the
    second only, and each pattern still finds what its own regex finds."""
    from minutes_extract.matching import StartedPattern, StartScan
    patterns = [StartedPattern(re.compile(r"\bin\s+terms", re.I)), StartedPattern(re.compile(r"in\s+terms", re.I)),
                StartedPattern(re.compile(r"(?:,|\band)\s+in\b", re.I))]
    assert [p.word_start for p in patterns] == [True, False, False]
    scan = StartScan(patterns)
    for text in ("Within terms and in terms", "IN TERMS, in terms", "brand in, and in", "x" * 5 + "in terms"):
        low = lowered(text)
        near = scan.by_pattern(low, 0, len(text))
        for p, at in zip(patterns, near):
            assert [m.span() for m in p.finditer(text, low, 0, len(text), at)] == \
                [m.span() for m in p.pattern.finditer(text)], (p.pattern.pattern, text)
    near = scan.by_pattern(lowered("Within terms and in terms"), 0, 25)
    assert near[0] == [17] and near[1] == [4, 17]


@pytest.mark.parametrize("pattern, chars", [
    (r"\s*\|\s*|\s+[-–—]\s+|\t+", "\t-|–—"),
    (r"\s*\|\s*|\s+[-–—]\s+", "-|–—"),
    (r"a?b", "b"),
    (r"(?:ab)+|c", "ac"),
    (r"(?i)x|y", None),      # case-insensitive letters: not told
    (r"[^a]", None),
    (r"a*", None),
])
def test_required_characters(pattern, chars):
    from minutes_extract.matching.ends import required_characters
    assert required_characters(re.compile(pattern)) == chars


def test_judgement_table_cells_of_a_line_without_a_separator_are_the_line(nlp):
    """A line holding no separator character is one cell, as splitting it would give."""
    from minutes_extract.components.judgements import JudgementFinder
    finder = JudgementFinder(nlp.get_pipe("minutes_judgements").rules)
    for line in ("  The service was judged Good overall.  ", "Help and protection | Good", "Care leavers - Outstanding",
                 "Leadership\tRequires improvement", "   ", "x-ray"):
        seps = finder.r.grid_cell_separator
        expected = [(7 + m_at + len(t) - len(t.lstrip()), t.strip())
                    for m_at, t in _split_at(seps, line) if t.strip()]
        assert finder.grid_cells(line, 7) == expected, line
        expected_cells = [(at, t) for at, t in _split_at(finder.r.table_cell_separator, line) if t.strip()]
        assert finder.cells(line) == expected_cells, line


def _split_at(separator, line):
    out, at = [], 0
    for m in separator.finditer(line):
        out.append((at, line[at:m.start()]))
        at = m.end()
    out.append((at, line[at:]))
    return out


def test_grade_key_lines_hold_their_mark(nlp):
    """grade_key reads only lines holding the legend's mark ("="): every legend line the pattern takes holds it."""
    from minutes_extract.matching.ends import required_characters

    rules = nlp.get_pipe("minutes_judgements").rules
    marks = required_characters(rules.grade_key_line)
    assert marks == "="
    legends = ["Key: O = Outstanding, G = Good, RI = Requires improvement, I = Inadequate",
               "Legend - (G) = Good; (O) = Outstanding", "grades: A = good  B = inadequate"]
    for line in legends:
        assert rules.grade_key_line.match(line) and any(c in line for c in marks)
        assert not rules.grade_key_line.match(line.replace("=", " "))
