"""Errors that the CLI turns into one clear line on stderr and exit code 2."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class: `str(error)` is the one line shown to the user."""


class InputFileError(FactcheckError):
    """An input document that cannot be read, decoded or parsed."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = message


class MissingExtraError(InputFileError):
    """A format whose optional dependency is not installed."""


class RulePackError(FactcheckError):
    """A rule pack or config file that is malformed; names file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.reason = message


class ConfigError(RulePackError):
    """A configuration file (factcheck.yaml, pyproject.toml) that is malformed."""


class UsageError(FactcheckError):
    """A command-line usage error."""
