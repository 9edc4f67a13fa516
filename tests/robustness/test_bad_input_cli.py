"""Bad and hostile inputs through the command line, as a user would meet them.

Each case builds its inputs in a temporary directory and runs `factcheck check` as a
subprocess twice (JSON and Markdown to a file). Whatever the input: no traceback, one
clear message on stderr, inputs unchanged (sha256), no report or temporary file left
when nothing could be checked, and exit code 2 for errors (0 with a notice for an
empty document; 0 or 1 for inputs that are odd but readable).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ingest.ingest_builders import encrypted_pdf, make_docx

GOOD = "The plant will reach 16 GWh by 2030 and employ 1,200 people.\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)
BOMB = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + BOMB


@dataclass(frozen=True)
class Case:
    """One bad input: `build` writes files and returns the CLI arguments before --format."""

    name: str
    build: Callable[[Path], list[str]]
    expect: str  # "error" (an input), "config" (nothing runs), "empty" or "ok"
    words: str = ""  # what stderr must say (error and empty cases)
    check: Callable[[Path, str], None] | None = None  # extra checks on the written report


def _file(name: str, data: bytes) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        (tmp / name).write_bytes(data)
        return [name]

    return build


def _loop(tmp: Path) -> list[str]:
    root = tmp / "docs"
    (root / "sub").mkdir(parents=True)
    (root / "a.md").write_text(GOOD, encoding="utf-8")
    (root / "sub" / "b.txt").write_text("It raised €3 billion in 2024.\n", encoding="utf-8")
    (root / "sub" / "up").symlink_to("..")
    (root / "self").symlink_to(".")
    return ["docs"]


def _once_each(report: Path, fmt: str) -> None:
    """The files inside a symlink loop are each checked once."""
    text = report.read_text(encoding="utf-8")
    if fmt == "json":
        ids = [d["id"] for d in json.loads(text)["documents"]]
        assert len(ids) == len(set(ids)) == 2, ids
    else:
        assert text.count("a.md") >= 1


def _unreadable(tmp: Path) -> list[str]:
    path = tmp / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):
        path.chmod(0o600)
        pytest.skip("running as a user (root) who can read mode-000 files")
    return ["secret.txt"]


def _truncated_docx(tmp: Path) -> list[str]:
    data = make_docx([GOOD])
    return _file("cut.docx", data[: len(data) // 2])(tmp)


def _long_line(tmp: Path) -> list[str]:
    filler = "and the words go on without any figure in them at all, line after line, "
    text = "The plant will reach 16 GWh by 2030. " + filler * (5_000_000 // len(filler))
    return _file("long.txt", text[:5_000_000].encode())(tmp)


def _config(config: str, extra: dict[str, str] | None = None) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        (tmp / "a.md").write_text(GOOD, encoding="utf-8")
        (tmp / "factcheck.yaml").write_text(config, encoding="utf-8")
        for name, text in (extra or {}).items():
            (tmp / name).write_text(text, encoding="utf-8")
        return ["a.md"]

    return build


def _explicit_config(tmp: Path) -> list[str]:
    (tmp / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    return ["a.md", "--config", "bomb.yaml"]


def _mentions_euro(report: Path, fmt: str) -> None:
    """Invalid bytes in a UTF-8 file do not turn the rest into mojibake."""
    text = report.read_text(encoding="utf-8")
    assert "竄" not in text and "â‚¬" not in text


CASES = [
    Case("nonexistent", lambda tmp: ["nope.md"], "error", "nope.md: no such file or directory"),
    Case("symlink loop", _loop, "ok", check=_once_each),
    Case("unreadable", _unreadable, "error", "permission denied"),
    Case("binary named txt", _file("photo.txt", PNG), "error", "binary file (PNG image)"),
    Case("truncated docx", _truncated_docx, "error", "not a valid .docx"),
    Case("encrypted pdf", lambda tmp: _file("enc.pdf", encrypted_pdf())(tmp), "error", "encrypted"),
    Case("corrupt pdf", _file("bad.pdf", b"%PDF-1.4\ngarbage\n"), "error", "corrupt PDF"),
    Case("empty", _file("empty.md", b""), "empty", "empty document"),
    Case("whitespace only", _file("blank.txt", b" \n\t\r\n   \n"), "empty", "empty document"),
    Case("5 MB single line", _long_line, "ok"),
    Case("NUL bytes", _file("nul.txt", b"16 GWh\x00\x00 by 2030"), "error", "NUL bytes"),
    Case(
        "invalid UTF-8 in UTF-8",
        _file("mixed.md", "It raised €3 billion in Région Sud \xff.\n".encode()[:-3] + b"\xff.\n"),
        "ok",
        check=_mentions_euro,
    ),
    Case("non-UTF-8 file name", _file("caf\udce9.md", GOOD.encode()), "ok"),  # bytes caf\xe9.md
    Case(
        "right-to-left marks",
        _file("rtl.md", "\u200fThe plant \u202e16 GWh\u202c by \u200f2030.\u200e\n".encode()),
        "ok",
    ),
    Case(
        "malformed rule YAML",
        _config("packs: [core, bad.yaml]\n", {"bad.yaml": "pack: x\nrules: [\n"}),
        "config",
        "bad.yaml:",
    ),
    Case(
        "alias bomb as rule pack",
        _config("packs: [core, bomb.yaml]\n", {"bomb.yaml": BOMB}),
        "config",
        "aliases are not allowed",
    ),
    Case("alias bomb as config", _config(BOMB), "config", "aliases are not allowed"),
    Case("alias bomb as --config", _explicit_config, "config", "aliases are not allowed"),
    Case(
        "config with missing packs",
        _config("packs: [core, missing.yaml]\n"),
        "config",
        "missing.yaml' not found",
    ),
]


def _digests(folder: Path) -> dict[str, str]:
    """Every input file's hash (the claims cache the run may add is not an input)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if ".factcheck-cache" in path.parts:
            continue
        if path.is_file() and not path.is_symlink() and os.access(path, os.R_OK):
            out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "check", *args],
        capture_output=True,
        text=True,
        errors="replace",
        cwd=cwd,
        timeout=600,
    )


@pytest.mark.parametrize("fmt", ["json", "markdown"])
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(tmp_path: Path, case: Case, fmt: str) -> None:
    work = tmp_path / "in"
    work.mkdir()
    outdir = tmp_path / "out"
    outdir.mkdir()
    args = case.build(work)
    before = _digests(work)
    report = outdir / ("r.json" if fmt == "json" else "r.md")
    proc = _run([*args, "--format", fmt, "--output", str(report)], cwd=work)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert _digests(work) == before  # inputs are only read
    leftovers = sorted(p.name for p in outdir.iterdir() if p != report)
    assert not leftovers  # no temporary report files
    if case.expect in ("error", "config"):
        assert proc.returncode == 2, proc.stderr
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        assert any(case.words in line for line in lines), proc.stderr
        if case.expect == "config":
            assert not report.exists()  # a broken configuration: nothing is checked
            return
        # Nothing could be checked; the report still says why (CI steps upload it).
        text = report.read_text(encoding="utf-8")
        if fmt == "json":
            data = json.loads(text)
            assert data["errors"] and not data["documents"]
        else:
            assert text.startswith("#")
        return
    assert proc.returncode in ((0,) if case.expect == "empty" else (0, 1)), proc.stderr
    assert case.words in proc.stderr
    text = report.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["documents"]
    else:
        assert text.startswith("#")
    if case.check:
        case.check(report, fmt)


def test_non_utf8_names_on_cache_hit_and_in_errors(tmp_path: Path) -> None:
    """Lone surrogates from a non-UTF-8 file name never reach a report (cache hit, error)."""
    (tmp_path / "caf\udce9.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b\udce9.txt").write_bytes(PNG)
    for args in (["caf\udce9.md"], ["caf\udce9.md"], ["caf\udce9.md", "b\udce9.txt"]):
        report = tmp_path / "r.json"
        proc = _run([*args, "--format", "json", "--output", str(report)], cwd=tmp_path)
        assert "Traceback" not in proc.stderr, proc.stderr
        assert json.loads(report.read_text(encoding="utf-8"))["documents"]
