"""Benchmark 2, extraction throughput on one generated press/news corpus, side by side:
factcheck (segmentation + every extractor), quantulum3's parser, dateparser's
`search_dates`, and a compiled-regex scan of number tokens as the floor.

    bench/.venv/bin/python bench/throughput.py [--mb 1.2] [--peer-kb 64] [--json OUT]

quantulum3 and dateparser are slow: they run on the first `--peer-kb` KB of the same
documents and their rate is reported in MB/s like the others. One core, medians.
Targets: factcheck >= 50x quantulum3's throughput, and >= 2 MB/s.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median_time, say, table, write_json
from corpus import news_documents


def documents(mb: float) -> list[str]:
    return news_documents(int(mb * 1_000_000))


def subset(docs: list[str], kb: int) -> list[str]:
    out, size = [], 0
    for d in docs:
        if size >= kb * 1000:
            break
        out.append(d)
        size += len(d.encode())
    return out


def factcheck_run(docs: list[str]) -> None:
    from factcheck.extract import extract_document
    from factcheck.ingest import document_from_text

    for d in docs:
        extract_document(document_from_text(d))


def quantulum_run(docs: list[str]) -> None:
    from quantulum3 import parser

    for d in docs:
        parser.parse(d)


def dateparser_run(docs: list[str]) -> None:
    from dateparser.search import search_dates

    for d in docs:
        search_dates(d, languages=["en"])


def regex_run(docs: list[str]) -> None:
    number = re.compile(r"\d+(?:[.,]\d+)*")
    for d in docs:
        for _ in number.finditer(d):
            pass


def measure(name: str, fn, docs: list[str], repeat: int) -> dict:  # type: ignore[no-untyped-def]
    fn(docs[:2])  # warm-up: imports, vocabularies, compiled regexes
    t = median_time(lambda: fn(docs), repeat)
    size = sum(len(d.encode()) for d in docs)
    words = sum(len(d.split()) for d in docs)
    return {"name": name, "bytes": size, "seconds": t, "mb_s": size / t / 1e6, "words_s": words / t}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.2)
    ap.add_argument("--peer-kb", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    docs = documents(args.mb)
    small = subset(docs, args.peer_kb)
    results = [measure("factcheck (all extractors)", factcheck_run, docs, args.repeat)]
    for name, fn in (
        ("quantulum3 parser.parse", quantulum_run),
        ("dateparser search_dates", dateparser_run),
    ):
        try:
            results.append(measure(name, fn, small, 1))
        except ImportError as exc:
            say(f"skipped {name}: {exc} (run with bench/.venv/bin/python)")
    results.append(measure("regex number scan (floor)", regex_run, docs, max(args.repeat, 5)))
    fc = results[0]["mb_s"]
    rows = [
        [
            r["name"],
            f"{r['bytes'] / 1000:.0f} KB",
            f"{r['mb_s']:.3f}",
            f"{r['words_s']:,.0f}",
            f"{r['mb_s'] / fc:.3g}x",
        ]
        for r in results
    ]
    say(f"== extraction throughput (one core; {len(docs)} documents)")
    say(table(rows, ["extractor", "text", "MB/s", "words/s", "speed vs factcheck"]))
    q = next((r for r in results if r["name"].startswith("quantulum3")), None)
    verdicts = {"2 MB/s": fc >= 2.0}
    say(f"target >= 2 MB/s: {fc:.3f} MB/s ({'met' if fc >= 2 else 'NOT met'})")
    if q:
        verdicts["50x quantulum3"] = fc / q["mb_s"] >= 50
        ok = "met" if verdicts["50x quantulum3"] else "NOT met"
        say(f"target >= 50x quantulum3: {fc / q['mb_s']:.1f}x ({ok})")
    write_json(args.json, {"results": results, "targets": verdicts})
    return 0


if __name__ == "__main__":
    sys.exit(main())
