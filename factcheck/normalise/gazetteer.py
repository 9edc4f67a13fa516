"""The gazetteer: alias groups, known acronyms and generic words, from YAML files.

The shipped file is `rules/gazetteer.yaml`; users add their own (config key
`gazetteer`). Every file has the optional keys `aliases` (a list of lists of
names), `acronyms` (a mapping ACRONYM: expansion) and `generic_words` (a list);
later files add to earlier ones. A malformed file raises `ConfigError(path, line,
message)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from factcheck.errors import ConfigError

_KEYS = frozenset({"aliases", "acronyms", "generic_words"})


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Alias groups and vocabularies for comparing names; immutable once loaded."""

    # alias phrase (normalised words) -> canonical name (normalised, one token)
    phrases: Mapping[tuple[str, ...], str] = field(default_factory=lambda: MappingProxyType({}))
    acronyms: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    generic: frozenset[str] = frozenset()
    sources: tuple[str, ...] = ()
    longest: int = field(init=False, default=0)  # words in the longest alias phrase

    def __post_init__(self) -> None:
        object.__setattr__(self, "longest", max(map(len, self.phrases), default=0))

    def canonical(self, normalised: str) -> tuple[str, ...]:
        """The words of a normalised name with alias phrases replaced by their
        canonical form (longest phrase first)."""
        words = normalised.split()
        if not self.phrases:
            return tuple(words)
        longest = self.longest
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(longest, len(words) - i), 0, -1):
                canon = self.phrases.get(tuple(words[i : i + size]))
                if canon is not None:
                    out.append(canon)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return tuple(out)


def default_gazetteer_paths() -> list[Path]:
    """The shipped gazetteer file(s) that exist: `rules/gazetteer.yaml` next to the
    package (source checkout) or `factcheck/rules/gazetteer.yaml` (installed)."""
    here = Path(__file__).resolve().parent.parent
    candidates = [here.parent / "rules" / "gazetteer.yaml", here / "rules" / "gazetteer.yaml"]
    return [p for p in candidates if p.is_file()][:1]


@cache
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return load_gazetteer(default_gazetteer_paths())


def _fail(doc: Any, loc: list[str | int], message: str) -> ConfigError:
    return ConfigError(doc.path, doc.line_of(loc), message)


def _strings(doc: Any, value: Any, loc: list[str | int]) -> list[str]:
    if not isinstance(value, list):
        raise _fail(doc, loc, "expected a list of names")
    for i, item in enumerate(value):
        if not isinstance(item, str | int | float) or isinstance(item, bool):
            raise _fail(doc, [*loc, i], "expected a name (a string)")
    return [str(v) for v in value]


def _alias_acronym(phrases: dict[tuple[str, ...], str], acronym: str, expansion: str) -> None:
    """Make a known acronym an alias of its expansion (unless it is a common word,
    as "WHO" is), so that "EIB" and "European Investment Bank" share one canonical form."""
    from factcheck.extract.base import STOPWORDS
    from factcheck.normalise.names import normalise_name

    short, long = normalise_name(acronym), normalise_name(expansion)
    if not short or not long or short in STOPWORDS or (short,) in phrases:
        return
    phrases[(short,)] = phrases.get(tuple(long.split()), long)
    phrases.setdefault(tuple(long.split()), phrases[(short,)])


def load_gazetteer(paths: list[Path]) -> Gazetteer:
    """Load and merge gazetteer files, in order."""
    from factcheck.normalise.names import normalise_name
    from factcheck.yamlload import load_yaml, read_text_file

    phrases: dict[tuple[str, ...], str] = {}
    acronyms: dict[str, str] = {}
    generic: set[str] = set()
    for path in paths:
        doc = load_yaml(read_text_file(str(path)), str(path))
        data = doc.data if doc.data is not None else {}
        if not isinstance(data, dict):
            raise _fail(
                doc, [], "a gazetteer must be a mapping with aliases/acronyms/generic_words"
            )
        unknown = sorted(set(map(str, data)) - _KEYS)
        if unknown:
            raise _fail(doc, [unknown[0]], f"unknown key {unknown[0]!r}")
        for g, group in enumerate(data.get("aliases") or []):
            names = [normalise_name(n) for n in _strings(doc, group, ["aliases", g])]
            names = [n for n in names if n]
            if len(names) < 2:
                raise _fail(doc, ["aliases", g], "an alias group needs two names or more")
            canon = next(
                (phrases[tuple(n.split())] for n in names if tuple(n.split()) in phrases), names[0]
            )
            for n in names:
                phrases[tuple(n.split())] = canon
        table = data.get("acronyms") or {}
        if not isinstance(table, dict):
            raise _fail(doc, ["acronyms"], "expected a mapping ACRONYM: expansion")
        for key, value in table.items():
            if not isinstance(value, str):
                raise _fail(doc, ["acronyms", str(key)], "expected an expansion (a string)")
            acronyms[str(key)] = value
            _alias_acronym(phrases, str(key), value)
        generic.update(
            normalise_name(w)
            for w in _strings(doc, data.get("generic_words") or [], ["generic_words"])
        )
    return Gazetteer(
        phrases=MappingProxyType(phrases),
        acronyms=MappingProxyType(acronyms),
        generic=frozenset(g for g in generic if g),
        sources=tuple(str(p) for p in paths),
    )
