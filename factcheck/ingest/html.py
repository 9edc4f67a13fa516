"""HTML: the main text of a page, located by line and column in the HTML source.

Built on the standard library's `html.parser` because it reports the line and
column of every tag, text chunk and entity (`getpos()`), which is what an exact
source map needs; tree builders (lxml, BeautifulSoup, html5lib) drop positions of
text nodes. Entities are delivered separately (`convert_charrefs=False`) so each
decoded character maps to its entity's position.

The main text is the content of <article>, else <main>, else the whole body;
page furniture (scripts, styles, navigation, forms, ...) is dropped. Headings,
paragraphs, list items, table cells and <br> become blocks separated by blank
lines; other whitespace collapses to single spaces as a browser shows it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from factcheck.errors import InputFileError
from factcheck.ingest.base import Limits, Parsed, TextBuilder, line_starts_of, one_line


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


_DROP = _names(
    "script style noscript template nav header footer aside form svg head title "
    "select button iframe object canvas"
)
_KEEP_INSIDE_CONTENT = frozenset({"header"})  # an <article>'s own <header> holds its headline
_VOID = _names("area base br col embed hr img input link meta param source track wbr")
_BLOCK = _names(
    "address article blockquote body br caption dd div dl dt figcaption figure h1 h2 h3 h4 "
    "h5 h6 hr li main ol p pre section table tbody td tfoot th thead tr ul"
)
_SELF_CLOSING = _names("p li dt dd tr td th option")
_AREAS = ("article", "main")


@dataclass(frozen=True)
class _Event:
    kind: str  # "text" | "entity" | "break" | "comment"
    value: str
    offset: int  # source offset
    area: int  # 2 inside <article>, 1 inside <main>, 0 elsewhere


class _TooDeep(Exception):
    pass


class _Collector(HTMLParser):
    def __init__(self, source: str, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_offsets = [0, *(m.end() for m in re.finditer("\n", source))]
        self.max_depth = max_depth
        self.stack: list[str] = []
        self.dropped = 0  # open dropped elements
        self.events: list[_Event] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_offsets[line - 1] + col

    def _area(self) -> int:
        return next((2 - k for k, a in enumerate(_AREAS) if a in self.stack), 0)

    def _emit(self, kind: str, value: str) -> None:
        if not self.dropped:
            self.events.append(_Event(kind, value, self._offset(), self._area()))

    def _drops(self, tag: str) -> bool:
        return tag in _DROP and not (tag in _KEEP_INSIDE_CONTENT and self._area())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._emit("break", "")
        if tag in _VOID:
            return
        if tag in _SELF_CLOSING and self.stack and self.stack[-1] == tag:
            self.handle_endtag(tag)
        self.stack.append(tag)
        if len(self.stack) > self.max_depth:
            raise _TooDeep
        if self.dropped or self._drops(tag):
            self.dropped += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._emit("break", "")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if self.dropped:
                self.dropped -= 1
            if top == tag:
                break
        if tag in _BLOCK:
            self._emit("break", "")

    def handle_data(self, data: str) -> None:
        self._emit("text", data)

    def handle_entityref(self, name: str) -> None:
        self._entity(name, "&")

    def handle_charref(self, name: str) -> None:
        self._entity(name, "&#")

    def _entity(self, name: str, prefix: str) -> None:
        start = self._offset()
        raw = prefix + name
        if self.source.startswith(";", start + len(raw)):
            raw += ";"
        decoded = html.unescape(raw)
        self._emit("text" if decoded == raw else "entity", decoded)

    def handle_comment(self, data: str) -> None:
        if not self.dropped:
            self.events.append(_Event("comment", data.strip(), self._offset(), 0))


def _unclosed_comment(source: str) -> int:
    """Where a comment that never closes starts (the end of `source` if none): like a
    browser, the rest is a comment. html.parser rescans to the end for every "<!--"
    after the last "-->", which is quadratic in such a tail."""
    last_close = source.rfind("-->")
    start = source.find("<!--", max(0, last_close + 3) if last_close >= 0 else 0)
    return len(source) if start < 0 else start


def parse_html(source: str, path: str, limits: Limits) -> Parsed:
    """Read HTML: the page's main text, each character mapped to the source."""
    collector = _Collector(source, limits.html_max_depth)
    try:
        collector.feed(source[: _unclosed_comment(source)])
        collector.close()
    except _TooDeep:
        raise InputFileError(
            path, f"HTML nested deeper than {limits.html_max_depth} levels"
        ) from None
    except (AssertionError, ValueError) as exc:
        raise InputFileError(path, f"cannot parse HTML: {one_line(exc)}") from None
    events = collector.events
    words = (e for e in events if e.kind in ("text", "entity") and e.value.strip())
    area = max((e.area for e in words), default=0)
    return _build(events, area, line_starts_of(source), source)


def _build(events: list[_Event], area: int, line_starts: list[int], source: str) -> Parsed:
    out = TextBuilder()
    comments: list[tuple[int, str]] = []
    pending_break: int | None = None
    pending_space: tuple[str, int] | None = None
    for event in events:
        if event.kind == "comment":
            comments.append((out.length, event.value))
            continue
        if event.area < area:
            continue
        if event.kind == "break":
            if out.length and pending_break is None:
                pending_break = event.offset
            continue
        pieces = [(event.value, event.offset, False)] if event.kind == "entity" else _words(event)
        for piece, offset, is_space in pieces:
            if is_space:
                pending_space = pending_space or (piece, offset)
                continue
            if pending_break is not None:
                out.synth("\n\n", pending_break)
            elif pending_space is not None and out.length:
                char, at = pending_space
                (out.copy if char == " " else out.synth)(" ", at)
            pending_break = pending_space = None
            (out.synth if event.kind == "entity" else out.copy)(piece, offset)
    return out.result(line_starts, comments=comments, source=source)


def _collapsible(ch: str) -> bool:
    return ch.isspace() and ch not in "\xa0\u202f\u2009\u2007"


def _words(event: _Event) -> list[tuple[str, int, bool]]:
    """Split a text chunk into words and whitespace runs (given by their first character)."""
    pieces: list[tuple[str, int, bool]] = []
    value, base, i, n = event.value, event.offset, 0, len(event.value)
    while i < n:
        space = _collapsible(value[i])
        j = i + 1
        while j < n and _collapsible(value[j]) == space:
            j += 1
        pieces.append((value[i] if space else value[i:j], base + i, space))
        i = j
    return pieces
