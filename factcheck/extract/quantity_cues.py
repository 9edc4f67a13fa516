"""Vocabularies of the quantity reader, loaded once from data files.

- `cues()`: the cue words of `data/quantity_cues.yaml` (bound and rate phrases, months,
  labels, attribute words...), with phrase tables keyed by token tuples.
- `currency_prefixes()`: currencies that can be written before a number ("US$", "€", "usd").
- `token_may_start(tok)`: whether a token can open a quantity at all (a quick filter).
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from factcheck.extract.base import STOPWORDS
from factcheck.extract.quantity_tokens import Tok, words
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
    "clock_words",
    "one_pronoun_before",
    "one_pronoun_after",
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
    raw = safe_load(
        (resources.files("factcheck") / "data" / "quantity_cues.yaml").read_bytes()
    )
    data = dict(raw)
    data["before"] = _phrases(raw["bounds_before"])
    data["after"] = _phrases(raw["bounds_after"])
    data["rate_adv"] = _phrases(raw["rate_adverbs"])
    data["periods"] = {w: k for k, ws in raw["rate_periods"].items() for w in ws}
    data["attr"] = {w.lower(): k for k, ws in raw["attributes"].items() for w in ws}
    for key in _WORD_SETS:
        data[key] = frozenset(str(w).lower() for w in raw[key])
    data["prefix_ok"] = frozenset(
        {w for p in data["before"] for w in p} | STOPWORDS | {"between", "from", "only", "just"}
    )
    return data


@functools.cache
def phrase_edges(key: str, before: bool) -> frozenset[str]:
    """Last words (before=True) or first words of a cue phrase table, for a quick rejection."""
    return frozenset(p[-1] if before else p[0] for p in cues()[key])


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


def token_may_start(t: Tok) -> bool:
    """A number, a currency prefix's first character, or a word that can open a quantity."""
    if t.kind in ("num", "frac"):
        return True
    return t.text[0] in _prefix_initials() or (t.kind == "word" and t.low in _word_starts())
