"""Entities: list items, organisation names in running text, acronyms, attributes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import entities
from factcheck.extract.base import ExtractContext, RawClaim
from factcheck.extract.entities import find
from factcheck.model import EntityValue, ListValue
from factcheck.normalise.names import default_gazetteer
from factcheck.segment import segment
from factcheck.segment.lists import org_vocab
from tests.trusted_models import SOURCES, assert_as_validated, extracted_values

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _run(text: str) -> list[RawClaim]:
    return find(text, segment(text), ExtractContext())


def _entities(text: str) -> list[tuple[str, EntityValue, str | None]]:
    out = []
    for raw in _run(text):
        if raw.kind == "entity":
            assert isinstance(raw.value, EntityValue)
            assert text[raw.start : raw.end] == raw.value.name
            out.append((raw.value.name, raw.value, raw.attribute))
    return out


def test_list_claim_and_its_items() -> None:
    text = (
        "The project is backed by a consortium of banks, including Alpha Bank, "
        "the Beta Fund (BF) and Gamma Capital."
    )
    raws = _run(text)
    lists = [r for r in raws if r.kind == "list"]
    assert len(lists) == 1
    assert isinstance(lists[0].value, ListValue)
    assert lists[0].value.lead_in == "banks including"
    assert lists[0].attribute == "financier"
    items = [r for r in raws if r.kind == "entity" and r.value.list_lead_in]
    assert [text[r.start : r.end] for r in items] == [
        "Alpha Bank",
        "the Beta Fund (BF)",
        "Gamma Capital",
    ]
    assert all(lists[0].start <= r.start and r.end <= lists[0].end for r in items)
    beta = items[1].value
    assert (beta.normalised, beta.acronym, beta.expansion) == ("beta fund", "BF", "Beta Fund")
    assert items[1].subject == "beta fund"


def test_running_text_organisations_and_acronyms() -> None:
    text = (
        "The innovations moved from the Verkor Innovation Centre (VIC) in Grenoble. "
        "The VIC designs cells. Patrice Vergriete, President of the Dunkirk Urban Community, "
        "spoke. The EIB and the French government were there. Emmanuel Macron smiled."
    )
    found = {name: (value, attr) for name, value, attr in _entities(text)}
    assert set(found) == {
        "Verkor Innovation Centre (VIC)",
        "VIC",
        "Dunkirk Urban Community",
        "EIB",
        "the French government",
    }
    assert found["VIC"][0].expansion == "Verkor Innovation Centre"
    assert found["EIB"][0].expansion == "European Investment Bank"
    assert found["Verkor Innovation Centre (VIC)"][0].acronym == "VIC"
    assert all(attr == "organisation" for _, attr in found.values())


def test_people_are_not_entities() -> None:
    text = "Emmanuel Macron met Monique Barbut and Benoit Lemaignan in Grenoble."
    assert _entities(text) == []


def test_list_of_dignitaries_is_not_an_organisation_list() -> None:
    text = (
        "Guests included officials, including the Minister of Industry, Jane Doe, "
        "the President of the Region, John Roe, and the Mayor, Ann Poe."
    )
    assert [r for r in _run(text) if r.kind == "list"] == []


def test_unknown_acronym_is_not_an_entity() -> None:
    assert _entities("The REV3 mission and the SNBC target are ambitious.") == []


def test_seed_release_financiers() -> None:
    text = (SEEDS / "verkor-press-release.md").read_text("utf-8")
    text = re.sub(r"^#+ ", "", text, flags=re.MULTILINE).replace("**", "").replace("*", "")
    entities = _entities(text)
    listed = [v.name for _, v, _ in entities if v.list_lead_in]
    assert listed.count("La Banque Postale") == 2
    assert "ING BANK N.V" in listed and "ING Sustainable Investments" in listed
    fin = {v.name for _, v, attr in entities if attr == "financier"}
    assert {"Meridiam", "the European Investment Bank", "Standard Chartered Bank"} <= fin
    names = {v.name for _, v, _ in entities}
    assert "French Agency for Ecological Transition (ADEME)" in names
    assert not any("Macron" in n or "Barbut" in n for n in names)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_entity_values_equal_validated_values(path: Path) -> None:
    for value in extracted_values(entities, path.read_text(encoding="utf-8")):
        assert_as_validated(value)


def test_entity_values_with_acronyms_and_leads_equal_validated_values() -> None:
    text = (
        "The European Investment Bank (EIB) and the Aarhus Urban Community signed. "
        "Partners include Alpha Bank, the Beta Fund (BF) and Gamma Capital. The EIB pays."
    )
    values = extracted_values(entities, text)
    assert any(getattr(v, "acronym", None) for v in values)
    assert any(getattr(v, "list_lead_in", None) for v in values)
    for value in values:
        assert_as_validated(value)


# Words of every sort a run can hold: plain, acronyms (known or not), titles, cue
# words, connectors, "d'"/"l'" forms, dotted and hyphenated words.
_RUN_WORDS = [
    "The", "the", "of", "Acme", "EIB", "VIC", "CEO", "Minister", "Bank", "Agency",
    "d'Epargne", "l'Europe", "U.S.", "X-Ray", "AT&T", "Eu", "A", "I", "EU-wide", "3M",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_RUN_WORDS), max_size=8), st.sampled_from([" ", "\t", ", "]))
def test_a_plain_word_run_never_names_an_organisation(words: list[str], glue: str) -> None:
    """_org_spans skips one-word runs that are no acronym without reading them: the
    general reading (_run_span) takes none of them, whatever the acronyms known."""
    text = glue.join(words)
    gaz = default_gazetteer()
    acronyms = dict.fromkeys(text.split(), "Some Expansion")  # every word a known acronym
    for m in entities._run_re().finditer(text):
        if entities._plain_word(m.group()):
            assert entities._run_span(text, m, len(text), acronyms, gaz, org_vocab()) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A person "of" an organisation: the organisation only.
        ("The award was welcomed by Ruth Adeyemi of the Halden Institute.", ["Halden Institute"]),
        (
            "Tom Berg, Vice-Chancellor of the University of Kessler, agreed.",
            ["University of Kessler"],
        ),
        # An organisation word before "of" makes no person of the head.
        ("The Ohio Department of Development agreed.", ["Ohio Department of Development"]),
        # A "<place>-based" description is not part of the name.
        ("Leeds-based Marlow Freight Company will build it.", ["Marlow Freight Company"]),
        ("The state-owned Tovar Energy Group agreed.", ["Tovar Energy Group"]),
        # The boilerplate heading of a release.
        ("About Marlow Freight Company\n\nMarlow is a haulier.", ["Marlow Freight Company"]),
        # A post is no organisation.
        ("said Ana Lind, Executive Vice President and Chief Financial Officer.", []),
        # A headline in capitals holds no names.
        ("KESSLER UNIVERSITY AWARDED £4M FOR NEW INSTITUTE OF OCEANS\n\nIt is big.", []),
    ],
)
def test_running_text_names_are_cut_to_the_organisation(text: str, names: list[str]) -> None:
    assert [name for name, _, _ in _entities(text)] == names


def test_list_item_loses_its_place_description() -> None:
    text = "Suppliers include Detroit-based Aalto Motors, Kessler Steel and Tovar Glass."
    assert [name for name, _, _ in _entities(text)] == [
        "Aalto Motors",
        "Kessler Steel",
        "Tovar Glass",
    ]


def test_acronym_spelling_out_a_name_with_and() -> None:
    text = "Funded by the Halden Trust and UK Research and Innovation (UKRI) from 2025."
    found = {name: value for name, value, _ in _entities(text)}
    value = found["UK Research and Innovation (UKRI)"]
    assert (value.acronym, value.expansion) == ("UKRI", "UK Research and Innovation")
