"""The inputs that check kinds receive: one document's claims, or the whole corpus."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from factcheck.model import Claim, Document, Segmentation


@dataclass(frozen=True)
class DocInput:
    """One document with its segmentation and claims."""

    document: Document
    segmentation: Segmentation
    claims: tuple[Claim, ...]

    def of_kind(self, kind: str) -> Iterator[Claim]:
        return (c for c in self.claims if c.kind == kind)


@dataclass(frozen=True)
class RunContext:
    """What every check may consult besides its claims: shared, read-only data."""

    gazetteer: Any = None  # factcheck.normalise.names.Gazetteer

    def canonical_tokens(self, text: str) -> tuple[str, ...]:
        """Folded name tokens of `text`, alias phrases replaced by one canonical token
        (Dunkerque → dunkirk; Regione Piemonte → piedmont region)."""
        from factcheck.normalise.names import name_tokens

        tokens = name_tokens(text)
        if self.gazetteer is None:
            return tuple(tokens)
        return tuple(self.gazetteer.canonical(" ".join(tokens)))


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
