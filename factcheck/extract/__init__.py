"""Claim extraction: run every extractor over a document and locate what they find."""

from __future__ import annotations

import importlib
from bisect import bisect_right

from factcheck.extract.base import ExtractContext, RawClaim, content_words
from factcheck.model import Claim, Document, Segmentation, Sentence

# Order matters: dates first, so the dateline is known to later extractors.
EXTRACTORS = ("dates", "quantities", "ordinals", "entities", "quotes", "roles")


def _extractor(name: str):  # type: ignore[no-untyped-def]
    try:
        return importlib.import_module(f"factcheck.extract.{name}")
    except ModuleNotFoundError as exc:  # during development some are missing
        if exc.name == f"factcheck.extract.{name}":
            return None
        raise


def find_raw(text: str, seg: Segmentation, ctx: ExtractContext) -> list[RawClaim]:
    """All raw claims of `text`, in order of position."""
    raw: list[RawClaim] = []
    for name in EXTRACTORS:
        module = _extractor(name)
        if module is None:
            continue
        found = module.find(text, seg, ctx)
        if name == "dates":
            dateline = next(
                (r.value.iso for r in found if getattr(r.value, "dateline", False)), None
            )
            if dateline:
                ctx = ExtractContext(doc_id=ctx.doc_id, dateline=dateline, gazetteer=ctx.gazetteer)
        raw.extend(found)
    raw.sort(key=lambda r: (r.start, r.end, r.kind))
    return raw


def sentence_of(seg: Segmentation, offset: int) -> Sentence | None:
    """The sentence holding `offset`, if any."""
    starts = [s.start for s in seg.sentences]
    i = bisect_right(starts, offset) - 1
    if i >= 0 and seg.sentences[i].start <= offset < max(seg.sentences[i].end, offset + 1):
        return seg.sentences[i]
    return None


def local_context(
    text: str, s_start: int, s_end: int, start: int, end: int, window: int = 8
) -> list[str]:
    """Content words near a claim: up to `window` words each side, inside its sentence."""
    before = content_words(text[s_start:start])[-window:]
    after = content_words(text[end:s_end])[:window]
    return before + after


def build_claims(doc: Document, seg: Segmentation, raw: list[RawClaim]) -> list[Claim]:
    """Locate raw claims in the source file and attach sentence and context."""
    claims: list[Claim] = []
    for n, r in enumerate(raw):
        sent = sentence_of(seg, r.start)
        s_start, s_end = (sent.start, sent.end) if sent else (r.start, r.end)
        s_end = max(s_end, r.end)
        context = local_context(doc.text, s_start, s_end, r.start, r.end) + list(r.extra_context)
        claims.append(
            Claim(
                id=f"{doc.id}#{r.kind}-{n + 1}",
                kind=r.kind,  # type: ignore[arg-type]
                span=doc.span(r.start, r.end),
                sentence=doc.span(s_start, s_end),
                value=r.value,
                subject=r.subject,
                attribute=r.attribute,
                context=context,
                time=r.time,
                speaker=r.speaker,
            )
        )
    return claims


def extract_document(doc: Document, seg: Segmentation | None = None) -> list[Claim]:
    """Every claim of one document."""
    from factcheck.segment import segment

    seg = seg or segment(doc.text)
    raw = find_raw(doc.text, seg, ExtractContext(doc_id=doc.id))
    return build_claims(doc, seg, raw)


def extract(text: str, *, lang: str = "en") -> list[Claim]:
    """Extract claims from a plain string (the Python API)."""
    if lang != "en":
        raise ValueError(f"unsupported language {lang!r}: only 'en' is available")
    from factcheck.ingest import document_from_text

    return extract_document(document_from_text(text))
