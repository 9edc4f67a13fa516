"""Fixtures for renderer tests; the Report factory lives in reportfactory.py."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from reportfactory import hostile, sample

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def sample_report():
    return sample()


@pytest.fixture
def hostile_report():
    return hostile()


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """Compare text with tests/report/golden/<name>; FACTCHECK_UPDATE_GOLDEN=1 rewrites it."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1" or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            if os.environ.get("FACTCHECK_UPDATE_GOLDEN") != "1":
                pytest.fail(f"golden file {path} was missing and has been written; rerun")
        assert text == path.read_text(encoding="utf-8"), (
            f"{name} differs from its golden file; if intended, FACTCHECK_UPDATE_GOLDEN=1"
        )

    return check
