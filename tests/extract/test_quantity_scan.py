"""The quantity reader's fast paths agree with the slow reading they stand for: column-wise
tokens, the candidate tokens the scan visits, protected spans searched in digit runs, the
grouped cue-word pattern and the digits-alone shortcut of the number reader."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import quantity_context, quantity_protect
from factcheck.extract.quantity_cues import cues
from factcheck.extract.quantity_reader import read
from factcheck.extract.quantity_tokens import tokenize
from factcheck.extract.quantity_view import TokenView
from factcheck.normalise import numbers
from factcheck.segment import segment

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Pieces that exercise every kind of token and every way a quantity can start.
_ATOMS = [
    *"0123456789 .,/-–:()$€£½",
    "  ",
    "\n",
    "\u2009",
    "\u00a0",
    "١٢",
    "²",
    "1,200",
    "40 000",
    "3.5",
    ".5",
    "07 48 10 11 40",
    "555-123-4567",
    "11/12/2025",
    "14:30",
    "US$",
    "A$",
    "a$",
    "AU$",
    "aud",
    "u.s.$",
    "U.S.$",
    "hk $",
    "R$",
    "Rs",
    "zł",
    "a year",
    "A site",
    "au",
    "c $",
    "Rs.",
    "MUSD",
    "MEUR",
    "usd",
    "EUR",
    "a",
    "an",
    "a few",
    "dozen",
    "half",
    "quarter",
    "two",
    "Twenty",
    "-",
    "thirds",
    "million",
    "bn",
    "m",
    "k",
    "tens",
    "of",
    "thousands",
    "several",
    "minus",
    "GWh",
    "jobs",
    "per",
    "year",
    "Section",
    "May",
    ">",
    "=",
    "capacity",
    "Investment",
    "market share",
    "’s",
]
_texts = st.lists(st.sampled_from(_ATOMS), min_size=1, max_size=30).map("".join)


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*"))]


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_tokens_tile_the_text(text: str) -> None:
    toks = tokenize(text)
    for i in range(len(toks)):
        assert toks.text[i] == text[toks.start[i] : toks.end[i]]
        assert i == 0 or toks.end[i - 1] <= toks.start[i]
        if toks.kind[i] in ("word", "punct"):
            assert toks.low[i] == toks.text[i].lower()
    covered = "".join(text[toks.end[i - 1] if i else 0 : toks.start[i]] for i in range(len(toks)))
    assert not covered.strip(" \n\u2009\u00a0,")  # only blanks and split separators between


def test_split_and_grouped_digit_runs() -> None:
    toks = tokenize("1,1,1 and 40 000 and 1\u20092")
    assert [t for t, k in zip(toks.text, toks.kind, strict=True) if k == "num"] == [
        "1",
        "1",
        "1",
        "40 000",
        "1",
        "2",
    ]
    view = TokenView("1,1,1 x", segment("1,1,1 x"))
    assert not view.near(0, 1) and not view.linked(0, 1)  # a comma between is no blank
    thin = TokenView("1\u20092 x", segment("1\u20092 x"))
    assert thin.near(0, 1)


def _check_candidates(text: str) -> None:
    view = TokenView(text, segment(text))
    candidates = set(view.candidates())
    assert all(view.starts(i) for i in candidates)
    for i in range(view.n):
        if view.starts(i) and i not in candidates:
            q, k = read(view, i)
            assert q is None and k <= i + 1, (text, i, view.text_of[i])


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_the_scan_skips_no_token_a_quantity_can_start_at(text: str) -> None:
    _check_candidates(text)


def test_the_scan_skips_no_token_in_the_seeds() -> None:
    for text in _seed_texts():
        _check_candidates(text)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_protected_numbers_searched_in_runs_match_a_whole_text_search(text: str) -> None:
    runs = quantity_protect._separated_runs(text)
    for pattern in quantity_protect._number_patterns():
        whole = [m.span() for m in pattern.finditer(text)]
        in_runs = [m.span() for a, b in runs for m in pattern.finditer(text, a, b)]
        assert in_runs == whole


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_grouped_cue_pattern_matches_the_plain_alternation(text: str) -> None:
    words = sorted(cues()["attr"], key=len, reverse=True)
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    grouped = quantity_context._cue_pattern()
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_digits_are_read_alone_before_any_word_but_those_that_continue_them() -> None:
    vocabulary = {
        *numbers.UNITS,
        *numbers.TENS,
        *numbers.FRACTIONS,
        *numbers.SCALES,
        *(w + "s" for w in numbers.SCALES),
        *("a", "an", "of", "point", "-", "minus", "/", "and", "&", "dozen", "dozens"),
    }
    for word in vocabulary - numbers.AFTER_DIGITS:
        for follow in ([], ["a", "half"], ["five"], ["million"]):
            reading = numbers.read_number_words(["5", word, *follow])
            assert reading is not None and reading.count == 1, word


def test_blank_texts_and_trailing_blanks_give_no_token() -> None:
    for text in ("", "   ", "\n\n", "\t \n"):
        assert len(tokenize(text)) == 0
    toks = tokenize(" 5 GWh \n\n ")
    assert toks.text == ["5", "GWh"] and toks.start == [1, 3] and toks.end == [2, 6]
