"""tail_search (matching.searches; used by minutes_meeting) answers as pattern.search does, on header lines written for the test."""
import re

from minutes_extract.matching.searches import tail_search

PATTERNS = [r"\s(?:for|of|and|&|the)$", r"(?i)\s(?:for|of)$", r"a$|b", r"(?m)\sof$", r"\s\w+$", r"(?<=\w)\s(?:of)$"]
LINES = ["Decision Session - Executive Member for", "Meeting of the", "Cabinet", "Children and", "Member for\n",
         "of", " of", "Council of\nEurope", "Scrutiny Committee &", "FOR", "Panel FOR", "b", "a", "", "Health and Wellbeing"]


def test_same_answer_as_the_search():
    for pattern in map(re.compile, PATTERNS):
        search = tail_search(pattern)
        for line in LINES:
            got, want = search(line), pattern.search(line)
            assert (got and got.span()) == (want and want.span()), (pattern.pattern, line)
