"""Normalisers: numbers, units, dates, names, places (see each module)."""

from __future__ import annotations

from typing import Any


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, through libyaml's C loader when PyYAML has it (about 8x faster:
    the shipped vocabularies are read on every cold start)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
