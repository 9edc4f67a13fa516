"""Organisation and place names: normal form, aliases, acronyms, same-entity test.

`normalise_name` folds case and accents, drops punctuation, apostrophes, a
possessive 's, a leading "the" and trailing legal suffixes (N.V., S.A., GmbH,
Ltd, plc, Inc, "& Co.", "and Company", "Co. Ltd", ...). `same_entity` says
whether two names denote one entity:
equal normal forms; names from one gazetteer alias group (also inside longer
names: "Dunkirk Urban Community" = "Dunkerque Urban Community"); an acronym and
its expansion ("EIB" = "European Investment Bank", or one the text defines);
the same letters apart from spaces ("J.P. Morgan" = "JPMorgan"); or one name's
words being the other's plus generic words only ("Renault" = "Renault Group",
"Lloyds" = "Lloyds Banking Group": the gazetteer's generic words and the short-form
words of factcheck/data/org_words.yaml). Distinct look-alikes ("ING Bank N.V." and "ING Sustainable
Investments"; "Crédit Agricole" and "Crédit Agricole Assurances") differ by a
non-generic word and stay distinct. "Group" is a generic word, not a legal suffix.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz

from factcheck.normalise import safe_load
from factcheck.normalise.acronyms import acronym_of, defined_acronyms, looks_like_acronym
from factcheck.normalise.gazetteer import (
    Gazetteer,
    default_gazetteer,
    default_gazetteer_paths,
    load_gazetteer,
)

__all__ = [
    "Gazetteer",
    "acronym_of",
    "default_gazetteer",
    "default_gazetteer_paths",
    "defined_acronyms",
    "entity_similarity",
    "load_gazetteer",
    "name_tokens",
    "normalise_name",
    "same_entity",
]

LEGAL_SUFFIXES = frozenset(
    [
        "nv",
        "sa",
        "se",
        "ag",
        "gmbh",
        "ltd",
        "limited",
        "plc",
        "inc",
        "incorporated",
        "llc",
        "llp",
        "lp",
        "bv",
        "spa",
        "sas",
        "sarl",
        "sarl",
        "kgaa",
        "ab",
        "asa",
        "oyj",
        "srl",
        "pty",
        "ua",
        "co",
        "corp",
        "kg",
        "na",
        "pte",
    ]
)

# Legal suffixes of two words: "& Co." ("&" reads "and"), "and Company", "et Cie",
# "A/S". Stripped as one, so that no dangling "and" is left behind.
LEGAL_SUFFIX_PAIRS = frozenset(
    [
        ("and", "co"),
        ("and", "company"),
        ("and", "cie"),
        ("et", "cie"),
        ("a", "s"),
    ]
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    dotted = re.compile(r"\b(?:[^\W\d_]\.)+[^\W\d_]\b\.?")
    possessive = re.compile(r"(?<=\w)['’]s\b")
    word = re.compile(r"[^\W_]+")
    return dotted, possessive, word


def _fold(text: str) -> str:
    """Casefold and strip accents (twice, since casefolding may add combining marks)."""
    if text.isascii():  # its own NFKD form, no combining marks; casefold is lower
        return text.lower()
    for _ in range(2):
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return text


_CACHED_NAME_CHARS = 80


def name_tokens(name: str) -> list[str]:
    """The words of `name` in normal form (see `normalise_name`)."""
    if len(name) <= _CACHED_NAME_CHARS:  # names and words recur across a corpus
        return list(_cached_name_tokens(name))
    return _name_tokens(name)


@lru_cache(maxsize=8192)
def _cached_name_tokens(name: str) -> tuple[str, ...]:
    return tuple(_name_tokens(name))


def _name_tokens(name: str) -> list[str]:
    dotted, possessive, word = _patterns()
    text = _fold(name)
    text = dotted.sub(lambda m: m.group(0).replace(".", ""), text)
    text = possessive.sub("", text).replace("'", "").replace("’", "").replace("&", " and ")
    tokens = word.findall(_fold(text))
    while len(tokens) > 1 and tokens[0] == "the":
        tokens.pop(0)
    return _without_legal_suffixes(tokens)


def _without_legal_suffixes(tokens: list[str]) -> list[str]:
    """`tokens` without trailing legal suffixes ("GmbH & Co. KG"); never emptied."""
    while len(tokens) > 1:
        if len(tokens) > 2 and (tokens[-2], tokens[-1]) in LEGAL_SUFFIX_PAIRS:
            del tokens[-2:]
        elif tokens[-1] in LEGAL_SUFFIXES:
            tokens.pop()
        else:
            break
    return tokens


def normalise_name(name: str) -> str:
    """The comparable form of a name: "ING BANK N.V." → "ing bank"."""
    return " ".join(name_tokens(name))


def _variants(name: str) -> list[str]:
    """The name, and apart its outside and inside when it holds "(…)"."""
    m = re.search(r"\(([^()]+)\)", name)
    if not m:
        return [name]
    outside = (name[: m.start()] + " " + name[m.end() :]).strip()
    return [name, outside, m.group(1).strip()]


def without_article(name: str) -> str:
    """`name` without leading articles, spaces normalised: "the NIB" → "NIB"."""
    words = name.split()
    while len(words) > 1 and words[0].lower() == "the":
        words.pop(0)
    return " ".join(words)


@cache
def short_form_words() -> frozenset[str]:
    """Words a short form of an organisation's name may leave out ("Banking Group")."""
    raw = resources.files("factcheck.data").joinpath("org_words.yaml").read_text("utf-8")
    return frozenset(str(w) for w in safe_load(raw).get("short_form_words", []))


def _plain_same(na: str, nb: str, gaz: Gazetteer) -> bool:
    """Normal forms equal (spaces aside), or equal after aliases, or one is the
    other plus generic words."""
    if not na or not nb:
        return False
    if na == nb or na.replace(" ", "") == nb.replace(" ", ""):
        return True
    ca, cb = gaz.canonical(na), gaz.canonical(nb)
    if ca == cb:
        return True
    sa, sb = set(ca), set(cb)
    small, big = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    droppable = gaz.generic | short_form_words()
    return bool(small - droppable) and small <= big and (big - small) <= droppable


def _acronym_same(
    a: str, b: str, gaz: Gazetteer, acronyms: dict[str, str], min_guessed: int
) -> bool:
    """`a` is an acronym (as written) and `b` its expansion: a known one, or, for an
    acronym of `min_guessed` letters or more, the initials of `b`."""
    acr = without_article(a)
    if not looks_like_acronym(acr):
        return False
    nb = normalise_name(b)
    for known in (acronyms.get(acr), gaz.acronyms.get(acr), gaz.acronyms.get(acr.upper())):
        if known and _plain_same(normalise_name(known), nb, gaz):
            return True
    words = without_article(b).split()
    return (
        len(acr) >= min_guessed
        and len(words) >= 2
        and not looks_like_acronym(without_article(b))
        and acronym_of(b) == acr.upper()
    )


def same_entity(
    a: str,
    b: str,
    gazetteer: Gazetteer,
    *,
    acronyms: dict[str, str] | None = None,
    min_guessed_acronym: int = 2,
) -> bool:
    """Whether names `a` and `b` denote the same entity (symmetric and reflexive).

    An acronym nobody defines matches the initials of a name only when it has
    `min_guessed_acronym` letters or more (short ones coincide: "BP", "Blue Peak").
    """
    if a.strip() == b.strip():
        return True
    acr = acronyms or {}
    guess = min_guessed_acronym
    for x in _variants(a):
        for y in _variants(b):
            if _plain_same(normalise_name(x), normalise_name(y), gazetteer):
                return True
            if _acronym_same(x, y, gazetteer, acr, guess) or _acronym_same(
                y, x, gazetteer, acr, guess
            ):
                return True
    return False


def entity_similarity(
    a: str, b: str, gazetteer: Gazetteer, *, acronyms: dict[str, str] | None = None
) -> float:
    """1.0 for the same entity, else the fuzzy similarity of the normal forms in
    [0, 0.99): near-spellings score high, look-alikes that differ by a word lower."""
    if same_entity(a, b, gazetteer, acronyms=acronyms):
        return 1.0
    score = fuzz.ratio(normalise_name(a), normalise_name(b)) / 100.0
    return min(score, 0.98)
