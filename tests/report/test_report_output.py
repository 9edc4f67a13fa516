"""Atomic report writing and appending."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from factcheck.report.output import append_text, write_atomic


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "sub" / "report.html"
    write_atomic(target, "first\n")
    assert target.read_text() == "first\n"
    write_atomic(target, "second ✓\r\n")
    assert target.read_bytes() == "second ✓\r\n".encode()
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.html"]


def test_new_files_are_0644_and_existing_modes_kept(tmp_path):
    target = tmp_path / "r.txt"
    write_atomic(target, "x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o600)
    write_atomic(target, "y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_failure_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    target.write_text("old")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_unencodable_text_leaves_nothing_behind(tmp_path):
    target = tmp_path / "r.txt"
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "caf\u00e9 \udcff")
    assert list(tmp_path.iterdir()) == []


def test_concurrent_writers_never_mix(tmp_path):
    target = tmp_path / "r.txt"
    texts = [str(i) * 200_000 for i in range(8)]
    threads = [threading.Thread(target=write_atomic, args=(target, t)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert target.read_text() in texts
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_append_text_separates_blocks(tmp_path):
    summary = tmp_path / "summary.md"
    append_text(summary, "## one")
    append_text(summary, "## two\n")
    assert summary.read_text() == "## one\n\n## two\n"
