"""Shared pieces of the readers: limits, the parse result and the text builder.

Every reader turns its input into a `Parsed`: the plain text that claims point
into, plus a `SourceMap` from text offsets back to the original file. The
`TextBuilder` keeps that map exact while a reader appends text piece by piece.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from pydantic import BaseModel, ConfigDict

from factcheck.model import SourceMap

MB = 1024 * 1024


def human_size(n: float) -> str:
    """A byte count for people: `512 bytes`, `15.2 KB`, `20 MB` (units of 1024)."""
    if n < 1024:
        return f"{int(n)} byte{'s' if int(n) != 1 else ''}"
    for unit in ("KB", "MB", "GB"):
        n /= 1024
        if n < 1024 or unit == "GB":
            break
    text = f"{n:.1f}" if n < 100 else f"{n:.0f}"
    return f"{text.removesuffix('.0')} {unit}"


@cache
def _newlines() -> re.Pattern[str]:
    return re.compile(r"\r\n|\r|\n")


class Limits(BaseModel):
    """Resource limits for reading one input file (hostile inputs stop here)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = 20 * MB
    docx_max_uncompressed: int = 200 * MB
    docx_max_entries: int = 10_000
    docx_max_ratio: float = 100.0  # per-entry compression ratio (entries over 1 MB)
    pdf_max_pages: int = 500
    html_max_depth: int = 400


@dataclass(frozen=True)
class Parsed:
    """What a reader produces; `synthetic` lists text ranges not copied from the source."""

    text: str
    source_map: SourceMap
    notices: tuple[str, ...] = ()
    comments: tuple[tuple[int, str], ...] = ()
    synthetic: tuple[tuple[int, int], ...] = field(default=())
    source: str | None = None  # the decoded (or synthetic) source the map points into


class TextBuilder:
    """Appends text while recording, run by run, where each character came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.length = 0
        self._run_text = [0]
        self._run_source = [0]
        self._next_source: int | None = 0
        self._synthetic: list[tuple[int, int]] = []
        self._last = ""

    @property
    def last_char(self) -> str:
        """The last character appended ("" when nothing was)."""
        return self._last

    def _start_run(self, source: int) -> None:
        if self._run_text[-1] == self.length:
            self._run_source[-1] = source
        else:
            self._run_text.append(self.length)
            self._run_source.append(source)

    def copy(self, piece: str, source: int) -> None:
        """Append `piece`, which stands in the source at offset `source`."""
        if not piece:
            return
        if self._next_source != source:
            self._start_run(source)
        self._parts.append(piece)
        self.length += len(piece)
        self._next_source = source + len(piece)
        self._last = piece[-1]

    def synth(self, piece: str, source: int) -> None:
        """Append characters that are not in the source (separators, decoded
        entities); each maps to the source offset `source`."""
        if not piece:
            return
        start = self.length
        for ch in piece:
            self._start_run(source)
            self._parts.append(ch)
            self.length += 1
        self._next_source = None
        self._synthetic.append((start, self.length))
        self._last = piece[-1]

    def result(
        self,
        line_starts: list[int],
        *,
        notices: Sequence[str] = (),
        comments: Sequence[tuple[int, str]] = (),
        labels: Sequence[tuple[int, str]] = (),
        source: str | None = None,
    ) -> Parsed:
        """The finished text and its source map."""
        return Parsed(
            text="".join(self._parts),
            source_map=SourceMap(
                run_text=list(self._run_text),
                run_source=list(self._run_source),
                line_starts=line_starts,
                labels=list(labels),
            ),
            notices=tuple(notices),
            comments=tuple(comments),
            synthetic=tuple(self._synthetic),
            source=source,
        )


@dataclass(frozen=True)
class Unit:
    """One line of a synthetic source (a DOCX paragraph, a PDF line)."""

    text: str
    label: str
    separator: str = "\n\n"  # what stands before it in the text (dropped for the first)


def one_line(exc: BaseException) -> str:
    """An exception's message as one short line, for error messages."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def line_starts_of(source: str) -> list[int]:
    """Offsets at which each line of `source` starts (\\n, \\r\\n and \\r end lines)."""
    return [0, *(m.end() for m in _newlines().finditer(source))]


def from_units(units: Sequence[Unit], notices: Sequence[str] = ()) -> Parsed:
    """Text for formats without source lines: unit N is line N of a synthetic
    source (the units joined by newlines), labelled for people."""
    builder = TextBuilder()
    line_starts: list[int] = []
    labels: list[tuple[int, str]] = []
    source = 0
    for number, unit in enumerate(units, start=1):
        if number > 1:
            builder.synth(unit.separator, source - 1)
        line_starts.append(source)
        labels.append((number, unit.label))
        builder.copy(unit.text, source)
        source += len(unit.text) + 1
    synthetic_source = "\n".join(unit.text for unit in units)
    return builder.result(
        line_starts or [0], notices=notices, labels=labels, source=synthetic_source
    )
