"""Vocabularies of the quantity reader, loaded once from data files.

- `cues()`: the cue words of `data/quantity_cues.yaml` (bound and rate phrases, months,
  labels, attribute words...), with phrase tables keyed by token tuples.
- `currency_prefixes()`: currencies that can be written before a number ("US$", "€", "usd").
- `token_may_start(kind, text, low)`: whether a token can open a quantity at all.
- `opening_tokens(tokens, text)`: the tokens of a text where the reader may find a quantity
  (the scan reads only there), derived from the same vocabularies.
- `unit_lookup(surface)`: the unit lexicon's reading of a surface, remembered.
"""

from __future__ import annotations

import functools
from importlib import resources
from itertools import compress
from typing import Any

from factcheck.extract.base import STOPWORDS
from factcheck.extract.quantity_tokens import Tokens, token_texts, words
from factcheck.normalise import numbers, safe_load, units

# Lower-case currency codes that are never ordinary words.
_SAFE_LOWER_CODES = frozenset(
    {
        "usd",
        "eur",
        "gbp",
        "rmb",
        "cny",
        "jpy",
        "chf",
        "aud",
        "sek",
        "nok",
        "dkk",
        "pln",
        "hkd",
        "nzd",
        "sgd",
        "inr",
        "btc",
        "mxn",
    }
)
_WORD_SETS = (
    "months",
    "labels",
    "date_prepositions",
    "time_prepositions",
    "price_base_words",
    "price_base_before_currency",
    "period_ordinals",
    "name_labels",
    "rate_adjective_links",
    "clock_words",
    "one_pronoun_before",
    "one_pronoun_after",
    "inch_measure_words",
)
# Words (besides number words) that can open a quantity: "a dozen", "minus 3", "tens of".
_OPENING_WORDS = frozenset(
    {
        "a",
        "an",
        "half",
        "quarter",
        "minus",
        "negative",
        "tens",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "several",
        "few",
        "many",
    }
)


def _phrases(groups: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    return {tuple(words(p)): k for k, ps in groups.items() for p in ps}


@functools.cache
def cues() -> dict[str, Any]:
    """The cue-word data of `data/quantity_cues.yaml`, with phrase tables prepared."""
    raw = safe_load((resources.files("factcheck") / "data" / "quantity_cues.yaml").read_bytes())
    data = dict(raw)
    data["before"] = _phrases(raw["bounds_before"])
    data["after"] = _phrases(raw["bounds_after"])
    data["rate_adv"] = _phrases(raw["rate_adverbs"])
    data["periods"] = {w: k for k, ws in raw["rate_periods"].items() for w in ws}
    data["rate_adj"] = {w: k for k, ws in raw["rate_adjectives"].items() for w in ws}
    data["change_verbs"] = {w.lower(): k for k, ws in raw["change_verbs"].items() for w in ws}
    data["attr"] = {w.lower(): k for k, ws in raw["attributes"].items() for w in ws}
    for key in _WORD_SETS:
        data[key] = frozenset(str(w).lower() for w in raw[key])
    data["prefix_ok"] = frozenset(
        {w for p in data["before"] for w in p} | STOPWORDS | {"between", "from", "only", "just"}
    )
    return data


@functools.lru_cache(maxsize=4096)
def unit_lookup(surface: str) -> units.UnitInfo | None:
    """`units.lookup`, remembered for the unit surfaces met most recently."""
    return units.lookup(surface)


@functools.cache
def phrase_edges(key: str, before: bool) -> frozenset[str]:
    """Last words (before=True) or first words of a cue phrase table, for a quick rejection."""
    return frozenset(p[-1] if before else p[0] for p in cues()[key])


@functools.cache
def all_phrase_edges() -> dict[tuple[str, bool], frozenset[str]]:
    """`phrase_edges` of every phrase table, keyed by (table, before), for the view."""
    return {
        (key, before): phrase_edges(key, before)
        for key in _PHRASE_TABLES
        for before in (True, False)
    }


_PHRASE_TABLES = ("before", "after", "rate_adv")


@functools.cache
def currency_prefixes() -> dict[str, tuple[tuple[str, str], ...]]:
    """First character -> ((written prefix, unit name), ...) longest first: "US$", "€", "usd"."""
    t = units.table()
    out = {s: n for s, n in t["symbols"].items() if t["units"][n][3] == "currency"}
    out |= {s.lower(): n for s, n in out.items() if s.lower() in _SAFE_LOWER_CODES}
    out |= {s.lower(): n for s, n in out.items() if "$" in s}
    by_initial: dict[str, list[tuple[str, str]]] = {}
    for sym, name in sorted(out.items(), key=lambda kv: -len(kv[0])):
        by_initial.setdefault(sym[0], []).append((sym, name))
    return {k: tuple(v) for k, v in by_initial.items()}


@functools.cache
def _prefix_initials() -> frozenset[str]:
    return frozenset(currency_prefixes()) | {"M"}


@functools.cache
def _word_starts() -> frozenset[str]:
    return frozenset({*numbers.UNITS, *numbers.TENS, *_OPENING_WORDS})


@functools.cache
def _currency_openers() -> frozenset[str]:
    """The first token of every currency prefix ("US" of "US$"), and the "MUSD"-like codes:
    a token that equals none cannot start a currency prefix, as tokens end where the
    prefix's do."""
    prefixes = (sym for syms in currency_prefixes().values() for sym, _ in syms)
    return frozenset(token_texts(sym)[0] for sym in prefixes) | _million_codes()


# After "a"/"an", the words that make a number or vague amount ("a dozen", "a few").
_AFTER_A = frozenset(
    {"hundred", "dozen", "thousand", "million", "billion", "trillion", "half", "quarter", "third"}
    | {"few"}
)


def token_may_start(kind: str, text: str, low: str) -> bool:
    """A number, a currency prefix's first character, or a word that can open a quantity."""
    if kind in ("num", "frac"):
        return True
    return text[0] in _prefix_initials() or (kind == "word" and low in _word_starts())


def opening_tokens(toks: Tokens, text: str) -> list[int]:
    """Indices of the tokens of `text` where a quantity may start, in order: numbers,
    fractions, number and vague-amount words, currency prefixes and "MUSD"-like codes.
    Every token that `quantity_reader.read` can start a quantity at is among them."""
    n, low, kind, texts = len(toks), toks.low, toks.kind, toks.text
    found = set(compress(range(n), map(_NUMERIC_KINDS.__contains__, kind)))
    rests, word_starts = _prefix_rests(), _word_starts()
    # One pass finds every token whose lower-case form may be either kind of opener.
    for i in compress(range(n), map(_opener_lows().__contains__, low)):
        w = low[i]
        a_without_amount = w in ("a", "an") and (i + 1 >= n or low[i + 1] not in _AFTER_A)
        if w in word_starts and kind[i] == "word" and not a_without_amount:
            found.add(i)
            continue
        rest = rests.get(texts[i])
        if rest is True or (rest and text.startswith(rest, toks.end[i])):
            found.add(i)
    return sorted(found)


@functools.cache
def _opener_lows() -> frozenset[str]:
    """The lower-case forms of every word start and currency-opener token."""
    return _word_starts() | {t.lower() for t in _prefix_rests()}


_NUMERIC_KINDS = frozenset({"num", "frac"})


@functools.cache
def _prefix_rests() -> dict[str, tuple[str, ...] | bool]:
    """For each currency-opener token text t, whether `currency_prefix` may read a prefix
    at a token t: True if one is written wherever t is (t is a prefix, starts with one or
    is a "MUSD"-like code), else the rests of the prefixes that start with t ("$" for
    "a" of "A$" lower-cased), one of which must follow t in the text."""
    out: dict[str, tuple[str, ...] | bool] = {}
    for t in _currency_openers():
        syms = [sym for sym, _ in currency_prefixes().get(t[0], ())]
        if t in _million_codes() or any(t.startswith(sym) for sym in syms):
            out[t] = True
        else:
            out[t] = tuple(sym[len(t) :] for sym in syms if sym.startswith(t))
    return out


@functools.cache
def _million_codes() -> frozenset[str]:
    """ "MUSD", "MEUR"...: "M" and a three-letter code the unit lexicon reads as a currency."""
    t = units.table()
    codes = {*t["symbols"], *(w.upper() for w in t["folded"]), *t["units"]}
    return frozenset(
        "M" + c
        for c in codes
        if len(c) == 3
        and c.isascii()
        and c.isalpha()
        and c.isupper()
        and (info := units.lookup(c)) is not None
        and info.kind == "currency"
    )
