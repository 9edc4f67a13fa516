"""Names: normal form, acronyms, gazetteer aliases, same-entity decisions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import ConfigError
from factcheck.normalise.names import (
    acronym_of,
    default_gazetteer,
    default_gazetteer_paths,
    defined_acronyms,
    entity_similarity,
    load_gazetteer,
    normalise_name,
    same_entity,
)


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("ING BANK N.V.", "ing bank"),
        ("ING Bank NV", "ing bank"),
        ("Banco Santander, S.A.", "banco santander"),
        ("Siemens AG", "siemens"),
        ("Acme GmbH", "acme"),
        (
            "Australia and New Zealand Banking Group Limited",
            "australia and new zealand banking group",
        ),
        ("The European Investment Bank", "european investment bank"),
        ("Caisse d’Epargne Rhône-Alpes", "caisse depargne rhone alpes"),
        ("Caisse d'Epargne Rhône-Alpes", "caisse depargne rhone alpes"),
        ("CMA CGM's energy fund", "cma cgm energy fund"),
        ("Coöperatieve Rabobank", "cooperatieve rabobank"),
        ("Renault Group", "renault group"),  # "Group" is not a legal suffix
        ("Procter & Gamble", "procter and gamble"),
        ("SA", "sa"),  # a suffix alone is kept
        ("Harwell Sachs & Co.", "harwell sachs"),  # "& Co." is one suffix: no dangling "and"
        ("Harwell Sachs and Co", "harwell sachs"),
        ("Brandt Mercer & Company", "brandt mercer"),
        ("Lazard Frères et Cie", "lazard freres"),
        ("Kessler GmbH & Co. KG", "kessler"),
        ("Tovar Co., Ltd.", "tovar"),
        ("Nordlys A/S", "nordlys"),
        ("Mirow Bank, N.A.", "mirow bank"),
        ("Pardo & Pardo", "pardo and pardo"),  # "& Name" is not a suffix
        ("Pardo & Sons Ltd", "pardo and sons"),
        ("Marlow Company", "marlow company"),  # "Company" alone is a generic word
    ],
)
def test_normalise_name(name: str, normal: str) -> None:
    assert normalise_name(name) == normal


@pytest.mark.parametrize(
    ("expansion", "acronym"),
    [
        ("European Investment Bank", "EIB"),
        ("Société de projets industriels", "SPI"),
        ("Bank for International Settlements", "BIS"),
        ("the International Monetary Fund", "IMF"),
    ],
)
def test_acronym_of(expansion: str, acronym: str) -> None:
    assert acronym_of(expansion) == acronym


def test_acronym_holding_an_acronym() -> None:
    """An acronym inside the expansion gives all its letters: UKRI, not the name before."""
    text = (
        "Funds came from the Halden Trust and UK Research and Innovation (UKRI), and from "
        "EU Space Programme Agency (EUSPA) grants."
    )
    assert defined_acronyms(text) == {
        "UKRI": "UK Research and Innovation",
        "EUSPA": "EU Space Programme Agency",
    }


def test_defined_acronyms() -> None:
    text = (
        "It moved from the Verkor Innovation Centre (VIC) in Grenoble. The SPI investment fund "
        "(Société de projets industriels) and the Strategic Participation Fund (FSP) joined, "
        "with the French Agency for Ecological Transition (ADEME) and the Department of Energy "
        "(DOE). The EDF PPA (long-term electricity purchase contract) and SNBC (national "
        "low-carbon strategy) are not definitions; nor is growth (GDP) here."
    )
    assert defined_acronyms(text) == {
        "VIC": "Verkor Innovation Centre",
        "SPI": "Société de projets industriels",
        "FSP": "Strategic Participation Fund",
        "ADEME": "French Agency for Ecological Transition",
        "DOE": "Department of Energy",
    }


SAME = [
    ("Renault", "Renault Group"),
    ("Hauts-de-France Region", "the Hauts-de-France region"),
    ("Hauts de France", "Hauts-de-France"),
    ("EIB", "European Investment Bank"),
    ("the EIB", "the European Investment Bank"),
    ("Dunkirk", "Dunkerque"),
    ("Dunkirk Urban Community", "Dunkerque urban community"),
    ("Brussels", "Bruxelles"),
    ("the French government", "Government of France"),
    ("French State", "the French Government"),
    ("ING BANK N.V", "ING Bank N.V."),
    ("La Banque Postale", "la banque postale"),
    ("the Strategic Participation Fund (FSP)", "FSP"),
    ("EDF", "Électricité de France"),
    ("K.L. Brandt", "KLBrandt"),  # the same letters, spaced apart
    ("Halvorsen", "Halvorsen Banking Group"),  # a short form without business words
    ("Orla", "Orla Bank"),
    ("the NKF", "Nordvik Kredit Fund"),
]
DIFFERENT = [
    ("ING BANK N.V", "ING Sustainable Investments"),
    ("Caisse d'Epargne Rhône-Alpes", "Caisse d'Epargne et de Prévoyance Hauts-de-France"),
    ("Crédit Agricole Assurances", "Crédit Agricole"),
    ("KfW IPEX-Bank", "KfW"),
    ("Mizuho Bank", "MUFG Bank"),
    ("Banque Populaire Auvergne Rhône Alpes", "Caisse d'Epargne Rhône-Alpes"),
    ("Group", "Renault Group"),
    ("Bank", "Banking Group"),
    ("Halvorsen Bank", "Halvorsen Banking Group"),  # neither is the other's short form
    ("Halvorsen", "Halvorsen Energy"),  # a business word that names a different company
    ("Orla Capital", "Orla"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_entity(a: str, b: str) -> None:
    gaz = default_gazetteer()
    assert same_entity(a, b, gaz) and same_entity(b, a, gaz)
    assert entity_similarity(a, b, gaz) == 1.0


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_distinct_look_alikes(a: str, b: str) -> None:
    gaz = default_gazetteer()
    assert not same_entity(a, b, gaz) and not same_entity(b, a, gaz)
    assert entity_similarity(a, b, gaz) < 0.9


def test_acronyms_defined_in_the_text() -> None:
    gaz = default_gazetteer()
    assert not same_entity("CUD", "Dunkirk Urban Community", gaz)
    acronyms = {"CUD": "Dunkirk Urban Community"}
    assert same_entity("CUD", "the Dunkerque Urban Community", gaz, acronyms=acronyms)


def test_short_acronyms_are_guessed_only_when_asked() -> None:
    gaz = default_gazetteer()
    assert same_entity("BP", "Blue Peak", gaz)
    assert not same_entity("BP", "Blue Peak", gaz, min_guessed_acronym=3)
    assert same_entity("the NKF", "Nordvik Kredit Fund", gaz, min_guessed_acronym=3)
    defined = {"BP": "Blue Peak"}
    assert same_entity("BP", "Blue Peak", gaz, acronyms=defined, min_guessed_acronym=3)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Kor", "Vel", "Dun", "Mi", "Sarn", "T"]), min_size=1, max_size=4))
def test_spacing_never_separates_a_name(words: list[str]) -> None:
    gaz = default_gazetteer()
    assert same_entity(" ".join(words), "".join(words), gaz)
    assert same_entity(
        ".".join(w[0] for w in words) + ". Lund", "".join(w[0] for w in words) + " Lund", gaz
    )


def test_shipped_gazetteer_is_found() -> None:
    assert [p.name for p in default_gazetteer_paths()] == ["gazetteer.yaml"]


def test_user_gazetteer_adds_aliases(tmp_path: Path) -> None:
    extra = tmp_path / "names.yaml"
    extra.write_text(
        "aliases:\n  - [Acme Widgets, Widget Makers of Acme]\nacronyms:\n  AW: Acme Widgets\n"
        "generic_words: [holdings]\n",
        "utf-8",
    )
    shipped = [Path(p) for p in default_gazetteer().sources]
    gaz = load_gazetteer([*shipped, extra])
    assert same_entity("Acme Widgets Holdings", "Widget Makers of Acme", gaz)
    assert same_entity("AW", "Acme Widgets", gaz)
    assert same_entity("Dunkirk", "Dunkerque", gaz)  # the shipped file is still there


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("aliases:\n  - [Dunkirk, Dunkerque]\n  - Lonely\n", 3),
        ("aliases:\n  - [Only one]\n", 2),
        ("colours: [red]\n", 1),
        ("acronyms:\n  EIB: [European, Investment]\n", 2),
        ("aliases: [[a, b]\n", None),  # YAML syntax error: line from the parser
    ],
)
def test_malformed_gazetteer(tmp_path: Path, content: str, line: int | None) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, "utf-8")
    with pytest.raises(ConfigError) as err:
        load_gazetteer([bad])
    assert err.value.path == str(bad)
    if line is not None:
        assert err.value.line == line


_PIECES = st.sampled_from([*"abcAB ÉéçöİßN.V'’-&()", " SA", " the ", "The ", " Group"])
_NAMES = st.lists(_PIECES, max_size=12).map("".join) | st.text(max_size=30)


@settings(max_examples=200, deadline=None)
@given(_NAMES)
def test_normalise_is_idempotent(name: str) -> None:
    once = normalise_name(name)
    assert normalise_name(once) == once


@settings(max_examples=200, deadline=None)
@given(_NAMES, _NAMES)
def test_same_entity_is_symmetric_and_reflexive(a: str, b: str) -> None:
    gaz = default_gazetteer()
    assert same_entity(a, a, gaz)
    assert same_entity(a, b, gaz) == same_entity(b, a, gaz)
    assert entity_similarity(a, b, gaz) == entity_similarity(b, a, gaz)


_STEMS = st.lists(
    st.sampled_from(["Harwell", "Sachs", "Orsini", "Bank", "Tovar", "Pardo", "Nord", "Group"]),
    min_size=1,
    max_size=4,
).map(" ".join)
_SUFFIXES = st.lists(
    st.sampled_from(
        [
            "& Co.",
            "and Co",
            "& Company",
            "S.A.",
            "SA",
            "plc",
            "Inc.",
            "GmbH",
            "Co. Ltd",
            "AG",
            "N.V.",
            "LLC",
            "A/S",
            "et Cie",
            "& Co. KG",
            "Limited",
            "S.p.A.",
        ]
    ),
    max_size=3,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_STEMS, _SUFFIXES)
def test_legal_suffixes_never_change_the_normal_form(stem: str, suffixes: str) -> None:
    """A name and the same name with any run of legal suffixes have one normal form,
    which never ends in a dangling "and"."""
    assert normalise_name(f"{stem} {suffixes}") == normalise_name(stem)
    assert not normalise_name(f"{stem} {suffixes}").endswith(" and")
