"""Acronyms: initials of a name, and acronyms that a text defines in parentheses.

`acronym_of("European Investment Bank")` is "EIB". `defined_acronyms(text)` finds
"Nordic Innovation Centre (NIC)", "EIB (European Investment Bank)" and
"the SPI fund (Société de projets industriels)", where the acronym's letters are
the initials of the words (connector words such as of/de/the may be skipped or
may give their letter, as in "Department of Energy (DOE)"). A parenthesised
all-capital acronym of 2-8 letters that directly follows a capitalised name is
accepted as that name's acronym even when the letters do not match: many are
acronyms of the name in another language ("French Agency for Ecological
Transition (ADEME)", "Strategic Participation Fund (FSP)").
"""

from __future__ import annotations

import re
from functools import cache

CONNECTORS = frozenset(
    [
        "of",
        "for",
        "the",
        "and",
        "de",
        "du",
        "des",
        "d",
        "et",
        "la",
        "le",
        "les",
        "l",
        "a",
        "an",
        "in",
        "on",
        "to",
        "und",
        "der",
        "die",
        "das",
        "van",
        "von",
        "y",
        "e",
        "&",
    ]
)
_MAX_EXTRA_TOKENS = 4


@cache
def _word_re() -> re.Pattern[str]:
    return re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*|&")


@cache
def _paren_re() -> re.Pattern[str]:
    return re.compile(r"\(([^()\n]{2,160})\)")


def _initial(word: str) -> str:
    if len(word) > 2 and word[1] in "'’" and word[0] in "dlDL":
        return word[2].upper()
    return word[0].upper()


def looks_like_acronym(word: str) -> bool:
    """A single word of 2-8 characters with at least two capitals and no lower-case start."""
    return (
        2 <= len(word) <= 8
        and word[0].isupper()
        and sum(c.isupper() for c in word) >= 2
        and all(c.isalnum() or c == "&" for c in word)
    )


def acronym_of(expansion: str) -> str:
    """Initials of the significant words of `expansion`, upper case (connectors skipped)."""
    words = [w for w in _word_re().findall(expansion) if w.lower() not in CONNECTORS]
    return "".join(_initial(w) for w in words)


def _match_back(acronym: str, words: list[str], *, whole: bool) -> int | None:
    """Index of the first word of the expansion ending at `words[-1]`, or None.

    Walks back from the last word: a word whose initial is the next letter takes it,
    an acronym inside the expansion may take all its letters ("UK Research and
    Innovation (UKRI)"), a connector is skipped. With `whole`, every word must be used."""
    letters = [c.upper() for c in acronym if c.isalpha()]
    i, j = len(letters) - 1, len(words) - 1
    while i >= 0 and j >= 0:
        word = words[j]
        if _initial(word) == letters[i]:
            i, j = i - 1, j - 1
        elif _inner_acronym(word, letters, i):
            i, j = i - len(word), j - 1
        elif word.lower() in CONNECTORS and len(words) - j <= len(letters) + _MAX_EXTRA_TOKENS:
            j -= 1
        else:
            return None
    if i >= 0:
        return None
    first = j + 1
    if whole and any(w.lower() not in CONNECTORS for w in words[:first]):
        return None
    return first


def _inner_acronym(word: str, letters: list[str], i: int) -> bool:
    """Whether the acronym `word` spells the letters of the acronym that end at `i`."""
    n = len(word)
    return (
        2 <= n <= i + 1
        and word.isupper()
        and word.isalpha()
        and word == "".join(letters[i - n + 1 : i + 1])
    )


def abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether `acronym` stands for all of `words` (connectors aside):
    "EIB" for European Investment Bank, "UKRI" for UK Research and Innovation."""
    first = _match_back(acronym, words, whole=True)
    return first is not None and first < len(words)


def _tail_words(text: str, end: int) -> list[re.Match[str]]:
    """Word matches in the run of words that ends just before `end` (no punctuation)."""
    floor = max(0, end - 200)
    stretch = text[floor:end]
    cut = max(stretch.rfind(c) for c in ',.;:!?()"“”«»\n')
    base = floor + cut + 1
    return list(_word_re().finditer(text, base, end))


def _capitalised_run(words: list[re.Match[str]]) -> int | None:
    """Start index of the capitalised name ending at the last word, or None."""
    if not words or not words[-1].group(0)[0].isupper():
        return None
    k = len(words) - 1
    while k > 0:
        prev = words[k - 1].group(0)
        if prev[0].isupper():
            k -= 1
        elif prev.lower() in CONNECTORS and k >= 2 and words[k - 2].group(0)[0].isupper():
            k -= 2
        else:
            break
    return k


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms that `text` defines, mapped to their expansions (first definition wins)."""
    found: dict[str, str] = {}
    for m in _paren_re().finditer(text):
        inside = m.group(1).strip()
        before = _tail_words(text, m.start())
        if looks_like_acronym(inside):
            pair = _forward(text, inside, before)
        else:
            pair = _reverse(inside, before)
        if pair and pair[0] not in found:
            found[pair[0]] = pair[1]
    return found


def _forward(text: str, acronym: str, before: list[re.Match[str]]) -> tuple[str, str] | None:
    """ "Expansion (ACR)": the acronym follows its expansion."""
    words = [w.group(0) for w in before]
    first = _match_back(acronym, words, whole=False)
    if first is None and acronym.isupper() and acronym.isalpha():
        first = _capitalised_run(before)
        if first is not None and first == len(before) - 1 and len(before[first].group(0)) < 3:
            first = None
    if first is None or first >= len(before):
        return None
    while first < len(before) - 1 and words[first].lower() in CONNECTORS:
        first += 1
    return acronym, text[before[first].start() : before[-1].end()]


def _reverse(inside: str, before: list[re.Match[str]]) -> tuple[str, str] | None:
    """ "ACR (Expansion)" or "the ACR fund (Expansion)": the acronym comes first."""
    words = _word_re().findall(inside)
    if len(words) < 2:
        return None
    for cand in reversed(before[-3:]):
        acr = cand.group(0)
        if acr.isupper() and looks_like_acronym(acr) and _match_back(acr, words, whole=True) == 0:
            return acr, inside
    return None
