"""Normalisers: numbers, units, dates, names, places (see each module).

The shipped vocabularies (`factcheck/data/*.yaml`) are read on every cold start.
`safe_load` parses YAML once and keeps the result as JSON in the user's cache
directory (`cache_dir()`), keyed by a hash of the text: reading it back is ~10x
faster than parsing the YAML again. Only results that JSON holds exactly (string
keys; strings, numbers, booleans, null; nothing shared) are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

_FORMAT = b"yaml-json-1"  # bump when what the cache holds changes


def cache_dir() -> Path:
    """$FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck."""
    if os.environ.get("FACTCHECK_CACHE_DIR"):
        return Path(os.environ["FACTCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


def safe_load(text: str | bytes) -> Any:
    """`yaml.safe_load`, through libyaml's C loader when PyYAML has it (about 8x faster),
    and through the JSON cache when this text was loaded before (see the module doc)."""
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return cached_json(raw, _FORMAT, lambda: _parse(text))


def cached_json(
    raw: bytes,
    kind: bytes,
    compute: Callable[[], Any],
    well_formed: Callable[[Any], bool] = lambda value: True,
) -> Any:
    """`compute()`, a pure function of `raw`, kept as JSON in the user's cache under a
    hash of `kind` and `raw`. A value JSON cannot hold exactly is recomputed each time;
    an entry that does not read back `well_formed` is recomputed and replaced."""
    path = _cached_path(kind, raw)
    if path is not None:
        try:
            value = json.loads(path.read_bytes())
        except (OSError, ValueError):
            pass  # not cached yet, or damaged: compute again
        else:
            if well_formed(value):
                return value
    value = compute()
    if path is not None and _json_exact(value, set()):
        write_cache_file(path, json.dumps(value).encode("ascii"))
    return value


def _parse(text: str | bytes) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _cached_path(kind: bytes, raw: bytes) -> Path | None:
    try:
        folder = cache_dir()
    except RuntimeError:  # no home directory to find
        return None
    digest = hashlib.sha256(kind + b"\0" + raw).hexdigest()[:32]
    return folder / "yaml" / f"{digest}.json"


def _json_exact(value: Any, seen: set[int]) -> bool:
    """Whether `json.loads(json.dumps(value))` gives back an equal value of the same
    types and shape (a YAML alias shares an object; JSON would copy it)."""
    if value is None or type(value) in (str, bool, int):
        return True
    if type(value) is float:
        return value == value and value not in (float("inf"), float("-inf"))
    if id(value) in seen:
        return False
    seen.add(id(value))
    if type(value) is list:
        return all(_json_exact(v, seen) for v in value)
    if type(value) is dict:
        return all(type(k) is str and _json_exact(v, seen) for k, v in value.items())
    return False


def write_cache_file(path: Path, data: bytes) -> None:
    """Put `data` at `path` atomically (a temporary file renamed over it), quietly: a
    cache that cannot be written (read-only or full disk) only costs speed. Every
    cache of the tool writes through here."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if not isinstance(exc, OSError):
            raise
