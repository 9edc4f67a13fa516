"""Findings packed as the JSON report shows them: small in memory, cheap to cache and write.

A run over thousands of drafts holds half a million findings. Each draft's findings
are kept as one zlib-compressed run of JSON text, exactly as it stands inside the
JSON report's `findings` array (indented, items joined by `,\\n    `), together with
what a run needs without reading them: the count per severity, whether a
suppression finding (FC001/FC002) is among them, and the sort keys of the first and
last. The JSON report writes such runs as they are (see `report.json.write_chunks`);
every other use unpacks them into `Finding` models. An `Outcome` is a checked run:
the report without its findings, and the packed runs.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from factcheck.engine import SortKey, order, order_key
from factcheck.model import SEVERITY_RANK, DocumentSummary, Finding, Report

ITEM_SEPARATOR = b",\n    "  # between two findings in the report's `findings` array
_SEVERITIES = tuple(SEVERITY_RANK)  # the order of `Report.counts`
_META_CODES = ("FC001", "FC002")


@dataclass(frozen=True)
class PackedFindings:
    """One run of findings, in report order, as compressed report JSON."""

    data: bytes = b""  # zlib-compressed JSON text of the run (empty when there are none)
    count: int = 0
    counts: tuple[int, ...] = (0,) * len(_SEVERITIES)  # per severity, in SEVERITY_RANK order
    meta: bool = False  # a suppression finding (FC001/FC002) is among them
    first: SortKey | None = None
    last: SortKey | None = None

    def severity_counts(self) -> dict[str, int]:
        """Findings per severity, every severity present."""
        return dict(zip(_SEVERITIES, self.counts, strict=True))


@cache
def _list_adapter() -> TypeAdapter[list[Finding]]:
    return TypeAdapter(list[Finding])


def pack(findings: Sequence[Finding]) -> PackedFindings:
    """Pack findings (put in report order first; ties keep their order)."""
    if not findings:
        return PackedFindings()
    ordered = order(list(findings))
    dumped = _list_adapter().dump_json(ordered, indent=2)
    # `[\n  {...},\n  {...}\n]` at the top level; in the report the items stand two levels
    # deeper. JSON strings hold no raw newline, so every newline is layout.
    run = dumped[4:-2].replace(b"\n", b"\n  ")
    per_severity = dict.fromkeys(_SEVERITIES, 0)
    for f in ordered:
        per_severity[f.severity] += 1
    return PackedFindings(
        data=zlib.compress(run, 1),
        count=len(ordered),
        counts=tuple(per_severity.values()),
        meta=any(f.rule in _META_CODES for f in ordered),
        first=order_key(ordered[0]),
        last=order_key(ordered[-1]),
    )


def run_text(packed: PackedFindings) -> bytes:
    """The run's JSON text as it stands in the report (empty when there are none)."""
    return zlib.decompress(packed.data) if packed.data else b""


def unpack(packed: PackedFindings) -> list[Finding]:
    """The run's findings as models."""
    if not packed.count:
        return []
    return _list_adapter().validate_json(b"[" + run_text(packed) + b"]")


def in_report_order(runs: Iterable[PackedFindings]) -> list[PackedFindings] | None:
    """The non-empty runs in report order, when writing them one after another gives
    the report's order: no two runs overlap (nor share a sort key). Else None."""
    full = sorted((r for r in runs if r.count), key=lambda r: r.first or ())
    for before, after in pairwise(full):
        assert before.last is not None and after.first is not None
        if not before.last < after.first:
            return None
    return full


def total_counts(runs: Iterable[PackedFindings]) -> dict[str, int]:
    """Findings per severity over all runs (the report's `counts`)."""
    totals = dict.fromkeys(_SEVERITIES, 0)
    for r in runs:
        for severity, n in zip(_SEVERITIES, r.counts, strict=True):
            totals[severity] += n
    return totals


@dataclass(frozen=True)
class Outcome:
    """A checked run: the report without its findings (`head`, counts set), the
    findings as packed runs, and each document's source text (when kept)."""

    head: Report
    runs: list[PackedFindings]
    sources: dict[str, str]

    def report(self) -> Report:
        """The whole Report, findings unpacked and in report order."""
        findings = order([f for r in self.runs for f in unpack(r)])
        return self.head.model_copy(update={"findings": findings})


class _StoredHeader(BaseModel):
    """A checked document's result as the results cache keeps it, but for its packed
    findings (JSON, never pickle). `size` and `crc` guard the packed bytes."""

    # built on first use: a run without a cache never needs it (saves ~0.5 ms of start-up)
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    key: str
    summary: DocumentSummary
    suppressed: int
    count: int
    counts: tuple[int, ...]
    meta: bool
    first: SortKey | None
    last: SortKey | None
    size: int
    crc: int


def dump_stored(
    key: str, summary: DocumentSummary, suppressed: int, packed: PackedFindings
) -> bytes:
    """A stored result: the header's JSON, a newline, then the packed (compressed) findings."""
    header = _StoredHeader(
        key=key,
        summary=summary,
        suppressed=suppressed,
        count=packed.count,
        counts=packed.counts,
        meta=packed.meta,
        first=packed.first,
        last=packed.last,
        size=len(packed.data),
        crc=zlib.crc32(packed.data),
    )
    return header.model_dump_json().encode() + b"\n" + packed.data


def load_stored(raw: bytes, key: str) -> tuple[DocumentSummary, int, PackedFindings] | None:
    """(summary, suppressed, packed findings) of a stored result; None unless it is
    whole and stored under `key`. The findings are checked (size, CRC), not parsed."""
    try:
        cut = raw.index(b"\n")
        h = _StoredHeader.model_validate_json(raw[:cut])
    except (ValidationError, ValueError):
        return None
    data = raw[cut + 1 :]
    if h.key != key or h.size != len(data) or h.crc != zlib.crc32(data):
        return None
    return h.summary, h.suppressed, PackedFindings(data, h.count, h.counts, h.meta, h.first, h.last)
