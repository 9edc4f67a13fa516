"""Roles from the configuration's globs count like roles from the command line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from factcheck.api import Source
from factcheck.config import Options, merge
from factcheck.parallel import resolve_roles

ROOT = Path(__file__).resolve().parent.parent


def test_a_reference_from_a_glob_makes_the_others_drafts() -> None:
    settings = merge(Options(roles={"reference": ["press/*.md"]}))
    sources = [Source("press/release.md"), Source("drafts/a.txt"), Source("drafts/b.txt")]
    assert resolve_roles(sources, settings) == ["reference", "draft", "draft"]


def test_without_any_reference_documents_are_peers() -> None:
    settings = merge(Options(roles={"draft": ["drafts/*"]}))
    sources = [Source("drafts/a.txt"), Source("notes.txt")]
    assert resolve_roles(sources, settings) == ["draft", "peer"]


def test_config_roles_check_drafts_against_the_reference(tmp_path: Path) -> None:
    (tmp_path / "press").mkdir()
    shutil.copy(ROOT / "seeds" / "verkor-press-release.md", tmp_path / "press" / "release.md")
    shutil.copy(ROOT / "seeds" / "verkor-article.txt", tmp_path / "article.txt")
    (tmp_path / "factcheck.yaml").write_text(
        'roles:\n  reference: ["press/*.md"]\n', encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "check", "press/release.md", "article.txt",
         "--format", "json", "--fail-on", "never", "--no-cache"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    roles = {d["id"]: d["role"] for d in report["documents"]}
    assert roles == {"press/release.md": "reference", "article.txt": "draft"}
    assert any(f["rule"] == "FC204" for f in report["findings"])  # the misquote
