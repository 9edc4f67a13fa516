"""What follows the number: a scale letter ("3bn", "$5M"), a unit or currency from the
unit lexicon ("16 GWh", "5 euros", "10 (kWh)"), else a counted noun ("1,200 jobs")."""

from __future__ import annotations

import functools

from factcheck.extract.base import singular
from factcheck.extract.quantity_cues import unit_lookup
from factcheck.extract.quantity_draft import Draft
from factcheck.extract.quantity_nouns import counted_noun, noun_compound
from factcheck.extract.quantity_view import TokenView
from factcheck.normalise import numbers, units

# Scale letters whose case matters ("M" is a million, "m" after a number is metres).
_AMBIGUOUS_SCALES = {
    "m": 1e6,
    "M": 1e6,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
    "T": 1e12,
    "k": 1e3,
    "K": 1e3,
}
_SCALE_LETTERS = ("m", "b", "bn", "t", "k")
_CLOSING = {"(": ")", "[": "]", "{": "}", "<": ">"}
_LONGEST_UNIT = 4


def read_unit(v: TokenView, q: Draft, k: int) -> int:
    """Read the unit, currency or counted noun at token k into q; the next token, or -1
    when the number is glued to a hyphenated word that is not a unit ("3-year-old")."""
    if k >= v.n or not v.linked(k - 1, k):
        return k
    if _scale_letter(v, q, k):
        f = _AMBIGUOUS_SCALES.get(v.text_of[k]) or numbers.SCALES[v.low[k]]
        q.value, q.scale, k = q.value * f, f, k + 1
        q.kn = k
        if q.currency_prefix or k >= v.n:
            return k
    if (
        v.low[k] == "-"
        and v.glued(k - 1, k)
        and k + 1 < v.n
        and v.glued(k, k + 1)
        and v.kind_of[k + 1] == "word"
    ):
        k2 = _lexicon(v, q, k + 1)
        return k2 if k2 > k + 1 else -1
    k2 = _lexicon(v, q, k)
    if k2 > k or q.currency_prefix:
        return k2
    return counted_noun(v, q, k)


def _scale_letter(v: TokenView, q: Draft, k: int) -> bool:
    """Token k is a scale letter: "m"/"bn"/"k" after a currency, "M" alone, a glued "b"."""
    if q.currency_prefix and v.low[k] in _SCALE_LETTERS:
        return True
    if v.text_of[k] in ("M", "B", "T") and (q.currency_prefix or not v.word_after(k)):
        return True
    if v.text_of[k] in ("m", "M") and v.glued(k - 1, k) and _counted_after(v, k):
        return True
    return v.text_of[k] == "b" and v.glued(k - 1, k)


def _counted_after(v: TokenView, k: int) -> bool:
    """What follows the letter at token k is a currency ("4.2m euros") or a plural
    counted noun of the lexicon, perhaps after one modifier ("2.5m new homes"): the
    letter is then "million", not metres (a length is "4.2m tall", "a 3m pipe")."""
    j = k + 1
    if j < v.n and v.near(k, j) and units.is_modifier(v.low[j]):
        j += 1
    if not (j < v.n and v.near(j - 1, j) and v.kind_of[j] == "word"):
        return False
    info = unit_lookup(v.text_of[j])
    if info is None or v.low[j] in v.cue["inch_measure_words"]:
        return False
    if info.kind == "currency":
        return j == k + 1 and not info.name.endswith("_cent")
    plural = v.low[j] != singular(v.low[j]) or v.low[j] != info.name
    return info.kind == "noun" and plural and not noun_compound(v, j)


def _lexicon(v: TokenView, q: Draft, k: int) -> int:
    """A unit of the lexicon (up to four tokens) at token k into q; the next token."""
    if q.currency_prefix:
        own = longest_unit(v, k)
        if own is None or own[0].name != q.unit:
            return k
    if _no_unit_at(v, k):
        return k
    for length in range(_longest_surface(v, k), 0, -1):
        last = k + length - 1
        if last >= v.n:
            continue
        info = unit_lookup(v.text[v.start_of[k] : v.end_of[last]])
        if info is None and v.low[k] in _CLOSING and length == 3:
            bracketed = v.low[last] == _CLOSING[v.low[k]]
            info = unit_lookup(v.text_of[k + 1]) if bracketed else None
        if info is None or not _unit_ok(v, info, k, last):
            continue
        q.set_unit(info.name, info.dimension, noun=info.name if info.kind == "noun" else None)
        if (
            info.kind == "currency"
            and not info.name.endswith("_cent")
            and v.near(last, last + 1)
            and v.low[last + 1] in numbers.SCALES
            and v.low[last + 1] not in ("m", "b", "t")
        ):
            f = numbers.SCALES[v.low[last + 1]]
            q.value, q.scale = q.value * f, f
            return last + 2
        target = units.currency_if_scaled(info.name)
        if target and q.scale >= 1e3:
            q.set_unit(target, f"currency:{target}")
        return last + 1
    return k


def longest_unit(v: TokenView, k: int) -> tuple[units.UnitInfo, int] | None:
    """The longest lexicon unit starting at token k: (unit, its last token)."""
    if _no_unit_at(v, k):
        return None
    for length in range(_longest_surface(v, k), 0, -1):
        last = k + length - 1
        if last < v.n:
            info = unit_lookup(v.text[v.start_of[k] : v.end_of[last]])
            if info:
                return info, last
    return None


def _no_unit_at(v: TokenView, k: int) -> bool:
    """No unit of the lexicon, nor a bracketed one, can start at token k: a quick test.
    The surfaces tried there start with the token, so their lower-case forms start with
    its lower-case form when it is ASCII (str.lower is per character there)."""
    low = v.low[k]
    return low not in _unit_prefixes() and low not in _CLOSING and v.text_of[k].isascii()


def unit_may_start(token: str) -> bool:
    """A unit of the lexicon, or a bracketed one, may start at a token written `token`
    (the negation of `_no_unit_at`)."""
    return token.lower() in _unit_prefixes() or token.lower() in _CLOSING or not token.isascii()


def _longest_surface(v: TokenView, k: int) -> int:
    """How many tokens from k a unit surface may span: the linked run, cut to one token
    when the first two (ASCII, not a bracket) begin no lexicon surface, by the reasoning
    of `_no_unit_at` (`units.lookup` only collapses blanks and folds case)."""
    m = v.chain(k, _LONGEST_UNIT - 1)
    if (
        m
        and v.low[k] not in _CLOSING
        and not _may_open_surface(v.text[v.start_of[k] : v.end_of[k + 1]])
    ):
        return 1
    return m + 1


@functools.lru_cache(maxsize=4096)
def _may_open_surface(two: str) -> bool:
    """Two tokens written `two` may begin a lexicon surface (always when not ASCII)."""
    return not two.isascii() or " ".join(two.split()).lower() in _unit_prefixes()


@functools.cache
def _unit_prefixes() -> frozenset[str]:
    """Every prefix of every lower-cased surface `units.lookup` knows."""
    t = units.table()
    keys = {*t["symbols"], *t["folded"], *t["units"]}
    keys |= {key.lower() for key in keys}
    return frozenset(key[:m] for key in keys for m in range(1, len(key) + 1))


def _unit_ok(v: TokenView, info: units.UnitInfo, k: int, last: int) -> bool:
    """Tokens k..last really are the unit `info` here, not part of a code or a word."""
    nxt = last + 1
    if info.kind == "noun" and noun_compound(v, last):
        return False
    if nxt < v.n and v.glued(last, nxt) and v.kind_of[nxt] in ("num", "code", "word"):
        return False
    if (
        nxt + 1 < v.n
        and v.low[nxt] in "-/"
        and v.glued(last, nxt)
        and v.glued(nxt, nxt + 1)
        and (v.kind_of[nxt + 1] in ("num", "code") or (info.kind != "unit" and v.low[nxt] == "-"))
    ):
        return False
    if (
        v.low[k] == "in"
        and last == k
        and nxt < v.n
        and v.near(last, nxt)
        and _in_is_preposition(v, nxt)
    ):
        return False
    if v.text_of[k] in ('"', "”") and _inside_quotes(v, v.start_of[k]):
        return False
    text = v.text_of[k]
    return info.kind != "noun" or not text[:1].isupper() or text.isupper()


def _in_is_preposition(v: TokenView, nxt: int) -> bool:
    """ "in" (inches) followed by token nxt reads as the preposition ("5 in May", "2 in
    total", "5 million in funding"): inches only before a mark ("2 in.", "2 in, 3 in")
    or a measure word ("2 in thick")."""
    if v.kind_of[nxt] == "punct":
        return v.text_of[nxt] in ("$", "€", "£")
    return v.low[nxt] not in v.cue["inch_measure_words"]


def _inside_quotes(v: TokenView, pos: int) -> bool:
    """True if an opening quotation mark on the same line is still open at `pos`."""
    line = v.text[max(v.line_start(pos), pos - 300) : pos]
    return line.count('"') % 2 == 1 or line.count("“") > line.count("”")
