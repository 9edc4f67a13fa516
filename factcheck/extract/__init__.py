"""Claim extraction: run every extractor over a document and locate what they find."""

from __future__ import annotations

import importlib
import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cache
from operator import attrgetter
from types import ModuleType
from typing import Any

from factcheck.extract.base import (
    ExtractContext,
    RawClaim,
    WordIndex,
    content_words,
    window_words,
    word_pattern,
)
from factcheck.model import (
    Claim,
    DateValue,
    Document,
    ListValue,
    QuoteValue,
    Segmentation,
    Sentence,
    Span,
    span_builder,
    trusted,
)

# Order matters: dates first, so the dateline is known to later extractors.
EXTRACTORS = ("dates", "quantities", "ordinals", "entities", "quotes", "roles")


@cache  # one of EXTRACTORS: import_module's lookup costs a microsecond per call
def _extractor(name: str) -> ModuleType:
    return importlib.import_module(f"factcheck.extract.{name}")


def find_raw(text: str, seg: Segmentation, ctx: ExtractContext) -> list[RawClaim]:
    """All raw claims of `text`, in order of position."""
    raw: list[RawClaim] = []
    for name in EXTRACTORS:
        found = _extractor(name).find(text, seg, ctx)
        if name == "dates":
            dateline = next(
                (r.value.iso for r in found if getattr(r.value, "dateline", False)), None
            )
            if dateline:
                ctx = ExtractContext(doc_id=ctx.doc_id, dateline=dateline, gazetteer=ctx.gazetteer)
        raw.extend(found)
    raw = _drop_covered_quantities(raw)
    raw.sort(key=_POSITION)
    return _dated_quantities(text, raw)


_POSITION = attrgetter("start", "end", "kind")  # (start, end, kind), in C


_GAP = re.compile(
    r"[^\S\n]*(?:(?:per|a|an)\s+[\w-]+\s+)?(?:in|on|during|for|as of|at the end of|by)\s+$", re.I
)


def _dated_quantities(text: str, raw: list[RawClaim]) -> list[RawClaim]:
    """A figure directly followed by a date ("166 euros per MWh in March 2023") holds
    at that date: it becomes the figure's time, so figures of different dates are
    never compared as the same thing. Only a short gap of prepositions may stand
    between them; the extractors' own time ("50 GWh by 2030") is kept."""
    dates = [(r.start, r.value) for r in raw if r.kind == "date" and isinstance(r.value, DateValue)]
    if not dates:
        return raw
    starts = [d[0] for d in dates]
    out = raw.copy()
    for k, r in enumerate(raw):
        if r.kind == "quantity" and r.time is None:
            i = bisect_left(starts, r.end)
            if (
                i < len(dates)
                and dates[i][0] - r.end <= 40
                and _GAP.match(text[r.end : dates[i][0]])
            ):
                value = dates[i][1]
                if value.offset_years is None and not value.dateline:
                    out[k] = replace(r, time=value.iso)
    return out


def _drop_covered_quantities(raw: list[RawClaim]) -> list[RawClaim]:
    """A number inside a date ("2030" in "by 2030") is the date's, not a quantity."""
    dates = sorted((r.start, r.end) for r in raw if r.kind == "date")
    if not dates:
        return raw
    starts = [d[0] for d in dates]
    kept: list[RawClaim] = []
    for r in raw:
        if r.kind == "quantity":
            i = bisect_right(starts, r.start) - 1
            if i >= 0 and dates[i][0] <= r.start and r.end <= dates[i][1]:
                continue  # covered by the date that starts last at or before it
        kept.append(r)
    return kept


def sentence_of(seg: Segmentation, offset: int) -> Sentence | None:
    """The sentence holding `offset`, if any."""
    i = bisect_right(seg.sentences, offset, key=lambda s: s.start) - 1
    if i >= 0 and seg.sentences[i].start <= offset < max(seg.sentences[i].end, offset + 1):
        return seg.sentences[i]
    return None


CONTEXT_WORDS = 8
_REACH = CONTEXT_WORDS * 40  # characters read each side of a claim


def local_context(
    text: str, s_start: int, s_end: int, start: int, end: int, window: int = CONTEXT_WORDS
) -> list[str]:
    """Content words near a claim: up to `window` words each side, inside its sentence.

    Only `window` × 40 characters each side are read, so that a huge sentence with many
    claims stays linear. (build_claims computes the same inline, without slicing.)"""
    reach = window * 40
    before = content_words(text[max(s_start, start - reach) : start])[-window:]
    after = content_words(text[end : min(s_end, end + reach)])[:window]
    return before + after


def _quote_speakers(raw: list[RawClaim]) -> list[tuple[int, int, str]]:
    return sorted(
        (r.start, r.end, r.speaker)
        for r in raw
        if r.kind == "quote"
        and r.speaker
        and isinstance(r.value, QuoteValue)
        and not r.value.is_term
    )


MAX_SENTENCE = 2000  # a longer "sentence" is a run-on block: claims keep a window of it


def _clip(s_start: int, s_end: int, r: RawClaim) -> tuple[int, int]:
    """The claim's sentence, at most MAX_SENTENCE characters around the claim (each claim
    stores its sentence's text: whole run-on blocks made memory quadratic)."""
    s_end = max(s_end, r.end)
    if s_end - s_start <= MAX_SENTENCE:
        return s_start, s_end
    start = max(s_start, r.start - MAX_SENTENCE // 2)
    return start, min(s_end, max(r.end, start + MAX_SENTENCE))


def build_claims(doc: Document, seg: Segmentation, raw: list[RawClaim]) -> list[Claim]:
    """Locate raw claims in the source file and attach sentence, context and speaker."""
    quotes = _quote_speakers(raw)
    quote_starts = [q[0] for q in quotes]
    text = doc.text
    words = word_pattern(text)
    sentences = seg.sentences
    sentence_starts = [s.start for s in sentences]
    span = span_builder(doc)
    id_prefix = f"{doc.id}#"
    claims: list[Claim] = []
    # Claims of one sentence (consecutive: raw is sorted) share its span and the scan
    # of its words.
    located_at: tuple[int, int] = (-1, -1)
    sentence: Span | None = None
    index: WordIndex | None = None
    for n, r in enumerate(raw, 1):
        start, end, kind = r.start, r.end, r.kind
        # sentence_of(seg, start) and _clip, inlined: this loop runs for every claim
        i = bisect_right(sentence_starts, start) - 1
        if i >= 0:
            s_start, s_end = sentence_starts[i], sentences[i].end
            if end > s_end:
                s_end = end
        else:
            s_start, s_end = start, end
        run_on = s_end - s_start > MAX_SENTENCE
        if run_on:
            s_start, s_end = _clip(s_start, s_end, r)
        if s_start != located_at[0] or s_end != located_at[1]:
            located_at = (s_start, s_end)
            sentence = span(s_start, s_end)
            index = None if run_on else WordIndex(text, s_start, s_end)
        value: Any = r.value
        if isinstance(value, ListValue) and not value.items:
            value = value.model_copy(update={"items": _list_items(doc, raw, r)})
        speaker = r.speaker
        if kind != "quote" and not speaker:
            speaker = None
            if quotes:  # the speaker of a quote the claim stands inside ("the third in ...")
                q = bisect_right(quote_starts, start) - 1
                if q >= 0 and end <= quotes[q][1]:
                    speaker = quotes[q][2]
        # local_context(text, s_start, s_end, start, end), from one scan of the sentence
        lo = start - _REACH if start - _REACH > s_start else s_start
        hi = end + _REACH if end + _REACH < s_end else s_end
        if index is not None:
            context = index.words(lo, start)[-CONTEXT_WORDS:] + index.words(end, hi)[:CONTEXT_WORDS]
        else:  # a run-on block clipped around each claim: read the two windows alone
            context = window_words(words, text, lo, start)[-CONTEXT_WORDS:]
            context += window_words(words, text, end, hi)[:CONTEXT_WORDS]
        if r.extra_context:
            context += r.extra_context
        # Built from the extractors' validated values and located spans: constructed
        # without re-validating the whole tree (tests check that validation agrees).
        claims.append(
            trusted(
                Claim,
                {
                    "id": f"{id_prefix}{kind}-{n}",
                    "kind": kind,
                    "span": span(start, end),
                    "sentence": sentence,
                    "value": value,
                    "subject": r.subject,
                    "attribute": r.attribute,
                    "context": context,
                    "time": r.time,
                    "speaker": speaker,
                },
            )
        )
    return claims


def _list_items(doc: Document, raw: list[RawClaim], lst: RawClaim) -> list[Span]:
    """The entity claims inside list `lst` (`raw` is sorted by start)."""
    i = bisect_left(raw, lst.start, key=lambda e: e.start)
    items: list[Span] = []
    while i < len(raw) and raw[i].start < lst.end:
        if _entity_in(raw[i], lst):
            items.append(doc.span(raw[i].start, raw[i].end))
        i += 1
    return items


def _entity_in(entity: RawClaim, lst: RawClaim) -> bool:
    lead_in = getattr(entity.value, "list_lead_in", None)
    return entity.kind == "entity" and bool(lead_in) and lst.start <= entity.start < lst.end


def extract_document(
    doc: Document, seg: Segmentation | None = None, *, gazetteer: object | None = None
) -> list[Claim]:
    """Every claim of one document."""
    from factcheck.segment import segment

    seg = seg or segment(doc.text)
    raw = find_raw(doc.text, seg, ExtractContext(doc_id=doc.id, gazetteer=gazetteer))
    return build_claims(doc, seg, raw)


def extract(text: str, *, lang: str = "en") -> list[Claim]:
    """Extract claims from a plain string (the Python API)."""
    if lang != "en":
        raise ValueError(f"unsupported language {lang!r}: only 'en' is available")
    from factcheck.ingest import document_from_text

    return extract_document(document_from_text(text))


class _CallableModule(ModuleType):
    """`factcheck.extract` is both this package and the public function.

    Once the package is imported, the attribute `factcheck.extract` is the
    module, not the function the lazy `factcheck.__getattr__` returns; making the
    module callable keeps `factcheck.extract(text)` working either way.
    """

    def __call__(self, text: str, *, lang: str = "en") -> list[Claim]:
        return extract(text, lang=lang)


sys.modules[__name__].__class__ = _CallableModule
