"""Checked drafts are cached with their findings; any change to an input invalidates them."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import run


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("ref.md").write_text("The plant will create 900 direct jobs.\n", encoding="utf-8")
    for i in range(5):
        Path(f"d{i}.txt").write_text(
            f"Draft {i}: the plant will create 950 direct jobs.\n", "utf-8"
        )
    return tmp_path


def _check(cache: str | None = ".cache") -> str:
    drafts = [f"d{i}.txt" for i in range(5)]
    report, _ = run(drafts, references=["ref.md"], cache_dir=cache, jobs=1)
    return report.model_dump_json()


def _rules_found(report_json: str) -> set[str]:
    from factcheck.model import Report

    return {f.rule for f in Report.model_validate_json(report_json).findings}


def results(root: Path) -> list[Path]:
    return sorted(p for p in (root / ".cache" / "results").rglob("*") if p.is_file())


def test_second_run_reads_results_and_agrees(corpus: Path) -> None:
    first = _check()
    assert len(results(corpus)) == 5
    assert _check() == first == _check(cache=None)


def test_corrupt_result_is_recomputed(corpus: Path) -> None:
    first = _check()
    for entry in results(corpus):
        entry.write_bytes(b"not zlib at all")
    assert _check() == first


def test_changed_reference_invalidates(corpus: Path) -> None:
    first = _check()
    Path("ref.md").write_text("The plant will create 950 direct jobs.\n", encoding="utf-8")
    second = _check()
    assert second != first
    assert "FC201" in _rules_found(first) and "FC201" not in _rules_found(second)


def test_changed_draft_invalidates(corpus: Path) -> None:
    _check()
    Path("d0.txt").write_text("Draft 0: the plant will create 900 direct jobs.\n", "utf-8")
    report, _ = run([f"d{i}.txt" for i in range(5)], references=["ref.md"], cache_dir=".cache")
    flagged = {f.location.doc for f in report.findings if f.rule == "FC201"}
    assert "d0.txt" not in flagged and "d1.txt" in flagged


def test_damaged_findings_are_recomputed(corpus: Path) -> None:
    first = _check()
    for entry in results(corpus):
        data = entry.read_bytes()
        entry.write_bytes(data[:-1] + bytes([data[-1] ^ 0x01]))  # the packed findings' last byte
    assert _check() == first
