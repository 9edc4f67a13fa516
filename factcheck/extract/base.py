"""What every extractor returns, and the helpers that turn it into located Claims.

An extractor module (`quantities`, `dates`, `ordinals`, `entities`, `quotes`,
`roles`) exposes one pure function::

    def find(text: str, seg: Segmentation, ctx: ExtractContext) -> list[RawClaim]

It works on the document's plain text only; offsets in a RawClaim are offsets
into that text. `build_claims` (in `factcheck/extract/__init__.py`) locates them
in the source file, attaches the sentence and the context words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.model import ClaimValue


@dataclass(frozen=True)
class ExtractContext:
    """Per-document facts that extractors may use; never mutated."""

    doc_id: str = "<text>"
    dateline: str | None = None  # ISO date of the dateline, when the dates extractor found one
    gazetteer: object | None = None  # factcheck.normalise.names.Gazetteer, when loaded


@dataclass(frozen=True)
class RawClaim:
    kind: str
    start: int
    end: int
    value: ClaimValue
    subject: str | None = None
    attribute: str | None = None
    time: str | None = None
    speaker: str | None = None
    extra_context: tuple[str, ...] = field(default_factory=tuple)


STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "our",
        "his",
        "her",
        "they",
        "we",
        "you",
        "i",
        "he",
        "she",
        "them",
        "us",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "nor",
        "so",
        "than",
        "then",
        "there",
        "here",
        "also",
        "into",
        "over",
        "under",
        "about",
        "up",
        "out",
        "such",
        "very",
        "more",
        "most",
        "other",
        "some",
        "any",
        "each",
        "all",
        "both",
        "per",
        "via",
        "s",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")  # _WORD on ASCII text, faster


def content_words(text: str) -> list[str]:
    """Lower-cased content words of `text`, stop words removed, crude singular form."""
    words = (_ASCII_WORD if text.isascii() else _WORD).findall(text)
    return [c for w in words if (c := _content_form(w)) is not None]


@lru_cache(maxsize=16384)
def _content_form(word: str) -> str | None:
    """The content-word form of one word, None for a stop word or a single letter."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in STOPWORDS or len(w) < 2:
        return None
    return singular(w)


def singular(word: str) -> str:
    """A cheap English singular: batteries→battery, jobs→job, boxes→box; leaves 'ss' alone."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
