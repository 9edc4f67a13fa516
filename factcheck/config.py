"""Configuration: discovery, layering (defaults < file < --config < flags), validation."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from factcheck.errors import ConfigError, UsageError
from factcheck.model import Role, Severity
from factcheck.yamlload import error_message, load_yaml, read_text_file

FailOn = Literal["error", "warning", "info", "never"]
CONFIG_NAMES = ("factcheck.yaml", "factcheck.yml", ".factcheck.yaml")
_HERE = Path(__file__).resolve().parent
# A source checkout has rules/ beside the package; an install has factcheck/rules/.
SHIPPED_RULES = next(
    (p for p in (_HERE.parent / "rules", _HERE / "rules") if (p / "core.yaml").is_file()),
    _HERE.parent / "rules",
)
DEFAULT_PACKS = ("core",)
ENGINE_CODES = ("FC001", "FC002")  # the suppression rules (suppress.META_RULES), in no pack

# Where a setting was written, for errors found once the rules are known: keyed
# "select:FC2", "severity:FC301", "params:FC201" or "params:FC201.rel_tolerance";
# the value is (file, line) or (flag, None) for the command line.
Origin = tuple[str, int | None]


class Options(BaseModel):
    """What a configuration file may say; every field optional."""

    model_config = ConfigDict(extra="forbid")

    packs: list[str] | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    severity: dict[str, Severity] | None = None
    params: dict[str, dict[str, Any]] | None = None
    gazetteer: list[str] | None = None
    roles: dict[Role, list[str]] | None = None
    fail_on: FailOn | None = None
    baseline: str | None = None
    max_file_mb: float | None = Field(default=None, gt=0)
    tolerance: float | None = Field(default=None, ge=0, le=0.5)

    _origins: dict[str, Origin] | None = PrivateAttr(default=None)  # None: not from a file


class Settings(BaseModel):
    """The merged, frozen settings a run uses."""

    model_config = ConfigDict(frozen=True)

    packs: tuple[str, ...] = DEFAULT_PACKS
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    params: dict[str, dict[str, Any]] = Field(default_factory=dict)
    gazetteer: tuple[str, ...] = ()
    roles: dict[Role, tuple[str, ...]] = Field(default_factory=dict)
    fail_on: FailOn = "error"
    baseline: str | None = None
    max_file_mb: float = 20.0
    config_path: str | None = None
    origins: dict[str, Origin] = Field(default_factory=dict, exclude=True, repr=False)

    def role_for(self, doc_id: str) -> Role | None:
        """The role a glob in the config gives this document, if any."""
        for role in ("reference", "draft", "peer"):
            for pattern in self.roles.get(role, ()):  # type: ignore[call-overload]
                if fnmatch.fnmatch(doc_id, pattern) or fnmatch.fnmatch(Path(doc_id).name, pattern):
                    return role  # type: ignore[return-value]
        return None

    def is_enabled(self, code: str) -> bool:
        """Most specific select/ignore prefix wins; ignore wins a tie."""
        sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        if not self.select:
            sel = 0
        return sel > ign


def discover(start: Path) -> Path | None:
    """The nearest factcheck.yaml, or pyproject.toml with [tool.factcheck], upward from start."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _pyproject_section(pyproject) is not None:
            return pyproject
    return None


def _pyproject_section(path: Path) -> dict[str, Any] | None:
    """[tool.factcheck] of a pyproject.toml; a file that never names factcheck is not
    parsed at all (neither its cost nor its syntax errors are ours)."""
    import tomllib

    text = read_text_file(str(path))
    if "factcheck" not in text:
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), getattr(exc, "lineno", None), f"TOML error: {exc}") from None
    section = data.get("tool", {}).get("factcheck")
    return section if isinstance(section, dict) else None


def read_options(path: Path) -> Options:
    """Parse and validate one configuration file."""
    shown = str(path)
    if path.name == "pyproject.toml":
        raw: Any = _pyproject_section(path) or {}
        line_of = None
    else:
        located = load_yaml(read_text_file(shown), shown)
        raw = located.data if located.data is not None else {}
        line_of = located.line_of
    if not isinstance(raw, dict):
        raise ConfigError(shown, 1, "configuration must be a mapping")
    try:
        options = Options.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        line = line_of(loc) if line_of else None
        raise ConfigError(shown, line, f"{'.'.join(map(str, loc))}: {error_message(err)}") from None
    options = _relative_to(options, path.parent)
    options._origins = _origins_of(options, lambda loc: (shown, line_of(loc) if line_of else None))
    return options


def _origins_of(options: Options, where: Any) -> dict[str, Origin]:
    """Where each code in select, ignore, severity and params was written."""
    found: dict[str, Origin] = {}
    for section in ("select", "ignore"):
        for i, code in enumerate(getattr(options, section) or ()):
            found.setdefault(f"{section}:{code}", where((section, i)))
    for code in options.severity or {}:
        found[f"severity:{code}"] = where(("severity", code))
    for code, values in (options.params or {}).items():
        found[f"params:{code}"] = where(("params", code))
        for key in values:
            found[f"params:{code}.{key}"] = where(("params", code, key))
    if options.tolerance is not None:
        found["params:FC201.rel_tolerance"] = where(("tolerance",))
    return found


def _relative_to(options: Options, base: Path) -> Options:
    """Paths in a config file are relative to the file's folder."""

    def fix(p: str) -> str:
        is_path = "/" in p or p.endswith((".yaml", ".yml"))
        return str(base / p) if is_path and not Path(p).is_absolute() else p

    update: dict[str, Any] = {}
    if options.packs:
        update["packs"] = [fix(p) for p in options.packs]
    if options.gazetteer:
        update["gazetteer"] = [str(base / p) for p in options.gazetteer]
    if options.baseline:
        update["baseline"] = str(base / options.baseline)
    return options.model_copy(update=update)


def merge(*layers: Options | None, config_path: str | None = None) -> Settings:
    """Later layers win, field by field; dict fields merge key by key."""
    values: dict[str, Any] = {}
    origins: dict[str, Origin] = {}
    for layer in layers:
        if layer is None:
            continue
        for section in ("select", "ignore"):  # a later list replaces the earlier one
            if getattr(layer, section) is not None:
                origins = {k: v for k, v in origins.items() if not k.startswith(f"{section}:")}
        if layer._origins is not None:
            origins.update(layer._origins)
        else:  # the command line
            for section in ("select", "ignore"):
                for code in getattr(layer, section) or ():
                    origins[f"{section}:{code}"] = (f"--{section}", None)
        for name, value in layer.model_dump(exclude_none=True).items():
            if name == "tolerance":
                params = values.setdefault("params", {})
                params.setdefault("FC201", {})["rel_tolerance"] = value
            elif isinstance(value, dict) and isinstance(values.get(name), dict):
                values[name] = {**values[name], **value}
            else:
                values[name] = value
    if "max_file_mb" in values:
        values["max_file_mb"] = float(values["max_file_mb"])
    return Settings(config_path=config_path, origins=origins, **values)


def check_codes(settings: Settings, known: Iterable[str]) -> None:
    """Refuse a code in select, ignore, severity or params that matches no rule.

    `known` are the codes of the loaded packs; the engine's own FC001/FC002 count
    too. select and ignore take prefixes (FC2 is the FC2xx family); severity and
    params take whole codes. The error names the file and line, or the flag."""
    codes = {*known, *ENGINE_CODES}
    for section in ("select", "ignore"):
        for prefix in getattr(settings, section):
            if not any(code.startswith(prefix) for code in codes):
                raise _no_rule(settings, section, prefix, "")
    for section in ("severity", "params"):
        for code in getattr(settings, section):
            if code not in codes:
                family = any(c.startswith(code) for c in codes)
                hint = " (give a whole code, such as FC201)" if family else ""
                raise _no_rule(settings, section, code, hint)


def _no_rule(settings: Settings, section: str, code: str, hint: str) -> Exception:
    path, line = settings.origins.get(f"{section}:{code}", (None, None))
    if path is not None and path.startswith("--"):
        return UsageError(f"{path} {code} matches no rule")
    where = path or settings.config_path or "configuration"
    return ConfigError(where, line, f"{section}: {code} matches no rule{hint}")


def validate_params(
    model: type[BaseModel], values: dict[str, Any], code: str, settings: Settings
) -> BaseModel:
    """A rule's params with the configuration's overrides merged in, validated; a bad
    value is one line citing the file and line of the offending key."""
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(str(p) for p in err["loc"])
        what = error_message(err)
    except (ValueError, TypeError) as exc:
        loc, what = (), " ".join(str(exc).split())
    origins = settings.origins
    path, line = origins.get(f"params:{code}.{loc[0]}" if loc else "", None) or origins.get(
        f"params:{code}", (settings.config_path or "configuration", None)
    )
    raise ConfigError(path, line, f"{'.'.join(('params', code, *loc))}: {what}") from None


def load_config(
    path: str | Path | None = None, *, cwd: Path | None = None, overrides: Options | None = None
) -> Settings:
    """Settings for a run: `path` if given, else the discovered file, then `overrides`."""
    found = Path(path) if path is not None else discover((cwd or Path.cwd()).resolve())
    if path is not None and not Path(path).is_file():
        raise ConfigError(str(path), None, "configuration file not found")
    file_options = read_options(found) if found else None
    return merge(file_options, overrides, config_path=str(found) if found else None)
