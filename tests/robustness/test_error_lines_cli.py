"""Configuration, rule-pack and fact-sheet mistakes through the command line: one line
on stderr naming the file and line (or the flag), exit status 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# These need the engine/api to call config.validate_params, config.check_codes and to
# report a fact sheet's error at `exc.path`; drop the marker once that is wired.


def factcheck(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (cwd / "draft.md").write_text("The plant will reach 16 GWh by 2030.\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "check", *args, "draft.md"],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def one_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_nul_in_config(tmp_path: Path) -> None:
    (tmp_path / "factcheck.yaml").write_text("fail_on: error\n\x00\n", encoding="utf-8")
    line = one_error(factcheck(tmp_path))
    assert line.startswith("factcheck: error: ")
    assert "factcheck.yaml:2: YAML error: control characters are not allowed" in line


def test_nul_in_rule_pack(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("pack: x\nrules: []\n\x00\n", encoding="utf-8")
    (tmp_path / "factcheck.yaml").write_text("packs: [bad.yaml]\n", encoding="utf-8")
    assert "bad.yaml:3: YAML error:" in one_error(factcheck(tmp_path))


def test_too_large_shows_size_and_limit(tmp_path: Path) -> None:
    (tmp_path / "big.md").write_text("x" * 15_600, encoding="utf-8")
    result = factcheck(tmp_path, "--max-file-mb", "0.012", "big.md")
    assert "big.md: file too large: 15.2 KB (limit 12.3 KB)" in result.stderr


def test_bad_param_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "factcheck.yaml").write_text(
        "params: {FC201: {rel_tolerance: 0.01, nope: 3}}\n", encoding="utf-8"
    )
    line = one_error(factcheck(tmp_path))
    assert line.endswith("factcheck.yaml:1: params.FC201.nope: unknown key")


def test_unknown_severity_code(tmp_path: Path) -> None:
    (tmp_path / "factcheck.yaml").write_text("severity: {FC999: error}\n", encoding="utf-8")
    line = one_error(factcheck(tmp_path))
    assert line.endswith("factcheck.yaml:1: severity: FC999 matches no rule")


def test_unknown_select_flag(tmp_path: Path) -> None:
    assert one_error(factcheck(tmp_path, "--select", "FC999")) == (
        "factcheck: error: --select FC999 matches no rule"
    )


def test_fact_sheet_error_is_path_colon_line(tmp_path: Path) -> None:
    (tmp_path / "badfacts.yaml").write_text(
        "facts:\n  - subject: x\n    attribute: y\n    value: 3\n    colour: red\n",
        encoding="utf-8",
    )
    result = factcheck(tmp_path, "--facts", "badfacts.yaml")
    assert result.returncode == 2
    assert "badfacts.yaml:5: facts.0.colour: unknown key" in result.stderr
