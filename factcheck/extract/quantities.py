"""Quantities: "€3 billion", "16 GWh/year", "1,200 direct jobs", "200,000 to 300,000 EV batteries".

The text is tokenised once (digits runs, words, single punctuation marks); a cursor then
visits the tokens that may open a quantity (numbers, number words, currency prefixes:
`quantity_cues.opening_tokens`) and reads, at each, an optional currency prefix and
bound word before the number, the number (digits, number words, scale words), and the
unit, currency, counted noun, rate, range end, trailing bound and time qualifier after it.
Every step looks at a bounded number of tokens, so extraction is linear in the text.

Not quantities (skipped): phone numbers, e-mail addresses, URLs, numeric dates and
clock times, years in date context, day numbers next to month names, ordinals, codes
glued to letters (A390, REV3, COVID-19), version-like numbers (5.0), programme and model
names ("France 2030"), labels ("Section 2"), list and heading numbering, "24/7".

The steps live in sibling modules: `quantity_tokens` (tokenizer), `quantity_cues`
(vocabularies), `quantity_protect` (URLs, phones, dates), `quantity_view` (token
neighbourhood), `quantity_numerals`, `quantity_units`, `quantity_nouns`,
`quantity_reader` (one quantity, ranges), `quantity_bounds` (bounds, rates, time),
`quantity_filters` (what is not a claim), `quantity_shortcut` (numbers the scan can drop
before reading them) and `quantity_context` (attribute, RawClaim).
"""

from __future__ import annotations

from factcheck.extract.base import ExtractContext, RawClaim
from factcheck.extract.quantity_bounds import bound_before, rate_before, tail
from factcheck.extract.quantity_context import to_claim
from factcheck.extract.quantity_cues import cues
from factcheck.extract.quantity_draft import Draft
from factcheck.extract.quantity_filters import skip
from factcheck.extract.quantity_protect import protected_spans
from factcheck.extract.quantity_reader import range_end, read
from factcheck.extract.quantity_shortcut import dropped_number
from factcheck.extract.quantity_tokens import Tokens, tokenize
from factcheck.extract.quantity_view import TokenView
from factcheck.model import Segmentation
from factcheck.normalise import units

__all__ = ["Tokens", "cues", "find", "protected_spans", "tokenize"]

# Pairs of one-sided bounds that close a range: "above 10 and below 20".
_RANGE_PAIRS = (
    {"more_than", "less_than"},
    {"more_than", "at_most"},
    {"at_least", "less_than"},
    {"at_least", "at_most"},
)

# What stands between a part and its whole: "42 of its 187 stores", "3 of the 10 plants".
_PART_OF = frozenset({"of", "of its", "of the", "of their", "of our", "of his", "of her"})


def find(text: str, seg: Segmentation, ctx: ExtractContext) -> list[RawClaim]:
    """Every quantity claim of `text` (see the module docstring for what is skipped)."""
    view = TokenView(text, seg)
    found = _resolve_currencies(_combine(text, _scan(view)))
    claims: list[RawClaim] = []
    for n, q in enumerate(found):
        a, b = view.sentence_window(q.start)
        left = max(a, found[n - 1].end if n else 0)
        right = min(b, found[n + 1].start if n + 1 < len(found) else len(text))
        claims.append(to_claim(text, q, left, max(right, q.end)))
    return claims


def _scan(v: TokenView) -> list[Draft]:
    """Read a quantity at every token that may start one; keep those that are claims."""
    out: list[Draft] = []
    i = 0
    for c in v.candidates():
        if c < i:
            continue  # inside what the previous reading consumed
        i = c
        if dropped_number(v, c):
            continue  # what `_step` would conclude, found sooner
        q, i = _step(v, c)
        if q is not None:
            out.append(q)
    return out


def _step(v: TokenView, i: int) -> tuple[Draft | None, int]:
    """The quantity claim read at token i, if any, and the token where the scan resumes."""
    q, k = read(v, i)
    if q is None:
        return None, max(k, i + 1)
    k = range_end(v, q, k)
    k = tail(v, q, k)
    hit = bound_before(v, q.first)
    if hit and q.bound == "exact":
        q.bound, q.lead = hit[0], v.start_of[hit[1]]
    rate_before(v, q, hit[1] if hit else q.first)
    if (hit and hit[0] == "skip") or skip(v, q):
        return None, max(k, q.kn, i + 1)
    return q, max(k, i + 1)


def _combine(text: str, found: list[Draft]) -> list[Draft]:
    """Join "above 10 and below 20" into a range; give "45 and 50 mg" its unit twice."""
    out: list[Draft] = []
    for q in found:
        p = out[-1] if out else None
        if p is None:
            out.append(q)
            continue
        start = q.lead if q.lead >= 0 else q.start
        between = text[p.end : start].strip().lower()
        if between in ("and", ",", "but") and p.dimension == q.dimension and _close_range(p, q):
            continue
        if (
            between in ("and", "or", ",")
            and not p.has_unit
            and q.has_unit
            and p.bound == q.bound
            and q.lead < 0
            and not q.currency_prefix
        ):
            p.set_unit(q.unit, q.dimension)
            p.noun = q.noun
        elif _part_of_whole(between, p, q):
            p.set_unit(q.unit, q.dimension, noun=q.noun)
        out.append(q)
    return out


def _part_of_whole(between: str, p: Draft, q: Draft) -> bool:
    """ "42 of its 187 stores", "30 of its remaining 145 shops": the part p counts the
    whole q's noun."""
    words = between.split()
    return (
        (between in _PART_OF or (len(words) == 3 and " ".join(words[:2]) in _PART_OF))
        and q.noun is not None
        and not p.has_unit
        and p.dimension == "count"
        and p.bound != "range"
        and q.bound != "range"
        and 0 < p.value < q.value
    )


def _resolve_currencies(found: list[Draft]) -> list[Draft]:
    """Give a currency named without its country ("895 million kroner") the one currency
    it may stand for that the document names elsewhere ("DKK 3.13bn"); with none or
    several named, it stays a currency of its own, compared only with its like."""
    candidates = units.currency_resolutions()
    unresolved = [q for q in found if q.unit in candidates]
    if not unresolved:
        return found
    named = {q.unit for q in found}
    for q in unresolved:
        options = [code for code in candidates[q.unit] if code in named]
        if len(options) == 1:
            q.set_unit(options[0], f"currency:{options[0]}")
    return found


def _close_range(p: Draft, q: Draft) -> bool:
    """Make p the range between p's and q's opposite bounds, if they form one."""
    if {p.bound, q.bound} not in _RANGE_PAIRS:
        return False
    lo, hi = (p, q) if p.bound in ("more_than", "at_least") else (q, p)
    if lo.value >= hi.value:
        return False
    p.low, p.high, p.bound, p.end = lo.value, hi.value, "range", q.end
    return True
