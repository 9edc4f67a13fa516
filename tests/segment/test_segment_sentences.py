"""Sentences: abbreviations, decimals, initials, ellipses, closing quotes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.segment.sentences import _dotted, is_dotted, split_sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It works. It ends.", ["It works.", "It ends."]),
        ("Mr Smith met Dr. Jones. They talked.", ["Mr Smith met Dr. Jones.", "They talked."]),
        ("Mrs. Brown and Prof. White agreed.", ["Mrs. Brown and Prof. White agreed."]),
        ("The plant opened on Dec. 11, 2025 in the north.", None),
        ("Capacity rose to 3.5 GWh. Then it fell.", ["Capacity rose to 3.5 GWh.", "Then it fell."]),
        ("E. Macron visited. He spoke.", ["E. Macron visited.", "He spoke."]),
        ("The books of J. R. R. Tolkien sell well.", None),
        ("It was located at St. Omer. It closed.", ["It was located at St. Omer.", "It closed."]),
        ("Item No. 5 is late.", None),
        ("Fruit, e.g. Apples, and more.", None),
        ("Banks, cars, etc. are covered.", None),
        ("We met Acme Inc. The deal closed.", ["We met Acme Inc.", "The deal closed."]),
        ("Shares of ING Bank N.V. Rotterdam fell.", None),
        ("It was built in the U.S. It works.", ["It was built in the U.S.", "It works."]),
        ("He paused... and went on.", None),
        ("He waited… Then he left.", ["He waited…", "Then he left."]),
        (
            "He said: “It reflects our ambition.” The crowd cheered.",
            ["He said: “It reflects our ambition.”", "The crowd cheered."],
        ),
        ("« Is it risky? » asked one.", None),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        (
            "Sales grew (to 5.0 units). 2026 will tell.",
            ["Sales grew (to 5.0 units).", "2026 will tell."],
        ),
        ("No end punctuation here", None),
    ],
)
def test_sentence_table(text: str, expected: list[str] | None) -> None:
    assert _split(text) == (expected if expected is not None else [text])


def test_offsets_are_inside_the_block_and_trimmed() -> None:
    text = "xx   First one.   Second one.  yy"
    found = split_sentences(text, 2, len(text) - 2)
    assert [text[a:b] for a, b in found] == ["First one.", "Second one."]
    assert found[0][0] >= 2 and found[-1][1] <= len(text) - 2


def test_soft_wrapped_sentence_spans_lines() -> None:
    text = "The fund was created\nby the bank. Next sentence."
    assert _split(text) == ["The fund was created\nby the bank.", "Next sentence."]


@given(
    st.text(alphabet="aZé.. _-1İ", max_size=10) | st.sampled_from(["U.S", "N.V", "e.g", "a.b.c"])
)
def test_is_dotted_agrees_with_the_dotted_pattern(word: str) -> None:
    assert is_dotted(word) == (_dotted().fullmatch(word) is not None)
