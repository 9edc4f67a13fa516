"""The progress bar of long runs: tqdm on a terminal, nothing otherwise."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import IO, Any

Progress = Callable[[int, int, str], None]

SHOW_AFTER_SECONDS = 1.0  # runs shorter than this draw nothing
FRAME_SECONDS = 0.1  # at most ten redraws a second


def progress_bar(
    stream: IO[str] | None = None,
    delay: float = SHOW_AFTER_SECONDS,
    frame_seconds: float = FRAME_SECONDS,
) -> Progress | None:
    """A progress callback `(done, total, path)` drawing one line on `stream` (stderr).
    Each phase of a run (references, then drafts) counts from 1 to its own total.

    None when the stream is not a terminal or when running in CI, so that logs and
    redirected output stay clean. tqdm is imported only when a bar may be drawn."""
    out = sys.stderr if stream is None else stream
    if not out.isatty() or os.environ.get("CI"):
        return None
    from tqdm import tqdm

    open_bars: list[Any] = []  # the bar being drawn; a run may show one per phase

    def draw(done: int, total: int, path: str) -> None:
        if not open_bars:
            open_bars.append(
                tqdm(
                    total=total,
                    file=out,
                    delay=delay,
                    mininterval=frame_seconds,
                    unit="doc",
                    leave=False,
                    dynamic_ncols=True,
                )
            )
        bar = open_bars[0]
        bar.set_postfix_str(path[-40:], refresh=False)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()
            open_bars.clear()

    return draw
