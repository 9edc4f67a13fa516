"""`factcheck rules`: the configured rules with their documentation."""

from __future__ import annotations

import argparse
import json
import sys


def run_rules_command(args: argparse.Namespace) -> int:
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
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for r in rules:
        sys.stdout.write(
            f"{r.code}  {r.spec.name:<28} {r.spec.severity:<8} {r.spec.scope:<8} {r.spec.summary}\n"
        )
    return 0
