"""Property-based: any text goes through normalise -> segment -> extract without an exception, and
every span lies inside the record text and gives back its own text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import all_extractions
from minutes_extract.extract import extract_text

WORDS = ["RESOLVED", "that", "Resolved:", "(i)", "(ii)", "•", "·", "-", "o", "\n", "\n\n", "\r\n", "\u00a0", "\t",
         "Agenda item", "Minutes:", "Decision:", "Recommendations", "(Item 3)", "1.", "2.", "a.", "£5,000", "c £51k",
         "52%", "40-50%", "between 16 and 20", "14 and 15 December 2021", "29/30th March 2022", "31/01/2022",
         "summer 2022", "2021/22", "Ofsted", "inadequate", "Requires Improvement", "good", "strength",
         "areas for development", "caseloads were too high", "not yet", "two inspectors", "Section 20", ":", ".", "?"]

minute_like = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=60).map(" ".join)


# deadline=None and too_slow suppressed: a loaded machine must not fail a property test
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.one_of(minute_like, st.text(max_size=400)))
def test_any_text_yields_a_valid_record_with_faithful_spans(nlp, text):
    record = extract_text(text, nlp=nlp)
    for item in record.items:
        assert 0 <= item.span.start <= item.span.end <= len(record.text)
    for group, extraction in all_extractions(record):
        assert 0 <= extraction.span.start <= extraction.span.end <= len(record.text)
        assert record.text[extraction.span.start:extraction.span.end] == extraction.text
