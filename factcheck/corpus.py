"""The inputs that check kinds receive: one document's claims, or the whole corpus.

Both also keep what checks derive from them, worked out once: a reference is
checked against every draft (`DocInput.derived`), and the rules of one run share
their intermediate results (`Corpus.shared`, `Corpus.pair_memo`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, TypeVar

from factcheck.model import Claim, Document, Segmentation

T = TypeVar("T")
_MISSING: Any = object()


@dataclass(frozen=True)
class DocInput:
    """One document with its segmentation and claims."""

    document: Document
    segmentation: Segmentation
    claims: tuple[Claim, ...]

    def of_kind(self, kind: str) -> Iterator[Claim]:
        """The claims of one kind, in document order."""
        return iter(self._by_kind.get(kind, ()))

    @cached_property
    def _by_kind(self) -> dict[str, tuple[Claim, ...]]:
        by_kind: dict[str, list[Claim]] = {}
        for claim in self.claims:
            by_kind.setdefault(claim.kind, []).append(claim)
        return {k: tuple(v) for k, v in by_kind.items()}

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, worked out once per document and `key`: what a check derives
        from a reference serves every draft checked against it. `key` must name
        what is computed (e.g. the module-level functions it uses), never hold
        per-draft values. The result is shared: callers must not change it."""
        return _memoised(self._derived, key, compute)

    def blocks(
        self, kind: str, key: Callable[[Claim], Hashable | None]
    ) -> dict[Hashable, list[Claim]]:
        """The claims of one kind grouped by a module-level block key (see `link.block`)."""
        from factcheck.link import block

        return self.derived(("blocks", kind, key), lambda: dict(block(self.of_kind(kind), key)))

    @cached_property
    def _derived(self) -> dict[Hashable, Any]:
        return {}


@dataclass(frozen=True)
class RunContext:
    """What every check may consult besides its claims: shared, read-only data."""

    gazetteer: Any = None  # factcheck.normalise.names.Gazetteer

    def canonical_tokens(self, text: str) -> tuple[str, ...]:
        """Folded name tokens of `text`, alias phrases replaced by one canonical token
        (Dunkerque → dunkirk; Regione Piemonte → piedmont region)."""
        return _canonical_tokens(self.gazetteer, text)


@lru_cache(maxsize=4096)
def _canonical_tokens(gazetteer: Any, text: str) -> tuple[str, ...]:
    # Names and titles recur in every draft; the gazetteer is immutable and
    # hashed by identity, so (gazetteer, text) is a small, pure key.
    from factcheck.normalise.names import name_tokens

    tokens = name_tokens(text)
    if gazetteer is None:
        return tuple(tokens)
    return tuple(gazetteer.canonical(" ".join(tokens)))


@dataclass
class Corpus:
    """Every document of a run."""

    docs: tuple[DocInput, ...]

    @cached_property
    def by_id(self) -> dict[str, DocInput]:
        return {d.document.id: d for d in self.docs}

    @property
    def references(self) -> tuple[DocInput, ...]:
        return tuple(d for d in self.docs if d.document.role == "reference")

    @property
    def drafts(self) -> tuple[DocInput, ...]:
        return tuple(d for d in self.docs if d.document.role == "draft")

    @property
    def has_roles(self) -> bool:
        return any(d.document.role != "peer" for d in self.docs)

    def shared(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, worked out once per corpus and `key` and shared by the rules
        of a run (misquote, misattribution and unsupported_quote read the same
        quote verdicts). The result is shared: callers must not change it."""
        return _memoised(self._shared, key, compute)

    def pair_memo(
        self, name: Hashable, fn: Callable[[Claim, Claim], T]
    ) -> Callable[[Claim, Claim], T]:
        """`fn` remembering its result per pair of claims (by claim id) for this corpus:
        rules that score the same draft-reference pairs compute each once. `name`
        must identify `fn` with its parameters. Only with roles: without, every
        pair of documents is compared and the memo would grow with their square."""
        if not self.has_roles:
            return fn
        memo: dict[tuple[str, str], T] = self._shared.setdefault(("pairs", name), {})

        def remembered(a: Claim, b: Claim) -> T:
            key = (a.id, b.id)
            found = memo.get(key, _MISSING)
            if found is _MISSING:
                found = memo[key] = fn(a, b)
            return found  # type: ignore[no-any-return]

        return remembered

    @cached_property
    def _shared(self) -> dict[Hashable, Any]:
        return {}


def _memoised(memo: dict[Hashable, Any], key: Hashable, compute: Callable[[], T]) -> T:
    """memo[key], computed by `compute()` the first time."""
    found = memo.get(key, _MISSING)
    if found is _MISSING:
        found = memo[key] = compute()
    return found  # type: ignore[no-any-return]
