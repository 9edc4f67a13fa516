"""Blocks: paragraphs, headings and list items of a plain text.

A blank line always ends a block. A single newline ends one too when the line
closes a sentence (`.`, `!`, `?`, `:`, closing quote) or when the line is a short
heading on its own; otherwise it is a soft wrap inside one paragraph. A one-line
block without closing punctuation is a heading, unless the next block starts in
lower case and the line reads as a fragment (a comma, eight words or more): then
it is a paragraph broken by a stray blank line. Lines that
start with a bullet ("- ", "* ", "+ ", "• ", "1. ") are list items of their own.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal, NamedTuple

from factcheck.model import Block, trusted

BlockKind = Literal["paragraph", "heading", "list_item"]

FINAL_PUNCT = '.!?:»”"…'
_NO_HEADING_END = ",;-–—/(&"
_HEADING_MAX_WORDS = 25
_HEADING_MAX_CHARS = 200
_SHORT_LINE_MAX = 60
_FRAGMENT_MIN_WORDS = 8
_FUNCTION_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)


@cache
def _bullet() -> re.Pattern[str]:
    return re.compile(r"(?:[-*+•▪◦‣–]|\d{1,3}[.)])[ \t]+\S")


class _Line(NamedTuple):  # a tuple: built for every line, far cheaper than a dataclass
    start: int  # first non-space character
    end: int  # after the last non-space character
    text: str  # stripped


def _lines(text: str) -> list[_Line | None]:
    """Every line, stripped, with offsets; None for a blank line."""
    out: list[_Line | None] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        raw = text[pos:stop]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        else:
            out.append(None)
        if nl < 0:
            break
        pos = nl + 1
    return out


def _ends_sentence(line: str) -> bool:
    tail = line.rstrip("*_)]’'")
    return bool(tail) and tail[-1] in FINAL_PUNCT


def looks_like_heading(line: str, *, max_chars: int = _HEADING_MAX_CHARS) -> bool:
    """A line that reads as a title: starts with a capital or digit, no closing
    punctuation, not ending on a comma or a function word, not too long."""
    if not line or len(line) > max_chars or _ends_sentence(line):
        return False
    first = line.lstrip("*_\"“«‘'([ ")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    if line[-1] in _NO_HEADING_END:
        return False
    words = line.split()
    if len(words) > _HEADING_MAX_WORDS:
        return False
    return words[-1].lower() not in _FUNCTION_WORDS


def _fragment_like(line: str) -> bool:
    """A line that reads as part of a sentence rather than a title: it has a comma
    or many words."""
    return "," in line or len(line.split()) >= _FRAGMENT_MIN_WORDS


def _next_starts_upper(line: _Line | None) -> bool:
    if line is None:
        return True
    first = line.text.lstrip("*_\"“«‘'([ ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def split_blocks(text: str) -> list[Block]:
    """The blocks of `text`, in order; offsets exclude surrounding whitespace."""
    lines = _lines(text)
    blocks: list[Block] = []
    start: int | None = None
    first_line: _Line | None = None
    count = 0
    following: _Line | None = None  # the next non-blank line after a blank
    after_blank: list[_Line | None] = [None] * len(lines)
    for i in range(len(lines) - 1, -1, -1):
        after_blank[i] = following
        following = lines[i] or following
    bullet_at = _bullet().match
    bullets = [line is not None and bullet_at(line.text) is not None for line in lines]
    bullets.append(False)  # after the last line
    first_bullet = False
    for i, line in enumerate(lines):
        if line is None:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        bullet = bullets[i]
        if start is None:
            start, first_line, first_bullet, count = line.start, line, bullet, 0
        count += 1
        alone = count == 1
        if nxt is None:
            standalone = _next_starts_upper(after_blank[i]) or not _fragment_like(line.text)
            kind = _kind(first_line, count, bullet or first_bullet, standalone=standalone)
        elif _ends_sentence(line.text) or bullet or bullets[i + 1]:
            kind = _kind(first_line, count, bullet or first_bullet, standalone=False)
        elif (
            alone
            and len(line.text) <= _SHORT_LINE_MAX
            and looks_like_heading(line.text)
            and _next_starts_upper(nxt)
        ):
            kind = "heading"
        else:
            continue  # a soft wrap: the paragraph goes on
        blocks.append(trusted(Block, {"kind": kind, "start": start, "end": line.end}))
        start = None
    return blocks


def _kind(first: _Line | None, count: int, bullet: bool, *, standalone: bool) -> BlockKind:
    """The kind of a block from its first line; `bullet`: its first or last line has one."""
    if bullet:
        return "list_item"
    if standalone and count == 1 and first is not None and looks_like_heading(first.text):
        return "heading"
    return "paragraph"
