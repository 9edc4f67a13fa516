"""Units: the surface lexicon, a cached conversion table derived from pint, and conversions.

The YAML lexicon (`data/units.yaml`, `data/currencies.yaml`, `data/counted_nouns.yaml`)
maps what texts write ("GWh", "gigawatt-hours", "€", "jobs") to unit names. pint
defines what each unit name means; from it we derive, ONCE, a table
`unit name -> (canonical unit, dimension, factor to canonical)` and cache it as JSON
(`$FACTCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/factcheck`, else `~/.cache/factcheck`),
keyed by pint's version and a hash of the YAML. Extraction and conversion use the
table only; the pint registry is built (once per process) only to fill the table or
for a conversion between units the table does not hold.

Currencies are dimensions of their own (`currency:EUR`; no exchange rates) and
counted nouns are count units (`count:job`).
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

from factcheck.normalise import cache_dir, safe_load, write_cache_file

DATA_FILES = ("units.yaml", "currencies.yaml", "counted_nouns.yaml")
TABLE_FORMAT = 2
# pint dimensionality (sorted items) -> our dimension name
_DIMENSIONS = {
    (("[length]", 1),): "length",
    (("[length]", 2),): "area",
    (("[length]", 3),): "volume",
    (("[mass]", 1),): "mass",
    (("[time]", 1),): "duration",
    (("[length]", 2), ("[mass]", 1), ("[time]", -2)): "energy",
    (("[length]", 2), ("[mass]", 1), ("[time]", -3)): "power",
    (): "percent",
}


@dataclass(frozen=True)
class UnitInfo:
    """What a unit name means: its dimension, the dimension's canonical unit, the factor to it,
    and its kind (`unit`, `currency`, `noun`, `percent`)."""

    name: str
    canonical: str
    dimension: str
    factor: float
    kind: str


def _raw_yaml() -> list[bytes]:
    pkg = resources.files("factcheck") / "data"
    return [(pkg / name).read_bytes() for name in DATA_FILES]


@functools.cache
def _lexicon_data() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    units, currencies, nouns = (safe_load(b) or {} for b in _raw_yaml())
    return units, currencies, nouns


def plural(word: str) -> str:
    """Regular English plural: metre -> metres, battery -> batteries, box -> boxes."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def table_path() -> Path:
    """The cache file for the current pint version and YAML content."""
    # The key covers the YAML and this module's own code, which builds the table.
    code = Path(__file__).read_bytes()
    digest = hashlib.sha256(b"\0".join([*_raw_yaml(), code, str(TABLE_FORMAT).encode()]))
    return cache_dir() / f"units-pint{version('pint')}-{digest.hexdigest()[:16]}.json"


@functools.cache
def registry() -> Any:
    """The process-wide pint registry, with currencies and counted nouns as base dimensions."""
    import pint

    ureg: Any = pint.UnitRegistry()
    _, currencies, nouns = _lexicon_data()
    for code in currencies.get("currencies", {}):
        ureg.define(f"{code} = [currency_{code}]")
    for code in currencies.get("subunits", {}):
        ureg.define(f"{code}_cent = 0.01 {code}")
    specs = nouns.get("nouns", {})
    for noun, spec in specs.items():
        if not (spec or {}).get("same_as"):
            name = noun.replace(" ", "_")
            ureg.define(f"{name} = [count_{name}]")
    for noun, spec in specs.items():
        if (spec or {}).get("same_as"):
            ureg.define(f"{noun.replace(' ', '_')} = {spec['same_as'].replace(' ', '_')}")
    return ureg


def _dimension_of(q: Any) -> str:
    dims = tuple(sorted((str(k), int(v)) for k, v in dict(q.dimensionality).items()))
    if len(dims) == 1 and dims[0][0].startswith("[currency_"):
        return "currency:" + dims[0][0][len("[currency_") : -1]
    if len(dims) == 1 and dims[0][0].startswith("[count_"):
        return "count:" + dims[0][0][len("[count_") : -1]
    return _DIMENSIONS.get(dims, "other")


def _add_forms(table: dict[str, str], folded: dict[str, str], name: str, spec: dict) -> None:
    for sym in spec.get("symbols", []):
        table.setdefault(str(sym), name)
    for word in spec.get("words", []):
        folded.setdefault(word.lower(), name)
        folded.setdefault(plural(word.lower()), name)
    for word in spec.get("plurals", []):
        folded.setdefault(word.lower(), name)


def build_table() -> dict[str, Any]:
    """Derive the surface and conversion table from the YAML lexicon and pint (slow; cached)."""
    ureg = registry()
    units, currencies, nouns = _lexicon_data()
    symbols: dict[str, str] = {}
    folded: dict[str, str] = {}
    info: dict[str, list] = {}
    canon = units.get("canonical", {})
    for name, spec in units.get("units", {}).items():
        if "dimension" in spec:  # a dimension pint does not know: given in the lexicon
            dim = str(spec["dimension"])
            info[name] = [canon.get(dim, name), dim, float(spec.get("factor", 1.0)), "unit"]
            _add_forms(symbols, folded, name, spec)
            continue
        q = ureg.Quantity(1.0, spec.get("pint", name))
        dim = _dimension_of(q)
        target = canon.get(dim)
        tq = ureg.Quantity(1.0, units["units"][target].get("pint", target)) if target else q
        info[name] = [target or name, dim, float((q / tq).to_base_units().magnitude), "unit"]
        _add_forms(symbols, folded, name, spec)
    info["percent"][3] = "percent"
    resolves_to: dict[str, list[str]] = {}
    for code, spec in currencies.get("currencies", {}).items():
        info[code] = [code, f"currency:{code}", 1.0, "currency"]
        _add_forms(symbols, folded, code, spec)
        if spec.get("resolves_to"):
            resolves_to[code] = [str(c) for c in spec["resolves_to"]]
    for code, spec in currencies.get("subunits", {}).items():
        info[f"{code}_cent"] = [code, f"currency:{code}", 0.01, "currency"]
        _add_forms(symbols, folded, f"{code}_cent", spec)
    for noun, spec in nouns.get("nouns", {}).items():
        name = noun.replace(" ", "_")
        same_as = str((spec or {}).get("same_as") or name).replace(" ", "_")
        info[name] = [name, f"count:{same_as}", 1.0, "noun"]
        forms = {k: v for k, v in (spec or {}).items() if k != "same_as"}
        _add_forms(symbols, folded, name, {"words": [noun], **forms})
    return {
        "format": TABLE_FORMAT,
        "symbols": symbols,
        "folded": folded,
        "units": info,
        "modifiers": [m.lower() for m in nouns.get("modifiers", [])],
        "currency_if_scaled": nouns.get("currency_if_scaled", {}),
        "resolves_to": resolves_to,
    }


def _valid(data: Any) -> bool:
    if not isinstance(data, dict) or data.get("format") != TABLE_FORMAT:
        return False
    keys = ("symbols", "folded", "units", "modifiers", "currency_if_scaled", "resolves_to")
    if not all(isinstance(data.get(k), dict | list) for k in keys):
        return False
    return all(isinstance(v, list) and len(v) == 4 for v in data["units"].values()) and all(
        v in data["units"] for v in (*data["symbols"].values(), *data["folded"].values())
    )


@functools.cache
def table() -> dict[str, Any]:
    """The derived table: read from the cache, or built from pint and cached (atomically)."""
    path = table_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if _valid(data):
            return data
    except (OSError, ValueError):
        pass
    data = build_table()
    write_cache_file(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    return data


def unit_info(name: str) -> UnitInfo | None:
    """Info for a unit NAME ("gigawatt_hour", "EUR", "job"), or None."""
    row = table()["units"].get(name)
    return UnitInfo(name, *row) if row else None


def lookup(surface: str) -> UnitInfo | None:
    """Info for a unit as written ("GWh", "gigawatt hours", "€", "jobs"), or None.

    Symbols match case-sensitively, words case-insensitively; runs of spaces count as one.
    """
    t = table()
    s = " ".join(surface.split())
    name = t["symbols"].get(s) or t["folded"].get(s.lower())
    if name is None and s in t["units"]:
        name = s
    return unit_info(name) if name else None


def canonical(surface_unit: str) -> tuple[str, str, float]:
    """(unit name, dimension, factor to the dimension's canonical unit) for a written unit.

    Raises KeyError for a unit the lexicon does not know.
    """
    info = lookup(surface_unit)
    if info is None:
        raise KeyError(surface_unit)
    return info.name, info.dimension, info.factor


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert `value` between units (written forms or names); ValueError if incompatible."""
    a, b = lookup(from_unit), lookup(to_unit)
    if a and b:
        if a.dimension != b.dimension:
            raise ValueError(
                f"cannot convert {from_unit} ({a.dimension}) to {to_unit} ({b.dimension})"
            )
        return value * a.factor / b.factor
    import pint

    ureg = registry()
    try:
        src = a.name if a else from_unit
        dst = b.name if b else to_unit
        src_expr = _lexicon_pint(src)
        dst_expr = _lexicon_pint(dst)
        return float(ureg.Quantity(value, src_expr).to(dst_expr).magnitude)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError) as exc:
        raise ValueError(f"cannot convert {from_unit} to {to_unit}: {exc}") from exc


def _lexicon_pint(name: str) -> str:
    spec = _lexicon_data()[0].get("units", {}).get(name)
    return spec.get("pint", name) if isinstance(spec, dict) else name


def same_dimension(a: str, b: str) -> bool:
    """True if units `a` and `b` (written forms or names) measure the same dimension."""
    ia, ib = lookup(a), lookup(b)
    if ia and ib:
        return ia.dimension == ib.dimension
    try:
        convert(1.0, a, b)
    except ValueError:
        return False
    return True


def is_modifier(word: str) -> bool:
    """True if `word` commonly stands between a number and its counted noun ("direct")."""
    return word.lower() in table()["modifiers"]


def currency_if_scaled(unit_name: str) -> str | None:
    """The currency a unit becomes after a scale word ("20 million pounds" -> GBP), if any."""
    return table()["currency_if_scaled"].get(unit_name)


def currency_resolutions() -> dict[str, list[str]]:
    """Currencies named without their country ("kroner": KRONE) -> the currencies one may
    stand for (DKK, NOK, SEK); a document that names exactly one of them resolves it."""
    resolved: dict[str, list[str]] = table()["resolves_to"]
    return resolved
