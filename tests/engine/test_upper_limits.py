"""Two upper limits of one figure ("up to 15,000 t", "up to 18,000 t") must be the same
limit; as intervals from zero they always overlapped, so a wrong limit passed."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks.agreement import quantities_agree
from tests.rule_runs import check_article, quantity_value


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("It stores up to 15,000 tonnes.", "It stores up to 18,000 tonnes.", False),
        ("It stores up to 15,000 tonnes.", "It stores at most 15,000 tonnes.", True),
        ("It stores up to 15,000 tonnes.", "It stores up to 15 kilotonnes.", True),
        ("Fewer than 40 staff work there.", "Under 40 staff work there.", True),
        ("It stores up to 15,000 tonnes.", "It stores 12,000 tonnes.", True),  # a value under it
        ("It stores up to 15,000 tonnes.", "It stores 18,000 tonnes.", False),
        ("More than 1,000 jobs.", "At least 1,200 jobs.", True),  # lower bounds: unchanged
    ],
)
def test_upper_limits_agree_only_when_equal(a: str, b: str, agree: bool) -> None:
    assert quantities_agree(quantity_value(a), quantity_value(b), 0.005, 0.1) is agree
    assert quantities_agree(quantity_value(b), quantity_value(a), 0.005, 0.1) is agree


def findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ref: str, art: str) -> list:
    return check_article(tmp_path, monkeypatch, ref, art, ["FC201"])


REF = (
    "The new terminal at the port of Skagen will supply up to 15,000 tonnes of green "
    "methanol a year to ships calling at the port.\n"
)


def test_a_different_limit_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    art = (
        "The Skagen terminal will supply up to 18,000 tonnes of green methanol a year "
        "to ships calling at the port.\n"
    )
    [finding] = findings(tmp_path, monkeypatch, REF, art)
    assert '"18,000 tonnes"' in finding.message and '"15,000 tonnes"' in finding.message


def test_the_same_limit_is_silent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    art = (
        "The Skagen terminal will supply as much as 15,000 tonnes of green methanol a year "
        "to ships calling at the port.\n"
    )
    assert findings(tmp_path, monkeypatch, REF, art) == []


def test_a_thousandfold_limit_is_a_slip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ref = "The licence brings milestone payments of up to $1.2 billion to Norvik Bio.\n"
    art = "The licence brings milestone payments of up to $1.2 million to Norvik Bio.\n"
    [finding] = findings(tmp_path, monkeypatch, ref, art)
    assert "factor of 1,000" in finding.message
