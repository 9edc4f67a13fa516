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


SCAN_PIECES = [
    *"a 5 ,.-\n'’",
    *"first First FIRST fIrSt ſecond ſeventh third thirteenth eighth eighteenth".split(),
    *"twentieth TWELFTH 1st 22nd 3RD 104th 1234th ٣rd 5th-largest second-hand 2nd-ever".split(),
    *"5third 12st the a its their Acme's Europe’s very İ ı K x bathe thirds".split(),
]
SCAN_TEXTS = st.lists(
    st.tuples(st.sampled_from(SCAN_PIECES), st.sampled_from(["", " ", "  ", "-", "\n", ", "])),
    max_size=30,
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=400, deadline=None)
@given(st.one_of(SCAN_TEXTS, st.text(max_size=80)))
def test_ordinal_prescan_finds_what_finditer_finds(text):
    """`find` tries `ordinal_re` only where `ordinal_starts` says: same matches."""
    full = [m.span() for m in ordinals.ordinal_re().finditer(text)]
    at = ordinals.matches_at(ordinals.ordinal_re(), text, ordinals.ordinal_starts(text))
    assert [m.span() for m in at] == full


@settings(max_examples=300, deadline=None)
@given(st.one_of(SCAN_TEXTS, st.text(max_size=80)))
def test_possessive_shortcut_agrees_with_search(text):
    for i in range(len(text) + 1):
        full = ordinals._POSS.search(text, max(0, i - 60), i)
        short = ordinals.possessive_before(text, i)
        assert (short and short.span()) == (full and full.span())


def test_prescan_tricky_cases():
    for text in ["5third 5th", "ſecond", "a 104th-ever plant", "٣rd", "x1st 1st", "FIRST"]:
        full = [m.span() for m in ordinals.ordinal_re().finditer(text)]
        at = ordinals.matches_at(ordinals.ordinal_re(), text, ordinals.ordinal_starts(text))
        assert [m.span() for m in at] == full, text
