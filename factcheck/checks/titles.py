"""Shared logic for title_conflict: when two titles of one person differ.

Not a check kind itself. Titles are compared as bags of significant words after
folding case, accents and punctuation, dropping connectors ("of", "for", "the")
and parenthesised acronyms, and mapping place exonyms and title synonyms
(CEO = chief executive officer). A title that only leaves words out of the other
("President" vs "President of the Region") is not a conflict.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable

CONNECTORS = frozenset("of for the to and in at on a an de du des la le responsible".split())
# Spelled-out titles and their short forms compare as one token.
TITLE_PHRASES = (
    ("chief executive officer", "ceo"),
    ("chief executive", "ceo"),
    ("chief financial officer", "cfo"),
    ("chief operating officer", "coo"),
    ("chief technology officer", "cto"),
    ("managing director", "md"),
    ("vice president", "vp"),
    ("vice-president", "vp"),
    ("chairwoman", "chairman"),
    ("chairperson", "chairman"),
    ("chair", "chairman"),
)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


Canon = Callable[[str], tuple[str, ...]]


def plain_words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", fold(text)))


def title_words(title: str, canon: Canon = plain_words) -> list[str]:
    """Significant words of a title, normalised; `canon` maps alias phrases to one token.

    An owner's possessive ("the company's", "Acme's") says whose title it is, not
    what it is, and is left out.
    """
    title = re.sub(r"\([^)]*\)", " ", title)
    title = re.sub(r"^(?:the\s+)?(?:[\w-]+\s+){0,3}[\w-]+['’]s\s+", "", title, flags=re.I)
    text = " " + " ".join(canon(title)) + " "
    for phrase, short in TITLE_PHRASES:
        text = text.replace(f" {phrase} ", f" {short} ")
    return [w for w in text.split() if w not in CONNECTORS]


def titles_conflict(a: str, b: str, canon: Canon = plain_words) -> bool:
    """True when neither title's words are contained in the other's."""
    wa, wb = set(title_words(a, canon)), set(title_words(b, canon))
    if not wa or not wb:
        return False
    return not (wa <= wb or wb <= wa)


def word_diff(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """Word-level diff from `b` (the other side) to `a` (this side)."""
    return piece_diff(b.split(), a.split())


def piece_diff(
    theirs: list[str], mine: list[str], key: Callable[[str], str] = str
) -> tuple[tuple[str, str], ...]:
    """Diff from the pieces `theirs` to the pieces `mine`, compared by `key` and shown
    as written: ("equal" | "delete" | "insert", pieces joined by spaces)."""
    matcher = difflib.SequenceMatcher(
        a=[key(p) for p in theirs], b=[key(p) for p in mine], autojunk=False
    )
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("equal", " ".join(theirs[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("delete", " ".join(theirs[i1:i2])))
        if j2 > j1:
            ops.append(("insert", " ".join(mine[j1:j2])))
    return tuple(ops)


def person_key(name: str) -> str:
    """A person's name folded for matching: accents, case, titles of address removed."""
    words = [
        w
        for w in re.findall(r"[^\W\d_]+", fold(name))
        if w not in {"mr", "mrs", "ms", "dr", "prof"}
    ]
    return " ".join(words)
