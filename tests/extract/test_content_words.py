"""content_words: lower case, stop words and single letters out, crude singulars."""

from __future__ import annotations

from factcheck.extract.base import content_words


def test_content_words_ascii() -> None:
    text = "The company's 3 new gigafactories and its batteries"
    assert content_words(text) == ["company", "new", "gigafactory", "battery"]


def test_content_words_non_ascii() -> None:
    text = "L’usine d’Acme’s Région boxes, e-buses"
    assert content_words(text) == ["l'usine", "d'acme", "région", "box", "e-buse"]
