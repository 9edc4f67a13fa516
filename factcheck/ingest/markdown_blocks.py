"""Line-level Markdown markup: what to strip at the start (and end) of each line.

`LineReader.classify` looks at one source line and says which stretch of it holds
content (heading and blockquote markers removed) or that the whole line is
markup (rules, fences, table delimiter rows, link definitions). A list item's
marker ("- ", "1. ") is reported apart: the reader keeps it in the text, so that
segmentation sees one list item per line, as in a plain-text file. It keeps the
little state that needs: inside a fence, inside a table, after a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class LineInfo:
    """Content of a line as [start, end) offsets into the line; `drop` = all markup."""

    start: int
    end: int
    drop: bool = False
    verbatim: bool = False  # inside a fenced code block: no inline markup
    table_row: bool = False
    marker: tuple[int, int] | None = None  # a list item's marker and the spaces after it


@cache
def _re() -> dict[str, re.Pattern[str]]:
    return {
        "fence": re.compile(r"[ \t]{0,3}(`{3,}|~{3,})"),
        "hr": re.compile(r"[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$"),
        "setext": re.compile(r"[ \t]{0,3}=+[ \t]*$"),
        "delim": re.compile(
            r"[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$"
        ),
        "quote": re.compile(r"[ \t]{0,3}>[ \t]?"),
        "heading": re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)"),
        "list": re.compile(r"[ \t]*(?P<marker>[-*+]|(?P<number>\d{1,9})[.)])(?:[ \t]+|$)"),
        "task": re.compile(r"\[[ xX]\][ \t]+"),
        "refdef": re.compile(r"[ \t]{0,3}\[[^\]]{1,999}\]:[ \t]*\S"),
    }


def is_delimiter_row(line: str) -> bool:
    """A table's `|---|:--:|` row."""
    return "|" in line and "-" in line and _re()["delim"].match(line) is not None


def _heading_end(line: str, start: int) -> int:
    """End of a heading's content, before an optional closing `###` sequence."""
    end = len(line.rstrip(" \t"))
    hashes = end
    while hashes > start and line[hashes - 1] == "#":
        hashes -= 1
    if hashes < end and (hashes == start or line[hashes - 1] in " \t"):
        end = len(line[:hashes].rstrip(" \t"))
    return max(start, end)


class LineReader:
    """Classifies source lines one after the other."""

    def __init__(self) -> None:
        self.fence: str | None = None
        self.in_table = False
        self.prev_blank = True
        self.prev_list = False

    def classify(self, line: str, next_line: str | None) -> LineInfo:
        """Where the content of `line` lies; `next_line` finds table header rows."""
        pats = _re()
        n = len(line)
        if self.fence is not None:
            stripped = line.strip()
            if stripped.startswith(self.fence) and not stripped.strip(self.fence[0]):
                self.fence = None
                return LineInfo(n, n, drop=True)
            return LineInfo(0, n, verbatim=True)
        fence = pats["fence"].match(line)
        if fence:
            self.fence = fence.group(1)
            return LineInfo(n, n, drop=True)
        if not line.strip():
            self.in_table = self.prev_list = False
            self.prev_blank = True
            return LineInfo(0, n)
        off = 0
        while (quote := pats["quote"].match(line, off)) is not None:
            off = quote.end()
        if off and not line[off:].strip():
            return LineInfo(n, n, drop=True)
        if pats["hr"].match(line, off) or pats["setext"].match(line, off):
            return self._dropped(n)
        if is_delimiter_row(line[off:]):
            self.in_table = True
            return self._dropped(n)
        if pats["refdef"].match(line, off):
            return self._dropped(n)
        end = n
        marker: tuple[int, int] | None = None
        if heading := pats["heading"].match(line, off):
            off = heading.end()
            end = _heading_end(line, off)
        elif (item := pats["list"].match(line, off)) and self._list_allowed(item["number"]):
            marker, off = (item.start("marker"), item.end()), item.end()
            if task := pats["task"].match(line, off):
                off = task.end()
        table_row = "|" in line and (
            self.in_table
            or line[off:].lstrip().startswith("|")
            or (next_line is not None and is_delimiter_row(next_line))
        )
        self.prev_blank, self.prev_list = False, marker is not None
        return LineInfo(off, end, table_row=table_row, marker=marker)

    def _list_allowed(self, number: str | None) -> bool:
        """Numbered items need a blank line, a list or "1" before them, so that a
        wrapped line starting "2026. " keeps its year."""
        return number is None or number == "1" or self.prev_blank or self.prev_list

    def _dropped(self, n: int) -> LineInfo:
        self.prev_blank = self.prev_list = False
        return LineInfo(n, n, drop=True)
