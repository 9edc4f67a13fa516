"""User-facing errors are one line that names the file and line (or the flag)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import suppress
from factcheck.checks import default_registry
from factcheck.config import ENGINE_CODES, Settings, check_codes, load_config, validate_params
from factcheck.errors import ConfigError, InputFileError, RulePackError, UsageError
from factcheck.facts import load_facts
from factcheck.ingest.base import human_size
from factcheck.rulepack import load_pack
from factcheck.yamlload import load_yaml

CORE = [f"FC{n}" for n in (101, 102, 201, 202, 301, 302)]


def config(tmp_path: Path, text: str) -> tuple[Path, Settings]:
    path = tmp_path / "factcheck.yaml"
    path.write_text(text, encoding="utf-8")
    return path, load_config(path)


def fc201_params() -> type:
    kind = default_registry().get("quantity_mismatch")
    assert kind is not None
    return kind.params


# 1. per-rule params from the configuration


def test_unknown_param_is_one_line_with_its_line(tmp_path: Path) -> None:
    path, settings = config(
        tmp_path, "fail_on: error\nparams:\n  FC201:\n    rel_tolerance: 0.01\n    nope: 3\n"
    )
    with pytest.raises(ConfigError) as info:
        validate_params(fc201_params(), {"rel_tolerance": 0.01, "nope": 3}, "FC201", settings)
    assert str(info.value) == f"{path}:5: params.FC201.nope: unknown key"


def test_unknown_param_in_flow_mapping(tmp_path: Path) -> None:
    path, settings = config(tmp_path, "params: {FC201: {rel_tolerance: 0.01, nope: 3}}\n")
    with pytest.raises(ConfigError) as info:
        validate_params(fc201_params(), {"rel_tolerance": 0.01, "nope": 3}, "FC201", settings)
    assert str(info.value) == f"{path}:1: params.FC201.nope: unknown key"


def test_tolerance_shorthand_points_at_its_line(tmp_path: Path) -> None:
    path, settings = config(tmp_path, "fail_on: error\ntolerance: 0.1\n")
    with pytest.raises(ConfigError) as info:
        validate_params(fc201_params(), {"rel_tolerance": "lots"}, "FC201", settings)
    assert str(info.value).startswith(f"{path}:2: params.FC201.rel_tolerance: ")
    assert "\n" not in str(info.value)


def test_refused_pattern_has_no_pydantic_prefix(tmp_path: Path) -> None:
    path, settings = config(tmp_path, "params:\n  FC401:\n    patterns: ['(a+)+b']\n")
    kind = default_registry().get("forbidden_term")
    assert kind is not None
    with pytest.raises(ConfigError) as info:
        validate_params(kind.params, {"patterns": ["(a+)+b"]}, "FC401", settings)
    message = str(info.value)
    assert message.startswith(f"{path}:3: params.FC401.patterns: pattern '(a+)+b' refused")
    assert "Value error" not in message and "\n" not in message


def test_refused_pattern_in_a_pack_has_no_pydantic_prefix(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "pack: house\nrules:\n  - id: FC401\n    name: forbidden-term\n"
        "    check: forbidden_term\n    scope: document\n    severity: warning\n"
        "    message: 'Avoid {match}'\n    params:\n      patterns: ['(a+)+b']\n",
        encoding="utf-8",
    )
    with pytest.raises(RulePackError) as info:
        load_pack(pack, default_registry())
    assert str(info.value).startswith(f"{pack}:10: params.patterns: pattern '(a+)+b' refused")


# 2. YAML errors: one line, with the line


@pytest.mark.parametrize(("text", "line"), [("\0", 1), ("packs: [core]\n\nfail_on: \0\n", 3)])
def test_control_character_is_one_line_with_line(text: str, line: int) -> None:
    with pytest.raises(ConfigError) as info:
        load_yaml(text, "factcheck.yaml")
    message = str(info.value)
    assert message.startswith(f"factcheck.yaml:{line}: YAML error: control characters")
    assert "U+0000" in message and "\n" not in message


def test_control_character_in_a_pack(tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text("pack: x\nrules: []\n\x01\n", encoding="utf-8")
    with pytest.raises(RulePackError) as info:
        load_pack(pack, default_registry())
    assert str(info.value).startswith(f"{pack}:3: YAML error:")
    assert "\n" not in str(info.value)


# 3. codes that match no rule


def test_unknown_severity_code_names_line(tmp_path: Path) -> None:
    path, settings = config(tmp_path, "fail_on: error\nseverity: {FC999: error}\n")
    with pytest.raises(ConfigError) as info:
        check_codes(settings, CORE)
    assert str(info.value) == f"{path}:2: severity: FC999 matches no rule"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("select: [FC1]\nignore:\n  - FC2\n  - FC9\n", 4, "ignore: FC9 matches no rule"),
        ("select:\n  - FC7\n", 2, "select: FC7 matches no rule"),
        ("params:\n  FC201: {}\n  FC2: {}\n", 3, "params: FC2 matches no rule (give a whole code"),
        ("severity:\n  FC30: error\n", 2, "severity: FC30 matches no rule"),
    ],
)
def test_unknown_codes_in_the_file(tmp_path: Path, text: str, line: int, words: str) -> None:
    path, settings = config(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        check_codes(settings, CORE)
    assert str(info.value).startswith(f"{path}:{line}: {words}")


def test_known_codes_and_prefixes_pass(tmp_path: Path) -> None:
    _, settings = config(
        tmp_path,
        "select: [FC, FC1, FC20, FC001]\nignore: [FC002, FC301]\n"
        "severity: {FC301: error, FC001: error}\nparams: {FC201: {}}\ntolerance: 0.1\n",
    )
    check_codes(settings, CORE)


def test_unknown_flag_code_names_the_flag(tmp_path: Path) -> None:
    from factcheck.config import Options

    path = tmp_path / "factcheck.yaml"
    path.write_text("select: [FC1]\n", encoding="utf-8")
    settings = load_config(path, overrides=Options(select=["FC2", "FC999"]))
    with pytest.raises(UsageError) as info:
        check_codes(settings, CORE)
    assert str(info.value) == "--select FC999 matches no rule"


def test_flags_replace_the_file_list(tmp_path: Path) -> None:
    from factcheck.config import Options

    path = tmp_path / "factcheck.yaml"
    path.write_text("select: [FC9]\n", encoding="utf-8")
    check_codes(load_config(path, overrides=Options(select=["FC2"])), CORE)


def test_unknown_code_in_pyproject(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.factcheck]\nseverity = {FC998 = "error"}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        check_codes(load_config(path), CORE)
    assert str(info.value) == f"{path}: severity: FC998 matches no rule"


def test_engine_codes_are_the_suppression_rules() -> None:
    assert tuple(r.code for r in suppress.META_RULES) == ENGINE_CODES


# 4. file size


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 bytes"),
        (1, "1 byte"),
        (1023, "1023 bytes"),
        (15_600, "15.2 KB"),
        (12_582, "12.3 KB"),
        (20 * 1024 * 1024, "20 MB"),
        (150 * 1024 * 1024, "150 MB"),
    ],
)
def test_human_size(size: int, text: str) -> None:
    assert human_size(size) == text


def test_too_large_gives_size_and_limit(tmp_path: Path) -> None:
    from factcheck.ingest import load_document
    from factcheck.ingest.base import Limits

    path = tmp_path / "big.txt"
    path.write_text("x" * 15_600, encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        load_document(str(path), limits=Limits(max_bytes=int(0.012 * 1024 * 1024)))
    assert info.value.reason == "file too large: 15.2 KB (limit 12.3 KB)"


# 5. fact sheets cite path:line like rule packs


def test_fact_sheet_error_is_path_colon_line(tmp_path: Path) -> None:
    path = tmp_path / "badfacts.yaml"
    path.write_text("facts:\n  - subject: x\n    attribute: y\n    value: 3\n    colour: red\n")
    with pytest.raises(InputFileError) as info:
        load_facts(str(path))
    assert str(info.value) == f"{path}:5: facts.0.colour: unknown key"
    assert "line 5" not in str(info.value)


def test_fact_sheet_yaml_error_is_path_colon_line(tmp_path: Path) -> None:
    path = tmp_path / "badfacts.yaml"
    path.write_text("facts:\n  - subject: \0\n", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        load_facts(str(path))
    assert str(info.value).startswith(f"{path}:2: YAML error:")
