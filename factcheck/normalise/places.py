"""Places for the scope of ordinal claims: world ⊃ continent ⊃ country ⊃ region.

The table lives in `factcheck/data/places.yaml`; users add their own files of the
same shape with `load_places(extra=[path, ...])`. Names are compared after
folding (case, accents, hyphens vs spaces, a leading "the").

Deictic names ("this Region", "the country") have a kind but no name of their
own: `resolve(name, candidates)` picks the place of that kind named elsewhere in
the document. Pass `candidates` as the canonical names found by `mentions(text)`
on the same document; the most frequent candidate of the right kind wins, the
last-mentioned one breaks ties.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from factcheck.normalise import safe_load
from factcheck.patterns import word_trie

KINDS = ("world", "continent", "country", "region")
_DETERMINERS = ("this ", "that ", "the ", "our ", "their ", "its ", "the same ")
_SUFFIXES = (" region", " state", " province")


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # world | continent | country | region
    parent: str | None  # canonical name of the containing place


@cache
def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFKD", c)[:1].lower()[:1] or c
    return " " if base in "-‐‑–" else base


@cache
def _non_ascii() -> re.Pattern[str]:
    return re.compile(r"[^\x00-\x7f]+")


def _fold_run(m: re.Match[str]) -> str:
    return "".join(map(_fold_char, m.group()))


def fold(text: str) -> str:
    """Case-, accent- and hyphen-folded text of the same length as `text`."""
    # ASCII is its own NFKD form: only case and "-" change. A folded non-ASCII
    # character is one lower-case character, never "-", so it survives both.
    if not text.isascii():
        text = _non_ascii().sub(_fold_run, text)
    return text.lower().replace("-", " ")


def _key(name: str) -> str:
    key = " ".join(fold(name).replace("’", "'").split())
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class Places:
    """A place table: names and aliases, demonyms, deictic words."""

    by_key: Mapping[str, Place]
    demonyms: Mapping[str, str]  # folded demonym -> canonical place name
    deictic: Mapping[str, str]  # folded word ("region") -> kind

    def lookup(self, name: str) -> Place | None:
        """The place called `name` (any alias, "the X", "X Region"), or None."""
        key = _key(name)
        if key in self.by_key:
            return self.by_key[key]
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and key[: -len(suffix)] in self.by_key:
                return self.by_key[key[: -len(suffix)]]
        return None

    def demonym(self, word: str) -> str | None:
        """The place a demonym stands for: "French" → "France", else None."""
        return self.demonyms.get(_key(word))

    def deictic_kind(self, name: str) -> str | None:
        """ "this Region" → "region"; "the country" → "country"; else None."""
        low = " ".join(fold(name).split())
        for det in _DETERMINERS:
            if low.startswith(det) and low[len(det) :] in self.deictic:
                return self.deictic[low[len(det) :]]
        return None

    def kind(self, name: str) -> str:
        """world | continent | country | region | unknown."""
        place = self.lookup(name)
        if place is not None:
            return place.kind
        return self.deictic_kind(name) or "unknown"

    def resolve(self, name: str, candidates: Sequence[str] = ()) -> str | None:
        """Canonical name of `name`; deictic names resolve against `candidates`."""
        place = self.lookup(name)
        if place is not None:
            return place.name
        kind = self.deictic_kind(name)
        if kind is None:
            return None
        fitting = [p.name for c in candidates if (p := self.lookup(c)) and p.kind == kind]
        if not fitting:
            return None
        counts = Counter(fitting)
        best = max(counts.values())
        return next(n for n in reversed(fitting) if counts[n] == best)

    def chain(self, name: str) -> list[str]:
        """`name` and every place containing it, innermost first ([] if unknown)."""
        out: list[str] = []
        place = self.lookup(name)
        while place is not None and place.name not in out:
            out.append(place.name)
            place = self.by_key.get(_key(place.parent)) if place.parent else None
        return out

    def contains(self, outer: str, inner: str) -> bool | None:
        """Does `outer` contain (or equal) `inner`? None when either is unknown."""
        o, chain = self.lookup(outer), self.chain(inner)
        if o is None or not chain:
            return None
        return o.kind == "world" or o.name in chain

    @cached_property
    def _mention_pattern(self) -> re.Pattern[str]:
        return _mention_re(tuple(sorted(self.by_key)))

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical name) of every capitalised place name in `text`."""
        out: list[tuple[int, int, str]] = []
        for m in self._mention_pattern.finditer(fold(text)):
            if text[m.start()].isupper():
                out.append((m.start(), m.end(), self.by_key[m.group(0)].name))
        return out


@cache
def _mention_re(keys: tuple[str, ...]) -> re.Pattern[str]:
    """The longest name (of two characters or more) between word boundaries."""
    names = word_trie(k for k in keys if len(k) > 1)
    return re.compile(r"(?<![\w'])" + names + r"(?![\w])")


def _add(by_key: dict[str, Place], place: Place, aliases: Iterable[str]) -> None:
    for alias in (place.name, *aliases):
        by_key.setdefault(_key(alias), place)


def _merge(
    by_key: dict[str, Place], demonyms: dict[str, str], deictic: dict[str, str], data: Any
) -> None:
    world = data.get("world") or {}
    if world:
        place = Place("world", "world", None)
        _add(by_key, place, world.get("names", []))
        for d in world.get("demonyms", []):
            demonyms[_key(d)] = "world"
    for section, kind, parent_key in (
        ("continents", "continent", None),
        ("countries", "country", "continent"),
        ("regions", "region", "country"),
    ):
        for name, info in (data.get(section) or {}).items():
            info = info or {}
            parent = info.get(parent_key) if parent_key else "world"
            _add(by_key, Place(str(name), kind, parent), info.get("aliases", []))
            for d in info.get("demonyms", []):
                demonyms.setdefault(_key(d), str(name))
    for kind, words in (data.get("deictic") or {}).items():
        for w in words:
            deictic[_key(w)] = str(kind)


def load_places(extra: Sequence[str | Path] = ()) -> Places:
    """The shipped place table, extended by the YAML files in `extra` (same shape)."""
    by_key: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    deictic: dict[str, str] = {}
    extras = [safe_load(Path(p).read_text(encoding="utf-8")) or {} for p in extra]
    for data in reversed(extras):  # user files first: their names win
        _merge(by_key, demonyms, deictic, data)
    shipped = resources.files("factcheck.data").joinpath("places.yaml").read_text("utf-8")
    _merge(by_key, demonyms, deictic, safe_load(shipped))
    return Places(by_key, demonyms, deictic)


@cache
def default_places() -> Places:
    """The shipped table, loaded once per process."""
    return load_places()


def scope_kind(name: str) -> str:
    """world | continent | country | region | unknown, from the shipped table."""
    return default_places().kind(name)


def contains(outer: str, inner: str) -> bool | None:
    """Does place `outer` contain `inner`? None when either is unknown."""
    return default_places().contains(outer, inner)
