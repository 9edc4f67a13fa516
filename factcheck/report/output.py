"""Writing reports to disk: atomically (never a partial or mixed file), or appended."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def _fsync_dir(directory: Path) -> None:
    """Best effort: make the rename durable (not possible on every platform)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never a mix.

    The text goes to a temporary file in the same directory (created if missing), is
    flushed and fsynced, then renamed over `path` with os.replace. Concurrent writers each
    use their own temporary file, so the last rename wins whole. On any error the
    temporary file is removed and `path` is left as it was. An existing file's permission
    bits are kept; a new file gets 0644.
    """
    write_atomic_chunks(path, [text.encode(encoding)])


def write_atomic_chunks(path: str | os.PathLike[str], chunks: Iterable[bytes]) -> None:
    """Like `write_atomic`, for content given piece by piece (never held whole)."""
    target = Path(path)
    directory = target.parent
    directory.mkdir(parents=True, exist_ok=True)
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(directory)


def append_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Append `text` to `path` (e.g. $GITHUB_STEP_SUMMARY), ending it with a newline.

    A blank line is put first when the file already has content, so successive
    appends stay separate Markdown blocks.
    """
    target = Path(path)
    if not text.endswith("\n"):
        text += "\n"
    with open(target, "a", encoding=encoding, newline="") as fh:
        if fh.tell() > 0:
            text = "\n" + text
        fh.write(text)
