"""People's names, title words and verbs of saying: the vocabulary shared by roles and quotes.

The word lists live in `factcheck/data/titles.yaml`. A person's name is 2–4
capitalised tokens (accents, hyphens, apostrophes, initials), with lower-case
particles (de, van, von, le…) between them, optionally after a courtesy title
(Mr, Ms, Dr…) that is not part of the name. Capitalised runs are split into
[organisation] [title words] [name]: "General Motors CEO Mary Barra".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from factcheck.normalise import safe_load
from factcheck.normalise.places import default_places

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_TOKEN_TAIL = rf"(?:\.(?=\s)|[{_UP}{_LOW}]*(?:[-'’][{_UP}{_LOW}]+)*)"
_TOKEN = rf"[{_UP}]{_TOKEN_TAIL}"
_GAP = r"(?:[ \t\u00a0]+|[ \t]*\n[ \t]*)"


@dataclass(frozen=True)
class Vocab:
    title_words: frozenset[str]  # lower-cased
    portfolio_heads: frozenset[str]
    continuations: tuple[str, ...]
    honorifics: frozenset[str]
    particles: frozenset[str]
    not_name: frozenset[str]
    saying_verbs: frozenset[str]  # lower-cased, multi-word ones too ("pointed out")


@cache
def vocab() -> Vocab:
    """The titles/names vocabulary, loaded once."""
    raw = resources.files("factcheck.data").joinpath("titles.yaml").read_text("utf-8")
    data = safe_load(raw)

    def low(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key, []))

    return Vocab(
        title_words=low("title_words"),
        portfolio_heads=low("portfolio_heads"),
        continuations=tuple(str(w).lower() for w in data.get("continuations", [])),
        honorifics=frozenset(str(w) for w in data.get("honorifics", [])),
        particles=low("name_particles"),
        not_name=frozenset(str(w) for w in data.get("not_name_words", [])),
        saying_verbs=low("saying_verbs"),
    )


@cache
def run_re(min_tokens: int = 1) -> re.Pattern[str]:
    """A run of capitalised tokens joined by spaces and name particles.

    With `min_tokens=2` it finds exactly the runs of two tokens or more that the
    default pattern finds (a run never starts inside another one).
    """
    particles = "|".join(sorted(vocab().particles, key=len, reverse=True))
    return re.compile(
        # The look-behind follows the first capital so that the engine can skip
        # to capitals rather than try every position.
        rf"[{_UP}](?<![\w'’-][{_UP}]){_TOKEN_TAIL}"
        rf"(?:{_GAP}(?:(?:{particles}){_GAP}){{0,2}}{_TOKEN}){{{min_tokens - 1},7}}(?![\w'’-])"
    )


@cache
def saying_re() -> re.Pattern[str]:
    """A verb of saying as a whole word."""
    verbs = sorted(vocab().saying_verbs, key=len, reverse=True)
    return re.compile(
        r"\b(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs) + r")\b"
    )


_TOKEN_RE = re.compile(r"\S+")
_CONNECTOR_BEFORE = re.compile(r"\b(?:and|of|for|the|&)\s+$")


@lru_cache(maxsize=8192)
def is_title_word(word: str) -> bool:
    """Is `word` (any case) a title word: President, CEO, minister…?

    A hyphenated word whose last part is a title word is one too:
    "Vice-Chancellor", "Co-Chair", "Attorney-General".
    """
    low = word.lower().strip(",.")
    titles = vocab().title_words
    if low in titles:
        return True
    head, hyphen, last = low.rpartition("-")
    return bool(hyphen and head) and last in titles


def _is_name_token(tok: str) -> bool:
    v = vocab()
    return (
        tok not in v.not_name
        and tok not in v.honorifics
        and not is_title_word(tok)
        and (tok[:1].isupper() or tok in v.particles)
    )


@lru_cache(maxsize=4096)
def valid_name(name: str) -> bool:
    """2–4 capitalised tokens (particles aside), none a title, stop word or place."""
    toks = name.split()
    caps = [t for t in toks if t not in vocab().particles]
    if not 2 <= len(caps) <= 4 or not toks[0][:1].isupper() or not toks[-1][:1].isupper():
        return False
    if not all(_is_name_token(t) for t in toks) or all(len(t) <= 2 for t in caps):
        return False
    if not any(any(c.islower() for c in t) for t in caps):  # "EDF PPA" is no name
        return False
    return default_places().lookup(name) is None


@dataclass(frozen=True)
class Run:
    """A capitalised run split into organisation, title and name, with offsets."""

    org: tuple[int, int] | None
    title: tuple[int, int] | None
    name: tuple[int, int] | None


_NO_RUN = Run(None, None, None)


def split_run(text: str, start: int, end: int) -> Run:
    """Split the run text[start:end] into [organisation] [title words] [name]."""
    if len(text[start:end].split()) < 2:  # a name has two tokens or more
        return _NO_RUN
    found = list(_TOKEN_RE.finditer(text, start, end))  # \S+ reads no further than end
    toks = [m.span() for m in found]
    words = [m.group() for m in found]
    v = vocab()
    best = None
    for i in range(max(0, len(toks) - 6), len(toks) - 1):  # longest valid suffix
        if words[i] in v.honorifics or words[i] in v.particles:
            continue
        if valid_name(" ".join(words[i:])):
            best = i
            break
    if best is None:
        return Run(None, None, None)
    name = (toks[best][0], toks[-1][1])
    j = best
    while j > 0 and words[j - 1] in v.honorifics:
        j -= 1
    t = j
    while t > 0 and is_title_word(words[t - 1]):
        t -= 1
    title = (toks[t][0], toks[j - 1][1]) if t < j else None
    org = (toks[0][0], toks[t - 1][1]) if title and t > 0 else None
    return Run(org, title, name)


def name_before(text: str, end: int, floor: int) -> tuple[int, int] | None:
    """Offsets of a person's name that ends exactly at `end` (ignoring spaces), else None."""
    end_trim = len(text[:end].rstrip())
    lo = max(floor, end_trim - 120)
    hit = None
    for m in run_re().finditer(text, lo, end_trim):
        if m.end() == end_trim:
            hit = m
    if hit is None or _CONNECTOR_BEFORE.search(text, max(0, hit.start() - 6), hit.start()):
        return None
    return split_run(text, hit.start(), hit.end()).name


_LOWER_WORD = re.compile(rf"[{_LOW}][{_LOW}-]*[ \t\u00a0]+")
_NOT_IN_TITLE = frozenset(
    "the a an of for to and by with from in on at as his her their its".split()
)


def skip_lower_title(text: str, pos: int, limit: int) -> int:
    """`pos` moved past a lower-case title that ends in a title word: "chief
    executive |Maria Costa", "finance director |Jon Hale" (at most four words)."""
    end = pos
    at = pos
    for _ in range(4):
        m = _LOWER_WORD.match(text, at, limit)
        if m is None or m.group().strip() in _NOT_IN_TITLE:
            break
        at = m.end()
        if is_title_word(m.group().strip()):
            end = at
    return end


# Abbreviated titles that stand before a name with a full stop ("Sen. Ann Roe").
# Courtesy titles (Dr., Mr., Prof.…) come from the vocabulary's honorifics.
_TITLE_ABBREVIATIONS = frozenset(
    {"Sen", "Gov", "Rep", "Rev", "Hon", "Gen", "Col", "Capt", "Lt", "St"}
)
_ABBREVIATION_GAP = re.compile(r"\.[ \t\u00a0]+")
_TITLE_WORD = re.compile(rf"[{_UP}][{_LOW}]+")


@cache
def abbreviated_titles() -> frozenset[str]:
    """Titles written with a full stop before a name ("Dr.", "Sen."), without the stop.

    The one list behind `is_abbreviated_title` and the sentence-end checks of roles
    and quotes: the full stop of such a title ends no sentence. One-letter honorifics
    ("M.") are left out: they are as likely a first-name initial.
    """
    courtesy = (word for word in vocab().honorifics if len(word) >= 2 and word.isalpha())
    return _TITLE_ABBREVIATIONS | frozenset(courtesy)


def is_abbreviated_title(word: str) -> bool:
    """Whether `word` (without its full stop) is a title written "Dr." before a name."""
    return word in abbreviated_titles()


def skip_abbreviated_title(text: str, pos: int, limit: int) -> int:
    """`pos` moved past "Dr. ", "Prof. ", "Sen. " (titles, full stop and spaces) at `pos`."""
    for _ in range(2):  # "Prof. Dr. Anna Weber"
        word = _TITLE_WORD.match(text, pos, limit)
        if word is None or not is_abbreviated_title(word.group()):
            break
        gap = _ABBREVIATION_GAP.match(text, word.end(), limit)
        if gap is None:
            break
        pos = gap.end()
    return pos


def name_after(text: str, start: int, limit: int, titled: bool = False) -> tuple[int, int] | None:
    """Offsets of a person's name starting at `start` (after spaces and a courtesy
    title, with or without its full stop: "Dr Ann Roe", "Dr. Ann Roe").

    With `titled`, the name may also stand after lower-case title words or an
    organisation and title ("chief executive Maria Costa", "Georgia Governor
    Ellen Marsh").
    """
    piece = text[start:limit]
    at = start + len(piece) - len(piece.lstrip())
    if titled:
        at = skip_lower_title(text, at, limit)
    at = skip_abbreviated_title(text, at, limit)
    m = run_re().match(text, at)
    if m is None or m.end() > limit + 60:
        return None
    toks = [(t.start() + m.start(), t.end() + m.start()) for t in _TOKEN_RE.finditer(m.group(0))]
    words = [text[a:b] for a, b in toks]
    v = vocab()
    i = 0
    while i < len(words) and (words[i] in v.honorifics or is_title_word(words[i])):
        i += 1
    for j in range(min(len(words), i + 6), i + 1, -1):  # longest valid prefix
        if valid_name(" ".join(words[i:j])):
            return toks[i][0], toks[j - 1][1]
    if titled:
        run = split_run(text, m.start(), m.end())
        if run.title is not None and run.name is not None and run.name[1] == m.end():
            return run.name
    return None
