"""JUnit XML: parses, counts match, the threshold decides what fails."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from factcheck.report import RenderContext
from factcheck.report.junit import render


def _parse(report, ctx) -> ET.Element:
    return ET.fromstring(render(report, ctx).encode("utf-8"))


def _check_counts(root: ET.Element) -> None:
    suites = root.findall("testsuite")
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        assert int(suite.get("errors")) == sum(1 for c in cases if c.find("error") is not None)
    for attr in ("tests", "failures", "errors"):
        assert int(root.get(attr)) == sum(int(s.get(attr)) for s in suites)


def test_one_suite_per_document_one_case_per_family(sample_report):
    root = _parse(*sample_report)
    _check_counts(root)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["docs/press release.md", "docs/article.txt"]
    names = [c.get("name") for c in suites[1].findall("testcase")]
    assert names == ["FC1xx internal consistency", "FC2xx cross-source", "FC3xx support"]
    assert {c.get("classname") for c in suites[1]} == {"docs/article.txt"}


def test_failures_carry_the_findings_and_info_goes_to_system_out(sample_report):
    root = _parse(*sample_report)
    article = root.findall("testsuite")[1]
    cross = article.find("testcase[@name='FC2xx cross-source']/failure")
    assert cross.get("message").startswith("The article says 15 GWh")
    assert "FC204 misquote [warning]" in cross.text
    support = article.find("testcase[@name='FC3xx support']")
    assert support.find("failure") is None
    assert "Gamma Capital" in support.find("system-out").text
    assert root.get("failures") == "2"


@pytest.mark.parametrize(
    ("fail_on", "failures"), [("info", 3), ("warning", 2), ("error", 2), ("never", 0)]
)
def test_threshold_decides_failures(sample_report, fail_on, failures):
    report, ctx = sample_report
    root = _parse(report, RenderContext(sources=ctx.sources, rules=ctx.rules, fail_on=fail_on))
    _check_counts(root)
    assert int(root.get("failures")) == failures


def test_error_threshold_moves_warnings_to_system_out(sample_report):
    report, ctx = sample_report
    root = _parse(report, RenderContext(rules=ctx.rules, fail_on="error"))
    case = root.find("testsuite[@name='docs/article.txt']/testcase[@name='FC2xx cross-source']")
    assert "FC204" not in case.find("failure").text
    assert "FC204" in case.find("system-out").text


def test_hostile_text_is_escaped_and_input_errors_are_errors(hostile_report):
    text = render(*hostile_report)
    root = ET.fromstring(text.encode("utf-8"))
    _check_counts(root)
    assert root.get("errors") == "1"
    err = root.find("testsuite/testcase[@name='input']/error")
    assert "]]>" in err.text and "\x00" not in err.text
    assert "]]>" in root.find(".//failure").text
    assert "<script>" not in text
