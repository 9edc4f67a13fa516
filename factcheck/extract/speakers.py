"""Who is named where in a document: the people a quotation's speaker resolves to.

Split from `factcheck.extract.quotes`: `People` finds the names (outside
quotations) before a quotation, resolves a pronoun to the subject of the last
sentence naming someone and a bare surname to the one full name used with it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from factcheck.extract.people import abbreviated_titles, run_re, split_run
from factcheck.model import Quotation

_ORG_CONTEXT = re.compile(r"\b(?:of|at|for|from|the|with|in|on)\s+$")


def span_text(text: str, span: tuple[int, int]) -> str:
    """The words of text[span[0]:span[1]], single-spaced."""
    return " ".join(text[span[0] : span[1]].split())


@cache
def sentence_break() -> re.Pattern[str]:
    """A sentence ends here: not at the full stop of a title ("Dr. Jane Doe")."""
    not_after_title = "".join(rf"(?<!\b{title})" for title in sorted(abbreviated_titles()))
    return re.compile(rf"{not_after_title}[.!?](?=[\s*_]|$)|\n[ \t]*\n")


class People:
    """Who is named where in one document, read on demand.

    Pronouns resolve to the subject of the last sentence that names someone, and
    a bare surname ("Professor Lindqvist") to the one full name used earlier with it.
    """

    def __init__(self, text: str, outermost: list[tuple[Quotation, bool]]) -> None:
        self.text = text
        self.spans = [(q.start, q.end) for q, nested in outermost if not nested]
        self.starts = [a for a, _ in self.spans]
        self._all: list[tuple[int, str]] | None = None

    def _inside_quote(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]

    def mentions(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Offsets of the people named in text[lo:hi], outside quotations."""
        out = []
        for m in run_re(2).finditer(self.text, lo, hi):
            name = split_run(self.text, m.start(), m.end()).name
            if name is None or self._inside_quote(name[0]):
                continue
            if _ORG_CONTEXT.search(self.text, max(lo, name[0] - 6), name[0]):
                continue  # "chief executive of Borealis Offshore Wind": an organisation
            out.append(name)
        return out

    def _break_between(self, a: int, b: int) -> bool:
        """A sentence ends between offsets a and b (quotations skipped)."""
        pos = a
        while True:
            m = sentence_break().search(self.text, pos, b)
            if m is None:
                return False
            if not self._inside_quote(m.start()):
                return True
            pos = m.end()

    def referent(self, lo: int, hi: int) -> str | None:
        """Whom a pronoun at `hi` stands for: the first person named in the last
        sentence of text[lo:hi] that names someone (None when nobody is named)."""
        found = self.mentions(lo, hi)
        if not found:
            return None
        subject = found[-1]
        for m in reversed(found[:-1]):
            if self._break_between(m[1], subject[0]):
                break
            subject = m
        return span_text(self.text, subject)

    def full_name(self, surname: str, before: int) -> str | None:
        """The one full name used before `before` whose last word is `surname`."""
        if self._all is None:
            self._all = [(a, span_text(self.text, (a, b))) for a, b in self.mentions_all()]
        names = {n for a, n in self._all if a < before and n.split()[-1] == surname}
        return names.pop() if len(names) == 1 else None

    def mentions_all(self) -> list[tuple[int, int]]:
        """Offsets of all the people named in the text, inside quotations too."""
        out = []
        for m in run_re(2).finditer(self.text):
            name = split_run(self.text, m.start(), m.end()).name
            if name is not None:
                out.append(name)
        return out
