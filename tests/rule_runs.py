"""Shared test helpers: run chosen rules on a release and an article written to a
temporary folder; read the one quantity of a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import check
from factcheck.config import Options, merge
from factcheck.extract import extract
from factcheck.model import Finding, QuantityValue


def check_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, release: str, article: str, rules: list[str]
) -> list[Finding]:
    """The findings of `rules` on article.txt checked against release.md (the reference)."""
    monkeypatch.chdir(tmp_path)
    Path("release.md").write_text(release, encoding="utf-8")
    Path("article.txt").write_text(article, encoding="utf-8")
    settings = merge(Options.model_validate({"select": rules}))
    return check(["article.txt"], references=["release.md"], settings=settings).findings


def quantity_value(text: str) -> QuantityValue:
    """The value of the one quantity claim of `text`."""
    [claim] = [c for c in extract(text) if c.kind == "quantity"]
    assert isinstance(claim.value, QuantityValue)
    return claim.value


def finding_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rule: str, release: str, article: str
) -> list[int]:
    """The article lines where `rule` fires."""
    return [f.location.line for f in check_article(tmp_path, monkeypatch, release, article, [rule])]
