"""Compiler-like plain-text report: `path:line:col: CODE [severity] message` + source line."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from factcheck.model import Finding, Report, Span
from factcheck.report import RenderContext
from factcheck.report.common import highlight, one_line, strip_controls, summary_line

TAB_STOP = 8


def _width(ch: str) -> int:
    """Terminal cells taken by one character: 0 for combining marks, 2 for wide ones."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def mark_line(line: str, start: int, end: int) -> tuple[str, str]:
    """The line as displayed (tabs expanded, controls replaced) and a `^~~~` marker.

    `start`/`end` are 0-based character indexes into `line` (end exclusive); the marker
    lines up under them whatever the tabs and wide characters before them.
    """
    shown: list[str] = []
    marker: list[str] = []
    col = 0
    for i, ch in enumerate(strip_controls(line, keep="\t")):
        if ch == "\t":
            cells = TAB_STOP - col % TAB_STOP
            glyph = " " * cells
        else:
            cells, glyph = _width(ch), ch
        shown.append(glyph)
        if start <= i < max(end, start + 1):
            head = "^" if i == start else "~" * min(cells, 1)
            marker.append(head + "~" * (cells - 1))
        elif i < start:
            marker.append(" " * cells)
        col += cells
    if start >= len(line):
        marker.append("^")
    return "".join(shown).rstrip(), "".join(marker).rstrip()


def clip(line: str, start: int, end: int, width: int = 100) -> tuple[str, int, int]:
    """A window of a long line around [start, end), marked with … where cut."""
    if len(line) <= width:
        return line, start, end
    room = max(0, width - (end - start))
    lo = max(0, start - room // 2)
    hi = min(len(line), max(end, lo + width))
    lo = max(0, min(lo, hi - width))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    return prefix + line[lo:hi] + suffix, start - lo + len(prefix), end - lo + len(prefix)


def _source_excerpt(span: Span, lines: list[str] | None, sentence: Span | None) -> list[str]:
    """The gutter lines showing where `span` stands: its source line, else its sentence."""
    if span.label is None and lines is not None and 1 <= span.line <= len(lines):
        line = lines[span.line - 1]
        if span.column - 1 <= len(line):
            end = span.end_column - 1 if span.end_line == span.line else len(line)
            line, start, end = clip(line, span.column - 1, end)
            shown, marker = mark_line(line, start, end)
            gutter = str(span.line)
            return [f" {gutter} | {shown}", f" {' ' * len(gutter)} | {marker}"]
    parts = highlight(sentence, span)
    if parts is None:
        return []
    before, claim, after = (one_line(p) for p in parts)
    lead = before + (" " if before and parts[0][-1].isspace() else "")
    tail = (" " if after and parts[2][0].isspace() else "") + after
    shown, marker = mark_line(lead + claim + tail, len(lead), len(lead) + len(claim))
    return [f"   | {shown}", f"   | {marker}"]


def _where(span: Span, with_column: bool) -> str:
    if span.label:
        return f"{span.doc} ({span.label})"
    return f"{span.doc}:{span.line}:{span.column}" if with_column else f"{span.doc}:{span.line}"


def render_finding(f: Finding, sources: Mapping[str, list[str]]) -> list[str]:
    """The lines of one finding."""
    loc = f.location
    out = [f"{one_line(_where(loc, True))}: {f.rule} [{f.severity}] {one_line(f.message)}"]
    out.extend(_source_excerpt(loc, sources.get(loc.doc), f.sentence))
    for rel in f.related:
        out.append(f"  note: {one_line(_where(rel.span, False))}: {one_line(rel.note)}")
    if f.suggestion:
        out.append(f"  help: replace with {one_line(f.suggestion)!r}")
    return out


def render(report: Report, ctx: RenderContext) -> str:
    """The whole report as compiler-like text, ending with a summary line."""
    sources = {doc: text.replace("\r\n", "\n").split("\n") for doc, text in ctx.sources.items()}
    out: list[str] = []
    for f in report.findings:
        out.extend(render_finding(f, sources))
    for err in report.errors:
        out.append(f"{one_line(err.path)}: input error: {one_line(err.message)}")
    extra = []
    if report.suppressed:
        extra.append(f"{report.suppressed} suppressed")
    if report.baseline_hidden:
        extra.append(f"{report.baseline_hidden} hidden by the baseline")
    if report.errors:
        extra.append(f"{len(report.errors)} unreadable input(s)")
    tail = f" ({', '.join(extra)})" if extra else ""
    if out:
        out.append("")
    out.append(summary_line(report) + tail)
    return "\n".join(out) + "\n"
