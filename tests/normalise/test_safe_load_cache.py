"""`normalise.safe_load`: YAML parsed once, then read back from the JSON cache."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from factcheck.normalise import safe_load


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))


def _cached_files(tmp_path):  # type: ignore[no-untyped-def]
    return sorted((tmp_path / "cache" / "yaml").glob("*.json"))


@pytest.mark.parametrize("name", ["places.yaml", "titles.yaml", "dates.yaml", "units.yaml"])
def test_cached_load_equals_parse(tmp_path, name):  # type: ignore[no-untyped-def]
    text = resources.files("factcheck.data").joinpath(name).read_text("utf-8")
    first = safe_load(text)
    again = safe_load(text)
    assert again == first
    assert repr(again) == repr(first)  # same types and key order, not merely equal


def test_second_load_reads_the_cache(tmp_path):  # type: ignore[no-untyped-def]
    text = "a: [1, 2.5, true, null, x]\n"
    assert safe_load(text) == {"a": [1, 2.5, True, None, "x"]}
    [cached] = _cached_files(tmp_path)
    cached.write_text('{"a": "from the cache"}')
    assert safe_load(text) == {"a": "from the cache"}
    assert safe_load(text.encode()) == {"a": "from the cache"}  # bytes share the key


@pytest.mark.parametrize(
    "text",
    [
        "1: one\n",  # an int key would come back a string
        "when: 2024-05-01\n",  # a date has no JSON form
        "a: &x [1]\nb: *x\n",  # an alias shares one list
        "x: .inf\n",
    ],
)
def test_values_json_cannot_hold_are_not_cached(tmp_path, text):  # type: ignore[no-untyped-def]
    first = safe_load(text)
    assert _cached_files(tmp_path) == []
    assert repr(safe_load(text)) == repr(first)


def test_damaged_cache_file_is_parsed_again(tmp_path):  # type: ignore[no-untyped-def]
    text = "k: v\n"
    safe_load(text)
    [cached] = _cached_files(tmp_path)
    cached.write_text("{not json")
    assert safe_load(text) == {"k": "v"}


def test_unwritable_cache_dir_only_costs_speed(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))
    assert safe_load("k: [1]\n") == {"k": [1]}


SHIPPED = [
    *sorted(resources.files("factcheck.data").iterdir(), key=str),
    *sorted((Path(__file__).resolve().parents[2] / "rules").iterdir()),
]


@pytest.mark.parametrize("path", [p for p in SHIPPED if p.name.endswith(".yaml")], ids=str)
def test_every_shipped_yaml_file_is_cached(tmp_path, path):  # type: ignore[no-untyped-def]
    """A vocabulary JSON cannot hold exactly (an int key, say) is parsed on every run;
    dates.yaml's month numbers once were."""
    safe_load(path.read_text("utf-8"))
    assert len(_cached_files(tmp_path)) == 1
