"""minutes_resolutions: formal decisions (RESOLVED / AGREED / DECIDED / RECOMMENDED, a report's
Recommendations, decision-list clauses "That ... be noted"), one span per decision from the first
word after the verb to the end of its last clause. A decision printed twice (under Decision: and
again at the end of Minutes:) is kept once; the copy's position is recorded in `copies`.

Layout: rules.py (the rule file compiled, block/decision types), finding.py (the document walk),
markers.py (clause markers and numbering), copies.py (repeated decisions), factory.py (the spaCy
component). No rule file is read here and no other component is imported.
"""
from .copies import _merge_copies  # noqa: F401
from .factory import ResolutionsComponent, doc_blocks, make_resolutions  # noqa: F401
from .finding import find_decisions  # noqa: F401
from .rules import Block, Decision, ResolutionRules, Trigger  # noqa: F401
