"""From a read quantity to a RawClaim: the attribute it measures ("capacity",
"investment", "jobs"), taken from the nearest cue word around it in its sentence, or
from the default attribute of its dimension."""

from __future__ import annotations

import functools
import re

from factcheck.extract.base import RawClaim
from factcheck.extract.quantity_cues import cues
from factcheck.extract.quantity_draft import Draft


@functools.cache
def _cue_pattern() -> re.Pattern[str]:
    """Any attribute cue word, longest first. The alternatives are grouped by their first
    letter ("c(?:apacity|ost|...)"), which matches the same but tries far fewer of them."""
    by_initial: dict[str, list[str]] = {}
    for w in sorted(cues()["attr"], key=len, reverse=True):
        by_initial.setdefault(w[0], []).append(re.escape(w[1:]))
    alts = "|".join(re.escape(c) + "(?:" + "|".join(ws) + ")" for c, ws in by_initial.items())
    return re.compile(r"\b(?:" + alts + r")\b", re.IGNORECASE)


@functools.cache
def _lower_cue_pattern() -> re.Pattern[str] | None:
    """`_cue_pattern` without IGNORECASE (about three times faster), for lower-cased ASCII
    text, where it matches the same; None if a cue word is not lower-case ASCII."""
    attr = cues()["attr"]
    if not all(w.isascii() and w == w.lower() for w in attr):
        return None
    return re.compile(_cue_pattern().pattern)


def _cues_between(text: str, a: int, b: int, first: bool, dimension: str) -> str | None:
    """The first (else the last) attribute cue word in text[a:b], lower-cased, among
    those naming an attribute a figure of `dimension` can have."""
    low_pattern = _lower_cue_pattern()
    # One character before `a` is kept, so that `\b` at `a` sees what precedes it.
    pos = 1 if a > 0 else 0
    window = text[a - pos : b]
    if low_pattern is not None and window.isascii():
        text, pattern, a, b = window.lower(), low_pattern, pos, len(window)
    else:
        pattern = _cue_pattern()
    attr, only = cues()["attr"], cues()["attribute_dimensions"]
    found = None
    for m in pattern.finditer(text, a, b):
        word = m.group(0).lower()
        if dimension in only.get(attr[word], (dimension,)):
            if first:
                return word
            found = word
    return found


def attribute(text: str, q: Draft, left: int, right: int) -> str | None:
    """The attribute of q: counted nouns and areas by their dimension, else the last cue
    word in text[left:q.start], else the first in text[q.end:right], else the default.
    Cues naming an attribute that figures of q's dimension cannot have ("share" for
    money: "earnings per share were $3.41") are passed over."""
    defaults = cues()["attribute_defaults"]
    if q.dimension in defaults and (q.dimension.startswith("count:") or q.dimension == "area"):
        return defaults[q.dimension]
    before = _cues_between(text, left, q.start, first=False, dimension=q.dimension)
    if before:
        return cues()["attr"][before]
    after = _cues_between(text, q.end, right, first=True, dimension=q.dimension)
    if after:
        return cues()["attr"][after]
    return defaults.get(q.dimension)


def to_claim(text: str, q: Draft, left: int, right: int) -> RawClaim:
    """The quantity claim of q; `left` and `right` bound where its attribute cue may be."""
    noun, modifier = q.noun, q.modifier and q.modifier.lower()
    extra: tuple[str, ...] = tuple(filter(None, (noun, modifier)))
    return RawClaim(
        kind="quantity",
        start=q.start,
        end=max(q.end, q.start + 1),
        value=q.to_value(),
        attribute=attribute(text, q, left, right),
        time=q.time,
        extra_context=extra,
    )


def is_default_attribute(dimension: str, attribute: str | None) -> bool:
    """True when `attribute` says no more than the dimension does ("area" for an area)."""
    return attribute is not None and cues()["attribute_defaults"].get(dimension) == attribute
