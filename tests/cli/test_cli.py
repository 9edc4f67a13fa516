"""The command line, run as a user would: a subprocess, exit codes, stderr, files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS, sha256_of

PRESS = SEEDS / "verkor-press-release.md"
ARTICLE = SEEDS / "verkor-article.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def assert_clean_error(proc: subprocess.CompletedProcess[str], words: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert any(words in line for line in lines), proc.stderr


def test_seed_check_exit_code_and_json(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    before = (sha256_of(PRESS), sha256_of(ARTICLE))
    proc = run(
        "check", "--reference", str(PRESS), str(ARTICLE), "--format", "json", "--output", str(out)
    )
    assert proc.returncode == 1, proc.stderr  # the seeds hold errors
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"]
    codes = {f["rule"] for f in data["findings"]}
    assert {"FC101", "FC105"} <= codes
    assert (sha256_of(PRESS), sha256_of(ARTICLE)) == before


def test_fail_on_never_and_text_format() -> None:
    proc = run("check", "--reference", str(PRESS), str(ARTICLE), "--fail-on", "never")
    assert proc.returncode == 0
    assert "FC101" in proc.stdout


def test_python_dash_m_factcheck_is_the_same_command() -> None:
    args = ["check", "--reference", str(PRESS), str(ARTICLE), "--fail-on", "never"]
    package = subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, timeout=120
    )
    assert package.returncode == 0, package.stderr
    assert package.stdout == run(*args).stdout
    usage = subprocess.run(
        [sys.executable, "-m", "factcheck", "--help"], capture_output=True, text=True, timeout=60
    )
    assert usage.stdout.startswith("usage: factcheck")


def test_select_only_runs_selected() -> None:
    proc = run("check", str(PRESS), "--select", "FC105", "--format", "json")
    findings = json.loads(proc.stdout)["findings"]
    assert findings and {f["rule"] for f in findings} == {"FC105"}


def test_several_formats_each_with_output(tmp_path: Path) -> None:
    md, sarif = tmp_path / "a.md", tmp_path / "a.sarif"
    proc = run(
        "check",
        "--reference",
        str(PRESS),
        str(ARTICLE),
        "--fail-on",
        "never",
        "--format",
        "markdown",
        "--output",
        str(md),
        "--format",
        "sarif",
        "--output",
        str(sarif),
    )
    assert proc.returncode == 0, proc.stderr
    assert md.read_text(encoding="utf-8").startswith("#")
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_nonexistent_path(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    proc = run("check", "nope.txt", "--format", "json", "--output", str(out))
    assert_clean_error(proc, "nope.txt: no such file or directory")
    # The report is written all the same, listing the error (CI uploads it).
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["documents"] == [] and report["errors"][0]["path"] == "nope.txt"


def test_unreadable_inputs_still_give_every_report(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 8)
    sarif, junit = tmp_path / "all.sarif", tmp_path / "all.xml"
    proc = run(
        "check", str(tmp_path / "bin.txt"), "nope.txt",
        "--format", "sarif", "--output", str(sarif),
        "--format", "junit", "--output", str(junit),
        "--format", "text",
    )  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    log = json.loads(sarif.read_text(encoding="utf-8"))
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 2 and not log["runs"][0]["invocations"][0]["executionSuccessful"]
    assert "nope.txt" in junit.read_text(encoding="utf-8")


def test_output_belongs_to_the_format_just_before_it(tmp_path: Path) -> None:
    # The GitHub Action's own command line: annotations to stdout, SARIF to the file.
    sarif = tmp_path / "factcheck.sarif"
    proc = run(
        "check", "--reference", str(PRESS), str(ARTICLE), "--fail-on", "error",
        "--format", "github", "--format", "sarif", "--output", str(sarif),
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert proc.stdout.startswith("::error ")


def test_output_not_right_after_a_format_is_refused(tmp_path: Path) -> None:
    proc = run(
        "check", str(ARTICLE), "--format", "json", "--format", "sarif",
        "--output", str(tmp_path / "a"), "--output", str(tmp_path / "b"),
    )  # fmt: skip
    assert_clean_error(proc, "must come right after the --format it is for")


def test_directory_without_supported_files(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    proc = run("check", str(tmp_path))
    assert_clean_error(proc, "directory holds no supported files")


def test_binary_file_named_txt(tmp_path: Path) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    before = sha256_of(bad)
    proc = run("check", str(bad))
    assert_clean_error(proc, "photo.txt")
    assert sha256_of(bad) == before


@pytest.mark.parametrize(
    ("pack", "words"),
    [
        ("pack: x\nrules: [\n", "YAML error"),
        (
            "pack: x\nrules:\n  - id: FC901\n    name: x\n    check: nope\n    scope: document\n"
            "    severity: error\n    message: m\n",
            "unknown check kind 'nope'",
        ),
        (
            "pack: x\nrules:\n  - id: FC101\n    name: x\n    check: forbidden_term\n"
            "    scope: document\n    severity: error\n    message: m\n",
            "duplicate rule id FC101",
        ),
    ],
)
def test_bad_rule_pack(tmp_path: Path, pack: str, words: str) -> None:
    (tmp_path / "mine.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / "factcheck.yaml").write_text("packs: [core, mine.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hello.\n", encoding="utf-8")
    proc = run("check", "a.txt", cwd=tmp_path)
    assert_clean_error(proc, words)
    assert "mine.yaml:" in proc.stderr


def test_unknown_format() -> None:
    proc = run("check", str(PRESS), "--format", "pdf")
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1  # one line, as every other error


def test_empty_document_is_not_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    proc = run("check", str(empty))
    assert proc.returncode == 0, proc.stderr
    assert "empty" in proc.stderr.lower()


def test_claims_command_formats() -> None:
    proc = run("claims", str(ARTICLE))
    assert proc.returncode == 0, proc.stderr
    assert "quantity" in proc.stdout
    proc = run("claims", str(ARTICLE), "--format", "jsonl")
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows and all("kind" in r and "span" in r for r in rows)


def test_rules_command() -> None:
    proc = run("rules")
    assert proc.returncode == 0
    assert "FC201" in proc.stdout and "quantity-mismatch" in proc.stdout
    data = json.loads(run("rules", "--format", "json").stdout)
    assert all(r["doc"] for r in data)
    # The engine's own rules are listed too (the README's rule table has them).
    assert {"FC001", "FC002"} <= {r["code"] for r in data}
    assert "FC001  unknown-suppression-code" in proc.stdout


def test_baseline_hides_known_and_fails_on_new(tmp_path: Path) -> None:
    ref = tmp_path / "ref.md"
    draft = tmp_path / "draft.txt"
    ref.write_text(
        "The plant will create 900 direct jobs and has raised €2 billion.\n", encoding="utf-8"
    )
    draft.write_text(
        "The plant will create 900 direct jobs and has raised €2 million.\n", encoding="utf-8"
    )
    base = tmp_path / "baseline.json"
    first = run("check", "--reference", str(ref), str(draft), "--write-baseline", str(base))
    assert first.returncode == 1
    again = run(
        "check", "--reference", str(ref), str(draft), "--baseline", str(base), "--format", "json"
    )
    assert again.returncode == 0, again.stdout
    assert json.loads(again.stdout)["baseline_hidden"] >= 1
    # lines shift above: the known finding stays hidden
    draft.write_text("Intro line.\n\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    shifted = run("check", "--reference", str(ref), str(draft), "--baseline", str(base))
    assert shifted.returncode == 0, shifted.stdout
    # a new discrepancy is planted: CI fails again
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("900 direct", "950 direct"), encoding="utf-8"
    )
    planted = run("check", "--reference", str(ref), str(draft), "--baseline", str(base))
    assert planted.returncode == 1
    assert "950" in planted.stdout


def test_github_format_writes_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("previous step\n", encoding="utf-8")
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck.cli",
            "check",
            "--reference",
            str(PRESS),
            str(ARTICLE),
            "--format",
            "github",
            "--fail-on",
            "never",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("::error file=")  # most severe first
    assert all(line.startswith(("::error", "::warning", "::notice")) for line in lines)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("previous step")  # appended, not overwritten
    assert "FC204" in text


def test_writing_a_baseline_ignores_the_configured_one(tmp_path: Path) -> None:
    # Regression: with `baseline:` in the config, --write-baseline to the same file
    # applied the fresh baseline to its own run and reported nothing (exit 0).
    (tmp_path / "ref.md").write_text("The plant cost €2 billion.\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("The plant cost €2 million.\n", encoding="utf-8")
    (tmp_path / "factcheck.yaml").write_text("baseline: base.json\n", encoding="utf-8")
    (tmp_path / "base.json").write_text('{"fingerprints": []}\n', encoding="utf-8")
    proc = run(
        "check", "--reference", "ref.md", "draft.txt", "--write-baseline", "base.json",
        cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "hidden by the baseline" not in proc.stdout
    again = run("check", "--reference", "ref.md", "draft.txt", cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
