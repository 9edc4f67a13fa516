"""How a draft claim is matched to its reference counterpart (checks/common.py,
checks/agreement.py, link.near_score): precision of dates, one-to-one matching,
ties inside one sentence, noun families."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.checks.agreement import (
    date_given_by,
    dates_equal,
    is_slip,
    quantities_agree,
    quantity_key,
)
from factcheck.checks.common import Stated, _best_disagreement
from factcheck.extract import extract_document
from factcheck.ingest import document_from_text
from factcheck.link import near_score
from factcheck.model import Claim, DateValue, QuantityValue
from tests.rule_runs import check_article


def claims_of(text: str, kind: str, doc: str = "ref.md") -> list[Claim]:
    claims = extract_document(document_from_text(text, doc_id=doc))
    return [c for c in claims if c.kind == kind]


def one(text: str, surface: str, doc: str = "draft.txt") -> Claim:
    claims = extract_document(document_from_text(text, doc_id=doc))
    return next(c for c in claims if c.span.text == surface)


isos = st.builds(
    lambda y, m, d, g: f"{y:04d}" + (f"-{m:02d}" if g > 0 else "") + (f"-{d:02d}" if g > 1 else ""),
    st.integers(1990, 2060),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)


def date(iso: str, bound: str = "on") -> DateValue:
    granularity = {4: "year", 7: "month", 10: "day"}[len(iso)]
    return DateValue(iso=iso, granularity=granularity, bound=bound)


@given(isos, isos)
def test_a_date_is_given_only_as_precisely_or_more(a: str, b: str) -> None:
    given_by = date_given_by(date(a), date(b))
    assert given_by == (len(b) >= len(a) and b.startswith(a))
    if given_by:
        assert dates_equal(date(a), date(b))  # giving is equality, read one way


def test_a_year_does_not_give_a_day_but_a_day_gives_its_year() -> None:
    assert not date_given_by(date("2025-11-01"), date("2025"))
    assert date_given_by(date("2025"), date("2025-11-01"))
    assert date_given_by(date("2025-11"), date("2025-11-01"))


def _choice(claim: Claim, near: list[Claim], scores: dict[str, float], taken: dict[str, float]):
    def agree(a: Claim, b: Claim) -> bool:
        assert isinstance(a.value, DateValue) and isinstance(b.value, DateValue)
        from factcheck.checks.agreement import dates_agree

        return dates_agree(a.value, b.value)

    return _best_disagreement(
        claim,
        near,
        lambda a, b: scores[b.span.text],
        (agree, None, None),
        (0.6, 1.0),
        {oid: Stated(s, frozenset()) for oid, s in taken.items()},
    )


def test_an_open_bound_clears_only_when_it_links_as_well_as_the_disagreeing_date() -> None:
    draft = one("The line opens on 14 June 2026.", "14 June 2026")
    ref = claims_of("The line opens on 15 June 2026, long after March 2025.", "date")
    exact = next(c for c in ref if c.span.text == "15 June 2026")
    opened = next(c for c in ref if c.span.text == "March 2025")
    after = opened.model_copy(update={"value": opened.value.model_copy(update={"bound": "after"})})
    near = [exact, after]
    found = _choice(draft, near, {"15 June 2026": 1.0, "March 2025": 0.75}, {})
    assert found is not None and found[1] is exact
    assert _choice(draft, near, {"15 June 2026": 0.7, "March 2025": 0.75}, {}) is None


def test_a_counterpart_stated_exactly_by_another_claim_is_not_used() -> None:
    draft = one("The line opens on 14 June 2026.", "14 June 2026")
    ref = claims_of("The line opens on 15 June 2026 and closes on 20 June 2026.", "date")
    first, second = ref
    scores = {first.span.text: 0.9, second.span.text: 0.7}
    found = _choice(draft, ref, scores, {first.id: 1.0})
    assert found is not None and found[1] is second
    # taken by a claim that links about as well: still this claim's counterpart
    found = _choice(draft, ref, scores, {first.id: 0.95})
    assert found is not None and found[1] is first


def test_the_words_next_to_a_figure_tell_two_figures_of_a_sentence_apart() -> None:
    ref = "The Linth Foundation is contributing CHF 12 million and the canton CHF 8 million."
    draft = one("The foundation gives CHF 12 million and the canton CHF 8,000.", "CHF 8,000")
    twelve, eight = one(ref, "CHF 12 million", "ref.md"), one(ref, "CHF 8 million", "ref.md")
    assert near_score(draft, eight) > near_score(draft, twelve)


def test_people_and_jobs_share_a_block_and_compare_by_value() -> None:
    people = one("The depot will employ 320 people.", "320 people")
    jobs = one("The depot will bring 320 new jobs.", "320 new jobs", "ref.md")
    assert quantity_key(people) == quantity_key(jobs)
    assert isinstance(people.value, QuantityValue) and isinstance(jobs.value, QuantityValue)
    assert quantities_agree(people.value, jobs.value, 0.005, 0.1)
    assert not is_slip(people.value, jobs.value)  # not "the same number in another unit"
    homes = one("The scheme protects 320 homes.", "320 homes")
    assert quantity_key(homes) != quantity_key(people)


_run = check_article


def test_a_tie_in_one_sentence_goes_to_the_figure_named_alike_with_the_slip_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings = _run(
        tmp_path,
        monkeypatch,
        "The Linth Foundation is contributing CHF 12 million and the canton CHF 8 million.\n",
        "The Linth Foundation gives CHF 12 million and the canton CHF 8,000.\n",
        ["FC201", "FC302"],
    )
    assert [f.rule for f in findings] == ["FC201"]
    assert '"CHF 8 million"' in findings[0].message and "factor of 1,000" in findings[0].message
