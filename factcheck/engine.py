"""The rule engine: resolve packs into rules, run them with the right scope, order findings."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from factcheck.checks import Hit, Registry
from factcheck.config import SHIPPED_RULES, Settings, check_codes, validate_params
from factcheck.corpus import Corpus, DocInput, RunContext
from factcheck.errors import RulePackError
from factcheck.model import Finding, trusted
from factcheck.rulepack import Rule, check_unique, load_pack


def pack_path(name: str) -> Path:
    """A shipped pack by name (`core`), or a path to a pack file."""
    if "/" in name or name.endswith((".yaml", ".yml")):
        return Path(name)
    return SHIPPED_RULES / f"{name}.yaml"


def load_rules(settings: Settings, registry: Registry) -> list[Rule]:
    """Every enabled rule of the configured packs, with config overrides applied."""
    return enabled_rules(load_all_rules(settings, registry), settings)


def enabled_rules(rules: list[Rule], settings: Settings) -> list[Rule]:
    """The rules that select/ignore and each rule's `enabled` let run."""
    return [r for r in rules if _enabled(r, settings)]


def load_all_rules(settings: Settings, registry: Registry) -> list[Rule]:
    """Every rule of the configured packs, enabled or not, with overrides applied."""
    rules: list[Rule] = []
    for name in settings.packs:
        path = pack_path(name)
        if not path.is_file():
            where = settings.config_path or "configuration"
            raise RulePackError(where, None, f"rule pack {name!r} not found ({path})")
        rules.extend(load_pack(path, registry))
    check_unique(rules)
    check_codes(settings, [r.code for r in rules])
    return [apply_overrides(r, settings, registry) for r in rules]


def _enabled(rule: Rule, settings: Settings) -> bool:
    if not settings.select and not rule.spec.enabled:
        return False
    return settings.is_enabled(rule.code)


def apply_overrides(rule: Rule, settings: Settings, registry: Registry) -> Rule:
    """Severity and parameter overrides from the configuration."""
    spec = rule.spec
    severity = settings.severity.get(rule.code, spec.severity)
    params = rule.params
    extra = settings.params.get(rule.code)
    if extra:
        kind = registry.get(spec.check)
        assert kind is not None
        merged = {**rule.params.model_dump(), **extra}
        params = validate_params(kind.params, merged, rule.code, settings)
    return rule.model_copy(
        update={"spec": spec.model_copy(update={"severity": severity}), "params": params}
    )


def run_rules(
    rules: Iterable[Rule], corpus: Corpus, registry: Registry, ctx: RunContext | None = None
) -> list[Finding]:
    """Run every rule at its scope and return findings in a stable order."""
    ctx = ctx or RunContext()
    findings: list[Finding] = []
    for rule in rules:
        kind = registry.get(rule.spec.check)
        assert kind is not None
        if rule.spec.scope == "document":
            for doc in corpus.docs:
                findings.extend(to_finding(rule, hit) for hit in kind.run(doc, rule.params, ctx))
        else:
            findings.extend(to_finding(rule, hit) for hit in kind.run(corpus, rule.params, ctx))
    return order(dedupe(findings))


SortKey = tuple[str, int, int, str, str]


def order_key(f: Finding) -> SortKey:
    """Where a finding stands in a report: document, line, column, rule, fingerprint."""
    loc = f.location
    return (loc.doc, loc.line, loc.column, f.rule, f.fingerprint)


def order(findings: list[Finding]) -> list[Finding]:
    """Findings in report order (stable: ties keep their order)."""
    return sorted(findings, key=order_key)


def dedupe(findings: list[Finding]) -> list[Finding]:
    """Identical fingerprints at the same place are one finding."""
    seen: set[tuple[str, str, int]] = set()
    out = []
    for f in findings:
        key = (f.fingerprint, f.location.doc, f.location.start)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def render_message(template: str, evidence: dict[str, str]) -> str:
    """Fill `{name}` placeholders (validated at load time) from the evidence."""
    return template.format_map(_Defaulting(evidence))


class _Defaulting(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@lru_cache(maxsize=8192)
def normalise_key(text: str) -> str:
    """A claim text folded for fingerprints: NFKC, case, apostrophes, whitespace."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(folded.replace("’", "'").split())


def fingerprint(rule: Rule, doc: str, key: tuple[str, ...]) -> str:
    """Stable across runs and unrelated edits: rule, document and normalised claim texts."""
    basis = "\x1f".join((rule.code, doc, *map(normalise_key, key)))
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def to_finding(rule: Rule, hit: Hit) -> Finding:
    """The finding a rule reports for a hit.

    Built without validation (see `trusted_finding`): every field is a validated
    model (spans, related spans, the rule's spec) or a plain string made here."""
    spec = rule.spec
    return trusted_finding(
        {
            "rule": spec.id,
            "name": spec.name,
            "severity": spec.severity,
            "message": render_message(spec.message, hit.evidence),
            "location": hit.location,
            "sentence": hit.sentence,
            "related": list(hit.related),
            "fingerprint": fingerprint(rule, hit.location.doc, hit.key),
            "suggestion": hit.suggestion,
            "evidence": dict(hit.evidence),
            "diff": [(op, text) for op, text in hit.diff] if hit.diff else None,
        }
    )


def trusted_finding(fields: dict[str, Any]) -> Finding:
    """`Finding.model_construct(**fields)` for a complete set of fields, in field order.

    What `model_construct` does for a model without aliases, defaults to fill,
    extra fields or private attributes, minus its per-field bookkeeping: that
    bookkeeping made building a finding slower than validating it, for every
    finding of every draft. tests/engine/test_finding_construction.py checks the
    result against the validated model and these assumptions about `Finding`.
    """
    return trusted(Finding, fields)


__all__ = ["DocInput", "load_rules", "run_rules"]
