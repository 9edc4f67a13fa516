"""Segmentations, blocks and sentences are built without validation (`trusted`).

Each one is compared with what validating the same fields gives: equal models, equal
JSON and the same field types."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from factcheck.model import Segmentation
from factcheck.segment import segment
from tests.trusted_models import SOURCES

TEXTS = [
    "Title Line\n\nA paragraph. Another one, with banks including A, B and C.\n\n- item one\n",
    "“Quoted words,” she said. 1. First\n2. Second\n\nEnd of text",
    "",
]


def _assert_as_validated(seg: Segmentation) -> None:
    validated = Segmentation.model_validate(seg.model_dump())
    assert validated == seg
    assert validated.model_dump_json() == seg.model_dump_json()
    for name in ("blocks", "sentences"):
        for built, valid in zip(getattr(seg, name), getattr(validated, name), strict=True):
            _assert_same_types(built, valid)


def _assert_same_types(built: BaseModel, valid: BaseModel) -> None:
    assert type(built) is type(valid)
    for name in type(valid).model_fields:
        assert type(getattr(built, name)) is type(getattr(valid, name)), name


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_segmentations_equal_validated_ones(path: Path) -> None:
    seg = segment(path.read_text(encoding="utf-8"))
    assert seg.blocks and seg.sentences
    _assert_as_validated(seg)


@pytest.mark.parametrize("text", TEXTS)
def test_headings_list_items_and_empty_text_equal_validated_ones(text: str) -> None:
    _assert_as_validated(segment(text))


def test_block_kinds_are_the_validated_literals() -> None:
    seg = segment(TEXTS[0])
    assert [b.kind for b in seg.blocks] == ["heading", "paragraph", "list_item"]
    _assert_as_validated(seg)
