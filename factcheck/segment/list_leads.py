"""The organisation vocabulary and the cheap scan for list lead-ins.

`org_vocab()` holds the word lists of factcheck/data/org_words.yaml, shared by
name lists (`lists.py`) and organisation entities. The scan finds the places
where a lead-in ("including", "such as", ":", a dash) may start a list, so that
only those sentences are tokenised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def mentions_financing(text: str) -> bool:
    """Whether a word of `text` marks it as speaking of financing ("loan", "lenders")."""
    return not org_vocab().financing.isdisjoint(_LETTER_RUN.findall(text.lower()))


@cache
def token_re() -> re.Pattern[str]:
    """A token of a sentence: a word (with inner - ' ’ . &) or one other character."""
    return re.compile(r"\w+(?:[-'’.&]\w+)*|\S")


# Punctuation that opens a list ("four lenders: A, B and C", "four lenders — A, B
# and C —"), as a key found by `str.find` and the shift from the key to the lead-in
# (a hyphen leads only between spaces: "Rhône-Alpes" holds none).
_PUNCT_KEYS = {":": 0, "—": 0, "–": 0, " - ": 1}
DASHES = frozenset({"—", "–", "-"})
PUNCT_LEADS = DASHES | {":"}


@cache
def lead_re() -> re.Pattern[str]:
    """A lead-in word or phrase of the vocabulary, a colon, or a dash."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in org_vocab().lead_ins)
    return re.compile(rf"\b(?:{words})\b|[:—–]|(?<= )-(?= )")


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
    if lead.group() not in PUNCT_LEADS:
        if p < end and text[p] in "-'’.&":
            return True  # the lead-in word may go on as one token ("by-election")
        p = _skip_spaces(text, p, end)
        if p < end and text[p] == ":":
            p = _skip_spaces(text, p + 1, end)
    elif lead.group() in DASHES:
        # Dashes are common ("Paris, 4 May – Acme today opened ..."): tokenise only
        # when a first name runs up to a comma or semicolon.
        return _dash_item_re().match(text, _skip_spaces(text, p, end), end) is not None
    else:
        p = _skip_spaces(text, p, end)
    token = token_re().match(text, p, end)
    if token is None:
        return False
    word = token.group()
    return word.lower() == "the" or is_capitalised(word)


@cache
def _dash_item_re() -> re.Pattern[str]:
    """A first list item after a dash: capitalised words and connectors, an optional
    "(…)", then a separator."""
    word = r"(?:[^\W\d_]|\d)[\w.&'’-]*"
    capital = r"(?:[A-ZÀ-ÖØ-Þ]|\d|[dl]['’])[\w.&'’-]*"
    conn = "|".join(["of", "for", "de", "du", "des", "et", "the", "la", "le", "les", "and", "&"])
    return re.compile(
        rf"(?:the[ \t]+)?{capital}(?:[ \t]+(?:{capital}|(?:{conn})(?=[ \t]+{word})))*"
        r"[ \t]*(?:\([^()\n]{1,80}\)[ \t]*)?[,;]"
    )


def _skip_spaces(text: str, p: int, end: int) -> int:
    while p < end and text[p].isspace():
        p += 1
    return p


@cache
def _lead_keys() -> tuple[str, ...]:
    """One literal word of every lead-in (its longest); a key that holds another key
    ("amongst" holds "among") is left to that one."""
    keys = {max(w.split(), key=len) for w in org_vocab().lead_ins}
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


@cache
def _key_walks() -> dict[str, frozenset[tuple[int, tuple[str, ...]]]]:
    """Per key: (offset of the key in the lead-in word that holds it, the lead-in's
    words before that word), for every lead-in the key stands for."""
    keys = _lead_keys()
    walks: dict[str, set[tuple[int, tuple[str, ...]]]] = {k: set() for k in keys}
    for key, shift in _PUNCT_KEYS.items():
        walks[key] = {(-shift, ())}
    for lead in org_vocab().lead_ins:
        words = lead.split()
        at = words.index(max(words, key=len))
        key = next(k for k in keys if k in words[at])
        walks[key].add((words[at].find(key), tuple(words[:at])))
    return {k: frozenset(v) for k, v in walks.items()}


def _walk_back(text: str, at: int, words: tuple[str, ...]) -> int | None:
    """Where `words` start when they stand before `at`, each followed by whitespace."""
    for word in reversed(words):
        q = at
        while q > 0 and text[q - 1].isspace():
            q -= 1
        if q == at or q < len(word) or not text.startswith(word, q - len(word)):
            return None
        at = q - len(word)
    return at


def lead_starts(text: str) -> list[int]:
    """Sorted offsets where a lead-in can start (a superset of the `lead_re` matches).

    Every lead-in holds a key word literally (`_lead_keys`), found by `str.find`, far
    faster than a scan with `lead_re`; from each key occurrence the words of the
    lead-in before it are read backwards.
    """
    found: set[int] = set()
    for key, walks in _key_walks().items():
        i = text.find(key)
        while i >= 0:
            for offset, before in walks:
                start = _walk_back(text, i - offset, before) if before else i - offset
                if start is not None and start >= 0:
                    found.add(start)
            i = text.find(key, i + 1)
    return sorted(found)


def lead_matches(text: str, starts: list[int], end: int) -> Iterator[re.Match[str]]:
    """What `lead_re().finditer(text, starts[0], end)` finds, given (sorted) every
    position where a lead-in can start."""
    pattern = lead_re()
    pos = 0
    for s in starts:
        if s < pos:
            continue
        m = pattern.match(text, s, end)
        if m is not None:
            pos = m.end()
            yield m
