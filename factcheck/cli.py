"""Command line: argument parsing, exit codes, writing outputs. No formatting here."""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import NoReturn

from factcheck.errors import FactcheckError, UsageError

FORMATS = ("text", "markdown", "json", "html", "sarif", "junit", "github")
# Allocations between two young-generation collections during a command (Python's
# default is 700). Start-up creates ~100k long-lived objects (modules, pydantic
# schemas, compiled patterns, vocabularies) that the default walks again and again:
# ~12 ms of a seed check. Garbage cycles wait a little longer; total work is the same.
_GC_YOUNG_THRESHOLD = 200_000


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="factcheck",
        description="Check press releases and articles for contradictions and unsupported claims.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check documents and report discrepancies")
    check.add_argument("paths", nargs="+", help="files or directories to check")
    check.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar="PATH",
        help="an authoritative document (repeatable)",
    )
    check.add_argument(
        "--facts", metavar="FILE", help="a fact sheet (facts.yaml) used as reference"
    )
    check.add_argument("--config", metavar="FILE", help="configuration file (default: discovered)")
    check.add_argument(
        "--format",
        action=_InOrder,
        choices=FORMATS,
        metavar="FORMAT",
        help=f"output format, repeatable: {', '.join(FORMATS)} (default: text)",
    )
    check.add_argument(
        "--output",
        action=_InOrder,
        metavar="PATH",
        help="where the --format just before it goes (default: standard output)",
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    check.add_argument("--select", type=_codes, metavar="CODES", help="only these codes/prefixes")
    check.add_argument("--ignore", type=_codes, metavar="CODES", help="skip these codes/prefixes")
    check.add_argument("--baseline", metavar="FILE", help="hide findings recorded in this baseline")
    check.add_argument(
        "--write-baseline", metavar="FILE", help="record current findings as baseline"
    )
    check.add_argument(
        "--report-unused-ignores",
        action="store_true",
        help="list inline suppressions that suppressed nothing",
    )
    check.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="documents processed in parallel (default: number of cores)",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="do not read or write the claims cache"
    )
    check.add_argument("--max-file-mb", type=float, metavar="MB", help="largest input accepted")

    claims = sub.add_parser("claims", help="show the claims extracted from documents")
    claims.add_argument("paths", nargs="+")
    claims.add_argument("--format", choices=("text", "json", "jsonl"), default="text")

    rules = sub.add_parser("rules", help="list the rules, with their documentation")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--config", metavar="FILE")
    return parser


def _version() -> str:
    from factcheck import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `factcheck` console script."""
    # pydantic looks for plugins through every installed package's metadata on
    # first use (~15 ms of each run); the command line uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    parser = build_parser()
    args = parser.parse_args(argv)
    # The interpreter's last collection at exit walks every object start-up made
    # (~8 ms of a seed check) only to free them as the process ends; freezing them
    # first (at exit, after all output is written) skips that walk.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    with _fewer_collections():
        return _dispatch(parser, args)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run with a larger young-generation threshold (see `_GC_YOUNG_THRESHOLD`),
    restored afterwards for callers that run `main` in their own process."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], _GC_YOUNG_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        if args.command == "check":
            from factcheck.commands.check import run_check

            return run_check(args)
        if args.command == "claims":
            from factcheck.commands.claims import run_claims

            return run_claims(args)
        from factcheck.commands.rules import run_rules_command

        return run_rules_command(args)
    except UsageError as exc:
        parser.exit(ExitStatus.ERROR, f"factcheck: error: {exc}\n")
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitStatus.ERROR
    return ExitStatus.OK


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line, like every other error (the usage is in --help)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see: {self.prog} --help)\n")


class _InOrder(argparse.Action):
    """Records --format and --output in command-line order (`report_options`), so
    that an --output belongs to the --format written just before it."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        recorded = list(getattr(namespace, "report_options", None) or [])
        namespace.report_options = [*recorded, (self.dest, str(values))]


def pair_outputs(options: Sequence[tuple[str, str]]) -> list[tuple[str, Path | None]]:
    """Pair each --format with the --output written right after it: "--format github
    --format sarif --output f.sarif" sends SARIF to the file and the annotations to
    stdout. With no --format, one --output takes the default text report. At most one
    format goes to stdout."""
    if not any(kind == "format" for kind, _ in options):
        options = [("format", "text"), *options]
    pairs: list[tuple[str, Path | None]] = []
    for kind, value in options:
        if kind == "format":
            pairs.append((value, None))
        elif pairs and pairs[-1][1] is None:
            pairs[-1] = (pairs[-1][0], Path(value))
        else:
            raise UsageError(f"--output {value} must come right after the --format it is for")
    if sum(1 for _, out in pairs if out is None) > 1:
        raise UsageError(
            "several --format options need an --output each (only one can go to stdout)"
        )
    return pairs


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
