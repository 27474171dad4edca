"""Searches that answer as `pattern.search` does, for patterns anchored at a line start or at the text's end, without
trying every character (read from the pattern's parse tree)."""
from __future__ import annotations

import re
from typing import Callable

from .regex_tree import sre, sre_parser

_GLOBAL_FLAGS = re.compile(r"\A(?:\(\?[aiLmsux]+\))+")


def line_start_search(pattern: re.Pattern) -> Callable[[str], bool]:
    """bool(pattern.search(text)), for a MULTILINE pattern whose every match opens a line ("(?m)^..."): a match at
    the start, else a search for a newline followed by the rest, which skips from newline to newline; a search for
    "^" tries every character. Any other pattern is searched as it is."""
    search = pattern.search
    if not pattern.flags & re.MULTILINE:
        return lambda text: search(text) is not None
    parsed = sre_parser.parse(pattern.pattern, pattern.flags).data
    rest = _GLOBAL_FLAGS.sub("", pattern.pattern)
    if not parsed or parsed[0] != (sre.AT, sre.AT_BEGINNING) or not rest.startswith("^"):
        return lambda text: search(text) is not None  # (a top-level alternation parses as one BRANCH)
    at_start = pattern.match
    after_newline = re.compile("\n(?:" + rest[1:] + ")", pattern.flags).search
    return lambda text: at_start(text) is not None or after_newline(text) is not None


def tail_search(pattern: re.Pattern):
    """pattern.search(text), for a pattern whose every match ends the text (its last item `$`, no MULTILINE)
    and is at most N characters long: searched from N + 1 characters before the end (`$` also matches before a
    final newline) instead of from every character. Any other pattern is searched as it is."""
    parsed = sre_parser.parse(pattern.pattern, pattern.flags)
    widest = parsed.getwidth()[1]
    if (pattern.flags & re.MULTILINE or not parsed.data or parsed.data[-1] != (sre.AT, sre.AT_END)
            or widest >= sre.MAXREPEAT):
        return pattern.search
    search = pattern.search
    return lambda text: search(text, max(0, len(text) - widest - 1))
