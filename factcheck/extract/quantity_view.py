"""A read-only view of one text for the quantity reader: its tokens and their neighbourhood.

Every reading step asks the same few questions about token positions: are two tokens
adjacent (`near`: at most two spaces, no line break) or touching (`glued`)? Is a position
in a URL or phone number? Which cue phrase ends or starts here? Which sentence holds it?
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from factcheck.extract.quantity_cues import cues, phrase_edges, token_may_start
from factcheck.extract.quantity_protect import protected_spans
from factcheck.extract.quantity_tokens import Tok, tokenize
from factcheck.model import Segmentation

_LONGEST_PHRASE = 5


class TokenView:
    """The tokens of `text` and position queries over them; never changes once built."""

    def __init__(self, text: str, seg: Segmentation) -> None:
        self.text = text
        self.toks: list[Tok] = tokenize(text)
        self.n = len(self.toks)
        self.low = [t.low for t in self.toks]
        self.cue: dict[str, Any] = cues()
        self._protected = protected_spans(text)
        self._protected_starts = [a for a, _ in self._protected]
        self._sentences = seg.sentences
        self._sentence_starts = [s.start for s in seg.sentences]
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def near(self, a: int, b: int) -> bool:
        """Tokens a and b are separated by at most two spaces (no line break)."""
        if not (0 <= a < self.n and 0 <= b < self.n):
            return False
        gap = self.text[self.toks[a].end : self.toks[b].start]
        return len(gap) <= 2 and not gap.strip()

    def glued(self, a: int, b: int) -> bool:
        """Token a ends exactly where token b starts."""
        return 0 <= a < self.n and 0 <= b < self.n and self.toks[a].end == self.toks[b].start

    def linked(self, a: int, b: int) -> bool:
        """Tokens a and b are near or glued."""
        return self.near(a, b) or self.glued(a, b)

    def word_after(self, k: int) -> bool:
        """A word follows token k closely."""
        return k + 1 < self.n and self.near(k, k + 1) and self.toks[k + 1].kind == "word"

    def starts(self, i: int) -> bool:
        """Token i may open a quantity (number, currency prefix or number word)."""
        return token_may_start(self.toks[i])

    def line_start(self, pos: int) -> int:
        """Offset of the start of the line holding `pos`."""
        return self._line_starts[bisect_right(self._line_starts, pos) - 1]

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
        if edge not in phrase_edges(key, before):
            return None
        table = self.cue[key]
        for length in range(_LONGEST_PHRASE, 0, -1):
            idx = range(i - length, i) if before else range(i, i + length)
            if idx.start < 0 or idx.stop > self.n:
                continue
            if any(not self.linked(k, k + 1) for k in idx[:-1]):
                continue
            if before and not self.near(idx[-1], i):
                continue
            words = tuple(self.low[k] for k in idx)
            if words in table:
                return table[words], (idx.start if before else idx.stop)
        return None
