"""`yamlload.load_yaml`: line tables that answer `line_of` as a walk of the YAML node
tree does, and a JSON cache that spares later runs PyYAML altogether."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import ConfigError
from factcheck.yamlload import load_yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))


def _cached_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "yaml").glob("*.json"))


def walked_line(text: str, loc: Sequence[str | int]) -> int | None:
    """The reference: walk the composed node tree, matching keys by their written value."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            found = None
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                    found, line = v, k.start_mark.line + 1
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


keys = st.sampled_from(["rules", "code", "params", "a", "b", "1", "true", "x y"])
leaves = st.one_of(st.integers(-5, 5), st.booleans(), st.none(), st.text("ab :-#", max_size=4))
trees = st.recursive(
    leaves,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=12,
)


def paths(value: Any, at: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [at]
    if isinstance(value, dict):
        for k, v in value.items():
            found += paths(v, (*at, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += paths(v, (*at, i))
    return found


@settings(max_examples=200, deadline=None)
@given(
    tree=trees,
    flow=st.sampled_from([False, True, None]),
    junk=st.lists(st.lists(st.one_of(keys, st.integers(-2, 6)), max_size=4), max_size=4),
)
def test_line_of_answers_as_the_node_walk(tree: Any, flow: bool | None, junk: list) -> None:
    def copy() -> Any:  # a fresh copy each time: a shared object would be dumped as an alias
        return json.loads(json.dumps(tree))

    document = {"top": copy(), "rules": [copy(), {"code": copy()}]}
    text = yaml.safe_dump(document, default_flow_style=flow)
    located = load_yaml(text, "pack.yaml")
    for loc in [*paths(located.data), *map(tuple, junk), *(("rules", *j) for j in junk)]:
        assert located.line_of(loc) == walked_line(text, loc), loc


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # the first of two equal keys
        "1: one\n'1': two\n",  # keys matched by their written value
        "- - a\n  - b\n- c\n",
        "",
        "# only a comment\n",
    ],
)
def test_line_of_in_corner_cases(text: str) -> None:
    located = load_yaml(text, "f.yaml")
    for loc in [(), ("a",), ("1",), (1,), ("b",), (0,), (0, 1), (1, 0), (-1,), (True,)]:
        assert located.line_of(loc) == walked_line(text, loc), loc


def test_second_load_reads_the_cache(tmp_path: Path) -> None:
    text = "rules:\n  - code: X1\n    severity: error\n"
    first = load_yaml(text, "pack.yaml")
    [cached] = _cached_files(tmp_path)
    stored = json.loads(cached.read_text())
    stored["data"]["rules"][0]["code"] = "FROM-CACHE"
    cached.write_text(json.dumps(stored))
    again = load_yaml(text, "pack.yaml")
    assert again.data["rules"][0]["code"] == "FROM-CACHE"
    assert again.line_of(("rules", 0, "severity")) == first.line_of(("rules", 0, "severity")) == 3


@pytest.mark.parametrize("damage", ["{not json", "[]", '{"data": 1}', '{"data": 1, "top": "x"}'])
def test_a_damaged_cache_entry_is_parsed_again(tmp_path: Path, damage: str) -> None:
    text = "a:\n  b: 1\n"
    load_yaml(text, "f.yaml")
    [cached] = _cached_files(tmp_path)
    cached.write_text(damage)
    located = load_yaml(text, "f.yaml")
    assert located.data == {"a": {"b": 1}}
    assert located.line_of(("a", "b")) == 2


def test_errors_are_raised_every_time_and_never_cached(tmp_path: Path) -> None:
    for _ in range(2):
        with pytest.raises(ConfigError, match=r"^f\.yaml:3: YAML error"):
            load_yaml("a: 1\nb: [\n", "f.yaml")
    assert _cached_files(tmp_path) == []


def test_a_warm_seed_check_never_imports_pyyaml(tmp_path: Path) -> None:
    seeds = ROOT / "seeds"
    code = (
        "import sys\n"
        "from factcheck.cli import main\n"
        f"main(['check', '--reference', {str(seeds / 'verkor-press-release.md')!r}, "
        f"{str(seeds / 'verkor-article.txt')!r}, '--no-cache', '--fail-on', 'never'])\n"
        "print('yaml' in sys.modules, file=sys.stderr)\n"
    )
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
        )
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout  # the same report from the cache
    assert runs[0].stderr.strip().splitlines()[-1] == "True"  # the first run parses
    assert runs[1].stderr.strip().splitlines()[-1] == "False", runs[1].stderr
