"""Weighted cues: how strongly a text shows something (a document kind), as the summed weight of the cue
patterns found in it."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Cue:
    name: str
    weight: int
    pattern: re.Pattern


class WeightedCues:
    def __init__(self, cues: list[dict]):
        self.cues = [Cue(c["name"], c["weight"], re.compile(c["pattern"])) for c in cues]

    def score(self, text: str) -> tuple[int, list[str]]:
        """The summed weight of the cues found in `text`, and their names."""
        found = [cue for cue in self.cues if cue.pattern.search(text)]
        return sum(cue.weight for cue in found), [cue.name for cue in found]
