"""Schema of models/rules/meeting.json (minutes_meeting)."""
from __future__ import annotations

from .base import Regex, RuleFile, Strict, described


class HeaderPattern(Strict):
    id: str = described("Rule name, carried as provenance of the meeting's body and date.")
    pattern: Regex = described("Regex run on a header line (groups `body`, `date`; <<NAME>> fragments expanded).")
    starts: Regex | None = described("Regex a line must start with for the pattern to be tried.", default=None)
    needs: list[str] | None = described("Strings one of which the line must hold.", default=None)
    max_line: int | None = described("Only the first max_line header lines are tried.", default=None)
    fallback: bool = described("Its date counts only when no other header line gives one (an issue page's publication "
                               "date under a 'Date of Decision:' field).", default=False)
    needs_body: bool = described("Its date counts only when the header also names the body (a letter's date line "
                                 "dates no meeting).", default=False)


class BodyWindows(Strict):
    anchor: Regex = described("A body noun ('Committee', 'Panel') around which a named body is read.")
    back: Regex = described("What is read before the anchor.")
    ahead: Regex = described("What is read after it.")


class BodyScore(Strict):
    mention: float = described("Score of each mention of a body in the text.")
    action: float = described("Score of a mention that acts ('the Committee noted').")
    generic_match: float = described("Score of 'the Committee' matching the body's noun.")
    generic_action: float = described("Score of a generic reference that acts.")
    other_noun: float = described("Score of a mention after 'to'/'by' (another body).")


class AuthorityScore(Strict):
    full_name: float = described("Score of an authority's full name.")
    abbreviation: float = described("Score of its abbreviation ('LBBD').")
    place: float = described("Score of its place name.")
    place_in_name: float = described("Score of a place inside a longer name.")
    place_joint: float = described("Score of a place joined to another ('X and Y').")
    venue: float = described("Score of a known venue ('County Hall, Maidstone').")
    minimum: float = described("Least score an authority needs.")
    domain: float = described("Score of its web domain.")


class Authority(Strict):
    name: str = described("The authority's name as output.")
    places: list[str] = described("Place names that stand for it.")
    abbreviations: list[str] = described("Abbreviations that stand for it.")


class MeetingRules(RuleFile):
    header_lines: int = described("How many first lines are the header.")
    fragments: dict[str, Regex] = described("<<NAME>> placeholders (MONTH, WEEKDAY, DATE, BODY_NOUN ...).")
    header_patterns: list[HeaderPattern] = described("Header line patterns, in order.")
    body_line: Regex = described("A header line that names the body.")
    wrapped_header_end: Regex = described("How a header line ends that wraps onto the next ('Executive Member for').")
    date_line: Regex = described("A header line that is the date.")
    date_label_line: Regex = described("A date field's label alone on its line ('Date of Decision:'), its date under it.")
    body_noun: Regex = described("A body noun in a line.")
    body_cleanup: list[Regex] = described("Text removed from a body name (years, brackets, 'Minutes -').")
    full_council: Regex = described("A body name that is the full council.")
    generic_body: Regex = described("A body name that says no more than 'Committee'.")
    named_body: Regex = described("A named body in the text (group `body`).")
    bare_bodies: list[str] = described("Bodies named by one word ('Cabinet').")
    body_action_after: Regex = described("A verb after a body that acts ('noted').")
    body_action_before: Regex = described("Words before a body that acts ('resolved that the').")
    other_body_before: Regex = described("Words before another body ('to the', 'presented to').")
    generic_reference: Regex = described("'the Committee' ... in the text (groups `noun`, `after`).")
    body_windows: BodyWindows = described("Where named bodies are read.")
    body_score: BodyScore = described("Scores that choose the body among its mentions.")
    authority_header: Regex = described("An authority's name on a header line (group `name`).")
    authority_score: AuthorityScore = described("Scores that choose the authority.")
    place_in_name_after: Regex = described("What follows a place inside a longer name.")
    place_joint: Regex = described("A place joined to another.")
    authorities: list[Authority] = described("Known authorities, their places and abbreviations.")
    place_after_name: Regex = described("A capitalised word just before a place.")
    venue: Regex = described("A venue line (group `town`).")
    venues: dict[str, str] = described("Towns of known venues and their authority.")
    not_body_words: Regex = described("Words that make a name a person's title, not a body.")
    scan_chars: int = described("Characters of the text read for mentions.")
    council_word: Regex = described("The word 'Council'.")
    name_before_council: Regex = described("A place before 'Council' (group `place`).")
    domain: Regex = described("A council web domain ('.gov.uk').")
    domain_suffixes: list[str] = described("Suffixes stripped from a domain label ('cc', 'council').")
    domains: dict[str, str] = described("Domain labels that are not the place name, and their authority.")
    domain_label: Regex = described("The label before the domain (group `label`).")
