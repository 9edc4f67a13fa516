"""Name lists: both seed lists, colon lists, parenthesised expansions, negatives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.segment import segment
from factcheck.segment.list_leads import lead_matches, lead_re, lead_starts
from factcheck.segment.lists import lists_in_sentence

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _plain_markdown(text: str) -> str:
    """Roughly what the Markdown reader hands on: markup gone, text kept."""
    text = re.sub(r"^#+ ", "", text, flags=re.MULTILINE)
    return text.replace("**", "").replace("*", "")


def _lists(text: str) -> list[tuple[str, list[str]]]:
    seg = segment(text)
    return [(lst.lead_in, [text[a:b] for a, b in lst.items]) for lst in seg.lists]


@pytest.fixture(scope="module")
def release_lists() -> list[tuple[str, list[str]]]:
    text = _plain_markdown((SEEDS / "verkor-press-release.md").read_text("utf-8"))
    return _lists(text)


def test_investor_list(release_lists: list[tuple[str, list[str]]]) -> None:
    found = [items for _, items in release_lists if "Meridiam" in items]
    assert found == [
        [
            "Macquarie Asset Management",
            "Meridiam",
            "Renault Group",
            "EQT Ventures",
            "EIT InnoEnergy",
            "Sibanye-Stillwater",
            "the SPI investment fund (Société de projets industriels)",
            "Crédit Agricole Assurances",
            "the Strategic Participation Fund (FSP)",
            "PULSE",
            "CMA CGM's energy fund",
            "Airbridge Investments",
            "EnerSys",
            "ING Sustainable Investments",
        ]
    ]


def test_bank_list_keeps_the_repeated_item(release_lists: list[tuple[str, list[str]]]) -> None:
    (items,) = [items for _, items in release_lists if "Natixis" in items]
    assert items.count("La Banque Postale") == 2
    assert items[0] == "ABN AMRO Bank"
    assert "Australia and New Zealand Banking Group Limited" in items
    assert "Caisse d'Epargne et de Prévoyance Hauts-de-France" in items
    assert "Caisse d'Epargne Rhône-Alpes" in items
    assert "ING BANK N.V" in items
    assert items[-2:] == ["Société Générale", "Standard Chartered Bank"]
    assert len(items) == 19


def test_public_list_stops_at_the_blank_line(release_lists: list[tuple[str, list[str]]]) -> None:
    (items,) = [items for _, items in release_lists if "the European Investment Bank" in items]
    assert items == [
        "the European Investment Bank",
        "Bpifrance Assurance Export",
        "the French Government",
        "the Hauts-de-France",
    ]


def test_colon_list_ends_before_a_clause() -> None:
    text = (
        "Financing has been secured to the tune of €3 billion by a number of players: "
        "the French government, the EIB, the Hauts-de-France Region, Renault and Mercedes, "
        "for a total investment target of €11 billion."
    )
    assert _lists(text) == [
        (
            ":",
            [
                "the French government",
                "the EIB",
                "the Hauts-de-France Region",
                "Renault",
                "Mercedes",
            ],
        )
    ]


@pytest.mark.parametrize(
    ("text", "lead", "items"),
    [
        (
            "Partners such as Alpha Bank and Beta Fund joined.",
            "such as",
            ["Alpha Bank", "Beta Fund"],
        ),
        (
            "It works alongside Acme Corp, Globex; Initech as well as Umbrella.",
            "alongside",
            ["Acme Corp", "Globex", "Initech", "Umbrella"],
        ),
        (
            "Backed by Alpha Capital, Beta Partners, which joined in 2020.",
            "by",
            ["Alpha Capital", "Beta Partners"],
        ),
        (
            "Lenders, namely the Bank of the West and the Caisse des Dépôts et Consignations.",
            "namely",
            ["the Bank of the West", "the Caisse des Dépôts et Consignations"],
        ),
        (
            "Funded by the European Investment Bank (EIB) and Gamma Fund operated by Delta.",
            "by",
            ["the European Investment Bank (EIB)", "Gamma Fund"],
        ),
        (
            "Sponsors: Acme Corp., Globex Inc. and Initech.",
            ":",
            ["Acme Corp.", "Globex Inc.", "Initech"],
        ),
        (
            "It signed deals with Airbus (France), Boeing and Embraer last year.",
            "with",
            ["Airbus (France)", "Boeing"],  # no "the": "last year" is no descriptor
        ),
        (
            "Partners include Siemens AG; Bosch GmbH; and ABB Ltd.",
            "include",
            ["Siemens AG", "Bosch GmbH", "ABB Ltd"],
        ),
        (  # between dashes: the closing dash ends the list
            "The port is funded by three lenders — Banca Orsini, Kessler Bank and Tovar "
            "Credit — and by the city.",
            "—",
            ["Banca Orsini", "Kessler Bank", "Tovar Credit"],
        ),
        (  # spaced hyphens and en dashes read as dashes
            "Backers - Mirow Bank, Aalto Capital and Sandvik Credit - signed.",
            "—",
            ["Mirow Bank", "Aalto Capital", "Sandvik Credit"],
        ),
        (
            "It was arranged by a syndicate of Mirow Bank, Aalto Capital and Sandvik Credit.",
            "syndicate of",
            ["Mirow Bank", "Aalto Capital", "Sandvik Credit"],
        ),
        (
            "Grants came from a consortium of the Halden Trust and the Tovar Fund.",
            "consortium of",
            ["the Halden Trust", "the Tovar Fund"],
        ),
        (  # "and" inside a name that its acronym spells out
            "Funded by the Halden Trust and UK Research and Innovation (UKRI) from 2025.",
            "by",
            ["the Halden Trust", "UK Research and Innovation (UKRI)"],
        ),
        (  # dotted initials inside a name, and a dotted legal suffix before a comma
            "The notes were placed with K.L. Brandt, Aalto Capital, Vesta S.p.A., and Mirow Bank.",
            "with",
            ["K.L. Brandt", "Aalto Capital", "Vesta S.p.A.", "Mirow Bank"],
        ),
        (
            "Lenders include Tovar Credit, Bank J. Safra Halden and Orla Bank.",
            "include",
            ["Tovar Credit", "Bank J. Safra Halden", "Orla Bank"],
        ),
        (  # "from" before three names or more in a sentence about financing
            "The loan comes from Mirow Bank, Aalto Capital, Sandvik Credit and the KfW.",
            "from",
            ["Mirow Bank", "Aalto Capital", "Sandvik Credit", "the KfW"],
        ),
    ],
)
def test_list_shapes(text: str, lead: str, items: list[str]) -> None:
    assert _lists(text) == [(lead, items)]


@pytest.mark.parametrize(
    "text",
    [
        "Risks remain, including uncertain demand for cars and a price war.",
        "With an initial capacity of 16 GWh, the plant will meet needs.",
        "The figures are impressive: initial capacity of 16 GWh per year.",
        "It was built by Acme in 2020.",  # one name is not a list
        "Supported by leading industrial and financial players.",
        # A dash before fewer than three names, or before no name, opens no list.
        "Tovar Group – French and International Press Office",
        "The plant — Kessler and Aalto — opened.",
        "Rhône-Alpes, Hauts-de-France and Île-de-France voted.",
        "It grew fast — far faster than Aalto, Kessler and Tovar.",
        "A group of local investors, Kessler and Aalto among them, joined.",
        # "from" opens a list only before three names, none a place, about financing.
        "The grant comes from the Rural Roads and Bridges Programme.",
        "The debt comes from Mirow Bank and Aalto Capital.",
        "Investors from Norway, Chile and Japan bought the bonds.",
        "Visitors came from Aalto, Kessler and Tovar.",
    ],
)
def test_no_list(text: str) -> None:
    assert _lists(text) == []


def test_list_does_not_cross_a_blank_line() -> None:
    text = "Support comes from partners including Alpha Bank, the Beta\n\nregion, Gamma Fund."
    assert _lists(text) == [("including", ["Alpha Bank", "the Beta"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A colon after the lead-in word, then the items.
        ("Lenders including: Alpha Bank, Beta Fund and Gamma Trust.", "including"),
        # "the" before the first item.
        ("It partners with the Alpha Group, Beta Fund and Gamma Trust.", "with"),
        # A lead-in inside a hyphenated token is no lead-in; a later one is.
        ("The by-election, backed by Alpha Bank and Beta Fund, was held.", "by"),
        # A lead-in that follows another word's colon ("10:30").
        ("At 10:30 with Alpha Bank, Beta Fund and Gamma Trust.", "with"),
    ],
)
def test_lead_in_shapes_survive_the_prescan(text: str, expected: str) -> None:
    found = _lists(text)
    assert [lead for lead, _ in found] == [expected]
    assert "Alpha Bank" in found[0][1] or "the Alpha Group" in found[0][1]


LEAD_PIECES = [
    *"in particular|In particular|in  particular|in\nparticular|in\n\nparticular|particular|"
    "among them|amongst them|among|including|includes|included|include|such as|such|as|"
    "notably|namely|with|within|by|baby|by-election|alongside|:|10:30|Alpha|Bank|the|,|.|"
    "—|–|-| - |Rhône-Alpes|syndicate of|a syndicate|consortium of|consortia of".split("|")
]
LEAD_TEXTS = st.lists(
    st.tuples(st.sampled_from(LEAD_PIECES), st.sampled_from([" ", "  ", "", "\n", ". ", ", "])),
    max_size=30,
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=300, deadline=None)
@given(LEAD_TEXTS)
def test_lead_starts_find_what_finditer_finds(text: str) -> None:
    """`find_lists` tries `lead_re` only at `lead_starts`: the same lead-ins, in every
    sentence (`lead_re().finditer` over the sentence is the general path)."""
    starts = lead_starts(text)
    for s in segment(text).sentences:
        full = [m.span() for m in lead_re().finditer(text, s.start, s.end)]
        inside = [a for a in starts if s.start <= a < s.end]
        assert [m.span() for m in lead_matches(text, inside, s.end)] == full
        assert lists_in_sentence(text, s.start, s.end, inside) == lists_in_sentence(
            text, s.start, s.end
        )
