"""What every match of a line-final regex ends with, read from its parse tree (closing_character), so a
caller skips the search on a line that does not end so (re.search tries such a pattern at every
character of every line)."""
from __future__ import annotations

import re
from typing import Optional

try:  # Python 3.11+
    from re import _constants as _sre, _parser as _sre_parser
except ImportError:  # Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

_SPACES = [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_SPACE)])]


def closing_character(pattern: re.Pattern) -> Optional[str]:
    """C for a pattern written `...C\\s*$` (C a literal character, no MULTILINE): a text it matches ends
    with C once trailing whitespace is stripped (str.rstrip strips what \\s matches). None for any other
    shape (a top-level alternation, a class, a quantified C ...)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.MULTILINE:
        return None
    items = list(_sre_parser.parse(pattern.pattern, pattern.flags))
    if len(items) < 3 or items[-1] != (_sre.AT, _sre.AT_END):
        return None
    (op, av), (last_op, last) = items[-2], items[-3]
    if op is not _sre.MAX_REPEAT or av[0] != 0 or av[1] != _sre.MAXREPEAT or list(av[2]) != _SPACES:
        return None
    if last_op is not _sre.LITERAL:
        return None
    char = chr(last)
    if char.isspace() or (pattern.flags & re.IGNORECASE and char.lower() != char.upper()):
        return None
    return char
