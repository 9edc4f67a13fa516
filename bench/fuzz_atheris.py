"""Coverage-guided fuzzing of ingest and extraction with atheris (not run by `make test`).

Each input's first byte picks a format (text, markdown, HTML, or DOCX/PDF bytes) and
how many times the rest is repeated (1, 40 or 400: long runs reach size limits such as
Python's 4300-digit int() limit); the body goes through the same steps as `factcheck
check`: decode, parse, segment, extract, locate every claim. Anything but
`InputFileError` (the documented failure for bad input) is a crash; every claim span
must also be the document text at its offsets.

Run (see bench/FUZZING.md):

    python -m venv /tmp/fuzzenv
    /tmp/fuzzenv/bin/pip install atheris python-docx pypdf -e .
    /tmp/fuzzenv/bin/python bench/fuzz_atheris.py -max_total_time=900 -max_len=4096 CORPUS_DIR
"""

from __future__ import annotations

import sys

FORMATS = ("text", "markdown", "html", "binary")
REPEAT = (1, 1, 1, 40, 1, 1, 1, 400)  # bits 2-4 of the first byte: how often the body repeats
INSTRUMENTED = (
    "factcheck.ingest",
    "factcheck.ingest.decode",
    "factcheck.ingest.text",
    "factcheck.ingest.markdown",
    "factcheck.ingest.markdown_blocks",
    "factcheck.ingest.html",
    "factcheck.segment",
    "factcheck.segment.blocks",
    "factcheck.segment.sentences",
    "factcheck.segment.lists",
    "factcheck.segment.quotations",
    "factcheck.extract",
    "factcheck.extract.dates",
    "factcheck.extract.date_forms",
    "factcheck.extract.date_chains",
    "factcheck.extract.date_context",
    "factcheck.extract.quantities",
    "factcheck.extract.ordinals",
    "factcheck.extract.entities",
    "factcheck.extract.people",
    "factcheck.extract.quotes",
    "factcheck.extract.roles",
    "factcheck.normalise.numbers",
    "factcheck.normalise.dates",
)


def check_bytes(data: bytes) -> None:
    """Run ingest and extraction on one fuzz input; raise on anything unexpected."""
    from factcheck.errors import InputFileError
    from factcheck.extract import extract_document
    from factcheck.ingest import Limits, _parse, detect_format
    from factcheck.ingest.base import Parsed
    from factcheck.model import Document

    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    body = data[1:] * REPEAT[(data[0] >> 2) % len(REPEAT)]  # size-dependent bugs too
    limits = Limits(max_bytes=1 << 20, pdf_max_pages=5)
    if fmt == "binary":
        fmt = detect_format("fuzz.bin", body[:4096]) if body[:1] in (b"%", b"P") else "text"
    try:
        parsed: Parsed = _parse(fmt, body, "fuzz", limits)
    except InputFileError:
        return
    doc = Document(
        id="fuzz",
        path="fuzz",
        format=fmt,
        role="peer",
        text=parsed.text,
        source_map=parsed.source_map,
        sha256="0" * 64,
        source=parsed.source,
    )
    for claim in extract_document(doc):
        span = claim.span
        if span.text != doc.text[span.start : span.end]:
            raise AssertionError(f"span text mismatch at {span.start}:{span.end}")
        if span.line < 1:
            raise AssertionError(f"line {span.line} < 1")


def main(argv: list[str]) -> None:
    """Entry point: atheris.Setup + Fuzz with libFuzzer flags from `argv`."""
    import atheris

    with atheris.instrument_imports(include=["factcheck"]):
        import importlib

        for name in INSTRUMENTED:
            importlib.import_module(name)

    atheris.Setup(argv, check_bytes)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
