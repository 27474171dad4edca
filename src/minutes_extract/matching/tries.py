"""trie_pattern: one fast regex alternation for many literal terms."""
from __future__ import annotations

import re


def trie_pattern(terms: list[str], literal_spaces: bool = False) -> str:
    """One regex for many literal terms, branching a character at a time ("care leavers|care ..." share
    "care "): much faster than a flat alternation. At each character only one branch can go on, so a
    position is rejected after a character or two; where a term ends inside a longer one, the longer is
    tried first. Spaces match any run of whitespace, or only a space with `literal_spaces`."""
    trie: dict = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " and not literal_spaces else re.escape(ch)) + build(sub)
                    for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"
