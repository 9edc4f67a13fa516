"""Two processes writing the same report path never leave a mixed or partial file."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from factcheck.report.output import write_atomic

ROUNDS = 40
A = "A" * 200_000 + "\nend of report A\n"
B = "B" * 150_000 + "\nend of report B\n"


def _writer(path: str, text: str, rounds: int, start: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    for _ in range(rounds):
        write_atomic(path, text)


def test_concurrent_writers_leave_one_whole_text(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    procs = [ctx.Process(target=_writer, args=(str(target), t, ROUNDS, start)) for t in (A, B)]
    for p in procs:
        p.start()
    start.set()
    seen: set[str] = set()
    while any(p.is_alive() for p in procs):
        if target.exists():
            text = target.read_text(encoding="utf-8")
            assert text in (A, B), f"mixed or partial file of {len(text)} chars"
            seen.add(text[0])
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert target.read_text(encoding="utf-8") in (A, B)
    assert seen  # the reader did look while the writers ran
    leftovers = [p.name for p in tmp_path.iterdir() if p != target]
    assert not leftovers  # no temporary files left behind
