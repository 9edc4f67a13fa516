"""Self-contained HTML report: summary charts, filters, findings with both sides side by side.

One file, inline CSS and script, no external loads (a CSP forbids them). Every piece of
document text goes through `esc` (html.escape with quote=True).
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Mapping

from factcheck.model import Finding, Report, Span
from factcheck.report import RenderContext
from factcheck.report.common import (
    SEVERITIES,
    by_document,
    highlight,
    plural,
    rule_counts,
    rules_of,
    severity_counts,
    strip_controls,
    summary_line,
)
from factcheck.report.html_assets import CSS, JS, csp


def esc(text: object) -> str:
    """Escape any text for HTML content and attribute values; bidi controls replaced."""
    return html.escape(strip_controls(str(text)), quote=True)


def _bar(counts: Mapping[str, int], top: int) -> str:
    """A stacked inline-SVG bar (one rect per severity), scaled to `top`."""
    x, rects = 0.0, []
    for sev in SEVERITIES:
        width = 100.0 * counts.get(sev, 0) / top if top else 0.0
        if width:
            rects.append(
                f'<rect class="fill-{sev}" x="{x:.2f}" y="0" width="{width:.2f}" height="10"/>'
            )
        x += width
    return f'<svg viewBox="0 0 100 10" preserveAspectRatio="none">{"".join(rects)}</svg>'


def _chart(caption: str, rows: Iterable[tuple[str, Mapping[str, int]]]) -> str:
    rows = list(rows)
    top = max((sum(c.values()) for _, c in rows), default=0)
    body = "".join(
        f'<tr><th scope="row">{esc(label)}</th><td class="bar">{_bar(c, top)}</td>'
        f'<td class="num">{sum(c.values())}</td></tr>'
        for label, c in rows
    )
    if not rows:
        body = '<tr><td class="empty">none</td></tr>'
    cap = f"<figcaption>{esc(caption)}</figcaption>"
    return f'<figure>{cap}<table class="chart">{body}</table></figure>'


def _summary(report: Report) -> str:
    counts = severity_counts(report.findings)
    totals = "".join(
        f'<div class="total sev-{s}"><span class="n">{counts[s]}</span>{s}</div>'
        for s in SEVERITIES
    )
    per_rule: dict[str, Counter[str]] = {}
    per_doc: dict[str, Counter[str]] = {d.id: Counter() for d in report.documents}
    for f in report.findings:
        per_rule.setdefault(f"{f.rule} {f.name}", Counter())[f.severity] += 1
        per_doc.setdefault(f.location.doc, Counter())[f.severity] += 1
    charts = (
        _chart("By severity", [(s, {s: counts[s]}) for s in SEVERITIES])
        + _chart("By rule", sorted(per_rule.items()))
        + _chart("By document", per_doc.items())
    )
    return (
        f'<section id="summary"><div class="totals">{totals}</div>'
        f'<div class="charts">{charts}</div></section>'
    )


def _documents(report: Report) -> str:
    found = Counter(f.location.doc for f in report.findings)
    rows = "".join(
        f"<tr><td>{esc(d.id)}</td><td>{esc(d.role)}</td><td>{esc(d.format)}</td>"
        f'<td class="num">{d.claims}</td><td class="num">{found[d.id]}</td>'
        f'<td class="where">{esc(d.sha256[:12])}</td></tr>'
        for d in report.documents
    )
    cols = ("Document", "Role", "Format", "Claims", "Findings", "sha256")
    head = "<tr>" + "".join(f"<th>{c}</th>" for c in cols) + "</tr>"
    table = f'<table class="docs">{head}{rows}</table>'
    return f'<section id="documents"><h2>Documents</h2>{table}</section>'


def _filters(report: Report) -> str:
    counts = severity_counts(report.findings)
    sev = "".join(
        f'<label><input type="checkbox" data-filter="severity" value="{s}" checked> '
        f"{s} ({counts[s]})</label>"
        for s in SEVERITIES
    )
    rules = "".join(
        f'<label><input type="checkbox" data-filter="rule" value="{esc(code)}" checked> '
        f"{esc(code)} {esc(name)} ({n})</label>"
        for code, name, _, n in rule_counts(report)
    )
    n = len(report.findings)
    return (
        f'<nav class="filters" aria-label="Filters"><fieldset><legend>Severity</legend>{sev}'
        f"</fieldset><fieldset><legend>Rule</legend>{rules}</fieldset>"
        f'<p>Showing <strong id="visible-count">{n}</strong> of '
        f'<strong id="finding-count">{n}</strong> findings</p></nav>'
    )


def quoted(sentence: Span | None, span: Span) -> str:
    """The sentence with the claim in <mark>, or the claim alone."""
    parts = highlight(sentence, span)
    if parts is None:
        return f"<mark>{esc(span.text)}</mark>"
    before, claim, after = parts
    return f"{esc(before)}<mark>{esc(claim)}</mark>{esc(after)}"


def _side(head: str, span: Span, sentence: Span | None) -> str:
    return (
        f'<div class="side"><div class="side-head">{esc(head)} · '
        f'<span class="where">{esc(span.where)}</span></div>'
        f"<blockquote>{quoted(sentence, span)}</blockquote></div>"
    )


def render_finding(f: Finding, index: int) -> str:
    """One finding as an <article> carrying data-severity and data-rule."""
    loc = f.location
    where = loc.where if loc.label else f"{loc.doc}:{loc.line}:{loc.column}"
    sides = _side("here", loc, f.sentence) + "".join(
        _side(r.note, r.span, r.sentence) for r in f.related
    )
    extra = ""
    if f.diff:
        tags = {"delete": "del", "insert": "ins"}
        words = "".join(
            f"<{tags[op]}>{esc(t)}</{tags[op]}>" if op in tags else esc(t) for op, t in f.diff
        )
        extra += f'<p class="diff">Difference: {words}</p>'
    if f.suggestion:
        extra += f'<p class="suggestion">Suggestion: {esc(f.suggestion)}</p>'
    return (
        f'<article class="finding" id="f-{index}" data-severity="{esc(f.severity)}" '
        f'data-rule="{esc(f.rule)}"><header><span class="badge sev-{esc(f.severity)}">'
        f"{esc(f.severity)}</span><code>{esc(f.rule)}</code> <span>{esc(f.name)}</span>"
        f'<a class="loc" href="#f-{index}">{esc(where)}</a></header>'
        f'<p class="message">{esc(f.message)}</p><div class="sides">{sides}</div>{extra}</article>'
    )


def _findings(report: Report) -> str:
    parts, index = [], 0
    roles = {d.id: d.role for d in report.documents}
    for doc_index, (doc, findings) in enumerate(by_document(report)):
        role = f' <span class="meta">({esc(roles[doc])})</span>' if doc in roles else ""
        items = []
        for f in findings:
            index += 1
            items.append(render_finding(f, index))
        body = "".join(items) or '<p class="empty">No findings.</p>'
        parts.append(
            f'<section class="doc" id="doc-{doc_index}"><h2>{esc(doc)}{role} · '
            f"{plural(len(findings), 'finding')}</h2>{body}</section>"
        )
    return f'<main id="findings">{"".join(parts)}</main>'


def _tail(report: Report, ctx: RenderContext) -> str:
    out = ""
    if report.errors:
        items = "".join(f"<li>{esc(e.path)}: {esc(e.message)}</li>" for e in report.errors)
        out += f'<section id="errors"><h2>Input errors</h2><ul>{items}</ul></section>'
    rules = rules_of(report, ctx)
    if rules:
        rows = "".join(
            f"<tr><td><code>{esc(r.code)}</code></td><td>{esc(r.name)}</td><td>{esc(r.severity)}"
            f"</td><td>{esc(ctx.help.get(r.code) or r.summary)}</td></tr>"
            for r in rules
        )
        out += f'<section id="rules"><h2>Rules</h2><table class="rules">{rows}</table></section>'
    return out


def render(report: Report, ctx: RenderContext) -> str:
    """The whole report as one self-contained HTML page."""
    title = esc(ctx.title)
    meta = f"{esc(report.tool)} {esc(report.version)} · {esc(summary_line(report))}"
    if report.suppressed or report.baseline_hidden:
        meta += f" · {report.suppressed} suppressed · {report.baseline_hidden} hidden by baseline"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp()}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{title}</title><style>{CSS}</style></head><body>"
        f'<header><h1>{title}</h1><p class="meta">{meta}</p></header>'
        f"{_summary(report)}{_documents(report)}{_filters(report)}{_findings(report)}"
        f'{_tail(report, ctx)}<footer class="meta">Generated by {esc(report.tool)} '
        f"{esc(report.version)}.</footer><script>{JS}</script></body></html>\n"
    )
