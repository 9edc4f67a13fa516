"""The date finders' pre-scans (`date_scan`) find what a full scan of the text finds.

Each finder tries its pattern only where a pre-scan says a match can start; these
tests compare that with plain `search`/`finditer` over the whole text, on texts
made of date words, numbers, separators and odd spacing.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import date_chains, date_context, date_forms, date_relative, dates
from factcheck.extract.date_scan import Scan, matches_at, word_matches, year_heads
from factcheck.normalise.dates import vocab
from factcheck.patterns import word_trie

WORDS = (
    "January Jan. JAN may May MAY Sept. sept Dec. March march jun Monday Mon. tue, Thurs. "
    "Christmas Easter Monday New Year's Day St. Patrick's Day Black Friday saint patrick "
    "the The bathe first twenty-second twenty two twentysecond thirtieth 1st 21st 31 30 5 12 13 "
    "2016 2020 1999 2199 2200 '16 ’98 ' 12345 of in to and or between from by since year years "
    "month calendar year is greater than no later than the end of mid- early fiscal year "
    "2016-12-15 15/12/2016 13.5.2015 05-Aug-2016 2020/Sep/23 2014-2018 5/1-5/7/2020 2011-12 "
    "2020 09 30 2020 09 - 5 version no. today yesterday last year the coming year five years ago "
    "three years after Acme's creation in two years founded set up launches launched "
    "deliveries opening grew total pieces plan the fifth month of 2019 ſeptember İ ı K x"
).split(" ")
SEPARATORS = [" ", " ", " ", "", "  ", "\n", ", ", "-", " - ", "/", ".", "\t", "\u00a0"]

texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=30
).map(lambda parts: "".join(w + s for w, s in parts))


def full_text_dates(text: str) -> list[date_forms.Found]:
    """`text_dates` as a search from every position."""
    out = []
    pos = 0
    while (m := date_forms._text_re().search(text, pos)) is not None:
        f = date_forms._interpret_text(m)
        if isinstance(f, date_forms.Found):
            out.append(f)
        pos = m.end() if f == "invalid" else m.start() + 1 if f is None else m.end()
    for m in date_forms._nth_month_re().finditer(text):
        month = date_forms.day_number(m.group("n"))
        if month and month <= 12:
            out.append(date_forms.Found(m.start(), m.end(), int(m.group("y")), month))
    return out


def full_cue_before(text: str, start: int) -> str | None:
    """`cue_before` as a case-insensitive search of the whole window."""
    window = text[max(0, start - 48) : start]
    m = re.compile(date_context._cue_re().pattern, re.IGNORECASE).search(window)
    if not m:
        return None
    if m.group("cue") is None:
        return date_context._CMP.get((m.group("cmp") or "").lower(), "on")
    cue = " ".join(m.group("cue").lower().split())
    qualified = m.end("cue") < len(window) - 1 and window[m.end("cue") :].strip()
    if cue in ("by", "of", "for") and not qualified:
        before = re.findall(r"[^\W\d_]+", window[: m.start()])
        guard = vocab()["change_words"] + ([] if cue == "by" else vocab()["quantity_words"])
        if before and before[-1].lower() in guard:
            return None
    return str(vocab()["bound_cues"][cue])


def spans(ms: object) -> list[tuple[int, int]]:
    return [m.span() for m in ms]  # type: ignore[attr-defined]


TRICKY = [
    "Monday, Nov 09",  # the weekday before the month name starts the match
    "Wednesday., the twenty-second. of January 2020",  # nine tokens before the month
    "bathe 5 January 2020",  # "the" needs no word boundary
    "x5 January, '16",
    "the fifth of   \n  July 2019 and 2019 ,  Dec",
    "Christmas , 2020; st. patrick's day of ’19; may day in 2020",
    "30 February 2019 1 March",
    "dismay 5 January; 21sept 2020; Jan-Feb-Mar-Apr-May-Jun-5",
    "ſeptember 5, 2020 and İ 4 Jan",
]


@pytest.mark.parametrize("text", TRICKY)
def test_text_dates_match_a_full_search_on_tricky_text(text: str) -> None:
    assert date_forms.text_dates(text) == full_text_dates(text)
    assert date_forms.text_dates(text)  # each finds something


@settings(max_examples=300, deadline=None)
@given(texts)
def test_text_dates_match_a_full_search(text: str) -> None:
    assert date_forms.text_dates(text) == full_text_dates(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_numeric_patterns_match_finditer(text: str) -> None:
    scan = Scan(text)
    chains = date_chains._chain_starts(scan)
    assert spans(matches_at(date_chains._chain_re(), text, chains)) == spans(
        date_chains._chain_re().finditer(text)
    )
    seps, spaced = date_chains.digit_heads(scan)
    for pattern, heads in ((date_chains._SPACED_YMD, spaced), (dates._DAY_FIRST, seps)):
        assert spans(matches_at(pattern, text, heads)) == spans(pattern.finditer(text))
    years = scan.cached(year_heads)
    assert spans(matches_at(dates._YEAR, text, years)) == spans(dates._YEAR.finditer(text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_relative_expressions_match_finditer(text: str) -> None:
    starts = date_relative._relative_starts(Scan(text))
    pattern = date_relative._relative_re()
    assert spans(matches_at(pattern, text, starts)) == spans(pattern.finditer(text))


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 200), st.integers(0, 200))
def test_event_cues_match_a_case_insensitive_window_scan(text: str, a: int, b: int) -> None:
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    expected = []
    for i, ev in enumerate(vocab()["events"].values()):
        cues = "|".join(sorted(map(re.escape, ev["cue"]), key=len, reverse=True))
        pattern = re.compile(rf"(?<![^\W\d_])(?:{cues})(?![^\W\d_])", re.IGNORECASE)
        expected += [(m.start(), m.end(), i) for m in pattern.finditer(text, lo, hi)]
    got = [(s, e, i) for s, e, evs in date_context._cues_in(Scan(text), lo, hi) for i in evs]
    assert sorted(got) == sorted(expected)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 200))
def test_cue_before_matches_a_case_insensitive_search(text: str, at: int) -> None:
    scan = Scan(text)
    for start in (min(at, len(text)), len(text)):
        assert date_context.cue_before(text, start, scan) == full_cue_before(text, start)


def test_word_matches_skip_words_inside_words() -> None:
    pattern = re.compile(rf"(?:{word_trie(['may', 'mayday', 'set up'])})(?![^\W\d_])")
    text = "dismay may,mayday reset up set up"
    assert [m.group() for m in word_matches(pattern, Scan(text))] == ["may", "mayday", "set up"]


def test_low_keeps_offsets_and_folds_like_ignorecase() -> None:
    text = "İstanbul ſeptember 5 KELVIN"
    low = Scan(text).low
    assert len(low) == len(text)
    assert low.startswith("istanbul september")
    assert date_forms.text_dates(text) == full_text_dates(text)


_REFERENCE_END = re.compile(r"([^\W\d_]+°?)\.?\s*$")
# letters, digits, the odd characters of the shortcut and look-alikes: "²" and "½" count
# as letters for [^\W\d_] but not for str.isalpha, "٣" is a digit, "\x1c" is \s
_WINDOW_CHARS = st.sampled_from([*"aZé° .\n\t\x1c\u2003_-²½٣7Ⅸſ", "No", "n°", "v", "ref"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_WINDOW_CHARS, max_size=12).map("".join) | texts)
def test_word_ending_reads_what_the_reference_pattern_captures(window: str) -> None:
    m = _REFERENCE_END.search(window)
    assert date_chains._word_ending(window) == (m.group(1) if m else None)


def test_reference_words_keep_their_dates_out() -> None:
    found = date_chains.chain_dates("Decree nr. 2021-12-01, ref.  2021-12-03 and on 2021-12-02")
    assert [f.day for f in found] == [2]
    assert [f.day for f in date_chains.chain_dates("Model n°2021-12-01")] == []
    assert [f.day for f in date_chains.chain_dates("version 2.1.2020")] == []
