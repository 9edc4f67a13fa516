"""The scale-slip note names the words a reader has to check."""

from __future__ import annotations

import pytest

from factcheck.checks.agreement import scale_note
from tests.rule_runs import quantity_value


@pytest.mark.parametrize(
    ("draft", "reference", "advice"),
    [
        ("The plant cost $4.8 million.", "The plant cost $4.8 billion.", '"million" vs "billion"'),
        ("EPS was $3.87 million.", "EPS was $3.87.", '"million": the other figure has no scale'),
        ("A grant of £15,000 came in.", "A grant of £15 million came in.", '"million": the other'),
        ("The farm makes 6.2 GWh a year.", "The farm makes 6.2 TWh a year.", "check the unit"),
        ("It employs 1,200 people.", "It employs 1.2 million people.", '"million": the other'),
    ],
)
def test_note_names_the_scale_words(draft: str, reference: str, advice: str) -> None:
    note = scale_note(quantity_value(draft), quantity_value(reference))
    assert note.startswith(" (a factor of 1,000")
    assert advice in note


def test_a_millionfold_slip_names_its_words() -> None:
    note = scale_note(quantity_value("EPS was $3.87 million."), quantity_value("EPS was $3.87."))
    assert (
        note
        == ' (a factor of 1,000,000 apart: check "million": the other figure has no scale word)'
    )


@pytest.mark.parametrize(
    ("a", "b"), [("It cost $4.8 million.", "It cost $5.2 million."), ("40 GWh", "55 GWh")]
)
def test_no_note_for_other_gaps(a: str, b: str) -> None:
    assert scale_note(quantity_value(a), quantity_value(b)) == ""
