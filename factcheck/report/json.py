"""JSON report: the `Report` model as JSON, following the published schema.

The schema (`factcheck/data/report.schema.json`) is generated from the model by
`scripts/gen_schema.py`; a test fails when the committed copy is stale.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from factcheck.model import SCHEMA_VERSION, Report
from factcheck.report import RenderContext
from factcheck.report.packed import ITEM_SEPARATOR, PackedFindings, run_text

SCHEMA_ID = f"urn:factcheck:report-schema:{SCHEMA_VERSION}"


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON report, generated from the model."""
    generated = Report.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **generated,
        "title": "factcheck report",
        "description": f"factcheck JSON report, schema version {SCHEMA_VERSION}.",
    }


def schema_text() -> str:
    """The schema as the text committed to `factcheck/data/report.schema.json`."""
    return json.dumps(schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def shipped_schema() -> dict[str, Any]:
    """The schema shipped with the package."""
    text = resources.files("factcheck").joinpath("data", "report.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def render(report: Report, ctx: RenderContext) -> str:
    """The report as indented JSON (UTF-8 text, not ASCII-escaped).

    pydantic-core serialises straight to JSON: much faster than `json.dumps` on
    `model_dump()` for reports of thousands of documents.
    """
    return report.model_dump_json(indent=2) + "\n"


_EMPTY_FINDINGS = b'\n  "findings": [],\n'


def chunks(head: Report, runs: Iterable[PackedFindings]) -> Iterator[bytes]:
    """The JSON report of `head` with the findings of `runs` (in report order), piece by
    piece: byte for byte what `render` gives for the report holding those findings.

    `head` is the report without its findings (counts already set); each run's JSON
    text is written as it was packed, never parsed.
    """
    if head.findings:
        raise ValueError("chunks() takes the report without its findings")
    text = render(head, RenderContext()).encode()
    cut = text.index(_EMPTY_FINDINGS)  # a key at the top level: no string can hold it
    yield text[:cut] + b'\n  "findings": ['
    separator = b"\n    "
    for packed in runs:
        run = run_text(packed)
        if run:
            yield separator + run
            separator = ITEM_SEPARATOR
    close = b"]" if separator == b"\n    " else b"\n  ]"
    yield close + b",\n" + text[cut + len(_EMPTY_FINDINGS) :]
