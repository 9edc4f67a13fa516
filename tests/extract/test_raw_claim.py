"""RawClaim has a hand-written __init__ (faster than the frozen dataclass's): it must
behave exactly like the generated one."""

from __future__ import annotations

import dataclasses
import inspect
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import _drop_covered_quantities
from factcheck.extract.base import RawClaim
from factcheck.model import DateValue, QuantityValue


@dataclasses.dataclass(frozen=True)
class _Generated:
    kind: str
    start: int
    end: int
    value: object
    subject: str | None = None
    attribute: str | None = None
    time: str | None = None
    speaker: str | None = None
    extra_context: tuple[str, ...] = ()


VALUE = DateValue(iso="2030", granularity="year")


def test_init_takes_the_fields_in_order_with_their_defaults() -> None:
    def params(cls: type) -> list[tuple[str, object, object]]:
        signature = inspect.signature(cls).parameters.values()
        return [(p.name, p.kind, p.default) for p in signature]

    assert params(RawClaim) == params(_Generated)
    declared = [(f.name, f.default) for f in dataclasses.fields(RawClaim)]
    assert declared == [(f.name, f.default) for f in dataclasses.fields(_Generated)]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("date", 3, 7, VALUE), {}),
        (("date", 3, 7, VALUE, "plant"), {"time": "2030", "extra_context": ("x",)}),
        ((), {"kind": "date", "start": 0, "end": 1, "value": VALUE, "speaker": "Ann"}),
    ],
)
def test_instances_match_the_generated_dataclass(args: tuple, kwargs: dict) -> None:
    raw, plain = RawClaim(*args, **kwargs), _Generated(*args, **kwargs)
    assert dataclasses.astuple(raw) == dataclasses.astuple(plain)
    assert raw == RawClaim(*args, **kwargs)
    assert hash(raw) == hash(RawClaim(*args, **kwargs))
    assert repr(raw) == repr(plain).replace("_Generated", "RawClaim")
    changed = dataclasses.replace(raw, time="2031")
    assert changed.time == "2031" and changed.start == raw.start and raw.time == plain.time
    assert changed != raw


def test_instances_stay_frozen() -> None:
    raw = RawClaim("date", 3, 7, VALUE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        raw.start = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        RawClaim("date", 3)  # type: ignore[call-arg]


def _drop_covered_as_first_written(raw: list[RawClaim]) -> list[RawClaim]:
    dates = sorted((r.start, r.end) for r in raw if r.kind == "date")
    starts = [d[0] for d in dates]

    def covered(r: RawClaim) -> bool:
        i = bisect_right(starts, r.start) - 1
        return i >= 0 and dates[i][0] <= r.start and r.end <= dates[i][1]

    return [r for r in raw if r.kind != "quantity" or not covered(r)]


_QUANTITY = QuantityValue(magnitude=2030.0, unit="", dimension="count")
_claims = st.builds(
    lambda kind, start, length: RawClaim(
        kind, start, start + length, VALUE if kind == "date" else _QUANTITY
    ),
    st.sampled_from(["date", "quantity", "entity"]),
    st.integers(0, 30),
    st.integers(1, 8),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_claims, max_size=10))
def test_numbers_inside_dates_are_dropped_as_before(raw: list[RawClaim]) -> None:
    assert _drop_covered_quantities(list(raw)) == _drop_covered_as_first_written(raw)
