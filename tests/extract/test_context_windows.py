"""Context words are cut from one scan of each sentence: the same words as reading
each window on its own (`content_words(text[lo:hi])`), even where a window edge cuts
a word, and the same context as the plain `local_context` definition."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import _clip, build_claims, find_raw, local_context, sentence_of
from factcheck.extract.base import (
    ExtractContext,
    WordIndex,
    content_words,
    window_words,
    word_pattern,
)
from factcheck.ingest import document_from_text
from factcheck.segment import segment

# Letters, the in-word separators, digits, underscore, non-ASCII letters and numerals:
# every class the word pattern treats differently.
ALPHABET = "ab'’-_1 é²Ss.,\n"
texts = st.text(alphabet=ALPHABET, max_size=40)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_indexed_words_equal_words_of_the_window(text: str, data: st.DataObject) -> None:
    n = len(text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    lo = data.draw(st.integers(max(0, a - 2), min(n, b + 2)))
    hi = data.draw(st.integers(max(0, lo - 2), min(n, b + 2)))
    assert WordIndex(text, a, b).words(lo, hi) == content_words(text[lo:hi])


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_window_words_equal_words_of_the_slice(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(0, len(text)))
    assert window_words(word_pattern(text), text, lo, hi) == content_words(text[lo:hi])


def test_a_window_edge_inside_a_word_reads_the_cut_piece() -> None:
    text = "the gigafactories’ co-owners"
    index = WordIndex(text, 0, len(text))
    assert index.words(6, len(text)) == content_words(text[6:]) == ["gafactory", "co-owner"]
    assert index.words(0, 21) == content_words(text[:21]) == ["gigafactory", "co"]


PIECES = ["1,200 jobs", "Acme Corp", "in March 2023", "the", "batteries", "Région", "’s", "."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from([" ", "", "-", "\n"]))
def test_claim_context_is_the_plain_local_context(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    doc = document_from_text(text)
    seg = segment(text)
    raw = find_raw(text, seg, ExtractContext())
    for r, claim in zip(raw, build_claims(doc, seg, raw), strict=True):
        sent = sentence_of(seg, r.start)
        s_start, s_end = _clip(sent.start if sent else r.start, sent.end if sent else r.end, r)
        plain = local_context(text, s_start, s_end, r.start, r.end) + list(r.extra_context)
        assert claim.context == plain
        assert claim.sentence == doc.span(s_start, s_end)


def test_a_claim_running_past_its_sentence_gets_its_own_sentence_and_context() -> None:
    """Claims of one sentence share its span and word scan, but a claim that runs on
    past the sentence's end (a quotation of two sentences) has a longer one."""
    text = (
        "In 2030, Jane Doe said: “We will build 1,200 homes in Aarhus. It will be big.” "
        "Then the mayor spoke in 2031."
    )
    test_claim_context_is_the_plain_local_context.hypothesis.inner_test([text], "")
    doc, seg = document_from_text(text), segment(text)
    claims = build_claims(doc, seg, find_raw(text, seg, ExtractContext()))
    quote = next(c for c in claims if c.kind == "quote")
    assert quote.sentence.end > seg.sentences[0].end
    assert any(c.sentence.end == seg.sentences[0].end for c in claims if c.kind != "quote")
