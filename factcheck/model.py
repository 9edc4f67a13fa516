"""The data model shared by every stage: spans, documents, claims, findings, reports.

All models are pydantic v2. Values that flow between stages are frozen so that a
stage can never change what an earlier stage produced.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Severity = Literal["error", "warning", "info"]
Role = Literal["reference", "draft", "peer"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


M = TypeVar("M", bound=BaseModel)


def trusted(cls: type[M], fields: dict[str, Any]) -> M:
    """An instance of `cls` from a COMPLETE dict of already valid field values, unvalidated.

    This is what `model_construct` does for a model without aliases, defaults to fill,
    extra fields or private attributes, minus its per-field bookkeeping, which makes
    `model_construct` slower than validating. Only for hot paths that assemble models
    from validated parts; tests/test_trusted_construction.py checks results against
    validation."""
    instance = cls.__new__(cls)
    _set_attribute(instance, "__dict__", fields)
    _set_fields_set(instance, set(fields))
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance


# BaseModel's slots, set through their descriptors: what object.__setattr__ does
# for these names, minus the attribute lookup (trusted runs for every claim and span).
_set_attribute = object.__setattr__
_set_fields_set = BaseModel.__pydantic_fields_set__.__set__  # type: ignore[attr-defined,union-attr]
_set_extra = BaseModel.__pydantic_extra__.__set__  # type: ignore[attr-defined,union-attr]
_set_private = BaseModel.__pydantic_private__.__set__  # type: ignore[attr-defined,union-attr]


class Span(Frozen):
    """A stretch of a document's text, located in the ORIGINAL file.

    `start`/`end` are offsets into `Document.text`; `line`/`column` (1-based) point
    into the source file so an editor can jump there. For formats without lines
    (DOCX), `line` is the paragraph number and `label` says so ("paragraph 12").
    """

    doc: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    label: str | None = None

    @property
    def where(self) -> str:
        """`path:line` or `path (label)`, as shown to people."""
        if self.label:
            return f"{self.doc} ({self.label})"
        return f"{self.doc}:{self.line}"


class SourceMap(Frozen):
    """Maps offsets in `Document.text` back to line/column in the source file.

    From `run_text[i]` on, text characters map one-to-one onto source characters
    starting at `run_source[i]`, until the next run starts. `line_starts` holds
    the source offset of every line start. Formats without lines (DOCX) set
    `line_label` ("paragraph") or give `labels`: sorted `(source_line, label)`
    pairs naming where a location is ("page 2, line 5").
    """

    run_text: list[int] = Field(default_factory=lambda: [0])
    run_source: list[int] = Field(default_factory=lambda: [0])
    line_starts: list[int] = Field(default_factory=lambda: [0])
    line_label: str | None = None
    labels: list[tuple[int, str]] = Field(default_factory=list)

    def source_offset(self, text_offset: int) -> int:
        """The source-file offset of a text offset."""
        i = max(0, bisect_right(self.run_text, text_offset) - 1)
        return self.run_source[i] + (text_offset - self.run_text[i])

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        i = max(0, bisect_right(self.line_starts, source_offset) - 1)
        return i + 1, source_offset - self.line_starts[i] + 1

    def locate(self, first: int, last: int) -> tuple[int, int, int, int]:
        """1-based (line, column) of the text offsets `first` and `last`, in one pass:
        the same as `line_col(source_offset(...))` of each, for `first <= last`."""
        runs, run_source, line_starts = self.run_text, self.run_source, self.line_starts
        i = bisect_right(runs, first) - 1
        if i < 0:
            i = 0
        source_first = run_source[i] + first - runs[i]
        if i + 1 < len(runs) and runs[i + 1] <= last:
            i = bisect_right(runs, last, i) - 1
        source_last = run_source[i] + last - runs[i]
        n = bisect_right(line_starts, source_first) - 1
        if n < 0:
            n = 0
        line_start = line_starts[n]
        first_line, first_column = n + 1, source_first - line_start + 1
        if source_last < source_first:  # a map whose runs go backwards: search afresh
            n = max(0, bisect_right(line_starts, source_last) - 1)
        elif n + 1 < len(line_starts) and line_starts[n + 1] <= source_last:
            n = bisect_right(line_starts, source_last, n) - 1
        return first_line, first_column, n + 1, source_last - line_starts[n] + 1

    def label_for(self, line: int) -> str | None:
        """A human label for a line in formats without lines, else None."""
        if self.labels:
            i = bisect_right(self.labels, (line, "\uffff")) - 1
            if i >= 0:
                return self.labels[i][1] if self.labels[i][0] == line else None
        if self.line_label:
            return f"{self.line_label} {line}"
        return None


class Document(Frozen):
    """One input document: its plain text (what claims point into) and its source map."""

    id: str
    path: str
    format: str
    role: Role = "peer"
    text: str
    source_map: SourceMap
    source: str | None = None  # the decoded source file (for showing source lines), if kept
    sha256: str
    language: str = "en"
    dateline: str | None = None  # ISO date of the document's own dateline, when found
    notices: list[str] = Field(default_factory=list)
    # HTML/Markdown comments, as (text offset where the comment stood, comment body):
    # inline suppressions such as `<!-- factcheck: ignore FC301 -->` are read from here.
    comments: list[tuple[int, str]] = Field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        """Build a located Span for `text[start:end]`.

        Every field is computed here from validated data, so the Span is constructed
        without validation: this runs for every claim and every sentence quoted."""
        text = self.text
        size = len(text)
        start = 0 if start < 0 else size if start > size else start
        end = start if end < start else size if end > size else end
        sm = self.source_map
        if end > start:
            line, column, end_line, end_column = sm.locate(start, end - 1)
            end_column += 1
        else:
            line, column, end_line, end_column = sm.locate(start, start)
        fields = {
            "doc": self.id,
            "start": start,
            "end": end,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "text": text[start:end],
            "label": sm.label_for(line) if sm.labels or sm.line_label else None,
        }
        return trusted(Span, fields)


def span_builder(doc: Document) -> Callable[[int, int], Span]:
    """`doc.span` as a function, for building many spans of one document.

    Where the text maps one-to-one onto the source lines (plain text: one run from
    offset 0, no labels) the lines are found inline, without the source map's run
    lookup; any other document gets `doc.span` itself."""
    sm = doc.source_map
    if sm.run_text != [0] or sm.run_source != [0] or sm.labels or sm.line_label:
        return doc.span
    text, doc_id, size, line_starts = doc.text, doc.id, len(doc.text), sm.line_starts
    lines = len(line_starts)

    def span(start: int, end: int) -> Span:
        start = 0 if start < 0 else size if start > size else start
        end = start if end < start else size if end > size else end
        last = end - 1 if end > start else start
        # SourceMap.locate(start, last) with source offsets equal to text offsets
        n = bisect_right(line_starts, start) - 1
        if n < 0:
            n = 0
        line, column = n + 1, start - line_starts[n] + 1
        if n + 1 < lines and line_starts[n + 1] <= last:
            n = bisect_right(line_starts, last, n) - 1
        return trusted(
            Span,
            {
                "doc": doc_id,
                "start": start,
                "end": end,
                "line": line,
                "column": column,
                "end_line": n + 1,
                "end_column": last - line_starts[n] + 1 + (end > start),
                "text": text[start:end],
                "label": None,
            },
        )

    return span


# --- segmentation -------------------------------------------------------------


class Block(Frozen):
    """A paragraph, heading or list item."""

    kind: Literal["paragraph", "heading", "list_item", "table_cell"] = "paragraph"
    start: int
    end: int


class Sentence(Frozen):
    start: int
    end: int
    block: int  # index into Segmentation.blocks


class Quotation(Frozen):
    """Words between quotation marks. `start`/`end` include the marks;
    `inner_start`/`inner_end` the words only."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    mark: str  # the opening mark


class NameList(Frozen):
    """A list of names inside a sentence: "including A, B (C) and D"."""

    lead_in: str  # normalised lead-in word(s): "including", "such as", ...
    lead_start: int
    items: list[tuple[int, int]]  # offsets of each item, parenthesised expansion attached


class Segmentation(Frozen):
    blocks: list[Block]
    sentences: list[Sentence]
    quotations: list[Quotation]
    lists: list[NameList]


# --- claim values ---------------------------------------------------------------

QuantityBound = Literal["exact", "approx", "at_least", "more_than", "at_most", "less_than", "range"]


class QuantityValue(Frozen):
    kind: Literal["quantity"] = "quantity"
    magnitude: float | None = None  # None for ranges and vague quantities
    low: float | None = None
    high: float | None = None
    unit: str  # canonical unit name ("gigawatt_hour", "EUR", "job", "percent", "")
    dimension: str  # "energy", "power", "currency:EUR", "area", "count:job", "percent", ...
    bound: QuantityBound = "exact"
    rate: str | None = None  # "year" for per-year figures
    noun: str | None = None  # counted noun, singular ("job", "battery")
    modifier: str | None = None  # "direct" in "1,200 direct jobs"
    vague: bool = False  # "tens of thousands": never compared as exact
    scale: float = 1.0  # the scale word's factor as written (1e9 for "billion")


class DateValue(Frozen):
    kind: Literal["date"] = "date"
    iso: str  # YYYY, YYYY-MM or YYYY-MM-DD
    granularity: Literal["day", "month", "year"]
    bound: Literal["on", "in", "by", "from", "until", "since", "before", "after"] = "on"
    relative: str | None = None  # the relative expression it was resolved from
    dateline: bool = False  # this date is the document's own dateline
    offset_years: int | None = None  # 5 in "five years after X's creation"
    anchor: str | None = None  # the event it is relative to: "the company's creation"
    anchor_iso: str | None = None  # that event's date, when the document gives it


class OrdinalValue(Frozen):
    kind: Literal["ordinal"] = "ordinal"
    rank: int
    category: str  # "gigafactory", "battery plant"
    scope: str | None = None  # "Europe", "France", "this Region", owner name
    scope_kind: Literal["owner", "region", "country", "continent", "world", "unknown"] = "unknown"
    modifiers: list[str] = Field(default_factory=list)  # "French", "automotive"


class EntityValue(Frozen):
    kind: Literal["entity"] = "entity"
    name: str
    normalised: str
    acronym: str | None = None
    expansion: str | None = None
    list_lead_in: str | None = None  # "including" when it stands in a list


class ListValue(Frozen):
    kind: Literal["list"] = "list"
    items: list[Span]
    lead_in: str


class QuoteValue(Frozen):
    kind: Literal["quote"] = "quote"
    text: str
    speaker: str | None = None
    verbatim: bool = True
    is_term: bool = False  # scare quotes around a term (« battery valley »)


class RoleValue(Frozen):
    kind: Literal["role"] = "role"
    person: str
    title: str
    organisation: str | None = None


ClaimValue = Annotated[
    QuantityValue | DateValue | OrdinalValue | EntityValue | ListValue | QuoteValue | RoleValue,
    Field(discriminator="kind"),
]
ClaimKind = Literal["quantity", "date", "ordinal", "entity", "list", "quote", "role"]


class Claim(Frozen):
    id: str  # "<doc>#<kind>-<n>"
    kind: ClaimKind
    span: Span
    sentence: Span
    value: ClaimValue
    subject: str | None = None
    attribute: str | None = None
    context: list[str] = Field(default_factory=list)
    time: str | None = None  # "2030" for "by 2030"
    speaker: str | None = None  # when the claim stands inside a quote


# --- findings and reports -------------------------------------------------------


class Related(Frozen):
    span: Span
    note: str
    sentence: Span | None = None  # the sentence around `span`, for showing it in context


class Finding(Frozen):
    rule: str  # "FC201"
    name: str  # "quantity-mismatch"
    severity: Severity
    message: str
    location: Span
    sentence: Span | None = None  # the sentence around `location`
    related: list[Related] = Field(default_factory=list)
    fingerprint: str
    suggestion: str | None = None
    evidence: dict[str, str] = Field(default_factory=dict)
    diff: list[tuple[Literal["equal", "delete", "insert"], str]] | None = None


class DocumentSummary(Frozen):
    id: str
    role: Role
    format: str
    sha256: str
    claims: int
    notices: list[str] = Field(default_factory=list)


class InputError(Frozen):
    path: str
    message: str


class RuleInfo(Frozen):
    code: str
    name: str
    check: str
    severity: Severity
    scope: str
    summary: str
    pack: str


class Report(Frozen):
    schema_version: str = SCHEMA_VERSION
    tool: str = "factcheck"
    version: str
    documents: list[DocumentSummary]
    findings: list[Finding]
    counts: dict[str, int]
    packs: list[str]
    rules: list[RuleInfo] = Field(default_factory=list)
    errors: list[InputError] = Field(default_factory=list)
    suppressed: int = 0
    baseline_hidden: int = 0
