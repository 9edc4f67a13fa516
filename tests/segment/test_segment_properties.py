"""Properties of segment(): never raises; ordered, non-overlapping, nested offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.segment import segment

_ALPHABET = st.sampled_from(
    [*"aZ .,;:!?\n\n  ()«»“”\"'’-…&3", "Mr.", " including ", " such as ", " and ", "Bank"]
)
_TEXTS = st.lists(_ALPHABET, max_size=120).map("".join) | st.text(max_size=200)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_segment_invariants(text: str) -> None:
    seg = segment(text)
    previous = 0
    for block in seg.blocks:
        assert previous <= block.start < block.end <= len(text)
        previous = block.end
    previous = 0
    for sentence in seg.sentences:
        block = seg.blocks[sentence.block]
        assert block.start <= sentence.start < sentence.end <= block.end
        assert previous <= sentence.start
        previous = sentence.end
        assert not text[sentence.start].isspace() and not text[sentence.end - 1].isspace()
    for lst in seg.lists:
        assert len(lst.items) >= 2
        assert lst.lead_start < lst.items[0][0]
        last = lst.lead_start
        for start, end in lst.items:
            assert last <= start < end <= len(text)
            last = end


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=400))
def test_long_inputs_stay_well_formed(n: int) -> None:
    text = "Funded by " + ", ".join(f"Alpha{i} Bank" for i in range(n)) + " and Omega Fund. " * 2
    seg = segment(text)
    assert seg.lists and len(seg.lists[0].items) == min(n + 1, 200)
