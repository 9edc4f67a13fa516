"""Report renderers: one module per output format, each exposing `render(report, ctx) -> str`.

Renderers are pure: they take a `Report` and a `RenderContext` and return text. Writing
files is `factcheck.report.output`'s job; printing is the CLI's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import import_module

from factcheck.errors import UsageError
from factcheck.model import Report, RuleInfo

__all__ = ["FORMATS", "RenderContext", "render"]

FORMATS = ("text", "markdown", "json", "html", "sarif", "junit", "github")

_MODULES: Mapping[str, str] = {
    "text": "factcheck.report.text",
    "markdown": "factcheck.report.markdown",
    "json": "factcheck.report.json",
    "html": "factcheck.report.html",
    "sarif": "factcheck.report.sarif",
    "junit": "factcheck.report.junit",
    "github": "factcheck.report.github",
}


@dataclass(frozen=True)
class RenderContext:
    """What a renderer needs besides the report itself.

    `sources` maps a document id to its ORIGINAL source text (to show the source line
    under a finding); `rules` documents the rules (falls back to `Report.rules` when
    empty); `help` maps a rule code to longer help text (Markdown allowed, used by
    SARIF); `max_chars` caps the Markdown report; `fail_on` is the failure threshold
    (`error` | `warning` | `info` | `never`) that JUnit uses to decide what fails.
    """

    sources: Mapping[str, str] = field(default_factory=dict)
    rules: Sequence[RuleInfo] = field(default_factory=list)
    max_chars: int = 60_000
    title: str = "factcheck report"
    fail_on: str = "warning"
    help: Mapping[str, str] = field(default_factory=dict)


def render(fmt: str, report: Report, ctx: RenderContext | None = None) -> str:
    """Render `report` in format `fmt` (one of `FORMATS`)."""
    module_path = _MODULES.get(fmt)
    if module_path is None:
        raise UsageError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    module = import_module(module_path)
    result: str = module.render(report, ctx if ctx is not None else RenderContext())
    return result
