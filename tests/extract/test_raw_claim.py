"""RawClaim has a hand-written __init__ (faster than the frozen dataclass's): it must
behave exactly like the generated one."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from factcheck.extract.base import RawClaim
from factcheck.model import DateValue


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
