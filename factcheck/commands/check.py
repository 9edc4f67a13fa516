"""`factcheck check`: run the pipeline, apply the baseline, write every requested report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.config import Options, load_config
from factcheck.model import SEVERITY_RANK, Report
from factcheck.progress import progress_bar

if TYPE_CHECKING:
    from factcheck.report.packed import PackedFindings


def settings_from(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    overrides = Options(
        select=args.select,
        ignore=args.ignore,
        fail_on=args.fail_on,
        baseline=args.baseline,
        max_file_mb=args.max_file_mb,
    )
    return load_config(args.config, overrides=overrides)


def exit_status(report: Report, fail_on: str) -> int:
    """2 when an input could not be read, 1 when a finding reaches the threshold, else 0.

    Findings are read from `report.findings`, or from `report.counts` when the report
    comes without them (its findings are written from packed runs).
    """
    if report.errors:
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    severities = {f.severity for f in report.findings} | {s for s, n in report.counts.items() if n}
    return 1 if any(SEVERITY_RANK[s] >= threshold for s in severities) else 0


def run_check(args: argparse.Namespace) -> int:
    from factcheck.api import run_packed
    from factcheck.baseline import apply_baseline, write_baseline
    from factcheck.cli import pair_outputs
    from factcheck.errors import UsageError

    pairs = pair_outputs(getattr(args, "report_options", None) or [])
    settings = settings_from(args)
    from factcheck.cache import DEFAULT_DIR
    from factcheck.parallel import default_jobs
    from factcheck.report.packed import in_report_order

    outcome = run_packed(
        args.paths,
        references=args.reference,
        settings=settings,
        facts=args.facts,
        report_unused=args.report_unused_ignores,
        jobs=args.jobs or default_jobs(),
        cache_dir=None if args.no_cache else DEFAULT_DIR,
        progress=progress_bar(),
        keep_sources=any(fmt == "text" for fmt, _ in pairs),  # only text shows source lines
    )
    report = outcome.head
    if not report.documents and not report.errors:
        raise UsageError("no documents to check")
    # Even when no input could be read, every report is written, listing the input
    # errors: CI steps that upload or parse the report find one (exit status 2).
    streamed = _streamable(pairs) and not args.write_baseline and not settings.baseline
    runs = in_report_order(outcome.runs) if streamed else None
    if runs is not None:
        _print_problems(report)
        write_streamed(report, runs, pairs, settings.fail_on)
        return exit_status(report, settings.fail_on)
    report = outcome.report()
    if args.write_baseline:  # records every finding: a baseline in the config is not applied
        write_baseline(Path(args.write_baseline), report)
    elif settings.baseline:
        report = apply_baseline(report, Path(settings.baseline))
    _print_problems(report)
    write_outputs(report, pairs, settings.fail_on, outcome.sources)
    return exit_status(report, settings.fail_on)


def _print_problems(report: Report) -> None:
    for error in report.errors:
        print(f"factcheck: error: {error.path}: {error.message}", file=sys.stderr)
    for doc in report.documents:
        for notice in doc.notices:
            print(f"factcheck: {doc.id}: {notice}", file=sys.stderr)


STREAMED_FORMATS = ("json", "sarif")  # written piece by piece; the rest need every finding


def _streamable(pairs: list[tuple[str, Path | None]]) -> bool:
    return all(fmt in STREAMED_FORMATS for fmt, _ in pairs)


def write_streamed(
    head: Report, runs: list[PackedFindings], pairs: list[tuple[str, Path | None]], fail_on: str
) -> None:
    """Write JSON and SARIF reports piece by piece: `head` (the report without its
    findings) with the packed findings of `runs` (in report order). The whole text is
    never held, and SARIF unpacks one run's findings at a time."""
    from factcheck.report import RenderContext, json, sarif
    from factcheck.report.output import write_atomic_chunks

    ctx = RenderContext(rules=head.rules, fail_on=fail_on, help=rule_help(head))
    for fmt, out in pairs:
        pieces = json.chunks(head, runs) if fmt == "json" else sarif.chunks(head, runs, ctx)
        if out is None:
            for chunk in pieces:
                sys.stdout.write(chunk.decode())  # each chunk is whole UTF-8
        else:
            write_atomic_chunks(out, pieces)


def write_outputs(
    report: Report, pairs: list[tuple[str, Path | None]], fail_on: str, sources: dict[str, str]
) -> None:
    from factcheck.report import RenderContext, render
    from factcheck.report.output import append_text, write_atomic

    ctx = RenderContext(
        sources=sources, rules=report.rules, fail_on=fail_on, help=rule_help(report)
    )
    for fmt, out in pairs:
        text = render(fmt, report, ctx)
        if out is None:
            sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        else:
            write_atomic(out, text)
        if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
            from factcheck.report.github import annotations, step_summary

            _, hidden = annotations(report)
            append_text(Path(os.environ["GITHUB_STEP_SUMMARY"]), step_summary(report, ctx, hidden))


def rule_help(report: Report) -> dict[str, str]:
    """Each rule's documentation (its kind's docstring), for SARIF and HTML."""
    from factcheck.checks import default_registry

    kinds = default_registry().kinds
    return {r.code: kinds[r.check].doc for r in report.rules if r.check in kinds}
