"""Accuracy on the peer-derived extraction bench (quantities.jsonl, dates.jsonl).

Runs `factcheck.extract(text)` on every bench case, converts its quantity and date
claims to the bench's prediction schema, and runs the bench's own scorer on them,
which prints precision, recall and F1 per source.

    python bench/peer_cases.py [--bench-dir DIR] [--out DIR] [--show-errors N]
                               [--only quantities|dates]

Conversion:
- quantity: value = magnitude in the unit as written, scale word applied ("€3 billion"
  -> 3e9); ranges give low/high and their midpoint as value; dimension as the claim
  has it ("currency:EUR", "count:job"; the scorer keys on the part before ":").
  Vague amounts ("tens of thousands") have no value and are not predicted; their
  number is reported.
- date: value = DateValue.iso.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = REPO.parent / "shared" / "bench"


def quantity_item(claim) -> dict | None:  # type: ignore[no-untyped-def]
    """One prediction item for a quantity claim, or None for a vague amount."""
    v = claim.value
    if v.vague:
        return None
    item = {"surface": claim.span.text, "unit": v.unit or "", "dimension": v.dimension}
    if v.low is not None and v.high is not None:
        item |= {"value": (v.low + v.high) / 2, "low": v.low, "high": v.high}
    elif v.magnitude is not None:
        item["value"] = v.magnitude
    else:
        return None
    return item


def predict(cases: list[dict], kind: str) -> tuple[list[dict], dict[str, int]]:
    """Prediction lines for `cases` and counters (vague skipped, extraction errors)."""
    # `factcheck.extract` (the lazy public name) is shadowed by the subpackage once that is
    # imported, so take the function from the subpackage itself.
    from factcheck.extract import extract

    lines, stats = [], {"vague_skipped": 0, "errors": 0}
    for case in cases:
        found: list[dict] = []
        try:
            claims = extract(case["text"])
        except Exception as exc:  # a crash is a bench result, not a reason to stop
            stats["errors"] += 1
            print(f"error on {case['id']}: {type(exc).__name__}: {exc}", file=sys.stderr)
            claims = []
        for c in claims:
            if kind == "quantities" and c.kind == "quantity":
                item = quantity_item(c)
                if item is None:
                    stats["vague_skipped"] += 1
                else:
                    found.append(item)
            elif kind == "dates" and c.kind == "date":
                found.append({"surface": c.span.text, "value": c.value.iso})
        lines.append({"id": case["id"], "found": found})
    return lines, stats


def run(kind: str, bench_dir: Path, out_dir: Path, show_errors: int) -> int:
    """Predict, write, score one bench file; returns the scorer's exit status."""
    bench = bench_dir / f"{kind}.jsonl"
    cases = [
        json.loads(line) for line in bench.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    lines, stats = predict(cases, kind)
    pred = out_dir / f"pred-{kind}.jsonl"
    pred.write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8"
    )
    cmd = [sys.executable, str(bench_dir / "score.py"), "--bench", str(bench)]
    if kind == "dates":
        cmd.append("--dates")
    if show_errors:
        cmd += ["--show-errors", str(show_errors)]
    print(f"== {kind}: {len(cases)} cases, predictions in {pred} ({stats})", flush=True)
    return subprocess.run([*cmd, str(pred)], check=False).returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    ap.add_argument(
        "--out", type=Path, default=None, help="where predictions go (default: a temp dir)"
    )
    ap.add_argument("--show-errors", type=int, default=0, metavar="N")
    ap.add_argument("--only", choices=("quantities", "dates"), default=None)
    args = ap.parse_args(argv)
    if not (args.bench_dir / "score.py").is_file():
        print(f"no bench at {args.bench_dir} (score.py missing); use --bench-dir", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    status = 0
    for kind in ("quantities", "dates"):
        if args.only in (None, kind):
            status |= run(kind, args.bench_dir, out, args.show_errors)
    return status


if __name__ == "__main__":
    sys.exit(main())
