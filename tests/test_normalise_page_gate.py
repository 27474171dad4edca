"""_has_page_number's line test (the first line matched, the later ones searched from their newline) agrees with
the one multiline search it replaced, on texts written for the test."""
import re

from minutes_extract.normalise import _PAGE_NUMBER_LINE, _has_page_number

FULL_SEARCH = re.compile("^" + _PAGE_NUMBER_LINE, re.M)

TEXTS = [
    "Page 3\nMinutes of the Cabinet",
    "  Page 12 of 40\nItem 4",
    "Minutes of the Cabinet\nPage 3\nItem 4",
    "Minutes\n\t - 7 -\nItem 5",
    "Minutes\n14\nItem 5",
    "Minutes\n14  \n",
    "Minutes of the meeting\nThe committee noted 14 objections.\n",
    "PAGE 2\n",
    "Council minutes\r\nPage 5\r\n",
    "Council minutes\rPage 5",
    "no page here at all",
    "",
    "\n",
    "\n\n1234\n",
    "Item 3 Page 7",
    "Item\n   -12-\n",
    "Item\nPages 4\n",
]


def test_line_test_agrees_with_the_full_search():
    for text in TEXTS:
        beside = ("Page" in text or "PAGE" in text) and bool(
            re.search(r"(?:[ \t]{2,}|[ \t][|–—-][ \t])(?:Page|PAGE)[ \t]+\d", text))
        assert _has_page_number(text) == (bool(FULL_SEARCH.search(text)) or beside), repr(text)


def test_gated_line_tests_agree_with_their_regexes():
    from minutes_extract.normalise import _BARE_PIPE_RE, _COLUMN_GAP_RE, _HYPHEN_END_RE, _broken_word
    lines = ["Novem-", "assess- ", "well-", "a-", "Total    480", "Total   480", "Total  480", "a|b", "a | b", "|x",
             "The plan was agreed", "x -", "Care-\n", "   "]
    for line in lines:
        assert bool(_COLUMN_GAP_RE.search(line)) == ("   " in line and bool(_COLUMN_GAP_RE.search(line)))
        assert bool(_BARE_PIPE_RE.search(line)) == ("|" in line and bool(_BARE_PIPE_RE.search(line)))
        expected = bool(_HYPHEN_END_RE.search(line.rstrip())) and "ber".islower()
        assert _broken_word(line, "ber 2025") == (expected and _HYPHEN_END_RE.search(line.rstrip()).group(1).lower()
                                                  not in ("well", "a")), repr(line)
