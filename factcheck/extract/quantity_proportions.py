"""Proportions: a fraction standing for a share ("almost a quarter of its estate",
"two-thirds", "3/4 of respondents") and "N in M" ("two in five patients", "1 in 10").

They get the dimension `fraction` (a magnitude between 0 and 1), never `count`: "a
quarter" of the stores is not a number of stores to compare with "42 stores".
"91 cents of every euro" is a share too, written as money: it becomes 91 percent."""

from __future__ import annotations

from factcheck.extract.quantity_cues import unit_lookup
from factcheck.extract.quantity_draft import Draft
from factcheck.extract.quantity_numerals import number
from factcheck.extract.quantity_units import longest_unit
from factcheck.extract.quantity_view import TokenView
from factcheck.normalise import numbers

FRACTION = "fraction"


def ratio_end(v: TokenView, q: Draft, k: int) -> int:
    """Read "N in M" ("two in five", "1 in every 10 adults") when "in" stands at token k
    after the number N of q: q becomes the share N/M. Returns the token after M, or k
    when this is no proportion ("5 in 2024", "3 in 10 years", "8 in 5", "5 million in")."""
    if k + 1 >= v.n or v.low[k] != "in" or not v.near(k - 1, k):
        return k
    if q.scale != 1 or not float(q.value).is_integer() or q.value <= 0:
        return k
    m = k + 2 if v.low[k + 1] == "every" else k + 1
    if m >= v.n or not v.near(m - 1, m) or v.kind_of[m] not in ("num", "word"):
        return k
    if v.year_like(m):
        return k
    num = number(v, m)
    if num is None:
        return k
    total, scale, end, _ = num
    if scale != 1 or not float(total).is_integer() or not q.value < total:
        return k
    unit = longest_unit(v, end) if end < v.n and v.near(end - 1, end) else None
    if unit is not None and unit[0].kind != "noun":
        return k  # "1 in 10 years", "2 in 5 km": a measure, not a share
    q.value /= total
    q.unit, q.dimension, q.has_unit = "", FRACTION, True
    q.end, q.kn = v.end_of[end - 1], end
    return end


def mark_share(v: TokenView, q: Draft) -> None:
    """Give a fraction read without a unit or noun ("a quarter", "two-thirds", "3/4",
    "½") the dimension `fraction`: a share of something, not a count."""
    if q.has_unit or q.noun is not None or q.scale != 1 or not 0 < q.value < 1:
        return
    j = q.j
    slash = j + 1 < q.kn and v.low[j + 1] == "/"
    # Number words need a fraction word: "nought point five" is a decimal, not a share.
    named = q.words and any(v.low[t] in numbers.FRACTIONS for t in range(j, q.kn))
    if named or v.kind_of[j] == "frac" or slash:
        q.dimension = FRACTION


_POUND_WORDS = frozenset({"pound", "pounds"})  # a currency after "of every", not a mass


def cents_share(v: TokenView, q: Draft, k: int) -> int:
    """Read "91 cents of/in every/each euro" (a subunit, then "of every" and a currency
    word) as 91 percent. Returns the token after the currency word, or k unchanged."""
    if not q.unit.endswith("_cent") or k + 2 >= v.n or v.low[k] not in ("of", "in"):
        return k
    if v.low[k + 1] not in ("every", "each") or not v.near(k, k + 1):
        return k
    word = v.low[k + 2]
    info = unit_lookup(word)
    is_money = info is not None and info.dimension.startswith("currency:")
    if not (is_money or word in _POUND_WORDS) or not v.near(k + 1, k + 2):
        return k
    q.unit, q.dimension, q.has_unit = "percent", "percent", True
    q.end, q.kn = v.end_of[k + 2], k + 3
    return k + 3
