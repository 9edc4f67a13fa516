"""A read-only view of one text for the quantity reader: its tokens and their neighbourhood.

Every reading step asks the same few questions about token positions: are two tokens
adjacent (`near`: at most two spaces, no line break) or touching (`glued`)? Is a position
in a URL or phone number? Which cue phrase ends or starts here? Which sentence holds it?
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress
from operator import sub
from typing import Any

from factcheck.extract.quantity_cues import (
    all_phrase_edges,
    cues,
    opening_tokens,
    token_may_start,
)
from factcheck.extract.quantity_protect import protected_spans
from factcheck.extract.quantity_tokens import Tokens, tokenize
from factcheck.model import Segmentation

_LONGEST_PHRASE = 5


class TokenView:
    """The tokens of `text` and position queries over them; never changes once built."""

    def __init__(self, text: str, seg: Segmentation) -> None:
        self.text = text
        toks = tokenize(text)
        self.tokens = toks
        self.start_of, self.end_of, self.kind_of = toks.start, toks.end, toks.kind
        self.text_of, self.low, self.value_of = toks.text, toks.low, toks.value
        self.n = len(toks)
        self.cue: dict[str, Any] = cues()
        self._edges = all_phrase_edges()
        self._protected = protected_spans(text)
        self._protected_starts = [a for a, _ in self._protected]
        self._sentences = seg.sentences
        self._sentence_starts = [s.start for s in seg.sentences]
        self._close = _closeness(text, toks)

    def near(self, a: int, b: int) -> bool:
        """Tokens a and b are separated by at most two spaces (no line break)."""
        if b == a + 1:
            return 0 <= a < self.n and self._close[a]
        if not (0 <= a < self.n and 0 <= b < self.n):
            return False
        gap = self.text[self.end_of[a] : self.start_of[b]]
        return len(gap) <= 2 and not gap.strip()

    def glued(self, a: int, b: int) -> bool:
        """Token a ends exactly where token b starts."""
        return 0 <= a < self.n and 0 <= b < self.n and self.end_of[a] == self.start_of[b]

    def linked(self, a: int, b: int) -> bool:
        """Tokens a and b are near or glued."""
        if b == a + 1:
            return 0 <= a < self.n and self._close[a]
        return self.near(a, b) or self.glued(a, b)

    def chain(self, k: int, limit: int) -> int:
        """How many of the pairs (k, k+1), (k+1, k+2)... are linked, counting up to `limit`."""
        m, close, n = 0, self._close, self.n
        while m < limit and 0 <= k + m < n and close[k + m]:
            m += 1
        return m

    def chain_back(self, k: int, limit: int) -> int:
        """How many of the pairs (k-1, k), (k-2, k-1)... are linked, counting up to `limit`."""
        m, close, n = 0, self._close, self.n
        while m < limit and 0 <= k - m - 1 < n and close[k - m - 1]:
            m += 1
        return m

    def word_after(self, k: int) -> bool:
        """A word follows token k closely."""
        return k + 1 < self.n and self.near(k, k + 1) and self.kind_of[k + 1] == "word"

    def starts(self, i: int) -> bool:
        """Token i may open a quantity (number, currency prefix or number word)."""
        return token_may_start(self.kind_of[i], self.text_of[i], self.low[i])

    def candidates(self) -> list[int]:
        """The tokens that may open a quantity, in order (see `opening_tokens`)."""
        return opening_tokens(self.tokens, self.text)

    def year_like(self, i: int) -> bool:
        """Token i is a four-digit number between 1800 and 2100."""
        t = self.text_of[i]
        return self.kind_of[i] == "num" and t.isdigit() and len(t) == 4 and 1800 <= int(t) <= 2100

    def line_start(self, pos: int) -> int:
        """Offset of the start of the line holding `pos`."""
        return self.text.rfind("\n", 0, pos) + 1

    def is_protected(self, pos: int) -> bool:
        """`pos` lies in a URL, e-mail, phone number, numeric date or clock time."""
        k = bisect_right(self._protected_starts, pos) - 1
        return k >= 0 and self._protected[k][0] <= pos < self._protected[k][1]

    def sentence_window(self, pos: int) -> tuple[int, int]:
        """The sentence holding `pos`, cut to 200 characters each side (or a bare window)."""
        k = bisect_right(self._sentence_starts, pos) - 1
        if k >= 0 and pos < self._sentences[k].end:
            s = self._sentences[k]
            return max(s.start, pos - 200), min(s.end, pos + 200)
        return max(0, pos - 120), min(len(self.text), pos + 120)

    def phrase(self, i: int, key: str, before: bool = False) -> tuple[str, int] | None:
        """Longest phrase of cue table `key` ending before token i (before=True), or from i:
        (its value, the phrase's first token if before else the token after it)."""
        edge = self.low[i - 1] if before and i > 0 else self.low[i] if i < self.n else ""
        if edge not in self._edges[key, before]:
            return None
        table = self.cue[key]
        if before:
            if not self.near(i - 1, i):
                return None
            for length in range(self.chain_back(i - 1, _LONGEST_PHRASE - 1) + 1, 0, -1):
                words = tuple(self.low[i - length : i])
                if i - length >= 0 and words in table:
                    return table[words], i - length
            return None
        for length in range(self.chain(i, _LONGEST_PHRASE - 1) + 1, 0, -1):
            words = tuple(self.low[i : i + length])
            if i + length <= self.n and words in table:
                return table[words], i + length
        return None


def _closeness(text: str, toks: Tokens) -> list[bool]:
    """For each token, whether the next one follows it after at most two blanks (or none).
    Only the parts of a split digit run ("1,5,7") can have a gap that is not blank. A
    line break that opens a new block (a blank line) or a list item ("\n- ", "\n* ")
    separates even when short: "…on 2024\n- 12,500 volunteers" is no range."""
    close = list(map(_THREE.__gt__, map(sub, toks.start[1:], toks.end)))
    numeric = map(_NUMERIC.__contains__, toks.kind)
    for i in compress(range(len(close)), numeric):
        if close[i] and toks.kind[i + 1] in _NUMERIC:
            close[i] = not text[toks.end[i] : toks.start[i + 1]].strip()
    for i in _tokens_before_a_block(text, toks):
        close[i] = False
    close.append(False)
    return close


def _tokens_before_a_block(text: str, toks: Tokens) -> list[int]:
    """The tokens followed by a line break that starts a block or list item (one look
    per line break, so linear in the text)."""
    out: list[int] = []
    starts, n = toks.start, len(toks.start)
    pos = text.find("\n")
    while pos >= 0:
        i = bisect_right(starts, pos) - 1
        if 0 <= i < n - 1 and toks.end[i] <= pos and _opens_block(text, pos, starts[i + 1]):
            out.append(i)
        pos = text.find("\n", pos + 1)
    return out


def _opens_block(text: str, newline: int, nxt: int) -> bool:
    """The line break at `newline`, followed by the token starting at `nxt`, opens a new
    block: a blank line, or a list bullet or heading mark followed by a blank."""
    if "\n" in text[newline + 1 : nxt]:
        return True
    return text[nxt : nxt + 1] in _BLOCK_MARKS and text[nxt + 1 : nxt + 2] in (" ", "\t")


_THREE = 3
_BLOCK_MARKS = frozenset("-*•+#>–")
_NUMERIC = frozenset({"num", "code"})
