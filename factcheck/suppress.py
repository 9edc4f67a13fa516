"""Inline suppressions in Markdown and HTML documents.

    <!-- factcheck: ignore FC301 -->         the next paragraph (block)
    <!-- factcheck: ignore FC301, FC302 -->  several codes (or prefixes: FC3)
    <!-- factcheck: ignore -->               every rule, next paragraph
    <!-- factcheck: ignore-file FC302 -->    the whole document

A code that names no rule is reported (FC001); with `report_unused`, so is a
suppression that suppressed nothing (FC002).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from factcheck.corpus import DocInput
from factcheck.model import Finding, RuleInfo

_DIRECTIVE = re.compile(
    r"^\s*factcheck\s*:\s*(ignore-file|ignore)\b(.*)$", re.IGNORECASE | re.DOTALL
)
_CODE = re.compile(r"^[A-Za-z]+[0-9]*$")

META_RULES = (
    RuleInfo(
        code="FC001",
        name="unknown-suppression-code",
        check="suppression",
        severity="warning",
        scope="document",
        summary="An inline suppression names a rule code that does not exist.",
        pack="engine",
    ),
    RuleInfo(
        code="FC002",
        name="unused-suppression",
        check="suppression",
        severity="info",
        scope="document",
        summary="An inline suppression suppressed nothing (--report-unused-ignores).",
        pack="engine",
    ),
)


@dataclass
class Suppression:
    doc: str
    offset: int  # where the comment stood in the text
    codes: tuple[str, ...]  # empty = every rule
    start: int  # the range it covers
    end: int
    whole_file: bool
    used: bool = field(default=False)

    def covers(self, finding: Finding) -> bool:
        if finding.location.doc != self.doc:
            return False
        if not self.whole_file and not self.start <= finding.location.start < self.end:
            return False
        return not self.codes or any(finding.rule.startswith(c) for c in self.codes)


def parse(doc: DocInput) -> list[Suppression]:
    """Every suppression comment of one document, with the range it covers."""
    out: list[Suppression] = []
    blocks = doc.segmentation.blocks
    text_len = len(doc.document.text)
    for offset, body in doc.document.comments:
        m = _DIRECTIVE.match(body)
        if not m:
            continue
        codes = tuple(c.upper() for c in re.split(r"[\s,]+", m.group(2).strip()) if c)
        if m.group(1).lower() == "ignore-file":
            out.append(Suppression(doc.document.id, offset, codes, 0, text_len, True))
            continue
        block = next((b for b in blocks if b.end > offset), None)
        start, end = (max(offset, block.start), block.end) if block else (offset, offset)
        out.append(Suppression(doc.document.id, offset, codes, start, end, False))
    return out


def apply(
    findings: Sequence[Finding],
    docs: Iterable[DocInput],
    known_codes: set[str],
    report_unused: bool = False,
) -> tuple[list[Finding], int, list[Finding]]:
    """(kept findings, how many were suppressed, findings about the suppressions)."""
    by_doc = {d.document.id: d for d in docs}
    suppressions = [s for d in by_doc.values() for s in parse(d)]
    kept: list[Finding] = []
    hidden = 0
    for finding in findings:
        hit = [s for s in suppressions if s.covers(finding)]
        for s in hit:
            s.used = True
        if hit:
            hidden += 1
        else:
            kept.append(finding)
    meta: list[Finding] = []
    for s in suppressions:
        doc = by_doc[s.doc]
        span = doc.document.span(s.offset, min(s.offset + 1, len(doc.document.text)))
        unknown = [
            c
            for c in s.codes
            if not _CODE.match(c) or not any(k.startswith(c) for k in known_codes)
        ]
        for code in unknown:
            meta.append(
                _meta(META_RULES[0], span, f"Suppression names {code}, which is no rule code", code)
            )
        if report_unused and not s.used and not unknown:
            what = ", ".join(s.codes) or "every rule"
            meta.append(
                _meta(META_RULES[1], span, f"Suppression of {what} suppressed nothing", what)
            )
    return kept, hidden, meta


def _meta(rule: RuleInfo, span, message: str, key: str) -> Finding:  # type: ignore[no-untyped-def]
    basis = f"{rule.code}\x1f{span.doc}\x1f{key}".encode("utf-8", "surrogatepass")
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=message,
        location=span,
        fingerprint=hashlib.sha256(basis).hexdigest()[:20],
    )
