"""Baselines: record today's findings so CI fails only on new ones."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.errors import ConfigError
from factcheck.model import SEVERITY_RANK, Report

BASELINE_VERSION = 1


def write_baseline(path: Path, report: Report) -> None:
    """Write the fingerprints of every finding (atomically)."""
    from factcheck.report.output import write_atomic

    entries = sorted(
        {(f.fingerprint, f.rule, f.location.doc, f.location.text) for f in report.findings}
    )
    data = {
        "version": BASELINE_VERSION,
        "tool": "factcheck",
        "findings": [
            {"fingerprint": fp, "rule": rule, "doc": doc, "text": text}
            for fp, rule, doc, text in entries
        ],
    }
    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def read_baseline(path: Path) -> set[str]:
    """The fingerprints a baseline file records."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), None, "baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(str(path), None, f"not a factcheck baseline: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ConfigError(str(path), None, "not a factcheck baseline (no findings list)")
    return {str(e.get("fingerprint")) for e in data["findings"] if isinstance(e, dict)}


def apply_baseline(report: Report, path: Path) -> Report:
    """The report without findings the baseline already records."""
    known = read_baseline(path)
    kept = [f for f in report.findings if f.fingerprint not in known]
    counts = {sev: 0 for sev in SEVERITY_RANK}
    for f in kept:
        counts[f.severity] += 1
    return report.model_copy(
        update={
            "findings": kept,
            "counts": counts,
            "baseline_hidden": len(report.findings) - len(kept),
        }
    )
