"""The format registry: names, lazy imports, unknown formats."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck.errors import UsageError
from factcheck.report import FORMATS, RenderContext, render


def test_formats_are_the_seven_documented_ones():
    assert FORMATS == ("text", "markdown", "json", "html", "sarif", "junit", "github")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_both_fixtures_to_text(fmt, sample_report, hostile_report):
    for report, ctx in (sample_report, hostile_report):
        out = render(fmt, report, ctx)
        assert isinstance(out, str) and out.endswith("\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_without_a_context(fmt, sample_report):
    assert render(fmt, sample_report[0])


def test_unknown_format_is_a_usage_error(sample_report):
    with pytest.raises(UsageError, match="unknown report format 'pdf'"):
        render("pdf", sample_report[0], RenderContext())


def test_renderer_modules_are_imported_lazily():
    code = (
        "import sys, factcheck.report as r; "
        "print(sorted(m for m in sys.modules if m.startswith('factcheck.report.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
