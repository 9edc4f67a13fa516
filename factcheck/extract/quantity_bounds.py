"""Around a quantity: bound words and signs before it ("more than", "up to", ">="), and
after it a rate ("/year", "per year", "annually"), a trailing bound ("or more") and a
time qualifier ("by 2030", but not the price base of "in 2012 prices")."""

from __future__ import annotations

from factcheck.extract.base import STOPWORDS
from factcheck.extract.quantity_cues import unit_lookup
from factcheck.extract.quantity_draft import Draft
from factcheck.extract.quantity_view import TokenView

# Comparison signs; None marks sign-like runs that are not a bound ("<>", "=>").
_COMPARATORS = {
    ">": "more_than",
    ">=": "at_least",
    "≥": "at_least",
    "<": "less_than",
    "<=": "at_most",
    "≤": "at_most",
    "=<": None,
    "=>": None,
    "<>": None,
}
_SIGN_ENDS = frozenset(s[-1] for s in _COMPARATORS)


def tail(v: TokenView, q: Draft, k: int) -> int:
    """Read a rate ("/year", "per year", "a year", "annually"), "or more", and "by 2030"."""
    if k < v.n and q.has_unit and v.linked(k - 1, k):
        k = _rate(v, q, k)
    hit = v.phrase(k, "after") if k < v.n and v.near(k - 1, k) else None
    if hit and q.bound == "exact" and not (hit[1] < v.n and v.starts(hit[1])):
        q.bound, k = hit
    q.end = v.end_of[k - 1]
    if (
        k + 1 < v.n
        and v.low[k] in v.cue["time_prepositions"]
        and v.near(k - 1, k)
        and v.year_like(k + 1)
        and not price_base_year(v, k + 1)
    ):
        q.time = v.text_of[k + 1]
    return k


def price_base_year(v: TokenView, i: int) -> bool:
    """Token i is a year that names a price base, not a time: "2012" in "(2012 prices)",
    "in 2012 terms", "in constant 2015 dollars"."""
    if not v.year_like(i) or i + 1 >= v.n or not v.near(i, i + 1):
        return False
    nxt = v.low[i + 1]
    if nxt in v.cue["price_base_words"]:
        return True
    if i == 0 or v.low[i - 1] not in v.cue["price_base_before_currency"]:
        return False
    info = unit_lookup(v.text_of[i + 1])
    return info is not None and info.kind == "currency" and v.kind_of[i + 1] == "word"


def _rate(v: TokenView, q: Draft, k: int) -> int:
    """A rate at token k into q; the next token. A rate adjective before a noun ("$68,000
    annual salary") gives the rate of a figure with a unit, but belongs to the noun."""
    periods = v.cue["periods"]
    if v.low[k] in ("/", "per") and k + 1 < v.n and v.low[k + 1] in periods:
        q.rate = periods[v.low[k + 1]]
        return k + 2
    hit = v.phrase(k, "rate_adv")
    if hit:
        q.rate, k = hit
    elif q.noun is None and v.low[k] in v.cue["rate_adj"] and v.word_after(k):
        q.rate = v.cue["rate_adj"][v.low[k]]
    elif q.noun is None and v.low[k] == "of":
        q.rate = _rate_after_complement(v, k + 1)
    return k


_COMPLEMENT_WORDS = 5
_NOT_A_RATE_AFTER = frozenset({"ago", "earlier", "later", "before", "after"})


def _rate_after_complement(v: TokenView, k: int) -> str | None:
    """The rate after a short "of" complement starting at token k: "55 kt of lithium
    carbonate equivalent a year", "20 GWh of electricity per year". The complement is
    one to four content words (or formulas, "CO2"); a function word, mark or number ends
    the search."""
    periods = v.cue["periods"]
    for w in range(k, min(v.n, k + _COMPLEMENT_WORDS + 1)):
        if not v.linked(w - 1, w):
            return None
        if w > k:
            if v.low[w] in ("/", "per") and w + 1 < v.n and v.low[w + 1] in periods:
                return str(periods[v.low[w + 1]])
            hit = v.phrase(w, "rate_adv")
            if hit:
                ago = hit[1] < v.n and v.low[hit[1]] in _NOT_A_RATE_AFTER
                return None if ago else str(hit[0])
        formula = v.kind_of[w] == "num" and w > k and v.glued(w - 1, w)  # "CO2"
        if not formula and (v.kind_of[w] not in ("word", "code") or v.low[w] in STOPWORDS):
            return None
    return None


_RATE_NOUN_WORDS = 3


def rate_before(v: TokenView, q: Draft, lead: int) -> None:
    """Give q the rate of a rate adjective before the noun it measures: "an annual wage of
    $68,000", "yearly revenue of about €3m" (`lead`: the first token of q and its bound)."""
    i = lead - 1
    if q.rate or not q.has_unit or q.noun or i < 1:
        return  # a count's noun is often an event or a document: "annual report of 400 pages"
    if v.low[i] not in v.cue["rate_adjective_links"]:
        return
    for back in range(1, _RATE_NOUN_WORDS + 1):
        w = i - back
        if w < 0 or v.kind_of[w] != "word" or not v.linked(w, w + 1):
            return
        if back > 1 and v.low[w] in v.cue["rate_adj"]:
            q.rate = v.cue["rate_adj"][v.low[w]]
            return


def bound_before(v: TokenView, i: int) -> tuple[str, int] | None:
    """A bound word or comparison sign right before token i: (bound, first token).
    The bound is "skip" for a sign-like run that makes the number no claim ("=>")."""
    hit = v.phrase(i, "before", before=True)
    if hit:
        return hit
    if i < 1 or v.low[i - 1] not in _SIGN_ENDS:
        return None
    for length in (2, 1):
        a = i - length
        if a >= 0 and all(v.kind_of[k] == "punct" for k in range(a, i)):
            sign = "".join(v.low[a:i])
            if sign in _COMPARATORS and (a == 0 or not v.glued(a - 1, a) or v.low[a - 1] in "=<>"):
                return (_COMPARATORS[sign] or "skip"), a
    return None
