"""Analyse many documents: in a process pool, through the claims cache, in input order.

`analyse_all` loads and analyses every input: roles resolved, unreadable files as
InputErrors, DocInputs in input order, with `jobs` worker processes and an
optional `ClaimsCache`.

What crosses the process boundary is small and cheap: a worker gets (path, limits)
and sends back the zlib-compressed cache entry (the JSON of Document, Segmentation
and Claims: ~10x smaller than pickled pydantic models). The parent rewrites the
entry's identity to this run's id/path/role and validates it (pydantic-core, fast),
so a corrupt cache entry is caught in one place and recomputed in-process.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from factcheck.cache import ClaimsCache, entry_bytes, parse_entry, unpack
from factcheck.corpus import DocInput
from factcheck.errors import InputFileError
from factcheck.ingest import printable_path
from factcheck.model import InputError, Role

if TYPE_CHECKING:
    from factcheck.api import Source
    from factcheck.config import Settings
    from factcheck.ingest import Limits

Progress = Callable[[int, int, str], None]  # (done, total, path of the document just done)
_NO_KEY = "-"  # the key of entries that only cross the process boundary


@dataclass(frozen=True)
class _Task:
    path: str
    role: Role
    limits: Limits
    cache_root: str | None
    cache_key: str
    gazetteer_files: tuple[str, ...] = ()  # the user's gazetteer files (settings.gazetteer)


@dataclass(frozen=True)
class _Done:
    """A worker's answer: the packed entry (with its sha256 and format), or an error."""

    path: str
    packed: bytes | None = None
    sha256: str = ""
    fmt: str = ""
    error: str | None = None


def resolve_roles(sources: Sequence[Source], settings: Settings) -> list[Role]:
    """Each source's role: as given, else by the configuration's globs, else draft
    (when some source is a reference) or peer."""
    given = [source.role or settings.role_for(source.path) for source in sources]
    unnamed: Role = "draft" if "reference" in given else "peer"
    return [role or unnamed for role in given]


def default_jobs() -> int:
    """Worker processes when the user does not say: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyse_all(
    sources: Sequence[Source],
    settings: Settings,
    *,
    jobs: int | None = 1,
    cache: ClaimsCache | None = None,
    gazetteer: object | None = None,
    progress: Progress | None = None,
) -> tuple[list[DocInput], list[InputError]]:
    """Load and analyse every source, `jobs` at a time.

    `jobs=1` (or a single source) runs in this process with `gazetteer`; more jobs
    use a process pool whose workers build the gazetteer from `settings`. With a
    `cache`, unchanged files are read from it and new analyses are written to it.
    Output order is input order; a bad file becomes an InputError, not a crash.
    """
    from factcheck.ingest import Limits

    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    limits = Limits(max_bytes=int(settings.max_file_mb * 1024 * 1024))
    root = str(cache.root) if cache is not None else None
    key = cache.key if cache is not None else _NO_KEY
    tasks = [
        _Task(s.path, role, limits, root, key, tuple(settings.gazetteer))
        for s, role in zip(sources, resolve_roles(sources, settings), strict=True)
    ]
    if jobs == 1 or len(tasks) < 2:
        return _collect(_in_process(tasks, cache, gazetteer), len(tasks), progress)
    return _collect(_pooled(tasks, jobs, cache, gazetteer), len(tasks), progress)


def _collect(
    results: Iterator[DocInput | InputError], total: int, progress: Progress | None
) -> tuple[list[DocInput], list[InputError]]:
    docs: list[DocInput] = []
    errors: list[InputError] = []
    for done, result in enumerate(results, 1):
        if isinstance(result, InputError):
            errors.append(result)
        else:
            docs.append(result)
        if progress is not None:
            progress(
                done, total, result.path if isinstance(result, InputError) else result.document.path
            )
    return docs, errors


def _in_process(
    tasks: list[_Task], cache: ClaimsCache | None, gazetteer: object | None
) -> Iterator[DocInput | InputError]:
    for task in tasks:
        hit = _cached(task, cache)
        if hit is not None:
            yield hit
            continue
        try:
            doc = _analyse(task, gazetteer)
        except InputFileError as exc:
            yield InputError(path=printable_path(task.path), message=exc.reason)
            continue
        if cache is not None:
            cache.put(doc)
        yield doc


def _cached(task: _Task, cache: ClaimsCache | None) -> DocInput | None:
    """The cached analysis of the file at task.path, if there is a valid one."""
    if cache is None:
        return None
    found = content_key(task.path, task.limits)
    if found is None:
        return None
    sha256, fmt = found
    shown = printable_path(task.path)
    return cache.get(sha256, fmt, doc_id=shown, path=shown, role=task.role)


def content_key(path: str, limits: Limits) -> tuple[str, str] | None:
    """(sha256 of the file's bytes, its input format), or None when the file cannot
    be read within the limits (the loader then reports why)."""
    from factcheck.ingest import detect_format

    try:
        if os.stat(path).st_size > limits.max_bytes:
            return None
        with open(path, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            return None
        return hashlib.sha256(data).hexdigest(), detect_format(path, data[:4096])
    except (OSError, InputFileError):
        return None


def _analyse(task: _Task, gazetteer: object | None) -> DocInput:
    from factcheck.api import analyse
    from factcheck.ingest import load_document

    document = load_document(task.path, role=task.role, limits=task.limits)
    return analyse(document, gazetteer)


# --- the pool ------------------------------------------------------------------


def _pooled(
    tasks: list[_Task],
    jobs: int,
    cache: ClaimsCache | None,
    gazetteer: object | None,
) -> Iterator[DocInput | InputError]:
    from concurrent.futures import ProcessPoolExecutor  # ~5 ms of imports: only when used

    chunksize = max(1, min(32, len(tasks) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
        for task, done in zip(tasks, pool.map(_work, tasks, chunksize=chunksize), strict=True):
            if done.error is not None:
                yield InputError(path=printable_path(done.path), message=done.error)
                continue
            doc = _unpacked(task, done)
            if doc is not None:
                yield doc
                continue
            [again] = _in_process([task], None, gazetteer)  # a corrupt entry: recompute here
            if isinstance(again, DocInput) and cache is not None:
                cache.put(again)  # ... and repair the cache
            yield again


def _unpacked(task: _Task, done: _Done) -> DocInput | None:
    shown = printable_path(task.path)
    raw = unpack(done.packed or b"", doc_id=shown, path=shown, role=task.role)
    return None if raw is None else parse_entry(raw, task.cache_key, done.sha256, done.fmt)


@cache
def _worker_gazetteer(files: tuple[str, ...]) -> object | None:
    """A worker's gazetteer (shipped plus the user's files), built once per process."""
    from factcheck.api import run_context
    from factcheck.config import Settings

    return run_context(Settings(gazetteer=files)).gazetteer


def _work(task: _Task) -> _Done:
    """In a worker: the packed cache entry for one file (from the cache, or computed)."""
    cache = ClaimsCache(task.cache_root, task.cache_key) if task.cache_root else None
    found = content_key(task.path, task.limits) if cache is not None else None
    if cache is not None and found is not None:
        stored = cache.read(*found)
        if stored is not None:
            return _Done(task.path, stored, *found)
    try:
        doc = _analyse(task, _worker_gazetteer(task.gazetteer_files))
    except InputFileError as exc:
        return _Done(task.path, error=exc.reason)
    packed = entry_bytes(doc, task.cache_key)
    if cache is not None:
        cache.store(doc.document.sha256, doc.document.format, packed)
    return _Done(task.path, packed, doc.document.sha256, doc.document.format)
