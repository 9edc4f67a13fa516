"""The compiler-like text report."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from reportfactory import make_doc, span_of

from factcheck.model import Finding, Span
from factcheck.report import RenderContext
from factcheck.report.text import mark_line, render


def test_header_line_is_path_line_col_code_severity_message(sample_report):
    report, ctx = sample_report
    lines = render(report, ctx).splitlines()
    assert (
        "docs/article.txt:2:23: FC201 [error] The article says 15 GWh a year; "
        "the press release says 16 GWh a year." in lines
    )
    assert "  note: docs/press release.md:3: press release says 16 GWh here" in lines


def test_caret_sits_under_the_span(sample_report):
    report, ctx = sample_report
    lines = render(report, ctx).splitlines()
    i = lines.index(" 2 | The site will produce 15 GWh a year, and employs 1,200 people.")
    source, marker = lines[i], lines[i + 1]
    start = marker.index("^")
    assert source[start : start + len("15 GWh")] == "15 GWh"
    assert marker[start:] == "^~~~~~"


def test_summary_line_and_input_errors(hostile_report):
    out = render(*hostile_report)
    assert out.rstrip().endswith("1 error, 1 warning, 1 info in 1 document (1 unreadable input(s))")
    assert ".pdf: input error: cannot read" in out


def test_sample_summary_counts(sample_report):
    assert render(*sample_report).rstrip().splitlines()[-1] == (
        "2 errors, 1 warning, 1 info in 2 documents"
    )


def test_control_characters_never_reach_the_terminal(hostile_report):
    out = render(*hostile_report)
    assert "\x1b" not in out and "\x00" not in out and "\r" not in out


def test_tabs_and_wide_characters_keep_the_caret_aligned():
    line = "\tab 超高速 plant"
    start = line.index("plant")
    shown, marker = mark_line(line, start, start + 5)
    assert shown == "        ab 超高速 plant"
    # each wide character takes two cells, the tab eight
    assert marker == " " * (8 + 3 + 6 + 1) + "^~~~~"


def test_caret_under_a_wide_span():
    _, marker = mark_line("a 超高 b", 2, 4)
    assert marker == "  ^~~~"


def _cells(text: str) -> int:
    col = 0
    for ch in text:
        if ch == "\t":
            col += 8 - col % 8
        elif not unicodedata.combining(ch):
            col += 2 if unicodedata.east_asian_width(ch) == "W" else 1
    return col


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \t超é\u0301"), max_size=30), st.data())
def test_caret_column_is_the_display_width_before_the_span(line, data):
    start = data.draw(st.integers(0, len(line)))
    end = data.draw(st.integers(start, len(line)))
    _, marker = mark_line(line, start, end)
    assert marker.count("^") == 1
    assert marker.index("^") == _cells(line[:start])
    assert len(marker) <= _cells(line) + 1


def _labelled_finding(label: str | None) -> Finding:
    doc = make_doc("report.docx", "Intro.\nRevenue rose 5%.\n", fmt="docx")
    loc = span_of(doc, "5%")
    if label:
        loc = Span(**{**loc.model_dump(), "label": label})
    return Finding(
        rule="FC103", name="internal-quantity-conflict", severity="warning", message="Conflict.",
        location=loc, sentence=doc.span(7, 24), fingerprint="x",
    )  # fmt: skip


def test_labelled_span_shows_the_label_and_the_sentence_instead_of_the_source(sample_report):
    report, _ = sample_report
    finding = _labelled_finding("paragraph 2")
    report = report.model_copy(update={"findings": [finding]})
    out = render(report, RenderContext(sources={"report.docx": "PK\x03\x04binary"}))
    lines = out.splitlines()
    assert lines[0] == "report.docx (paragraph 2): FC103 [warning] Conflict."
    assert lines[1] == "   | Revenue rose 5%."
    assert lines[2] == "   |              ^~"


def test_no_excerpt_without_source_or_sentence(sample_report):
    report, _ = sample_report
    finding = _labelled_finding("page 2, line 5").model_copy(update={"sentence": None})
    out = render(report.model_copy(update={"findings": [finding]}), RenderContext())
    assert out.splitlines()[:2] == ["report.docx (page 2, line 5): FC103 [warning] Conflict.", ""]
