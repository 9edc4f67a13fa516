"""Safe YAML loading that remembers where every value stood, for errors that cite file:line.

Aliases and anchors are refused outright: rule packs and configuration never need
them, and refusing them defuses "billion laughs" expansion bombs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from factcheck.errors import ConfigError, RulePackError

if TYPE_CHECKING:
    import yaml

Loc = tuple[str | int, ...]

_CACHE_FORMAT = b"located-yaml-1"  # bump when what the cache holds changes


@dataclass(frozen=True)
class LocatedYaml:
    """Plain data loaded from YAML, plus where each value stood, for `line_of`.

    `lines` maps the path of every mapping entry (its key, as written) and every
    sequence item (its index) to the 1-based line of that key or item; `containers`
    says which paths hold a mapping or a sequence; `top_line` is the document's line.
    """

    data: Any
    path: str
    top_line: int | None = None
    lines: dict[Loc, int] = field(default_factory=dict)
    containers: dict[Loc, str] = field(default_factory=dict)

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """1-based line of the value at `loc` (keys and indexes), or the nearest parent."""
        line = self.top_line
        at: Loc = ()
        for key in loc:
            kind = self.containers.get(at)
            if kind == "map":
                step: str | int = str(key)
            elif kind == "seq":  # an index; a key that is not one is in no table
                step = key
            else:
                return line
            at = (*at, step)
            if at not in self.lines:
                return line
            line = self.lines[at]
        return line


def _positions(root: yaml.Node | None) -> tuple[int | None, dict[Loc, int], dict[Loc, str]]:
    """`LocatedYaml`'s line tables, read off a composed node tree. The first of two
    equal keys wins, and keys that are not scalars are not addressable, as in a walk
    of the tree that matches keys by their written value."""
    import yaml

    lines: dict[Loc, int] = {}
    containers: dict[Loc, str] = {}
    stack: list[tuple[Loc, yaml.Node]] = [((), root)] if root is not None else []
    while stack:
        at, node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            containers[at] = "map"
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and (*at, key.value) not in lines:
                    lines[(*at, key.value)] = key.start_mark.line + 1
                    stack.append(((*at, key.value), value))
        elif isinstance(node, yaml.SequenceNode):
            containers[at] = "seq"
            for i, item in enumerate(node.value):
                lines[(*at, i)] = item.start_mark.line + 1
                stack.append(((*at, i), item))
    top = root.start_mark.line + 1 if root is not None else None
    return top, lines, containers


@cache
def _loaders() -> tuple[Any, Any]:
    """(libyaml's C loader or None, a pure-Python SafeLoader that refuses aliases).
    PyYAML is imported only when some YAML has to be parsed (not on cached runs)."""
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        """A SafeLoader that rejects aliases (`*name`) before they can expand."""

        def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.MarkedYAMLError(
                    problem="YAML aliases are not allowed here", problem_mark=event.start_mark
                )
            return super().compose_node(parent, index)

    return getattr(yaml, "CSafeLoader", None), NoAliasLoader


def _has_alias(root: yaml.Node | None) -> bool:
    """Whether a composed tree shares a node, which only an alias can make."""
    import yaml

    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def _compose(text: str, loader_class: Any) -> tuple[Any, yaml.Node | None]:
    fast, no_alias = _loaders()
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if loader_class is fast and _has_alias(root):
            return _compose(text, no_alias)  # for the alias's own line in the error
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return data, root


def load_yaml(text: str, path: str, error: type[RulePackError] = ConfigError) -> LocatedYaml:
    """Parse YAML safely; syntax errors become `error(path, line, message)`.

    libyaml's C parser does the work when PyYAML has it (several times faster, which
    counts at start-up); a tree that shares a node is re-read by the pure-Python loader,
    which refuses the alias at its own line. A text loaded before is read back from
    the user's cache (`normalise.cached_json`) without importing PyYAML."""
    from factcheck.normalise import cached_json

    raw = text.encode("utf-8", "surrogatepass")
    stored = cached_json(raw, _CACHE_FORMAT, lambda: _located(text, path, error), _stored_shape)
    return LocatedYaml(
        data=stored["data"],
        path=path,
        top_line=stored["top"],
        lines={tuple(at): line for at, line in stored["lines"]},
        containers={tuple(at): kind for at, kind in stored["containers"]},
    )


def _located(text: str, path: str, error: type[RulePackError]) -> dict[str, Any]:
    """The parsed data and its line tables, as plain JSON-able values."""
    import yaml

    fast, no_alias = _loaders()
    try:
        data, root = _compose(text, fast or no_alias)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise error(path, line, f"YAML error: {problem}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        char = exc.character
        what = f"U+{char:04X}" if isinstance(char, int) else repr(char)
        raise error(path, line, f"YAML error: {exc.reason} (found {what})") from None
    except yaml.YAMLError as exc:
        raise error(path, None, f"YAML error: {_one_line(str(exc))}") from None
    top, lines, containers = _positions(root)
    return {
        "data": data,
        "top": top,
        "lines": [[list(at), line] for at, line in lines.items()],
        "containers": [[list(at), kind] for at, kind in containers.items()],
    }


def _stored_shape(value: Any) -> bool:
    """Whether a cache entry has the shape `_located` gives (else it is recomputed)."""
    return (
        isinstance(value, dict)
        and value.keys() == {"data", "top", "lines", "containers"}
        and (value["top"] is None or type(value["top"]) is int)
        and all(
            isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], list)
            for entry in (*value["lines"], *value["containers"])
        )
    )


def error_message(err: Mapping[str, Any]) -> str:
    """One pydantic error (an item of `ValidationError.errors()`) as a short phrase."""
    kind = err.get("type")
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "missing required field"
    msg = str(err.get("msg", "invalid value"))
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    return _one_line(msg)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def read_text_file(path: str, error: type[RulePackError] = ConfigError) -> str:
    """Read a UTF-8 configuration file or raise a clear error."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except FileNotFoundError:
        raise error(path, None, "file not found") from None
    except IsADirectoryError:
        raise error(path, None, "is a directory, not a file") from None
    except PermissionError:
        raise error(path, None, "permission denied") from None
    except UnicodeDecodeError:
        raise error(path, None, "not UTF-8 text") from None
    except OSError as exc:
        raise error(path, None, exc.strerror or "cannot read file") from None
