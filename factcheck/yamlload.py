"""Safe YAML loading that remembers where every value stood, for errors that cite file:line.

Aliases and anchors are refused outright: rule packs and configuration never need
them, and refusing them defuses "billion laughs" expansion bombs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from factcheck.errors import ConfigError, RulePackError


class _NoAliasLoader(yaml.SafeLoader):
    """A SafeLoader that rejects aliases (`*name`) before they can expand."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="YAML aliases are not allowed here", problem_mark=event.start_mark
            )
        return super().compose_node(parent, index)


@dataclass(frozen=True)
class LocatedYaml:
    """Plain data loaded from YAML, plus the node tree to find line numbers."""

    data: Any
    root: yaml.Node | None
    path: str

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """1-based line of the value at `loc` (keys and indexes), or the nearest parent."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                found = None
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                        found = v
                        line = k.start_mark.line + 1
                        break
                if found is None:
                    return line
                node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if not 0 <= key < len(node.value):
                    return line
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                return line
        return line


_FastLoader: Any = getattr(yaml, "CSafeLoader", None)


def _has_alias(root: yaml.Node | None) -> bool:
    """Whether a composed tree shares a node, which only an alias can make."""
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
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if loader_class is _FastLoader and _has_alias(root):
            return _compose(text, _NoAliasLoader)  # for the alias's own line in the error
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return data, root


def load_yaml(text: str, path: str, error: type[RulePackError] = ConfigError) -> LocatedYaml:
    """Parse YAML safely; syntax errors become `error(path, line, message)`.

    libyaml's C parser does the work when PyYAML has it (several times faster, which
    counts at start-up); a tree that shares a node is re-read by the pure-Python loader,
    which refuses the alias at its own line."""
    try:
        data, root = _compose(text, _FastLoader or _NoAliasLoader)
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
    return LocatedYaml(data=data, root=root, path=path)


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
