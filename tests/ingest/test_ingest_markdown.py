"""Markdown: markup removed, every kept character mapped to its exact source position."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.ingest import load_document
from factcheck.ingest.base import Parsed
from factcheck.ingest.markdown import parse_markdown
from factcheck.segment import segment


def _copied(parsed: Parsed) -> list[int]:
    synthetic = {i for start, end in parsed.synthetic for i in range(start, end)}
    return [i for i in range(len(parsed.text)) if i not in synthetic]


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("# Heading #\n", "Heading\n"),
        ("### **Bold heading**", "Bold heading"),
        ("Some **bold**, __strong__, *em* and _em_ words", "Some bold, strong, em and em words"),
        ("Use `code` here", "Use code here"),
        ("See [the site](https://x.org/a_(b)) now", "See the site now"),
        ("Mail [us](mailto:a@b.org).", "Mail us."),
        ("A [ref link][1] here", "A ref link here"),
        ("Logo ![alt text](logo.png) end", "Logo  end"),
        ("word![img](a.png)word", "word word"),
        (  # list markers stay: segmentation ends a block at each item
            "- item one\n* item two\n+ item three\n1. first\n2) second",
            "- item one\n* item two\n+ item three\n1. first\n2) second",
        ),
        ("  - indented item", "- indented item"),
        ("- [x] done", "- done"),
        ("-\nafter an empty item", "\nafter an empty item"),
        ("> quoted\n> > nested", "quoted\nnested"),
        ("> - quoted item", "- quoted item"),
        ("para\n\n---\n\n***\n\nnext", "para\n\n\n\n\n\nnext"),
        ("Title\n=====\n", "Title\n\n"),
        ("| a | b |\n|---|:-:|\n|c|d|", " a  b \n\nc d"),
        ("\\*not em\\* \\# and \\[x\\]", "*not em* # and [x]"),
        ("a<!-- factcheck: ignore FC101 -->b", "a b"),
        ("one<br>two <b>bold</b>.", "one two bold."),
        ("&amp; &eacute; &#8364; &bogus;", "& é € &bogus;"),
        ("Visit <https://example.org> now", "Visit https://example.org now"),
        ("```\ncode *kept*\n```\nafter", "\ncode *kept*\n\nafter"),
        ("[x]: https://example.org\ntext", "\ntext"),
        ("snake_case and 5 * 3 and 2*3", "snake_case and 5 * 3 and 2*3"),
        ("~~gone~~ and ~tilde", "gone and ~tilde"),
        ("Paid €3bn\nin 2026. More", "Paid €3bn\nin 2026. More"),
        ("text\n2026. A wrapped line", "text\n2026. A wrapped line"),
    ],
)
def test_markup_removed(source: str, text: str) -> None:
    assert parse_markdown(source).text == text


def test_list_items_are_blocks_of_their_own(tmp_path: Path) -> None:
    """Items starting in lower case are not run together into one sentence, and
    each one still points at its own source line."""
    path = tmp_path / "plan.md"
    path.write_text(
        "## Timetable\n\nThe works go in three steps:\n\n"
        "- ground is cleared in *May*\n"
        "* piling starts in the summer of 2027\n"
        "+ the hall opens in 2029\n"
    )
    doc = load_document(path)
    seg = segment(doc.text)
    items = [doc.text[b.start : b.end] for b in seg.blocks if b.kind == "list_item"]
    assert items == [
        "- ground is cleared in May",
        "* piling starts in the summer of 2027",
        "+ the hall opens in 2029",
    ]
    sentences = [doc.text[s.start : s.end] for s in seg.sentences]
    assert "+ the hall opens in 2029" in sentences
    for year, line in (("2027", 6), ("2029", 7)):
        start = doc.text.index(year)
        span = doc.span(start, start + 4)
        assert span.line == line
        assert (
            path.read_text().splitlines()[line - 1][span.column - 1 : span.end_column - 1] == year
        )


def test_numbered_items_are_blocks_and_a_wrapped_year_is_not(tmp_path: Path) -> None:
    path = tmp_path / "steps.md"
    path.write_text("Steps:\n\n1. sign the loan\n2. start the works in\n2026. then open\n")
    doc = load_document(path)
    items = [doc.text[b.start : b.end] for b in segment(doc.text).blocks if b.kind == "list_item"]
    assert items[0] == "1. sign the loan"
    assert items[1].startswith("2. start the works in")


def test_comments_recorded_at_their_text_offset() -> None:
    parsed = parse_markdown("First para.\n\n<!-- factcheck: ignore FC301 -->\nSecond para.")
    assert parsed.text == "First para.\n\n\nSecond para."
    assert parsed.comments == ((13, "factcheck: ignore FC301"),)


def test_multiline_comment_keeps_later_lines_right(tmp_path: Path) -> None:
    path = tmp_path / "c.md"
    path.write_text("<!--\nnote\nover lines\n-->\n**Over 16 GWh** by 2030\n")
    doc = load_document(path)
    start = doc.text.index("16 GWh")
    span = doc.span(start, start + 6)
    assert (span.line, span.column, span.end_column) == (5, 8, 14)
    assert doc.comments == [(0, "note\nover lines")]


def test_seed_press_release_locations() -> None:
    seed = Path(__file__).resolve().parents[2] / "seeds" / "verkor-press-release.md"
    doc = load_document(seed)
    source = seed.read_text(encoding="utf-8")
    lines = source.splitlines()
    phrase = "La Banque Postale, La Banque Postale"
    start = doc.text.index(phrase)
    span = doc.span(start, start + len(phrase))
    assert lines[span.line - 1][span.column - 1 : span.end_column - 1] == phrase
    assert "**" not in doc.text and "###" not in doc.text
    heading = doc.text.index("From pilot to production")
    assert lines[doc.span(heading, heading + 4).line - 1].startswith("### **From pilot")


_TOKENS = [*"ab é1 \n\r\t#*_`[]()!<>-|\\&;:~+.=", "<!--", "-->", "&amp;", "**", "[a](b)", "\n\n"]
_MARKDOWNISH = st.lists(st.sampled_from(_TOKENS), max_size=60).map("".join)


def _count(source: str, offset: int) -> tuple[int, int]:
    prefix = source[:offset]
    if prefix.endswith("\r") and source[offset : offset + 1] == "\n":
        prefix = prefix[:-1]
    breaks = list(re.finditer(r"\r\n|\r|\n", prefix))
    return len(breaks) + 1, offset - (breaks[-1].end() if breaks else 0) + 1


@settings(max_examples=200, deadline=None)
@given(_MARKDOWNISH)
def test_every_kept_character_points_at_itself(source: str) -> None:
    parsed = parse_markdown(source)
    sm = parsed.source_map
    previous = -1
    for i in _copied(parsed):
        offset = sm.source_offset(i)
        assert source[offset] == parsed.text[i]
        assert offset > previous  # characters keep their order, none is used twice
        previous = offset


@settings(max_examples=200, deadline=None)
@given(_MARKDOWNISH)
def test_span_lines_agree_with_counting(
    tmp_path_factory: pytest.TempPathFactory, source: str
) -> None:
    path = tmp_path_factory.mktemp("md") / "doc.md"
    path.write_bytes(source.encode("utf-8"))
    doc = load_document(path)
    parsed = parse_markdown(source)
    assert doc.text == parsed.text
    for i in _copied(parsed):
        span = doc.span(i, i + 1)
        offset = doc.source_map.source_offset(i)
        assert (span.line, span.column) == _count(source, offset)
