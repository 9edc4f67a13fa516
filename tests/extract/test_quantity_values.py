"""Quantity values are built without validation (`trusted`, in `Draft.to_value`).

Each one is compared with what validating the same fields gives: equal values, equal
JSON and the same field types (20 and 20.0 are equal, but not the same JSON)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract import quantities
from factcheck.extract.quantity_draft import Draft
from factcheck.model import QuantityValue
from tests.trusted_models import SOURCES, assert_as_validated, extracted_values

TEXTS = [
    "Tens of thousands of jobs, hundreds of millions of euros and a few hundred people.",
    "Between 200,000 and 300,000 EV batteries, 3-5 GWh a year, €3 billion, 5 ft 2 in.",
    "Above 10 and below 20 mg, 45 and 50 mg, 1,200 direct jobs, 16 GWh/year or more.",
]


def _values(text: str) -> list[QuantityValue]:
    return extracted_values(quantities, text)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_quantity_values_equal_validated_values(path: Path) -> None:
    values = _values(path.read_text(encoding="utf-8"))
    assert values
    for value in values:
        assert_as_validated(value)


@pytest.mark.parametrize("text", TEXTS)
def test_ranges_vague_amounts_and_units_equal_validated_values(text: str) -> None:
    values = _values(text)
    assert len(values) >= 3
    for value in values:
        assert_as_validated(value)


def test_integer_fields_become_floats_as_validation_makes_them() -> None:
    draft = Draft(0, 2, 0.0, bound="range", low=20, high=90, vague=True)  # type: ignore[arg-type]
    value = draft.to_value()
    assert_as_validated(value)
    assert (value.low, value.high, value.magnitude) == (20.0, 90.0, None)
    exact = Draft(0, 2, 7, scale=1000)  # type: ignore[arg-type]
    assert_as_validated(exact.to_value())
    assert exact.to_value() == QuantityValue(unit="", dimension="count", magnitude=7, scale=1000)
