"""Findings are built without validation on the hot path (`engine.trusted_finding`).

These tests validate what was built: a finding that pydantic would reject or
build differently means the fast path is building something wrong. They also pin
what `trusted_finding` assumes about the `Finding` model."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from factcheck.api import analyse, run_context
from factcheck.checks import default_registry
from factcheck.config import Settings
from factcheck.corpus import Corpus
from factcheck.engine import load_rules, run_rules, trusted_finding
from factcheck.ingest import load_document
from factcheck.model import Finding, Span

ROOT = Path(__file__).resolve().parent.parent.parent
SETS = sorted(p for p in (ROOT / "tests/fixtures/crosscheck").iterdir() if p.is_dir())


def _first_pair(folder: Path) -> tuple[Path, Path]:
    """The set's (first) reference and its last draft (a flawed article where there is one)."""
    expect = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))
    return folder / expect["reference"][0], folder / expect["drafts"][-1]


PAIRS = [(ROOT / "seeds/verkor-press-release.md", ROOT / "seeds/verkor-article.txt")] + [
    _first_pair(d) for d in SETS
]


def _findings(reference: Path, draft: Path, *, roles: bool) -> list[Finding]:
    settings = Settings()
    registry = default_registry()
    ctx = run_context(settings)
    docs = (
        analyse(load_document(reference, role="reference" if roles else "peer"), ctx.gazetteer),
        analyse(load_document(draft, role="draft" if roles else "peer"), ctx.gazetteer),
    )
    return run_rules(load_rules(settings, registry), Corpus(docs=docs), registry, ctx)


@pytest.mark.parametrize("roles", [True, False], ids=["roles", "peers"])
@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p[0].parent.name)
def test_built_findings_equal_validated_findings(pair: tuple[Path, Path], roles: bool) -> None:
    findings = _findings(*pair, roles=roles)
    assert findings
    for finding in findings:
        validated = Finding.model_validate(finding.model_dump())
        assert validated == finding
        assert validated.model_dump_json() == finding.model_dump_json()
        assert validated.model_fields_set == finding.model_fields_set
        assert Finding.model_construct(**finding.__dict__) == finding


def test_trusted_finding_assumptions_hold() -> None:
    """No aliases, no private attributes, no post-init hook, no extra fields."""
    assert Finding.model_config.get("extra") == "forbid"
    assert not Finding.__private_attributes__
    assert not Finding.__pydantic_post_init__
    assert not Finding.__pydantic_root_model__
    for name, field in Finding.model_fields.items():
        assert field.alias is None and field.validation_alias is None, name


def test_trusted_finding_matches_model_construct() -> None:
    span = Span(doc="d", start=0, end=2, line=1, column=1, end_line=1, end_column=3, text="42")
    fields = {
        "rule": "FC201",
        "name": "quantity-mismatch",
        "severity": "error",
        "message": "m",
        "location": span,
        "sentence": None,
        "related": [],
        "fingerprint": "f" * 20,
        "suggestion": None,
        "evidence": {"claim": "42"},
        "diff": [("equal", "a")],
    }
    assert list(fields) == list(Finding.model_fields)
    built = trusted_finding(dict(fields))
    assert built == Finding.model_construct(**fields) == Finding(**fields)
    assert built.model_fields_set == Finding(**fields).model_fields_set
    with pytest.raises(ValidationError):
        built.rule = "FC999"  # type: ignore[misc]  # still frozen
