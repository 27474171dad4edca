"""matching: everything rule components use to find candidates fast, and nothing that decides what a
candidate means (that stays in each component).

- tries: one prefix-tree regex for many literal terms (trie_pattern).
- started: patterns tried only where one of their starting strings occurs (StartedPattern, StartScan,
  WindowSearch, lowered) and whether a text holds any of a few words (WordGate).
- first_chars: what a compiled regex can start with, read from its parse tree (first_characters,
  guarded, starting_strings).
- anchored: rule regexes tried only at anchor hits (Anchors, AnchorHits, AnchoredRegex,
  expand_fragments), overlap tests (Ranges) and the lower-cased text (lower_text, document_lower).
- lines: non-blank lines, the lines holding offsets, and spaCy sentencizer starts.
- searches: searches for patterns anchored at line starts or the text's end that skip from newline to newline
  or start near the end (line_start_search, tail_search).
- blocks: the segmenter's block bounds, kept once per Doc (block_bounds).
- cues: weighted cue patterns summed over a text (WeightedCues: the document kind).
- rule_fields: compiled rules declared as annotated fields (RuleFields: `name: re.Pattern` is compiled).
- memo: results of pure functions of rule patterns kept on disk between builds (DiskMemo), beside compiled's
  regex cache.

Rule files are not read here (see rules.py), and no component is imported."""
from .anchored import (  # noqa: F401
    AnchoredRegex, AnchorHits, Anchors, Ranges, document_lower, expand_fragments, lower_text,
)
from .cues import WeightedCues  # noqa: F401
from .first_chars import first_characters, guarded, starting_strings  # noqa: F401
from .lines import lines_holding, nonblank_lines, sentencizer_starts  # noqa: F401
from .rule_fields import RuleFields  # noqa: F401
from .searches import line_start_search, tail_search  # noqa: F401
from .started import StartedPattern, StartScan, WindowSearch, WordGate, lowered  # noqa: F401
from .tries import trie_pattern  # noqa: F401
