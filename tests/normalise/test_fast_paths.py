"""The fast paths of folding and name matching agree with the plain definitions."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalise.names import _fold as names_fold
from factcheck.normalise.places import _fold_char, default_places, fold
from factcheck.patterns import word_trie

_TEXT = st.text(alphabet=st.sampled_from([*"Aaé-‐–İϹſ'’ Ç.ßŒ ", "ﬁ", "Ω", "ẛ"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fold_is_per_character(text: str) -> None:
    assert fold(text) == "".join(_fold_char(c) for c in text)
    assert len(fold(text)) == len(text)


def test_fold_ascii() -> None:
    assert fold("Hauts-de-France") == "hauts de france"


def _plain_names_fold(text: str) -> str:
    for _ in range(2):
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return text


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_names_fold_matches_plain_definition(text: str) -> None:
    assert names_fold(text) == _plain_names_fold(text)
    assert names_fold("ING Bank N.V.") == _plain_names_fold("ING Bank N.V.")


_WORDS = ["new", "new york", "york", "newark", "ne", "a", "ab", "abc", "ab c"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("newyorkabc ")), max_size=20))
def test_word_trie_is_longest_first_alternation(text: str) -> None:
    plain = "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
    for pattern in (r"(?<!\w)(?:{})(?!\w)", r"(?:{})"):
        a = re.compile(pattern.format(plain))
        b = re.compile(pattern.format(word_trie(_WORDS)))
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def test_mentions_prefers_the_longest_name() -> None:
    text = "Plants in Bosnia and Herzegovina, France and the Democratic Republic of the Congo."
    names = [name for _, _, name in default_places().mentions(text)]
    assert "France" in names
    assert len(names) == 3
