"""The pipeline from paths to a Report: ingest, segment, extract, run rules."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import __version__, suppress
from factcheck.cache import ClaimsCache
from factcheck.checks import Registry, default_registry
from factcheck.config import Settings
from factcheck.corpus import Corpus, DocInput, RunContext
from factcheck.engine import enabled_rules, load_all_rules, run_rules
from factcheck.errors import InputFileError
from factcheck.ingest import printable_path
from factcheck.model import (
    Document,
    DocumentSummary,
    Finding,
    InputError,
    Report,
    Role,
    RuleInfo,
)
from factcheck.parallel import analyse_all, resolve_roles
from factcheck.report.packed import Outcome, PackedFindings, pack, total_counts
from factcheck.rulepack import Rule
from factcheck.stream import DraftResult, Prepared, Progress, Setup, check_drafts, summary_of


@dataclass(frozen=True)
class Source:
    """One input file to read, with the role the command line or config gives it."""

    path: str
    role: Role | None = None


def walk(paths: Iterable[str], role: Role | None = None) -> tuple[list[Source], list[InputError]]:
    """Expand directories into their supported files (sorted, no symlink loops)."""
    from factcheck.ingest import SUPPORTED_SUFFIXES

    sources: list[Source] = []
    errors: list[InputError] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(_files_under(path, SUPPORTED_SUFFIXES))
            if not found:
                errors.append(
                    InputError(
                        path=printable_path(given), message="directory holds no supported files"
                    )
                )
            sources.extend(Source(str(p), role) for p in found)
        elif not path.exists() and not path.is_symlink():
            errors.append(
                InputError(path=printable_path(given), message="no such file or directory")
            )
        else:
            sources.append(Source(given, role))
    return sources, errors


def _files_under(root: Path, suffixes: Iterable[str]) -> Iterable[Path]:
    wanted = {s.lower() for s in suffixes}
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        stat = os.stat(folder)
        if (stat.st_dev, stat.st_ino) in seen:  # a symlink loop: do not go round again
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if Path(name).suffix.lower() in wanted and not name.startswith("."):
                yield Path(folder) / name


def analyse(document: Document, gazetteer: object | None = None) -> DocInput:
    """Segment and extract one document."""
    from factcheck.extract import extract_document
    from factcheck.segment import segment

    seg = segment(document.text)
    claims = extract_document(document, seg, gazetteer=gazetteer)
    return DocInput(document=document, segmentation=seg, claims=tuple(claims))


def run_context(settings: Settings) -> RunContext:
    """Shared data for the checks: the gazetteer (shipped plus the user's files)."""
    from factcheck.normalise.gazetteer import (
        default_gazetteer,
        default_gazetteer_paths,
        load_gazetteer,
    )

    if not settings.gazetteer:
        return RunContext(gazetteer=default_gazetteer())
    paths = default_gazetteer_paths() + [Path(p) for p in settings.gazetteer]
    return RunContext(gazetteer=load_gazetteer(paths))


def rule_infos(rules: Sequence[Rule]) -> list[RuleInfo]:
    return [
        RuleInfo(
            code=r.code,
            name=r.spec.name,
            check=r.spec.check,
            severity=r.spec.severity,
            scope=r.spec.scope,
            summary=r.spec.summary,
            pack=r.pack,
        )
        for r in rules
    ]


def build_report(
    summaries: Sequence[DocumentSummary],
    rules: Sequence[Rule],
    errors: Sequence[InputError],
    suppressed: int,
    counts: dict[str, int],
) -> Report:
    """The Report without its findings (they stay packed until written: see `Outcome`)."""
    return Report(
        version=__version__,
        documents=list(summaries),
        findings=[],
        counts=counts,
        packs=sorted({r.pack for r in rules}),
        rules=rule_infos(rules),
        errors=list(errors),
        suppressed=suppressed,
    )


def check(
    paths: Sequence[str],
    *,
    references: Sequence[str] = (),
    facts: str | None = None,
    settings: Settings | None = None,
    registry: Registry | None = None,
) -> Report:
    """Check documents and return the Report (the Python API behind `factcheck check`)."""
    return run(paths, references=references, facts=facts, settings=settings, registry=registry)[0]


@dataclass
class _Collected:
    """What a run gathers, document by document (findings packed, see `PackedFindings`)."""

    summaries: list[DocumentSummary] = field(default_factory=list)
    runs: list[PackedFindings] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    suppressed: int = 0
    meta: bool = False

    def add_checked(
        self, docs: Sequence[DocInput], findings: list[Finding], known: set[str], unused: bool
    ) -> None:
        kept, hidden, meta = suppress.apply(findings, docs, known, unused)
        self.summaries.extend(summary_of(d) for d in docs)
        self.sources.update({d.document.id: d.document.source or d.document.text for d in docs})
        self.runs.append(pack([*kept, *meta]))
        self.suppressed += hidden
        self.meta = self.meta or bool(meta)


def run(
    paths: Sequence[str],
    *,
    references: Sequence[str] = (),
    facts: str | None = None,
    settings: Settings | None = None,
    registry: Registry | None = None,
    report_unused: bool = False,
    jobs: int = 1,
    cache_dir: str | None = None,
    progress: Progress | None = None,
    keep_sources: bool = True,
) -> tuple[Report, dict[str, str]]:
    """Check documents; return the Report and each document's source text.

    With references, each draft is analysed and checked on its own against them
    (in `jobs` processes, through the claims cache under `cache_dir` if given), so
    memory does not grow with the number of drafts. Without, all documents are
    peers and are compared pair by pair.
    """
    outcome = run_packed(
        paths,
        references=references,
        facts=facts,
        settings=settings,
        registry=registry,
        report_unused=report_unused,
        jobs=jobs,
        cache_dir=cache_dir,
        progress=progress,
        keep_sources=keep_sources,
    )
    return outcome.report(), outcome.sources


def run_packed(
    paths: Sequence[str],
    *,
    references: Sequence[str] = (),
    facts: str | None = None,
    settings: Settings | None = None,
    registry: Registry | None = None,
    report_unused: bool = False,
    jobs: int = 1,
    cache_dir: str | None = None,
    progress: Progress | None = None,
    keep_sources: bool = True,
) -> Outcome:
    """`run`, with the findings left packed (what the CLI's JSON report streams)."""
    settings = settings or Settings()
    registry = registry or default_registry()
    every_rule = load_all_rules(settings, registry)
    rules = enabled_rules(every_rule, settings)
    known = {r.code for r in every_rule}  # suppressions may name disabled rules too
    ref_sources, ref_errors = walk(references, "reference")
    ref_paths = {os.path.normpath(s.path) for s in ref_sources}
    sources, errors = walk(paths)
    sources = ref_sources + [s for s in sources if os.path.normpath(s.path) not in ref_paths]
    roles = resolve_roles(sources, settings)
    ctx = run_context(settings)
    cache = _cache(cache_dir, settings)
    out = _Collected(errors=[*ref_errors, *errors])

    refs = [s for s, role in zip(sources, roles, strict=True) if role == "reference"]
    ref_docs, read_errors = analyse_all(refs, settings, cache=cache, gazetteer=ctx.gazetteer)
    out.errors.extend(read_errors)
    if facts:
        from factcheck.facts import load_facts

        try:
            ref_docs.insert(0, analyse(load_facts(facts), ctx.gazetteer))
        except InputFileError as exc:
            out.errors.append(InputError(path=printable_path(exc.path), message=exc.reason))
    others = [(s.path, role) for s, role in zip(sources, roles, strict=True) if role != "reference"]
    if ref_docs or any(role == "draft" for _, role in others):
        doc_rules = [r for r in rules if r.spec.scope == "document"]
        ref_findings = run_rules(doc_rules, Corpus(docs=tuple(ref_docs)), registry, ctx)
        out.add_checked(ref_docs, ref_findings, known, report_unused)
        setup = Setup(
            settings=settings,
            references=(),  # packed by check_drafts only if worker processes start
            known_codes=frozenset(known),
            report_unused=report_unused,
            keep_source=keep_sources,
            cache_root=str(cache.root) if cache else None,
            cache_key=cache.key if cache else "-",
        )
        built = Prepared(rules, registry, ctx)
        drafts = check_drafts(
            others, setup, jobs=jobs, progress=progress, references=ref_docs, built=built
        )
        for result in drafts:
            _add_result(out, result)
    else:
        peers = [Source(path, role) for path, role in others]
        docs, read_errors = analyse_all(
            peers, settings, jobs=jobs, cache=cache, gazetteer=ctx.gazetteer, progress=progress
        )
        out.errors.extend(read_errors)
        out.add_checked(
            docs, run_rules(rules, Corpus(docs=tuple(docs)), registry, ctx), known, report_unused
        )
    counts = total_counts(out.runs)
    head = build_report(out.summaries, rules, out.errors, out.suppressed, counts)
    if out.meta:
        head = head.model_copy(update={"rules": [*head.rules, *suppress.META_RULES]})
    return Outcome(head, out.runs, out.sources)


def _add_result(out: _Collected, result: DraftResult) -> None:
    if result.error is not None:
        out.errors.append(result.error)
        return
    assert result.summary is not None
    out.summaries.append(result.summary)
    out.runs.append(result.packed)
    out.suppressed += result.suppressed
    out.meta = out.meta or result.packed.meta
    if result.source is not None:
        out.sources[result.summary.id] = result.source


def _cache(cache_dir: str | None, settings: Settings) -> ClaimsCache | None:
    """The claims cache for this run's settings, or None when caching is off."""
    if cache_dir is None:
        return None
    from factcheck.cache import cache_key

    return ClaimsCache(cache_dir, cache_key(gazetteer_files=settings.gazetteer))
