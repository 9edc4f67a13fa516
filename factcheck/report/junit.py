"""JUnit XML report: one <testsuite> per document, one <testcase> per rule family.

A family's testcase fails when it has findings at or above the failure threshold
(`ctx.fail_on`); findings below it go to <system-out>; unreadable inputs are <error>s.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache

from factcheck.model import SEVERITY_RANK, Finding, Report
from factcheck.report import RenderContext
from factcheck.report.common import FAMILIES, by_document, family, rules_of


@cache
def _invalid_xml() -> re.Pattern[str]:
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text with characters that XML 1.0 cannot carry replaced by U+FFFD."""
    return _invalid_xml().sub("\ufffd", text)


def fails(severity: str, fail_on: str) -> bool:
    """Whether a finding of `severity` fails at threshold `fail_on` (`never` fails nothing)."""
    threshold = SEVERITY_RANK.get(fail_on)
    return threshold is not None and SEVERITY_RANK[severity] >= threshold


def finding_line(f: Finding) -> str:
    """One finding as text: location, code, severity, message, then its related notes."""
    loc = f.location
    where = loc.where if loc.label else f"{loc.doc}:{loc.line}:{loc.column}"
    lines = [f"{where}: {f.rule} {f.name} [{f.severity}] {f.message}"]
    lines += [f"  note: {r.span.where}: {r.note}" for r in f.related]
    return "\n".join(lines)


def _families(report: Report, ctx: RenderContext) -> list[str]:
    names = {family(r.code) for r in rules_of(report, ctx)}
    names |= {family(f.rule) for f in report.findings}
    return sorted(names) if names else list(FAMILIES.values())


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_safe(text)
    return el


def _suite(
    root: ET.Element, doc: str, findings: list[Finding], families: list[str], fail_on: str
) -> tuple[ET.Element, int, int]:
    suite = _sub(root, "testsuite", name=doc)
    failures = 0
    for fam in families:
        case = _sub(suite, "testcase", classname=doc, name=fam, time="0")
        mine = [f for f in findings if family(f.rule) == fam]
        failing = [f for f in mine if fails(f.severity, fail_on)]
        passing = [f for f in mine if not fails(f.severity, fail_on)]
        if failing:
            failures += 1
            text = "\n".join(finding_line(f) for f in failing)
            first = failing[0]
            _sub(case, "failure", text, message=first.message, type=f"{first.rule} {first.name}")
        if passing:
            _sub(case, "system-out", "\n".join(finding_line(f) for f in passing))
    return suite, len(families), failures


def render(report: Report, ctx: RenderContext) -> str:
    """The report as JUnit XML (UTF-8 text with an XML declaration)."""
    root = ET.Element("testsuites", name=xml_safe(ctx.title))
    families = _families(report, ctx)
    totals = [0, 0, 0]  # tests, failures, errors
    suites: dict[str, ET.Element] = {}
    for doc, findings in by_document(report):
        suite, tests, failures = _suite(root, doc, findings, families, ctx.fail_on)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suites[doc] = suite
        totals[0] += tests
        totals[1] += failures
    for err in report.errors:
        if err.path not in suites:
            suites[err.path] = _sub(root, "testsuite", name=err.path, failures="0")
            suites[err.path].set("tests", "0")
            suites[err.path].set("errors", "0")
        suite = suites[err.path]
        case = _sub(suite, "testcase", classname=err.path, name="input", time="0")
        _sub(case, "error", err.message, message=err.message, type="InputError")
        suite.set("tests", str(int(suite.get("tests", "0")) + 1))
        suite.set("errors", str(int(suite.get("errors", "0")) + 1))
        totals[0] += 1
        totals[2] += 1
    for suite in suites.values():
        suite.set("skipped", "0")
        suite.set("time", "0")
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", str(totals[2]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
