"""Roles: person + title + organisation, from appositions, lists of dignitaries and "Title Name"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import roles
from factcheck.extract.base import ExtractContext
from factcheck.extract.people import run_re, split_run, vocab
from factcheck.extract.roles import split_title
from factcheck.model import Segmentation
from factcheck.patterns import word_trie
from factcheck.segment import segment
from tests.trusted_models import SOURCES, assert_as_validated, extracted_values

CTX = ExtractContext()


def run(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (c.value.person, c.value.title, c.value.organisation)
        for c in roles.find(text, segment(text), CTX)
    ]


def by_person(text: str, seg: Segmentation) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in roles.find(text, seg, CTX):
        out.setdefault(c.value.person, []).append(c.value.title)
    return out


MARTIN_31 = (
    "Deputy Minister to the Minister of Economy, Finance and Industrial, Energy and Digital "
    "Sovereignty, responsible for Industry"
)
MARTIN_47 = (
    "minister Delegate to the Minister of the Economy, Finance and Industrial, Energy and "
    "Digital Sovereignty, responsible for Industry"
)


def test_press_release_roles(press_release):
    text, seg = press_release
    found = by_person(text, seg)
    assert found["Patrice Vergriete"] == [
        "President of the Dunkerque Urban Community",
        "President of the Dunkirk Urban Community",
    ]
    assert found["Sébastien Martin"] == [MARTIN_31, MARTIN_47]
    assert found["Monique Barbut"] == [
        "Minister of Ecological Transition, Biodiversity and International Climate and Nature "
        "Negotiations",
        "minister for Ecological Transition, Biodiversity, and International Climate and Nature "
        "Negotiations",
    ]
    assert found["Benoit Lemaignan"] == ["CEO of Verkor"]
    assert found["Xavier Bertrand"] == ["President of the Hauts-de-France Region"]
    assert set(found["Emmanuel Macron"]) == {"President of the French Republic"}
    assert "Frederic Motte" in found
    assert not {"Claire Stromboni", "Alexandre Mondragon"} & set(found)  # no title given


def test_article_vergriete_is_chairman(article):
    text, seg = article
    found = roles.find(text, seg, CTX)
    assert [(c.value.person, c.value.title, c.value.organisation) for c in found] == [
        ("Patrice Vergriete", "Chairman of the Dunkirk Urban Community", "Dunkirk Urban Community")
    ]
    claim = found[0]
    assert claim.subject == "Patrice Vergriete" and claim.attribute == "title"
    assert text[claim.start : claim.end].endswith("(CUD)")


def test_apposition_shapes():
    assert run("Jane Doe, CEO of Acme Corp, at the launch.") == [
        ("Jane Doe", "CEO of Acme Corp", "Acme Corp")
    ]
    assert run("Ursula von der Leyen, President of the European Commission, said it.") == [
        ("Ursula von der Leyen", "President of the European Commission", "European Commission")
    ]
    assert run("Dr Jean-Pierre Dupont (Director of Research at Acme) spoke.") == [
        ("Jean-Pierre Dupont", "Director of Research at Acme", "Acme")
    ]
    assert run("John Smith, CTO of Gamma since 2020, was there.") == [
        ("John Smith", "CTO of Gamma", "Gamma")
    ]


def test_title_before_the_name():
    assert run("President Emmanuel Macron came.") == [("Emmanuel Macron", "President", None)]
    assert run("Yesterday, CEO Jane Doe resigned.") == [("Jane Doe", "CEO", None)]
    assert run("General Motors CEO Mary Barra spoke.") == [("Mary Barra", "CEO", "General Motors")]
    assert run("The CEO of Beta, John Smith, told us.") == [("John Smith", "CEO of Beta", "Beta")]


def test_silent_cases():
    assert run("In New York, President Biden said no.") == []
    assert run("Monday, the president said it was fine.") == []
    assert run("Verkor Innovation Centre, Grenoble, France.") == []
    assert run("The Hauts-de-France Region, the State and Europe support it.") == []
    assert run("Claire Stromboni\n\n+33 7 48 10 11 40") == []


def test_split_title():
    assert split_title("CEO of Verkor") == ("CEO", "Verkor")
    assert split_title("President of the Dunkirk Urban Community") == (
        "President",
        "Dunkirk Urban Community",
    )
    assert split_title("Head of Sales at Acme") == ("Head of Sales", "Acme")
    assert split_title("CEO") == ("CEO", None)
    assert split_title(MARTIN_47) == (
        "minister Delegate to the Minister",
        "Economy, Finance and Industrial, Energy and Digital Sovereignty",
    )
    assert split_title("Minister for Industry") == ("Minister", "Industry")


PIECES = [*list("aJ D,.()\n"), "Jane Doe", ", CEO of X", "the President of Y, ", "said ", "Mr "]
TEXTS = st.one_of(
    st.text(max_size=200), st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_never_raises_and_spans_in_bounds(text):
    for c in roles.find(text, segment(text), CTX):
        assert 0 <= c.start < c.end <= len(text)
        assert c.value.person in " ".join(text.split())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"AbÉd-'’. \n\t", "van ", "Mc", "x"]), max_size=20).map("".join))
def test_runs_of_two_tokens_are_the_longer_default_runs(text: str) -> None:
    from factcheck.extract.people import run_re

    default = [m.span() for m in run_re().finditer(text) if len(m.group().split()) > 1]
    assert [m.span() for m in run_re(min_tokens=2).finditer(text)] == default


def _reverse_re_as_first_written() -> re.Pattern[str]:
    """The dignitaries pattern starting at "The" itself (now it starts at "he")."""
    titles = word_trie(w for w in vocab().title_words if " " not in w)
    return re.compile(rf"[Tt]he(?<!\w[Tt]he)[ \t\u00a0]+(?=(\w[\w-]*))(?=(?i:{titles})(?![\w-]))")


_PIECES = ["the", "The", "he", "xhe", "Othe", "-the", "President", "minister", "CEO", "Jane"]
_GAPS = [" ", "\t", "\u00a0", "", ",", "\n", "-"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), max_size=8), st.data())
def test_reverse_pattern_finds_what_the_pattern_at_the_t_finds(
    pieces: list[tuple[str, str]], data: st.DataObject
) -> None:
    text = "".join(word + gap for word, gap in pieces)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    new = [
        (m.start() - 1, m.end(), m.group(1)) for m in roles._reverse_re().finditer(text, lo + 1, hi)
    ]
    old = [
        (m.start(), m.end(), m.group(1))
        for m in _reverse_re_as_first_written().finditer(text, lo, hi)
    ]
    assert new == old


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=",a", max_size=40), st.data())
def test_comma_segments_are_the_first_eight_commas(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    commas = [lo + c.start() for c in re.finditer(",", text[lo:hi])][:8]
    plain = [(c, commas[k + 1] if k + 1 < len(commas) else hi) for k, c in enumerate(commas)]
    assert list(roles._comma_segments(text, lo, hi)) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Jane", "Doe", "de", "Mr", "CEO", " ", "  ", "\n"]), max_size=8))
def test_split_run_reads_the_tokens_the_run_holds(pieces: list[str]) -> None:
    text = "x " + "".join(pieces) + " y"
    for m in run_re().finditer(text):
        toks = [
            (t.start() + m.start(), t.end() + m.start()) for t in re.finditer(r"\S+", m.group())
        ]
        run = split_run(text, m.start(), m.end())
        for part in (run.org, run.title, run.name):
            assert part is None or (
                part[0] in {a for a, _ in toks} and part[1] in {b for _, b in toks}
            )


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_role_values_equal_validated_values(path: Path) -> None:
    for value in extracted_values(roles, path.read_text(encoding="utf-8")):
        assert_as_validated(value)


# --- a title before the name and another after it; hyphenated titles; owners -------------


def test_title_before_and_apposition_after_are_both_read():
    text = "Professor Ilse Marten, Head of Soil Science at Wexford Agricultural College, spoke."
    assert run(text) == [
        ("Ilse Marten", "Professor", None),
        (
            "Ilse Marten",
            "Head of Soil Science at Wexford Agricultural College",
            "Wexford Agricultural College",
        ),
    ]


def test_hyphenated_title_word_before_the_name():
    text = "The ribbon was cut by Pro-Chancellor Adaeze Nwosu on Friday."
    assert ("Adaeze Nwosu", "Pro-Chancellor", None) in run(text)


def test_currently_and_formerly_before_a_title_are_skipped():
    text = "Ilse Marten, currently Dean of Engineering at Halden University, joins in May."
    assert run(text) == [
        ("Ilse Marten", "Dean of Engineering at Halden University", "Halden University")
    ]
    text = "Olu Bakare, formerly Director of Parks, retired."
    assert run(text) == [("Olu Bakare", "Director of Parks", "Parks")]


def test_lower_case_owner_is_dropped_from_the_title():
    text = "Olu Bakare, the council's Director of Parks, retired."
    assert run(text) == [("Olu Bakare", "Director of Parks", "Parks")]
    text = "Olu Bakare, the museum's head of collections, retired."
    assert run(text) == [("Olu Bakare", "head of collections", None)]


def test_capitalised_owner_still_names_the_organisation():
    text = "Olu Bakare, Velt's chief operating officer, retired."
    assert run(text) == [("Olu Bakare", "Velt's chief operating officer", "Velt")]


def test_abbreviated_title_with_full_stop_before_the_name():
    text = (
        "The ceremony was attended by the Minister of Transport, Dr. Ilse Marten, "
        "and the Mayor of Halden, Sen. Olu Bakare."
    )
    assert [(p, t) for p, t, _ in run(text)] == [
        ("Ilse Marten", "Minister of Transport"),
        ("Olu Bakare", "Mayor of Halden"),
    ]
    text = "Prof. Ines Varga, Dean of Engineering at Halden University, joins in May."
    assert run(text) == [
        ("Ines Varga", "Dean of Engineering at Halden University", "Halden University")
    ]
