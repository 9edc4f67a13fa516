"""SARIF 2.1.0 report, for code-scanning annotations on the right file lines."""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from factcheck.model import Finding, Report, RuleInfo, Span
from factcheck.report import RenderContext
from factcheck.report.common import rules_of

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


def _rules(report: Report, ctx: RenderContext) -> list[RuleInfo]:
    """Documented rules plus stand-ins for any code that a finding uses but no rule documents."""
    rules = rules_of(report, ctx)
    known = {r.code for r in rules}
    for f in report.findings:
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
    """The report as a SARIF 2.1.0 log with one run."""
    rules = _rules(report, ctx)
    index = {r.code: i for i, r in enumerate(rules)}
    notes = [
        {
            "level": "error",
            "message": {"text": e.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(e.path)}}],
        }
        for e in report.errors
    ]
    run: dict[str, Any] = {
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
        "results": [result(f, index[f.rule]) for f in report.findings],
        "properties": {"schema_version": report.schema_version, "packs": list(report.packs)},
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
