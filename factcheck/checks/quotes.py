"""Shared logic for the quote kinds (misquote, misattribution, unsupported_quote).

A draft quote is compared with every quote of the documents it answers to. Text
is compared as words after folding typographic quotes and apostrophes, case and
punctuation; elisions ("…", "...", "[…]") split a quote into fragments that must
each appear, in order. rapidfuzz's partial-ratio alignment finds where a fragment
stands in the source quote; difflib gives the word-level diff shown to people.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from factcheck.checks.common import checked_against
from factcheck.checks.titles import person_key, piece_diff
from factcheck.corpus import Corpus, DocInput
from factcheck.model import Claim, QuoteValue

_ELISION = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.)\s*")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def display_words(text: str) -> list[str]:
    """The words of a quote as written (typographic apostrophes made plain)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'"))


def excerpt(text: str, start: int, end: int) -> str:
    """Words `start`..`end` of `text` (as counted by `display_words`), quoted verbatim.

    The characters between the first and the last word are kept as written, so
    decimal points, thousands separators, hyphens and "…" survive. Falls back to
    the words joined by spaces when normalisation changed the word count.
    """
    if end <= start:
        return ""
    spans = [m.span() for m in _WORD.finditer(text)]
    if len(spans) != len(display_words(text)) or end > len(spans):
        return " ".join(display_words(text)[start:end])
    return text[spans[start][0] : spans[end - 1][1]]


def excerpt_diff(mine: str, theirs: str) -> tuple[tuple[str, str], ...]:
    """Word-level diff from `theirs` to `mine`, shown as written but compared as folded words.

    Space-separated pieces are compared by their folded words, so punctuation and
    case ("Canada," / "Canada") never count as a change; pieces with no words
    (dashes, "…") are left out.
    """

    def folded(piece: str) -> str:
        return " ".join(words(piece))

    return piece_diff(
        [p for p in theirs.split() if folded(p)], [p for p in mine.split() if folded(p)], folded
    )


def words(text: str) -> list[str]:
    """Folded words of a quote: case, quote/apostrophe typography and punctuation ignored."""
    return [w.casefold() for w in display_words(text)]


def fragments(text: str) -> list[list[str]]:
    """The quote split at elisions, as word lists (empty fragments dropped)."""
    return [w for w in (words(part) for part in _ELISION.split(text)) if w]


def contains_in_order(haystack: list[str], parts: list[list[str]]) -> bool:
    """Every fragment appears verbatim in `haystack`, in order."""
    pos = 0
    for part in parts:
        n = len(part)
        found = next(
            (i for i in range(pos, len(haystack) - n + 1) if haystack[i : i + n] == part), None
        )
        if found is None:
            return False
        pos = found + n
    return True


def similarity(parts: list[list[str]], source: list[str]) -> tuple[float, tuple[int, int]]:
    """(0-100 score, (start, end) word window of `source` best aligned with the fragments)."""
    needle_words = [w for part in parts for w in part]
    if not needle_words or not source:
        return 0.0, (0, 0)
    needle, hay = " ".join(needle_words), " ".join(source)
    if len(needle) > len(hay):
        return float(fuzz.ratio(needle, hay)), (0, len(source))
    alignment = fuzz.partial_ratio_alignment(needle, hay)
    if alignment is None:
        return 0.0, (0, 0)
    first = hay.count(" ", 0, alignment.dest_start)
    last = hay.count(" ", 0, max(alignment.dest_start, alignment.dest_end - 1)) + 1
    start, end = _fit_window(needle_words, source, first, last)
    return float(alignment.score), (start, _stretch_end(needle_words, source, start, end))


def _fit_window(needle: list[str], source: list[str], first: int, last: int) -> tuple[int, int]:
    """Stretch or shrink an aligned window so unmatched words at either end face each other.

    The character alignment can start after a replaced first word ("Today is…"
    quoted as "This is…"); the diff should show the replacement, not drop it.
    """
    lo, hi = max(0, first - 3), min(len(source), last + 3)
    matcher = difflib.SequenceMatcher(a=source[lo:hi], b=needle, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return first, last
    start = lo + blocks[0].a - min(blocks[0].b, blocks[0].a)
    tail_needle = len(needle) - (blocks[-1].b + blocks[-1].size)
    end_a = lo + blocks[-1].a + blocks[-1].size
    end = min(hi, end_a + tail_needle)
    return max(lo, start), end


def _stretch_end(needle: list[str], source: list[str], start: int, end: int) -> int:
    """Extend the window while the next source word is one the quote holds more
    often than the window does: with words swapped ("a power station … a plan"
    for "a plan … a power station") the aligned window stops short of them."""
    missing = Counter(needle)
    missing.subtract(source[start:end])
    while end < len(source) and missing[source[end]] > 0:
        missing[source[end]] -= 1
        end += 1
    return end


def same_speaker(a: str | None, b: str | None) -> bool:
    """The same person: full names equal, or one name is the other's surname part
    ("Brandl", "Salas Prieto" for "Carmen Salas Prieto")."""
    if not a or not b:
        return False
    sa, sb = person_key(a).split(), person_key(b).split()
    if not sa or not sb:
        return False
    short, long = sorted((sa, sb), key=len)
    return short == long[len(long) - len(short) :]


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    doc: DocInput
    status: str  # "verbatim" | "misquote" | "misattributed" | "unsupported"
    source: Claim | None = None
    source_doc: DocInput | None = None
    excerpt: str = ""  # the stretch of the source's text aligned with the quote, verbatim
    score: float = 0.0


def verdicts(corpus: Corpus, misquote_min: float, attribution_min: float) -> Iterator[Verdict]:
    """One verdict per quote (with words, not a scare-quoted term) of each checked document.

    Worked out once per corpus and thresholds: three rules read them."""
    key = ("quote-verdicts", misquote_min, attribution_min)
    return iter(corpus.shared(key, lambda: _verdicts(corpus, misquote_min, attribution_min)))


def _verdicts(corpus: Corpus, misquote_min: float, attribution_min: float) -> list[Verdict]:
    out = []
    for doc, authorities in checked_against(corpus):
        sources = [
            (c, w, a) for a in authorities for c, w in a.derived("quote-sources", _sources(a))
        ]
        for claim in doc.of_kind("quote"):
            if not _is_quote(claim):
                continue
            out.append(_judge(claim, doc, sources, misquote_min, attribution_min))
    return out


def _sources(doc: DocInput) -> Callable[[], list[tuple[Claim, list[str]]]]:
    """What a document offers as quote sources: each quote with its folded words."""

    def compute() -> list[tuple[Claim, list[str]]]:
        quotes = [c for c in doc.of_kind("quote") if _is_quote(c)]
        return [(c, words(c.value.text)) for c in quotes if isinstance(c.value, QuoteValue)]

    return compute


def _is_quote(claim: Claim) -> bool:
    v = claim.value
    return isinstance(v, QuoteValue) and not v.is_term and len(words(v.text)) >= 3


def _judge(
    claim: Claim,
    doc: DocInput,
    sources: list[tuple[Claim, list[str], DocInput]],
    misquote_min: float,
    attribution_min: float,
) -> Verdict:
    assert isinstance(claim.value, QuoteValue)
    parts = fragments(claim.value.text)
    speaker = claim.value.speaker
    best_same: Verdict | None = None
    best_other: Verdict | None = None
    for source, source_words, source_doc in sources:
        assert isinstance(source.value, QuoteValue)
        # An unattributed side can be a misquote, never proof of a misattribution.
        mine = (
            speaker is None
            or source.value.speaker is None
            or same_speaker(speaker, source.value.speaker)
        )
        if mine and contains_in_order(source_words, parts):
            return Verdict(claim, doc, "verbatim", source, source_doc, score=100.0)
        score, (start, end) = similarity(parts, source_words)
        verbatim = excerpt(source.value.text, start, end)
        verdict = Verdict(claim, doc, "", source, source_doc, verbatim, score)
        if mine and (best_same is None or score > best_same.score):
            best_same = verdict
        if not mine and (best_other is None or score > best_other.score):
            best_other = verdict
    if (
        best_other
        and best_other.score >= attribution_min
        and (best_same is None or best_other.score > best_same.score + 5)
    ):
        return _with(best_other, "misattributed")
    if best_same and best_same.score >= misquote_min:
        return _with(best_same, "misquote")
    return Verdict(claim, doc, "unsupported")


def _with(verdict: Verdict, status: str) -> Verdict:
    """`verdict` with its status set to `status`."""
    return replace(verdict, status=status)
