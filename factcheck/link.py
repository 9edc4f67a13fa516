"""Linking: find the claims of two documents that speak of the same thing.

Claims are first put into blocks by a key that must match exactly (kind,
dimension, counted noun, time qualifier); only claims inside the same block are
scored against each other, with rapidfuzz on their context words, attribute and
subject. Cost grows with the sizes of the blocks, never with all pairs of the
corpus, and `LinkStats` counts the comparisons so tests can check that.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from factcheck.model import Claim

BlockKey = Callable[[Claim], Hashable | None]


@dataclass(frozen=True)
class Link:
    claim: Claim  # the claim being checked
    other: Claim  # the claim it was aligned with
    score: float  # 0..1 context similarity


@dataclass
class LinkStats:
    comparisons: int = 0
    blocks: int = 0
    largest_block: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


@lru_cache(maxsize=4096)
def _context_words(context: tuple[str, ...]) -> str:
    """A claim's context words, deduplicated and sorted (a claim is scored many times)."""
    return " ".join(sorted(set(context)))


def context_score(a: Claim, b: Claim) -> float:
    """How plausibly two claims are about the same thing, from 0 to 1."""
    words_a, words_b = _context_words(tuple(a.context)), _context_words(tuple(b.context))
    score = fuzz.token_set_ratio(words_a, words_b) / 100 if words_a and words_b else 0.3
    if a.attribute and b.attribute:
        score += 0.25 if a.attribute == b.attribute else -0.25
    if a.subject and b.subject and fuzz.token_set_ratio(a.subject, b.subject) >= 90:
        score += 0.1
    return max(0.0, min(1.0, score))


NEAR_WORDS = 3  # content words read each side of a figure for `near_score`
_NEAR_REACH = 60  # characters read each side: enough for three words, bounded on long sentences
_NOT_LABELS = frozenset(
    {"thousand", "million", "billion", "trillion", "bn", "mn", "m", "k", "per", "cent", "percent"}
)


_ITEM_BREAK = re.compile(r"[,;:](?!\d)|[()–—]|\b(?:and|or|while|whereas|but|with)\b", re.IGNORECASE)


@lru_cache(maxsize=16384)
def _near_weights(before: str, after: str) -> tuple[tuple[str, float], ...]:
    """Content words next to a figure, weighted 1/distance (the nearest word weighs 1)."""
    from factcheck.extract.base import content_words

    weights: dict[str, float] = {}
    sides = (reversed(content_words(before)), iter(content_words(after)))
    for words in sides:
        distance = 0
        for word in words:
            if word in _NOT_LABELS:
                continue
            distance += 1
            if distance > NEAR_WORDS:
                break
            weights[word] = max(weights.get(word, 0.0), 1.0 / distance)
    return tuple(sorted(weights.items()))


def near_words(claim: Claim) -> dict[str, float]:
    """The words right next to a claim in its sentence, weighted by closeness.

    Two figures of one sentence share their context words ("X gives £30 million and
    Y £15 million"); the words next to each tell them apart."""
    sentence = claim.sentence
    lo = claim.span.start - sentence.start
    hi = claim.span.end - sentence.start
    if not sentence.text or lo < 0 or hi > len(sentence.text):
        return {}
    text = sentence.text
    before = text[max(0, lo - _NEAR_REACH) : lo]
    after = text[hi : hi + _NEAR_REACH]
    # Words beyond a list break label the next item: in "X gives £30 million and Y
    # £15 million", "Y" is not a word of "£30 million".
    breaks = list(_ITEM_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    cut = _ITEM_BREAK.search(after)
    if cut:
        after = after[: cut.start()]
    return dict(_near_weights(before, after))


def near_score(a: Claim, b: Claim) -> float:
    """How much the words next to the two claims agree, from 0 to 1 (weighted overlap)."""
    wa, wb = near_words(a), near_words(b)
    if not wa or not wb:
        return 0.0
    shared = sum(min(w, wb[word]) for word, w in wa.items() if word in wb)
    return shared / min(sum(wa.values()), sum(wb.values()))


def block(claims: Iterable[Claim], key: BlockKey) -> dict[Hashable, list[Claim]]:
    """Group claims by block key; claims whose key is None are left out."""
    blocks: dict[Hashable, list[Claim]] = defaultdict(list)
    for claim in claims:
        k = key(claim)
        if k is not None:
            blocks[k].append(claim)
    return blocks


def candidates(
    checked: Iterable[Claim] | Mapping[Hashable, list[Claim]],
    others: Iterable[Claim] | Mapping[Hashable, list[Claim]],
    key: BlockKey,
    *,
    stats: LinkStats | None = None,
    window: int | None = None,
) -> Iterator[tuple[Claim, list[Claim]]]:
    """Each checked claim with a block key, and the claims of `others` in its block.

    Either side may be given already blocked by `key` (see `DocInput.blocks`). With a
    `window`, only the `window` candidates nearest in text order are given. The
    candidate lists may include the claim itself and are shared: do not change them.
    """
    other_blocks = others if isinstance(others, Mapping) else block(others, key)
    checked_blocks = checked if isinstance(checked, Mapping) else block(checked, key)
    for k, group in checked_blocks.items():
        found = other_blocks.get(k, [])
        limited = window is not None and len(found) > window
        if limited:
            found = sorted(found, key=_start)
        if stats is not None:
            _count(stats, group, found, window)
        if not limited:
            for claim in group:
                yield claim, found
            continue
        starts = [c.span.start for c in found]
        for claim in group:
            yield claim, _nearest(found, starts, claim, window or 0)


def _start(claim: Claim) -> int:
    return claim.span.start


def _count(stats: LinkStats, group: list[Claim], found: list[Claim], window: int | None) -> None:
    stats.blocks += 1
    stats.largest_block = max(stats.largest_block, len(group) + len(found))
    n = len(group) * (len(found) if window is None else min(len(found), window))
    stats.comparisons += n
    kind = group[0].kind
    stats.by_kind[kind] = stats.by_kind.get(kind, 0) + n


def _rank(scored: tuple[float, Claim]) -> tuple[float, int]:
    return -scored[0], scored[1].span.start


def align(
    checked: Iterable[Claim],
    others: Iterable[Claim],
    key: BlockKey,
    *,
    threshold: float = 0.0,
    stats: LinkStats | None = None,
    score: Callable[[Claim, Claim], float] = context_score,
    window: int | None = None,
) -> dict[str, list[Link]]:
    """For each checked claim, the claims of `others` in its block, best first.

    Only links scoring at least `threshold` are kept. Keys are claim ids. With a
    `window`, a claim is scored only against the `window` candidates of its block
    nearest to it in text order (bounds the cost on huge, repetitive documents).
    """
    result: dict[str, list[Link]] = {}
    for claim, near in candidates(checked, others, key, stats=stats, window=window):
        cid = claim.id
        scored = [(s, o) for o in near if o.id != cid and (s := score(claim, o)) >= threshold]
        scored.sort(key=_rank)
        result[cid] = [Link(claim, o, s) for s, o in scored]
    return result


def _nearest(candidates: list[Claim], starts: list[int], claim: Claim, window: int) -> list[Claim]:
    """The `window` candidates (sorted by offset) nearest to `claim` in text order."""
    i = bisect_left(starts, claim.span.start)
    low = max(0, min(i - window // 2, len(candidates) - window))
    return candidates[low : low + window]


# The role of a figure in a change: "from 20 GWh to 55 GWh", "up from 20 GWh".
# "close to", "equal to"... state a size, not where a change ends.
_CHANGE_ROLE = re.compile(
    r"(?<![\w-])(?:(?P<not_to>close|closer|equal|equivalent|similar|compared|next|due|according)\s+)?"
    r"(?P<role>from|to)\s+(?:(?:about|around|roughly|nearly|almost|approximately|some|just)\s+)?$",
    re.IGNORECASE,
)
_ROLE_REACH = 40  # characters read before a figure for its role


def change_role(claim: Claim) -> str | None:
    """'from' when the claim is where a change starts ("up from 20 GWh"), 'to' when it
    is where it ends ("capacity rises to 60 GWh"), else None."""
    sentence = claim.sentence
    lo = claim.span.start - sentence.start
    if not sentence.text or lo <= 0 or lo > len(sentence.text):
        return None
    found = _CHANGE_ROLE.search(sentence.text, max(0, lo - _ROLE_REACH), lo)
    if found is None or found.group("not_to"):
        return None
    return found.group("role").lower()


def roles_conflict(a: Claim, b: Claim) -> bool:
    """One claim is where a change starts, the other where one ends: not one figure."""
    role_a = change_role(a)
    return role_a is not None and (role_b := change_role(b)) is not None and role_a != role_b


# "per share", "per-share", "per head" (not a period: "per year" is a rate).
_PER_THING = r"per[\s-]+(?!cent\b|centum\b|annum\b|year\b|month\b|week\b|day\b|hour\b|quarter\b)\w"
_PER_UNIT_BEFORE = re.compile(rf"(?<![\w-])(?:{_PER_THING}|eps\b|dps\b)", re.IGNORECASE)
_PER_UNIT_AFTER = re.compile(
    rf"\s*(?:{_PER_THING}|(?:a|an|each)\s+(?:share|unit|head|person|barrel|gallon|tonne|ton"
    r"|litre|liter|ounce|piece|seat|ticket)\b|each\b)",
    re.IGNORECASE,
)
_PER_UNIT_WORDS_BEFORE = 5  # "earnings per diluted share were $3.41": the label is close


def per_unit(claim: Claim) -> bool:
    """Is the figure an amount per share, per unit or per person ("$0.62 per share",
    "diluted earnings per share were $3.41", "EPS of $3.87"), not a total?"""
    sentence = claim.sentence
    lo = claim.span.start - sentence.start
    hi = claim.span.end - sentence.start
    text = sentence.text
    if not text or lo < 0 or hi > len(text):
        return False
    if _PER_UNIT_AFTER.match(text, hi, min(len(text), hi + _NEAR_REACH)):
        return True
    before = text[max(0, lo - _NEAR_REACH) : lo]
    breaks = list(_ITEM_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    words = before.split()[-_PER_UNIT_WORDS_BEFORE:]
    return bool(words) and _PER_UNIT_BEFORE.search(" ".join(words)) is not None
