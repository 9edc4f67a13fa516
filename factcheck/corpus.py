"""The inputs that check kinds receive: one document's claims, or the whole corpus."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
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


@dataclass
class Corpus:
    """Every document of a run; links between claims are built once and shared."""

    docs: tuple[DocInput, ...]
    options: dict[str, Any] = field(default_factory=dict)

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

    def comparisons(self) -> Iterator[tuple[DocInput, DocInput]]:
        """(checked, authority) document pairs: draft vs reference, or each peer pair once."""
        if self.has_roles:
            for draft in self.docs:
                if draft.document.role == "reference":
                    continue
                for ref in self.references:
                    yield draft, ref
        else:
            for i, a in enumerate(self.docs):
                for b in self.docs[i + 1 :]:
                    yield b, a
