"""Configuration discovery, layering and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Options, discover, load_config, merge
from factcheck.errors import ConfigError


def test_discovers_yaml_upwards(tmp_path: Path) -> None:
    (tmp_path / "factcheck.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert discover(deep) == tmp_path / "factcheck.yaml"
    assert load_config(cwd=deep).fail_on == "warning"


def test_pyproject_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nignore = ["FC302"]\nseverity = {FC301 = "error"}\n', encoding="utf-8"
    )
    settings = load_config(cwd=tmp_path)
    assert settings.ignore == ("FC302",)
    assert settings.severity == {"FC301": "error"}
    assert not settings.is_enabled("FC302")
    assert settings.is_enabled("FC301")


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert discover(tmp_path) is None or discover(tmp_path) != tmp_path / "pyproject.toml"


def test_broken_pyproject_of_another_tool_is_not_ours(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\nname = 'x'\n", encoding="utf-8")
    assert discover(tmp_path) != tmp_path / "pyproject.toml"


def test_broken_pyproject_naming_factcheck_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck\nignore = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="TOML error"):
        discover(tmp_path)


def test_flags_win_over_file(tmp_path: Path) -> None:
    (tmp_path / "factcheck.yaml").write_text("fail_on: warning\nselect: [FC1]\n", encoding="utf-8")
    settings = load_config(cwd=tmp_path, overrides=Options(fail_on="info"))
    assert settings.fail_on == "info"
    assert settings.select == ("FC1",)


def test_most_specific_prefix_wins() -> None:
    settings = merge(Options(select=["FC2"], ignore=["FC20"]))
    assert not settings.is_enabled("FC201")
    assert not settings.is_enabled("FC101")
    settings = merge(Options(ignore=["FC2"], select=["FC204"]))
    assert settings.is_enabled("FC204")
    assert not settings.is_enabled("FC201")
    assert settings.is_enabled("FC101") is False  # select given: only selected codes run


def test_unknown_key_names_line(tmp_path: Path) -> None:
    path = tmp_path / "factcheck.yaml"
    path.write_text("fail_on: error\ncolour: red\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == f"{path}:2: colour: unknown key"


def test_bad_value_names_line(tmp_path: Path) -> None:
    path = tmp_path / "factcheck.yaml"
    path.write_text("roles:\n  reference: [a.md]\nfail_on: sometimes\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert f"{path}:3:" in str(info.value)


def test_roles_by_glob() -> None:
    settings = merge(Options(roles={"reference": ["press/*.md"], "draft": ["*.txt"]}))
    assert settings.role_for("press/release.md") == "reference"
    assert settings.role_for("drafts/article.txt") == "draft"
    assert settings.role_for("notes.md") is None


def test_missing_config_file() -> None:
    with pytest.raises(ConfigError):
        load_config("does-not-exist.yaml")
