"""Markdown report fit for a pull-request comment: summary tables, then findings by document.

Every piece of document text is escaped (`md_escape`) so that a document cannot inject
links, images, HTML or mentions into the comment. The output stays under `ctx.max_chars`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import cache

from factcheck.model import Finding, Report, Span
from factcheck.report import RenderContext
from factcheck.report.common import (
    SEVERITIES,
    by_document,
    highlight,
    one_line,
    plural,
    rule_counts,
    severity_counts,
    summary_line,
)


@cache
def _specials() -> re.Pattern[str]:
    return re.compile(r"([\\`*_\[\]|~$])")


@cache
def _block_start() -> re.Pattern[str]:
    return re.compile(r"^(?:([#>+=-])|(\d{1,9})([.)]))")


def md_escape(text: str) -> str:
    """Document text as inert inline Markdown: one line, Markdown punctuation backslashed,
    `&`, `<`, `>` as entities, `@` mentions broken with a word joiner."""
    flat = _specials().sub(r"\\\1", one_line(text))
    flat = html.escape(flat, quote=False)
    return flat.replace("@", "@\u2060")


def md_paragraph(text: str) -> str:
    """`md_escape`, and a leading `#`, `>`, `-`, `+`, `=` or `1.` that would start a block
    is escaped too."""
    return _block_start().sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3),
        md_escape(text),
    )


def _strong(text: str, mark: str = "**") -> str:
    """Emphasise escaped `text`, keeping edge whitespace outside the delimiters."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{md_escape(core)}{mark}{trail}"


def quoted(sentence: Span | None, span: Span) -> str:
    """The sentence with the claim in bold, or the claim alone in bold."""
    parts = highlight(sentence, span)
    if parts is None:
        return _strong(one_line(span.text) or "(empty)")
    before, claim, after = parts
    lead = md_escape(before) + (" " if before.strip() and before[-1].isspace() else "")
    tail = (" " if after.strip() and after[0].isspace() else "") + md_escape(after)
    return f"{lead}{_strong(one_line(claim))}{tail}"


def diff_line(diff: Sequence[tuple[str, str]]) -> str:
    """A word-level diff: ~~deleted~~ **inserted**, equal text plain."""
    out: list[str] = []
    for op, text in diff:
        if op == "equal":
            out.append(md_escape(text) if text.strip() else " ")
        else:
            out.append(_strong(" ".join(text.split()), "~~" if op == "delete" else "**"))
    return " ".join(p.strip() for p in out if p.strip())


def where(span: Span) -> str:
    """`path:line` or `path (label)`, escaped."""
    return md_escape(span.where)


def render_finding(f: Finding) -> str:
    """One finding as a Markdown block."""
    lines = [
        f"**{f.severity.upper()}** {f.rule} {md_escape(f.name)} at {where(f.location)}",
        "",
        md_paragraph(f.message),
        "",
        f"> {where(f.location)}: {quoted(f.sentence, f.location)}",
    ]
    for rel in f.related:
        note = f"{md_escape(rel.note)} ({where(rel.span)})"
        lines += [">", f"> {note}: {quoted(rel.sentence, rel.span)}"]
    if f.diff:
        lines += ["", f"Diff (~~deleted~~ **inserted**): {diff_line(f.diff)}"]
    if f.suggestion:
        lines += ["", f"Suggestion: {md_escape(f.suggestion)}"]
    return "\n".join(lines) + "\n"


def _header(report: Report, ctx: RenderContext) -> str:
    counts = severity_counts(report.findings)
    out = [f"## {md_escape(ctx.title)}", "", f"**{md_escape(summary_line(report))}**", ""]
    out += ["| Severity | Findings |", "|---|---:|"]
    out += [f"| {sev} | {counts[sev]} |" for sev in SEVERITIES]
    rules = rule_counts(report)
    if rules:
        out += ["", "| Rule | Name | Severity | Findings |", "|---|---|---|---:|"]
        out += [f"| {c} | {md_escape(n)} | {s} | {k} |" for c, n, s, k in rules]
    out += ["", "### Documents", "", "| Document | Role | Format | Claims |", "|---|---|---|---:|"]
    for d in report.documents:
        out.append(f"| {md_escape(d.id)} | {d.role} | {md_escape(d.format)} | {d.claims} |")
    if report.errors:
        out += ["", "### Input errors", ""]
        out += [f"- {md_escape(e.path)}: {md_escape(e.message)}" for e in report.errors]
    if report.suppressed or report.baseline_hidden:
        out += ["", f"{report.suppressed} suppressed, {report.baseline_hidden} hidden by baseline."]
    return "\n".join(out) + "\n"


def render(report: Report, ctx: RenderContext) -> str:
    """The Markdown report, cut to `ctx.max_chars` with a line saying what was left out."""
    budget = max(0, ctx.max_chars - 120)  # room for the "N more findings" line
    text = _header(report, ctx)[:budget]
    if report.findings:
        text += "\n### Findings\n"
    shown, full = 0, False
    for doc, findings in by_document(report):
        heading = f"\n#### {md_escape(doc)} ({plural(len(findings), 'finding')})\n"
        for f in findings if not full else []:
            chunk = heading + "\n" + render_finding(f)
            if len(text) + len(chunk) > budget:
                full = True
                break
            text, heading = text + chunk, ""
            shown += 1
    hidden = len(report.findings) - shown
    if hidden:
        text += f"\n{plural(hidden, 'more finding')} not shown (see the full report).\n"
    return text[: ctx.max_chars]
