"""Hand-built Reports for renderer tests: a realistic one and a hostile (injection) one.

Loaded by tests/report/conftest.py and, by path, by tests/browser/test_html_report.py.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from factcheck.model import (
    Document,
    DocumentSummary,
    Finding,
    InputError,
    Related,
    Report,
    RuleInfo,
    SourceMap,
    Span,
)
from factcheck.report import RenderContext

Op = Literal["equal", "delete", "insert"]


def make_doc(doc_id: str, text: str, role: str = "peer", fmt: str = "markdown") -> Document:
    """A Document whose text is its source (one-to-one offsets)."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return Document(
        id=doc_id,
        path=doc_id,
        format=fmt,
        role=role,  # type: ignore[arg-type]
        text=text,
        source_map=SourceMap(line_starts=starts),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )


def span_of(doc: Document, needle: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of `needle` in the document."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    return doc.span(start, start + len(needle))


def sentence_of(doc: Document, span: Span) -> Span:
    """The naive sentence around a span: from the previous '. ' or newline to the next."""
    text = doc.text
    dot = text.rfind(". ", 0, span.start)
    start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, span.start) + 1)
    ends = [i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return doc.span(start, end)


def finding(
    rule: str,
    name: str,
    severity: str,
    message: str,
    doc: Document,
    needle: str,
    related: list[tuple[Document, str, str]] = (),  # type: ignore[assignment]
    diff: list[tuple[Op, str]] | None = None,
    suggestion: str | None = None,
) -> Finding:
    """A Finding located at `needle` in `doc`, with related (doc, needle, note) sides."""
    loc = span_of(doc, needle)
    rel = [
        Related(span=span_of(d, n), note=note, sentence=sentence_of(d, span_of(d, n)))
        for d, n, note in related
    ]
    fp = hashlib.sha256(f"{rule}|{needle}|{[r[1] for r in related]}".encode()).hexdigest()[:16]
    return Finding(
        rule=rule,
        name=name,
        severity=severity,  # type: ignore[arg-type]
        message=message,
        location=loc,
        sentence=sentence_of(doc, loc),
        related=rel,
        fingerprint=fp,
        diff=diff,
        suggestion=suggestion,
    )


RULES = [
    RuleInfo(code="FC101", name="duplicate-list-item", check="duplicate_list_item",
             severity="error", scope="document", summary="An item is listed twice.", pack="core"),
    RuleInfo(code="FC201", name="quantity-mismatch", check="quantity_mismatch",
             severity="error", scope="cross", summary="A figure differs between sources.",
             pack="core"),
    RuleInfo(code="FC204", name="misquote", check="misquote", severity="warning",
             scope="cross", summary="A quote differs from the reference.", pack="core"),
    RuleInfo(code="FC301", name="unsupported-entity", check="unsupported_entity",
             severity="info", scope="cross", summary="A name no reference mentions.",
             pack="core"),
]  # fmt: skip

PRESS = (
    "# Acme opens its plant\n"
    "\n"
    "The plant will produce 16 GWh a year. It employs 1,200 people.\n"
    "Partners include Alpha Bank, Beta Fund and Alpha Bank.\n"
    '"We are\tproud of this 超高速 plant," said Jane Roe, chief executive.\n'
)
ARTICLE = (
    "Acme opened its plant on Thursday.\n"
    "The site will produce 15 GWh a year, and employs 1,200 people.\n"
    '"We are very proud of this plant," said Jane Roe.\n'
    "Gamma Capital also invested.\n"
)


def sample() -> tuple[Report, RenderContext]:
    """A small realistic report over a press release (reference) and an article (draft)."""
    press = make_doc("docs/press release.md", PRESS, role="reference")
    article = make_doc("docs/article.txt", ARTICLE, role="draft", fmt="text")
    findings = [
        finding("FC101", "duplicate-list-item", "error",
                "Alpha Bank is listed twice in the same list.",
                press, "Alpha Bank", related=[(press, "Alpha Bank.", "listed again here")]),
        finding("FC201", "quantity-mismatch", "error",
                "The article says 15 GWh a year; the press release says 16 GWh a year.",
                article, "15 GWh", related=[(press, "16 GWh", "press release says 16 GWh here")],
                suggestion="16 GWh"),
        finding("FC204", "misquote", "warning", "Jane Roe's quote differs from the press release.",
                article, "We are very proud of this plant,",
                related=[(press, "We are\tproud of this 超高速 plant,", "press release quote")],
                diff=[("equal", "We are "), ("insert", "very "), ("equal", "proud of this "),
                      ("delete", "超高速 "), ("equal", "plant,")]),
        finding("FC301", "unsupported-entity", "info",
                "Gamma Capital is not mentioned in any reference document.",
                article, "Gamma Capital"),
    ]  # fmt: skip
    docs = [press, article]
    report = Report(
        version="0.1.0",
        documents=[
            DocumentSummary(id=d.id, role=d.role, format=d.format, sha256=d.sha256, claims=7)
            for d in docs
        ],
        findings=findings,
        counts={"error": 2, "warning": 1, "info": 1},
        packs=["core"],
        rules=RULES,
    )
    return report, RenderContext(sources={d.id: d.text for d in docs}, rules=RULES)


XSS_ID = 'evil"><img src=x onerror="window.__xss=1">.md'
XSS_TEXT = (
    "Intro <script>window.__xss=2</script> and 5 MW here.\n"
    '"><img src=x onerror=alert(1)> then [x](javascript:alert(1)) and 7 MW.\n'
    "<svg onload=window.__xss=3> ]]> @octocat ::error file=a::pwned 9 MW.\n"
)


def hostile() -> tuple[Report, RenderContext]:
    """A report whose every text field carries an injection attempt."""
    doc = make_doc(XSS_ID, XSS_TEXT)
    message = (
        'Bad <script>window.__xss=4</script> "><img src=x onerror="window.__xss=5">'
        " [x](javascript:alert(1)) ]]> 100% \x1b[31mred\x00"
        "\n::error file=x::injected\r\n::warning::y"
    )
    findings = [
        finding("FC201", 'q"><b>x</b>', "error", message, doc, "5 MW",
                related=[(doc, "7 MW", "<img src=x onerror=window.__xss=6>, note: here")]),
        finding("FC204", "misquote", "warning", "quote ]]> differs", doc,
                "<svg onload=window.__xss=3>",
                diff=[("equal", "<i>a</i> "), ("delete", "<script>window.__xss=7</script>"),
                      ("insert", "[y](javascript:alert(1))")]),
        finding("FC301", "unsupported-entity", "info", "@octocat [z](http://evil.example)",
                doc, "9 MW", suggestion="<img src=x onerror=window.__xss=8>"),
    ]  # fmt: skip
    rules = [
        RuleInfo(code="FC201", name="<b>bold</b>", check="c", severity="error", scope="cross",
                 summary='<img src=x onerror="window.__xss=9">', pack="p"),
    ]  # fmt: skip
    report = Report(
        version="0.1.0",
        documents=[DocumentSummary(id=doc.id, role="peer", format="markdown", sha256=doc.sha256,
                                   claims=3)],
        findings=findings,
        counts={"error": 1, "warning": 1, "info": 1},
        packs=["core"],
        rules=rules,
        errors=[InputError(path="<script>window.__xss=10</script>.pdf",
                           message="cannot read ]]> \x00 file")],
    )  # fmt: skip
    return report, RenderContext(sources={doc.id: doc.text}, rules=rules, title="<i>t</i>")
