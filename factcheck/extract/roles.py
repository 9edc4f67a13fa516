"""Roles: a person with a title ("Jane Doe, President of the Aarhus Urban Community").

Three shapes are read, block by block:

- apposition "Name, Title of Org" (also "Name (Title)"), the title running to the
  end of the apposition: a verb of saying, a closing parenthesis, the sentence end,
  or a comma that does not continue the title. A comma continues it before a
  lower-case continuation (", responsible for Industry") and, for portfolio titles
  (minister, secretary…), before capitalised portfolio words
  (", Finance and Industrial, Energy and Digital Sovereignty");
- "the Title of Org, Name" in lists of dignitaries;
- "Title Name" ("President Emmanuel Macron", "Renault CEO Jane Doe").

subject = person, attribute = "title"; organisation = what follows "of"/"at".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from factcheck.extract.base import ExtractContext, RawClaim
from factcheck.extract.people import (
    abbreviated_titles,
    is_title_word,
    name_after,
    run_re,
    saying_re,
    split_run,
    valid_name,
    vocab,
)
from factcheck.model import RoleValue, Segmentation, trusted
from factcheck.normalise.places import default_places
from factcheck.patterns import word_trie

MAX_TITLE = 300
_SPECIAL = re.compile(r"[,;:!?()\n“”«»\"]|\.(?=\s|$)")
_WORD_STOP = re.compile(
    r"\s(?:who|which|whose|that|is|was|are|were|has|have|had|will|would|since|when|during)\b"
)
_APPOS = re.compile(
    r"[ \t\u00a0]*([,(])\s*"
    r"(?:(?:currently|formerly|previously|now|most\s+recently)\s+)?"
    r"(?:(?:the|a|an|former|then)\s+)?(\w[\w-]*)"
)
# A lower-case owner before a title says nothing about it: "the company's COO".
_LOWER_OWNER = re.compile(r"\A(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}['’]s\s+(?=\w)")
_ACRONYM_TAIL = re.compile(r"\s*\([A-Z0-9&.\- ]{2,12}\)$")
_ORG_SPLIT = re.compile(r"\s(?:of|at)\s+(?:the\s+)?")
_FOR_SPLIT = re.compile(r"\sfor\s+(?:the\s+)?")
# The full stop of "Dr." or "Sen." before a name ends no sentence.
_SENTENCE_END = re.compile(r"[.;:!?](?=\s|$)|\n\s*\n")


@cache
def _title_before_stop() -> re.Pattern[str]:
    """An abbreviated title ("Dr", "Sen") ending where the searched text ends."""
    titles = "|".join(sorted(abbreviated_titles(), key=len, reverse=True))
    return re.compile(rf"\b(?:{titles})\Z")


def _sentence_end(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first sentence end in text[start:end]; the full stop of "Dr." or "Sen."
    before a name ends no sentence."""
    pos = start
    while True:
        m = _SENTENCE_END.search(text, pos, end)
        if (
            m is None
            or m.group() != "."
            or not _title_before_stop().search(text, max(0, m.start() - 5), m.start())
        ):
            return m
        pos = m.end()


def split_title(title: str) -> tuple[str, str | None]:
    """(title head, organisation): "CEO of Acme" → ("CEO", "Acme");
    "Acme's chief executive" → ("chief executive", "Acme").

    The organisation is what follows the first "of"/"at" (and "for" in portfolio
    titles), up to a comma before lower-case words or a parenthesis.
    """
    title = " ".join(title.split())
    owner = re.match(r"((?:[\w-]+\s+){0,3}[\w-]+)['’]s\s+", title)
    if owner:  # "Acme's chief operating officer"
        return title[owner.end() :], owner.group(1)
    first = title.split(",", 1)[0]
    at = first.rfind(" at ")
    m = _ORG_SPLIT.search(title, at) if at > 0 else _ORG_SPLIT.search(title)
    if m is None and title.split(" ", 1)[0].lower() in vocab().portfolio_heads:
        m = _FOR_SPLIT.search(title)
    if m is None:
        return title, None
    org = re.split(r",\s+(?=[a-z])(?!and\s+[A-Z])|\s*\(", title[m.end() :], maxsplit=1)[0].strip(
        " ,."
    )
    return title[: m.start()].strip(), org or None


def _continues(text: str, pos: int, limit: int, title: str) -> bool:
    """Does the title go on after the comma ending at `pos`?"""
    seg = text[pos:limit].lstrip()
    m = _SPECIAL.search(seg)
    seg = seg[: m.start()] if m else seg
    if not seg or saying_re().match(seg):
        return False
    low = seg.lower()
    if seg[0].islower() and not re.match(r"(?:and|&)\s+[A-Z]", seg):
        return any(low.startswith(c + " ") or low == c for c in vocab().continuations)
    heads = vocab().portfolio_heads
    if not any(w.lower().strip(",") in heads for w in title.split()[:6]):
        return False
    words = re.sub(r"^(?:and|&)\s+", "", seg).split()
    if not words or valid_name(" ".join(words)):
        return False
    return all(w[0].isupper() or w in ("and", "&", "of", "the", "for") for w in words)


def _goes_on(text: str, ch: str, pos: int, limit: int, title: str) -> bool:
    """Does the title go on past the comma or line break `ch` ending at `pos`?"""
    if ch == ",":
        return _continues(text, pos, limit, title)
    return ch == "\n" and bool(text[pos : pos + 200].split("\n", 1)[0].strip())


def title_end(text: str, start: int, limit: int) -> int:
    """End offset of the title that starts at `start` (exclusive)."""
    limit = min(limit, start + MAX_TITLE)
    pos = end = start
    while pos < limit:
        m = _SPECIAL.search(text, pos, limit)
        seg_end = m.start() if m else limit
        stops = [s.start() for s in (_WORD_STOP.search(text, pos, seg_end),) if s]
        stops += [s.start() for s in (saying_re().search(text, pos, seg_end),) if s]
        if stops:
            return len(text[: min(stops)].rstrip(" ,\t\n"))
        end = seg_end
        if m is None:
            break
        ch = m.group()
        if ch == "(":
            close = text.find(")", m.end(), min(limit, m.end() + 80))
            if close == -1:
                break
            end = pos = close + 1
        elif _goes_on(text, ch, m.end(), limit, text[start:end]):
            pos = m.end()
        else:
            break
    return len(text[:end].rstrip(" ,\t\n"))


def clean_title(title: str) -> str:
    """Whitespace collapsed, leading article and trailing "(ACRONYM)" removed."""
    title = _ACRONYM_TAIL.sub("", " ".join(title.split())).strip(" ,")
    return re.sub(r"^(?:the|a|an)\s+", "", title, flags=re.IGNORECASE)


def _claim(text: str, start: int, end: int, person: tuple[int, int], title: str) -> RawClaim:
    name = " ".join(text[person[0] : person[1]].split())
    title = clean_title(title)
    owner = _LOWER_OWNER.match(title)
    if owner:  # "the hospital's head of oncology": no organisation named
        title = title[owner.end() :]
    organisation = split_title(title)[1]
    if owner and organisation and organisation[0].islower():
        organisation = None
    # str fields built from str: constructed without validation (tests validate them)
    value = trusted(
        RoleValue, {"kind": "role", "person": name, "title": title, "organisation": organisation}
    )
    return RawClaim("role", start, end, value, subject=name, attribute="title")


@cache
def _reverse_re() -> re.Pattern[str]:
    """ "the" and the word after it (group 1), when that word may be a title word.

    The case-insensitive title filter admits every word whose lower case is a
    title word (and a few more, checked by the caller). The match starts at "he",
    one character after "The"/"the": a literal first gets the engine's fast literal
    search, and the look-behinds check the "T" and the "\b" before it.
    """
    titles = word_trie(w for w in vocab().title_words if " " not in w)
    return re.compile(
        rf"he(?<=[Tt]he)(?<!\w[Tt]he)[ \t\u00a0]+(?=(\w[\w-]*))(?=(?i:{titles})(?![\w-]))"
    )


def _reverse(text: str, lo: int, hi: int) -> list[tuple[RawClaim, tuple[int, int]]]:
    """ "the Title of Org, Name" in lists of dignitaries."""
    out: list[tuple[RawClaim, tuple[int, int]]] = []
    titles = vocab().title_words
    for m in _reverse_re().finditer(text, lo + 1, hi):  # "he" of a "the" at lo or later
        start = m.start() - 1  # the "T" of "The"
        # is_title_word, inlined: the word after "the" has no "," or "." to strip
        if m.group(1).lower() not in titles or (out and start < out[-1][0].end):
            continue
        t0 = m.end()
        stop = _sentence_end(text, t0, min(hi, t0 + 600))
        send = stop.start() if stop else min(hi, t0 + 600)
        for comma, seg_end in _comma_segments(text, t0, send):
            person = name_after(text, comma + 1, seg_end)
            if person is None or person[1] > seg_end:
                continue
            rest = text[person[1] : seg_end].strip()
            nxt = text[seg_end + 1 : send].lstrip()
            ok_next = not nxt or nxt[0].islower() or nxt.startswith(("the ", "The "))
            if (rest and rest[0].islower()) or (not rest and (seg_end == send or ok_next)):
                claim = _claim(text, start, person[1], person, text[t0:comma])
                out.append((claim, person))
            break
    return out


def _comma_segments(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Each of the first eight commas of text[lo:hi] with the end of the stretch after
    it: the next comma, or `hi` after the last (or the eighth)."""
    comma = text.find(",", lo, hi)
    for k in range(8):
        if comma < 0:
            return
        after = text.find(",", comma + 1, hi) if k < 7 else -1
        yield comma, (after if after >= 0 else hi)
        comma = after


def _org_prefix(text: str, org: tuple[int, int] | None, lo: int) -> str | None:
    if org is None:
        return None
    words = text[org[0] : org[1]]
    if default_places().demonym(words) or any(w in vocab().not_name for w in words.split()):
        return None
    return " ".join(words.split())


_LEAD_WORD = re.compile(r"[ \t\u00a0]*([\w-]+(?:['’]s)?)")


def _leads_to_title(text: str, pos: int, hi: int) -> bool:
    """A title word at `pos`, or reached through an owner's possessive or a few
    capitalised modifiers: "Acme's chief operating officer", "the
    university's vice-rector", "Bavarian State Minister for …"."""
    for _ in range(4):
        m = _LEAD_WORD.match(text, pos, hi)
        if m is None:
            return False
        word = m.group(1)
        if is_title_word(word):
            return True
        possessive = word.endswith(("'s", "’s"))
        if not (possessive or word[0].isupper()) or saying_re().match(word):
            return False
        pos = m.end()
    return False


def find_in(text: str, lo: int, hi: int) -> list[RawClaim]:
    """Roles inside text[lo:hi] (one block)."""
    found = _reverse(text, lo, hi)
    used = {person for _, person in found}
    out = [c for c, _ in found]
    for m in run_re(2).finditer(text, lo, hi):  # a name has two tokens or more
        run = split_run(text, m.start(), m.end())
        if run.name is None or run.name in used:
            continue
        if run.title is not None:
            title = text[run.title[0] : run.title[1]]
            claim = _claim(text, run.title[0], run.name[1], run.name, title)
            org = _org_prefix(text, run.org, lo)
            if org:
                claim = RawClaim(
                    "role",
                    run.org[0] if run.org else claim.start,
                    claim.end,
                    claim.value.model_copy(update={"organisation": org}),  # type: ignore[union-attr]
                    subject=claim.subject,
                    attribute="title",
                )
            out.append(claim)
        if run.name[1] == m.end():  # "Professor Jane Doe, Head of …" has both
            appos = _apposition(text, run.name, hi)
            if appos is not None:
                out.append(appos)
    return out


def _apposition(text: str, name: tuple[int, int], hi: int) -> RawClaim | None:
    """ "Name, Title of Org" (or "Name (Title)") right after the name."""
    a = _APPOS.match(text, name[1], hi)
    if a is None or not _leads_to_title(text, a.start(2), hi):
        return None
    t0 = a.start(2) if a.group(1) == "," else a.end(1)
    t_end = title_end(text, t0, hi)
    head = run_re().match(text, a.start(2))
    if head and split_run(text, head.start(), head.end()).name and head.end() >= t_end:
        return None  # ", President Biden said": a new "Title Name", not an apposition
    return _claim(text, name[0], t_end, name, text[t0:t_end]) if t_end > t0 else None


def find(text: str, seg: Segmentation, ctx: ExtractContext) -> list[RawClaim]:
    """Every person-with-title in `text`, block by block."""
    spans = [(b.start, b.end) for b in seg.blocks] or [(0, len(text))]
    out: list[RawClaim] = []
    for lo, hi in spans:
        out.extend(find_in(text, lo, hi))
    return _dedupe(out)


def _dedupe(claims: list[RawClaim]) -> list[RawClaim]:
    seen: set[tuple[int, int]] = set()
    out = []
    for c in sorted(claims, key=lambda c: (c.start, -c.end)):
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            out.append(c)
    return out
