"""Helpers shared by the renderers: counting, grouping, ordering and claim highlighting."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from factcheck.model import SEVERITY_RANK, Finding, Report, RuleInfo, Span

if TYPE_CHECKING:
    from factcheck.report import RenderContext

SEVERITIES = ("error", "warning", "info")

FAMILIES: dict[str, str] = {
    "1": "FC1xx internal consistency",
    "2": "FC2xx cross-source",
    "3": "FC3xx support",
    "4": "FC4xx house style",
}


def family(code: str) -> str:
    """The rule family of a code: `FC201` → `FC2xx cross-source`; unknown codes → `other`."""
    if len(code) >= 3 and code[:2].upper() == "FC" and code[2] in FAMILIES:
        return FAMILIES[code[2]]
    return "other"


def plural(n: int, word: str) -> str:
    """`1 error`, `2 errors`; `info` never takes an s."""
    if n == 1 or word == "info":
        return f"{n} {word}"
    return f"{n} {word}s"


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present (zero when none)."""
    counts: Counter[str] = Counter(f.severity for f in findings)
    return {sev: counts.get(sev, 0) for sev in SEVERITIES}


def summary_line(report: Report) -> str:
    """`2 errors, 1 warning, 0 info in 3 documents`."""
    counts = severity_counts(report.findings)
    parts = [plural(counts["error"], "error"), plural(counts["warning"], "warning")]
    parts.append(plural(counts["info"], "info"))
    return f"{', '.join(parts)} in {plural(len(report.documents), 'document')}"


def rules_of(report: Report, ctx: RenderContext) -> list[RuleInfo]:
    """The documented rules: the context's, else the report's."""
    return list(ctx.rules) if ctx.rules else list(report.rules)


def rule_counts(report: Report) -> list[tuple[str, str, str, int]]:
    """(code, name, most severe severity, count) per rule with findings, by code."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    worst: dict[str, str] = {}
    for f in report.findings:
        counts[f.rule] += 1
        names.setdefault(f.rule, f.name)
        if SEVERITY_RANK[f.severity] > SEVERITY_RANK.get(worst.get(f.rule, ""), 0):
            worst[f.rule] = f.severity
    return [(code, names[code], worst[code], counts[code]) for code in sorted(counts)]


def by_document(report: Report) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by their location's document: report documents first, in order."""
    groups: dict[str, list[Finding]] = {d.id: [] for d in report.documents}
    for f in report.findings:
        groups.setdefault(f.location.doc, []).append(f)
    return list(groups.items())


def most_severe_first(findings: Sequence[Finding]) -> list[Finding]:
    """Findings ordered by severity (errors first), keeping the report's order within."""
    return sorted(findings, key=lambda f: -SEVERITY_RANK[f.severity])


def highlight(sentence: Span | None, span: Span) -> tuple[str, str, str] | None:
    """Split `sentence.text` into (before, claim, after) around `span`, or None.

    Uses the text offsets when they agree, else the first occurrence of the span's text.
    """
    if sentence is None or not span.text:
        return None
    text = sentence.text
    a, b = span.start - sentence.start, span.end - sentence.start
    if not (0 <= a <= b <= len(text) and text[a:b] == span.text):
        a = text.find(span.text)
        if a < 0:
            return None
        b = a + len(span.text)
    return text[:a], text[a:b], text[b:]


@cache
def _controls() -> re.Pattern[str]:
    return re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str, keep: str = "\t\n") -> str:
    """Replace control and bidi-override characters (never `keep`) with U+FFFD."""
    return _controls().sub(lambda m: m.group(0) if m.group(0) in keep else "\ufffd", text)


def one_line(text: str) -> str:
    """Collapse whitespace runs (newlines included) into single spaces; strip controls."""
    return strip_controls(" ".join(text.split()), keep="")
