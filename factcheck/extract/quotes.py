"""Quotes: one claim per quotation, with its speaker when the text names one.

Attribution is read next to the quotation, inside its block (and in the block
before when the quotation opens a block):

- after it: "…”, said Jane Doe", "…” Jane Doe said", "…”, Jane Doe, CEO of Acme,
  added", "…”, according to Jane Doe", "…”, she said" (a pronoun takes the last
  named speaker);
- before it: "Jane Doe states: “…”", "Jane Doe, CEO of Acme, states: “…”",
  "Jane Doe told reporters: “…”", "According to Jane Doe, “…”", "Jane Doe: “…”".

A quotation that opens a block with no attribution of its own, right after a
block that ended on an attributed quotation, keeps that speaker. Scare quotes
around a term (« battery valley », "France 2030") — at most five words, no
sentence punctuation inside, no verb of saying attached — are `is_term=True`
with no speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from factcheck.extract.base import ExtractContext, RawClaim
from factcheck.extract.people import name_after, name_before, saying_re
from factcheck.extract.roles import find_in as roles_in
from factcheck.model import Quotation, QuoteValue, Segmentation
from factcheck.segment.quotations import find_quotations

WINDOW = 400  # characters of context read on either side of a quotation
TERM_MAX_WORDS = 5
_LEAD = re.compile(r"[\s,.;*_]*")
_PRONOUN = re.compile(r"(?:he|she|they|He|She|They)\b")
_ACCORDING = re.compile(r"according\s+to\s+", re.IGNORECASE)
_INTRO_TAIL = re.compile(r"(?:[ \t]+[\w'’.-]+){0,4}[ \t]*[:,]?[\s*_]*$")
_NAME_COLON = re.compile(r":[\s*_]*$")
_SENTENCE_PUNCT = re.compile(r"[.!?…;]")


def _verb_at(text: str, pos: int, limit: int) -> re.Match[str] | None:
    return saying_re().match(text, pos, limit)


def _speaker_after(text: str, q: Quotation, hi: int, last: str | None) -> str | None:
    """A speaker named right after the closing mark."""
    pos = _LEAD.match(text, q.end, hi).end()  # type: ignore[union-attr]
    verb = _verb_at(text, pos, hi)
    if verb is not None:
        after = _LEAD.match(text, verb.end(), hi).end()  # type: ignore[union-attr]
        if _PRONOUN.match(text, after, hi):
            return last
        name = name_after(text, after, hi)
        return _text(text, name) if name else None
    if _PRONOUN.match(text, pos, hi):
        p = _PRONOUN.match(text, pos, hi)
        if p and _verb_at(text, _LEAD.match(text, p.end(), hi).end(), hi):  # type: ignore[union-attr]
            return last
        return None
    acc = _ACCORDING.match(text, pos, hi)
    if acc is not None:
        name = name_after(text, acc.end(), hi)
        return _text(text, name) if name else None
    name = name_after(text, pos, hi)
    if name is None:
        return None
    rest = text[name[1] : min(hi, name[1] + WINDOW)]
    if saying_re().match(rest.lstrip()):
        return _text(text, name)
    for role in roles_in(text, name[0], min(hi, name[1] + WINDOW)):
        if role.start == name[0]:
            tail = _LEAD.match(text, role.end, hi)
            if tail is not None and _verb_at(text, tail.end(), hi):
                return role.value.person  # type: ignore[union-attr]
    return None


def _speaker_before(text: str, q: Quotation, lo: int, last: str | None) -> str | None:
    """A speaker named right before the opening mark: "Jane Doe, CEO, states: “"."""
    window_lo = max(lo, q.start - WINDOW)
    before = text[window_lo : q.start]
    verb = None
    for m in saying_re().finditer(before):
        verb = m
    if verb is not None and _INTRO_TAIL.fullmatch(before, verb.end()):
        v0 = window_lo + verb.start()
        lead = text[window_lo:v0].rstrip(" ,\t\n*_")
        if _PRONOUN.fullmatch(lead.split()[-1] if lead.split() else ""):
            return last
        for role in roles_in(text, window_lo, v0):
            if window_lo + len(lead) - 2 <= role.end <= v0:
                return role.value.person  # type: ignore[union-attr]
        name = name_before(text, window_lo + len(lead), window_lo)
        return _text(text, name) if name else None
    acc = None
    for m in _ACCORDING.finditer(before):
        acc = m
    if acc is not None:
        name = name_after(text, window_lo + acc.end(), q.start)
        if name and not text[name[1] : q.start].strip(" ,:\t\n*_"):
            return _text(text, name)
    if _NAME_COLON.search(before):
        colon = window_lo + before.rstrip(" \t\n*_").rfind(":")
        name = name_before(text, colon, window_lo)
        return _text(text, name) if name else None
    return None


def _text(text: str, span: tuple[int, int]) -> str:
    return " ".join(text[span[0] : span[1]].split())


def is_term(inner: str, attributed: bool) -> bool:
    """Scare quotes around a term: short, no sentence punctuation, no attribution."""
    words = inner.split()
    if attributed or not words or len(words) > TERM_MAX_WORDS:
        return False
    return not _SENTENCE_PUNCT.search(inner) and not inner.rstrip().endswith(",")


def _outermost(quotes: list[Quotation]) -> list[tuple[Quotation, bool]]:
    """Each quotation with a flag: does it stand inside another one?"""
    out: list[tuple[Quotation, bool]] = []
    end = -1
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        out.append((q, q.start < end))
        end = max(end, q.end)
    return out


def find(text: str, seg: Segmentation, ctx: ExtractContext) -> list[RawClaim]:
    """One QuoteValue claim per quotation of `text`."""
    quotes = seg.quotations or find_quotations(text, seg.blocks)
    blocks = seg.blocks
    starts = [b.start for b in blocks]

    def bounds(pos: int) -> tuple[int, int, int]:
        i = bisect_right(starts, pos) - 1
        if 0 <= i < len(blocks):
            return i, blocks[i].start, blocks[i].end
        return -1, 0, len(text)

    out: list[RawClaim] = []
    last: str | None = None
    prev_end_block, prev_speaker = -2, None
    for q, nested in _outermost(quotes):
        inner = " ".join(text[q.inner_start : q.inner_end].split())
        b_open, lo, _ = bounds(q.start)
        b_close, _, hi = bounds(max(q.start, q.end - 1))
        opens_block = not text[lo : q.start].strip(" \t\n*_>")
        if opens_block and b_open > 0:
            lo = blocks[b_open - 1].start
        speaker = None if nested else _speaker_after(text, q, hi, last)
        if speaker is None and not nested:
            speaker = _speaker_before(text, q, lo, last)
        introduced = bool(re.search(r":[\s*_]*$", text[max(0, q.start - 5) : q.start]))
        if speaker is None and opens_block and prev_end_block == b_open - 1 and not nested:
            speaker = prev_speaker
        term = is_term(inner, speaker is not None or introduced)
        if term:
            speaker = None
        elif nested:
            continue
        out.append(
            RawClaim(
                "quote",
                q.inner_start,
                q.inner_end,
                QuoteValue(text=inner, speaker=speaker, verbatim=True, is_term=term),
                subject=speaker,
                attribute="quote",
                speaker=speaker,
            )
        )
        if not term:
            closes_block = not text[q.end : hi].strip(" \t\n*_")
            prev_end_block = b_close if closes_block else -2
            prev_speaker = speaker
            last = speaker or last
    return out
