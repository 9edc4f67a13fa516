"""Checks shared by the tests of models built without validation (`model.trusted`)."""

from __future__ import annotations

from pathlib import Path

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
