"""User-written patterns: compiled only when they cannot backtrack catastrophically.

Python's `re` backtracks. A pattern is accepted only when no unbounded repeat
contains another repeat or an alternation, and it has no backreferences: those
are the shapes behind exponential or polynomial blow-up ("(a+)+", "(a|aa)*",
"(.*a){20}"). Everything else runs in time linear in the text for practical
purposes. Rejected patterns get a clear message; the user can rewrite them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

try:  # Python 3.11+: the parser moved
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

MAX_PATTERN_LENGTH = 1000
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_UNBOUNDED = 10  # a repeat allowing more than this many iterations counts as unbounded


class UnsafePattern(ValueError):
    """A pattern that could run in super-linear time, or that does not compile."""


def _walk(items: Any, inside_repeat: bool) -> None:
    for op, arg in items:
        name = str(op)
        if name in ("GROUPREF", "GROUPREF_EXISTS"):
            raise UnsafePattern("backreferences are not allowed")
        if name in _REPEATS:
            _, high, sub = arg
            unbounded = high is sre_parse.MAXREPEAT or high > _UNBOUNDED
            if inside_repeat and (unbounded or _has_repeat(sub)):
                raise UnsafePattern("a repeat inside a repeat (like (a+)+) can backtrack badly")
            _walk(sub, inside_repeat or unbounded)
        elif name == "BRANCH":
            if inside_repeat:
                raise UnsafePattern(
                    "an alternation inside a repeat (like (a|ab)*) can backtrack badly"
                )
            for branch in arg[1]:
                _walk(branch, inside_repeat)
        elif name == "SUBPATTERN":
            _walk(arg[-1], inside_repeat)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _walk(arg[1], inside_repeat)


def _has_repeat(items: Any) -> bool:
    for op, arg in items:
        name = str(op)
        if name in _REPEATS:
            return True
        if name == "SUBPATTERN" and _has_repeat(arg[-1]):
            return True
        if name == "BRANCH" and any(_has_repeat(b) for b in arg[1]):
            return True
    return False


@cache
def compile_safe(pattern: str, ignore_case: bool = True) -> re.Pattern[str]:
    """Compile `pattern` or raise UnsafePattern saying why it was refused."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UnsafePattern(f"pattern longer than {MAX_PATTERN_LENGTH} characters")
    flags = re.IGNORECASE if ignore_case else 0
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error as exc:
        raise UnsafePattern(f"invalid regular expression: {exc}") from None
    _walk(parsed, inside_repeat=False)
    return re.compile(pattern, flags)


def finditer_bounded(
    pattern: re.Pattern[str], text: str, window: int = 4096, overlap: int = 256
) -> list[tuple[int, int]]:
    """Match offsets of `pattern` in `text`, searching fixed-size windows.

    Even an accepted pattern such as `[a-z]+ing` is quadratic on one huge run of
    letters; searching windows caps that at O(len(text) * window). Matches longer
    than `overlap` that straddle two windows may be missed, which is acceptable
    for term rules.
    """
    found: dict[int, int] = {}
    step = max(1, window - overlap)
    for base in range(0, max(1, len(text)), step):
        chunk = text[base : base + window]
        for m in pattern.finditer(chunk):
            if m.end() > m.start():
                found.setdefault(base + m.start(), base + m.end())
        if base + window >= len(text):
            break
    return sorted(found.items())
