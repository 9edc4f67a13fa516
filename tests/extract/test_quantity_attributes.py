"""Attributes a figure's dimension cannot have are passed over: "share" is a proportion."""

from __future__ import annotations

import pytest

from factcheck.extract import extract


def attribute_of(text: str, surface: str) -> str | None:
    [claim] = [c for c in extract(text) if c.kind == "quantity" and c.span.text == surface]
    return claim.attribute


@pytest.mark.parametrize(
    ("text", "surface", "attribute"),
    [
        ("Vestra took a 20% stake in the venture.", "20%", "share"),
        ("Its market share rose to 12%.", "12%", "share"),
        ("It announced a $500 million share buyback.", "$500 million", None),
        ("Diluted earnings per share were $3.41.", "$3.41", "revenue"),
        ("It invested €40 million for a stake in the mine.", "€40 million", "investment"),
    ],
)
def test_share_belongs_to_proportions(text: str, surface: str, attribute: str | None) -> None:
    assert attribute_of(text, surface) == attribute
