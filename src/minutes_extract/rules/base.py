"""The base of every rule-file schema, and the shapes several files share."""
from __future__ import annotations

from typing import Union

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    """A rule-file object whose keys are all known: a misspelt key is an error, not a silent None."""
    model_config = ConfigDict(extra="forbid")


class RuleFile(Strict):
    """A whole rule file (models/rules/<name>.json): its first key says what it is for."""
    description: str = Field(description="What the file is for (documentation only).")


class Permissive(BaseModel):
    """A rule file whose schema is not written yet: any key is accepted (only its JSON is checked)."""
    model_config = ConfigDict(extra="allow")


def described(text: str, **kwargs) -> object:
    """A field's description (every schema field has one: `minutes-extract schema`-style docs read it)."""
    return Field(description=text, **kwargs)


Regex = str  # a Python regular expression (<<NAME>> placeholders expanded before compiling, where noted)


class Window(Strict):
    anchor: Regex = described("Case-sensitive regex; a token that is no hit of it is kept only near a hit.")
    before: int = described("Characters before a hit within which a token is kept.")
    after: int = described("Characters after a hit within which a token is kept.")


class LiteralsAnchor(Strict):
    literals: list[str] = described("Strings found with str.find (case-sensitive).")


class WordsAnchor(Strict):
    words: list[str] = described("Strings found case-insensitively in the lower-cased text.")


class TokensAnchor(Strict):
    tokens: list[str] = described("Tokens that are these words, in any case (found by a PhraseMatcher).")
    window: Window | None = described("Keep a token only near a hit of window.anchor.", default=None)


Anchor = Union[Regex, list[Regex], LiteralsAnchor, WordsAnchor, TokensAnchor]


class AnchoredPattern(Strict):
    """A rule regex tried only where its anchor is found (matching.AnchoredRegex)."""
    anchor: str = described("Name of an entry of `anchors`: where the pattern may start.")
    pattern: Regex = described("Regex that must match at an anchor hit (<<NAME>> fragments expanded).")
    lead: Regex | None = described("Regex for what may come just before the anchored part.", default=None)
    lead_optional: bool = described("The pattern also stands without its lead.", default=False)
    lead_reach: int = described("Characters before the hit searched for the lead.", default=70)
    requires: list[str] = described("Strings one of which every match holds (else the document is skipped).",
                                    default_factory=list)


class StartStrings(Strict):
    """Strings every match of a pattern starts with (matching.StartedPattern): the text is searched for
    them first and the pattern tried only where one starts."""
    lower: list[str] = described("Starting strings as found in the lower-cased text.", default_factory=list)
    exact: list[str] = described("Starting strings as written (case-sensitive).", default_factory=list)
