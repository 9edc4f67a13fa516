"""Packed findings: the streamed JSON report is byte for byte the rendered one."""

from __future__ import annotations

import pytest

from factcheck.engine import order
from factcheck.model import Report
from factcheck.report import RenderContext
from factcheck.report.json import chunks, render
from factcheck.report.packed import in_report_order, pack, total_counts, unpack


def _runs_of_two(report: Report) -> list:
    """The report's findings (in report order) packed two by two."""
    ordered = order(list(report.findings))
    return [pack(ordered[i : i + 2]) for i in range(0, len(ordered), 2)]


def _streamed(report: Report, runs: list) -> str:
    head = report.model_copy(update={"findings": []})
    return b"".join(chunks(head, runs)).decode()


@pytest.mark.parametrize("which", ["sample_report", "hostile_report"])
def test_streamed_json_equals_render(which: str, request: pytest.FixtureRequest) -> None:
    report, ctx = request.getfixturevalue(which)
    report = report.model_copy(update={"findings": order(list(report.findings))})
    runs = _runs_of_two(report)
    assert len(runs) > 1
    ordered = in_report_order(reversed(runs))  # given in any order, written in report order
    assert ordered is not None
    assert _streamed(report, ordered) == render(report, ctx)


def test_streamed_json_without_findings(sample_report) -> None:
    report, ctx = sample_report
    empty = report.model_copy(update={"findings": []})
    assert _streamed(empty, [pack([])]) == render(empty, ctx)


def test_chunks_refuses_a_report_with_findings(sample_report) -> None:
    report, _ = sample_report
    with pytest.raises(ValueError):
        list(chunks(report, []))


def test_pack_round_trips_and_counts(hostile_report) -> None:
    report, _ = hostile_report
    packed = pack(list(report.findings))
    assert unpack(packed) == order(list(report.findings))
    assert packed.count == len(report.findings)
    assert total_counts([packed, pack([])]) == {
        sev: sum(f.severity == sev for f in report.findings) for sev in ("info", "warning", "error")
    }


def test_overlapping_runs_are_not_written_as_they_are(sample_report) -> None:
    report, _ = sample_report
    ordered = order(list(report.findings))
    assert len(ordered) >= 3
    interleaved = [pack(ordered[0::2]), pack(ordered[1::2])]
    assert in_report_order(interleaved) is None
    assert in_report_order([pack(ordered[:1]), pack(ordered[1:])]) is not None


def test_seed_run_streams_what_it_renders() -> None:
    from factcheck.api import run_packed
    from tests.conftest import SEEDS

    outcome = run_packed(
        [str(SEEDS / "verkor-article.txt")], references=[str(SEEDS / "verkor-press-release.md")]
    )
    runs = in_report_order(outcome.runs)
    assert runs is not None and len(runs) == 2  # the reference's findings and the draft's
    assert _streamed(outcome.head, runs) == render(outcome.report(), RenderContext())


@pytest.mark.parametrize("which", ["sample_report", "hostile_report"])
def test_streamed_sarif_equals_render(which: str, request: pytest.FixtureRequest) -> None:
    from factcheck.report import sarif

    report, ctx = request.getfixturevalue(which)
    report = report.model_copy(update={"findings": order(list(report.findings))})
    runs = _runs_of_two(report)
    head = report.model_copy(update={"findings": []})
    assert b"".join(sarif.chunks(head, runs, ctx)).decode() == sarif.render(report, ctx)
    assert b"".join(sarif.chunks(head, [], ctx)).decode() == sarif.render(head, ctx)


def test_streamed_sarif_documents_codes_no_rule_documents(sample_report) -> None:
    from factcheck.report import sarif

    report, ctx = sample_report
    findings = order(list(report.findings))
    odd = findings[-1].model_copy(update={"rule": "FC999", "name": "stand-in"})
    report = report.model_copy(update={"findings": order([*findings[:-1], odd])})
    runs = _runs_of_two(report)
    head = report.model_copy(update={"findings": []})
    streamed = b"".join(sarif.chunks(head, runs, ctx)).decode()
    assert streamed == sarif.render(report, ctx)
    assert '"id": "FC999"' in streamed
