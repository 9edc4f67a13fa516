"""Rule packs: YAML files that instantiate check kinds, validated strictly on load."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.checks import Registry
from factcheck.errors import RulePackError
from factcheck.model import Severity
from factcheck.yamlload import LocatedYaml, error_message, load_yaml, read_text_file

CODE_PATTERN = r"^FC[0-9]{3}$|^[A-Z][A-Z0-9]{1,9}[0-9]{2,4}$"


class RuleSpec(BaseModel):
    """One rule as written in a pack."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=CODE_PATTERN)
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    check: str
    scope: Literal["document", "cross"]
    severity: Severity
    message: str = Field(min_length=1)
    summary: str = ""
    help: str = ""
    link: str | None = None
    status: Literal["stable", "preview", "deprecated"] = "stable"
    enabled: bool = True
    params: dict[str, Any] = Field(default_factory=dict)


class PackSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    pack: str
    description: str = ""
    rules: list[RuleSpec]


class Rule(BaseModel):
    """A validated rule, ready to run: its spec, its typed params, its pack."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    spec: RuleSpec
    params: BaseModel
    pack: str
    source: str  # "rules/core.yaml:12"

    @property
    def code(self) -> str:
        return self.spec.id


def _first_error(exc: ValidationError) -> tuple[tuple[str | int, ...], str]:
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    field = ".".join(str(p) for p in loc if not isinstance(p, int)) or "value"
    return loc, f"{field}: {error_message(err)}"


def template_fields(message: str) -> list[str]:
    """Placeholder names in a message template; only plain `{name}` fields are allowed."""
    names = []
    for _, field, spec, conversion in string.Formatter().parse(message):
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            raise ValueError(f"placeholder {{{field}}} must be a plain name like {{item}}")
        names.append(field)
    return names


def load_pack(path: str | Path, registry: Registry) -> list[Rule]:
    """Load and validate one rule pack; any problem raises RulePackError(file, line, ...)."""
    shown = str(path)
    located = load_yaml(read_text_file(shown, RulePackError), shown, RulePackError)
    if not isinstance(located.data, dict):
        raise RulePackError(shown, 1, "a rule pack must be a mapping with `pack` and `rules`")
    try:
        pack = PackSpec.model_validate(located.data)
    except ValidationError as exc:
        loc, msg = _first_error(exc)
        raise RulePackError(shown, located.line_of(loc), msg) from None
    return [_build_rule(located, pack.pack, i, spec, registry) for i, spec in enumerate(pack.rules)]


def _build_rule(
    located: LocatedYaml, pack: str, index: int, spec: RuleSpec, registry: Registry
) -> Rule:
    def fail(loc: tuple[str | int, ...], msg: str) -> RulePackError:
        return RulePackError(located.path, located.line_of(("rules", index, *loc)), msg)

    check = registry.get(spec.check)
    if check is None:
        known = ", ".join(registry.names())
        raise fail(("check",), f"unknown check kind {spec.check!r} (known: {known})")
    if spec.scope not in check.scopes:
        raise fail(("scope",), f"check {spec.check!r} supports scope {sorted(check.scopes)}")
    try:
        fields = template_fields(spec.message)
    except ValueError as exc:
        raise fail(("message",), str(exc)) from None
    unknown = sorted(set(fields) - check.evidence)
    if unknown:
        raise fail(
            ("message",),
            f"unknown placeholder {{{unknown[0]}}}; {spec.check} offers "
            + ", ".join(f"{{{e}}}" for e in sorted(check.evidence)),
        )
    try:
        params = check.params.model_validate(spec.params)
    except ValidationError as exc:
        loc, msg = _first_error(exc)
        raise fail(("params", *loc), f"params.{msg}") from None
    line = located.line_of(("rules", index))
    return Rule(spec=spec, params=params, pack=pack, source=f"{located.path}:{line}")


def check_unique(rules: list[Rule]) -> None:
    """Two rules may not share a code."""
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.code in seen:
            path, _, line = rule.source.rpartition(":")
            first = seen[rule.code].source
            raise RulePackError(
                path, int(line), f"duplicate rule id {rule.code} (first at {first})"
            )
        seen[rule.code] = rule
