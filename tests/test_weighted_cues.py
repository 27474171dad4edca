"""WeightedCues.reaches answers as score(text)[0] >= threshold does, stopping early either way."""
from minutes_extract.matching import WeightedCues

CUES = WeightedCues([
    {"name": "title", "weight": 2, "pattern": r"(?mi)^inspection of .+ services$"},
    {"name": "dates", "weight": 2, "pattern": r"(?mi)^inspection dates:"},
    {"name": "lead", "weight": 2, "pattern": r"(?mi)^lead inspector:"},
    {"name": "letter", "weight": 3, "pattern": r"(?i)dear mr|dear ms"},
])
TEXTS = [
    "Minutes of the Cabinet held on 3 May\nPresent: Councillor Smith",
    "Inspection of Northshire children's services\nInspection dates: 1 to 5 May\nLead inspector: A Brown",
    "Inspection dates: 1 to 5 May",
    "Dear Ms Green\nLead inspector: A Brown",
    "Dear Mr Black",
]


def test_reaches_agrees_with_score_at_every_threshold():
    for text in TEXTS:
        for threshold in range(1, 11):
            assert CUES.reaches(text, threshold) == (CUES.score(text)[0] >= threshold), (text, threshold)
