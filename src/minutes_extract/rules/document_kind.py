"""Schema of models/rules/document_kind.json (minutes_document_kind)."""
from __future__ import annotations

from ..records import DocumentKind
from .base import Regex, RuleFile, Strict, described


class Cue(Strict):
    name: str = described("The cue's name.")
    weight: int = described("What the cue adds to the document's score when found in its opening.", ge=1)
    pattern: Regex = described("Regex searched in the document's opening.")


class KindCues(Strict):
    kind: DocumentKind = described("The document kind these cues show.")
    threshold: int = described("Total cue weight that makes a document of this kind.", ge=1)
    cues: list[Cue] = described("Signs of the kind in a document's opening.")


class DocumentKindRules(RuleFile):
    opening_chars: int = described("How much of a document's start is searched for cues.", ge=200)
    default: DocumentKind = described("The kind of a document no kind's cues reach the threshold of.")
    kinds: list[KindCues] = described("Kinds tried in order; the first whose threshold is reached wins.")
