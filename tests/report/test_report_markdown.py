"""The Markdown (pull-request comment) report."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from reportfactory import ARTICLE, finding, make_doc

from factcheck.report import RenderContext
from factcheck.report.markdown import diff_line, md_escape, md_paragraph, render


def test_golden_sample(sample_report, golden):
    golden("sample.md", render(*sample_report))


def test_golden_hostile(hostile_report, golden):
    golden("hostile.md", render(*hostile_report))


def test_claim_is_bold_inside_its_sentence(sample_report):
    out = render(*sample_report)
    assert "> docs/article.txt:2: The site will produce **15 GWh** a year" in out
    assert "> press release says 16 GWh here (docs/press release.md:3): The plant" in out


def test_misquote_shows_a_word_level_diff(sample_report):
    out = render(*sample_report)
    assert "We are **very** proud of this ~~超高速~~ plant," in out


def test_summary_and_documents_tables(sample_report):
    out = render(*sample_report)
    assert "| error | 2 |" in out and "| warning | 1 |" in out and "| info | 1 |" in out
    assert "| FC201 | quantity-mismatch | error | 1 |" in out
    assert "| docs/press release.md | reference | markdown | 7 |" in out


def test_hostile_text_cannot_inject_markup(hostile_report):
    out = render(*hostile_report)
    assert "<script" not in out and "<img" not in out and "<svg" not in out and "<b>" not in out
    assert not re.search(r"(?<!\\)\]\(", out), "an unescaped link target survived"
    assert "@octocat" not in out  # mentions are broken with a word joiner
    assert "\x1b" not in out and "\x00" not in out


def test_message_cannot_start_a_block():
    assert md_paragraph("# heading") == "\\# heading"
    assert md_paragraph("- item") == "\\- item"
    assert md_paragraph("12. item") == "12\\. item"
    assert md_paragraph("plain") == "plain"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_escaped_text_has_no_live_markup(text):
    out = md_escape(text)
    assert "\n" not in out and "<" not in out and ">" not in out
    assert not re.search(r"(?<!\\)[\[\]`*_|~]", out.replace("\\\\", ""))


def test_diff_keeps_spaces_outside_delimiters():
    assert diff_line([("equal", "a "), ("delete", "b "), ("insert", " c"), ("equal", " d")]) == (
        "a ~~b~~ **c** d"
    )


def _many_findings(n: int):
    doc = make_doc("docs/article.txt", ARTICLE)
    return [
        finding("FC301", "unsupported-entity", "info", f"Finding number {i}.", doc, "Gamma Capital")
        for i in range(n)
    ]


def test_stays_under_max_chars_and_says_what_was_cut(sample_report):
    report, ctx = sample_report
    report = report.model_copy(update={"findings": _many_findings(2_000)})
    for limit in (60_000, 5_000, 1_500):
        out = render(report, RenderContext(sources=ctx.sources, max_chars=limit))
        assert len(out) <= limit
        shown = out.count("**INFO** FC301")
        assert 0 < shown < 2_000
        assert out.endswith(f"\n{2_000 - shown} more findings not shown (see the full report).\n")


def test_everything_shown_when_it_fits(sample_report):
    out = render(*sample_report)
    assert "not shown" not in out
    assert out.count("**ERROR**") == 2
