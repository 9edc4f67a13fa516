"""content_words: lower case, stop words and single letters out, crude singulars."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import base
from factcheck.extract.base import content_words


def test_content_words_ascii() -> None:
    text = "The company's 3 new gigafactories and its batteries"
    assert content_words(text) == ["company", "new", "gigafactory", "battery"]


def test_content_words_non_ascii() -> None:
    text = "L’usine d’Acme’s Région boxes, e-buses"
    assert content_words(text) == ["l'usine", "d'acme", "région", "box", "e-buse"]


# The word patterns use possessive quantifiers; these are the greedy ones they replace.
_GREEDY_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_GREEDY_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZé'’-_1 .\n", max_size=40))
def test_possessive_word_patterns_match_the_greedy_ones(text: str) -> None:
    assert base._WORD.findall(text) == _GREEDY_WORD.findall(text)
    assert base._ASCII_WORD.findall(text) == _GREEDY_ASCII_WORD.findall(text)
    assert base._WORD_PARTS.split(text) == re.split(f"({_GREEDY_WORD.pattern})", text)
    ascii_parts = re.split(f"({_GREEDY_ASCII_WORD.pattern})", text)
    assert base._ASCII_WORD_PARTS.split(text) == ascii_parts
