"""Benchmark 1, cold start: `factcheck check` on the seed pair as a whole process, beside
`python -c pass`, `import pydantic`, `import factcheck` and the pieces in between.

    python bench/cold_start.py [--repeat N] [--json OUT]

Runs every command N times in interleaved rounds and prints medians. Bytecode is
cached (in a temp dir, as an installed tool has it); the same check without any
bytecode cache (PYTHONDONTWRITEBYTECODE, as this sandbox runs) is shown too.
Target: the seed check within 3x `python -c "import pydantic"`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PROJECT_PY, REPO, bytecode_env, say, table, write_json

SEEDS = REPO / "seeds"
FACTCHECK = str(PROJECT_PY.parent / "factcheck")
PYDANTIC_MODEL = "import pydantic\nclass M(pydantic.BaseModel):\n    x: int\nM(x=1)"


def commands(cli_has_cache: bool) -> dict[str, list[str]]:
    py = str(PROJECT_PY)
    check = [
        FACTCHECK,
        "check",
        "--reference",
        str(SEEDS / "verkor-press-release.md"),
        str(SEEDS / "verkor-article.txt"),
        "--fail-on",
        "never",
    ]
    cmds = {
        "python -c pass": [py, "-c", "pass"],
        "import pydantic": [py, "-c", "import pydantic"],
        # pydantic builds its schema machinery on the first model class: the floor of
        # any tool whose data model is pydantic, before it reads a byte.
        "import pydantic + one model": [py, "-c", PYDANTIC_MODEL],
        "import factcheck": [py, "-c", "import factcheck"],
        "import factcheck.model": [py, "-c", "import factcheck.model"],
        "import factcheck.config": [py, "-c", "import factcheck.config"],
        "pint UnitRegistry()": [py, "-c", "import pint; pint.UnitRegistry()"],
        "factcheck --version": [FACTCHECK, "--version"],
        "factcheck check (seeds)": check + (["--no-cache"] if cli_has_cache else []),
    }
    if cli_has_cache:
        cmds["factcheck check (seeds, warm cache)"] = check
    return cmds


def cli_has_cache() -> bool:
    """Whether the lead has wired the claims cache into the CLI (api.run takes a cache)."""
    probe = (
        "import inspect, factcheck.api as a; p = inspect.signature(a.run).parameters; "
        "print('cache' in p or 'cache_dir' in p)"
    )
    out = subprocess.run(
        [str(PROJECT_PY), "-c", probe], capture_output=True, text=True, check=False
    )
    return out.stdout.strip() == "True"


def measure(cmds: dict[str, list[str]], repeat: int, env: dict[str, str], cwd: Path) -> dict:
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for cmd in cmds.values():  # warm-up: bytecode, page cache, the claims cache
        subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, check=False)
    for _ in range(repeat):
        for name, cmd in cmds.items():
            t = time.perf_counter()
            subprocess.run(
                cmd,
                env=env,
                cwd=cwd,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            times[name].append(time.perf_counter() - t)
    return {name: statistics.median(ts) for name, ts in times.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    cached = cli_has_cache()
    cmds = commands(cached)
    with tempfile.TemporaryDirectory() as tmp:
        med = measure(cmds, args.repeat, bytecode_env(Path(tmp) / "pyc"), Path(tmp))
        env = dict(bytecode_env(Path(tmp) / "pyc"), PYTHONDONTWRITEBYTECODE="1")
        env.pop("PYTHONPYCACHEPREFIX")
        check_name = "factcheck check (seeds)"
        no_pyc = measure({check_name: cmds[check_name]}, max(3, args.repeat // 3), env, Path(tmp))
    base = med["import pydantic"]
    rows = [[name, f"{t * 1000:.0f}", f"{t / base:.2f}x"] for name, t in med.items()]
    rows.append(
        [
            f"{check_name}, no bytecode cache",
            f"{no_pyc[check_name] * 1000:.0f}",
            f"{no_pyc[check_name] / base:.2f}x",
        ]
    )
    ratio = med[check_name] / base
    say(f"== cold start (median of {args.repeat}, ms; ratio to `python -c 'import pydantic'`)")
    say(table(rows, ["command", "median ms", "x import pydantic"]))
    verdict = "met" if ratio <= 3 else "NOT met"
    say(f"target: seed check <= 3x import pydantic: {ratio:.2f}x ({verdict})")
    figures = {"median_s": med, "no_bytecode_s": no_pyc, "ratio": ratio, "repeat": args.repeat}
    write_json(args.json, figures | {"target_met": ratio <= 3, "cli_cache": cached})
    return 0


if __name__ == "__main__":
    sys.exit(main())
