"""The CI integrations parse and point at the real command."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "factcheck")
    assert hook["entry"].startswith("factcheck check")
    assert hook["language"] == "python"


def test_action_runs_factcheck_and_uploads_sarif() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    run = "\n".join(s.get("run", "") for s in steps)
    assert "factcheck" in run and "--format sarif" in run and "--format github" in run
    assert any("upload-sarif" in s.get("uses", "") for s in steps)
    for name in ("paths", "reference", "fail-on", "sarif-file"):
        assert name in action["inputs"]


def test_ci_script_calls_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
