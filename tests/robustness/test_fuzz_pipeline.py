"""Property tests over the whole pipeline: random press-release-like text never crashes,
and every located span points at the text it claims to.

Text is built from fragments that stress the extractors (numbers with separators, units,
currencies, scale words, dates, quotes of every kind, Markdown markup, lists, blank
lines), written as .md and as .txt, checked alone and against a second document.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.api import analyse, check
from factcheck.ingest import line_starts_of, load_document
from factcheck.model import Document, Span

FRAGMENTS = [
    "1,200", "16", "16.5", "3 000", "1\u202f000", "200,000", "0.5", "2030", "1,1,1,1", "5.0",
    "GWh", "GWh/year", "MW", "m²", "square metres", "per year", "%", "jobs", "direct jobs",
    "€", "$", "EUR", "euros", "billion", "bn", "million", "m", "thousand", "two-thirds",
    "11 December 2025", "Dec. 11, 2025", "April 2025", "by 2030", "in 2026", "since 2020",
    "today", "«", "»", "“", "”", '"', "'", "‘", "’", "**", "*", "# ", "## ", "[x](y)",
    "<!-- c -->", "- ", "1. ", "| a | b |", "`code`", "including A, B and C",
    "such as Acme, Beta Bank and Acme", "said Jane Doe, CEO of Acme.", "Jane Doe states:",
    "third", "first", "Europe's", "gigafactory", "in France", "more than", "about", "up to",
    "to", "–", "-", "(", ")", ".", ",", ";", ":", "Mr.", "Dr.", "The", "plant", "will",
    "reach", "employ", "Région", "\u200f", "\t", "\n", "\n\n", "\r\n",
]  # fmt: skip

piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.integers(min_value=0, max_value=10**9).map(str),
    st.text(alphabet="aAzZ0159,. '\"*#-\n€%", max_size=8),
)
documents = st.lists(st.tuples(piece, st.sampled_from([" ", "", "\n", " "])), max_size=60).map(
    lambda parts: "".join(p + sep for p, sep in parts)
)

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _assert_span(span: Span, docs: dict[str, Document]) -> None:
    doc = docs[span.doc]
    assert span.text == doc.text[span.start : span.end], (span, doc.text[span.start : span.end])
    source = doc.source if doc.source is not None else doc.text
    assert 1 <= span.line <= len(line_starts_of(source)), (span.line, len(line_starts_of(source)))


def _check_files(paths: list[Path], references: list[Path]) -> None:
    docs = {str(p): load_document(p) for p in [*references, *paths]}
    for doc in docs.values():
        for claim in analyse(doc).claims:
            _assert_span(claim.span, docs)
            _assert_span(claim.sentence, docs)
    report = check([str(p) for p in paths], references=[str(p) for p in references])
    assert not report.errors, report.errors
    for finding in report.findings:
        _assert_span(finding.location, docs)
        for rel in finding.related:
            _assert_span(rel.span, docs)


@SETTINGS
@given(text=documents)
def test_single_document(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".md", ".txt"):
            path = Path(tmp) / f"doc{suffix}"
            path.write_text(text, encoding="utf-8", newline="")
            _check_files([path], [])


@SETTINGS
@given(text=documents, reference=documents)
def test_against_reference(text: str, reference: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ref = Path(tmp) / "ref.md"
        ref.write_text(reference, encoding="utf-8", newline="")
        for suffix in (".md", ".txt"):
            path = Path(tmp) / f"draft{suffix}"
            path.write_text(text, encoding="utf-8", newline="")
            _check_files([path], [ref])
