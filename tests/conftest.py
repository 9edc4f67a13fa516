"""Shared test helpers."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.model import Segmentation

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The unit table and parsed vocabularies are cached per user; tests (and the
    commands they start) use a cache of their own, never the developer's."""
    before = os.environ.get("FACTCHECK_CACHE_DIR")
    os.environ["FACTCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("user-cache"))
    yield
    if before is None:
        del os.environ["FACTCHECK_CACHE_DIR"]
    else:
        os.environ["FACTCHECK_CACHE_DIR"] = before


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def seed_text(name: str) -> tuple[str, Segmentation]:
    """A seed's plain text (as ingest reads it, markup removed) and its segmentation."""
    from factcheck.ingest import load_document
    from factcheck.segment import segment

    text = load_document(str(SEEDS / name)).text
    return text, segment(text)


@pytest.fixture(scope="session")
def press_release() -> tuple[str, Segmentation]:
    return seed_text("verkor-press-release.md")


@pytest.fixture(scope="session")
def article() -> tuple[str, Segmentation]:
    return seed_text("verkor-article.txt")
