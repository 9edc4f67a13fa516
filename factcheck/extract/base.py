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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from factcheck.model import ClaimValue


@dataclass(frozen=True)
class ExtractContext:
    """Per-document facts that extractors may use; never mutated."""

    doc_id: str = "<text>"
    dateline: str | None = None  # ISO date of the dateline, when the dates extractor found one
    gazetteer: object | None = None  # factcheck.normalise.names.Gazetteer, when loaded


@dataclass(frozen=True, init=False)
class RawClaim:
    """One claim as an extractor found it: offsets into the plain text and its value."""

    kind: str
    start: int
    end: int
    value: ClaimValue
    subject: str | None = None
    attribute: str | None = None
    time: str | None = None
    speaker: str | None = None
    extra_context: tuple[str, ...] = ()

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        value: ClaimValue,
        subject: str | None = None,
        attribute: str | None = None,
        time: str | None = None,
        speaker: str | None = None,
        extra_context: tuple[str, ...] = (),
    ) -> None:
        # The generated __init__ of a frozen dataclass sets each field through
        # object.__setattr__; writing the instance dict directly is 3x faster and
        # every extractor builds thousands of these. Fields as declared above.
        fields = self.__dict__
        fields["kind"] = kind
        fields["start"] = start
        fields["end"] = end
        fields["value"] = value
        fields["subject"] = subject
        fields["attribute"] = attribute
        fields["time"] = time
        fields["speaker"] = speaker
        fields["extra_context"] = extra_context


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
# Letters joined by apostrophes or hyphens. The quantifiers are possessive: a letter
# given back could never start the ['’-] that follows, so they match what the greedy
# ones match, without the engine keeping backtracking points.
_WORD = re.compile(r"[^\W\d_]++(?:['’-][^\W\d_]++)*+", re.UNICODE)
_ASCII_WORD = re.compile(r"[A-Za-z]++(?:['-][A-Za-z]++)*+")  # _WORD on ASCII text, faster


_WORD_PARTS = re.compile(f"({_WORD.pattern})")
_ASCII_WORD_PARTS = re.compile(f"({_ASCII_WORD.pattern})")


def content_words(text: str) -> list[str]:
    """Lower-cased content words of `text`, stop words removed, crude singular form."""
    words = (_ASCII_WORD if text.isascii() else _WORD).findall(text)
    return list(filter(None, map(_content_form, words)))  # forms are never empty


def word_pattern(text: str) -> re.Pattern[str]:
    """The word regex `content_words` uses for any stretch of `text`: the ASCII one
    when the whole text is ASCII (on ASCII text both find the same words)."""
    return _ASCII_WORD if text.isascii() else _WORD


def window_words(words: re.Pattern[str], text: str, lo: int, hi: int) -> list[str]:
    """`content_words(text[lo:hi])` without copying the window; `words` is
    `word_pattern(text)` (the pattern has no anchor or look-around, so scanning
    between `lo` and `hi` finds what scanning the slice finds)."""
    return list(filter(None, map(_content_form, words.findall(text, lo, hi))))


class WordIndex:
    """The words of `text[lo:hi]` (one sentence) read once, with their offsets, so that
    the context windows of all the claims in it are cut from one scan."""

    __slots__ = ("_counts", "_ends", "_forms", "_starts", "hi", "lo", "text")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        piece = text[lo:hi]
        # split() with the word as a group alternates gap, word, gap, ...: the running
        # sum of the part lengths gives every word's offsets without a Python loop.
        parts = (_ASCII_WORD_PARTS if piece.isascii() else _WORD_PARTS).split(piece)
        offsets = list(accumulate(map(len, parts), initial=lo))
        self.text, self.lo, self.hi = text, lo, hi
        self._starts = offsets[1:-1:2]
        self._ends = offsets[2:-1:2]
        forms = list(map(_content_form, parts[1::2]))
        # Content words only, and how many of them come before each word: a window
        # of words i..j holds the content words _counts[i].._counts[j].
        self._forms = list(filter(None, forms))
        self._counts = list(accumulate(map(bool, forms), initial=0))

    def words(self, lo: int, hi: int) -> list[str]:
        """`content_words(text[lo:hi])`, for `lo`..`hi` inside the indexed stretch."""
        starts, ends = self._starts, self._ends
        i = bisect_right(ends, lo)  # the first word ending after lo
        j = bisect_left(starts, hi)  # the first word starting at or after hi
        if (i < j and (starts[i] < lo or ends[j - 1] > hi)) or lo < self.lo or hi > self.hi:
            # A window edge cuts a word, which the window reads as a word of its own.
            return content_words(self.text[lo:hi])
        return self._forms[self._counts[i] : self._counts[j]]


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
