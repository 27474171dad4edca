"""minutes_judgements: graded inspection judgements of this authority's services (Ofsted, and other
inspectorates' four-point grades: CQC, HMI Probation).

A grade word (outstanding, good, requires improvement, inadequate) is a judgement only when a cue
ties it to a judgement: a judging verb (`judged as 'Good'`), a judgement noun (`the inadequate Ofsted
judgement`, `the overall rating ... was Good`), a judgement-table row (`LSCB - Good`) or an area named
with its grade. Filters then drop national figures, negated and alternative grades (`good or
outstanding`), other scales, grades of schools/cases/practice, and vague areas; hopes about a future
grade are kept with `forecast: true`; the tense of the grade's own clause decides, never a neighbouring
sentence. The area is `overall` unless the text names one; areas coordinated in a list (`X, Y and Z were
all 'inadequate'`, `Good ratings were received for X, Y and Z`) share the grade.

All matching is in `JudgementFinder` (pure text in, candidates out); the component turns candidates
into spans of the `judgements` group.

Layout: rules.py (the rule file compiled, candidate and cue types), finder.py (tables, sentences, cues,
filters), areas.py and lists.py (which areas a grade judges), factory.py (the spaCy component).
No rule file is read here and no other component is imported.
"""
from .factory import JudgementsComponent, make_judgements  # noqa: F401
from .finder import JudgementFinder  # noqa: F401
from .rules import Candidate, Cue, JudgementRules  # noqa: F401
