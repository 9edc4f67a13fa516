"""SARIF 2.1.0: validates against the official schema, findings on the right lines."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from factcheck.report.sarif import artifact_location, render

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # the draft the schema declares
    cls.check_schema(schema)
    return cls(schema)


def test_golden_sample(sample_report, golden):
    golden("sample.sarif", render(*sample_report))


@pytest.mark.parametrize("which", ["sample_report", "hostile_report"])
def test_validates_against_the_official_schema(which, request):
    log = json.loads(render(*request.getfixturevalue(which)))
    errors = sorted(_validator().iter_errors(log), key=str)
    assert not errors, errors[0]


def test_schema_check_is_not_vacuous(sample_report):
    log = json.loads(render(*sample_report))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(_validator().iter_errors(log))


def test_results_point_at_the_right_lines_and_rules(sample_report):
    report, ctx = sample_report
    run = json.loads(render(report, ctx))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["FC101", "FC201", "FC204", "FC301"]
    res = run["results"][1]
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == "FC201"
    assert res["level"] == "error"
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "docs/article.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {
        "startLine": 2, "startColumn": 23, "endLine": 2, "endColumn": 29,
        "snippet": {"text": "15 GWh"},
    }  # fmt: skip
    rel = res["relatedLocations"][0]
    assert rel["message"]["text"] == "press release says 16 GWh here"
    assert rel["physicalLocation"]["artifactLocation"]["uri"] == "docs/press%20release.md"
    assert res["partialFingerprints"] == {"factcheck/v1": report.findings[1].fingerprint}
    assert [r["level"] for r in run["results"]] == ["error", "error", "warning", "note"]
    assert run["invocations"][0]["executionSuccessful"] is True
    assert len(run["artifacts"]) == 2


def test_input_errors_become_notifications(hostile_report):
    run = json.loads(render(*hostile_report))["runs"][0]
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    note = inv["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "cannot read" in note["message"]["text"]


def test_codes_without_rule_docs_still_get_a_descriptor(hostile_report):
    run = json.loads(render(*hostile_report))["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == ["FC201", "FC204", "FC301"]
    assert [r["ruleIndex"] for r in run["results"]] == [0, 1, 2]


def test_uris_are_relative_with_forward_slashes():
    assert artifact_location("docs\\a b.md") == {"uri": "docs/a%20b.md", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("/abs/x.md") == {"uri": "file:///abs/x.md"}
