"""Quotes: one claim per quotation, with its speaker when the text names one.

Attribution is read next to the quotation, inside its block (and in the block
before when the quotation opens a block):

- after it: "…”, said Jane Doe", "…” Jane Doe (also) said", "…”, Jane Doe, CEO of
  Acme, added", "…”, according to Jane Doe", "…” chief executive Jane Doe said",
  "…”, said Professor Doe", "…”, she said";
- before it: "Jane Doe states: “…”", "Jane Doe, CEO of Acme, states: “…”",
  "Jane Doe told reporters: “…”", "According to Jane Doe[, CEO,] the deal “…”",
  "The deal, said Jane Doe[, CEO of Acme], “…”", "Jane Doe: “…”".

A pronoun ("she said") stands for the subject of the last sentence of the block
that names someone, outside quotations; when nobody is named, for the last
speaker. A surname alone ("Professor Doe", "Doe said") stands for the one full
name used earlier in the document with that surname. An unattributed quotation
that opens a sentence after an attributed one in the same block keeps that
speaker when nobody else is named in between; one that opens a block right
after a block that ended on an attributed quotation keeps it too. Scare quotes
around a term (« battery valley », "France 2030") — at most five words, no
sentence punctuation inside, no verb of saying attached — are `is_term=True`
with no speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from factcheck.extract.base import ExtractContext, RawClaim
from factcheck.extract.people import (
    is_title_word,
    name_after,
    name_before,
    run_re,
    saying_re,
    skip_abbreviated_title,
    vocab,
)
from factcheck.extract.roles import find_in as roles_in
from factcheck.extract.speakers import People, sentence_break, span_text
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
# Adverbs that may stand between a speaker and the verb: "Jane Doe also said".
_ADVERB = re.compile(
    r"(?:also|later|then|further|additionally|separately|again|earlier|previously)\b[ \t]*"
)
_ADVERB_TAIL = re.compile(
    r"[ \t]+(?:also|later|then|further|additionally|separately|again|earlier|previously)$"
)
_GAP_AFTER_NAME = " ,:\t\n*_"
_SURNAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]+")


def _verb_at(text: str, pos: int, limit: int) -> re.Match[str] | None:
    """A verb of saying at `pos`, after an optional adverb ("also said")."""
    adverb = _ADVERB.match(text, pos, limit)
    return saying_re().match(text, adverb.end() if adverb else pos, limit)


def _surname_at(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """ "Professor Lindqvist", "Dr. Lindqvist" or "Lindqvist" at `pos`: (surname, end offset)."""
    m = run_re().match(text, skip_abbreviated_title(text, pos, limit))
    if m is None or m.end() > limit:
        return None
    words = m.group().split()
    v = vocab()
    while len(words) > 1 and (words[0] in v.honorifics or is_title_word(words[0])):
        words = words[1:]
    word = words[0]
    if (
        len(words) != 1
        or not _SURNAME.fullmatch(word)
        or word in v.not_name
        or is_title_word(word)
        or word in v.honorifics
    ):
        return None
    return word, m.end()


def _surname_before(text: str, end: int, floor: int) -> str | None:
    """ "Professor Lindqvist" or "Lindqvist" ending at `end`: the surname."""
    hit = None
    for m in run_re().finditer(text, max(floor, end - 80), end):
        if m.end() == end:
            hit = m
    if hit is None:
        return None
    found = _surname_at(text, hit.start(), end)
    return found[0] if found else None


def _speaker_after(
    text: str, q: Quotation, lo: int, hi: int, people: People, last: str | None
) -> str | None:
    """A speaker named right after the closing mark; a pronoun stands for the
    person named last in text[lo:q.start] (else the last speaker)."""
    pos = _LEAD.match(text, q.end, hi).end()  # type: ignore[union-attr]
    verb = _verb_at(text, pos, hi)
    if verb is not None:
        after = _LEAD.match(text, verb.end(), hi).end()  # type: ignore[union-attr]
        if _PRONOUN.match(text, after, hi):
            return people.referent(lo, q.start) or last
        name = name_after(text, after, hi, titled=True)
        if name:
            return span_text(text, name)
        surname = _surname_at(text, after, hi)
        return people.full_name(surname[0], q.start) if surname else None
    p = _PRONOUN.match(text, pos, hi)
    if p is not None:
        if _verb_at(text, _LEAD.match(text, p.end(), hi).end(), hi):  # type: ignore[union-attr]
            return people.referent(lo, q.start) or last
        return None
    acc = _ACCORDING.match(text, pos, hi)
    if acc is not None:
        name = name_after(text, acc.end(), hi)
        return span_text(text, name) if name else None
    name = name_after(text, pos, hi, titled=True)
    if name is None:
        surname = _surname_at(text, pos, hi)
        if surname and _verb_at(text, _LEAD.match(text, surname[1], hi).end(), hi):  # type: ignore[union-attr]
            return people.full_name(surname[0], q.start)
        return None
    rest = text[name[1] : min(hi, name[1] + WINDOW)].lstrip()
    if _verb_at(rest, 0, len(rest)):
        return span_text(text, name)
    for role in roles_in(text, name[0], min(hi, name[1] + WINDOW)):
        if role.start == name[0]:
            tail = _LEAD.match(text, role.end, hi)
            if tail is not None and _verb_at(text, tail.end(), hi):
                return role.value.person  # type: ignore[union-attr]
    return None


def _named_after_verb(text: str, at: int, q_start: int, people: People) -> str | None:
    """ "The deal, said Ana Ferreira[, head of X], “…”": the name after a verb
    of saying, with nothing but an apposition between it and the quotation."""
    name = name_after(text, at, q_start, titled=True)
    if name is None:
        surname = _surname_at(text, _LEAD.match(text, at, q_start).end(), q_start)  # type: ignore[union-attr]
        if surname and not text[surname[1] : q_start].strip(_GAP_AFTER_NAME):
            return people.full_name(surname[0], q_start)
        return None
    if not text[name[1] : q_start].strip(_GAP_AFTER_NAME):
        return span_text(text, name)
    if sentence_break().search(text, name[1], q_start):
        return None  # "…," said Jane Doe, CEO. “…”: the name belongs to the quotation before
    for role in roles_in(text, name[0], q_start):
        if role.start == name[0] and not text[role.end : q_start].strip(_GAP_AFTER_NAME):
            return role.value.person  # type: ignore[union-attr]
    return None


def _speaker_before(
    text: str, q: Quotation, lo: int, people: People, last: str | None
) -> str | None:
    """A speaker named right before the opening mark: "Jane Doe, CEO, states: “"."""
    window_lo = max(lo, q.start - WINDOW)
    before = text[window_lo : q.start]
    verb = None
    for m in saying_re().finditer(before):
        verb = m
    if verb is not None and _INTRO_TAIL.fullmatch(before, verb.end()):
        v0 = window_lo + verb.start()
        lead = _ADVERB_TAIL.sub("", text[window_lo:v0].rstrip(" ,\t\n*_")).rstrip(" ,\t\n*_")
        words = lead.split()
        if _PRONOUN.fullmatch(words[-1] if words else ""):
            return people.referent(lo, window_lo + len(lead) - len(words[-1])) or last
        for role in roles_in(text, window_lo, v0):
            if window_lo + len(lead) - 2 <= role.end <= v0:
                return role.value.person  # type: ignore[union-attr]
        name = name_before(text, window_lo + len(lead), window_lo)
        if name:
            return span_text(text, name)
        surname = _surname_before(text, window_lo + len(lead), window_lo)
        if surname:
            return people.full_name(surname, q.start)
    if verb is not None:
        named = _named_after_verb(text, window_lo + verb.end(), q.start, people)
        if named:
            return named
        if _INTRO_TAIL.fullmatch(before, verb.end()):
            return None
    acc = None
    for m in _ACCORDING.finditer(before):
        acc = m
    if acc is not None:
        name = name_after(text, window_lo + acc.end(), q.start, titled=True)
        if name and _only_clause_between(text, name[1], q.start, people):
            return span_text(text, name)
    if _NAME_COLON.search(before):
        colon = window_lo + before.rstrip(" \t\n*_").rfind(":")
        name = name_before(text, colon, window_lo)
        return span_text(text, name) if name else None
    return None


def _only_clause_between(text: str, a: int, b: int, people: People) -> bool:
    """Between an "according to NAME" and its quotation: nothing, or the rest of
    the same sentence naming nobody else ("…, head of X, the deal “…”")."""
    between = text[a:b]
    if not between.strip(_GAP_AFTER_NAME):
        return True
    return (
        len(between) <= 200
        and sentence_break().search(between) is None
        and not people.mentions(a, b)
    )


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

    ordered = _outermost(quotes)
    people = People(text, ordered)
    out: list[RawClaim] = []
    last: str | None = None
    prev_end_block, prev_speaker = -2, None
    prev_block, prev_end = -2, -1  # block and end of the last quotation with a speaker
    for q, nested in ordered:
        inner = " ".join(text[q.inner_start : q.inner_end].split())
        b_open, lo, _ = bounds(q.start)
        b_close, _, hi = bounds(max(q.start, q.end - 1))
        opens_block = not text[lo : q.start].strip(" \t\n*_>")
        if opens_block and b_open > 0:
            lo = blocks[b_open - 1].start
        speaker = None if nested else _speaker_after(text, q, lo, hi, people, last)
        if speaker is None and not nested:
            speaker = _speaker_before(text, q, lo, people, last)
        introduced = bool(re.search(r":[\s*_]*$", text[max(0, q.start - 5) : q.start]))
        if speaker is None and opens_block and prev_end_block == b_open - 1 and not nested:
            speaker = prev_speaker
        elif (
            speaker is None
            and not (nested or introduced or is_term(inner, attributed=False))
            and b_open == prev_block
        ):
            speaker = _follow_on(text, prev_end, q.start, people, last)
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
            if speaker is not None:
                prev_block, prev_end = b_close, q.end
    return out


def _follow_on(
    text: str, prev_end: int, start: int, people: People, last: str | None
) -> str | None:
    """The speaker of an unattributed quotation that opens a sentence after an
    attributed one in the same block, when nobody else is named in between."""
    lead = text[prev_end:start].rstrip(" \t\n*_")
    if lead and not re.search(r"[.!?…:]$|[\"”»’]$", lead):
        return None
    named = {span_text(text, m) for m in people.mentions(prev_end, start)}
    return last if named <= {last} else None
