"""GitHub Actions workflow commands (`::error file=…::message`) and the step summary.

GitHub shows at most 10 annotations of each type per step and 50 per job, so
`annotations()` emits the most severe findings first within those limits and says
how many did not fit; `step_summary()` is the Markdown for $GITHUB_STEP_SUMMARY.
"""

# No `from __future__ import annotations` here: this module defines `annotations()`.

from factcheck.model import Finding, Report
from factcheck.report import RenderContext
from factcheck.report.common import most_severe_first, plural, strip_controls

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
PER_TYPE = 10


def escape_data(text: str) -> str:
    """Escape a workflow-command message: `%`, CR and LF (other controls are replaced)."""
    text = strip_controls(text, keep="\t\r\n")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value: as data, plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding) -> str:
    """One finding as a workflow command line."""
    loc = f.location
    props = [("file", loc.doc.replace("\\", "/"))]
    if loc.label is None:
        props += [
            ("line", str(loc.line)),
            ("endLine", str(max(loc.line, loc.end_line))),
            ("col", str(loc.column)),
            ("endColumn", str(loc.end_column)),
        ]
    props.append(("title", f"{f.rule} {f.name}"))
    message = f.message if loc.label is None else f"{f.message} ({loc.label})"
    message += "".join(f"\nnote: {r.span.where}: {r.note}" for r in f.related)
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(message)}"


def annotations(report: Report, limit: int = 50) -> tuple[list[str], int]:
    """Workflow-command lines, most severe first: at most 10 per severity and `limit`
    in all. Returns the lines and how many findings did not fit."""
    lines: list[str] = []
    per_type: dict[str, int] = {}
    for f in most_severe_first(report.findings):
        if len(lines) >= limit or per_type.get(f.severity, 0) >= PER_TYPE:
            continue
        per_type[f.severity] = per_type.get(f.severity, 0) + 1
        lines.append(command(f))
    return lines, len(report.findings) - len(lines)


def render(report: Report, ctx: RenderContext) -> str:
    """The annotation lines, one per line (input errors as `::error` without a file)."""
    lines, _ = annotations(report)
    errors = [
        f"::error title={escape_property('input error')}::{escape_data(f'{e.path}: {e.message}')}"
        for e in report.errors
    ]
    return "".join(line + "\n" for line in errors + lines)


def step_summary(report: Report, ctx: RenderContext, hidden: int) -> str:
    """The Markdown report for $GITHUB_STEP_SUMMARY, with a line on annotations that
    did not fit when `hidden` > 0."""
    from factcheck.report.markdown import render as markdown

    note = ""
    if hidden:
        note = (
            f"\n{plural(hidden, 'finding')} not shown as annotations (GitHub shows at most "
            f"{PER_TYPE} per type per step and 50 per job); all are listed here.\n"
        )
    return markdown(report, ctx).rstrip("\n") + "\n" + note
