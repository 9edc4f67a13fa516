"""Regex building shared by extractors and normalisers."""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_trie(words: Iterable[str]) -> str:
    """A regex alternation of `words` built as a prefix tree: "j(?:an(?:uary)?|u(?:ly?|ne?))".

    It matches what the words sorted longest first and joined by "|" match: a word's
    end is an optional (greedy) group, so longer continuations are tried first. The
    engine follows one branch per character instead of trying every word, and every
    branch starts with a literal, so a pattern that begins with the alternation gets
    the engine's first-character skip. With re.IGNORECASE, words must differ other
    than by case.
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:
    alts = [re.escape(ch) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        body = f"(?:{body})?" if len(alts) > 1 or len(alts[0]) > 1 else body + "?"
    return body
