"""What the quote rules show: the reference's words for swapped words, the diff of a
misattributed quote whose words changed too."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.api import check
from factcheck.checks.quotes import display_words, fragments, similarity, words
from factcheck.config import Options, merge


def _window(quote: str, source: str) -> str:
    shown = display_words(source)
    _, (start, end) = similarity(fragments(quote), words(source))
    return " ".join(shown[start:end])


def test_swapped_words_show_the_whole_reference_clause():
    source = "From today the old mill stops being a ruin and starts being a music school. Visit us."
    quote = "the old mill stops being a music school and starts being a ruin"
    assert _window(quote, source) == (
        "the old mill stops being a ruin and starts being a music school"
    )


def test_a_partial_quote_is_not_stretched_past_its_words():
    source = "We will hire two hundred people and train them in our own academy."
    assert _window("We will hire three hundred people", source) == (
        "We will hire two hundred people"
    )


@settings(max_examples=40, deadline=None)
@given(st.permutations(["quiet", "harbour", "bright", "market", "river", "garden"]))
def test_window_never_leaves_the_source(order):
    source = "The " + " ".join(order) + " opened today."
    start_end = similarity(fragments("The garden river market"), words(source))[1]
    assert 0 <= start_end[0] <= start_end[1] <= len(words(source))


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, release: str, article: str):
    monkeypatch.chdir(tmp_path)
    Path("release.md").write_text(release, encoding="utf-8")
    Path("article.txt").write_text(article, encoding="utf-8")
    options = Options.model_validate({"select": ["FC204", "FC205"]})
    return check(["article.txt"], references=["release.md"], settings=merge(options)).findings


RELEASE = (
    '"The first ferry sails in April," said Henrike Solberg, director of Fjordline.\n\n'
    '"Tickets will cost less than the bus fare for every route," said Anders Vik, the mayor.\n'
)


def test_misattributed_and_altered_quote_carries_a_diff(tmp_path, monkeypatch):
    article = '"Tickets will cost more than the bus fare for every route," said Henrike Solberg.\n'
    (finding,) = _findings(tmp_path, monkeypatch, RELEASE, article)
    assert finding.rule == "FC205"
    assert ("delete", "less") in finding.diff and ("insert", "more") in finding.diff
    assert "less than the bus fare" in finding.related[0].note


def test_misattributed_verbatim_quote_has_no_diff(tmp_path, monkeypatch):
    article = '"Tickets will cost less than the bus fare for every route," said Henrike Solberg.\n'
    (finding,) = _findings(tmp_path, monkeypatch, RELEASE, article)
    assert finding.rule == "FC205" and not finding.diff
    assert finding.related[0].note == "Anders Vik says this here"


def test_misquote_shows_the_reference_words_as_written(tmp_path, monkeypatch):
    release = '"We moved 2.5 million passengers and 14,300 bikes, a record," said Anders Vik.\n'
    article = '"We moved 2.5 million passengers and 14,300 cars, a record," said Anders Vik.\n'
    (finding,) = _findings(tmp_path, monkeypatch, release, article)
    assert finding.rule == "FC204"
    assert '"We moved 2.5 million passengers and 14,300 bikes, a record"' in finding.message
    assert ("delete", "bikes,") in finding.diff and ("insert", "cars,") in finding.diff


def test_misattribution_quotes_the_reference_words_as_written(tmp_path, monkeypatch):
    release = (
        '"We moved 2.5 million passengers and 14,300 bikes, a record," said Anders Vik.\n\n'
        '"The new quay opens in May," said Henrike Solberg.\n'
    )
    article = '"We moved 2.5 million passengers and 14,300 cars, a record," said Henrike Solberg.\n'
    (finding,) = _findings(tmp_path, monkeypatch, release, article)
    assert finding.rule == "FC205"
    assert "2.5 million passengers and 14,300 bikes, a record" in finding.related[0].note
    assert ("delete", "bikes,") in finding.diff and ("insert", "cars,") in finding.diff
