"""Places: kinds, containment, demonyms, deictic names resolved against the document."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalise.places import contains, default_places, load_places, scope_kind


def test_scope_kind():
    assert scope_kind("Europe") == "continent"
    assert scope_kind("France") == "country"
    assert scope_kind("the French Republic") == "country"
    assert scope_kind("Hauts-de-France") == "region"
    assert scope_kind("Hauts de France") == "region"
    assert scope_kind("Ile-de-France") == "region"
    assert scope_kind("Bavaria") == "region"
    assert scope_kind("the world") == "world"
    assert scope_kind("this Region") == "region"
    assert scope_kind("the country") == "country"
    assert scope_kind("Bourbourg") == "unknown"


def test_contains():
    assert contains("France", "Hauts-de-France") is True
    assert contains("Europe", "Hauts-de-France Region") is True
    assert contains("world", "Texas") is True
    assert contains("France", "France") is True
    assert contains("Germany", "Hauts-de-France") is False
    assert contains("Hauts-de-France", "France") is False
    assert contains("France", "Narnia") is None
    assert contains("Narnia", "France") is None


def test_demonyms():
    places = default_places()
    assert places.demonym("French") == "France"
    assert places.demonym("European") == "Europe"
    assert places.demonym("automotive") is None


def test_deictic_resolution_uses_document_mentions():
    places = default_places()
    text = "A plant in Hauts de France. The Hauts-de-France Region backs it. Bavaria too."
    cands = [name for _, _, name in places.mentions(text)]
    assert cands == ["Hauts-de-France", "Hauts-de-France", "Bavaria"]
    assert places.resolve("this Region", cands) == "Hauts-de-France"
    assert places.resolve("this Region", []) is None
    assert places.resolve("the country", cands) is None
    assert places.resolve("France", []) == "France"


def test_mentions_need_a_capital():
    places = default_places()
    assert places.mentions("tell us about turkey") == []
    assert [n for _, _, n in places.mentions("the US and Turkey")] == ["United States", "Turkey"]


def test_user_extension(tmp_path):
    extra = tmp_path / "places.yaml"
    extra.write_text("regions:\n  Flanders: {country: Belgium, aliases: [Vlaanderen]}\n")
    places = load_places([extra])
    assert places.kind("Vlaanderen") == "region"
    assert places.contains("Europe", "Flanders") is True
    assert scope_kind("Flanders") == "unknown"  # the shipped table is unchanged


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_never_raises(a, b):
    assert scope_kind(a) in {"world", "continent", "country", "region", "unknown"}
    assert contains(a, b) in (True, False, None)
    for start, end, _ in default_places().mentions(a):
        assert 0 <= start < end <= len(a)
