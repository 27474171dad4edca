"""A scanned lexicon pattern that opens at a word start and holds a required run within a few runs of whitespace
("Leadership: Good", "Self-evaluation - Outstanding") is tried only near the words holding such a run
(WordStarted.near_words): the same matches as scanning every character."""
from minutes_extract.components.findings.lexicon import DocWords, Vocabulary, WordStarted, _bits_of_runs, _pattern, compile_pattern
from minutes_extract.components.findings.regex_keys import either, required_near, required_runs

SOURCES = [r"(?-i:[\w-]+(:| –| -) (Requires improvement|Good|Outstanding|Inadequate)(?=[,;.]|$)|with (Good|Inadequate) for)",
           r"(-|the |its )?(single |most )?(significant|serious) weakness"]
TEXTS = [
    "Leadership: Good, and the self-evaluation - Outstanding. Safeguarding – Requires improvement;",
    "-Effectiveness:\n Inadequate. Overall with Good for care, with\n\nGood for help",
    "Quality of practice:   Good\nthe most  significant weakness, its serious weakness and significant weakness",
    "Caf\u00e9-leaders: Good. Pupils\u00a0- Inadequate.\u2003 Behaviour: Good",
    "nothing here, good work, no weakness",
]


def test_near_words_find_what_a_scan_finds():
    for source in SOURCES:
        runs, _ = required_runs(either([source.replace(" ", r"\s+")]))
        near = required_near(source)
        assert near is not None and near[0] == runs, source
        table = {run: 1 for run in runs}
        lengths = sorted({len(r) for r in runs})
        vocab = Vocabulary(lambda w: (0, -1, _bits_of_runs(w, table, lengths, 1), 0))
        regex = compile_pattern(source)
        scanned = WordStarted(regex, _pattern({"id": "p", "pattern": source, "kind": "mask"}), 1, 10**9, near[1])
        assert scanned.start_chars is not None, source
        for text in TEXTS:
            words = DocWords(text, vocab)
            expected = [m.span() for m in regex.finditer(text)]
            assert [m.span() for m in scanned.finditer(text, words, vocab.scans[words.ids])] == expected, (source, text)
