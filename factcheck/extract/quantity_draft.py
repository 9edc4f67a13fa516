"""A quantity while it is being read; frozen into a QuantityValue once complete."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model import QuantityValue, trusted


@dataclass(slots=True)
class Draft:
    """A quantity being read. Mutable only inside one `find` call, never shared."""

    start: int
    end: int
    value: float
    scale: float = 1.0
    unit: str = ""
    dimension: str = "count"
    bound: str = "exact"
    low: float | None = None
    high: float | None = None
    rate: str | None = None
    noun: str | None = None
    modifier: str | None = None
    vague: bool = False
    time: str | None = None
    words: bool = False  # the number is written in words ("three")
    has_unit: bool = False
    currency_prefix: bool = False  # the unit is a currency written before the number
    first: int = 0  # first token (currency prefix, sign or number)
    j: int = 0  # the number's first token
    kn: int = 0  # the token after the number phrase
    lead: int = -1  # where a bound word before the quantity starts

    def set_unit(self, unit: str, dimension: str, noun: str | None = None) -> None:
        """Give the quantity a unit (or a counted noun when `noun` is set)."""
        self.unit, self.dimension, self.has_unit = unit, dimension, True
        if noun is not None:
            self.noun = noun

    def to_value(self) -> QuantityValue:
        """The finished quantity: a magnitude, or low and high for a range."""
        # Built unvalidated (`trusted`): the fields are what validation would make of
        # them, floats included (tests/extract/test_quantity_values.py compares the two).
        is_range = self.bound == "range"
        low, high = self.low, self.high
        fields = {
            "kind": "quantity",
            "magnitude": None if is_range else float(self.value),
            "low": float(low) if is_range and low is not None else None,
            "high": float(high) if is_range and high is not None else None,
            "unit": self.unit,
            "dimension": self.dimension,
            "bound": self.bound,
            "rate": self.rate,
            "noun": self.noun,
            "modifier": self.modifier,
            "vague": self.vague,
            "scale": float(self.scale),
        }
        return trusted(QuantityValue, fields)
