"""Per-rule fixture cases: tests/fixtures/rules/<CODE>.yaml.

Each file holds named cases: documents (text in), which of them are references,
optional config, and the findings expected (code, doc, line). A case with
`expect: []` must produce nothing from that rule. One test per case, generated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.api import check
from factcheck.config import Options, merge

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "rules" / "core.yaml"


def _cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            cases.append((f"{data['rule']}::{case['name']}", {**case, "rule": data["rule"]}))
    return cases


CASES = _cases()


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_rule_case(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in case["docs"].items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    refs = case.get("references", [])
    drafts = [n for n in case["docs"] if n not in refs]
    config = yaml.safe_load(yaml.safe_dump(case.get("config", {})).replace("{root}", str(ROOT)))
    options = Options.model_validate({"select": [case["rule"]], **config})
    report = check(drafts, references=refs, settings=merge(options))
    assert not report.errors, report.errors
    got = sorted((f.rule, f.location.doc, f.location.line) for f in report.findings)
    want = sorted((e["code"], e["doc"], e["line"]) for e in case.get("expect", []))
    messages = "\n".join(f"{f.rule} {f.location.where}: {f.message}" for f in report.findings)
    assert got == want, f"findings:\n{messages}"


def test_every_rule_has_firing_and_silent_cases() -> None:
    codes = []
    for pack in (CORE, ROOT / "rules" / "house-style.example.yaml"):
        codes += [r["id"] for r in yaml.safe_load(pack.read_text(encoding="utf-8"))["rules"]]
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for _, case in CASES:
        by_rule.setdefault(case["rule"], []).append(case)
    for code in codes:
        cases = by_rule.get(code, [])
        assert any(c.get("expect") for c in cases), f"{code} has no case where it fires"
        assert any(not c.get("expect") for c in cases), f"{code} has no case where it stays silent"
