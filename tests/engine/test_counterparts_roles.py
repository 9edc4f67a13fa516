"""Which reference figure a draft figure is compared with, when the two sides of a
change ("from X to Y") or an amount per share and a total could be confused
(link.change_role, link.per_unit, checks/quantity_mismatch.counterpart_score, the
one-to-one preference of checks/common._best_disagreement)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.checks.agreement import quantities_agree
from factcheck.checks.common import Stated, _best_disagreement
from factcheck.checks.quantity_mismatch import counterpart_score, per_unit_against_total
from factcheck.extract import extract_document
from factcheck.ingest import document_from_text
from factcheck.link import change_role, per_unit, roles_conflict
from factcheck.model import Claim, QuantityValue
from tests.rule_runs import check_article


def one(text: str, surface: str, doc: str = "draft.txt") -> Claim:
    claims = extract_document(document_from_text(text, doc_id=doc))
    return next(c for c in claims if c.kind == "quantity" and c.span.text == surface)


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        ("Output will climb to 480 million litres by 2028.", "480 million litres", "to"),
        ("Output grew 4% last year, up from 310 million litres.", "310 million litres", "from"),
        (
            "Output rose from 300 million litres to 450 million litres.",
            "300 million litres",
            "from",
        ),
        ("Output rose from 300 million litres to 450 million litres.", "450 million litres", "to"),
        ("The fleet will grow to about 140 buses next year.", "140 buses", "to"),
        ("The depot has close to 140 buses.", "140 buses", None),
        ("The fare is equal to 12 euros.", "12 euros", None),
        ("The depot has 140 buses.", "140 buses", None),
    ],
)
def test_the_role_of_a_figure_in_a_change(text: str, surface: str, role: str | None) -> None:
    assert change_role(one(text, surface)) == role


@given(
    st.sampled_from(["from", "to", "From", "TO"]),
    st.sampled_from(["", "about ", "some ", "nearly "]),
    st.integers(2, 900),
)
def test_a_role_is_read_through_a_hedge_and_in_any_case(word: str, hedge: str, n: int) -> None:
    claim = one(
        f"Ridership went {word} {hedge}{n} million trips a year.", f"{n} million trips a year"
    )
    assert change_role(claim) == word.lower()


def test_a_start_and_an_end_of_a_change_conflict_but_an_unmarked_figure_does_not() -> None:
    start = one("Output rose from 300 million litres to 450 million litres.", "300 million litres")
    end = one("Output will climb to 480 million litres.", "480 million litres")
    plain = one("Output is 480 million litres.", "480 million litres")
    assert roles_conflict(start, end) and roles_conflict(end, start)
    assert not roles_conflict(start, plain) and not roles_conflict(end, end)


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The board proposed a dividend of NOK 6.50 per share.", "NOK 6.50", True),
        ("The group earned NOK 14.20 a share.", "NOK 14.20", True),
        ("Diluted earnings per share were NOK 14.20.", "NOK 14.20", True),
        ("Adjusted EPS rose 9% to NOK 14.20.", "NOK 14.20", True),
        ("Tickets cost NOK 450 each.", "NOK 450", True),
        ("The board approved a NOK 500 million share buyback.", "NOK 500 million", False),
        ("It returned NOK 700 million to shareholders.", "NOK 700 million", False),
        ("Staff earn NOK 600,000 per year on average.", "NOK 600,000 per year", False),
        ("Staff earn NOK 600,000 on average per year.", "NOK 600,000", False),
        ("Earnings per share rose, and the group spent NOK 5 billion.", "NOK 5 billion", False),
    ],
)
def test_an_amount_per_share_or_unit(text: str, surface: str, expected: bool) -> None:
    assert per_unit(one(text, surface)) is expected


def test_a_per_share_amount_is_no_counterpart_of_a_total_unless_the_gap_is_a_slip() -> None:
    eps = one("Diluted earnings per share were NOK 14.20.", "NOK 14.20", "ref.md")
    buyback = one("The board approved a NOK 500 million share buyback.", "NOK 500 million")
    slip = one("The group reported NOK 14.20 million in profit.", "NOK 14.20 million")
    small = one("The group reported NOK 13.90 in profit.", "NOK 13.90")
    assert per_unit_against_total(buyback, eps)
    assert counterpart_score(buyback, eps, frozenset()) == 0.0
    assert not per_unit_against_total(slip, eps)  # a factor of 1,000,000: a slip
    assert not per_unit_against_total(small, eps)  # close in size: may be the same amount


def test_a_figure_stated_by_another_claim_yields_to_an_unstated_one_linking_about_as_well() -> None:
    draft = one("Output will reach 480 million litres.", "480 million litres")
    ref = "Output rose from 300 million litres to 450 million litres."
    start, end = one(ref, "300 million litres", "ref.md"), one(ref, "450 million litres", "ref.md")
    scores = {start.id: 0.72, end.id: 0.68}

    def agree(a: Claim, b: Claim) -> bool:
        assert isinstance(a.value, QuantityValue) and isinstance(b.value, QuantityValue)
        return quantities_agree(a.value, b.value, 0.005, 0.1)

    def choose(taken: dict[str, float]) -> Claim | None:
        found = _best_disagreement(
            draft,
            [start, end],
            lambda a, b: scores[b.id],
            (agree, None, None),
            (0.55, 1.0),
            {oid: Stated(s, frozenset()) for oid, s in taken.items()},
        )
        assert found is not None
        return found[1]

    assert choose({}) is start
    assert choose({start.id: 0.75}) is end  # the draft states 300 exactly elsewhere
    assert choose({start.id: 0.70}) is start  # ...but links it less well than this figure


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ref: str, art: str) -> list[str]:
    found = check_article(tmp_path, monkeypatch, ref, art, ["FC201", "FC302"])
    return [f"{f.rule} {f.message}" for f in found]


DAIRY = (
    "TIPPERARY, 3 June 2026 – Carrowmore Dairy will raise processing capacity at its Cahir"
    " plant from 300 million litres to 450 million litres by 2028.\n"
)


@pytest.mark.parametrize("up_from", ["", ", up from 300 million litres"])
def test_a_new_capacity_is_compared_with_the_new_capacity_not_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, up_from: str
) -> None:
    art = f"Carrowmore Dairy will lift capacity at Cahir to 480 million litres by 2028{up_from}.\n"
    found = _run(tmp_path, monkeypatch, DAIRY, art)
    assert len(found) == 1 and found[0].startswith("FC201")
    assert '"450 million litres"' in found[0]


SHIPPING = (
    "OSLO, 12 February 2026 – Fjordline Shipping reported net profit of NOK 2.6 billion for"
    " 2025, or diluted earnings per share of NOK 14.20.\n"
)


def test_a_buyback_never_given_has_no_counterpart_rather_than_a_per_share_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    art = (
        "Fjordline Shipping earned NOK 2.6 billion last year, or NOK 14.20 per share, and its"
        " board approved a NOK 500 million share buyback.\n"
    )
    found = _run(tmp_path, monkeypatch, SHIPPING, art)
    assert len(found) == 1 and found[0].startswith("FC302") and "NOK 500 million" in found[0]


def test_a_wrong_per_share_amount_is_still_compared_with_the_per_share_amount(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    art = "Fjordline Shipping earned NOK 2.6 billion last year, or NOK 14.60 per share.\n"
    found = _run(tmp_path, monkeypatch, SHIPPING, art)
    assert len(found) == 1 and found[0].startswith("FC201") and '"NOK 14.20"' in found[0]
