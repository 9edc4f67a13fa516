"""SARIF 2.1.0 report, for code-scanning annotations on the right file lines."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from factcheck.model import Finding, Report, RuleInfo, Span
from factcheck.report import RenderContext
from factcheck.report.common import rules_of
from factcheck.report.packed import PackedFindings, run_text, unpack

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
BASE = "%SRCROOT%"


def artifact_location(doc: str) -> dict[str, Any]:
    """A document id as a SARIF artifactLocation: relative, forward slashes, percent-encoded."""
    posix = doc.replace("\\", "/")
    if PurePosixPath(posix).is_absolute() or PureWindowsPath(doc).is_absolute():
        return {"uri": "file://" + quote(("" if posix.startswith("/") else "/") + posix)}
    return {"uri": quote(posix, safe="/-._~"), "uriBaseId": BASE}


def region(span: Span) -> dict[str, Any]:
    """The span's region. Lines without columns (DOCX paragraphs) get a start line only."""
    out: dict[str, Any] = {"startLine": max(1, span.line)}
    if span.label is None:
        out.update(
            startColumn=max(1, span.column),
            endLine=max(span.line, span.end_line, 1),
            endColumn=max(1, span.end_column),
        )
    if span.text:
        out["snippet"] = {"text": span.text}
    return out


def physical(span: Span) -> dict[str, Any]:
    """A physicalLocation for a span."""
    return {"artifactLocation": artifact_location(span.doc), "region": region(span)}


def descriptor(rule: RuleInfo, ctx: RenderContext) -> dict[str, Any]:
    """A reportingDescriptor for one rule."""
    summary = rule.summary or rule.name
    help_text = ctx.help.get(rule.code) or summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary.split("\n", 1)[0]},
        "fullDescription": {"text": summary},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"pack": rule.pack, "check": rule.check, "scope": rule.scope},
    }


def _rules(
    report: Report, ctx: RenderContext, used: Callable[[set[str]], Iterable[Finding]]
) -> list[RuleInfo]:
    """Documented rules plus stand-ins for any code that a finding uses but no rule
    documents; `used(known)` gives, in report order, the findings whose codes may be
    outside `known`."""
    rules = rules_of(report, ctx)
    known = {r.code for r in rules}
    for f in used(set(known)):
        if f.rule not in known:
            known.add(f.rule)
            rules.append(
                RuleInfo(
                    code=f.rule,
                    name=f.name,
                    check="",
                    severity=f.severity,
                    scope="",
                    summary=f.name,
                    pack="",
                )
            )
    return rules


def result(f: Finding, rule_index: int) -> dict[str, Any]:
    """One SARIF result."""
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": physical(f.location)}],
        "partialFingerprints": {"factcheck/v1": f.fingerprint},
    }
    if f.location.label:
        out["locations"][0]["message"] = {"text": f.location.label}
    if f.related:
        out["relatedLocations"] = [
            {"id": i, "physicalLocation": physical(r.span), "message": {"text": r.note}}
            for i, r in enumerate(f.related, start=1)
        ]
    if f.evidence:
        out["properties"] = {"evidence": dict(f.evidence)}
    return out


def render(report: Report, ctx: RenderContext) -> str:
    """The report as a SARIF 2.1.0 log with one run (each result on one line)."""
    return "".join(_pieces(report, ctx, lambda known: report.findings, [report.findings]))


_RESULTS = "\x1ffactcheck-results\x1f"  # stands in for the results while the rest is laid out
_RESULT_INDENT = "\n        "  # a result's depth in the log: log, runs, run, results
_TOP_LEVEL_RULE = re.compile(r'\n      "rule": "((?:[^"\\]|\\.)*)"')  # in packed findings


def chunks(head: Report, runs: Sequence[PackedFindings], ctx: RenderContext) -> Iterator[bytes]:
    """The SARIF log of `head` with the findings of `runs` (in report order), piece by
    piece: what `render` gives for the report holding those findings, with one run's
    findings unpacked at a time."""
    if head.findings:
        raise ValueError("chunks() takes the report without its findings")

    def used(known: set[str]) -> Iterator[Finding]:
        for packed in runs:  # only runs naming a code outside `known` are unpacked
            if set(_TOP_LEVEL_RULE.findall(run_text(packed).decode())) - known:
                yield from unpack(packed)

    for piece in _pieces(head, ctx, used, (unpack(packed) for packed in runs)):
        yield piece.encode()


def _pieces(
    report: Report,
    ctx: RenderContext,
    used: Callable[[set[str]], Iterable[Finding]],
    groups: Iterable[Sequence[Finding]],
) -> Iterator[str]:
    """The log's text: everything but the results laid out by `json.dumps`, then the
    results of each group of findings, one compact line each (the C encoder: an indented
    dump of half a million results took minutes)."""
    rules = _rules(report, ctx, used)
    index = {r.code: i for i, r in enumerate(rules)}
    run = _run(report, ctx, rules)
    run["results"] = _RESULTS
    before, after = _dump(run).split(json.dumps(_RESULTS), 1)
    yield before
    opening = "["
    for findings in groups:
        if findings:
            lines = (json.dumps(result(f, index[f.rule]), ensure_ascii=False) for f in findings)
            yield opening + _RESULT_INDENT + ("," + _RESULT_INDENT).join(lines)
            opening = ","
    yield ("[]" if opening == "[" else "\n      ]") + after


def _run(report: Report, ctx: RenderContext, rules: list[RuleInfo]) -> dict[str, Any]:
    """The SARIF run, but for its results."""
    notes = [
        {
            "level": "error",
            "message": {"text": e.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(e.path)}}],
        }
        for e in report.errors
    ]
    return {
        "tool": {
            "driver": {
                "name": report.tool,
                "version": report.version,
                "semanticVersion": report.version,
                "rules": [descriptor(r, ctx) for r in rules],
            }
        },
        "originalUriBaseIds": {BASE: {"description": {"text": "The directory factcheck ran in."}}},
        "artifacts": [
            {
                "location": artifact_location(d.id),
                "roles": ["analysisTarget"],
                **({"hashes": {"sha-256": d.sha256}} if d.sha256 else {}),
                "properties": {"role": d.role, "format": d.format, "claims": d.claims},
            }
            for d in report.documents
        ],
        "invocations": [
            {"executionSuccessful": not report.errors, "toolExecutionNotifications": notes}
        ],
        "results": [],
        "properties": {"schema_version": report.schema_version, "packs": list(report.packs)},
    }


def _dump(run: dict[str, Any]) -> str:
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
