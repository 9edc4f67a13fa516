"""Check kinds: the Python functions that rules instantiate.

Each module in `KIND_MODULES` defines one kind with the `@kind(...)` decorator on
its `run` function. `default_registry()` imports that explicit list once per call
and returns a fresh `Registry`; nothing global is mutated.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from factcheck.model import Related, Span

Scope = Literal["document", "cross"]

KIND_MODULES = (
    "duplicate_list_item",
    "broken_paragraph",
    "forbidden_term",
    "preferred_term",
    "ordinal_conflict",
    "quantity_conflict",
    "title_conflict",
    "date_arithmetic",
    "quantity_mismatch",
    "date_mismatch",
    "misquote",
    "misattribution",
    "unsupported_entity",
    "unsupported_figure",
    "unsupported_quote",
)


@dataclass(frozen=True)
class Hit:
    """What a check reports; the engine turns it into a Finding (message, fingerprint)."""

    location: Span
    evidence: dict[str, str]
    key: tuple[str, ...]  # normalised claim texts: the fingerprint's basis, never offsets
    related: tuple[Related, ...] = ()
    sentence: Span | None = None
    suggestion: str | None = None
    diff: tuple[tuple[str, str], ...] | None = None


@dataclass(frozen=True)
class CheckKind:
    name: str
    params: type[BaseModel]
    scopes: frozenset[str]
    evidence: frozenset[str]
    run: Callable[..., Iterator[Hit]]
    doc: str


@dataclass(frozen=True)
class KindSpec:
    """What the `@kind` decorator attaches to a run function."""

    name: str
    params: type[BaseModel]
    scopes: tuple[str, ...]
    evidence: tuple[str, ...]


def kind(
    name: str, *, params: type[BaseModel], scopes: tuple[str, ...], evidence: tuple[str, ...]
) -> Callable[[Callable[..., Iterator[Hit]]], Callable[..., Iterator[Hit]]]:
    """Mark `run` as the check kind `name`; `evidence` lists the message placeholders."""

    def mark(run: Callable[..., Iterator[Hit]]) -> Callable[..., Iterator[Hit]]:
        run.__factcheck_kind__ = KindSpec(name, params, scopes, evidence)  # type: ignore[attr-defined]
        return run

    return mark


@dataclass(frozen=True)
class Registry:
    kinds: dict[str, CheckKind] = field(default_factory=dict)

    def get(self, name: str) -> CheckKind | None:
        return self.kinds.get(name)

    def names(self) -> list[str]:
        return sorted(self.kinds)


def default_registry(modules: tuple[str, ...] = KIND_MODULES) -> Registry:
    """A registry holding every kind shipped with factcheck."""
    kinds: dict[str, CheckKind] = {}
    for module_name in modules:
        module = importlib.import_module(f"factcheck.checks.{module_name}")
        for value in vars(module).values():
            spec: Any = getattr(value, "__factcheck_kind__", None)
            if isinstance(spec, KindSpec):
                kinds[spec.name] = CheckKind(
                    name=spec.name,
                    params=spec.params,
                    scopes=frozenset(spec.scopes),
                    evidence=frozenset(spec.evidence),
                    run=value,
                    doc=(module.__doc__ or "").strip(),
                )
    return Registry(kinds)
