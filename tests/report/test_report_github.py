"""GitHub workflow commands: escaping, ordering and GitHub's annotation limits."""

from __future__ import annotations

from reportfactory import ARTICLE, finding, make_doc

from factcheck.report import RenderContext
from factcheck.report.github import annotations, escape_data, escape_property, render, step_summary


def test_escaping_rules():
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_command_shape(sample_report):
    lines = render(*sample_report).splitlines()
    assert lines[1] == (
        "::error file=docs/article.txt,line=2,endLine=2,col=23,endColumn=29,"
        "title=FC201 quantity-mismatch::The article says 15 GWh a year; the press release says "
        "16 GWh a year.%0Anote: docs/press release.md:3: press release says 16 GWh here"
    )
    assert lines[2].startswith("::warning ") and lines[3].startswith("::notice ")


def test_newlines_in_a_message_cannot_inject_commands(hostile_report):
    out = render(*hostile_report)
    lines = out.splitlines()
    assert len(lines) == 4  # one input error + three findings, nothing injected
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert "%0A::error file=x::injected%0D%0A::warning::y" in out
    assert "\x1b" not in out and "\x00" not in out
    # properties escape ':' and ',' so the file name cannot end the property list
    assert 'title=FC201 q"><b>x</b>::' in out


def _report_with(counts: dict[str, int], sample):
    report, _ = sample
    doc = make_doc("docs/article.txt", ARTICLE)
    findings = [
        finding("FC301", "x", sev, f"{sev} {i}", doc, "Gamma Capital")
        for sev, n in counts.items()
        for i in range(n)
    ]
    return report.model_copy(update={"findings": findings})


def test_at_most_ten_per_severity_most_severe_first(sample_report):
    report = _report_with({"info": 30, "warning": 30, "error": 30}, sample_report)
    lines, hidden = annotations(report)
    assert len(lines) == 30 and hidden == 60
    assert [line.split(" ", 1)[0] for line in lines] == (
        ["::error"] * 10 + ["::warning"] * 10 + ["::notice"] * 10
    )


def test_total_limit(sample_report):
    report = _report_with({"error": 3, "warning": 30}, sample_report)
    lines, hidden = annotations(report, limit=5)
    assert len(lines) == 5 and hidden == 28
    assert lines[:3] == [line for line in lines if line.startswith("::error")]


def test_step_summary_says_how_many_did_not_fit(sample_report):
    report, ctx = sample_report
    text = step_summary(report, ctx, hidden=7)
    assert text.startswith("## factcheck report")
    assert "7 findings not shown as annotations" in text
    assert "not shown as annotations" not in step_summary(report, RenderContext(), hidden=0)
