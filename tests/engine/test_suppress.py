"""Inline suppressions: next paragraph, whole file, unknown codes, unused ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import run

REF = "The plant will create 900 direct jobs.\n"
DRAFT = """\
<!-- factcheck: ignore-file FC302 -->
The plant will create 900 direct jobs and sign a 40 MW contract.

<!-- factcheck: ignore FC201, FC999 -->
It will create 950 direct jobs.

It will create 950 direct jobs.

<!-- factcheck: ignore FC105 -->
A closing paragraph.
"""


@pytest.fixture
def result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    Path("ref.md").write_text(REF, encoding="utf-8")
    Path("draft.md").write_text(DRAFT, encoding="utf-8")
    report, _ = run(["draft.md"], references=["ref.md"], report_unused=True)
    return report


def test_file_and_paragraph_suppressions(result) -> None:  # type: ignore[no-untyped-def]
    by_rule = {(f.rule, f.location.line) for f in result.findings}
    assert not any(rule == "FC302" for rule, _ in by_rule)  # ignore-file
    assert ("FC201", 5) not in by_rule  # next paragraph suppressed
    assert ("FC201", 7) in by_rule  # the paragraph after is not
    assert result.suppressed >= 2


def test_unknown_code_is_reported(result) -> None:  # type: ignore[no-untyped-def]
    unknown = [f for f in result.findings if f.rule == "FC001"]
    assert len(unknown) == 1 and "FC999" in unknown[0].message and unknown[0].location.line == 4


def test_unused_suppression_is_listed(result) -> None:  # type: ignore[no-untyped-def]
    unused = [f for f in result.findings if f.rule == "FC002"]
    assert [f.location.line for f in unused] == [9]


def test_unused_not_listed_unless_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ref.md").write_text(REF, encoding="utf-8")
    Path("draft.md").write_text(DRAFT, encoding="utf-8")
    report, _ = run(["draft.md"], references=["ref.md"])
    assert not [f for f in report.findings if f.rule == "FC002"]


def test_html_comments_suppress_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ref.md").write_text(REF, encoding="utf-8")
    Path("draft.html").write_text(
        "<html><body><!-- factcheck: ignore FC201 --><p>It will create 950 direct jobs.</p>"
        "<p>It will create 950 direct jobs.</p></body></html>",
        encoding="utf-8",
    )
    report, _ = run(["draft.html"], references=["ref.md"])
    assert len([f for f in report.findings if f.rule == "FC201"]) == 1
