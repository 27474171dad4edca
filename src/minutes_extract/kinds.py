"""The named kinds and roles that rule files write and the code reads: one Literal per vocabulary.

The rule schemas (rules/) use these, so a rule file naming a role the code does not know is a
RuleFileError; the records (records.py) and the code that branches on a kind name it through the same
Literal (typing.get_args gives its values). Nothing here reads files or matches text.
"""
from __future__ import annotations

from typing import Literal, get_args

Polarity = Literal["strength", "development"]  # a finding's (records.Finding.polarity)
Attribution = Literal["ofsted", "inspectors", "officer", "report", "committee"]  # records.Finding.attributed_to
# Cue tiers (models/lexicons/finding_cues.jsonl): heading introduces a list, strong weighs 1, weak counts
# only in a finding context, summary is a count of strengths or areas without content
CueTier = Literal["heading", "strong", "weak", "summary"]
CueOpens = Literal["hypothetical", "negation"]
ModifierKind = Literal["negation", "hypothetical", "action", "historical", "contrast", "concession", "mask"]
ScopedModifier = Literal["hypothetical", "action", "historical"]  # a cue in their scope is not a finding
# A modifier's scope (finding_modifiers.jsonl, after medspaCy's ConTextRule): which way it reaches (pseudo:
# nowhere, a look-alike), and what ends it: a break pattern of findings.json or a hit of a kind between
ModifierDirection = Literal["forward", "backward", "bidirectional", "pseudo"]
ScopeBreak = Literal["clause_break", "negation_break", "predicate_break"]
ScopeEnd = Literal[ScopeBreak, "cue", "negation", "hypothetical", "action", "historical", "contrast", "concession"]

# finding_context.jsonl: a row's kind and, per kind, the roles it may name
ContextKind = Literal["source", "speaker", "exclude", "lead", "subject"]
SourceRole = Literal["ofsted", "inspectors", "report"]
SpeakerRole = Literal["member", "executive", "officer", "person", "inspection", "informed", "anaphor"]
LeadRole = Literal["member_list", "plan_list", "response_list", "presenter", "finding_lead"]
ExcludeReason = Literal["question", "suggestion", "courtesy", "national", "procedure", "plan", "finance", "judgement",
                        "claim"]  # claim: an executive's own claim (wt7-fprec), excludes only in their mouth
SubjectRole = Literal["service"]
ContextRole = Literal[SourceRole, SpeakerRole, LeadRole, ExcludeReason, SubjectRole]  # nested Literals flatten
ROLES_OF_KIND: dict[str, tuple[str, ...]] = {
    "source": get_args(SourceRole), "speaker": get_args(SpeakerRole), "lead": get_args(LeadRole),
    "exclude": get_args(ExcludeReason), "subject": get_args(SubjectRole),
}
Reporter = Literal[SourceRole, SpeakerRole]  # who reports a finding: a source or a speaker
Anchor = Literal["start"]  # a context pattern matched only at the start of a sentence
