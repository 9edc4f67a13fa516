"""PDF (pypdf, the `pdf` extra): the text layer, page by page, line by line.

Each extracted line is one line of a synthetic source, labelled "page P, line L";
lines of a page are joined by newlines and pages by blank lines. Line-end hyphens
are left as they are: "low-\\ncarbon" and "indus-\\ntrial" cannot be told apart
safely. Scanned pages without a text layer give a notice, not an error.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from factcheck.errors import InputFileError, MissingExtraError
from factcheck.ingest.base import Limits, Parsed, Unit, from_units, one_line


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _pypdf_warnings() -> Iterator[_Collect]:
    """Collect pypdf's log warnings (instead of letting them reach stderr)."""
    logger = logging.getLogger("pypdf")
    handler, propagate = _Collect(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _open(data: bytes, path: str) -> Any:
    try:
        from pypdf import PdfReader
    except ImportError:
        raise MissingExtraError(
            path, "reading .pdf needs the pdf extra: pip install 'factcheck-press[pdf]'"
        ) from None
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as exc:
        raise InputFileError(path, f"corrupt PDF: {one_line(exc)}") from None
    if reader.is_encrypted:
        try:
            opened = bool(reader.decrypt(""))  # an empty user password opens many
        except Exception:
            opened = False
        if not opened:
            raise InputFileError(path, "encrypted PDF: it needs a password to read")
    return reader


def parse_pdf(data: bytes, path: str, limits: Limits) -> Parsed:
    """Read a PDF's text layer, labelled by page and line."""
    with _pypdf_warnings() as warned:
        reader = _open(data, path)
        try:
            count = len(reader.pages)
        except Exception as exc:
            raise InputFileError(path, f"corrupt PDF: {one_line(exc)}") from None
        if count > limits.pdf_max_pages:
            raise InputFileError(path, f"PDF has {count} pages (limit {limits.pdf_max_pages})")
        units: list[Unit] = []
        notices: list[str] = []
        for number in range(1, count + 1):
            try:
                text = _page_text(reader.pages[number - 1])
            except Exception as exc:
                raise InputFileError(path, f"corrupt PDF: page {number}: {one_line(exc)}") from None
            page = list(_lines(text, number))
            if not page:
                notices.append(f"page {number} has no text layer (scanned image?)")
            units += page
    notices += [f"PDF: {m}" for m in dict.fromkeys(warned.messages)][:5]
    return from_units(units, notices)


def _page_text(page: Any) -> str:
    """The page's text in reading order, with blank lines where paragraphs part
    (pypdf's layout mode); plain mode when layout mode fails on a page."""
    try:
        text = page.extract_text(extraction_mode="layout") or ""
    except Exception:
        return page.extract_text() or ""
    lines = text.splitlines()
    indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    return "\n".join(x[indent:] for x in lines)


def _lines(text: str, page: int) -> Iterator[Unit]:
    lines = re.split(r"\r\n|\r|\n", text)
    while lines and not lines[-1].strip():
        lines.pop()
    first = True
    for number, line in enumerate(lines, start=1):
        line = line.rstrip()
        if not line and first:
            continue
        # A page break is a soft line break: a sentence running over it is one
        # paragraph; paragraphs show as blank lines, which layout mode keeps.
        yield Unit(line, f"page {page}, line {number}", "\n")
        first = False
