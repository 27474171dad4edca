"""The standard library's regex parser and its constants, for the rule layers that read what a pattern's matches
must start with or contain (matching.ends, matching.first_chars, the findings and judgement rules): one import
for the module moved in Python 3.11."""
from __future__ import annotations

try:  # Python 3.11+
    from re import _constants as sre, _parser as sre_parser
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse as sre_parser  # type: ignore[no-redef]

REPEATS = tuple(getattr(sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(sre, name))
