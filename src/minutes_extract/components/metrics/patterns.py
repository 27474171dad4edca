"""Before / After: `*_before` and `*_after` rules of metrics.json, searched just before or matched
just after a position on its line (on the lower-cased text when the rule ignores case throughout)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .context import Context

_OPEN_IGNORECASE = "(?i:"


class Before:
    """A `*_before` rule: a regex that must match the end of the text before a position, on its line
    and within `width` characters (the callers' window). Its matches are short, so only the last
    `reach` characters are searched; and a rule that ignores case throughout, `(?i:...)$` with a
    lower-case body, is run case-sensitively on the lower-cased text (Python's re is slow at
    case-insensitive alternations). Several rules may be joined when only a yes/no is wanted."""

    def __init__(self, patterns: list[str], reach: int, stops: str = "", requires: Optional[str] = None):
        self.regex = re.compile("|".join(f"(?:{p})" for p in patterns))
        forms = [_lowercase_form(p) for p in patterns]
        self.lowered = re.compile("|".join(f"(?:{f})" for f in forms)) if all(forms) else None
        self.reach = reach
        self.stops = stops  # characters no match contains: the search starts after the last one
        # a lower-case regex every match contains: cheap to look for first (when the text can be lower-cased)
        self.requires = re.compile(requires) if requires else None

    def search(self, ctx: "Context", pos: int, width: int = 90) -> tuple[Optional[re.Match], int]:
        """(match, offset of the searched slice in the text); the slice starts no earlier than the
        callers' window text[max(line start, pos - width):pos], so a match is found as in that window."""
        floor = max(ctx.line_start(pos), pos - width)
        start = max(floor, pos - self.reach)
        for ch in self.stops:
            start = max(start, ctx.text.rfind(ch, start, pos) + 1)
        if self.lowered is not None and ctx.lower:
            lower = ctx.lower[start:pos]
            if self.requires is not None and not self.requires.search(lower):
                return None, start
            return self.lowered.search(lower), start
        return self.regex.search(ctx.text[start:pos]), start


def _alternation(entries: list[str]) -> str:
    """The entries (regexes starting with a letter) as one alternation grouped by first letter, which
    the regex engine tries far faster than a flat list: `(?:a(?:rt|ppendix)|s(?:ection|ec|))`."""
    groups: dict[str, list[str]] = {}
    for entry in sorted(entries, key=len, reverse=True):
        groups.setdefault(entry[0], []).append(entry[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


def _lowercase_form(pattern: str) -> Optional[str]:
    """For a pattern `(?i:X)`, `^(?i:X)` or `(?i:X)$` whose X matches lower-case text only (no capital
    letter outside an escape such as \\S or a group name, no inline flag): the same without (?i:),
    to run on the lower-cased text. Else None."""
    head = "^" if pattern.startswith("^") else ""
    tail = "$" if pattern.endswith(")$") else ""
    body = pattern[len(head):len(pattern) - len(tail)]
    if not (body.startswith(_OPEN_IGNORECASE) and body.endswith(")")):
        return None
    body = body[len(_OPEN_IGNORECASE):-1]
    depth, class_start, i = 0, -1, 0  # class_start: where the current [...] class began, or -1
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if class_start < 0 and body.startswith("(?P<", i):  # a named group opens: skip its name
            depth += 1
            i = body.index(">", i) + 1
            continue
        if class_start < 0 and body.startswith("(?P=", i):  # a back-reference: skip it whole
            i = body.index(")", i) + 1
            continue
        if ch.isupper() or (ch.isalpha() and not ch.isascii()) or (
                class_start < 0 and body.startswith(("(?i", "(?-", "(?a", "(?L", "(?u"), i)):
            return None  # (non-ASCII letters: some fold unlike their lower case, e.g. the final sigma)
        if class_start >= 0:
            first = class_start + (body[class_start] == "^")
            if ch == "]" and i > first:  # a "]" first in a class is a literal
                class_start = -1
        elif ch == "[":
            class_start = i + 1
        else:  # the (?i: group must close at the very end, not earlier
            depth += (ch == "(") - (ch == ")")
            if depth < 0:
                return None
        i += 1
    return f"{head}(?:{body}){tail}" if depth == 0 and class_start < 0 else None


class After:
    """An `*_after` rule: a regex that must match the start of the text after a position, on its line
    and within `width` characters. Like Before, a rule that ignores case throughout runs on the
    lower-cased text. Several rules may be joined when only a yes/no is wanted."""

    def __init__(self, patterns: list[str]):
        self.regex = re.compile("|".join(f"(?:{p})" for p in patterns))
        forms = [_lowercase_form(p) for p in patterns]
        self.lowered = re.compile("|".join(f"(?:{f})" for f in forms)) if all(forms) else None

    def match(self, ctx: "Context", pos: int, width: int = 120) -> Optional[re.Match]:
        end = min(ctx.line_end(pos), pos + width)
        if self.lowered is not None and ctx.lower:
            return self.lowered.match(ctx.lower[pos:end])
        return self.regex.match(ctx.text[pos:end])
