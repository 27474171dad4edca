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

    def reaches(self, text: str, threshold: int) -> bool:
        """Whether the cues found in `text` weigh at least `threshold` (score(text)[0] >= threshold, weights
        >= 1): stops once it is reached or once the cues left cannot reach it."""
        got, left = 0, sum(cue.weight for cue in self.cues)
        for cue in self.cues:
            if got >= threshold or got + left < threshold:
                break
            left -= cue.weight
            if cue.pattern.search(text):
                got += cue.weight
        return got >= threshold
