"""Ordinals: rank, category, scope; only ranking claims count."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import ordinals
from factcheck.extract.base import ExtractContext
from factcheck.extract.ordinals import category_key
from factcheck.model import Segmentation
from factcheck.segment import segment

CTX = ExtractContext()


def values(text: str, seg: Segmentation | None = None) -> list[tuple]:
    seg = seg or segment(text)
    return [
        (text[c.start : c.end], c.value.rank, c.value.category, c.value.scope, c.value.scope_kind)
        for c in ordinals.find(text, seg, CTX)
    ]


def test_press_release_ordinals(press_release):
    text, seg = press_release
    assert values(text, seg) == [
        ("its first gigafactory", 1, "gigafactory", "its", "owner"),
        (
            "its first lithium-ion low-carbon battery cell gigafactory",
            1,
            "gigafactory",
            "its",
            "owner",
        ),
        ("the third in this Region", 3, "gigafactory", "Hauts-de-France", "region"),
        ("first French automotive battery plant", 1, "battery plant", "France", "country"),
        ("first Gigafactory", 1, "gigafactory", None, "unknown"),
    ]
    found = ordinals.find(text, seg, CTX)
    assert found[1].value.modifiers == ["lithium-ion", "low-carbon", "battery", "cell"]
    assert found[3].value.modifiers == ["French", "automotive"]
    assert all(c.subject == "plant" and c.attribute == "rank" for c in found)


def test_press_release_non_ranking_firsts_are_silent(press_release):
    text, seg = press_release
    spans = [text[c.start : c.end] for c in ordinals.find(text, seg, CTX)]
    assert not any("batteries" in s or "battery cells" in s for s in spans)


def test_article_ordinals(article):
    text, seg = article
    assert values(text, seg) == [
        ("its first battery factory", 1, "battery factory", "its", "owner"),
        ("Europe’s third gigafactory", 3, "gigafactory", "Europe", "continent"),
    ]  # "first production lines", "first deliveries of cells" are not rankings


def test_general_ordinals():
    assert values("Tesla opened the world's first gigafactory.") == [
        ("the world's first gigafactory", 1, "gigafactory", "world", "world")
    ]
    text = "It is Germany's second-largest car plant."
    assert values(text) == [
        ("Germany's second-largest car plant", 2, "car plant", "Germany", "country")
    ]
    assert ordinals.find(text, segment(text), CTX)[0].value.modifiers == ["largest"]
    assert values("The 3rd battery plant in Texas opened.") == [
        ("3rd battery plant in Texas", 3, "battery plant", "Texas", "region")
    ]
    assert values("It became the first company in Europe to do so.") == [
        ("first company in Europe", 1, "company", "Europe", "continent")
    ]
    # An owner's count restricted to a place is still the owner's count.
    assert values("Acme's first European factory") == [
        ("Acme's first European factory", 1, "factory", "Acme", "owner")
    ]
    farms = values("It is the company's third wind farm in Scotland.")
    assert all(v[4] == "owner" for v in farms), farms
    assert values("It is the first battery passport in the world.") == [
        ("first battery passport in the world", 1, "passport", "world", "world")
    ]


def test_location_is_not_scope():
    assert values("Verkor opens its first gigafactory in Bourbourg.") == [
        ("its first gigafactory", 1, "gigafactory", "its", "owner")
    ]


def test_non_ranking_ordinals_stay_silent():
    for text in (
        "First, we did things.",
        "It was first opened in France.",
        "The first half of 2025 was strong.",
        "The first deliveries in Spain start soon.",
        "For the first time in France, it works.",
        "A first-hand account.",
        "The first batteries are planned for 2026.",
        "Acme, the fifth in Bavaria, grows.",
        "first of all",
    ):
        assert values(text) == [], text


def test_category_key_families():
    for word in ("gigafactory", "battery plant", "Battery Factory", "factories", "site", "works"):
        assert category_key(word) == "plant", word
    assert category_key("start-up") == "company"
    assert category_key("battery passport") == "passport"
    assert category_key("") == ""


PIECES = [*list("a ,.\n'’"), "first ", "the third ", "in this Region", "Europe’s ", "plant", "X, "]
TEXTS = st.one_of(
    st.text(max_size=200), st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_never_raises_and_spans_in_bounds(text):
    for c in ordinals.find(text, segment(text), CTX):
        assert 0 <= c.start < c.end <= len(text)
        assert c.value.rank >= 1
