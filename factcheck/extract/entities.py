"""Entities: organisations in lists of names and in running text.

For each name list of the segmentation (lists of people and their titles are
skipped) it emits one "list" claim spanning the lead-in to the last item, with
`ListValue(items=[], lead_in=...)`, and one "entity" claim per item, whose
`EntityValue.list_lead_in` is that lead-in: the items of a list are the entity
claims with `list_lead_in` set whose offsets fall inside the list claim.

In running text it emits organisation names: capitalised sequences holding an
organisation cue word ("Aarhus Urban Community", "Nordic Innovation Centre"),
"the <Demonym> government", and acronyms that the text defines or the
gazetteer knows ("EIB", "VIC"). A capitalised sequence without a cue word (a
person's name, a place) is not an entity here. What stands before the name is
cut off: titles, "About" (a release's boilerplate heading), "<Place>-based", a
person or post "of" it ("Ana Lind of the Tovar Institute", "Vice-Chancellor of
the University of X"). A post ("Chief Financial Officer") and a sentence in
capitals (a headline) name no organisation. subject is the normalised name;
attribute is "financier" when the sentence speaks of financing, else
"organisation".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from factcheck.extract.base import ExtractContext, RawClaim
from factcheck.extract.people import is_title_word, valid_name
from factcheck.model import EntityValue, ListValue, NameList, Segmentation, trusted
from factcheck.normalise.names import (
    Gazetteer,
    default_gazetteer,
    defined_acronyms,
    looks_like_acronym,
    name_tokens,
    normalise_name,
)
from factcheck.segment.list_leads import OrgVocab, mentions_financing
from factcheck.segment.lists import is_capitalised, org_vocab

_MAX_RUN = 12
_LOWER = re.compile(r"[a-zß-öø-ÿ]")  # any lower-case letter


@cache
def _run_re() -> re.Pattern[str]:
    # A capitalised word, or "d'"/"l'" before one. Written to start with one
    # character class so that the engine can skip to candidate characters.
    word = r"[A-ZÀ-ÖØ-Þdl](?:(?<=[A-ZÀ-ÖØ-Þ])(?:[\w'’&.-]*\w|)|(?<=[dl])['’][A-ZÀ-ÖØ-Þ][\w'’-]*)"
    conn = r"(?:of|for|de|du|des|d'|et|the|la|le|les|&|und|van|von)"
    return re.compile(rf"{word}(?:[ \t]+(?:{conn}[ \t]+){{0,3}}{word}){{0,{_MAX_RUN}}}")


@cache
def _government_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:the[ \t]+)?([A-Z][a-z]+)[ \t]+government\b")


@cache
def _paren_acronym_re() -> re.Pattern[str]:
    return re.compile(r"[ \t]*\(([A-Z][A-Za-z0-9&]{1,7})\)")


@lru_cache(maxsize=8192)
def _word_key(word: str) -> str:
    return " ".join(name_tokens(word)) or word.lower()


def _people_list(text: str, lst: NameList) -> bool:
    for start, end in lst.items:
        words = text[start:end].split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if words and words[0].lower().strip(",") in org_vocab().titles:
            return True
    return False


def _lead_phrase(text: str, lst: NameList) -> str:
    """The lead-in with the noun before it: "banks including", "players:"."""
    before = text[max(0, lst.lead_start - 40) : lst.lead_start].rstrip(" ,\t")
    m = re.search(r"([a-z][a-z-]+)$", before)
    if not m or m.group(1) in ("is", "are", "was", "were", "be", "been"):
        return lst.lead_in
    return f"{m.group(1)}{lst.lead_in}" if lst.lead_in == ":" else f"{m.group(1)} {lst.lead_in}"


def _entity_value(
    name: str, acronyms: dict[str, str], gaz: Gazetteer, lead: str | None
) -> EntityValue:
    outside, inside = name, None
    m = re.search(r"\(([^()]+)\)", name) if "(" in name else None
    if m:
        outside, inside = (name[: m.start()] + name[m.end() :]).strip(), m.group(1).strip()
    bare = re.sub(r"^(?:the|The)\s+", "", outside) if outside[:3] in ("the", "The") else outside
    acronym = expansion = None
    if inside and looks_like_acronym(inside):
        acronym, expansion = inside, bare
    elif inside:
        expansion = inside
        acronym = next((w for w in bare.split() if w.isupper() and looks_like_acronym(w)), None)
    elif looks_like_acronym(bare):
        expansion = acronyms.get(bare) or gaz.acronyms.get(bare)
        acronym = bare if expansion else None
    # Every field is a str or None already: constructed without validation (the
    # tests validate what extraction builds).
    return trusted(
        EntityValue,
        {
            "kind": "entity",
            "name": name,
            "normalised": normalise_name(outside),
            "acronym": acronym,
            "expansion": expansion,
            "list_lead_in": lead,
        },
    )


def _claim(text, start, end, attribute, acronyms, gaz, lead=None) -> RawClaim:
    value = _entity_value(text[start:end], acronyms, gaz, lead)
    return RawClaim("entity", start, end, value, subject=value.normalised, attribute=attribute)


def _known_acronym(word: str, acronyms: dict[str, str], gaz: Gazetteer) -> bool:
    return (
        word.isupper() and looks_like_acronym(word) and (word in acronyms or word in gaz.acronyms)
    )


# Title words that never stand inside an organisation's name (unlike "General",
# "Executive" or "Prime", which do: General Motors, Executive Agency, Amazon Prime).
_PERSON_TITLES = frozenset(
    "minister president secretary ceo cfo coo cto chairman chairwoman director mayor "
    "governor senator commissioner spokesperson spokesman spokeswoman ambassador "
    "officer chancellor treasurer provost rector dean chairperson councillor".split()
)


def _org_spans(text: str, start: int, end: int, acronyms: dict[str, str], gaz: Gazetteer):
    """(start, end) of organisation names in running text between start and end."""
    vocab = org_vocab()
    for m in _run_re().finditer(text, start, end):
        if _plain_word(m.group()):
            continue  # most runs
        found = _run_span(text, m, end, acronyms, gaz, vocab)
        if found is not None:
            yield found
    if text.find("government", start, end) < 0:
        return
    for m in _government_re().finditer(text, start, end):
        if m.group(1).lower() not in ("the", "a", "an", "this", "that", "our", "its", "their"):
            yield m.start(), m.end()


def _plain_word(run: str) -> bool:
    """A run of one word that is no acronym, which `_run_span` never takes."""
    return not run.isupper() and " " not in run and "\t" not in run


def _described(word: str) -> bool:
    """A hyphenated description before a name, never part of it: "Detroit-based",
    "state-owned", "Paris-listed" (a lower-case participle after the hyphen)."""
    tail = word.rpartition("-")[2]
    return bool(tail) and tail != word and tail.islower() and tail.endswith("ed")


def _leading_junk(word: str, vocab: OrgVocab) -> bool:
    """A first word of a capitalised run that starts no organisation's name."""
    return (
        word.lower() in vocab.titles
        or word in _NOT_NAME_STARTS
        or word.lower() in ("of", "for", "the", "de", "du", "des")
        or _described(word)
    )


def _past_description(text: str, start: int, end: int) -> int:
    """Where a list item's name starts, after a description such as "Detroit-based"."""
    first, space, rest = text[start:end].partition(" ")
    if space and rest.strip() and _described(first):
        return end - len(rest.lstrip())
    return start


# "About" heads the boilerplate paragraph of a release ("About Acme Group").
_NOT_NAME_STARTS = frozenset(["The", "the", "About"])
_OF_WORDS = frozenset(["of", "for", "at"])


def _owner_part(words: list[str], vocab: OrgVocab) -> int:
    """Index of the organisation in "<person or title> of <organisation>" ("Priya
    Moreau of the Rhine Foundation", "Vice-Chancellor of the University of X"),
    else 0. A head with an organisation word ("Ohio Department of ...") is no person."""
    for k, w in enumerate(words[:6]):
        if w in _OF_WORDS:
            head = words[:k]
            if any(_word_key(h) in vocab.org_cues for h in head):
                return 0
            if head and (valid_name(" ".join(head)) or all(is_title_word(h) for h in head)):
                rest = k + 1
                while rest < len(words) and words[rest] in ("the", "The"):
                    rest += 1
                return rest
            return 0
    return 0


def _run_span(
    text: str, m: re.Match[str], end: int, acronyms: dict[str, str], gaz: Gazetteer, vocab: OrgVocab
) -> tuple[int, int] | None:
    """(start, end) of the organisation name that capitalised run `m` holds, if any."""
    words = m.group().split()
    offset = m.start()
    while words and _leading_junk(words[0], vocab):
        offset = text.index(words[0], offset) + len(words[0])
        words = words[1:]
    cut = _owner_part(words, vocab)
    for w in words[:cut]:
        offset = text.index(w, offset) + len(w)
    words = words[cut:]
    if not words:
        return None
    if len(words) == 1:  # only a known acronym counts
        w = words[0]
        if _known_acronym(w, acronyms, gaz) and _word_key(w) not in _PERSON_TITLES:
            return text.index(w, offset), m.end()
        return None
    s = text.index(words[0], offset)
    keys = [_word_key(w) for w in words]
    if any(k in _PERSON_TITLES for k in keys):  # "Cabinet Secretary for Energy" is a post
        return None
    has_cue = any(k in vocab.org_cues for k in keys)
    non_cue = [
        k for k, w in zip(keys, words, strict=True) if k not in vocab.org_cues and is_capitalised(w)
    ]
    if not (has_cue and non_cue):
        return None
    e = m.end()
    p = _paren_acronym_re().match(text, e, end)
    return s, (p.end() if p else e)


class _Taken:
    """Character ranges already claimed, kept sorted and merged so that an overlap test
    is one bisect (a scan over all of them was quadratic on long documents)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect_left(self.starts, b) - 1
        return i >= 0 and self.ends[i] > a

    def add(self, a: int, b: int) -> None:
        i = bisect_left(self.starts, a)
        if i > 0 and self.ends[i - 1] > a:
            i -= 1
            a, b = self.starts[i], max(b, self.ends[i])
        j = i
        while j < len(self.starts) and self.starts[j] < b:
            b = max(b, self.ends[j])
            j += 1
        self.starts[i:j] = [a]
        self.ends[i:j] = [b]


def find(text: str, seg: Segmentation, ctx: ExtractContext) -> list[RawClaim]:
    """Entity and list claims of `text`."""
    gaz = ctx.gazetteer if isinstance(ctx.gazetteer, Gazetteer) else default_gazetteer()
    acronyms = defined_acronyms(text)
    out: list[RawClaim] = []
    taken = _Taken()
    for lst in seg.lists:
        if not lst.items or _people_list(text, lst):
            continue
        lead = _lead_phrase(text, lst)
        sentence = _sentence_of(text, seg, lst.lead_start)
        attribute: str | None = "financier" if mentions_financing(sentence) else "organisation"
        list_value = ListValue(items=[], lead_in=lead)
        out.append(
            RawClaim(
                "list",
                lst.lead_start,
                lst.items[-1][1],
                list_value,
                subject=lead,
                attribute=attribute,
            )
        )
        for a, b in lst.items:
            start = _past_description(text, a, b)
            out.append(_claim(text, start, b, attribute, acronyms, gaz, lead))
        taken.add(lst.lead_start, lst.items[-1][1])
    for s in seg.sentences:
        attribute = None  # decided at the sentence's first entity: most have none
        for a, b in _org_spans(text, s.start, s.end, acronyms, gaz):
            if taken.overlaps(a, b):
                continue
            if attribute is None:
                if _shouted(text, s.start, s.end):
                    break
                financing = mentions_financing(text[s.start : s.end])
                attribute = "financier" if financing else "organisation"
            out.append(_claim(text, a, b, attribute, acronyms, gaz))
            taken.add(a, b)
    out.sort(key=lambda r: (r.start, r.end))
    return out


def _shouted(text: str, start: int, end: int) -> bool:
    """A sentence in capitals ("ACME AWARDED £4M FOR NEW INSTITUTE"): its capitalised
    runs are the whole headline, not names."""
    return _LOWER.search(text, start, end) is None


def _sentence_of(text: str, seg: Segmentation, offset: int) -> str:
    i = bisect_right(seg.sentences, offset, key=lambda s: s.start) - 1
    if i >= 0 and offset < seg.sentences[i].end:
        return text[seg.sentences[i].start : seg.sentences[i].end]
    return ""
