"""line_start_search (matching.searches; used by minutes_document_kind and normalise) answers as pattern.search does, on texts written for the test."""
import re

from minutes_extract.matching.searches import line_start_search

PATTERNS = [r"(?mi)^[ \t]*lead\s+inspectors?\s*:", r"(?mi)^[ \t]*judgement\s+grade[ \t]*$", r"(?m)^Page \d",
            r"(?m)^A|B", r"(?i)^lead inspector", r"(?m)(?:^|x)Lead", r"(?ms)^[ \t]*what.*improve$"]
TEXTS = ["Lead inspector: Jane Doe", "Report\nLead Inspector: Jane Doe\n", "Report\n  lead inspectors :\n",
         "The lead inspector: noted", "Judgement grade\nGood", "Overall\n\tJudgement Grade  \n", "Page 4", "x\nPage 4",
         "B only", "A\nB", "", "\n", "\nLead", "xLead", "What needs to improve\n", "intro\nwhat\nto improve"]


def test_same_answer_as_the_search():
    for pattern in map(re.compile, PATTERNS):
        found = line_start_search(pattern)
        for text in TEXTS:
            assert found(text) == bool(pattern.search(text)), (pattern.pattern, text)
