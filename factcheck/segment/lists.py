"""Lists of names inside a sentence: "banks including A, B (C) created by D and E".

A list starts after a lead-in word ("including", "such as", "alongside", "by",
"with", "a syndicate of", ...), a colon or a dash ("four lenders — A, B and C —"),
and runs over items separated by commas, semicolons, "and", "or" and "as well as".
An item is a name: an optional "the", a capitalised word, more capitalised words
or acronyms joined by connectors (of, de, et, &, ...), up to three lower-case
descriptor words ("the Dunkirk urban community") and a parenthesised expansion or
acronym, which stays attached. A clause after the name ("created by X", "through
a guarantee", "under the plan") is skipped and is NOT part of the item. The list
ends at the sentence end, at a dash or before a part that is not a name (", for a
total ...", ", which ..."). "and" inside a name ("Australia and New Zealand
Banking Group") is kept when a further list item follows the next comma, or when
a parenthesised acronym after the name stands for all of it ("UK Research and
Innovation (UKRI)"); otherwise it separates the last item. A list has two items
or more, three after a dash. Sentences never cross a blank line, so neither do
lists.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from factcheck.model import NameList, Sentence
from factcheck.normalise.acronyms import abbreviates, looks_like_acronym
from factcheck.normalise.places import default_places
from factcheck.segment.list_leads import (
    DASHES,
    PUNCT_LEADS,
    is_capitalised,
    lead_matches,
    lead_re,
    lead_starts,
    may_lead,
    mentions_financing,
    org_vocab,
    token_re,
)
from factcheck.segment.sentences import abbreviations, is_dotted

__all__ = ["find_lists", "is_capitalised", "lists_in_sentence", "org_vocab"]

_MAX_ITEM_TOKENS = 24
# A dash opens many things besides a list ("Acme – French and International Media
# Contact"): only a run of three names or more after one counts as a list.
_MIN_DASH_ITEMS = 3
# "from" opens names that hold "and" more often than lists ("funding from the
# National Recovery and Resilience Plan") and lists of places ("visitors from
# France, Spain and Italy"): after it, only three names or more, none of them a
# place, in a sentence about financing, count ("debt comes from A, B and C").
_FINANCING_LEADS = frozenset({"from"})
_MAX_ITEMS = 200
_MAX_PAREN_TOKENS = 16
_SEPARATORS = frozenset({",", ";"})
_ENDS = frozenset({".", "!", "?", ":", ")", "…"}) | DASHES
_VERB_LIKE = frozenset(
    ["said", "says", "say", "told", "noted", "added", "stated", "announced", "explained"]
)


@cache
def _stopwords() -> frozenset[str]:
    from factcheck.extract.base import STOPWORDS

    return STOPWORDS


class _Parser:
    """Parses list items from a token sequence of one sentence."""

    def __init__(self, starts: list[int], ends: list[int], words: list[str]) -> None:
        self.starts = starts
        self.ends = ends
        self.words = words
        self.n = n = len(words)
        self.v = org_vocab()
        self.next_sep = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            self.next_sep[i] = i if words[i] in _SEPARATORS else self.next_sep[i + 1]

    def word(self, i: int) -> str:
        return self.words[i] if i < self.n else ""

    def name_start(self, i: int) -> bool:
        if self.word(i).lower() == "the":
            i += 1
        return is_capitalised(self.word(i))

    def and_joins(self, i: int, first: int) -> bool:
        """Whether "and" at `i` stands inside a name that starts at `first` rather
        than between items."""
        if self.word(i + 1).lower() == "the" or not is_capitalised(self.word(i + 1)):
            return False
        sep = self.next_sep[i]
        return (sep < self.n and self.name_start(sep + 1)) or self.acronym_spans(first, i)

    def acronym_spans(self, first: int, i: int) -> bool:
        """Whether a "(ACRONYM)" after the capitalised words that follow "and" at `i`
        stands for the whole name from `first`: "UK Research and Innovation (UKRI)"."""
        j = i + 1
        while j - i <= _MAX_PAREN_TOKENS and (
            is_capitalised(self.word(j)) or self.word(j).lower() in ("of", "for", "de", "&")
        ):
            j += 1
        acronym = self.word(j + 1)
        if self.word(j) != "(" or self.word(j + 2) != ")" or not looks_like_acronym(acronym):
            return False
        if self.word(first).lower() == "the":
            first += 1
        return abbreviates(acronym, self.words[first:j])

    def connector_run(self, i: int, first: int) -> int:
        """Index after a run of connectors followed by a capitalised word, else i
        (`first`: where the name started)."""
        j = i
        while j - i < 3 and self.word(j).lower() in self.v.connectors:
            if self.word(j).lower() == "and" and not self.and_joins(j, first):
                return i
            j += 1
        return j if j > i and is_capitalised(self.word(j)) else i

    def descriptor(self, i: int) -> bool:
        w = self.word(i)
        low = w.lower()
        return (
            w.isalpha()
            and w.islower()
            and low not in _stopwords()
            and low not in self.v.clause_starters
            and low not in _VERB_LIKE
            and low not in self.v.not_descriptors
            and not low.endswith(("ed", "ing", "ly"))
        )

    def boundary(self, i: int) -> bool:
        w = self.word(i)
        return (
            i >= self.n
            or w in _SEPARATORS
            or w in _ENDS
            or w.lower() in ("and", "or")
            or self.as_well_as(i)
        )

    def as_well_as(self, i: int) -> bool:
        return (
            self.word(i).lower() == "as" and self.word(i + 1) == "well" and self.word(i + 2) == "as"
        )

    def item(self, i: int) -> tuple[int, int, int] | None:
        """(first token, last token, next index) of the item at `i`, or None."""
        first = i
        if self.word(i).lower() == "the":
            i += 1
        if not is_capitalised(self.word(i)):
            return None
        last = i
        i += 1
        while i - first < _MAX_ITEM_TOKENS and i < self.n:
            w = self.word(i)
            if is_capitalised(w) or w == "&":
                last, i = i, i + 1
                continue
            if self.initials_dot(i):
                last, i = i + 1, i + 2  # "J.P. Morgan", "Bank J. Safra Sarasin"
                continue
            j = self.connector_run(i, first)
            if j == i:
                break
            last, i = j, j + 1
        if self.abbreviation_dot(i):
            last, i = i, i + 1
        d = i
        while d - i < self.v.max_descriptors and self.descriptor(d):
            d += 1
        if d > i and (self.boundary(d) or self.word(d) == "(" or self.clause(d)):
            last, i = d - 1, d
        if self.word(i) == "(":
            close = self.paren_close(i)
            if close is not None:
                last, i = close, close + 1
        if self.clause(i) and not self.as_well_as(i):
            i = self.next_sep[i]
        elif not self.boundary(i):
            return None
        return first, last, i

    def initials_dot(self, i: int) -> bool:
        """A "." after initials ("J.P", "J") that a further capitalised word of the
        name follows: "J.P. Morgan"."""
        before = self.word(i - 1)
        return (
            self.abbreviation_dot(i)
            and (is_dotted(before) or len(before) == 1)
            and before[:1].isupper()
            and is_capitalised(self.word(i + 1))
        )

    def abbreviation_dot(self, i: int) -> bool:
        """A "." that closes "Inc.", "Ltd.", "N.V.", "J.P." inside the sentence (not its
        last token)."""
        if self.word(i) != "." or i + 1 >= self.n or self.starts[i] != self.ends[i - 1]:
            return False
        before = self.word(i - 1)
        return (
            before.lower() in abbreviations().may_be_final
            or (len(before) == 1 and before.isupper())
            or (before[:1].isupper() and is_dotted(before))
        )

    def clause(self, i: int) -> bool:
        w = self.word(i)
        low = w.lower()
        return w.islower() and (low in self.v.clause_starters or low.endswith("ed"))

    def paren_close(self, i: int) -> int | None:
        for j in range(i + 1, min(self.n, i + _MAX_PAREN_TOKENS)):
            if self.words[j] == "(":
                return None
            if self.words[j] == ")":
                return j if j > i + 1 else None
        return None

    def items(self, i: int) -> list[tuple[int, int]]:
        """Token ranges of the items of a list whose first item starts at `i`."""
        out: list[tuple[int, int]] = []
        while len(out) < _MAX_ITEMS:
            found = self.item(i)
            if found is None:
                break
            first, last, i = found
            out.append((first, last))
            w = self.word(i).lower()
            if w in _SEPARATORS:
                i += 1
                w = self.word(i).lower()
            if w in ("and", "or"):
                i += 1
            elif self.as_well_as(i):
                i += 3
            elif self.word(i - 1) not in _SEPARATORS:
                break
        return out


def lists_in_sentence(
    text: str, start: int, end: int, lead_at: list[int] | None = None
) -> list[NameList]:
    """The name lists inside the sentence `text[start:end]`; `lead_at`, when given, holds
    (sorted) every offset in it where a lead-in can start (`lead_starts`)."""
    found_leads = (
        lead_re().finditer(text, start, end)
        if lead_at is None
        else lead_matches(text, lead_at, end)
    )
    leads = [
        m
        for m in found_leads
        if may_lead(text, m, end)
        and (m.group(0).lower() not in _FINANCING_LEADS or mentions_financing(text[start:end]))
    ]
    if not leads:
        return []  # most sentences: no lead-in before a name, no need to tokenise
    matches = list(token_re().finditer(text, start, end))
    if len(matches) < 3:
        return []
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    parser = _Parser(starts, ends, [m.group() for m in matches])
    index = {a: k for k, a in enumerate(starts)}
    found: list[NameList] = []
    reached = start
    for m in leads:
        k = index.get(m.start())
        if m.start() < reached or k is None:
            continue
        punct = m.group(0) in PUNCT_LEADS
        nxt = k + (1 if punct else len(m.group(0).split()))
        if not punct and parser.word(nxt) == ":":
            nxt += 1
        ranges = parser.items(nxt)
        lead = "—" if m.group(0) in DASHES else " ".join(m.group(0).split()).lower()
        if len(ranges) < (_MIN_DASH_ITEMS if lead == "—" or lead in _FINANCING_LEADS else 2):
            continue
        items = [(starts[a], ends[b]) for a, b in ranges]
        if lead in _FINANCING_LEADS and not _financiers(text, items):
            continue
        found.append(NameList(lead_in=lead, lead_start=m.start(), items=items))
        reached = items[-1][1]
    return found


def _financiers(text: str, items: list[tuple[int, int]]) -> bool:
    """Whether no item is a place (the sentence speaks of financing: see `mentions_financing`)."""
    places = default_places()
    return not any(places.lookup(text[a:b]) for a, b in items)


def find_lists(text: str, sentences: list[Sentence]) -> list[NameList]:
    """The name lists of every sentence, in order."""
    starts = lead_starts(text)
    out: list[NameList] = []
    k = 0
    for s in sentences:
        if k < len(starts) and starts[k] < s.start:
            k = bisect_left(starts, s.start, k)
        if k < len(starts) and starts[k] < s.end:
            j = bisect_left(starts, s.end, k)
            out.extend(lists_in_sentence(text, s.start, s.end, starts[k:j]))
            k = j
    return out
