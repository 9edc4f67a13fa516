"""Write factcheck/data/report.schema.json from the Report model.

Usage: python scripts/gen_schema.py [--check]
With --check, exit 1 (and write nothing) when the committed schema is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.report.json import schema_text

TARGET = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "report.schema.json"


def main(argv: list[str]) -> int:
    """Regenerate the schema, or check that it is up to date."""
    text = schema_text()
    current = TARGET.read_text("utf-8") if TARGET.exists() else None
    if "--check" in argv:
        if current != text:
            print(f"{TARGET} is stale: run python scripts/gen_schema.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        TARGET.write_text(text, "utf-8")
        print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
