"""Whose figure a quantity is, inside one document: the part it is about ("Dairy
net sales", "the Beverages segment, where net sales…") and the years it stands under
(its heading's, or for a list item its lead line's: "For fiscal 2026 … expects:").

internal-quantity-conflict (FC103) compares two figures only when both are about the
whole or about parts that share a name, and when their years, where both are known,
overlap: a segment's growth is not the group's, nor next year's outlook last year's.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, cached_property

from factcheck.corpus import DocInput
from factcheck.extract.quantity_cues import cues
from factcheck.model import Block, Claim, Segmentation

# A part noun marks a part of the whole even unnamed ("the division's revenue").
_PART_NOUNS = frozenset({"segment", "segments", "division", "divisions", "subsidiary"})
# These mark a part only after a name: "the Northern region", "its Beverages business"
# ("the region" alone is often the whole area a release is about).
_NAMED_PART_NOUNS = frozenset(
    {"unit", "units", "business", "businesses", "region", "regions", "district", "districts",
     "borough", "ward", "arm", "branch", "brand", "brands", "department", "operations",
     "neighbourhood", "neighborhood", "province", "county", "portfolio", "channel"}
)  # fmt: skip
# Lower-case words that name a part of a whole before the measured noun.
_PART_ADJECTIVES = frozenset(
    {"international", "domestic", "overseas", "foreign", "northern", "southern", "eastern",
     "western", "regional", "european", "american", "asian", "african", "export"}
)  # fmt: skip
# "Revenue in Mexico", "sales across Europe": the place a figure is counted in.
_PLACE_PREPOSITIONS = frozenset({"in", "across", "from"})
# Words between a part's name and the measured noun ("Dairy net sales").
_MEASURE_WORDS = frozenset(
    {"net", "gross", "organic", "adjusted", "reported", "annual", "comparable", "underlying",
     "operating", "quarterly", "full-year", "like-for-like", "same-store", "total"}
)  # fmt: skip
# Words that say the figure is the whole's: never a part's name.
_WHOLE_WORDS = frozenset(
    {"group", "company", "consolidated", "overall", "global", "worldwide", "combined", "firm",
     "corporate", "the", "a", "an", "its", "their", "our", "this", "that", "these", "each",
     "every", "all", "record", "new"}
)  # fmt: skip

# Clause breaks inside a sentence: the figures on either side belong to different subjects.
_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|but)\b|\s(?:and|while|whereas)\s")
_WORD = re.compile(r"[A-Za-z][\w&'’-]*")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@cache
def _attribute_cue(attribute: str) -> re.Pattern[str] | None:
    """The cue words of one attribute (see data/quantity_cues.yaml), as one pattern."""
    words = sorted((w for w, a in cues()["attr"].items() if a == attribute), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _clause_before(claim: Claim) -> tuple[str, bool]:
    """The words of the figure's clause before it, and whether they open the sentence."""
    before = claim.sentence.text[: max(0, claim.span.start - claim.sentence.start)]
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    return (before[starts[-1] :], False) if starts else (before, True)


def _title_case(text: str) -> bool:
    """A headline in title case: capitals there name nothing."""
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) / len(words) > 0.6


def _bare(word: str) -> tuple[str, bool]:
    """The word lower-cased without a possessive ending, and whether it had one."""
    low = word.lower()
    if "'" not in low and "’" not in low:
        return low, False
    for ending in ("'s", "’s", "'", "’"):
        if low.endswith(ending):
            return low[: -len(ending)], True
    return low, False


def qualifier(claim: Claim, whole_names: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words naming the part a figure is about, lower-cased; empty for the whole.

    From the figure's clause, before it: a name before a part noun ("the Beverages
    segment, where net sales rose 7.8%"), a part noun alone ("the division's
    revenue"), or names and part adjectives right before the measured noun
    ("Dairy net sales", "international revenue"). Capitalised words in
    `whole_names` (the document's own names), possessive names ("Acme's
    revenue"), the sentence's first word and words of a title-case headline are
    not parts' names.
    """
    clause, opens_sentence = _clause_before(claim)
    words = _WORD.findall(clause)
    # Words never naming a part; None when no capitalised word names one (headline).
    not_names = None if _title_case(claim.sentence.text) else _WHOLE_WORDS | whole_names

    def is_name(i: int) -> bool:
        bare, possessive = _bare(words[i])
        return (
            not_names is not None
            and words[i][:1].isupper()
            and not possessive
            and not (opens_sentence and i == 0)
            and bare not in not_names
        )

    found: set[str] = set()
    for i, word in enumerate(words):
        bare, _ = _bare(word)
        if bare not in _PART_NOUNS and bare not in _NAMED_PART_NOUNS:
            continue
        j = i - 1
        while j >= 0 and i - j <= 3 and is_name(j):
            found.add(words[j].lower())
            j -= 1
        if j == i - 1 and bare in _PART_NOUNS:
            found.add(bare.rstrip("s"))
    cue = _last_cue(claim, clause)
    if cue is None:
        return frozenset(found)
    at_cue = len(_WORD.findall(clause[:cue]))
    j = at_cue - 1
    while j >= 0 and at_cue - j <= 4:
        bare, possessive = _bare(words[j])
        if bare in _MEASURE_WORDS:
            j -= 1
            continue
        if bare in _PART_ADJECTIVES or is_name(j):
            found.add(bare)
        elif possessive and bare in _PART_NOUNS:
            found.add(bare.rstrip("s"))
            break
        else:
            break
        j -= 1
    # "Sales in Mexico grew 5%": a place named between the measured noun and the figure.
    for k in range(at_cue + 1, len(words) - 1):
        if words[k].lower() in _PLACE_PREPOSITIONS and is_name(k + 1):
            found.add(_bare(words[k + 1])[0])
    return frozenset(found)


def _last_cue(claim: Claim, clause: str) -> int | None:
    """Where the last cue word of the figure's attribute starts in `clause`."""
    pattern = _attribute_cue(claim.attribute or "")
    start = None
    for m in pattern.finditer(clause) if pattern else ():
        start = m.start()
    return start


def _qualifiers_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both about the whole, or about parts that share a name."""
    return a == b or bool(a & b)


def _years(text: str) -> frozenset[str]:
    return frozenset(_YEAR.findall(text))


class FigureScope:
    """Per document: whose figure each claim is (its qualifier) and which years it
    stands under (its heading's, or for a list item its lead's: "… expects:")."""

    def __init__(self, doc: DocInput) -> None:
        self._doc = doc
        self._qualifiers: dict[str, frozenset[str]] = {}

    @cached_property
    def _block_of(self) -> dict[int, int]:
        return {s.start: s.block for s in self._doc.segmentation.sentences}

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return sorted(self._block_of)

    @cached_property
    def _frames(self) -> list[frozenset[str]]:
        return _block_frames(self._doc.document.text, self._doc.segmentation.blocks)

    @cached_property
    def _whole_names(self) -> frozenset[str]:
        return _whole_names(self._doc.document.text, self._doc.segmentation)

    def same_subject(self, a: Claim, b: Claim) -> bool:
        """Could the two figures be about the same thing in the same years?"""
        ya, yb = self._years_of(a), self._years_of(b)
        if ya and yb and not ya & yb:
            return False
        return _qualifiers_agree(self._qualifier(a), self._qualifier(b))

    def _qualifier(self, claim: Claim) -> frozenset[str]:
        if claim.id not in self._qualifiers:
            self._qualifiers[claim.id] = qualifier(claim, self._whole_names)
        return self._qualifiers[claim.id]

    def _years_of(self, claim: Claim) -> frozenset[str]:
        if claim.time:
            return frozenset({claim.time[:4]})
        block = self._block_of.get(claim.sentence.start)
        if block is None:
            i = bisect.bisect_right(self._sentence_starts, claim.sentence.start) - 1
            block = self._block_of[self._sentence_starts[i]] if i >= 0 else None
        return self._frames[block] if block is not None else frozenset()


def _whole_names(text: str, seg: Segmentation) -> frozenset[str]:
    """The capitalised words of the document's opening sentence (after a title, the
    title's too): the names of the whole it is about, never of a part."""
    first = seg.blocks[seg.sentences[0].block].kind if seg.sentences else None
    opening = seg.sentences[: 2 if first == "heading" else 1]
    return frozenset(
        w.lower() for s in opening for w in _WORD.findall(text[s.start : s.end]) if w[:1].isupper()
    )


def _block_frames(text: str, blocks: list[Block]) -> list[frozenset[str]]:
    """The years each block stands under: a list item its lead's ("For 2026 we
    expect:"), else the years of the nearest heading above; headings their own."""
    frames: list[frozenset[str]] = []
    heading: frozenset[str] = frozenset()
    lead: frozenset[str] | None = None
    for block in blocks:
        words = text[block.start : block.end]
        if block.kind == "heading":
            heading, lead = _years(words), None
            frames.append(heading)
        elif block.kind == "list_item":
            frames.append(lead if lead else heading)
        else:
            lead = _years(words) if words.rstrip().endswith(":") else None
            frames.append(heading)
    return frames
