"""Checks shared by the tests of models built without validation (`model.trusted`)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
# Every seed and every crosscheck fixture document (.md and .txt).
SOURCES = sorted(ROOT.glob("seeds/*")) + sorted(
    ROOT.glob("tests/fixtures/crosscheck/*/*.[mt][dx]*")
)


def assert_as_validated(model: BaseModel) -> None:
    """`model` equals what validating its own fields gives: equal values, equal JSON and
    the same type in every field (20 and 20.0 are equal, but not the same JSON)."""
    validated = type(model).model_validate(model.model_dump())
    assert validated == model
    assert validated.model_dump_json() == model.model_dump_json()
    for name in type(model).model_fields:
        assert type(getattr(validated, name)) is type(getattr(model, name)), name


def extracted_values(extractor: ModuleType, text: str) -> list[Any]:
    """The values one extractor module (`find(text, seg, ctx)`) reads in `text`."""
    from factcheck.extract.base import ExtractContext
    from factcheck.ingest import document_from_text
    from factcheck.segment import segment

    doc = document_from_text(text, doc_id="d")
    claims = extractor.find(doc.text, segment(doc.text), ExtractContext(doc_id="d"))
    return [c.value for c in claims]
