"""minutes_findings: strengths and areas for development (EXTRACTION.md §3), with who found them.

A human reader decides whether a bullet or a sentence is a finding from three things, and so does this
component, in the manner of medspaCy's ConText:
  1. the list it sits in: the paragraph introducing it ("A summary of strengths was provided as follows",
     "In terms of areas for development", "Key points made by Members") sets a default polarity, or marks the
     list as members' points or plans (reader.py);
  2. its own evaluative cues ("was a particular strength", "lacked", "not yet", "too long"), each modified
     by what precedes it in its clause: a negation flips it, a modal or an action verb cancels it ("would
     improve", "to address issues"), a contrast makes it weigh more (context.py);
  3. its speaker: members' questions and remarks, courtesies, plans, procedure and national figures are not
     findings (a member relaying what the inspection found still is) (context.py, units.py).
Units: one bullet (with its continuation lines); one sentence in prose; a bullet whose sentences differ in
polarity is split into its sentences (units.py). Cue lists and patterns are data: models/rules/findings.json
names the lexicons under models/lexicons/finding_*.jsonl.

Modules: regex_keys (what a pattern's matches start with and contain, from its parse tree), lexicon (the word
index that matches every cue and modifier in one pass), context (one sentence's reading), units (bullet and
sentence decisions, attribution), reader (the walk over blocks and list introductions), factory (the
registered spaCy component).
"""
from .factory import FindingsComponent, make_findings
from .lexicon import _KIND_RANK, Hit, fold_quotes
from .reader import FindingReader, next_marker, sentence_starts
from .regex_keys import first_letters, lead_words, required_runs, split_alternatives, tail_width

__all__ = [
    "FindingsComponent", "make_findings", "FindingReader", "Hit", "_KIND_RANK", "fold_quotes", "next_marker",
    "sentence_starts", "first_letters", "lead_words", "required_runs", "split_alternatives", "tail_width",
]
