"""Benchmarks 4 and 5, corpus scale and re-check: one reference against N generated
drafts (~800 words each, planted discrepancies), checked with `--jobs 2` into a JSON
report; then the same corpus again, which reads the claims cache.

    python bench/scale.py [--sizes 100,1000,10000] [--jobs 2] [--json OUT]

Runs `factcheck check --jobs J --format json --output ...` (the claims cache lives
in the corpus folder, the run's working directory). Wall time, peak memory of the whole process
tree, and the time ratio per tenfold N. Targets: 10,000 drafts < 60 s and < 2 GB;
tenfold N <= 12x time; re-check >= 10x faster than the first run.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PROJECT_PY, bytecode_env, run_tree, say, table, write_json
from corpus import draft_article, random_facts, reference_release


def generate(folder: Path, n: int, seed: int = 11) -> tuple[Path, Path]:
    """reference.txt and drafts/ with n articles about it."""
    rng = random.Random(seed)
    facts = random_facts(rng)
    ref = folder / "reference.txt"
    ref.write_text(reference_release(facts), encoding="utf-8")
    drafts = folder / "drafts"
    drafts.mkdir()
    for i in range(n):
        (drafts / f"draft-{i:05d}.txt").write_text(draft_article(facts, rng)[0], encoding="utf-8")
    return ref, drafts


def command(ref: Path, drafts: Path, out: Path, jobs: int) -> list[str]:
    exe = str(PROJECT_PY.parent / "factcheck")
    return [exe, "check", "--reference", str(ref), str(drafts), "--jobs", str(jobs),
            "--format", "json", "--output", str(out), "--fail-on", "never"]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", default=None)
    ap.add_argument(
        "--max-mb",
        type=float,
        default=12_000,
        help="skip a size whose projected peak memory (linear) exceeds this",
    )
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    say(f"== corpus scale: one reference against N drafts, factcheck check --jobs {args.jobs}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        env = bytecode_env(Path(tmp) / "pyc")
        for n in sizes:
            if results and results[-1]["first"]["peak_mb"] * n / results[-1]["n"] > args.max_mb:
                projected = results[-1]["first"]["peak_mb"] * n / results[-1]["n"]
                say(f"N={n}: skipped, projected peak {projected:,.0f} MB > --max-mb")
                results.append({"n": n, "skipped": f"projected peak {projected:,.0f} MB"})
                continue
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            ref, drafts = generate(folder, n)
            # The claims cache lands in the folder (the working directory of the run).
            first = run_tree(command(ref, drafts, folder / "a.json", args.jobs), folder, env)
            again = run_tree(command(ref, drafts, folder / "b.json", args.jobs), folder, env)
            same = (folder / "a.json").read_bytes() == (folder / "b.json").read_bytes()
            size_mb = sum(p.stat().st_size for p in drafts.iterdir()) / 1e6
            results.append(
                {"n": n, "mb": size_mb, "first": first, "again": again, "same_report": same}
            )
            rc = f"{first['rc']}/{again['rc']}"
            say(
                f"N={n}: {first['wall']:.1f} s, peak {first['peak_mb']:.0f} MB; re-check "
                f"{again['wall']:.1f} s; same report: {same}; rc {rc}"
            )
            if first["rc"] not in (0, 1):
                say(first["stderr"])
            shutil.rmtree(folder)
    rows = []
    for i, r in enumerate(results):
        if "skipped" in r:
            rows.append([r["n"], "-", "skipped: " + r["skipped"], "-", "-", "-", "-", "-"])
            continue
        prev = results[i - 1] if i and "skipped" not in results[i - 1] else None
        step = f"{r['first']['wall'] / prev['first']['wall']:.1f}x" if prev else "-"
        first, again = r["first"], r["again"]
        rows.append(
            [
                r["n"],
                f"{r['mb']:.1f}",
                f"{first['wall']:.1f}",
                step,
                f"{first['peak_mb']:.0f}",
                f"{again['wall']:.1f}",
                f"{first['wall'] / again['wall']:.1f}x",
                f"{again['peak_mb']:.0f}",
            ]
        )
    say(
        table(
            rows,
            [
                "N drafts",
                "MB",
                "first run s",
                "x per 10x N",
                "peak MB",
                "re-check s",
                "speed-up",
                "re-check peak MB",
            ],
        )
    )
    write_json(args.json, {"jobs": args.jobs, "results": results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
