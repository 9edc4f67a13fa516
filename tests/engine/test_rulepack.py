"""Rule packs are validated on load; every error names the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks import default_registry
from factcheck.config import Settings
from factcheck.engine import load_rules
from factcheck.errors import RulePackError
from factcheck.rulepack import load_pack, template_fields

GOOD_RULE = """\
pack: mine
rules:
  - id: FC901
    name: my-rule
    check: forbidden_term
    scope: document
    severity: warning
    message: 'Avoid {term}'
    params: {terms: [foo]}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> RulePackError:
    with pytest.raises(RulePackError) as info:
        load_pack(write(tmp_path, text), default_registry())
    return info.value


def test_good_pack_loads(tmp_path: Path) -> None:
    rules = load_pack(write(tmp_path, GOOD_RULE), default_registry())
    assert [r.code for r in rules] == ["FC901"]
    assert rules[0].source.endswith("pack.yaml:3")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("pack: x\nrules:\n  - id: [unclosed\n", 4, "YAML error"),
        (
            GOOD_RULE.replace("forbidden_term", "no_such_kind"),
            5,
            "unknown check kind 'no_such_kind'",
        ),
        (GOOD_RULE.replace("    severity: warning\n", ""), 3, "severity: missing required field"),
        (GOOD_RULE.replace("severity: warning", "severity: fatal"), 7, "severity"),
        (
            GOOD_RULE.replace("{terms: [foo]}", "{terms: [foo], bogus: 1}"),
            9,
            "params.bogus: unknown key",
        ),
        (GOOD_RULE.replace("{terms: [foo]}", "{terms: foo}"), 9, "params.terms"),
        (GOOD_RULE.replace("Avoid {term}", "Avoid {nope}"), 8, "unknown placeholder {nope}"),
        (GOOD_RULE.replace("Avoid {term}", "Avoid {term.__class__}"), 8, "plain name"),
        (GOOD_RULE.replace("scope: document", "scope: cross"), 6, "supports scope"),
        (
            GOOD_RULE.replace("    name: my-rule\n", "    name: my-rule\n    colour: red\n"),
            5,
            "unknown key",
        ),
        (GOOD_RULE.replace("{terms: [foo]}", "{patterns: ['(a+)+$']}"), 9, "refused"),
        ("a: &x [1]\nb: *x\n", 2, "aliases are not allowed"),
        ("- just\n- a list\n", 1, "must be a mapping"),
    ],
)
def test_pack_errors_name_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    err = error_for(tmp_path, text)
    assert err.line == line, str(err)
    assert words in str(err)
    assert str(err).startswith(f"{tmp_path / 'pack.yaml'}:{line}: ")


def test_duplicate_id_across_packs(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    second = tmp_path / "b.yaml"
    first.write_text(GOOD_RULE, encoding="utf-8")
    second.write_text(GOOD_RULE.replace("pack: mine", "pack: other"), encoding="utf-8")
    settings = Settings(packs=(str(first), str(second)))
    with pytest.raises(RulePackError) as info:
        load_rules(settings, default_registry())
    assert "duplicate rule id FC901" in str(info.value)
    assert str(info.value).startswith(f"{second}:3:")


def test_missing_pack_is_clear() -> None:
    with pytest.raises(RulePackError) as info:
        load_rules(Settings(packs=("nonexistent",)), default_registry())
    assert "rule pack 'nonexistent' not found" in str(info.value)


def test_billion_laughs_is_refused_fast(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    err = error_for(tmp_path, "\n".join(lines) + "\n")
    assert "aliases are not allowed" in str(err)


def test_template_fields() -> None:
    assert template_fields("{a} and {b}") == ["a", "b"]
    with pytest.raises(ValueError):
        template_fields("{a!r}")
    with pytest.raises(ValueError):
        template_fields("{a[0]}")


def test_shipped_packs_load() -> None:
    registry = default_registry()
    root = Path(__file__).resolve().parents[2] / "rules"
    for pack in root.glob("*.yaml"):
        if pack.name == "gazetteer.yaml":
            continue
        assert load_pack(pack, registry)
