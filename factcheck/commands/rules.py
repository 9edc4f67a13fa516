"""`factcheck rules`: the configured rules with their documentation."""

from __future__ import annotations

import argparse
import json
import sys


def run_rules_command(args: argparse.Namespace) -> int:
    from factcheck import suppress
    from factcheck.checks import default_registry
    from factcheck.config import load_config
    from factcheck.engine import load_rules

    registry = default_registry()
    rules = load_rules(load_config(args.config), registry)
    if args.format == "json":
        data = [
            {
                "code": r.code,
                "name": r.spec.name,
                "check": r.spec.check,
                "scope": r.spec.scope,
                "severity": r.spec.severity,
                "summary": r.spec.summary,
                "pack": r.pack,
                "params": r.params.model_dump(mode="json"),
                "doc": registry.kinds[r.spec.check].doc,
            }
            for r in rules
        ]
        data += [
            {
                "code": m.code,
                "name": m.name,
                "check": m.check,
                "scope": m.scope,
                "severity": m.severity,
                "summary": m.summary,
                "pack": m.pack,
                "params": {},
                "doc": suppress.__doc__ or "",
            }
            for m in suppress.META_RULES
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    rows: list[tuple[str, str, str, str, str]] = [
        (r.code, r.spec.name, r.spec.severity, r.spec.scope, r.spec.summary) for r in rules
    ]
    rows += [(m.code, m.name, m.severity, m.scope, m.summary) for m in suppress.META_RULES]
    for code, name, severity, scope, summary in rows:
        sys.stdout.write(f"{code}  {name:<28} {severity:<8} {scope:<8} {summary}\n")
    return 0
