"""The seed discrepancies are found identically whether the press release is
Markdown, HTML, DOCX or PDF (only where a finding stands is written differently)."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest
from ingest_builders import SEED, make_docx, make_pdf, seed_paragraphs

from factcheck.api import check

ARTICLE = SEED.parent / "verkor-article.txt"


def _findings(reference: Path, tmp: Path) -> set[tuple[str, str, str]]:
    draft = tmp / "article.txt"
    shutil.copy(ARTICLE, draft)
    report = check([str(draft)], references=[str(reference)])
    assert not report.errors, report.errors
    return {
        (
            f.rule,
            "reference" if f.location.doc == str(reference) else "draft",
            " ".join(f.location.text.split()),
        )
        for f in report.findings
    }


def _html(path: Path) -> Path:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in seed_paragraphs())
    path.write_text(
        f"<!DOCTYPE html>\n<html><body><article>\n{body}\n</article></body></html>", "utf-8"
    )
    return path


@pytest.fixture(scope="module")
def from_markdown(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str, str]]:
    tmp = tmp_path_factory.mktemp("md")
    reference = tmp / "release.md"
    shutil.copy(SEED, reference)
    return _findings(reference, tmp)


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_same_findings_as_markdown(
    fmt: str, from_markdown: set[tuple[str, str, str]], tmp_path: Path
) -> None:
    reference = tmp_path / f"release.{fmt}"
    if fmt == "html":
        _html(reference)
    elif fmt == "docx":
        reference.write_bytes(make_docx(seed_paragraphs()))
    else:
        reference.write_bytes(make_pdf(seed_paragraphs()))
    found = _findings(reference, tmp_path)
    assert {
        ("FC101", "reference", "La Banque Postale"),
        ("FC204", "draft", "This is a great day for Dunkirk, France and Europe,"),
    } <= found
    extra, missing = sorted(found - from_markdown), sorted(from_markdown - found)
    assert found == from_markdown, f"only in {fmt}: {extra}\nonly in markdown: {missing}"
