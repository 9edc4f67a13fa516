"""Markdown: the text claims point into is the document with its markup removed.

A hand-written scanner rather than a Markdown library, because every kept
character must map to its exact line and column in the source. Line-level
markers are stripped by `markdown_blocks.LineReader`; this module removes inline
markup (emphasis, code backticks, links, images, raw HTML, comments, escapes,
table pipes) and decodes entities. A list item keeps its marker ("- ", "1. ")
so that segmentation ends a block at each item, as it does in plain text.
Newlines are copied as they are, so blank lines still separate paragraphs.
Where removed markup stood between two non-space characters, a space is put in
its place so words never run together.
"""

from __future__ import annotations

import re
import string
from functools import cache

from factcheck.ingest.base import Parsed, TextBuilder, line_starts_of
from factcheck.ingest.markdown_blocks import LineReader

_PUNCT = frozenset(string.punctuation)
_WINDOW = 2000  # how far a link or code span may reach for its closing mark
_INLINE_TAGS = (
    "a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span "
    "strong sub sup time u var"
)


def _unescape(entity: str) -> str:
    """An HTML entity's text (`html` and its entity table load only when one is met)."""
    import html

    return html.unescape(entity)


@cache
def _re() -> dict[str, re.Pattern[str]]:
    return {
        "eol": re.compile(r"[\r\n]"),
        "special": re.compile(r"[\\`<!\[\]&*_~|]"),
        "tag": re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>"),
        "autolink": re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>"),
        "entity": re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),
    }


@cache
def _inline_tags() -> frozenset[str]:
    return frozenset(_INLINE_TAGS.split())


def parse_markdown(source: str) -> Parsed:
    """Read Markdown: text without markup, each kept character mapped to the source."""
    return _Scanner(source).run()


class _Scanner:
    def __init__(self, source: str) -> None:
        self.src = source
        self.n = len(source)
        self.out = TextBuilder()
        self.lines = LineReader()
        self.comments: list[tuple[int, str]] = []
        self.skip: dict[int, int] = {}  # "]" of a link → where its "(url)" ends
        self.table_row = False
        self.no_close: dict[str, tuple[int, int]] = {}  # mark → stretch searched in vain

    def _eol(self, pos: int) -> int:
        m = _re()["eol"].search(self.src, pos)
        return m.start() if m else self.n

    def _newline_end(self, eol: int) -> int:
        if eol >= self.n:
            return eol
        return eol + (2 if self.src.startswith("\r\n", eol) else 1)

    def run(self) -> Parsed:
        pos, at_line_start = 0, True
        while pos < self.n:
            eol = self._eol(pos)
            start, end = pos, eol
            if at_line_start:
                nl = self._newline_end(eol)
                next_line = self.src[nl : self._eol(nl)] if nl < self.n else None
                info = self.lines.classify(self.src[pos:eol], next_line)
                start, end = pos + info.start, pos + info.end
                self.table_row = info.table_row
                if info.marker is not None and start < end:
                    m_start, m_end = pos + info.marker[0], pos + info.marker[1]
                    self.out.copy(self.src[m_start:m_end], m_start)
                if info.verbatim:
                    self.out.copy(self.src[start:end], start)
                    start = end
            reached = self._inline(start, end)
            if reached > eol:
                pos, at_line_start = reached, False
                continue
            nl = self._newline_end(eol)
            self.out.copy(self.src[eol:nl], eol)
            pos, at_line_start = nl, True
        return self.out.result(line_starts_of(self.src), comments=self.comments, source=self.src)

    def _gap(self, start: int, end: int) -> None:
        """Markup from `start` to `end` was removed: keep the words on either side apart."""
        last = self.out.last_char
        if last and not last.isspace() and end < self.n and not self.src[end].isspace():
            self.out.synth(" ", start)

    def _inline(self, i: int, end: int) -> int:
        src = self.src
        while i < end:
            if i in self.skip:
                i = self.skip.pop(i)
                continue
            j = self._construct(i, src[i])
            if j is None:
                m = _re()["special"].search(src, i + 1, end)
                j = m.start() if m else end
                self.out.copy(src[i:j], i)
            i = j
        return i

    def _construct(self, i: int, c: str) -> int | None:
        """Handle markup starting at `i`; return where scanning resumes, or None."""
        src = self.src
        if c == "\\" and i + 1 < self.n:
            if src[i + 1] in _PUNCT:
                self.out.copy(src[i + 1], i + 1)
                return i + 2
            return i + 1 if src[i + 1] in "\r\n" else None
        if c == "`":
            return self._code(i)
        if c == "<":
            return self._angle(i)
        if c == "!" and src.startswith("![", i):
            after = self._link_end(i + 1)
            if after is not None:
                self._gap(i, after)
            return after
        if c == "[":
            close = self._find(i + 1, "]", 500)
            after = self._link_end(i)
            if close is None or after is None:
                return None
            self.skip[close] = after
            return i + 1
        if c == "&":
            m = _re()["entity"].match(src, i)
            if not m:
                return None
            decoded = _unescape(m.group())
            if decoded == m.group():
                return None
            self.out.synth(decoded or "", i)
            return m.end()
        if c in "*_~":
            return self._emphasis(i, c)
        if c == "|" and self.table_row:
            self._gap(i, i + 1)
            return i + 1
        return None

    def _find(self, start: int, mark: str, window: int = _WINDOW) -> int | None:
        """Next `mark` after `start`, within `window` and not past a blank line."""
        limit = min(self.n, start + window)
        begin = start
        known_from, known_to = self.no_close.get(mark, (0, 0))
        if known_from <= start < known_to:
            begin = known_to  # searched before, in vain
        idx = self.src.find(mark, begin, limit) if begin < limit else -1
        if idx >= 0 and self.src.find("\n\n", start, idx) >= 0:
            return None
        if idx < 0:
            self.no_close[mark] = (start, max(limit, begin))
            return None
        return idx

    def _link_end(self, i: int) -> int | None:
        """End of `[text](url)` or `[text][ref]` starting at `i`, else None."""
        close = self._find(i + 1, "]", 500)
        if close is None or close + 1 >= self.n:
            return None
        opener = self.src[close + 1]
        if opener not in "([":
            return None
        closer = ")" if opener == "(" else "]"
        end = self._find(close + 2, closer)
        while end is not None and self.src.count("(", close + 2, end) > self.src.count(
            ")", close + 2, end
        ):
            end = self._find(end + 1, closer)
        return None if end is None else end + 1

    def _code(self, i: int) -> int:
        k = 1
        while i + k < self.n and self.src[i + k] == "`":
            k += 1
        run = "`" * k
        start = i + k
        while (close := self._find(start, run)) is not None:
            stop = close + k
            while stop < self.n and self.src[stop] == "`":
                stop += 1
            if stop - close == k:
                self.out.copy(self.src[i + k : close], i + k)
                return stop
            start = stop
        self.out.copy(run, i)
        return i + k

    def _angle(self, i: int) -> int | None:
        src = self.src
        if src.startswith("<!--", i):
            unclosed = self.no_close.get("<!--")  # no "-->" after an earlier comment start
            close = -1 if unclosed and i >= unclosed[0] else src.find("-->", i + 4)
            if close < 0:
                self.no_close["<!--"] = (i, self.n)
                return None
            self.comments.append((self.out.length, src[i + 4 : close].strip()))
            self._gap(i, close + 3)
            return close + 3
        if m := _re()["autolink"].match(src, i):
            self.out.copy(m.group(1), i + 1)
            return m.end()
        if m := _re()["tag"].match(src, i):
            if m.group(2).lower() not in _inline_tags():
                self._gap(i, m.end())
            return m.end()
        return None

    def _emphasis(self, i: int, c: str) -> int:
        j = i
        while j < self.n and self.src[j] == c:
            j += 1
        before = self.src[i - 1] if i > 0 else " "
        after = self.src[j] if j < self.n else " "
        literal = (
            (c == "~" and j - i != 2)
            or (before.isspace() and after.isspace())
            or (before.isalnum() and after.isalnum())
        )
        if literal:
            self.out.copy(self.src[i:j], i)
        return j
