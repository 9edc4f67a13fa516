"""Blocks: blank lines, single newlines after closing punctuation, headings, soft wraps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.segment import segment
from factcheck.segment.blocks import split_blocks

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _texts(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in split_blocks(text)]


def test_blank_lines_separate_paragraphs() -> None:
    text = "First paragraph here.\n\n  Second one.  \n\n\nThird."
    assert _texts(text) == [
        ("paragraph", "First paragraph here."),
        ("paragraph", "Second one."),
        ("paragraph", "Third."),
    ]


def test_single_newline_after_sentence_end_splits() -> None:
    text = "One paragraph ends here.\nAnother begins and ends.\n"
    assert [t for _, t in _texts(text)] == ["One paragraph ends here.", "Another begins and ends."]


def test_soft_wrap_stays_in_one_paragraph() -> None:
    text = (
        "This long sentence is hard-wrapped by the author at about seventy\n"
        "characters, and it goes on to the next line without a break.\n"
    )
    blocks = split_blocks(text)
    assert len(blocks) == 1
    assert blocks[0].kind == "paragraph"


def test_heading_line_followed_by_paragraph_line() -> None:
    text = "Intro sentence.\nA high-voltage inauguration\n« This is a great day, » he said.\n"
    assert _texts(text) == [
        ("paragraph", "Intro sentence."),
        ("heading", "A high-voltage inauguration"),
        ("paragraph", "« This is a great day, » he said."),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Two complementary sites to accelerate innovation", "heading"),
        ("About the company", "heading"),
        ("the Hauts-de-France", "paragraph"),  # broken paragraph: starts lower case
        ("Finally, the project benefits from the support of", "paragraph"),  # ends on "of"
        ("It ends here.", "paragraph"),
    ],
)
def test_standalone_block_kind(line: str, kind: str) -> None:
    assert split_blocks(f"Before.\n\n{line}\n\nAfter.")[1].kind == kind


def test_bullets_are_list_items() -> None:
    text = "Our partners are:\n- Alpha Bank\n- Beta Fund\n\nDone."
    assert _texts(text) == [
        ("paragraph", "Our partners are:"),
        ("list_item", "- Alpha Bank"),
        ("list_item", "- Beta Fund"),
        ("paragraph", "Done."),
    ]


def test_article_seed_heading_lines() -> None:
    text = (SEEDS / "verkor-article.txt").read_text("utf-8")
    blocks = _texts(text)
    headings = [t for k, t in blocks if k == "heading"]
    assert "A high-voltage inauguration" in headings
    assert "Role in the French industry" in headings
    assert "Strategic context: Europe in question" in headings
    assert all(k == "paragraph" for k, t in blocks if t.startswith("« This is a great day"))


def test_broken_paragraph_is_two_paragraph_blocks() -> None:
    text = "Support from public institutions, including the Region\n\nregion, the city."
    seg = segment(text)
    assert [b.kind for b in seg.blocks] == ["paragraph", "paragraph"]
    assert all(s.block in (0, 1) for s in seg.sentences)
    assert len(seg.sentences) == 2


_LINES = st.sampled_from(
    [
        "- item one",
        "* Item two.",
        "1. First",
        "12) twelve",
        "Heading",
        "A sentence ends.",
        "wraps on",
        "",
        "",
        "•  bullet",
        "-no bullet",
        "Lower, with a comma and many more words here",
    ]
)


@given(st.lists(_LINES, min_size=1, max_size=12))
def test_a_bullet_line_is_a_list_item_of_its_own(lines: list[str]) -> None:
    text = "\n".join(lines)
    bullet = re.compile(r"(?:[-*•▪◦‣–]|\d{1,3}[.)])[ \t]+\S")
    for block in split_blocks(text):
        inner = [line.strip() for line in text[block.start : block.end].split("\n")]
        marked = [bullet.match(line) is not None for line in inner if line]
        assert (block.kind == "list_item") == any(marked)
        assert not any(marked) or len(marked) == 1
