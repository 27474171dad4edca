"""RuleFields: compiled rules declared as annotated fields, so the names a component reads stand in one
list with their types. A field annotated `re.Pattern` is `re.compile(rules[name])`; any other annotated
field is `rules[name]` as it is. A subclass's __init__ then adds what it derives (starting strings, named
patterns, renamed limits). Rule files are not read here: `rules` is the dict rules.py validated."""
from __future__ import annotations

import re
from typing import get_type_hints


class RuleFields:
    def __init__(self, rules: dict):
        for name, kind in get_type_hints(type(self)).items():
            setattr(self, name, re.compile(rules[name]) if kind is re.Pattern else rules[name])
