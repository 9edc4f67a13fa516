"""Numbers read that are not quantity claims: codes glued to letters ("A390", "COVID-19"),
clock times ("5 pm"), list and heading numbering, labels ("Section 2"), names ("France
2030", "Line 3 opens"), versions ("5.0"), years in date context or naming a price base
("2012 prices"), day numbers next to a month, parts of a period ("the second half"), and
"one" used as a pronoun. Protected spans (URLs, phones, dates) are skipped first."""

from __future__ import annotations

import functools
import re

from factcheck.extract.quantity_bounds import price_base_year
from factcheck.extract.quantity_draft import Draft
from factcheck.extract.quantity_view import TokenView

_GLUED_CODE_MARKS = "-/.+#_"
_LIST_MARKERS = " \t#>*-"
_CLOCK_INITIALS = frozenset("aApP")
_MAX_BRACKETED_NOTE = 30  # "(3)" is a note or list number below this


@functools.cache
def _clock_suffix_re() -> re.Pattern[str]:
    return re.compile(r"\s?(?:[ap]\.?m\b\.?|[ap]\.m\.)", re.I)


@functools.cache
def _version_re() -> re.Pattern[str]:
    return re.compile(r"\d+\.0")


def skip(v: TokenView, q: Draft) -> bool:
    """True when the number read is not a quantity claim (see the module docstring)."""
    if v.is_protected(v.start_of[q.j]) or _glued_code(v, q) or _clock_time(v, q):
        return True
    return (
        _layout_number(v, q)
        or _named(v, q)
        or _date_part(v, q)
        or _pronoun(v, q)
        or _period_part(v, q)
    )


_PERIOD_PARTS = frozenset({"half", "quarter"})


def _period_part(v: TokenView, q: Draft) -> bool:
    """ "half" or "quarter" after an ordinal: "the second half", "the final quarter"."""
    j = q.j
    return (
        q.words
        and q.kn == j + 1
        and v.low[j] in _PERIOD_PARTS
        and j > 0
        and v.low[j - 1] in v.cue["period_ordinals"]
        and v.near(j - 1, j)
    )


def _glued_code(v: TokenView, q: Draft) -> bool:
    """The number is glued to a word, code or number before or after it ("A390", "3x")."""
    j, kn = q.j, q.kn
    if j > 0 and v.glued(j - 1, j) and not q.currency_prefix:
        if v.kind_of[j - 1] in ("word", "code", "num"):
            return True
        if (
            v.low[j - 1] in _GLUED_CODE_MARKS
            and j > 1
            and v.glued(j - 2, j - 1)
            and v.kind_of[j - 2] != "punct"
        ):
            return True
    return (
        kn < v.n
        and v.glued(kn - 1, kn)
        and not q.has_unit
        and (v.kind_of[kn] in ("word", "code", "num") or v.low[kn] in ("/", "@"))
    )


def _clock_time(v: TokenView, q: Draft) -> bool:
    """ "5 pm", "10 a.m.", "3 o'clock"."""
    end = v.end_of[q.kn - 1]
    if _clock_suffix_may_follow(v.text, end) and _clock_suffix_re().match(v.text[end : end + 5]):
        return True
    kn = q.kn
    return kn < v.n and v.low[kn] in v.cue["clock_words"] and v.near(kn - 1, kn)


def _clock_suffix_may_follow(text: str, end: int) -> bool:
    """An "a"/"p" stands at `end`, or after one blank there: `_clock_suffix_re` needs it."""
    c = text[end : end + 1]
    if c.isspace():
        c = text[end + 1 : end + 2]
    return c in _CLOCK_INITIALS


def _layout_number(v: TokenView, q: Draft) -> bool:
    """List numbering ("2. ", "3) "), heading numbers, bracketed notes ("(3)")."""
    j, kn = q.j, q.kn
    if _marks_only_before(v, q) and _list_or_heading_number(v, q):
        return True
    if not q.has_unit and j > 0 and v.low[j - 1] == "(" and kn < v.n and v.low[kn] == ")":
        return q.value < _MAX_BRACKETED_NOTE and float(q.value).is_integer()
    return False


def _marks_only_before(v: TokenView, q: Draft) -> bool:
    """Only list markers (or nothing) stand between the line start and the quantity: a
    quick test that walks back from the quantity, not forward from the line start."""
    text, a = v.text, v.start_of[q.first]
    line = v.line_start(v.start_of[q.j])
    while a > line and text[a - 1] in _LIST_MARKERS:
        a -= 1
    return a <= line


def _list_or_heading_number(v: TokenView, q: Draft) -> bool:
    """ "2. " or "3) " opening a list item, or a number in a "#" heading."""
    kn = q.kn
    lead = v.text[v.line_start(v.start_of[q.j]) : v.start_of[q.first]]
    if (
        not lead.strip(_LIST_MARKERS)
        and kn < v.n
        and v.low[kn] in (".", ")")
        and v.glued(kn - 1, kn)
        and v.text[v.end_of[kn] : v.end_of[kn] + 1].isspace()
    ):
        return True
    return lead.lstrip().startswith("#") and not lead.strip(" \t#")


def _named(v: TokenView, q: Draft) -> bool:
    """Labels ("Section 2", "No. 5"), names ("France 2030", "Voyager 2"), versions ("5.0")."""
    j = q.j
    p = j - 1
    if p >= 0 and v.low[p] == "." and p > 0 and v.glued(p - 1, p):
        p -= 1
    if p >= 0 and v.kind_of[p] == "word" and v.linked(p, p + 1):
        w = v.low[p]
        if w in v.cue["labels"] and (w != "no" or p != j - 1):
            return True
        capital = v.text_of[p][0].isupper() and w not in v.cue["prefix_ok"]
        if capital and not q.has_unit and not q.words and p == j - 1 and w not in v.cue["months"]:
            return True
        if capital and p == j - 1 and _label_before_noun(v, q, p):
            return True
    unitless = not q.has_unit or q.noun
    return bool(unitless and q.scale == 1 and _version_re().fullmatch(v.text_of[j]))


_LABEL_NUMBER_LIMIT = 1000


def _label_before_noun(v: TokenView, q: Draft, p: int) -> bool:
    """A capitalised label noun (`name_labels`) right before a small whole number names
    it even when a plural word follows, which is then a verb: "Line 3 opens", "Building
    4 houses the labs". Other capitalised words are no evidence ("Another 300 recruits")."""
    if q.noun is None or q.words or q.scale != 1 or v.text_of[p].isupper():
        return False
    number = v.text_of[q.j]
    return (
        v.low[p] in v.cue["name_labels"] and number.isdigit() and int(number) < _LABEL_NUMBER_LIMIT
    )


def _date_part(v: TokenView, q: Draft) -> bool:
    """Years in date context or naming a price base ("2012 prices"), and day numbers next
    to a month name."""
    j, kn = q.j, q.kn
    if q.scale == 1 and kn == j + 1 and price_base_year(v, j) and not q.currency_prefix:
        return True
    prev = v.low[j - 1] if j > 0 else ""
    physical = q.has_unit and not q.noun
    if v.year_like(j) and q.scale == 1 and not physical and kn == j + 1:
        if q.bound == "range" and not q.has_unit:
            return True
        if prev in v.cue["date_prepositions"] or prev in v.cue["months"] or prev == ",":
            return True
        if not q.noun and q.bound == "exact":
            return True
    t = v.text_of[j]
    if (
        v.kind_of[j] == "num"
        and t.isdigit()
        and len(t) <= 2
        and 1 <= int(t) <= 31
        and not q.has_unit
    ):
        return _day_of_month(v, q, prev)
    return False


def _day_of_month(v: TokenView, q: Draft, prev: str) -> bool:
    """The day number at q.j stands next to a month name ("May 5", "5 June")."""
    j, kn = q.j, q.kn
    months = v.cue["months"]
    p = j - 2 if prev == "." and j > 1 else j - 1
    if p >= 0 and v.low[p] in months and v.linked(p, p + 1):
        return v.text_of[p][0].isupper() or v.low[p] != "may" or v.year_like(min(kn + 1, v.n - 1))
    return kn < v.n and v.low[kn] in months and v.near(kn - 1, kn)


def _pronoun(v: TokenView, q: Draft) -> bool:
    """ "one" as a pronoun ("one of the", "the one that"), not a count."""
    if not q.words or v.low[q.j] != "one" or q.kn != q.j + 1 or q.has_unit:
        return False
    if q.bound == "exact":
        return True
    prev = v.low[q.j - 1] if q.j > 0 else ""
    nxt = v.low[q.kn] if q.kn < v.n else ""
    return prev in v.cue["one_pronoun_before"] or nxt in v.cue["one_pronoun_after"] or nxt == ""
