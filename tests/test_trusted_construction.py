"""Claims and spans are built without validation on the hot path (`model_construct`).

These tests validate what was built, field by field: a claim that pydantic would
reject or coerce differently means the fast path is building something wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from factcheck.extract import extract_document
from factcheck.ingest import document_from_text
from factcheck.model import Claim, Span, trusted

ROOT = Path(__file__).resolve().parent.parent
CROSSCHECK = "tests/fixtures/crosscheck/*/*.[mt][dx]*"  # .md and .txt
SOURCES = sorted(ROOT.glob("seeds/*")) + sorted(ROOT.glob(CROSSCHECK))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_constructed_claims_equal_validated_claims(path: Path) -> None:
    doc = document_from_text(path.read_text(encoding="utf-8"), doc_id=path.name)
    claims = extract_document(doc)
    assert claims
    for claim in claims:
        validated = Claim.model_validate(claim.model_dump())
        assert validated == claim
        assert validated.model_dump_json() == claim.model_dump_json()


def test_document_span_is_a_valid_span() -> None:
    doc = document_from_text("First line.\nSecond line with 42 MW.\n", doc_id="d")
    span = doc.span(29, 34)
    assert Span.model_validate(span.model_dump()) == span
    assert (span.text, span.line, span.column, span.end_column) == ("42 MW", 2, 18, 23)


def test_trusted_instance_behaves_like_a_validated_one() -> None:
    fields = {
        "doc": "d",
        "start": 0,
        "end": 2,
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 3,
        "text": "42",
        "label": None,
    }
    built, validated = trusted(Span, dict(fields)), Span(**fields)
    assert built == validated and hash(built) == hash(validated)
    assert built.model_fields_set == validated.model_fields_set
    assert built.model_copy(update={"text": "43"}).text == "43"
    with pytest.raises(ValidationError):
        built.text = "changed"  # type: ignore[misc]
