"""minutes_votes: how decisions were taken. Each vote is a motion, amendment, recommendation or
procedural question with its proposer and seconder, the outcome (carried, lost, agreed, withdrawn,
unanimous), the tally where stated, the names of a recorded vote, and the index of the resolution it
produced.

Layout: rules.py (the rule file compiled), reading.py (the walk over an item's blocks), factory.py (the
spaCy component). No rule file is read here and no other component is imported.
"""
from .factory import VotesComponent, make_votes  # noqa: F401
from .reading import Block, Vote, find_votes  # noqa: F401
from .rules import VoteRules  # noqa: F401
