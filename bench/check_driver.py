"""`factcheck check` as it runs once `--jobs` and the claims cache are wired in.

Used by the scale benchmarks while the CLI does not yet take them (they then run
the real `factcheck check --jobs N` instead). It follows `factcheck.api.run`, with
`factcheck.parallel.analyse_all` in place of `read_sources`:

    python bench/check_driver.py --reference REF PATHS... --jobs 2 --output OUT.json [--cache-dir D]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--reference", action="append", default=[])
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--output", required=True)
    ap.add_argument("--cache-dir", default=None, help="claims cache (default: none)")
    args = ap.parse_args(argv)

    from factcheck.api import build_report, run_context, walk
    from factcheck.cache import ClaimsCache, cache_key
    from factcheck.checks import default_registry
    from factcheck.config import load_config
    from factcheck.corpus import Corpus
    from factcheck.engine import load_rules, run_rules
    from factcheck.parallel import analyse_all
    from factcheck.report import RenderContext, render
    from factcheck.report.output import write_atomic

    settings = load_config(None)
    registry = default_registry()
    rules = load_rules(settings, registry)
    ref_sources, ref_errors = walk(args.reference, "reference")
    ref_paths = {os.path.normpath(s.path) for s in ref_sources}
    sources, errors = walk(args.paths)
    sources = ref_sources + [s for s in sources if os.path.normpath(s.path) not in ref_paths]
    ctx = run_context(settings)
    cache = None
    if args.cache_dir:
        cache = ClaimsCache(Path(args.cache_dir), cache_key(gazetteer_files=settings.gazetteer))
    docs, read_errors = analyse_all(
        sources, settings, jobs=args.jobs, cache=cache, gazetteer=ctx.gazetteer
    )
    findings = run_rules(rules, Corpus(docs=tuple(docs)), registry, ctx)
    report = build_report(docs, findings, rules, [*ref_errors, *errors, *read_errors])
    rctx = RenderContext(sources={}, rules=report.rules, fail_on="never", help={})
    write_atomic(Path(args.output), render("json", report, rctx))
    print(f"{len(docs)} documents, {len(findings)} findings", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
