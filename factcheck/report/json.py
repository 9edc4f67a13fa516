"""JSON report: the `Report` model as JSON, following the published schema.

The schema (`factcheck/data/report.schema.json`) is generated from the model by
`scripts/gen_schema.py`; a test fails when the committed copy is stale.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from factcheck.model import SCHEMA_VERSION, Report
from factcheck.report import RenderContext

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
