"""Helpers shared by the benchmarks: timing, process trees, results files."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PROJECT_PY = REPO / ".venv" / "bin" / "python"
BENCH_PY = BENCH / ".venv" / "bin" / "python"


def median_time(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` calls of fn, in seconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bytecode_env(prefix: Path) -> dict[str, str]:
    """The environment of an installed tool: bytecode cached (under `prefix`, not the repo)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(prefix)
    return env


def run_tree(
    cmd: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> dict:
    """Run cmd; wall seconds, exit code and peak resident memory (MB) summed over the
    whole process tree (the parent and its workers), sampled every 20 ms."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _group_rss(proc.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    return {"wall": wall, "rc": proc.returncode, "peak_mb": peak / 1e6, "stderr": err[-2000:]}


def _group_rss(pgid: int) -> int:
    total = 0
    page = os.sysconf("SC_PAGE_SIZE")
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[2]) == pgid:  # field 5 of stat: process group
                total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
        except (OSError, ValueError, IndexError):
            continue
    return total


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


def write_json(path: str | None, data: dict) -> None:
    """Write a benchmark's figures for run_all.py (when asked to)."""
    if path:
        Path(path).write_text(json.dumps(data, indent=1), encoding="utf-8")


def table(rows: list[list[str]], header: list[str]) -> str:
    """A markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def say(text: str) -> None:
    print(text, flush=True)
    sys.stdout.flush()
