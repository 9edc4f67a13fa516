"""FC103's scope: whose figure a quantity is (a part's or the whole's) and the years
it stands under (its heading's, or a list item's lead's)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.api import analyse
from factcheck.checks.figure_scope import FigureScope, qualifier
from factcheck.ingest import document_from_text, load_document
from factcheck.model import Claim


def _figures(text: str) -> tuple[FigureScope, dict[str, Claim]]:
    doc = analyse(document_from_text(text, doc_id="t"))
    return FigureScope(doc), {c.span.text: c for c in doc.of_kind("quantity") if c.attribute}


def _qualifiers(text: str) -> dict[str, frozenset[str]]:
    scope, figures = _figures(text)
    return {span: scope._qualifier(claim) for span, claim in figures.items()}


def test_named_part_before_the_measured_noun() -> None:
    q = _qualifiers(
        "Tallis Hotels reported its results on Tuesday.\n\n"
        "Revenue rose to £900 million, while Alpine revenue reached £210 million."
    )
    assert q["£900 million"] == frozenset()
    assert q["£210 million"] == {"alpine"}


def test_part_noun_with_a_name_earlier_in_the_clause() -> None:
    q = _qualifiers(
        "Kestrel Rail reported its results.\n\n"
        "The gain came from the Freight division, where revenue rose 6% to $700 million."
    )
    assert q["6%"] == {"freight"}


def test_unnamed_part_noun_and_part_adjective() -> None:
    q = _qualifiers(
        "Kestrel Rail reported its results.\n\n"
        "The division's revenue was $1.1 billion; domestic revenue reached $2.9 billion."
    )
    assert q["$1.1 billion"] == {"division"}
    assert q["$2.9 billion"] == {"domestic"}


def test_the_whole_is_not_a_part() -> None:
    """The document's own names, possessive owners and a region word without a name
    say nothing about a part: the plant's jobs stay comparable."""
    q = _qualifiers(
        "Kestrel Rail to open a depot in Tamworth.\n\n"
        "Kestrel Rail revenue rose to $5 billion.\n\n"
        "Brightwater's workforce of 1,700 will grow.\n\n"
        "The region will gain 1,900 jobs."
    )
    assert q["$5 billion"] == frozenset()
    assert q["1,700"] == frozenset()
    assert q["1,900 jobs"] == frozenset()


def test_title_case_headline_names_no_part() -> None:
    q = _qualifiers("Record Revenue Of €5 Billion For Harrow Group")
    assert q["€5 Billion"] == frozenset()


def test_list_items_take_their_leads_years(tmp_path: Path) -> None:
    path = tmp_path / "outlook.md"
    path.write_text(
        "## 2025 in brief\n\n- Fares revenue grew 7.5% to $2.3 billion\n\n"
        "## Looking ahead\n\nFor 2026, the airline expects:\n\n"
        "- Fares revenue growth of 3% to 4%\n",
        encoding="utf-8",
    )
    doc = analyse(load_document(str(path)))
    scope, figures = FigureScope(doc), {c.span.text: c for c in doc.of_kind("quantity")}
    assert scope._years_of(figures["7.5%"]) == {"2025"}
    assert scope._years_of(figures["3% to 4%"]) == {"2026"}
    assert not scope.same_subject(figures["3% to 4%"], figures["7.5%"])


_WORDS = st.sampled_from(
    ["the", "Snacks", "segment", "revenue", "net", "sales", "International", "rose", "while",
     "Acme's", "division's", "district", "and", "in", "Old", "Harbour", ";", ","]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=12))
def test_qualifier_words_come_from_the_sentence(words: list[str]) -> None:
    """Whatever precedes the figure, the qualifier is made of its own words, lower-cased."""
    text = "Acme said.\n\n" + " ".join(words) + " 7% more."
    doc = analyse(document_from_text(text, doc_id="t"))
    for claim in doc.of_kind("quantity"):
        before = claim.sentence.text.lower()
        assert all(w in before for w in qualifier(claim))
