"""Benchmark 3, accuracy beside speed: the peer bench (../shared/bench) scored for
factcheck (through bench/peer_cases.py), for quantulum3 (quantities) and for
dateparser's `search_dates` (dates), with the bench's own scorer, printed together.

    bench/.venv/bin/python bench/accuracy.py [--bench-dir DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peer_cases
from common import say, table, write_json

ENTITY_DIMENSION = {"time": "duration", "dimensionless": "count"}


def quantulum_items(text: str) -> list[dict]:
    """quantulum3's quantities in the scorer's prediction schema."""
    from quantulum3 import parser

    items = []
    for q in parser.parse(text):
        entity = q.unit.entity.name
        dim = "percentage" if q.unit.name in ("percentage", "percent") else entity
        item = {
            "surface": q.surface,
            "value": q.value,
            "unit": q.unit.name,
            "dimension": ENTITY_DIMENSION.get(dim, dim),
        }
        if q.uncertainty:
            item |= {"low": q.value - q.uncertainty, "high": q.value + q.uncertainty}
        items.append(item)
    return items


def dateparser_items(text: str) -> list[dict]:
    """dateparser's dates in the scorer's schema, at the granularity it reports."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    items = []
    ddp = DateDataParser(languages=["en"])
    for surface, when in search_dates(text, languages=["en"]) or []:
        period = ddp.get_date_data(surface).period or "day"
        iso = {"year": when.strftime("%Y"), "month": when.strftime("%Y-%m")}.get(
            period, when.strftime("%Y-%m-%d")
        )
        items.append({"surface": surface, "value": iso})
    return items


def predict_with(fn, cases: list[dict]) -> list[dict]:  # type: ignore[no-untyped-def]
    lines = []
    for case in cases:
        try:
            found = fn(case["text"])
        except Exception:  # a crash is a miss, as peer_cases counts it
            found = []
        lines.append({"id": case["id"], "found": found})
    return lines


def score(bench_dir: Path, kind: str, lines: list[dict], out: Path, name: str) -> dict:
    pred = out / f"pred-{kind}-{name}.jsonl"
    pred.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    cmd = [sys.executable, str(bench_dir / "score.py"), "--bench", str(bench_dir / f"{kind}.jsonl")]
    cmd += ["--dates"] if kind == "dates" else []
    res = subprocess.run([*cmd, "--json", str(pred)], capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])["overall"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench-dir", type=Path, default=peer_cases.DEFAULT_BENCH)
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    out = Path(tempfile.mkdtemp(prefix="factcheck-accuracy-"))
    rows, figures = [], {}
    for kind, peer_name, peer_fn in (
        ("quantities", "quantulum3", quantulum_items),
        ("dates", "dateparser", dateparser_items),
    ):
        cases = [
            json.loads(x)
            for x in (args.bench_dir / f"{kind}.jsonl").read_text("utf-8").splitlines()
            if x.strip()
        ]
        t = time.perf_counter()
        ours, _ = peer_cases.predict(cases, kind)
        ours_s = time.perf_counter() - t
        t = time.perf_counter()
        theirs = predict_with(peer_fn, cases)
        theirs_s = time.perf_counter() - t
        for name, lines, secs in (("factcheck", ours, ours_s), (peer_name, theirs, theirs_s)):
            o = score(args.bench_dir, kind, lines, out, name)
            figures[f"{kind}/{name}"] = o | {"seconds": secs}
            rows.append(
                [
                    kind,
                    name,
                    len(cases),
                    o["tp"],
                    o["fp"],
                    o["fn"],
                    _f(o["precision"]),
                    _f(o["recall"]),
                    _f(o["f1"]),
                    f"{secs:.2f}",
                ]
            )
    say("== accuracy on the peer bench (micro P/R/F1, bench's own scorer)")
    say(table(rows, ["bench", "extractor", "cases", "tp", "fp", "fn", "P", "R", "F1", "seconds"]))
    q_ours, q_peer = figures["quantities/factcheck"]["f1"], figures["quantities/quantulum3"]["f1"]
    better = (q_ours or 0) > (q_peer or 0)
    say(
        f"target: F1 above quantulum3 on quantities: {_f(q_ours)} vs {_f(q_peer)} "
        f"({'met' if better else 'NOT met'})"
    )
    write_json(args.json, {"figures": figures, "f1_above_quantulum3": better})
    return 0


def _f(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


if __name__ == "__main__":
    sys.exit(main())
