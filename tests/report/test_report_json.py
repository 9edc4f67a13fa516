"""The JSON report and its published schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from factcheck.model import SCHEMA_VERSION, Report
from factcheck.report.json import render, schema, schema_text, shipped_schema


def test_golden_sample(sample_report, golden):
    golden("sample.json", render(*sample_report))


def test_committed_schema_is_up_to_date():
    assert shipped_schema() == schema(), "run: python scripts/gen_schema.py"
    assert shipped_schema() == json.loads(schema_text())


@pytest.mark.parametrize("which", ["sample_report", "hostile_report"])
def test_output_validates_against_the_shipped_schema(which, request):
    report, ctx = request.getfixturevalue(which)
    validator_cls = jsonschema.validators.validator_for(shipped_schema())
    assert validator_cls is jsonschema.Draft202012Validator
    validator_cls(shipped_schema()).validate(json.loads(render(report, ctx)))


def test_schema_rejects_a_report_without_findings(sample_report):
    data = json.loads(render(*sample_report))
    del data["findings"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, shipped_schema())


def test_output_round_trips_and_carries_the_schema_version(sample_report):
    report, ctx = sample_report
    out = render(report, ctx)
    data = json.loads(out)
    assert data["schema_version"] == SCHEMA_VERSION
    assert Report.model_validate_json(out) == report
