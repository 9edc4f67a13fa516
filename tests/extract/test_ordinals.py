"""Ordinals: rank, category, scope; only ranking claims count."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import ordinal_phrases, ordinal_readers, ordinals
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
        ("its first gigafactory", 1, "gigafactory", "self", "owner"),
        (
            "its first lithium-ion low-carbon battery cell gigafactory",
            1,
            "gigafactory",
            "self",
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
        ("its first battery factory", 1, "battery factory", "self", "owner"),
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
        ("Acme's first European factory", 1, "factory", "Acme in Europe", "owner")
    ]
    farms = values("It is the company's third wind farm in Scotland.")
    assert all(v[4] == "owner" for v in farms), farms
    assert values("It is the first battery passport in the world.") == [
        ("first battery passport in the world", 1, "passport", "world", "world")
    ]


def test_location_is_not_scope():
    assert values("Verkor opens its first gigafactory in Bourbourg.") == [
        ("its first gigafactory", 1, "gigafactory", "self", "owner")
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
        full = ordinal_phrases._POSS.search(text, max(0, i - 60), i)
        short = ordinals.possessive_before(text, i)
        assert (short and short.span()) == (full and full.span())


def test_prescan_tricky_cases():
    for text in ["5third 5th", "ſecond", "a 104th-ever plant", "٣rd", "x1st 1st", "FIRST"]:
        full = [m.span() for m in ordinals.ordinal_re().finditer(text)]
        at = ordinals.matches_at(ordinals.ordinal_re(), text, ordinals.ordinal_starts(text))
        assert [m.span() for m in at] == full, text


def test_generic_owners_fold_into_self():
    found = values(
        "The firm's second wind farm opened. The carmaker's first battery plant in "
        "North America is next, then Halvard's third gigafactory and their first factory."
    )
    assert [(v[0], v[3]) for v in found] == [
        ("The firm's second wind farm", "self"),
        ("The carmaker's first battery plant in North America", "self in North America"),
        ("Halvard's third gigafactory", "Halvard"),
        ("their first factory", "their"),
    ]
    assert ordinals.owner_key("the Authority") == ordinals.SELF
    assert ordinals.owner_key("Our") == ordinals.SELF


def test_an_owner_makes_any_singular_noun_rank():
    assert values("Route 9 is the town's fourth tram line, and it runs at night.") == [
        ("the town's fourth tram line", 4, "line", "town", "owner")
    ]
    assert values("The port's first ferry link opened in May.") == [
        ("The port's first ferry link", 1, "link", "port", "owner")
    ]
    for text in (
        "Its first customers signed in May.",  # plural: the earliest ones, not a rank
        "The company's first half was weak.",
        "Our first three programmes start soon.",  # a count
    ):
        assert values(text) == [], text
    assert values("Its first loaded train left at noon.") == [
        ("Its first loaded train", 1, "train", "self", "owner")
    ]


def test_ranking_verbs():
    text = (
        "The college placed 4th in Germany and 31st in the world in the Global Design "
        "Index 2024, and came first in Europe for graduate employment."
    )
    found = ordinals.find(text, segment(text), CTX)
    assert [(text[c.start : c.end], c.value.rank, c.value.scope) for c in found] == [
        ("4th in Germany", 4, "Germany"),
        ("31st in the world", 31, "world"),
        ("first in Europe", 1, "Europe"),
    ]
    assert [c.value.category for c in found] == ["ranking"] * 3
    assert [ordinals.measure(c.value.modifiers) for c in found] == [
        "ranked in global design index 2024",
        "ranked in global design index 2024",
        "ranked for graduate employment",
    ]
    for silent in (
        "She came second in the race.",  # no place
        "It was first in Europe to ban the practice.",  # an act, not a table
        "It ranked highly in Spain.",
        "The plan is first-class in France.",
    ):
        assert values(silent) == [], silent


def test_bare_superlatives_rank_first():
    text = "Calder Moss is Norway's biggest battery plant."
    assert values(text) == [
        ("Norway's biggest battery plant", 1, "battery plant", "Norway", "country")
    ]
    assert ordinals.measure(ordinals.find(text, segment(text), CTX)[0].value.modifiers) == "largest"
    assert values("It is the most efficient smelter in Europe.") == [
        ("most efficient smelter in Europe", 1, "smelter", "Europe", "continent")
    ]
    assert values("It is the company's newest plant.") == [
        ("the company's newest plant", 1, "plant", "self", "owner")
    ]


def test_hedged_or_unscoped_superlatives_stay_silent():
    for text in (
        "It is one of the largest smelters in Europe.",
        "It is among Norway's biggest employers.",
        "It is the largest plant ever built in Norway.",
        "It is the largest-ever plant in Norway.",
        "It was the largest smelter in Norway last year.",
        "It is the largest smelter in Norway since 1990.",
        "Its largest market outside Norway is Sweden.",
        "Sweden is its biggest market after Norway.",
        "It is the largest plant of its kind in Norway.",
        "It is the largest plant.",  # no scope
        "It is the second largest plant in Norway.",  # the ordinal's claim, once
        "It is the largest in Norway.",  # no noun
        "Most plants in Norway are small.",
    ):
        found = values(text)
        assert all(v[1] != 1 for v in found), (text, found)
    assert values("It is the second largest plant in Norway.") == [
        ("second largest plant in Norway", 2, "plant", "Norway", "country")
    ]


def test_superlative_after_a_bare_of_ranks():
    assert values("Harbour Air is now the owner of the biggest seaplane fleet in Canada.") == [
        ("biggest seaplane fleet in Canada", 1, "fleet", "Canada", "country")
    ]
    assert values("She became chief of Sweden's largest smelter.") == [
        ("Sweden's largest smelter", 1, "smelter", "Sweden", "country")
    ]


@given(
    st.sampled_from(["one", "some", "two", "several", "each", "most", "a list", "the top 5"]),
    st.sampled_from(["the biggest smelters in Canada", "Sweden's largest employers"]),
)
def test_a_quantifier_before_of_hedges(quantifier: str, phrase: str) -> None:
    assert values(f"The mill is {quantifier} of {phrase}.") == []


def test_streaks():
    assert values("Profits rose for the sixth consecutive quarter.") == [
        ("sixth consecutive quarter", 6, "consecutive quarter", None, "unknown")
    ]
    assert values("It topped the survey for a 12th year in a row.") == [
        ("12th year in a row", 12, "consecutive year", None, "unknown")
    ]
    assert values("Sales grew for a third straight season, and for the third year running.") == [
        ("third straight season", 3, "consecutive season", None, "unknown"),
        ("third year running", 3, "consecutive year", None, "unknown"),
    ]
    for text in (
        "In her second year running the mill, output doubled.",  # no streak
        "It was the first consecutive year of growth.",  # a streak of one
        "Third consecutive years are rare.",  # no determiner
    ):
        assert values(text) == [], text


def test_measure():
    assert ordinals.measure([]) == ""
    assert ordinals.measure(["French", "automotive"]) == ""
    assert ordinals.measure(["ever"]) == ""
    assert ordinals.measure(["largest", "solar"]) == "largest"
    assert ordinals.measure(["biggest"]) == "largest"
    assert ordinals.measure(["most  Efficient"]) == "most efficient"
    assert ordinals.measure(["ranked in the Index"]) == "ranked in the index"


SUPER_PIECES = [
    *"a 5 ,.-\n'’_".split(" "),
    *"largest biggest most least almost mostly Largest LARGEST largest-ever x-largest".split(),
    *"newest honest greatest est st ſt İ ı 9largest largest9 smallest tallest".split(),
]
SUPER_TEXTS = st.lists(
    st.tuples(st.sampled_from(SUPER_PIECES), st.sampled_from(["", " ", "-", "\n", "'"])),
    max_size=25,
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=300, deadline=None)
@given(st.one_of(SUPER_TEXTS, st.text(max_size=60)))
def test_superlative_prescan_matches_a_plain_scan(text):
    low = ordinals.fold_lower(text)
    words = "|".join(sorted(ordinals.vocab().bare_superlatives, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w'’-])(?:{words})(?![\w-])")
    assert ordinals._superlative_starts(low) == [m.span() for m in plain.finditer(low)]


RANK_PIECES = [
    *"a 5 ,.\n".split(" "),
    *"ranked Ranked is IS this as was came placed 3rd first".split(),
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(RANK_PIECES), max_size=12).map(" ".join),
    st.sampled_from(["", " ", "  ", "\n"]),
)
def test_rank_verb_shortcut_agrees_with_search(text, gap):
    text += gap
    end = len(text)
    full = ordinal_readers._RANK_VERB.search(text, max(0, end - 30), end) is not None
    assert ordinal_readers._rank_verb_before(text, end) == full
