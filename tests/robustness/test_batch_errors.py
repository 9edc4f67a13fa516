"""One bad document in a batch does not stop the others, in every report format.

`factcheck check good.md bad.txt other.md` (bad.txt is a PNG): every format reports the
input error for bad.txt and still carries the findings of the two good files; the exit
code is 2 because one input could not be read.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factcheck.report import FORMATS

GOOD = (
    "Acme today opened its plant in Lyon.\n\n"
    "The project is financed by banks including BNP Paribas, HSBC and BNP Paribas.\n"
)
OTHER = (
    "Norvia will build a factory in Lille.\n\n"
    "Lenders include Société Générale, ING and Société Générale.\n"
)
SUFFIX = {"text": "txt", "markdown": "md", "json": "json", "html": "html", "sarif": "sarif",
          "junit": "xml", "github": "log"}  # fmt: skip


@pytest.fixture(scope="module")
def batch(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run the batch once with every format written to its own file."""
    tmp = tmp_path_factory.mktemp("batch")
    (tmp / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp / "other.md").write_text(OTHER, encoding="utf-8")
    args = []
    for fmt in FORMATS:
        args += ["--format", fmt, "--output", f"out/report.{SUFFIX[fmt]}"]
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "check", "good.md", "bad.txt", "other.md", *args],
        capture_output=True,
        text=True,
        cwd=tmp,
        timeout=300,
    )
    reports = {
        fmt: (tmp / "out" / f"report.{SUFFIX[fmt]}").read_text(encoding="utf-8") for fmt in FORMATS
    }
    return proc, reports


def test_exit_code_and_stderr(
    batch: tuple[subprocess.CompletedProcess[str], dict[str, str]],
) -> None:
    proc, _ = batch
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "bad.txt: binary file (PNG image)" in proc.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reports_error_and_findings(
    batch: tuple[subprocess.CompletedProcess[str], dict[str, str]], fmt: str
) -> None:
    _, reports = batch
    text = reports[fmt]
    assert "bad.txt" in text, f"{fmt} report omits the input error"
    assert "binary file" in text, f"{fmt} report omits the error message"
    for good in ("good.md", "other.md"):
        assert good in text, f"{fmt} report has no finding for {good}"
    assert "FC101" in text


def test_json_errors_and_findings(
    batch: tuple[subprocess.CompletedProcess[str], dict[str, str]],
) -> None:
    data = json.loads(batch[1]["json"])
    assert [e["path"] for e in data["errors"]] == ["bad.txt"]
    assert {f["location"]["doc"] for f in data["findings"]} == {"good.md", "other.md"}
    assert {d["id"] for d in data["documents"]} == {"good.md", "other.md"}


def test_sarif_marks_run_unsuccessful(
    batch: tuple[subprocess.CompletedProcess[str], dict[str, str]],
) -> None:
    run = json.loads(batch[1]["sarif"])["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any("bad.txt" in json.dumps(n) for n in notes)
    assert run["results"]
