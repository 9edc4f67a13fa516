"""Segmentation: blocks, sentences, quotations and name lists (placeholder, naive)."""

from __future__ import annotations

import re

from factcheck.model import Block, Segmentation, Sentence

_BLOCK = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_SENT = re.compile(r"[^.!?]+(?:[.!?]+|$)")


def segment(text: str) -> Segmentation:
    """Split `text` into blocks and sentences."""
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    for m in _BLOCK.finditer(text):
        blocks.append(Block(start=m.start(), end=m.end()))
        for s in _SENT.finditer(m.group(0)):
            if s.group(0).strip():
                sentences.append(
                    Sentence(start=m.start() + s.start(), end=m.start() + s.end(), block=len(blocks) - 1)
                )
    return Segmentation(blocks=blocks, sentences=sentences, quotations=[], lists=[])
