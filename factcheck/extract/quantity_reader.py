"""Reading one quantity at a token: currency prefix, sign, number or vague amount, unit,
compound amounts ("5 ft 2 in", "3 dollars 50") and ranges ("200,000 to 300,000 units")."""

from __future__ import annotations

import functools
import re

from factcheck.extract.quantity_draft import Draft
from factcheck.extract.quantity_numerals import currency_prefix, is_sign, number
from factcheck.extract.quantity_proportions import cents_share, mark_share, ratio_end
from factcheck.extract.quantity_units import longest_unit, read_unit
from factcheck.extract.quantity_view import TokenView
from factcheck.normalise import numbers, units

_RANGE_DASHES = frozenset("-–—~")
_VAGUE_WINDOW = 6


@functools.cache
def _scaled_code_re() -> re.Pattern[str]:
    return re.compile(r"[Mk]([A-Z]{3})")


def read(v: TokenView, i: int, signed: bool = True) -> tuple[Draft | None, int]:
    """The quantity whose first token is i (currency prefix or number): (quantity, next i)."""
    cur = currency_prefix(v, i) if v.kind_of[i] in ("punct", "word") else None
    j = i
    if cur:
        j = cur[1]
        if j < v.n and v.low[j] == "-" and v.glued(j - 1, j):
            j += 1
        if j >= v.n or not v.linked(j - 1, j) or v.kind_of[j] not in ("num", "word", "frac"):
            return None, i + 1
    minus = signed and j > 0 and v.low[j - 1] in ("-", "−") and is_sign(v, j - 1)
    if v.kind_of[j] == "word":
        vague = _read_vague(v, i, j)
        if vague:
            return vague
    num = number(v, j)
    if num is None:
        return None, (j + 3 if v.kind_of[j] == "num" else i + 1)
    value, scale, k, words = num
    first = i if cur else j - 1 if minus else j
    sign = -1.0 if minus else 1.0
    q = Draft(v.start_of[first], v.end_of[k - 1], sign * value, scale=scale, words=words)
    q.first, q.j, q.kn = first, j, k
    if cur:
        _apply_currency_prefix(q, cur[0])
    elif (k2 := ratio_end(v, q, k)) > k:
        return q, k2
    k2 = read_unit(v, q, k)
    if k2 < 0:
        return None, k + 2
    if k2 == k and not q.has_unit:
        k2 = _scaled_currency_code(v, q, k)
    k2 = cents_share(v, q, k2)
    mark_share(v, q)
    return q, compound(v, q, k2)


def _read_vague(v: TokenView, i: int, j: int) -> tuple[Draft, int] | None:
    """A vague amount at word token j ("tens of thousands of jobs"), else None."""
    vague = numbers.read_vague(v.low[j : j + _VAGUE_WINDOW])
    if not vague:
        return None
    lo, hi, used = vague
    end = v.end_of[j + used - 1]
    q = Draft(v.start_of[j], end, 0.0, bound="range", low=lo, high=hi, vague=True)
    q.first, q.j, q.kn = i, j, j + used
    of = j + used + (v.low[j + used : j + used + 1] == ["of"])
    k = read_unit(v, q, of) if of < v.n else of
    return q, (k if k > of else j + used)


def _apply_currency_prefix(q: Draft, name: str) -> None:
    """Give q the currency written before it; "MUSD" multiplies by a million."""
    if name.startswith("M") and name[1:] in units.table()["units"]:
        name, q.value, q.scale = name[1:], q.value * 1e6, 1e6
    info = units.unit_info(name)
    assert info is not None, f"currency prefix {name!r} is not in the unit table"
    q.set_unit(name, info.dimension)
    q.currency_prefix = True


def _scaled_currency_code(v: TokenView, q: Draft, k: int) -> int:
    """ "5 MUSD" / "5 kEUR" after the number at token k: millions of a currency."""
    if not (k < v.n and v.kind_of[k] == "word" and v.near(k - 1, k)):
        return k
    m = _scaled_code_re().fullmatch(v.text_of[k])
    info = units.lookup(m.group(1)) if m else None
    if not (info and info.kind == "currency"):
        return k
    q.value, q.scale = q.value * 1e6, 1e6
    q.set_unit(info.name, info.dimension)
    return k + 1


def compound(v: TokenView, q: Draft, k: int) -> int:
    """Join "5 ft 2 in", "3 dollars 50 cents" and "15 dollars 50" into one amount."""
    if not q.has_unit or q.noun or q.currency_prefix or k >= v.n or not v.near(k - 1, k):
        return k
    p = k + 1 if v.low[k] == "and" and k + 1 < v.n and v.near(k, k + 1) else k
    num = number(v, p) if p < v.n and v.kind_of[p] in ("num", "word") else None
    if num is None or num[1] != 1 or num[0] < 0:
        return k
    v2, _, k3, _ = num
    nxt = longest_unit(v, k3) if k3 < v.n and v.near(k3 - 1, k3) else None
    info = units.unit_info(q.unit)
    if nxt and info and nxt[0].dimension == info.dimension:
        pair = [q.unit, nxt[0].name]
        cents = info.kind == "currency" and nxt[0].factor * 100 == info.factor
        if pair in v.cue["compound_units"] or cents:
            q.value += v2 * nxt[0].factor / info.factor
            q.end = v.end_of[nxt[1]]
            return nxt[1] + 1
    whole_cents = v2 < 100 and float(v2).is_integer()
    no_number_after = k3 >= v.n or v.kind_of[k3] != "num"
    if nxt is None and info and info.kind == "currency" and whole_cents and no_number_after:
        q.value += v2 / 100
        q.end = v.end_of[k3 - 1]
        return k3
    return k


_CLAUSE_BREAKS = frozenset({",", ".", ";", ":", "(", ")", "!", "?"})


def _change_from(v: TokenView, first: int, rise: float) -> bool:
    """ "from" stands right before token `first`, and a change verb before it in the same
    clause whose direction agrees with `rise` (the second value minus the first):
    "raising capacity from 20 GWh to 55 GWh" is a change, not a range."""
    f = first - 1
    if f < 1 or v.low[f] != "from":
        return False
    verbs = v.cue["change_verbs"]
    for w in range(f - 1, max(-1, f - 1 - v.cue["change_window"]), -1):
        if v.low[w] in _CLAUSE_BREAKS:
            return False
        direction = verbs.get(v.low[w])
        if direction is not None:
            return direction == "either" or (direction == "up") == (rise > 0)
    return False


def _dated_year(v: TokenView, q: Draft) -> bool:
    """q is a bare year after a date preposition ("in 2023")."""
    return (
        q.first == q.j
        and q.j > 0
        and q.kn == q.j + 1
        and v.year_like(q.j)
        and v.low[q.j - 1] in v.cue["date_prepositions"]
    )


def range_end(v: TokenView, q: Draft, k: int) -> int:
    """Extend q into a range when "to", "-", "through" or "and" (after "between") and a
    compatible second quantity follow at token k; returns the next token. After a change
    verb ("rose from 20 to 55 GWh") "from X to Y" is two figures: no range then."""
    if k >= v.n or not v.linked(k - 1, k):
        return k
    before = v.low[q.first - 1] if q.first > 0 else ""
    c, conn = v.low[k], 0
    if c in _RANGE_DASHES:
        conn = 2 if v.low[k + 1 : k + 2] == ["to"] else 1
    elif c in ("to", "through", "thru") or (c == "and" and before == "between"):
        conn = 1
    j = k + conn
    if not conn or j >= v.n or not v.linked(j - 1, j):
        return k
    q2, k2 = read(v, j, signed=False)
    if q2 is None or q2.vague or (q.has_unit and q2.has_unit and q.dimension != q2.dimension):
        return k
    if not q.has_unit and q2.has_unit and _dated_year(v, q):
        return k  # "from $2.1bn in 2023 to $2.6bn": 2023 is a date, not a range start
    if c == "to" and _change_from(v, q.first, q2.value - q.value):
        if not q.has_unit and q2.has_unit:  # "rose from 20 to 55 GWh": 20 GWh, then 55 GWh
            q.set_unit(q2.unit, q2.dimension)
            q.noun, q.modifier = q2.noun, q2.modifier
        return k
    dash = conn == 1 and c in _RANGE_DASHES
    if dash and (q2.value <= q.value or (q2.j != j and not q2.currency_prefix)):
        return k
    if not q.has_unit and q2.has_unit:
        q.set_unit(q2.unit, q2.dimension)
        q.noun, q.modifier = q2.noun, q2.modifier
    if q2.scale > 1 and q.scale == 1 and q.value * q2.scale <= q2.value:
        q.value, q.scale = q.value * q2.scale, q2.scale
    q.low, q.high = min(q.value, q2.value), max(q.value, q2.value)
    q.bound, q.end = "range", q2.end
    return k2
