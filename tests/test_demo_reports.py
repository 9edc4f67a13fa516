"""reports/ holds what `make demo` writes; this test fails when those files are stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORMATS = {
    "markdown": "seeds.md",
    "json": "seeds.json",
    "html": "seeds.html",
    "sarif": "seeds.sarif",
}


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    args = [
        sys.executable,
        "-m",
        "factcheck.cli",
        "check",
        "--reference",
        "seeds/verkor-press-release.md",
        "seeds/verkor-article.txt",
        "--fail-on",
        "never",
    ]
    for fmt, name in FORMATS.items():
        args += ["--format", fmt, "--output", str(out / name)]
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.parametrize("name", sorted(FORMATS.values()))
def test_committed_report_is_current(regenerated: Path, name: str) -> None:
    committed = ROOT / "reports" / name
    assert committed.is_file(), f"reports/{name} is missing: run `make demo`"
    fresh = (regenerated / name).read_text(encoding="utf-8")
    assert committed.read_text(encoding="utf-8") == fresh, (
        f"reports/{name} is stale: run `make demo`"
    )


def test_seed_report_has_the_known_discrepancies(regenerated: Path) -> None:
    import json

    data = json.loads((regenerated / "seeds.json").read_text(encoding="utf-8"))
    found = {
        (f["rule"], f["location"]["doc"].rsplit("/", 1)[-1], f["location"]["line"])
        for f in data["findings"]
    }
    expected = {
        ("FC101", "verkor-press-release.md", 35),
        ("FC105", "verkor-press-release.md", 37),
        ("FC102", "verkor-press-release.md", 45),
        ("FC104", "verkor-press-release.md", 47),
        ("FC203", "verkor-article.txt", 9),
        ("FC204", "verkor-article.txt", 5),
        ("FC206", "verkor-article.txt", 5),
        ("FC301", "verkor-article.txt", 6),
        ("FC302", "verkor-article.txt", 6),
        ("FC302", "verkor-article.txt", 3),
        ("FC302", "verkor-article.txt", 10),
        ("FC302", "verkor-article.txt", 12),
        ("FC302", "verkor-article.txt", 1),
    }
    assert expected <= found, expected - found
    fc101 = [f for f in data["findings"] if f["rule"] == "FC101"]
    assert len(fc101) == 1 and fc101[0]["location"]["text"] == "La Banque Postale"
    # Agreements in other words must stay silent.
    silent_lines = {("FC201", 1), ("FC201", 3), ("FC201", 6), ("FC202", 3), ("FC106", 43)}
    assert not {(r, line) for r, _, line in found} & silent_lines
    texts = {f["location"]["text"] for f in data["findings"]}
    for agreed in ("16 GWh", "€3 billion", "1,200 direct jobs", "11 December 2025", "2030"):
        assert agreed not in texts
