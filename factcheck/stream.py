"""Checking many drafts against a few references, one draft at a time.

When documents have roles, cross-document rules only ever compare a draft with
the references. So each draft can be analysed and checked on its own — against
the references, which are analysed once — and then dropped: memory stays flat
and the work spreads over processes. A worker receives the references once (as
cache-entry JSON, never pickle) and returns, per draft, only its summary, its
findings packed as report JSON (`PackedFindings`) and, when asked, its source text.

The results cache keeps the same packed findings: a re-check reads a small header
per draft and hands the compressed findings on to the report writer unparsed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from factcheck import suppress
from factcheck.checks import Registry, default_registry
from factcheck.config import Settings
from factcheck.corpus import Corpus, DocInput, RunContext
from factcheck.engine import run_rules
from factcheck.errors import InputFileError
from factcheck.ingest import Limits, printable_path
from factcheck.model import DocumentSummary, Finding, InputError, Role
from factcheck.progress import Progress
from factcheck.report.packed import PackedFindings, dump_stored, load_stored, pack, unpack
from factcheck.rulepack import Rule


@dataclass(frozen=True)
class Setup:
    """What checking one draft needs besides the draft itself (sent to workers once)."""

    settings: Settings
    # (entry JSON, sha256, format) per reference, for worker processes
    references: tuple[tuple[bytes, str, str], ...]
    known_codes: frozenset[str]
    report_unused: bool
    keep_source: bool
    cache_root: str | None
    cache_key: str


@dataclass(frozen=True)
class DraftResult:
    path: str
    summary: DocumentSummary | None = None
    packed: PackedFindings = field(default_factory=PackedFindings)
    suppressed: int = 0
    source: str | None = None
    error: InputError | None = None

    @property
    def findings(self) -> list[Finding]:
        """The draft's findings as models (unpacked on each call)."""
        return unpack(self.packed)


@dataclass
class _Worker:
    """A process's prepared state: the references, rules and context, built once."""

    setup: Setup
    refs: tuple[DocInput, ...]
    rules: list[Rule]
    registry: Registry
    ctx: RunContext

    @cached_property
    def limits(self) -> Limits:
        return Limits(max_bytes=int(self.setup.settings.max_file_mb * 1024 * 1024))

    @cached_property
    def key_basis(self) -> tuple[str, str, str, str]:
        """What every result key shares: references, settings, known codes, unused flag."""
        setup = self.setup
        refs = ",".join(f"{d.document.id}={d.document.sha256}" for d in self.refs)
        codes = ",".join(sorted(setup.known_codes))
        return refs, setup.settings.model_dump_json(), codes, str(setup.report_unused)


def summary_of(doc: DocInput) -> DocumentSummary:
    d = doc.document
    return DocumentSummary(
        id=d.id,
        role=d.role,
        format=d.format,
        sha256=d.sha256,
        claims=len(doc.claims),
        notices=d.notices,
    )


@dataclass(frozen=True)
class Prepared:
    """What a caller has already built from the Setup's settings: the enabled rules,
    the registry they were loaded with and the run context (so they are not rebuilt)."""

    rules: list[Rule]
    registry: Registry
    ctx: RunContext


def prepare(
    setup: Setup, refs: tuple[DocInput, ...] | None = None, built: Prepared | None = None
) -> _Worker:
    """Rules and context from a Setup, in this process (or `built`, when the caller has
    them); the references are `refs` when the caller has them, else rebuilt from the
    Setup's packed references (in a worker)."""
    if refs is None:
        from factcheck.cache import parse_entry

        refs = tuple(
            doc
            for raw, sha256, fmt in setup.references
            if (doc := parse_entry(raw, REF_KEY, sha256, fmt)) is not None
        )
    if built is None:
        built = _build(setup)
    return _Worker(setup, refs, built.rules, built.registry, built.ctx)


def _build(setup: Setup) -> Prepared:
    from factcheck.api import run_context
    from factcheck.engine import load_rules

    registry = default_registry()
    rules = load_rules(setup.settings, registry)
    return Prepared(rules, registry, run_context(setup.settings))


REF_KEY = "reference"


def pack_reference(doc: DocInput) -> tuple[bytes, str, str]:
    """A reference as it travels to workers: JSON, not pickle."""
    from factcheck.cache import entry_json

    return entry_json(doc, REF_KEY), doc.document.sha256, doc.document.format


def check_one(worker: _Worker, path: str, role: Role) -> DraftResult:
    """Analyse one draft, run document rules on it and cross rules against the references.

    With a cache, the result itself is kept too, keyed by the draft's content, its
    path and role, the references and the settings: an unchanged draft checked
    against unchanged references is not analysed or checked again.
    """
    key = _result_key(worker, path, role)
    cached = _cached_result(worker, key, path)
    if cached is not None:
        return cached
    result = _check(worker, path, role)
    if key is not None and result.summary is not None:
        _store_result(worker, key, result)
    return result


def _check(worker: _Worker, path: str, role: Role) -> DraftResult:
    try:
        doc = _analysed(worker, path, role)
    except InputFileError as exc:
        return DraftResult(path, error=InputError(path=printable_path(path), message=exc.reason))
    doc_rules = [r for r in worker.rules if r.spec.scope == "document"]
    cross_rules = [r for r in worker.rules if r.spec.scope == "cross"]
    findings = run_rules(doc_rules, Corpus(docs=(doc,)), worker.registry, worker.ctx)
    findings += run_rules(
        cross_rules, Corpus(docs=(*worker.refs, doc)), worker.registry, worker.ctx
    )
    kept, hidden, meta = suppress.apply(
        findings, [doc], set(worker.setup.known_codes), worker.setup.report_unused
    )
    source = (doc.document.source or doc.document.text) if worker.setup.keep_source else None
    return DraftResult(path, summary_of(doc), pack([*kept, *meta]), hidden, source)


def _result_key(worker: _Worker, path: str, role: Role) -> str | None:
    from factcheck.parallel import content_key

    if not worker.setup.cache_root:
        return None
    found = content_key(path, worker.limits)
    if found is None:
        return None
    basis = "\x1f".join((worker.setup.cache_key, *found, path, role, *worker.key_basis))
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()


def _result_path(worker: _Worker, key: str) -> Path:
    return Path(worker.setup.cache_root or ".") / "results" / key[:2] / f"{key}.fc"


def _cached_result(worker: _Worker, key: str | None, path: str) -> DraftResult | None:
    """A stored result for this key, if whole and valid (anything else is a miss).

    The packed findings are checked (size, CRC) but not parsed: see `load_stored`.
    """
    if key is None:
        return None
    try:
        loaded = load_stored(_result_path(worker, key).read_bytes(), key)
    except OSError:
        return None
    if loaded is None:
        return None
    summary, suppressed, packed = loaded
    source = _read_source(path) if worker.setup.keep_source else None
    return DraftResult(path, summary, packed, suppressed, source)


def _read_source(path: str) -> str | None:
    """The decoded source, for showing source lines (only text-like formats)."""
    from factcheck.ingest import load_document

    try:
        doc = load_document(path)
    except InputFileError:
        return None
    return doc.source or doc.text


def _store_result(worker: _Worker, key: str, result: DraftResult) -> None:
    from factcheck.normalise import write_cache_file

    assert result.summary is not None
    stored = dump_stored(key, result.summary, result.suppressed, result.packed)
    write_cache_file(_result_path(worker, key), stored)


def _analysed(worker: _Worker, path: str, role: Role) -> DocInput:
    from factcheck.api import analyse
    from factcheck.cache import ClaimsCache
    from factcheck.ingest import load_document
    from factcheck.parallel import content_key

    setup = worker.setup
    limits = worker.limits
    cache = ClaimsCache(setup.cache_root, setup.cache_key) if setup.cache_root else None
    if cache is not None and (found := content_key(path, limits)) is not None:
        shown = printable_path(path)
        hit = cache.get(*found, doc_id=shown, path=shown, role=role)
        if hit is not None:
            return hit
    doc = analyse(load_document(path, role=role, limits=limits), worker.ctx.gazetteer)
    if cache is not None:
        cache.put(doc)
    return doc


# --- running many -----------------------------------------------------------------

# Each worker process holds its prepared state here, set once by the pool's
# initializer: the usual way to give pool workers large read-only data.
_PROCESS_WORKER: _Worker | None = None


def _init(setup: Setup) -> None:
    global _PROCESS_WORKER
    _PROCESS_WORKER = prepare(setup)


def _pooled_check(task: tuple[str, Role]) -> DraftResult:
    assert _PROCESS_WORKER is not None, "worker used before its initializer ran"
    return check_one(_PROCESS_WORKER, *task)


def check_drafts(
    tasks: Sequence[tuple[str, Role]],
    setup: Setup,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    references: Sequence[DocInput] = (),
    built: Prepared | None = None,
) -> Iterator[DraftResult]:
    """Results for each (path, role), in input order, `jobs` processes at a time.

    `references` are the analysed references; they are packed into the Setup only
    when worker processes are started (a small run never serialises them).
    Cached results are read here first; only the drafts that changed go to the
    workers, so a re-check of an unchanged corpus starts no pool at all. `built`:
    the rules and context the caller made from `setup.settings` (else made here).
    """
    total = len(tasks)
    worker = prepare(setup, tuple(references) if references else None, built)
    cached = [_cached_result(worker, _result_key(worker, *t), t[0]) for t in tasks]
    todo = [t for t, hit in zip(tasks, cached, strict=True) if hit is None]
    fresh = iter(_compute(todo, setup, worker, jobs))
    merged = (hit if hit is not None else next(fresh) for hit in cached)
    yield from _reporting(merged, total, progress)


def _compute(
    todo: Sequence[tuple[str, Role]], setup: Setup, worker: _Worker, jobs: int
) -> Iterator[DraftResult]:
    if jobs <= 1 or len(todo) < 4:
        yield from (check_one(worker, *t) for t in todo)
        return
    from concurrent.futures import ProcessPoolExecutor  # ~5 ms of imports: only when used

    chunksize = max(1, min(16, len(todo) // (jobs * 8)))
    workers = min(jobs, len(todo))
    if not setup.references and worker.refs:
        setup = replace(setup, references=tuple(pack_reference(d) for d in worker.refs))
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(setup,)) as pool:
        yield from pool.map(_pooled_check, todo, chunksize=chunksize)


def _reporting(results: Any, total: int, progress: Progress | None) -> Iterator[DraftResult]:
    for done, result in enumerate(results, 1):
        if progress is not None:
            progress(done, total, result.path)
        yield result
