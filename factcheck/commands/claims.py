"""`factcheck claims`: show what extraction found, for people (text) or tools (json/jsonl)."""

from __future__ import annotations

import argparse
import json
import sys

from factcheck.model import Claim


def number(value: float) -> str:
    """12,000,000 rather than 1.2e+07; decimals kept as written."""
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def describe(claim: Claim) -> str:
    """A one-line, human summary of a claim's normalised value."""
    text = _value(claim)
    extras = [f"{k}={v}" for k, v in (("about", claim.attribute), ("time", claim.time)) if v]
    if claim.speaker and claim.kind != "quote":
        extras.append(f"speaker={claim.speaker}")
    return text + (f"  ({', '.join(extras)})" if extras else "")


def _value(claim: Claim) -> str:
    v = claim.value
    if v.kind == "quantity":
        if v.low is not None and v.high is not None:
            amount = f"{number(v.low)}–{number(v.high)}"
        else:
            amount = number(v.magnitude) if v.magnitude is not None else "?"
        parts = [v.bound if v.bound != "exact" else "", amount, v.unit]
        if v.rate:
            parts.append(f"per {v.rate}")
        if v.modifier:
            parts.append(f"({v.modifier})")
        if v.vague:
            parts.append("[vague]")
        return " ".join(p for p in parts if p) + f"  [{v.dimension}]"
    if v.kind == "date":
        extra = " dateline" if v.dateline else ""
        rel = f" from {v.relative!r}" if v.relative else ""
        return f"{v.bound} {v.iso} ({v.granularity}){extra}{rel}"
    if v.kind == "ordinal":
        scope = f" in {v.scope} ({v.scope_kind})" if v.scope else ""
        return f"rank {v.rank} {v.category}{scope}"
    if v.kind == "entity":
        return f"{v.name}" + (f" [{v.list_lead_in}]" if v.list_lead_in else "")
    if v.kind == "list":
        return f"{v.lead_in}: {len(v.items)} items"
    if v.kind == "quote":
        who = v.speaker or ("term" if v.is_term else "unattributed")
        words = v.text if len(v.text) <= 60 else v.text[:57] + "…"
        return f"{who}: “{words}”"
    return f"{v.person}: {v.title}"


def run_claims(args: argparse.Namespace) -> int:
    from factcheck.api import run_context, walk
    from factcheck.config import load_config
    from factcheck.parallel import analyse_all

    settings = load_config()
    sources, errors = walk(args.paths)
    gazetteer = run_context(settings).gazetteer
    docs, read_errors = analyse_all(sources, settings, gazetteer=gazetteer)
    for error in [*errors, *read_errors]:
        print(f"factcheck: error: {error.path}: {error.message}", file=sys.stderr)
    out = sys.stdout
    for doc in docs:
        if args.format == "text":
            out.write(f"{doc.document.id}: {len(doc.claims)} claims\n")
            if not doc.claims:
                out.write("  (no claims found)\n")
        for claim in doc.claims:
            if args.format == "text":
                where = claim.span.where + ("" if claim.span.label else f":{claim.span.column}")
                out.write(f"  {where}  {claim.kind:<8} {describe(claim)}  ← {claim.span.text!r}\n")
            elif args.format == "jsonl":
                out.write(claim.model_dump_json() + "\n")
    if args.format == "json":
        payload = {d.document.id: [c.model_dump(mode="json") for c in d.claims] for d in docs}
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return 2 if errors or read_errors else 0
