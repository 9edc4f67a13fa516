"""Shared logic for the quantity and date kinds: block keys and value agreement.

Not a check kind itself; FC103, FC201, FC202 and FC302 use it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Mapping
from types import MappingProxyType

from factcheck.extract.quantity_context import is_default_attribute
from factcheck.link import context_score
from factcheck.model import Claim, DateValue, QuantityValue

Interval = tuple[float, float]


FAMILY_PENALTY = 0.15  # a link across two nouns of a family ("people", "jobs") is weaker


# Counted nouns (see data/counted_nouns.yaml) that are different units but are compared
# across documents: unlike `same_as` nothing is folded, so inside one document (FC103)
# they stay apart, and a link across two of them is weaker (FAMILY_PENALTY).
NOUN_FAMILIES: Mapping[str, str] = MappingProxyType(
    {
        "count:job": "family:workforce",  # jobs, employees, workers, staff
        "count:person": "family:workforce",  # "employs 650 people"
    }
)


def compared_dimension(dimension: str) -> str:
    """The dimension figures are compared under across documents: a counted noun's
    family ("people" and "jobs" are both workforce), else the dimension itself."""
    return NOUN_FAMILIES.get(dimension, dimension)


def same_family(a: QuantityValue, b: QuantityValue) -> bool:
    """Counts of two different nouns of one family (people and jobs)."""
    return a.dimension != b.dimension and (
        compared_dimension(a.dimension) == compared_dimension(b.dimension)
    )


def quantity_key(claim: Claim) -> Hashable | None:
    """Quantities are compared only within one dimension (counted nouns: one family)."""
    v = claim.value
    if not isinstance(v, QuantityValue) or v.vague:
        return None
    return ("quantity", compared_dimension(v.dimension))


def exact_quantity_key(claim: Claim) -> Hashable | None:
    """As `quantity_key`, but counted nouns of one family stay apart."""
    v = claim.value
    if not isinstance(v, QuantityValue) or v.vague:
        return None
    return ("quantity", v.dimension)


def date_key(claim: Claim) -> Hashable | None:
    """Dates resolved from relative phrases ("five years after…") are not compared."""
    v = claim.value
    if not isinstance(v, DateValue) or v.offset_years is not None:
        return None
    return ("date",)


def any_pair(a: Claim, b: Claim) -> bool:
    """Every pair links: `context_score` never scores below 0 (see `common.unsupported`)."""
    return True


def quantity_compatible(a: Claim, b: Claim, rate_optional: frozenset[str]) -> bool:
    """Could these two quantities be figures for the same thing at all?"""
    va, vb = a.value, b.value
    assert isinstance(va, QuantityValue) and isinstance(vb, QuantityValue)
    if va.modifier and vb.modifier and va.modifier != vb.modifier:
        return False
    if a.time and b.time and not _same_period(a.time, b.time):
        return False
    if va.rate != vb.rate:
        family = va.dimension.split(":")[0]
        if (va.rate and vb.rate) or family not in rate_optional:
            return False
    return True


def _same_period(a: str, b: str) -> bool:
    """Times compare at the coarser granularity: "2023-03" falls in "2023"."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def quantity_score(a: Claim, b: Claim, rate_optional: frozenset[str]) -> float:
    """Context similarity 0..1, or -1 when the two cannot be about the same thing."""
    if not quantity_compatible(a, b, rate_optional):
        return -1.0
    score = context_score(a, b)
    if a.attribute == b.attribute and _says_nothing(a):
        score -= 0.25  # an attribute implied by the dimension is no evidence of a link
    va, vb = a.value, b.value
    assert isinstance(va, QuantityValue) and isinstance(vb, QuantityValue)
    if va.modifier and va.modifier == vb.modifier:
        score += 0.25  # "direct" jobs on both sides
    if bool(a.time) != bool(b.time):
        score -= 0.15
    if same_family(va, vb):
        score -= FAMILY_PENALTY
    return max(0.0, score)


def _says_nothing(claim: Claim) -> bool:
    assert isinstance(claim.value, QuantityValue)
    return is_default_attribute(claim.value.dimension, claim.attribute)


def interval(v: QuantityValue, approx: float, open_factor: float | None = None) -> Interval | None:
    """The values a quantity admits, in its own unit; None for vague quantities.

    With `open_factor`, open bounds are capped: "over 3" admits 3..3*factor.
    """
    if v.vague:
        return None
    if v.low is not None and v.high is not None:
        lo, hi = v.low, v.high
        if v.bound == "approx":
            return lo * (1 - approx), hi * (1 + approx)
        return lo, hi
    if v.magnitude is None:
        return None
    m = v.magnitude
    match v.bound:
        case "approx":
            return m * (1 - approx), m * (1 + approx)
        case "at_least" | "more_than":
            return m, (m * open_factor if open_factor else math.inf)
        case "at_most" | "less_than":
            return (m / open_factor if open_factor else (-math.inf if m < 0 else 0.0)), m
        case _:
            return m, m


def in_unit(v: QuantityValue, unit: str) -> QuantityValue | None:
    """`v` expressed in `unit`, or None when the units cannot be converted."""
    if v.unit == unit:
        return v
    try:
        from factcheck.normalise.units import convert

        factor = convert(1.0, v.unit, unit)
    except Exception:
        return None
    scaled = {
        k: (getattr(v, k) * factor if getattr(v, k) is not None else None)
        for k in ("magnitude", "low", "high")
    }
    return v.model_copy(update={**scaled, "unit": unit})


def quantities_agree(
    a: QuantityValue,
    b: QuantityValue,
    rel_tol: float,
    approx: float,
    open_factor: float | None = None,
) -> bool:
    """Do the two figures admit a common value (within the relative tolerance)?

    `open_factor` makes open bounds strict ("over €3 billion" then no longer
    admits €11 billion): used when a figure must be *supported*, not merely
    not contradicted.
    """
    b2 = b if same_family(a, b) else in_unit(b, a.unit)
    if b2 is None:
        return False
    if _both_maxima(a, b2):
        # Two limits of one thing ("up to 15,000 t", "up to 18,000 t") must be the same
        # limit: as intervals from zero they would always share a value.
        assert a.magnitude is not None and b2.magnitude is not None
        lo_a, hi_a = _widen((a.magnitude, a.magnitude), rel_tol)
        lo_b, hi_b = _widen((b2.magnitude, b2.magnitude), rel_tol)
        return lo_a <= hi_b and lo_b <= hi_a
    ia, ib = interval(a, approx, open_factor), interval(b2, approx, open_factor)
    if ia is None or ib is None:
        return True  # vague figures are never contradicted
    lo_a, hi_a = _widen(ia, rel_tol)
    lo_b, hi_b = _widen(ib, rel_tol)
    return lo_a <= hi_b and lo_b <= hi_a


_MAXIMA = ("at_most", "less_than")


def _both_maxima(a: QuantityValue, b: QuantityValue) -> bool:
    """Both figures are upper limits ("up to", "at most", "under"), neither vague."""
    return (
        a.bound in _MAXIMA
        and b.bound in _MAXIMA
        and not a.vague
        and not b.vague
        and a.magnitude is not None
        and b.magnitude is not None
    )


def _widen(iv: Interval, rel_tol: float) -> Interval:
    lo, hi = iv
    return lo - abs(lo) * rel_tol, hi + abs(hi) * rel_tol


def is_slip(a: QuantityValue, b: QuantityValue) -> bool:
    """A tell-tale error: a factor of 1,000 (million for billion), or the same
    number written with another unit of the same dimension (62 miles for 62 km)."""
    if a.magnitude and b.magnitude and a.unit != b.unit and abs(a.magnitude - b.magnitude) < 1e-9:
        return not same_family(a, b)
    return bool(scale_note(a, b))


def scale_note(a: QuantityValue, b: QuantityValue) -> str:
    """' (a factor of 1,000 apart: check "million" vs "billion")' when the gap is a
    scale slip, naming the scale words the two figures were written with."""
    b2 = in_unit(b, a.unit)
    if b2 is None or not a.magnitude or not b2.magnitude:
        return ""
    ratio = max(a.magnitude, b2.magnitude) / min(a.magnitude, b2.magnitude)
    for factor in (1e3, 1e6):
        if abs(ratio / factor - 1) < 0.01:
            return f" (a factor of {factor:,.0f} apart: {_slip_advice(a, b)})"
    return ""


_SCALE_WORDS = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}


def _slip_advice(a: QuantityValue, b: QuantityValue) -> str:
    """Which words to check: the two scale words, the one scale word beside a plain
    figure, or (same scale word, e.g. GWh vs TWh) the unit."""
    word_a, word_b = _SCALE_WORDS.get(a.scale), _SCALE_WORDS.get(b.scale)
    if word_a and word_b and word_a != word_b:
        return f'check "{word_a}" vs "{word_b}"'
    if word_a or word_b:
        return f'check "{word_a or word_b}": the other figure has no scale word'
    if a.unit != b.unit:
        return "check the unit"
    return "check the scale"


def dates_equal(a: DateValue, b: DateValue) -> bool:
    """The same date at the coarser of the two granularities (2025-12 equals 2025)."""
    n = min(len(a.iso), len(b.iso))
    return a.iso[:n] == b.iso[:n]


def date_given_by(claimed: DateValue, given: DateValue) -> bool:
    """Does `given` state `claimed` at least as precisely? "2025-12-11" gives
    "2025-12" and "2025"; "2025" does not give "2025-11-01" (a year elsewhere in a
    text says nothing about the day)."""
    n = len(claimed.iso)
    return len(given.iso) >= n and given.iso[:n] == claimed.iso


def dates_agree(a: DateValue, b: DateValue) -> bool:
    """Equal at the coarser of the two granularities; open bounds admit later/earlier dates."""
    n = min(len(a.iso), len(b.iso))
    if a.iso[:n] == b.iso[:n]:
        return True
    if {a.bound, b.bound} & {"by", "until", "before"}:
        late = max(a.iso[:n], b.iso[:n])
        bounded = a if a.bound in ("by", "until", "before") else b
        return bounded.iso[:n] == late
    if {a.bound, b.bound} & {"since", "from", "after"}:
        bounded = a if a.bound in ("since", "from", "after") else b
        other = b if bounded is a else a
        return other.iso[:n] >= bounded.iso[:n]
    return False


MonthRange = tuple[int, int]

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
_SEASONS: Mapping[str, MonthRange] = MappingProxyType(
    {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
)
_PERIOD = re.compile(
    r"\b(?:(first|1st|second|2nd|third|3rd|fourth)\s+(quarter|half)|q([1-4])|h([12])"
    r"|(spring|summer|autumn|fall))\b",
    re.IGNORECASE,
)


def named_months(text: str) -> MonthRange | None:
    """The months a sub-year period named in a date phrase covers: "the fourth quarter
    of 2027" -> (10, 12), "H1 2026" -> (1, 6), "summer 2026" -> (6, 8); None when the
    phrase names none (winter straddles two years, so it is left out)."""
    match = _PERIOD.search(text)
    if match is None:
        return None
    ordinal, unit, quarter, half, season = match.groups()
    if season:
        return _SEASONS[season.lower()]
    if quarter or (unit and unit.lower() == "quarter"):
        n = int(quarter) if quarter else _ORDINALS[ordinal.lower()]
        return 3 * n - 2, 3 * n
    n = int(half) if half else _ORDINALS[ordinal.lower()]
    return ((1, 6), (7, 12))[n - 1] if n <= 2 else None


def date_months(value: DateValue, text: str) -> MonthRange:
    """The months of its year a date covers: its month, else the period its phrase
    names, else the whole year."""
    if len(value.iso) >= 7:
        month = int(value.iso[5:7])
        return month, month
    return named_months(text) or (1, 12)


def claim_date_given_by(claimed: Claim, given: Claim) -> bool:
    """`date_given_by` that also respects periods inside a year: "by the end of 2027"
    or "March 2027" does not give "the fourth quarter of 2027", "November 2027" does."""
    a, b = claimed.value, given.value
    assert isinstance(a, DateValue) and isinstance(b, DateValue)
    if not date_given_by(a, b):
        return False
    if len(a.iso) > 4:
        return True  # a month or day: the iso comparison already said it all
    lo_a, hi_a = date_months(a, claimed.span.text)
    lo_b, hi_b = date_months(b, given.span.text)
    return lo_a <= lo_b and hi_b <= hi_a
