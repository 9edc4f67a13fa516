"""The progress bar: drawn on a terminal only, never in CI or into a redirected stream."""

from __future__ import annotations

import io

import pytest

from factcheck.progress import progress_bar


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_draws_done_and_total_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    screen = FakeTerminal()
    draw = progress_bar(screen, delay=0, frame_seconds=0)
    assert draw is not None
    for done in range(1, 4):
        draw(done, 3, f"drafts/article-{done}.txt")
    assert "2/3" in screen.getvalue()
    assert "article-2.txt" in screen.getvalue()


def test_each_phase_gets_its_own_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    screen = FakeTerminal()
    draw = progress_bar(screen, delay=0, frame_seconds=0)
    assert draw is not None
    draw(1, 1, "reference.md")
    for done in range(1, 6):
        draw(done, 5, f"drafts/{done}.txt")
    assert "1/1" in screen.getvalue()
    assert "4/5" in screen.getvalue()


def test_a_short_run_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    screen = FakeTerminal()
    draw = progress_bar(screen)
    assert draw is not None
    for done in range(1, 4):
        draw(done, 3, "a.txt")
    assert "3/3" not in screen.getvalue()


def test_silent_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert progress_bar(io.StringIO(), delay=0) is None


def test_silent_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert progress_bar(FakeTerminal(), delay=0) is None
