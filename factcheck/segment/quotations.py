"""Quotations: words between quotation marks, paired in one linear pass.

Marks handled: « … » and ‹ … › (inner spaces and no-break spaces trimmed),
“ … ”, „ … “/”, straight "…", and ‘ … ’ only when the ’ cannot be an
apostrophe (Europe’s, don’t). A quotation may run over paragraphs — the
opening mark in one block, the closing one a few blocks later — and the
English convention of re-opening every paragraph of a long quote (“… ¶ “… ”)
is read as one quotation.

Every opening mark waits for its closing mark within MAX_BLOCKS blocks and
MAX_CHARS characters; past that it is dropped. Each mark is looked at once, so
the pass is linear even on a text made of unmatched marks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from factcheck.model import Block, Quotation

MAX_BLOCKS = 4  # a quotation may span at most this many blocks
MAX_CHARS = 6000  # ... and at most this many characters
MAX_SINGLE = 400  # ‘ … ’ quotations stay short and inside one block

_MARKS = re.compile('[«»‹›“”„"‘’]')
_SPACE = " \t\n\r\u00a0\u202f\u2009\u2007"
# family: (openers, closers)
_FAMILIES = {
    "guillemet": ("«", "»"),
    "angle": ("‹", "›"),
    "double": ("“„", "”“"),
    "single": ("‘", "’"),
}


@dataclass
class _Open:
    pos: int
    block: int
    mark: str


def _family(mark: str) -> str:
    if mark in "«»":
        return "guillemet"
    if mark in "‹›":
        return "angle"
    if mark in "‘’":
        return "single"
    if mark == '"':
        return "straight"
    return "double"


def _word(c: str) -> bool:
    return c.isalnum()


def _quotation(text: str, start: int, end: int, mark: str) -> Quotation | None:
    inner_start, inner_end = start + 1, end - 1
    while inner_start < inner_end and text[inner_start] in _SPACE:
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1] in _SPACE:
        inner_end -= 1
    if inner_end <= inner_start:
        return None
    return Quotation(start=start, end=end, inner_start=inner_start, inner_end=inner_end, mark=mark)


def _block_starts_at(text: str, blocks: list[Block], b: int, pos: int) -> bool:
    """Is `pos` the first non-space, non-markup character of block `b`?"""
    return 0 <= b < len(blocks) and not text[blocks[b].start : pos].strip(_SPACE + "*_>")


def _closes_single(op: _Open, pos: int, b: int, prev: str, nxt: str) -> bool:
    """Can ’ at `pos` close the ‘ of `op`? Never before a letter (Europe’s, don’t)."""
    return not nxt.isalpha() and prev not in _SPACE and b == op.block and pos - op.pos <= MAX_SINGLE


def find_quotations(text: str, blocks: list[Block]) -> list[Quotation]:
    """Every quotation of `text`, in order; `blocks` bound how far a quotation may run."""
    starts = [b.start for b in blocks]
    pending: dict[str, _Open] = {}
    out: list[Quotation] = []

    def block_of(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    def close(fam: str, pos: int, b: int) -> None:
        op = pending.pop(fam, None)
        if op is None:
            return
        if pos - op.pos > MAX_CHARS or b - op.block >= MAX_BLOCKS:
            return
        q = _quotation(text, op.pos, pos + 1, op.mark)
        if q is not None:
            out.append(q)

    for m in _MARKS.finditer(text):
        pos, mark = m.start(), m.group()
        prev = text[pos - 1] if pos else " "
        nxt = text[pos + 1] if pos + 1 < len(text) else " "
        b = block_of(pos)
        fam = _family(mark)
        op = pending.get(fam)
        if op is not None and (pos - op.pos > MAX_CHARS or b - op.block >= MAX_BLOCKS):
            pending.pop(fam)
            op = None
        if fam in ("guillemet", "angle"):
            if mark == _FAMILIES[fam][0]:
                pending[fam] = _Open(pos, b, mark)
            else:
                close(fam, pos, b)
        elif fam == "double":
            if op is not None and mark in "”“" and (mark == "”" or op.mark == "„"):
                close(fam, pos, b)
            elif op is not None and b > op.block and _block_starts_at(text, blocks, b, pos):
                continue  # “ re-opening the next paragraph of the same quotation
            elif mark in "“„":
                pending[fam] = _Open(pos, b, mark)
        elif fam == "straight":
            opener_like = not _word(prev) and nxt not in _SPACE
            closer_like = not _word(nxt) and (prev not in _SPACE or op is not None)
            if op is not None and closer_like and not (opener_like and b > op.block):
                close(fam, pos, b)
            elif op is not None and b > op.block and _block_starts_at(text, blocks, b, pos):
                continue
            elif opener_like:
                pending[fam] = _Open(pos, b, mark)
        else:  # single curly: ‘ opens; ’ closes only where it cannot be an apostrophe
            if mark == "‘":
                if not _word(prev) and nxt.isalpha():
                    pending[fam] = _Open(pos, b, mark)
            elif op is not None and _closes_single(op, pos, b, prev, nxt):
                close(fam, pos, b)
    out.sort(key=lambda q: (q.start, -q.end))
    return _drop_nested_duplicates(out)


def _drop_nested_duplicates(quotes: list[Quotation]) -> list[Quotation]:
    """Keep nested quotations (a ‘…’ inside a “…”) but not identical spans."""
    seen: set[tuple[int, int]] = set()
    out = []
    for q in quotes:
        if (q.start, q.end) not in seen:
            seen.add((q.start, q.end))
            out.append(q)
    return out
