"""find_quotations: pairing of quotation marks, across paragraphs, in linear time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.model import Block
from factcheck.segment.quotations import MAX_BLOCKS, find_quotations


def blocks_of(text: str) -> list[Block]:
    out, pos = [], 0
    for part in text.split("\n\n"):
        out.append(Block(start=pos, end=pos + len(part)))
        pos += len(part) + 2
    return out


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotations(text, blocks_of(text))]


def test_guillemets_trim_inner_spaces_and_nbsp():
    text = "the « battery valley » and «\u00a0a great day\u202f»."
    assert inner(text) == ["battery valley", "a great day"]
    q = find_quotations(text, blocks_of(text))[0]
    assert text[q.start] == "«" and text[q.end - 1] == "»" and q.mark == "«"


def test_curly_and_straight_double_quotes():
    assert inner("He said “we won” and “we will win again”.") == ["we won", "we will win again"]
    assert inner('under the "France 2030" plan, a "key" step') == ["France 2030", "key"]


def test_apostrophes_are_not_quotes():
    text = "Europe’s plant, Verkor's cells, don’t stop; the investors’ money"
    assert inner(text) == []
    assert inner("He called it ‘a bold bet’ in Europe’s north.") == ["a bold bet"]


def test_inch_marks_and_lone_quotes_are_ignored():
    assert inner('a 12" screen and a 15" one') == []
    assert inner("“never closed and then “closed here”") == ["closed here"]


def test_quote_across_paragraphs_is_one_quotation():
    text = "X states: “First part.\n\nSecond part.”\n\nAfter."
    assert inner(text) == ["First part.\n\nSecond part."]


def test_reopened_paragraph_convention_is_one_quotation():
    text = "X said: “First part.\n\n“Second part.”"
    assert inner(text) == ["First part.\n\n“Second part."]


def test_unclosed_quote_does_not_pair_too_far():
    paras = ["“open"] + ["plain text"] * MAX_BLOCKS + ["close”"]
    assert inner("\n\n".join(paras)) == []


def test_seed_press_release_bertrand_quote_spans_lines_49_to_51(press_release):
    text, seg = press_release
    quotes = find_quotations(text, seg.blocks)
    bertrand = [
        q
        for q in quotes
        if text[q.inner_start :].startswith("Today, with the inauguration of this")
    ]
    assert len(bertrand) == 1
    words = text[bertrand[0].inner_start : bertrand[0].inner_end]
    assert words.endswith("above all, in Hauts-de-France.")
    assert "\n" in words  # it runs over the paragraph break


def test_seed_quotation_counts(press_release, article):
    for (text, seg), curly, guillemets in ((press_release, 6, 0), (article, 0, 3)):
        quotes = find_quotations(text, seg.blocks)
        assert sum(q.mark == "“" for q in quotes) == curly
        assert sum(q.mark == "«" for q in quotes) == guillemets


def test_linear_on_many_unmatched_marks():
    for mark in ("“", "«", '"a ', "‘x "):
        text = mark * 100_000
        assert find_quotations(text, blocks_of(text)) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.\n«»“”\"‘’'")), max_size=300))
def test_spans_are_well_formed(text):
    for q in find_quotations(text, blocks_of(text)):
        assert 0 <= q.start < q.inner_start <= q.inner_end < q.end <= len(text)
        assert text[q.start] == q.mark
