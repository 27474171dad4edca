"""AreaFirst: cues that open with an area term are tried only where one starts; same matches as before."""
import re

from minutes_extract.components.judgements.rules import AreaFirst, AreaGate, opens_with_area
from minutes_extract.matching import StartedPattern, StartScan, lowered

FRAGMENTS = {"G": "(?:good|outstanding)", "BARE": "good|outstanding"}


def test_only_cues_whose_every_match_opens_with_the_area():
    assert opens_with_area(r"(?P<area><<AREA>>)\s+<<G>>", FRAGMENTS)
    assert opens_with_area(r"(?<!\bfor\s)(?:(?<=a\s)|(?<!b\s))(?P<area><<AREA>>)\s+<<G>>", FRAGMENTS)
    assert not opens_with_area(r"(?P<area><<AREA>>)?\s*<<G>>", FRAGMENTS)  # the area may be missing
    assert not opens_with_area(r"(?P<area><<AREA>>)\s+<<BARE>>", FRAGMENTS)  # a bare alternation: "outstanding" alone
    assert not opens_with_area(r"rated\s+(?P<area><<AREA>>)", FRAGMENTS)
    assert not opens_with_area(r"(?-i:(?P<area><<AREA>>))\s+<<G>>", FRAGMENTS)
    assert not opens_with_area(r"<<G>>\s+for\s+(?P<area>\w+)", FRAGMENTS)


def test_area_first_gives_the_plain_patterns_matches():
    area = r"(?:care\s+leavers|children\s+in\s+care|leadership)"
    pattern = re.compile(rf"(?<!\bfor\s)(?P<area>{area})\s+(?:was|were)\s+(?P<grade>good|outstanding)", re.I)
    plain, gated = StartedPattern(pattern), AreaFirst(pattern, AreaGate(re.compile(area, re.I)))
    text = ("Services for care leavers were good, while leadership was outstanding and children in care "
            "were good; the careful leadership team was praised.")
    low = lowered(text)
    near = StartScan([plain]).by_pattern(low, 0, len(text))[0]
    expected = [m.span() for m in plain.finditer(text, low, 0, len(text), near)]
    assert expected == [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in gated.finditer(text, low, 0, len(text), near)] == expected
    assert len(expected) == 2  # "for care leavers" is vetoed by the look-behind
