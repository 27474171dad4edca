"""minutes_findings: strengths and areas for development, their units, polarity and attribution."""
import random
import re
from pathlib import Path

import pytest
from spacy.tokens import Doc

from minutes_extract.components.findings import (
    _KIND_RANK, FindingReader, Hit, first_letters, fold_quotes, lead_words, required_runs, sentence_starts,
    next_marker, split_alternatives, tail_width,
)
from minutes_extract.extensions import document_text
from minutes_extract.extract import extract_text
from minutes_extract.normalise import normalise


def findings(record):
    return [f for item in record.items for f in item.findings] + record.unassigned.findings


def find(record, start):
    """The one finding whose text starts with `start`."""
    hits = [f for f in findings(record) if f.text.startswith(start)]
    assert len(hits) == 1, (start, [f.text[:60] for f in findings(record)])
    return hits[0]


def texts(record):
    return [f.text for f in findings(record)]


# -- seed 000: a monitoring visit relayed in bullets; members' questions; officers' answers ----------------
@pytest.mark.parametrize("start, polarity, attributed_to", [
    ("Ofsted had found that senior leaders", "strength", "ofsted"),
    ("Ofsted had been complimentary about the direction of travel", "strength", "ofsted"),
    ("The monitoring visit recognised that more timely decisions", "strength", "ofsted"),
    ("The monitoring visit identified that the quality of social work was improving but still varied",
     "development", "ofsted"),
    ("There were no surprises in the findings", "strength", None),  # gold: officer; we read "the monitoring visit"
    ("There was a will to address the number of young people", "development", "officer"),
    ("The relationship between local authorities and schools", "development", "officer"),
])
def test_seed_000_findings(seed_records, start, polarity, attributed_to):
    f = find(seed_records["000"], start)
    assert f.polarity == polarity
    if attributed_to:
        assert f.attributed_to == attributed_to


def test_seed_000_members_questions_and_officers_plans_are_not_findings(seed_records):
    found = " ".join(texts(seed_records["000"]))
    for not_a_finding in ("What was Overview and Scrutiny", "How was it anticipated", "how would subsequent challenges",
                          "There were some excellent people", "too many young people in the care system",
                          "Work was being done to improve the local offer", "Members generally welcomed",
                          "Achieving consistently good quality practice", "It could be productive to focus recruitment"):
        assert not_a_finding not in found
    assert len(findings(seed_records["000"])) == 7


# -- seed 001: prose; headings inside sentences ("other positives had included"), a mixed sentence ----------
def test_seed_001_prose_findings(seed_records):
    record = seed_records["001"]
    assert find(record, "Members noted that other positives had been noted included").polarity == "strength"
    assert find(record, "The electronic case management system was found to be unfit for purpose").polarity == "development"
    mixed = find(record, "The Head of Children’s Services explained that the inspection had noted")
    assert (mixed.polarity, mixed.attributed_to) == ("development", "ofsted")  # "good feedback, however ... not given enough"
    assert find(record, "The Head of Children’s Services noted that the review had 14 recommendations").cue == "areas for improvement"


def test_seed_001_judgements_questions_and_plans_are_not_findings(seed_records):
    found = " ".join(texts(seed_records["001"]))
    for not_a_finding in ("overall Ofsted judgement", "Adoption performance - Good", "Councillor H Smith",
                          "Improvement Plan had been developed", "majority of Local Authorities"):
        assert not_a_finding not in found


# -- seed 002: a bullet whose sentences differ in polarity is split; members' points are not findings --------
def test_seed_002_bullet_split_by_polarity(seed_records):
    record = seed_records["002"]
    strength = find(record, "Ofsted had identified some areas of strength")
    assert strength.text.endswith("virtual reality training.")
    assert (strength.polarity, strength.rule) == ("strength", "split_sentences")
    assert find(record, "However, there were issues with variability").polarity == "development"
    assert find(record, "A key area for development identified by Ofsted").text.endswith("This was now being addressed.")


def test_seed_002_members_points_and_plans_are_not_findings(seed_records):
    found = " ".join(texts(seed_records["002"]))
    for not_a_finding in ("Two improvement plans had been developed", "The size of caseloads was a key issue",
                          "It was very concerning that some looked after children", "The presentation showed a good"):
        assert not_a_finding not in found


# -- seed 003: lists introduced as areas to improve, "Inspectors identified:", a mixed "Key messages" list ----
@pytest.mark.parametrize("start, polarity, rule", [
    ("The analysis and management of risk to children.", "development", "list_heading"),
    ("The understanding of, and response to, children at risk", "development", "identified_list"),
    ("Our Early Help Assessments are thorough", "strength", "bullet_cue"),
    ("They didn't see any areas of concern", "strength", "bullet_cue"),
    ("Our work on the Front Door has taken too long", "development", "bullet_cue"),
    ("There are early signs of our Quality Assurance work becoming embedded", "development", "bullet_cue"),
    ("Ofsted identified the the lack of a specialist resource", "development", "sentence_cue"),
])
def test_seed_003_findings(seed_records, start, polarity, rule):
    f = find(seed_records["003"], start)
    assert (f.polarity, f.rule) == (polarity, rule)


def test_seed_003_report_boilerplate_is_not_a_finding(seed_records):
    found = " ".join(texts(seed_records["003"]))
    assert "Local authorities are required to ensure" not in found
    assert "That Members note the progress" not in found
    assert "They identified four areas" not in found  # an introduction, not a finding


# -- seed 004: "A summary of strengths" / "In terms of areas for development" lists -----------------------
def test_seed_004_strengths_list(seed_records):
    record = seed_records["004"]
    auditing = find(record, "Auditing was a particular strength")
    assert (auditing.polarity, auditing.rule, auditing.cue) == ("strength", "list_heading", "strengths")
    assert auditing.attributed_to == "ofsted"
    assert find(record, "No child was found to be at risk").polarity == "strength"
    assert find(record, "Felt supported during lockdowns.").polarity == "strength"  # under "Social Workers:-"


def test_seed_004_bullet_with_officer_asides_is_split(seed_records):
    record = seed_records["004"]
    assert find(record, "There had been successful focus on improving the capacity of staff").polarity == "strength"
    for aside in ("Recruitment and retention of staff", "There was currently a £5,000", "Despite being valued"):
        assert find(record, aside).polarity == "development"


def test_seed_004_development_list(seed_records):
    record = seed_records["004"]
    for start in ("Plans and planning were not focused", "Insufficient focus on the lived experience",
                  "Evidence of a risk averse culture.", "Positive steps had been taken"):
        assert find(record, start).polarity == "development"
    assert find(record, "However, in Early Help, all work").polarity == "strength"
    assert not any(t.startswith("Reference was made") for t in texts(record))  # a member's question


# -- ConText on single sentences --------------------------------------------------------------------------
ITEM = "Ofsted inspection of children's services\n\nThe Director of Children's Services presented the report.\n\n"


@pytest.mark.parametrize("sentence, polarity", [
    ("Inspectors found that the early help offer was not yet fully developed.", "development"),
    ("The Director said that no child was found to be at risk of immediate harm.", "strength"),
    ("Inspectors found that caseloads were too high.", "development"),
    ("Inspectors found that plans lacked timescales.", "development"),
    ("The inspection found that management oversight was inconsistent.", "development"),
    ("Ofsted noted that the quality of practice was improving but still variable.", "development"),
    ("Ofsted were complimentary about leadership, although further progress was needed.", "strength"),
    ("Inspectors did not identify any areas of concern.", "strength"),
    ("The Director said that the timeliness of assessments had improved significantly.", "strength"),
    ("The Director said that supervision was not sufficiently regular.", "development"),
    ("A Member asked how the service would improve the timeliness of assessments?", None),
    ("Councillor Smith said that the service was doing a fantastic job.", None),
    ("Work was being done to improve the quality of plans.", None),
    ("An improvement plan had been developed and would be monitored by the Improvement Board.", None),
    ("The overall judgement was 'Good'.", None),
    ("Nationally, caseloads were too high in most local authorities.", None),
    ("The Chair thanked officers for an excellent report.", None),
    ("The inspection took place over two days.", None),
    ("Inspectors were critical of the quality of work to keep other people safe.", "development"),
    ("Assessments of risk of harm to others were not always sufficient.", "development"),
    ("Inspectors found that provision for older children was underdeveloped.", "development"),
    ("The Director said that attainment had improved but remained well below that of their peers.", "development"),
    ("The Portage service was a notable strength, with needs identified early.", "strength"),
    ("Inspectors found that decisions for children to come into care are made at the right time.", "strength"),
    ("The report highlighted a number of positive findings.", None),
    ("Inspectors had set out two areas for priority action and four areas for improvement.", None),
])
def test_sentence_polarity(nlp, sentence, polarity):
    found = findings(extract_text(ITEM + sentence + "\n", nlp=nlp))
    assert [f.polarity for f in found] == ([polarity] if polarity else [])


def test_members_list_is_not_findings_but_a_relayed_inspection_finding_is(nlp):
    text = ITEM + ("Members raised the following points:\n\n"
                   "• Staffing levels were too low in the assessment teams.\n"
                   "• A Member noted that the inspection report had praised the quality of direct work.\n")
    found = findings(extract_text(text, nlp=nlp))
    assert [(f.polarity, f.rule) for f in found] == [("strength", "member_relay")]


def test_paragraph_list_without_bullets_takes_its_heading(nlp):
    text = ITEM + ("Inspectors identified the following areas for improvement:\n\n"
                   "The quality of written plans.\n\nManagement oversight of assessments.\n\n"
                   "The Chair thanked the Director for the report.\n")
    found = findings(extract_text(text, nlp=nlp))
    assert [(f.text, f.polarity) for f in found] == [("The quality of written plans.", "development"),
                                                      ("Management oversight of assessments.", "development")]


def test_question_heading_introduces_a_list(nlp):
    text = ITEM + ("What needs to improve?\n\n• The timeliness of initial health assessments.\n\n"
                   "Strengths\n\n• Leaders have a clear vision.\n")
    found = findings(extract_text(text, nlp=nlp))
    assert [(f.text, f.polarity) for f in found] == [("The timeliness of initial health assessments.", "development"),
                                                      ("Leaders have a clear vision.", "strength")]


def test_next_lettered_paragraph_ends_the_list_it_did_not_introduce(nlp):
    text = ITEM + ("a. The letter identified the following areas for improvement:\n\n"
                   "i. the timeliness of life story work;\n\nii. the oversight of plans between reviews.\n\n"
                   "b. The Director reported that 38 children were placed outside the county.\n")
    found = findings(extract_text(text, nlp=nlp))
    assert [(f.text, f.polarity) for f in found] == [("the timeliness of life story work;", "development"),
                                                      ("the oversight of plans between reviews.", "development")]


@pytest.mark.parametrize("marker, expected", [("c", "d"), ("C", "D"), ("7", "8"), ("31.4", "31.5"), ("z", None)])
def test_next_marker(marker, expected):
    assert next_marker(marker) == expected


def test_outside_a_service_item_only_headed_lists_count(nlp):
    text = "Budget 2025-26\n\nThe Leader said the settlement was better than expected and the savings were robust.\n"
    assert findings(extract_text(text, nlp=nlp)) == []


# -- the lexicon index -------------------------------------------------------------------------------------
@pytest.mark.parametrize("pattern, expected", [
    ("a|b(c|d)", ["a", "b(c|d)"]),
    ("(x|y) z|[|]w", ["(x|y) z", "[|]w"]),
    (r"\(better\)|worse", [r"\(better\)", "worse"]),
])
def test_split_alternatives(pattern, expected):
    assert split_alternatives(pattern) == expected


@pytest.mark.parametrize("pattern, expected", [
    ("good", {"goo"}),
    ("no", {"no "}),
    ("(very |really )?good", {"ver", "rea", "goo"}),
    ("re-?offend", {"re ", "reo"}),
    ("a (particular )?concern", {"a "}),
    (r"\(better\)", None),
    (r"\w+n't", None),
])
def test_first_letters(pattern, expected):
    assert first_letters(pattern, 3) == expected


# -- the index of patterns by the words their matches start with or contain ---------------------------------
@pytest.mark.parametrize("pattern, expected", [
    ("good", {("good", True, None, None)}),
    ("(very |really )?good", {("good", True, None, None), ("very", True, "good", None), ("really", True, "good", None)}),
    ("strong(ly|er)?", {("strong", True, None, None), ("strongly", True, None, None), ("stronger", True, None, None)}),
    ("on the other hand", {("on", True, "the", "other")}),
    (r"(is|was) (\w+ )?improving", {("is", True, "improving", None), ("is", True, "*", "improving"),
                                     ("was", True, "improving", None), ("was", True, "*", "improving")}),
    (r"hmi\w*", {("hmi", True, None, None), ("hmi", False, None, None)}),
    ("[Gg]ood(?= \\w)", {("good", True, None, None)}),
    (r"\(better\)", None),
    (r"\w+n't", None),
])
def test_lead_words(pattern, expected):
    assert lead_words(pattern) == (frozenset(expected) if expected else None)


def test_lead_words_of_a_measure_pattern_read_to_its_second_word():
    """Many subjects, then up to ten words (digits with separators that repeat: ".,.,") before the verb: the ways
    through it are too many to follow one by one, its states are not; "a" and "on" are keyed by the word after."""
    subjects = "|".join(["a (second|third) time", "on time"] + [f"word{n}" for n in range(20)])
    pattern = rf"({subjects})( (?:[\w%]|[.,](?=\d))+){{0,10}}? (had |has |was )?(been )?(\w+ )?(reduced|fell|rose)"
    keys = lead_words(pattern, 2)
    assert {k for k in keys if k[0] in ("a", "on")} == {("a", True, "second", None), ("a", True, "third", None),
                                                       ("on", True, "time", None)}
    assert ("word7", True, "reduced", None) in keys and ("word7", True, None, None) in keys  # (any word may follow)


@pytest.mark.parametrize("pattern, expected", [
    ("thank(s|ed|ing)?|paid tribute", ({"thank", "tribute"}, 1)),  # the rarer word of "paid tribute"
    ("the (fv|mv|visit|letter)", ({"fv", "mv", "visit", "letter"}, 1)),  # not "the"
    (r"(in|within) the (\w+ )?(report|letter)", ({"report", "letter"}, 3)),
    (r"self[- ]assessment|hmi\w*", ({"assessment", "hmi"}, 1)),
    (r"[\w'-]+ x", ({"x"}, 1 << 30)),
    ("£|overspends?", None),
])
def test_required_runs(pattern, expected):
    found = required_runs("(?:" + pattern.replace(" ", r"\s+") + ")")
    assert found == ((frozenset(expected[0]), expected[1]) if expected else None)


@pytest.mark.parametrize("pattern, width", [
    ("(:|:-|as follows\\.?)$", 11), ("identified:?-?$", 12), (r"\s+$", None), ("a$|b", None),
])
def test_tail_width(pattern, width):
    assert tail_width(pattern) == width


def seed_docs(nlp):
    """The seeds, and variants that upper-case them or spell them with letters that fold to ASCII ones."""
    seeds = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("0*.txt"))
    texts = [normalise(p.read_text(encoding="utf-8")).text for p in seeds]
    odd = str.maketrans({"s": "\u017f", "k": "\u212a", "i": "\u0131"})
    rnd = random.Random(3)
    variants = [" ".join(w.translate(odd) if rnd.random() < 0.2 else w for w in t.split(" ")) for t in texts]
    return [nlp(t) for t in texts + [t.upper() for t in texts] + variants]


def scan_everywhere(lexicon, text):
    """The lexicon's hits found the slow way: every indexed alternative tried at every word."""
    hits = [Hit(m.start(), m.end(), p) for regex, p in lexicon.scanned for m in regex.finditer(text)]
    for word in re.finditer(r"\w+", text):
        for regex, p in lexicon.candidates(word.group().lower()):
            m = regex.match(text, word.start())
            if m:
                hits.append(Hit(word.start(), m.end(), p))
    hits.sort(key=lambda h: (h.start, h.start - h.end, _KIND_RANK[h.pattern.kind]))
    kept, last_end = [], -1
    for hit in hits:
        if hit.start >= last_end:
            kept.append(hit)
            last_end = hit.end
    return kept


def test_indexed_lexicon_finds_what_trying_everywhere_finds(nlp):
    rules = nlp.get_pipe("minutes_findings").rules
    for doc in seed_docs(nlp):
        text = fold_quotes(document_text(doc))
        assert rules.lexicon.scan(text, rules.words_of(text), rules.vocab) == scan_everywhere(rules.lexicon, text)


def test_gated_context_searches_agree_with_plain_ones(nlp):
    rules = nlp.get_pipe("minutes_findings").rules
    for doc in seed_docs(nlp):
        reader = FindingReader(doc, rules)
        starts = [0] + [s.start_char for s in doc.spans["items"]] + [b.start for b in reader.blocks()]
        window = rules.item_window
        assert [reader.service_item(a) for a in starts] == [
            bool(rules.service_item.search(reader.text, a, a + window)) for a in starts]
        for block in reader.blocks():
            for r in reader.readings(block.start, block.last_end):
                stripped = r.text.strip().rstrip(" .;,)\"'")
                for p, gate in rules.leads + rules.subjects:
                    assert bool(r.search(p.regex, gate)) == bool(p.regex.search(r.text)), (p.id, r.text)
                for p, gate, first_words in rules.exclusions:
                    if first_words is None:
                        assert bool(r.search(p.regex, gate, stripped)) == bool(p.regex.search(stripped))
                found = [m.span() for m in r.finditer(rules.source, rules.source_gate)]
                assert found == [m.span() for m in rules.source.finditer(r.text)]
                by_rows = [(name, m.span()) for name, m in rules.source_matches(r)]
                assert by_rows == [(m.lastgroup, m.span()) for m in rules.source.finditer(r.text)]
                plain = next((role for role, regex, _, _ in rules.speakers if regex.match(r.body)), None)
                assert rules.speaker_of(r.body, r.gates) == plain
                assert rules.speaker_of(r.body, r.gates, r) == plain


def test_sentence_starts_without_the_sentencizer(nlp):
    for doc in seed_docs(nlp)[:5]:
        bare = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for block in doc.spans["blocks"]:  # only the segmenter's marks
            bare[block.start].is_sent_start = True
        assert sentence_starts(bare) == sentence_starts(doc)
        assert len(sentence_starts(doc)) > 10


def test_word_counts_agree_with_findall(nlp):
    rules = nlp.get_pipe("minutes_findings").rules
    rnd = random.Random(5)
    for doc in seed_docs(nlp)[:5]:
        reader = FindingReader(doc, rules)
        for _ in range(200):
            a, b = sorted(rnd.randrange(len(reader.text) + 1) for _ in range(2))
            assert reader.words(a, b) == len(re.findall(r"\w+", reader.text[a:b]))


def test_numbered_report_paragraph_introducing_areas_for_improvement(nlp):
    from minutes_extract.extract import extract_text
    text = ("SUBJECT: Ofsted Focused Visit – Children in Care\n\n3. Findings\n\n"
            "3.1 Inspectors found that children in care live in stable homes and are well supported by their social workers.\n\n"
            "3.3 Areas for improvement identified were:\n- the timeliness of initial health assessments;\n"
            "- the quality of supervision.\n")
    findings = [f for item in extract_text(text, nlp=nlp).items for f in item.findings]
    assert [(f.polarity, f.text) for f in findings][-2:] == [
        ("development", "the timeliness of initial health assessments;"), ("development", "the quality of supervision.")]
    assert findings[0].polarity == "strength" and findings[0].attributed_to == "inspectors"


# -- comparisons, grade tables and purpose statements (held-out round g) -----------------------------------
def _one_item(body: str):
    return extract_text("Agenda item\n\nChildren's Services Performance Report\n\n" + body + "\n")


@pytest.mark.parametrize("sentence, polarity", [
    ("The report showed that of care leavers aged 19 to 21, 61% were in education, which was above the national average of 56%.", "strength"),
    ("Inspectors noted that this was above the national figure for children looked after of 37%.", "strength"),
    ("Recruitment of adopters remained below the agency's aim of 20%.", "development"),
    ("Ofsted found advisers were working with 24 young people each, which was higher than the service's aim of 20.", "development"),
    ("The Headteacher said that Key Stage 4 outcomes were disappointing.", "development"),
    ("The report found that training attendance among carers was low.", "development"),
    ("Inspectors said that the physical environment was tired and in need of redecoration.", "development"),
    ("Inspectors found that practitioners built trusting relationships with families.", "strength"),
    ("Inspectors found that life story work was completed to a high standard.", "strength"),
    ("Inspectors found assessments were completed within 19 weeks, well within the 24-week expectation.", "strength"),
])
def test_comparison_and_plain_cues(sentence, polarity):
    found = findings(_one_item(sentence))
    assert [f.polarity for f in found] == [polarity], texts(_one_item(sentence))


@pytest.mark.parametrize("body", [
    "The home was judged good in all areas:\n\nOverall experiences and progress of children: Good\n\n"
    "The effectiveness of leaders and managers: Good",
    "This is an improvement on the previous inspection, when the home had been judged requires improvement to be good.",
    "Purpose of the report: to update Members on the performance of the service and its priorities.",
    "To seek approval to re-commission supported accommodation following the introduction of national standards.",
    "The rate was 44 per 10,000, which was close to the national average.",
])
def test_grades_purpose_and_neutral_comparisons_are_not_findings(body):
    assert texts(_one_item(body)) == []


def test_a_comparison_with_the_national_average_does_not_outweigh_an_explicit_cue():
    """Below the national average is good for reoffending and bad for attendance: the comparison is a weak
    cue, so the explicit one decides."""
    record = _one_item("Community interventions had been successful, and reoffending rates were below the national average.")
    assert [f.polarity for item in record.items for f in item.findings] == ["strength"]


def test_word_started_patterns_find_what_a_scan_finds(nlp):
    """Scanned patterns that start at a word (numbers: "4 key strengths", "Two areas") are tried only at the
    words they can start with: the same hits as scanning every character, digits beyond ASCII and lone
    surrogates included."""
    rules = nlp.get_pipe("minutes_findings").rules
    texts = ["The inspectors found 4 key strengths and Two areas for improvement (better) than last year.",
             "THREE STRENGTHS WERE NOTED; 12 key areas for development - good progress; x2 areas",
             "Inspectors found \u0663 key strengths, \u00e9t\u00e9 five areas for development\ud800 and six strengths.",
             "", "7", "eleven areas for improvement were identified by the 3 inspectors"]
    for text in texts:
        assert rules.lexicon.scan(text, rules.words_of(text), rules.vocab) == scan_everywhere(rules.lexicon, text)
