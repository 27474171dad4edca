"""RuleFields: compiled rules declared as annotated fields, so the names a component reads stand in one
list with their types. Each annotated field is read from the rule dict under its own name:
- `re.Pattern`: compiled (after its <<NAME>> placeholders are expanded from `rules[fragments_key]`, where
  the class names such a key);
- `tuple[...]`, `frozenset[...]`, `set[...]`: the JSON list made one;
- anything else: the value as it is.
A field with a default (`furniture_max_words: int = 10`) takes it when the rule dict lacks the key. A
subclass's __init__ then adds what it derives (starting strings, named patterns, renamed limits). Rule
files are not read here: `rules` is the dict rules.py validated."""
from __future__ import annotations

import re
from typing import ClassVar, Optional, get_origin, get_type_hints

from .anchored import expand_fragments

_COLLECTIONS = (tuple, frozenset, set)


class RuleFields:
    fragments_key: ClassVar[Optional[str]] = None  # the rule dict's key of <<NAME>> fragments its patterns use

    def __init__(self, rules: dict):
        fragments = rules[self.fragments_key] if self.fragments_key else None
        for name, kind in get_type_hints(type(self)).items():
            if get_origin(kind) is ClassVar:
                continue
            value = rules[name] if name in rules or not hasattr(type(self), name) else getattr(type(self), name)
            if kind is re.Pattern:
                value = re.compile(expand_fragments(value, fragments) if fragments is not None else value)
            elif (get_origin(kind) or kind) in _COLLECTIONS:
                value = (get_origin(kind) or kind)(value)
            setattr(self, name, value)
