"""Claims and spans are built without validation on the hot path (`model_construct`).

These tests validate what was built, field by field: a claim that pydantic would
reject or coerce differently means the fast path is building something wrong."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from factcheck import model
from factcheck.extract import extract_document
from factcheck.ingest import document_from_text
from factcheck.model import Claim, Document, SourceMap, Span, span_builder, trusted
from tests.trusted_models import SOURCES, assert_as_validated


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_constructed_claims_equal_validated_claims(path: Path) -> None:
    doc = document_from_text(path.read_text(encoding="utf-8"), doc_id=path.name)
    claims = extract_document(doc)
    assert claims
    for claim in claims:
        validated = Claim.model_validate(claim.model_dump())
        assert validated == claim
        assert validated.model_dump_json() == claim.model_dump_json()


def test_document_span_is_a_valid_span() -> None:
    doc = document_from_text("First line.\nSecond line with 42 MW.\n", doc_id="d")
    span = doc.span(29, 34)
    assert Span.model_validate(span.model_dump()) == span
    assert (span.text, span.line, span.column, span.end_column) == ("42 MW", 2, 18, 23)


def test_trusted_instance_behaves_like_a_validated_one() -> None:
    fields = {
        "doc": "d",
        "start": 0,
        "end": 2,
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 3,
        "text": "42",
        "label": None,
    }
    built, validated = trusted(Span, dict(fields)), Span(**fields)
    assert built == validated and hash(built) == hash(validated)
    assert built.model_fields_set == validated.model_fields_set
    assert built.model_copy(update={"text": "43"}).text == "43"
    with pytest.raises(ValidationError):
        built.text = "changed"  # type: ignore[misc]


def _plain_span(doc: Document, start: int, end: int) -> Span:
    """Document.span as first written: each end located on its own."""
    start = max(0, min(start, len(doc.text)))
    end = max(start, min(end, len(doc.text)))
    sm = doc.source_map
    line, col = sm.line_col(sm.source_offset(start))
    end_line, end_col = sm.line_col(sm.source_offset(max(start, end - 1)))
    return Span(
        doc=doc.id,
        start=start,
        end=end,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col + (1 if end > start else 0),
        text=doc.text[start:end],
        label=sm.label_for(line),
    )


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(alphabet="ab \n", max_size=60))
    runs = sorted(draw(st.sets(st.integers(1, max(1, len(text))), max_size=5)))
    gaps = draw(st.lists(st.integers(0, 9), min_size=len(runs), max_size=len(runs)))
    run_source, source = [0], 0
    for previous, run, gap in zip([0, *runs], runs, gaps, strict=False):
        source += run - previous + gap
        run_source.append(source)
    line_starts = [0, *sorted(draw(st.sets(st.integers(1, source + 70), max_size=8)))]
    labels = draw(st.sampled_from([[], [(2, "page 1, line 2"), (4, "table")]]))
    source_map = SourceMap(
        run_text=[0, *runs],
        run_source=run_source,
        line_starts=line_starts,
        line_label=draw(st.sampled_from([None, "paragraph"])),
        labels=labels,
    )
    return Document(id="d", path="d", format="text", text=text, source_map=source_map, sha256="")


@settings(max_examples=300, deadline=None)
@given(_documents(), st.integers(-3, 70), st.integers(-3, 70))
def test_document_span_locates_like_each_end_alone(doc: Document, start: int, end: int) -> None:
    assert doc.span(start, end) == _plain_span(doc, start, end)


@st.composite
def _plain_text_documents(draw: st.DrawFn) -> Document:
    """Documents whose text is their source (one run from 0, no labels): span_builder's
    own path; line starts as ingest makes them or arbitrary."""
    text = draw(st.text(alphabet="ab \n", max_size=60))
    line_starts = draw(
        st.one_of(
            st.just([0] + [i + 1 for i, c in enumerate(text) if c == "\n"]),
            st.lists(st.integers(0, 70), max_size=8).map(sorted),
        )
    )
    source_map = SourceMap(line_starts=line_starts or [0])
    return Document(id="d", path="d", format="text", text=text, source_map=source_map, sha256="")


@settings(max_examples=400, deadline=None)
@given(st.one_of(_plain_text_documents(), _documents()), st.data())
def test_span_builder_builds_what_document_span_builds(doc: Document, data: st.DataObject) -> None:
    build = span_builder(doc)
    for _ in range(3):
        start, end = data.draw(st.integers(-3, 70)), data.draw(st.integers(-3, 70))
        built = build(start, end)
        assert built == doc.span(start, end)
        assert built.model_fields_set == doc.span(start, end).model_fields_set
        assert_as_validated(built)


def test_span_builder_reads_plain_text_itself() -> None:
    doc = document_from_text("First line.\nSecond line with 42 MW.\n", doc_id="d")
    assert not inspect.ismethod(span_builder(doc))  # the shortcut is taken where it applies
    assert span_builder(doc)(29, 34) == doc.span(29, 34)


def test_trusted_sets_the_slots_every_model_resolves() -> None:
    """trusted writes BaseModel's slots through their descriptors: no model may shadow them."""
    models = [m for m in vars(model).values() if isinstance(m, type) and issubclass(m, BaseModel)]
    assert Claim in models and Span in models
    for cls in models:
        for name in ("__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"):
            assert inspect.getattr_static(cls, name) is vars(BaseModel)[name], (cls, name)
