"""Near gates (Lexicon.near): an indexed lexicon alternative is tried only where a word holding one of its
required runs lies within its bound of runs of whitespace of the start. The gate may only save tries: every hit
found trying everywhere is still found."""
import re

from minutes_extract.components.findings.lexicon import Lexicon, Nearby, _pattern, fold_quotes
from minutes_extract.components.findings.regex_keys import UNBOUNDED, required_near


def test_bound_counts_runs_of_whitespace_not_word_breaks():
    # a token of word characters and punctuation takes no run of whitespace, whatever its word breaks
    assert required_near(r"(performance|outcomes)( [\w%()'-]+){0,10}? (above|below) average") == (
        frozenset({"average"}), 12)
    assert required_near(r"completed within (the )?(\w+ ){0,2}timescales?") == (frozenset({"timescale"}), 5)


def test_no_run_of_the_first_token():
    # the word a match starts at holds its first token's runs already: a gate on them would turn nothing away
    assert required_near(r"(re-?offending|offending) rates?") == (frozenset({"rate"}), 1)
    assert required_near(r"well-led") is None


def test_no_bound_where_a_match_may_run_on():
    assert required_near(r"progress[^.]* above") is None
    assert required_near(r"(good|strong).* practice") is None
    assert required_near(r".*") is None


def _lexicon(rows):
    return Lexicon([_pattern(r, "cue") for r in rows], rows)


ROWS = [{"id": "above_average", "polarity": "strength", "tier": "strong",
         "pattern": r"(performance|attendance)( (?!not\b)[\w%()'-]+){0,6}? (was )?(above|higher than) (the )?"
                    r"(national|regional) average( for (england|the region))?"}]


def scan_everywhere(lexicon, text):
    hits = []
    for word in re.finditer(r"\w+", text):
        for regex, p in lexicon.candidates(word.group().lower()):
            m = regex.match(text, word.start())
            if m:
                hits.append((word.start(), m.end(), p.id))
    return hits


def test_gated_scan_finds_what_trying_everywhere_finds():
    from minutes_extract.components.findings.lexicon import Vocabulary
    lexicon = _lexicon(ROWS)
    vocab = Vocabulary(lambda w: (*lexicon.describe(w), 0), lexicon.near_of)
    texts = [
        "Attendance at the sessions (78%) for children-in-care was above the national average for England.",
        "Performance of the co-ordinated, multi-agency front-door was higher than the regional average.",
        "Performance was poor.\nAttendance rose.  Results were above the national average.",
        "Attendance one two three four five six seven eight was above the national average.",  # too far: no hit
        "Attendance \u017fix was above the national average.",  # a letter folding to ASCII
    ]
    from minutes_extract.components.findings.lexicon import DocWords
    for text in texts:
        text = fold_quotes(text)
        words = DocWords(text, vocab)
        found = [(h.start, h.end, h.pattern.id) for h in lexicon.scan(text, words, vocab)]
        assert found == scan_everywhere(lexicon, text), text
    assert lexicon.near, "the row's alternative has a near gate"


def test_nearby_counts_runs_of_whitespace_before_each_word():
    from minutes_extract.components.findings.lexicon import DocWords, Vocabulary
    lexicon = _lexicon(ROWS)
    vocab = Vocabulary(lambda w: (*lexicon.describe(w), 0), lexicon.near_of)
    text = "a  b\n\tc-d\u00a0e"
    nearby = Nearby(text, DocWords(text, vocab), vocab)
    assert nearby.before == [0, 1, 2, 2, 3]
