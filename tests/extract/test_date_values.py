"""Date values are built without validation (`trusted`, in `dates._date_value`).

Each one is compared with what validating the same fields gives: equal values, equal
JSON and the same field types."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract import dates
from factcheck.model import DateValue
from tests.trusted_models import SOURCES, assert_as_validated, extracted_values

TEXTS = [
    "PARIS, 11 December 2025 - Since 2020, by 2030, from 2014 to 2018, 2012 or later.",
    "Washington, Dec. 3, 2024 -- On Dec. 5 and 2016-12-15, Jan-Feb 2017, before 1999.",
]


def _values(text: str) -> list[DateValue]:
    return extracted_values(dates, text)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_date_values_equal_validated_values(path: Path) -> None:
    for value in _values(path.read_text(encoding="utf-8")):
        assert_as_validated(value)


@pytest.mark.parametrize("text", TEXTS)
def test_bounds_datelines_and_partial_dates_equal_validated_values(text: str) -> None:
    values = _values(text)
    assert len(values) >= 5
    assert any(v.dateline for v in values) and any(v.bound != "on" for v in values)
    for value in values:
        assert_as_validated(value)


def test_a_partial_date_completed_from_the_dateline_keeps_its_surface() -> None:
    values = _values("PARIS, 11 December 2025 - The plant opens on 5 March at noon.")
    partial = [v for v in values if v.relative is not None]
    assert [(v.iso, v.relative) for v in partial] == [("2025-03-05", "5 March")]
    assert_as_validated(partial[0])
