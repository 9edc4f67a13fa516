"""Quantities: "€3 billion", "16 GWh/year", "1,200 direct jobs", "200,000 to 300,000 EV batteries".

The text is tokenised once (digits runs, words, single punctuation marks); a cursor then
reads, at each number, an optional currency prefix and bound word before it, the number
(digits, number words, scale words), and the unit, currency, counted noun, rate, range end,
trailing bound and time qualifier after it. Every step looks at a bounded number of
tokens, so extraction is linear in the text.

Not quantities (skipped): phone numbers, e-mail addresses, URLs, numeric dates and
clock times, years in date context, day numbers next to month names, ordinals, codes
glued to letters (A390, REV3, COVID-19), version-like numbers (5.0), programme and model
names ("France 2030"), labels ("Section 2"), list and heading numbering, "24/7".
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from factcheck.extract.base import STOPWORDS, ExtractContext, RawClaim, singular
from factcheck.model import QuantityValue, Segmentation
from factcheck.normalise import numbers, units

_TOKEN = re.compile(
    r"(?<![\w.,])\.\d+|\d+(?:[.,\u2009\u202f\u00a0]\d+)*|[½⅓⅔¼¾⅕⅛⅖]|[^\W\d_½⅓⅔¼¾⅕⅛⅖]+(?:['’][st]\b)?|\S"
)
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2009\u202f]{0,2}")
_PROTECTED = (
    r"(?:https?://|www\.)[^\s<>\"')\]]+",  # URLs
    r"\+\d[\d \u00a0().\-/]{5,}\d",  # international phone numbers
    r"\(\d{2,4}\)[ \u00a0]?\d{3}[ .\-]\d{4}",  # (555) 123-4567
    r"(?<![\d.,])\d{3}[.\-]\d{3,4}[.\-]\d{4}(?![\d])",  # 555-123-4567
    r"(?<![\d.,])\d{3}-\d{4}(?![\d])",  # 123-4567
    r"(?<![\d.,])0\d(?:[ .]\d\d){4}(?!\d)",  # 07 48 10 11 40
    r"(?<![\d.,])\d{1,4}([/.\-])\d{1,2}\1\d{1,4}(?![\d])",  # 11/12/2025, 2025-12-11
    r"(?<![\d.,])\d{1,2}:\d{2}(?::\d{2})?(?![\d])",  # 14:30
)
_ORDINAL = frozenset({"st", "nd", "rd", "th"})
_COMPARATORS = {
    ">": "more_than",
    ">=": "at_least",
    "≥": "at_least",
    "<": "less_than",
    "<=": "at_most",
    "≤": "at_most",
    "=<": None,
    "=>": None,
    "<>": None,
}
_AMBIGUOUS_SCALES = {
    "m": 1e6,
    "M": 1e6,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
    "T": 1e12,
    "k": 1e3,
    "K": 1e3,
}
_RANGE_DASHES = frozenset("-–—~")
_NOT_PLURAL_NOUNS = frozenset(
    [
        "times",
        "is",
        "was",
        "has",
        "does",
        "this",
        "thus",
        "plus",
        "minus",
        "bonus",
        "status",
        "less",
    ]
)
_SAFE_LOWER_CODES = frozenset(
    [
        "usd",
        "eur",
        "gbp",
        "rmb",
        "cny",
        "jpy",
        "chf",
        "aud",
        "sek",
        "nok",
        "dkk",
        "pln",
        "hkd",
        "nzd",
        "sgd",
        "inr",
        "btc",
        "mxn",
    ]
)


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    kind: str  # num | frac | word | punct | code
    text: str
    low: str
    value: float | None = None


@functools.cache
def cues() -> dict[str, Any]:
    """The cue-word data of `data/quantity_cues.yaml`, with phrase tables prepared."""
    raw = yaml.safe_load(
        (resources.files("factcheck") / "data" / "quantity_cues.yaml").read_bytes()
    )

    def phrases(groups: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
        return {tuple(_words(p)): k for k, ps in groups.items() for p in ps}

    data = dict(raw)
    data["before"] = phrases(raw["bounds_before"])
    data["after"] = phrases(raw["bounds_after"])
    data["rate_adv"] = phrases(raw["rate_adverbs"])
    data["periods"] = {w: k for k, ws in raw["rate_periods"].items() for w in ws}
    data["attr"] = {w.lower(): k for k, ws in raw["attributes"].items() for w in ws}
    for key in (
        "months",
        "labels",
        "date_prepositions",
        "time_prepositions",
        "clock_words",
        "one_pronoun_before",
        "one_pronoun_after",
    ):
        data[key] = frozenset(str(w).lower() for w in raw[key])
    data["prefix_ok"] = frozenset(
        {w for p in data["before"] for w in p} | STOPWORDS | {"between", "from", "only", "just"}
    )
    return data


@functools.cache
def _currency_prefixes() -> dict[str, tuple[tuple[str, str], ...]]:
    """First character -> ((written prefix, unit name), ...) longest first: "US$", "€", "usd"."""
    t = units.table()
    out = {s: n for s, n in t["symbols"].items() if t["units"][n][3] == "currency"}
    out |= {s.lower(): n for s, n in out.items() if s.lower() in _SAFE_LOWER_CODES}
    out |= {s.lower(): n for s, n in out.items() if "$" in s}
    by_initial: dict[str, list[tuple[str, str]]] = {}
    for sym, name in sorted(out.items(), key=lambda kv: -len(kv[0])):
        by_initial.setdefault(sym[0], []).append((sym, name))
    return {k: tuple(v) for k, v in by_initial.items()}


def _words(s: str) -> list[str]:
    return [m.group(0).lower() for m in _TOKEN.finditer(s)]


def tokenize(text: str) -> list[Tok]:
    """Digit runs, words and single punctuation marks; "40 000" merged, "1,1,1" split."""
    toks: list[Tok] = []
    for m in _TOKEN.finditer(text):
        s, e, g = m.start(), m.end(), m.group(0)
        if g[0].isdigit() or (g[0] == "." and len(g) > 1):
            for a, b, v in numbers.number_spans(g):
                toks.append(
                    Tok(s + a, s + b, "num" if v is not None else "code", g[a:b], g[a:b], v)
                )
        elif g in numbers.VULGAR:
            toks.append(Tok(s, e, "frac", g, g, numbers.VULGAR[g]))
        else:
            toks.append(Tok(s, e, "word" if g[0].isalpha() else "punct", g, g.lower()))
    return _merge_space_groups(text, toks)


def _merge_space_groups(text: str, toks: list[Tok]) -> list[Tok]:
    out: list[Tok] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        j = i
        if t.kind == "num" and t.text.isdigit() and len(t.text) <= 3:
            while (
                j + 1 < n
                and toks[j + 1].kind == "num"
                and text[toks[j].end : toks[j + 1].start] == " "
                and re.fullmatch(r"\d{3}(?:[.,]\d+)?", toks[j + 1].text)
                and (j == i or toks[j].text.isdigit())
            ):
                j += 1
            if j + 1 < n and j > i and toks[j + 1].text == "/" and toks[j + 1].start == toks[j].end:
                j = i
        if j > i:
            raw = text[t.start : toks[j].end]
            v = numbers.parse_number(raw)
            if v is not None:
                out.append(Tok(t.start, toks[j].end, "num", raw, raw, v))
                i = j + 1
                continue
        out.append(t)
        i += 1
    return out


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted spans that hold no quantity: URLs, e-mails, phone numbers, numeric dates, times."""
    spans = [m.span() for p in _PROTECTED for m in re.finditer(p, text)]
    pos = text.find("@")
    while pos != -1:
        a = pos
        while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "._%+-"):
            a -= 1
        b = pos + 1
        while b < len(text) and (text[b].isalnum() or text[b] in ".-"):
            b += 1
        if a < pos < b - 1:
            spans.append((a, b))
        pos = text.find("@", b)
    return sorted(spans)


@dataclass
class _Q:
    """A quantity being read (mutable while reading; frozen into a QuantityValue at the end)."""

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
    words: bool = False
    has_unit: bool = False
    currency_prefix: bool = False
    first: int = 0  # first token (currency prefix, sign or number)
    j: int = 0  # the number's first token
    kn: int = 0  # the token after the number phrase
    lead: int = -1  # where a bound word before the quantity starts


class _Reader:
    """Reads quantities over the tokens of one text. Holds no state between texts."""

    def __init__(self, text: str, seg: Segmentation) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.n = len(self.toks)
        self.low = [t.low for t in self.toks]
        self.cue = cues()
        self.protected = protected_spans(text)
        self.pstarts = [a for a, _ in self.protected]
        self.sent_starts = [s.start for s in seg.sentences]
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.seg = seg

    # --- small helpers -------------------------------------------------------------
    def near(self, a: int, b: int) -> bool:
        """Tokens a and b are separated by at most two spaces (no line break)."""
        if not (0 <= a < self.n and 0 <= b < self.n):
            return False
        gap = self.text[self.toks[a].end : self.toks[b].start]
        return len(gap) <= 2 and not gap.strip()

    def line_start(self, pos: int) -> int:
        return self.line_starts[bisect_right(self.line_starts, pos) - 1]

    def glued(self, a: int, b: int) -> bool:
        return 0 <= a < self.n and 0 <= b < self.n and self.toks[a].end == self.toks[b].start

    def is_protected(self, pos: int) -> bool:
        k = bisect_right(self.pstarts, pos) - 1
        return k >= 0 and self.protected[k][0] <= pos < self.protected[k][1]

    def phrase(self, i: int, key: str, before: bool = False) -> tuple[str, int] | None:
        """Longest phrase of cue table `key` ending before token i (before=True), or from i."""
        edge = self.low[i - 1] if before and i > 0 else self.low[i] if i < self.n else ""
        if edge not in _edges(key, before):
            return None
        table = self.cue[key]
        for length in (5, 4, 3, 2, 1):
            idx = range(i - length, i) if before else range(i, i + length)
            if idx.start < 0 or idx.stop > self.n:
                continue
            if any(not self.near(k, k + 1) and not self.glued(k, k + 1) for k in idx[:-1]):
                continue
            if before and not self.near(idx[-1], i):
                continue
            key = tuple(self.low[k] for k in idx)
            if key in table:
                return table[key], (idx.start if before else idx.stop)
        return None

    # --- reading ---------------------------------------------------------------------
    def currency_prefix(self, i: int) -> tuple[str, int] | None:
        """A currency written before a number, starting at token i: (unit name, next token)."""
        t = self.toks[i]
        if i > 0 and self.glued(i - 1, i) and self.toks[i - 1].kind in ("word", "num"):
            return None
        for sym, name in _currency_prefixes().get(t.text[0], ()):
            if not self.text.startswith(sym, t.start):
                continue
            end = t.start + len(sym)
            if sym[-1].isalpha() and self.text[end : end + 1].isalpha():
                continue
            j = i
            while j < self.n and self.toks[j].end < end:
                j += 1
            if j < self.n and self.toks[j].end == end:
                return name, j + 1
        m = re.fullmatch(r"M([A-Z]{3})", t.text) if t.kind == "word" else None
        info = units.lookup(m.group(1)) if m else None
        if info and info.kind == "currency":
            return "M" + info.name, i + 1
        return None

    def number(self, j: int) -> tuple[float, float, int, bool] | None:
        """(value, scale, next token, written in words) of a number at token j, else None."""
        t = self.toks[j]
        if t.kind == "frac":
            return t.value or 0.0, 1.0, j + 1, False
        if t.kind == "num":
            if (
                self.low[j + 1 : j + 2] == ["/"]
                and self.glued(j, j + 1)
                and self.glued(j + 1, j + 2)
            ):
                f = numbers.parse_fraction(self.text[t.start : self.toks[j + 2].end])
                chained = j + 3 < self.n and self.low[j + 3] == "/" and self.glued(j + 2, j + 3)
                return (
                    None
                    if f is None or chained or (j > 0 and self.low[j - 1] == "/")
                    else (f, 1.0, j + 3, False)
                )
            if (
                j + 3 < self.n
                and self.toks[j + 1].kind == "num"
                and self.low[j + 2] == "/"
                and self.near(j, j + 1)
                and self.glued(j + 1, j + 2)
                and self.glued(j + 2, j + 3)
            ):
                f = numbers.parse_fraction(self.text[self.toks[j + 1].start : self.toks[j + 3].end])
                if f is not None:
                    return (t.value or 0.0) + f, 1.0, j + 4, False
            if j + 1 < self.n and self.toks[j + 1].kind == "frac" and self.near(j, j + 1):
                return (t.value or 0.0) + (self.toks[j + 1].value or 0.0), 1.0, j + 2, False
        r = numbers.read_number_words(self.low[j : j + 40])
        if r is None:
            return None
        k = j + r.count
        return r.value, r.scale, k, t.kind == "word"

    def unit(self, q: _Q, k: int) -> int:
        """Read the unit, currency or counted noun at token k into q; the next token."""
        if k >= self.n or not (self.near(k - 1, k) or self.glued(k - 1, k)):
            return k
        if k >= self.n:
            return k
        if (
            (q.currency_prefix and self.low[k] in ("m", "b", "bn", "t", "k"))
            or (
                self.toks[k].text in ("M", "B", "T")
                and (q.currency_prefix or not self._word_after(k))
            )
            or (self.toks[k].text == "b" and self.glued(k - 1, k))
        ):
            f = _AMBIGUOUS_SCALES.get(self.toks[k].text) or numbers.SCALES[self.low[k]]
            q.value, q.scale, k = q.value * f, f, k + 1
            q.kn = k
            if q.currency_prefix or k >= self.n:
                return k
        if (
            self.low[k] == "-"
            and self.glued(k - 1, k)
            and k + 1 < self.n
            and self.glued(k, k + 1)
            and self.toks[k + 1].kind == "word"
        ):
            k2 = self._lexicon(q, k + 1)
            return k2 if k2 > k + 1 else -1
        k2 = self._lexicon(q, k)
        if k2 > k:
            return k2
        if q.currency_prefix:
            return k
        return self._counted_noun(q, k)

    def _word_after(self, k: int) -> bool:
        return k + 1 < self.n and self.near(k, k + 1) and self.toks[k + 1].kind == "word"

    def _lexicon(self, q: _Q, k: int) -> int:
        if q.currency_prefix:
            info = self._longest_unit(k)
            if info is None or info[0].name != q.unit:
                return k
        for length in (4, 3, 2, 1):
            last = k + length - 1
            if last >= self.n or any(
                not (self.near(a, a + 1) or self.glued(a, a + 1)) for a in range(k, last)
            ):
                continue
            surface = self.text[self.toks[k].start : self.toks[last].end]
            info = units.lookup(surface)
            if info is None and self.low[k] in ("(", "[", "{", "<") and length == 3:
                closing = {"(": ")", "[": "]", "{": "}", "<": ">"}[self.low[k]]
                info = units.lookup(self.toks[k + 1].text) if self.low[last] == closing else None
            if info is None or not self._unit_ok(info, k, last):
                continue
            if info.kind == "noun":
                q.noun = info.name
            q.unit, q.dimension, q.has_unit = info.name, info.dimension, True
            if (
                info.kind == "currency"
                and not info.name.endswith("_cent")
                and self.near(last, last + 1)
                and self.low[last + 1] in numbers.SCALES
                and self.low[last + 1] not in ("m", "b", "t")
            ):
                f = numbers.SCALES[self.low[last + 1]]
                q.value, q.scale = q.value * f, f
                return last + 2
            target = units.currency_if_scaled(info.name)
            if target and q.scale >= 1e3:
                q.unit, q.dimension = target, f"currency:{target}"
            return last + 1
        return k

    def _longest_unit(self, k: int) -> tuple[units.UnitInfo, int] | None:
        for length in (4, 3, 2, 1):
            last = k + length - 1
            if last < self.n and all(
                self.near(a, a + 1) or self.glued(a, a + 1) for a in range(k, last)
            ):
                info = units.lookup(self.text[self.toks[k].start : self.toks[last].end])
                if info:
                    return info, last
        return None

    def _unit_ok(self, info: units.UnitInfo, k: int, last: int) -> bool:
        nxt = last + 1
        if info.kind == "noun" and self._noun_compound(last):
            return False
        if (
            nxt < self.n
            and self.glued(last, nxt)
            and self.toks[nxt].kind in ("num", "code", "word")
        ):
            return False
        if (
            nxt + 1 < self.n
            and self.low[nxt] in "-/"
            and self.glued(last, nxt)
            and self.glued(nxt, nxt + 1)
            and (
                self.toks[nxt + 1].kind in ("num", "code")
                or (info.kind != "unit" and self.low[nxt] == "-")
            )
        ):
            return False
        if self.low[k] == "in" and last == k and nxt < self.n and self.near(last, nxt):
            w = self.toks[nxt]
            if (
                w.kind in ("num", "code")
                or w.low in STOPWORDS
                or w.low in ("my", "your")
                or w.text[0].isupper()
            ):
                return False
            if w.low in self.cue["months"] or w.text in ("$", "€", "£"):
                return False
        if self.toks[k].text in ('"', "”") and self._inside_quotes(self.toks[k].start):
            return False
        return (
            info.kind != "noun"
            or not self.toks[k].text[:1].isupper()
            or self.toks[k].text.isupper()
        )

    def _inside_quotes(self, pos: int) -> bool:
        """True if an opening quotation mark on the same line is still open at `pos`."""
        line = self.text[max(self.line_start(pos), pos - 300) : pos]
        return line.count('"') % 2 == 1 or line.count("“") > line.count("”")

    def _counted_noun(self, q: _Q, k: int) -> int:
        mods: list[str] = []
        j = k
        if k < self.n and self.glued(k - 1, k) and self.toks[k].kind == "word":
            return k
        while (
            j < self.n
            and len(mods) < 4
            and self.toks[j].kind == "word"
            and (self.near(j - 1, j) or self.glued(j - 1, j))
        ):
            info = units.lookup(self.toks[j].text)
            if info and info.kind == "noun" and not self._noun_compound(j):
                q.noun, q.unit, q.dimension, q.has_unit = info.name, info.name, info.dimension, True
                q.modifier = " ".join(mods).replace("- ", "-") or None
                return j + 1
            joins = self.low[j] in ("and", "or") and mods and self.toks[j - 1].kind == "word"
            if (self.low[j] in STOPWORDS and not joins) or (
                self.toks[j].text[0].isupper() and not self.toks[j].text.isupper()
            ):
                break
            mods.append(self.toks[j].text)
            j += 1
            if j < self.n and self.low[j] == "-" and self.glued(j - 1, j):
                mods[-1] += "-"
                j += 1
        w = self.low[k] if k < self.n else ""
        if (
            mods
            and q.value != 1
            and w.isalpha()
            and len(w) > 3
            and w.endswith("s")
            and not w.endswith("ss")
            and w not in STOPWORDS
            and w not in _NOT_PLURAL_NOUNS
            and self.toks[k].text.islower()
        ):
            q.noun = singular(w)
            q.unit, q.dimension, q.has_unit = q.noun, f"count:{q.noun}", True
            return k + 1
        if (
            mods
            and units.is_modifier(mods[0])
            and (k + 1 >= self.n or self.low[k + 1] in (",", ")", "and", ";"))
        ):
            noun = self._implied_noun(q.start)
            if noun:
                q.noun, q.unit, q.dimension, q.has_unit, q.modifier = (
                    noun,
                    noun,
                    f"count:{noun}",
                    True,
                    mods[0],
                )
                return k + 1
        return k

    def _noun_compound(self, j: int) -> bool:
        """The noun at token j only modifies what follows ("battery-electric trains", "EV
        battery cells"): it is glued to a hyphen, or another counted noun follows it."""
        if j + 1 >= self.n:
            return False
        if self.low[j + 1] == "-" and self.glued(j, j + 1):
            return True
        nxt = units.lookup(self.toks[j + 1].text) if self.near(j, j + 1) else None
        return bool(nxt and nxt.kind == "noun")

    def _implied_noun(self, pos: int) -> str | None:
        a, b = self._sentence(pos)
        best: tuple[int, str] | None = None
        for m in re.finditer(r"[^\W\d_]+", self.text[a:b]):
            info = units.lookup(m.group(0))
            if info and info.kind == "noun" and m.group(0).lower() != singular(m.group(0).lower()):
                d = abs(a + m.start() - pos)
                if best is None or d < best[0]:
                    best = (d, info.name)
        return best[1] if best else None

    def _sentence(self, pos: int) -> tuple[int, int]:
        k = bisect_right(self.sent_starts, pos) - 1
        if k >= 0 and pos < self.seg.sentences[k].end:
            s = self.seg.sentences[k]
            return max(s.start, pos - 200), min(s.end, pos + 200)
        return max(0, pos - 120), min(len(self.text), pos + 120)

    # --- after the unit: rate, trailing bound, time ----------------------------------
    def tail(self, q: _Q, k: int) -> int:
        """Read a rate ("/year", "per year", "a year", "annually"), "or more", and "by 2030"."""
        if k < self.n and q.has_unit and (self.near(k - 1, k) or self.glued(k - 1, k)):
            if (
                self.low[k] in ("/", "per")
                and k + 1 < self.n
                and self.low[k + 1] in self.cue["periods"]
            ):
                q.rate, k = self.cue["periods"][self.low[k + 1]], k + 2
            else:
                hit = self.phrase(k, "rate_adv")
                if hit:
                    q.rate, k = hit
        hit = self.phrase(k, "after") if k < self.n and self.near(k - 1, k) else None
        if hit and q.bound == "exact" and not (hit[1] < self.n and self.starts(hit[1])):
            q.bound, k = hit
        q.end = self.toks[k - 1].end
        if k + 1 < self.n and self.low[k] in self.cue["time_prepositions"] and self.near(k - 1, k):
            y = self.toks[k + 1]
            if (
                y.kind == "num"
                and y.text.isdigit()
                and len(y.text) == 4
                and 1800 <= int(y.text) <= 2100
            ):
                q.time = y.text
        return k

    def bound_before(self, i: int) -> tuple[str, int] | None:
        """A bound word or comparison sign right before token i: (bound, first token)."""
        hit = self.phrase(i, "before", before=True)
        if hit:
            return hit
        for length in (2, 1):
            a = i - length
            if a >= 0 and all(self.toks[k].kind == "punct" for k in range(a, i)):
                sign = "".join(self.low[a:i]).replace(" ", "")
                if sign in _COMPARATORS and (
                    a == 0 or not self.glued(a - 1, a) or self.low[a - 1] in "=<>"
                ):
                    return (_COMPARATORS[sign] or "skip"), a
        return None

    # --- one quantity ------------------------------------------------------------------
    def read(self, i: int, signed: bool = True) -> tuple[_Q | None, int]:
        """The quantity whose first token is i (currency prefix or number): (quantity, next i)."""
        cur = self.currency_prefix(i) if self.toks[i].kind in ("punct", "word") else None
        j = i
        if cur:
            j = cur[1]
            if j < self.n and self.low[j] == "-" and self.glued(j - 1, j):
                j += 1
            if (
                j >= self.n
                or not (self.near(j - 1, j) or self.glued(j - 1, j))
                or self.toks[j].kind not in ("num", "word", "frac")
            ):
                return None, i + 1
        sign = (
            -1.0
            if signed and j > 0 and self.low[j - 1] in ("-", "−") and self._is_sign(j - 1)
            else 1.0
        )
        vague = numbers.read_vague(self.low[j : j + 6]) if self.toks[j].kind == "word" else None
        if vague:
            lo, hi, used = vague
            q = _Q(
                self.toks[j].start,
                self.toks[j + used - 1].end,
                0.0,
                bound="range",
                low=lo,
                high=hi,
                vague=True,
            )
            q.first, q.j, q.kn = i, j, j + used
            of = j + used + (self.low[j + used : j + used + 1] == ["of"])
            k = self.unit(q, of) if of < self.n else of
            k = k if k > of else j + used
            return q, max(k, j + used)
        num = self.number(j)
        if num is None:
            return None, (j + 3 if self.toks[j].kind == "num" else i + 1)
        value, scale, k, words = num
        start = self.toks[i if cur else j].start
        if sign < 0 and not cur:
            start = self.toks[j - 1].start
        q = _Q(start, self.toks[k - 1].end, sign * value, scale=scale, words=words)
        q.first, q.j, q.kn = (i if cur else j - (sign < 0)), j, k
        if cur:
            name = cur[0]
            if name.startswith("M") and name[1:] in units.table()["units"]:
                name, q.value, q.scale = name[1:], q.value * 1e6, 1e6
            info = units.unit_info(name)
            q.unit, q.dimension, q.has_unit, q.currency_prefix = name, info.dimension, True, True
        k2 = self.unit(q, k)
        if k2 < 0:
            return None, k + 2
        if (
            k2 == k
            and not q.has_unit
            and k < self.n
            and self.toks[k].kind == "word"
            and self.near(k - 1, k)
        ):
            m = re.fullmatch(r"[Mk]([A-Z]{3})", self.toks[k].text)
            info = units.lookup(m.group(1)) if m else None
            if info and info.kind == "currency":
                q.value, q.scale, q.unit, q.dimension, q.has_unit = (
                    q.value * 1e6,
                    1e6,
                    info.name,
                    info.dimension,
                    True,
                )
                k2 = k + 1
        return q, self.compound(q, k2)

    def compound(self, q: _Q, k: int) -> int:
        """Join "5 ft 2 in", "3 dollars 50 cents" and "15 dollars 50" into one amount."""
        if not q.has_unit or q.noun or q.currency_prefix or k >= self.n or not self.near(k - 1, k):
            return k
        p = k + 1 if self.low[k] == "and" and k + 1 < self.n and self.near(k, k + 1) else k
        num = self.number(p) if p < self.n and self.toks[p].kind in ("num", "word") else None
        if num is None or num[1] != 1 or num[0] < 0:
            return k
        v2, _, k3, _ = num
        nxt = self._longest_unit(k3) if k3 < self.n and self.near(k3 - 1, k3) else None
        info = units.unit_info(q.unit)
        if nxt and info and nxt[0].dimension == info.dimension:
            pair = [q.unit, nxt[0].name]
            cents = info.kind == "currency" and nxt[0].factor * 100 == info.factor
            if pair in self.cue["compound_units"] or cents:
                q.value += v2 * nxt[0].factor / info.factor
                q.end = self.toks[nxt[1]].end
                return nxt[1] + 1
        whole_cents = v2 < 100 and float(v2).is_integer()
        no_number_after = k3 >= self.n or self.toks[k3].kind != "num"
        if nxt is None and info and info.kind == "currency" and whole_cents and no_number_after:
            q.value += v2 / 100
            q.end = self.toks[k3 - 1].end
            return k3
        return k

    def _is_sign(self, k: int) -> bool:
        """A '-' at token k is a minus sign (not a hyphen or a range dash)."""
        if not self.glued(k, k + 1):
            return False
        return (
            k == 0
            or not self.glued(k - 1, k)
            or (self.toks[k - 1].kind == "punct" and self.low[k - 1] not in ")]")
        )

    def range_end(self, q: _Q, k: int) -> int:
        """Extend q into a range when "to", "-", "through" or "and" (after "between") and a
        compatible second quantity follow at token k; returns the next token."""
        if k >= self.n or not (self.near(k - 1, k) or self.glued(k - 1, k)):
            return k
        before = self.low[q.first - 1] if q.first > 0 else ""
        c, conn = self.low[k], 0
        if c in _RANGE_DASHES:
            conn = 2 if self.low[k + 1 : k + 2] == ["to"] else 1
        elif c in ("to", "through", "thru") or (c == "and" and before == "between"):
            conn = 1
        j = k + conn
        if not conn or j >= self.n or not (self.near(j - 1, j) or self.glued(j - 1, j)):
            return k
        q2, k2 = self.read(j, signed=False)
        if q2 is None or q2.vague or (q.has_unit and q2.has_unit and q.dimension != q2.dimension):
            return k
        dash = conn == 1 and c in _RANGE_DASHES
        if dash and (q2.value <= q.value or (q2.j != j and not q2.currency_prefix)):
            return k
        if not q.has_unit and q2.has_unit:
            q.unit, q.dimension, q.has_unit, q.noun, q.modifier = (
                q2.unit,
                q2.dimension,
                True,
                q2.noun,
                q2.modifier,
            )
        if q2.scale > 1 and q.scale == 1 and q.value * q2.scale <= q2.value:
            q.value, q.scale = q.value * q2.scale, q2.scale
        q.low, q.high = min(q.value, q2.value), max(q.value, q2.value)
        q.bound, q.end = "range", q2.end
        return k2

    # --- what is not a quantity ----------------------------------------------------------
    def skip(self, q: _Q) -> bool:
        """True when the number read is not a quantity claim (see the module docstring)."""
        j, kn, t = q.j, q.kn, self.toks[q.j]
        if self.is_protected(t.start):
            return True
        prev = self.low[j - 1] if j > 0 else ""
        if j > 0 and self.glued(j - 1, j) and not q.currency_prefix:
            if self.toks[j - 1].kind in ("word", "code", "num"):
                return True
            if (
                prev in "-/.+#_"
                and j > 1
                and self.glued(j - 2, j - 1)
                and self.toks[j - 2].kind != "punct"
            ):
                return True
        if (
            kn < self.n
            and self.glued(kn - 1, kn)
            and not q.has_unit
            and (self.toks[kn].kind in ("word", "code", "num") or self.low[kn] in ("/", "@"))
        ):
            return True
        if re.match(
            r"\s?(?:[ap]\.?m\b\.?|[ap]\.m\.)",
            self.text[self.toks[kn - 1].end : self.toks[kn - 1].end + 5],
            re.I,
        ):
            return True
        if kn < self.n and self.low[kn] in self.cue["clock_words"] and self.near(kn - 1, kn):
            return True
        return self._layout_number(q) or self._named(q) or self._date_part(q) or self._pronoun(q)

    def _layout_number(self, q: _Q) -> bool:
        j, kn = q.j, q.kn
        line_start = self.line_start(self.toks[j].start)
        lead = self.text[line_start : self.toks[q.first].start]
        if (
            not lead.strip(" \t#>*-")
            and kn < self.n
            and self.low[kn] in (".", ")")
            and self.glued(kn - 1, kn)
        ):
            after = self.text[self.toks[kn].end : self.toks[kn].end + 1]
            if after.isspace():
                return True
        if lead.lstrip().startswith("#") and not lead.strip(" \t#"):
            return True
        if (
            not q.has_unit
            and j > 0
            and self.low[j - 1] == "("
            and kn < self.n
            and self.low[kn] == ")"
        ):
            return q.value < 30 and float(q.value).is_integer()
        return False

    def _named(self, q: _Q) -> bool:
        """Labels ("Section 2", "No. 5"), names ("France 2030", "Voyager 2"), versions ("5.0")."""
        j, t = q.j, self.toks[q.j]
        p = j - 1
        if p >= 0 and self.low[p] == "." and p > 0 and self.glued(p - 1, p):
            p -= 1
        if p >= 0 and self.toks[p].kind == "word" and (self.near(p, p + 1) or self.glued(p, p + 1)):
            w = self.low[p]
            if w in self.cue["labels"] and (w != "no" or p != j - 1):
                return True
            capital = self.toks[p].text[0].isupper() and w not in self.cue["prefix_ok"]
            if (
                capital
                and not q.has_unit
                and not q.words
                and p == j - 1
                and w not in self.cue["months"]
            ):
                return True
        return bool((not q.has_unit or q.noun) and q.scale == 1 and re.fullmatch(r"\d+\.0", t.text))

    def _year_like(self, k: int) -> bool:
        t = self.toks[k]
        return (
            t.kind == "num"
            and t.text.isdigit()
            and len(t.text) == 4
            and 1800 <= int(t.text) <= 2100
        )

    def _date_part(self, q: _Q) -> bool:
        """Years in date context and day numbers next to a month name."""
        j, kn = q.j, q.kn
        prev = self.low[j - 1] if j > 0 else ""
        physical = q.has_unit and not q.noun
        if self._year_like(j) and q.scale == 1 and not physical and kn == j + 1:
            if q.bound == "range" and not q.has_unit:
                return True
            if prev in self.cue["date_prepositions"] or prev in self.cue["months"] or prev == ",":
                return True
            if not q.noun and (q.bound == "exact" or prev in self.cue["date_prepositions"]):
                return True
        t = self.toks[j]
        if t.kind == "num" and t.text.isdigit() and 1 <= int(t.text) <= 31 and not q.has_unit:
            p = j - 2 if prev == "." and j > 1 else j - 1
            if (p >= 0 and self.low[p] in self.cue["months"] and self.near(p, p + 1)) or (
                p >= 0 and self.glued(p, p + 1) and self.low[p] in self.cue["months"]
            ):
                return (
                    self.toks[p].text[0].isupper()
                    or self.low[p] != "may"
                    or self._year_like(min(kn + 1, self.n - 1))
                )
            if kn < self.n and self.low[kn] in self.cue["months"] and self.near(kn - 1, kn):
                return True
        return False

    def _pronoun(self, q: _Q) -> bool:
        if not q.words or self.low[q.j] != "one" or q.kn != q.j + 1 or q.has_unit:
            return False
        if q.bound == "exact":
            return True
        prev = self.low[q.j - 1] if q.j > 0 else ""
        nxt = self.low[q.kn] if q.kn < self.n else ""
        return (
            prev in self.cue["one_pronoun_before"]
            or nxt in self.cue["one_pronoun_after"]
            or nxt == ""
        )

    # --- the whole text ------------------------------------------------------------------
    def starts(self, i: int) -> bool:
        t = self.toks[i]
        if t.kind in ("num", "frac"):
            return True
        return t.text[0] in _prefix_initials() or (t.kind == "word" and t.low in _word_starts())

    def run(self) -> list[_Q]:
        out: list[_Q] = []
        i = 0
        while i < self.n:
            if not self.starts(i):
                i += 1
                continue
            q, k = self.read(i)
            if q is None:
                i = max(k, i + 1)
                continue
            k = self.range_end(q, k)
            k = self.tail(q, k)
            hit = self.bound_before(q.first)
            if hit and q.bound == "exact":
                q.bound, q.lead = hit[0], self.toks[hit[1]].start
            if (hit and hit[0] == "skip") or self.skip(q):
                i = max(k, q.kn, i + 1)
                continue
            out.append(q)
            i = max(k, i + 1)
        return self.combine(out)

    def combine(self, found: list[_Q]) -> list[_Q]:
        """Join "above 10 and below 20" into a range; give "45 and 50 mg" its unit twice."""
        out: list[_Q] = []
        for q in found:
            p = out[-1] if out else None
            start = q.lead if q.lead >= 0 else q.start
            between = self.text[p.end : start].strip().lower() if p else "x"
            if p and between in ("and", ",", "but") and p.dimension == q.dimension:
                kinds = {p.bound, q.bound}
                if kinds in (
                    {"more_than", "less_than"},
                    {"more_than", "at_most"},
                    {"at_least", "less_than"},
                    {"at_least", "at_most"},
                ):
                    lo, hi = (p, q) if p.bound in ("more_than", "at_least") else (q, p)
                    if lo.value < hi.value:
                        p.low, p.high, p.bound, p.end = lo.value, hi.value, "range", q.end
                        continue
            if (
                p
                and between in ("and", "or", ",")
                and not p.has_unit
                and q.has_unit
                and p.bound == q.bound
                and q.lead < 0
                and not q.currency_prefix
            ):
                p.unit, p.dimension, p.has_unit, p.noun = q.unit, q.dimension, True, q.noun
            out.append(q)
        return out


@functools.cache
def _edges(key: str, before: bool) -> frozenset[str]:
    """Last words (before=True) or first words of a cue phrase table, for a quick rejection."""
    return frozenset(p[-1] if before else p[0] for p in cues()[key])


@functools.cache
def _prefix_initials() -> frozenset[str]:
    return frozenset(_currency_prefixes()) | {"M"}


@functools.cache
def _word_starts() -> frozenset[str]:
    return frozenset(
        {
            *numbers.UNITS,
            *numbers.TENS,
            "a",
            "an",
            "half",
            "quarter",
            "minus",
            "negative",
            "tens",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "several",
            "few",
            "many",
        }
    )


@functools.cache
def _cue_pattern() -> re.Pattern[str]:
    words = sorted(cues()["attr"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _attribute(text: str, q: _Q, left: int, right: int) -> str | None:
    defaults = cues()["attribute_defaults"]
    if q.dimension in defaults and (q.dimension.startswith("count:") or q.dimension == "area"):
        return defaults[q.dimension]
    before = list(_cue_pattern().finditer(text, left, q.start))
    if before:
        return cues()["attr"][before[-1].group(0).lower()]
    after = _cue_pattern().search(text, q.end, right)
    if after:
        return cues()["attr"][after.group(0).lower()]
    return defaults.get(q.dimension)


def _claim(text: str, q: _Q, left: int, right: int) -> RawClaim:
    ranged = q.bound == "range"
    value = QuantityValue(
        magnitude=None if ranged else q.value,
        low=q.low if ranged else None,
        high=q.high if ranged else None,
        unit=q.unit,
        dimension=q.dimension,
        bound=q.bound,  # type: ignore[arg-type]
        rate=q.rate,
        noun=q.noun,
        modifier=q.modifier,
        vague=q.vague,
        scale=q.scale,
    )
    extra = tuple(w for w in (q.noun, q.modifier and q.modifier.lower()) if w)
    return RawClaim(
        kind="quantity",
        start=q.start,
        end=max(q.end, q.start + 1),
        value=value,
        attribute=_attribute(text, q, left, right),
        time=q.time,
        extra_context=extra,
    )


def find(text: str, seg: Segmentation, ctx: ExtractContext) -> list[RawClaim]:
    """Every quantity claim of `text` (see the module docstring for what is skipped)."""
    reader = _Reader(text, seg)
    found = reader.run()
    claims: list[RawClaim] = []
    for n, q in enumerate(found):
        a, b = reader._sentence(q.start)
        left = max(a, found[n - 1].end if n else 0)
        right = min(b, found[n + 1].start if n + 1 < len(found) else len(text))
        claims.append(_claim(text, q, left, max(right, q.end)))
    return claims
