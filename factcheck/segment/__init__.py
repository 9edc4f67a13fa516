"""Segmentation: blocks, sentences, quotations and name lists of a plain text.

`segment(text)` is a pure function of the text and runs in linear time:
blocks (`blocks.py`), sentences inside each block (`sentences.py`), quotations
(`quotations.py`) and lists of names inside sentences (`lists.py`).
"""

from __future__ import annotations

from factcheck.model import Block, Quotation, Segmentation, Sentence, trusted
from factcheck.segment.blocks import split_blocks
from factcheck.segment.lists import find_lists
from factcheck.segment.sentences import split_sentences

__all__ = ["segment", "split_blocks", "split_sentences"]


def _quotations(text: str, blocks: list[Block]) -> list[Quotation]:
    try:
        from factcheck.segment.quotations import find_quotations
    except ModuleNotFoundError as exc:  # until the quotations module lands
        if exc.name != "factcheck.segment.quotations":
            raise
        return []
    return find_quotations(text, blocks)


def segment(text: str) -> Segmentation:
    """Split `text` into blocks, sentences, quotations and name lists."""
    # Built unvalidated (`trusted`): offsets are ints and every part a built model, as
    # validation would leave them (tests/segment/test_segment_construction.py compares).
    blocks = split_blocks(text)
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        for start, end in split_sentences(text, block.start, block.end):
            sentences.append(trusted(Sentence, {"start": start, "end": end, "block": index}))
    fields = {
        "blocks": blocks,
        "sentences": sentences,
        "quotations": _quotations(text, blocks),
        "lists": find_lists(text, sentences),
    }
    return trusted(Segmentation, fields)
