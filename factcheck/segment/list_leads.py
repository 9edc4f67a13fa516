"""The organisation vocabulary and the cheap scan for list lead-ins.

`org_vocab()` holds the word lists of factcheck/data/org_words.yaml, shared by
name lists (`lists.py`) and organisation entities. The scan finds the places
where a lead-in ("including", "such as", ":") may start a list, so that only
those sentences are tokenised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from factcheck.normalise import safe_load


@dataclass(frozen=True)
class OrgVocab:
    """The word lists of factcheck/data/org_words.yaml."""

    lead_ins: tuple[str, ...]
    connectors: frozenset[str]
    clause_starters: frozenset[str]
    max_descriptors: int
    not_descriptors: frozenset[str]
    org_cues: frozenset[str]
    titles: frozenset[str]
    financing: frozenset[str]


@cache
def org_vocab() -> OrgVocab:
    """The organisation vocabulary, loaded once."""
    raw = safe_load(resources.files("factcheck.data").joinpath("org_words.yaml").read_text("utf-8"))
    return OrgVocab(
        lead_ins=tuple(sorted(raw["lead_ins"], key=len, reverse=True)),
        connectors=frozenset(raw["name_connectors"]),
        clause_starters=frozenset(raw["clause_starters"]),
        max_descriptors=int(raw["max_descriptor_words"]),
        not_descriptors=frozenset(raw["not_descriptors"]),
        org_cues=frozenset(raw["org_cues"]),
        titles=frozenset(raw["titles"]),
        financing=frozenset(raw["financing_words"]),
    )


@cache
def token_re() -> re.Pattern[str]:
    """A token of a sentence: a word (with inner - ' ’ . &) or one other character."""
    return re.compile(r"\w+(?:[-'’.&]\w+)*|\S")


@cache
def lead_re() -> re.Pattern[str]:
    """A lead-in word or phrase of the vocabulary, or a colon."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in org_vocab().lead_ins)
    return re.compile(rf"\b(?:{words})\b|:")


def is_capitalised(word: str) -> bool:
    """A word that can stand in a name: Capital, ACRONYM, d'Epargne, 3M."""
    if not word:
        return False
    first = word[0]
    if first.isalpha():
        if first.isupper():
            return True
        return len(word) > 2 and word[1] in "'’" and word[2].isupper()
    return first.isdigit() and any(c.isalpha() for c in word)


def may_lead(text: str, lead: re.Match[str], end: int) -> bool:
    """False when the token after the lead-in (and a colon) cannot start a name.

    A cheap look at the text that spares tokenising most sentences; True
    whenever the tokens cannot be told without the tokeniser.
    """
    p = lead.end()
    if lead.group() != ":":
        if p < end and text[p] in "-'’.&":
            return True  # the lead-in word may go on as one token ("by-election")
        p = _skip_spaces(text, p, end)
        if p < end and text[p] == ":":
            p = _skip_spaces(text, p + 1, end)
    else:
        p = _skip_spaces(text, p, end)
    token = token_re().match(text, p, end)
    if token is None:
        return False
    word = token.group()
    return word.lower() == "the" or is_capitalised(word)


def _skip_spaces(text: str, p: int, end: int) -> int:
    while p < end and text[p].isspace():
        p += 1
    return p


@cache
def _lead_keys() -> tuple[str, ...]:
    """One literal word of every lead-in (its longest), and the colon; a key that
    holds another key ("amongst" holds "among") is left to that one."""
    keys = {max(w.split(), key=len) for w in org_vocab().lead_ins} | {":"}
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


def lead_key_positions(text: str) -> list[int]:
    """Sorted offsets of every occurrence of a lead-in key word (a superset of lead-ins).

    Every lead-in match contains a key word literally, so a sentence without a
    key occurrence has no lead-in; `str.find` scans far faster than the regex.
    """
    found: list[int] = []
    for key in _lead_keys():
        i = text.find(key)
        while i >= 0:
            found.append(i)
            i = text.find(key, i + 1)
    found.sort()
    return found
