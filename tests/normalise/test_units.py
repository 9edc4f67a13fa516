"""Units: the lexicon, the cached table, conversions."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factcheck.normalise import units


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    units.table.cache_clear()
    yield
    units.table.cache_clear()


@pytest.mark.parametrize(
    ("surface", "name", "dimension"),
    [
        ("GWh", "gigawatt_hour", "energy"),
        ("gigawatt-hours", "gigawatt_hour", "energy"),
        ("gigawatt hours", "gigawatt_hour", "energy"),
        ("kWh", "kilowatt_hour", "energy"),
        ("MW", "megawatt", "power"),
        ("m²", "square_meter", "area"),
        ("sq m", "square_meter", "area"),
        ("square metres", "square_meter", "area"),
        ("km²", "square_kilometer", "area"),
        ("hectares", "hectare", "area"),
        ("tonnes", "metric_ton", "mass"),
        ("%", "percent", "percent"),
        ("per cent", "percent", "percent"),
        ("years", "year", "duration"),
        ("€", "EUR", "currency:EUR"),
        ("euros", "EUR", "currency:EUR"),
        ("jobs", "job", "count:job"),
        ("batteries", "battery", "count:battery"),
        ("residents", "resident", "count:resident"),
    ],
)
def test_canonical(surface: str, name: str, dimension: str) -> None:
    got = units.canonical(surface)
    assert got[:2] == (name, dimension)


def test_symbols_are_case_sensitive() -> None:
    assert units.canonical("MW")[0] == "megawatt"
    assert units.lookup("mw") is None


def test_unknown_unit_raises() -> None:
    with pytest.raises(KeyError):
        units.canonical("furlongs per fortnight")


def test_convert_within_table() -> None:
    assert units.convert(16, "GWh", "MWh") == pytest.approx(16_000)
    assert units.convert(1, "km²", "hectares") == pytest.approx(100)
    assert units.convert(2, "tonnes", "kg") == pytest.approx(2000)


def test_convert_outside_table_uses_pint() -> None:
    assert units.convert(1, "kilowatt_hour", "joule") == pytest.approx(3.6e6)


def test_convert_across_dimensions_fails() -> None:
    with pytest.raises(ValueError):
        units.convert(1, "GWh", "MW")
    with pytest.raises(ValueError):
        units.convert(1, "EUR", "USD")  # currencies are separate dimensions: no exchange rates


def test_same_dimension() -> None:
    assert units.same_dimension("GWh", "kWh")
    assert not units.same_dimension("GWh", "MW")
    assert not units.same_dimension("€", "$")
    assert units.same_dimension("jobs", "job")


def test_table_is_cached_and_corrupt_cache_is_rebuilt(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = units.table_path()
    units.table()
    assert path.is_file() and json.loads(path.read_text())["units"]["gigawatt_hour"][1] == "energy"
    path.write_text("{not json")
    units.table.cache_clear()
    assert units.canonical("GWh")[1] == "energy"
    assert json.loads(path.read_text())["format"] == units.TABLE_FORMAT
    bad = json.loads(path.read_text())
    bad["symbols"]["GWh"] = "no_such_unit"
    path.write_text(json.dumps(bad))
    units.table.cache_clear()
    assert units.canonical("GWh")[0] == "gigawatt_hour"


def test_cache_name_keys_pint_version_and_yaml() -> None:
    name = units.table_path().name
    assert name.startswith("units-pint") and name.endswith(".json")


def test_pint_not_imported_on_cached_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    units.table()  # warm the cache in FACTCHECK_CACHE_DIR
    code = (
        "import sys; from factcheck.normalise import units; "
        "assert 'pint' not in sys.modules; units.canonical('GWh'); units.convert(1, 'GWh', 'MWh'); "
        "print('pint' in sys.modules)"
    )
    env = {"FACTCHECK_CACHE_DIR": str(units.cache_dir()), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "False"


def test_cache_dir_defaults(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert units.cache_dir() == tmp_path / "factcheck"


@pytest.mark.parametrize(
    ("surface", "name", "factor"),
    [
        ("percentage points", "percentage_point", 1.0),
        ("percentage-point", "percentage_point", 1.0),
        ("per cent point", "percentage_point", 1.0),
        ("pp", "percentage_point", 1.0),
        ("basis points", "basis_point", 0.01),
        ("bps", "basis_point", 0.01),
    ],
)
def test_percentage_points_have_their_own_dimension(surface: str, name: str, factor: float) -> None:
    info = units.lookup(surface)
    assert info is not None
    assert (info.name, info.dimension, info.factor) == (name, "percentage_point", factor)


def test_percentage_points_convert_among_themselves_but_not_to_percent() -> None:
    assert units.convert(25, "basis points", "percentage points") == pytest.approx(0.25)
    assert not units.same_dimension("percentage points", "%")
    with pytest.raises(ValueError):
        units.convert(1, "pp", "%")
