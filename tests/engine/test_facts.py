"""Fact sheets act as reference documents with structured claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import check
from factcheck.errors import InputFileError
from factcheck.facts import load_facts

FACTS = """\
facts:
  - subject: the Aarhus plant
    attribute: capacity
    value: 12 GWh per year
    keywords: [initial capacity, gigafactory]
  - subject: the Aarhus plant
    attribute: jobs
    value: 900 direct jobs
"""


def test_fact_sheet_claims_point_at_yaml_lines(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(FACTS, encoding="utf-8")
    doc = load_facts(str(path))
    assert doc.role == "reference"
    assert "12 GWh per year" in doc.text
    start = doc.text.index("900 direct jobs")
    assert doc.span(start, start + 3).line == 8


def test_draft_checked_against_facts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("facts.yaml").write_text(FACTS, encoding="utf-8")
    Path("draft.txt").write_text(
        "The gigafactory has an initial capacity of 15 GWh per year and 900 direct jobs.\n",
        encoding="utf-8",
    )
    report = check(["draft.txt"], facts="facts.yaml")
    rules = {(f.rule, f.location.text) for f in report.findings}
    assert ("FC201", "15 GWh per year") in rules
    assert not any(text == "900 direct jobs" for _, text in rules)
    fc201 = next(f for f in report.findings if f.rule == "FC201")
    assert fc201.related[0].span.line == 4  # the `value:` line of the first fact


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "facts:\n  - subject: x\n    value: 3\n",
            "facts.yaml:2: facts.0.attribute: missing required field",
        ),
        (
            "facts:\n  - subject: x\n    attribute: y\n    value: 3\n    colour: red\n",
            "facts.yaml:5: facts.0.colour: unknown key",
        ),
        ("facts: [\n", "YAML error"),
    ],
)
def test_bad_fact_sheets(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        load_facts(str(path))
    assert words in str(info.value)
