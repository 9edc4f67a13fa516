"""Super-linear behaviour hunt: time every text stage on adversarial inputs at n and 2n.

For each adversarial input (long digit/comma runs, unmatched quotes, runs of capitalised
words, endless lists, deep Markdown emphasis, "[" * n, "Mr. " * n, ...) and each stage
(segment, every extractor's `find`, claim building, Markdown and HTML ingest), prints
t(n), t(2n) and their ratio: linear ≈ 2, quadratic ≈ 4. Ratios above 3 (on timings long
enough to mean something) are flagged. Exit code 1 when anything is flagged.

    python bench/redos.py [--size 20000] [--repeat 3] [--only quantities]

`run(size, repeat, only)` returns the rows; `main(argv)` prints the table (for run_all.py).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

FLAG_RATIO = 3.0
MIN_MS = 20.0  # below this, t(2n) is noise (scheduling, GC): never flagged

INPUTS: dict[str, Callable[[int], str]] = {
    "digit run": lambda n: "1" * n,
    "1,1,1,… run": lambda n: "1," * (n // 2),
    "1.1.1.… run": lambda n: "1." * (n // 2),
    "spaced digits": lambda n: "1 " * (n // 2),
    "thin-space digits": lambda n: "1\u202f" * (n // 2),
    "figures+units": lambda n: "€1,200.5 billion GWh/year " * (n // 26),
    "scale words": lambda n: "3 billion million thousand " * (n // 28),
    "date parts": lambda n: "11 December " * (n // 12),
    'unmatched "': lambda n: '"' * n,
    "unmatched “": lambda n: "“" * n,
    "unmatched «": lambda n: "« a " * (n // 4),
    "quote per para": lambda n: "“a said\n\n" * (n // 9),
    "capitalised run": lambda n: "Alpha " * (n // 6),
    "including A, A, …": lambda n: "including " + "A, " * (n // 3),
    "Bank and Bank …": lambda n: "banks such as " + "Acme Bank and " * (n // 14),
    "emphasis *": lambda n: "*" * n,
    "emphasis _": lambda n: "_" * n,
    "open [": lambda n: "[" * n,
    "link ](": lambda n: "](" * (n // 2),
    "headings #": lambda n: "#" * n,
    "html tags <b>": lambda n: "<b>" * (n // 3),
    "html comments": lambda n: "<!--" * (n // 4),
    "entities &amp;": lambda n: "&amp;" * (n // 5),
    "spaces": lambda n: " " * n,
    "tabs": lambda n: "\t" * n,
    "newlines": lambda n: "\n" * n,
    "Mr. Mr. …": lambda n: "Mr. " * (n // 4),
    "dots": lambda n: "." * n,
    "hyphen words": lambda n: "two-" * (n // 4),
    "said X, CEO": lambda n: "said Jane Doe, CEO of Acme, " * (n // 28),
    "ordinals": lambda n: "the third first second " * (n // 23),
    "table pipes": lambda n: "|" * n,
}


@dataclass(frozen=True)
class Row:
    """One (input, stage) measurement."""

    input: str
    stage: str
    t_n: float  # milliseconds
    t_2n: float

    @property
    def ratio(self) -> float:
        return self.t_2n / self.t_n if self.t_n > 0 else 0.0

    @property
    def flagged(self) -> bool:
        return self.t_2n >= MIN_MS and self.ratio > FLAG_RATIO


def stages() -> dict[str, Callable[[str], object]]:
    """Each stage as a function of the text (segmentation done beforehand where needed)."""
    from factcheck.extract import EXTRACTORS, _extractor, build_claims, find_raw
    from factcheck.extract.base import ExtractContext
    from factcheck.ingest import Limits, document_from_text
    from factcheck.ingest.html import parse_html
    from factcheck.ingest.markdown import parse_markdown
    from factcheck.segment import segment

    def extractor(name: str) -> Callable[[str], object]:
        def step(text: str, seg: object) -> object:
            return _extractor(name).find(text, seg, ExtractContext())  # type: ignore[arg-type]

        return step

    def claims(text: str, seg: object) -> object:
        raw = find_raw(text, seg, ExtractContext())  # type: ignore[arg-type]
        return build_claims(document_from_text(text), seg, raw)  # type: ignore[arg-type]

    out: dict[str, Callable[..., object]] = {"segment": lambda text, seg: segment(text)}
    out.update({name: extractor(name) for name in EXTRACTORS})
    out["claims"] = claims
    out["markdown"] = lambda text, seg: parse_markdown(text)
    out["html"] = lambda text, seg: parse_html(text, "bench.html", Limits(html_max_depth=10**9))
    return out


def _time(step: Callable[[str, object], object], text: str, repeat: int) -> float:
    from factcheck.segment import segment

    seg = segment(text)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        step(text, seg)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def run(size: int = 20_000, repeat: int = 3, only: Sequence[str] = ()) -> list[Row]:
    """Measure every stage on every input at `size` and 2 × `size` characters."""
    rows = []
    steps = stages()
    for stage, step in steps.items():
        if only and stage not in only:
            continue
        step("warm up 16 GWh by 2030.", None) if stage in ("markdown", "html") else None
        for name, make in INPUTS.items():
            rows.append(
                Row(
                    name,
                    stage,
                    _time(step, make(size), repeat),
                    _time(step, make(2 * size), repeat),
                )
            )
    return rows


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table, worst ratio first."""
    lines = ["| input | stage | t(n) ms | t(2n) ms | ratio | |", "|---|---|---:|---:|---:|---|"]
    for r in sorted(rows, key=lambda r: -r.ratio if r.t_2n >= MIN_MS else 0):
        flag = "**SUPER-LINEAR**" if r.flagged else ""
        lines.append(
            f"| {r.input} | {r.stage} | {r.t_n:.1f} | {r.t_2n:.1f} | {r.ratio:.2f} | {flag} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; 1 when some stage looks super-linear."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", action="append", default=[], help="stage name (repeatable)")
    parser.add_argument("--all", action="store_true", help=f"also rows under {MIN_MS:g} ms")
    parser.add_argument("--json", default=None, help="also write the figures here (run_all)")
    args = parser.parse_args(argv)
    rows = run(args.size, args.repeat, args.only)
    if args.json:
        figures = [dataclasses.asdict(r) for r in rows]
        Path(args.json).write_text(json.dumps(figures, default=str), encoding="utf-8")
    shown = rows if args.all else [r for r in rows if r.t_2n >= MIN_MS]
    print(f"## Adversarial inputs (n = {args.size:,} characters; best of {args.repeat})\n")
    print(table(shown))
    flagged = [r for r in rows if r.flagged]
    print(f"\n{len(rows)} measurements, {len(rows) - len(shown)} under {MIN_MS:g} ms not shown; "
          f"{len(flagged)} super-linear (ratio > {FLAG_RATIO:g}).")  # fmt: skip
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
