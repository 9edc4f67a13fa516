"""The progress bar: drawn on a terminal only, never in CI or into a redirected stream."""

from __future__ import annotations

import io

import pytest

from factcheck.progress import progress_bar


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def screen_after(
    monkeypatch: pytest.MonkeyPatch, calls: list[tuple[int, int, str]], **timing: float
) -> str:
    """What a terminal shows after the progress callbacks `calls`."""
    monkeypatch.delenv("CI", raising=False)
    screen = FakeTerminal()
    draw = progress_bar(screen, **timing)
    assert draw is not None
    for call in calls:
        draw(*call)
    return screen.getvalue()


def test_draws_done_and_total_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = [(done, 3, f"drafts/article-{done}.txt") for done in range(1, 4)]
    shown = screen_after(monkeypatch, calls, delay=0, frame_seconds=0)
    assert "2/3" in shown
    assert "article-2.txt" in shown


def test_each_phase_gets_its_own_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = [(1, 1, "reference.md"), *((done, 5, f"drafts/{done}.txt") for done in range(1, 6))]
    shown = screen_after(monkeypatch, calls, delay=0, frame_seconds=0)
    assert "1/1" in shown
    assert "4/5" in shown


def test_a_short_run_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = [(done, 3, "a.txt") for done in range(1, 4)]
    assert "3/3" not in screen_after(monkeypatch, calls)


def test_silent_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert progress_bar(io.StringIO(), delay=0) is None


def test_silent_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert progress_bar(FakeTerminal(), delay=0) is None
