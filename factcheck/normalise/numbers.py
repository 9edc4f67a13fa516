"""Numbers as written in prose: digits with separators, scale words, number words, vague amounts.

Separator policy (documented choice):

- `,` followed by groups of exactly three digits is a thousands separator (1,200;
  1,234,567); Indian grouping (12,34,567) is accepted too. A single `,` followed by
  anything other than three digits is a decimal comma (1,5; 5,00).
- A single `.` is ALWAYS a decimal point (3.5, and also 1.200 = 1.2). Dots are
  grouping only when unambiguous: two or more of them with three-digit groups
  (1.200.000), or dots followed by a decimal comma (1.234,5).
- Thin (U+2009), narrow no-break (U+202F) and no-break (U+00A0) spaces separate
  three-digit groups (1 234 567). Ordinary spaces are handled by the tokenizer
  of the quantity extractor, which merges "40 000" under the same rule.

Everything here is a pure function over strings or token lists.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

GROUP_SPACES = "\u2009\u202f\u00a0"
MINUS_SIGNS = "-−–"

SCALES = MappingProxyType(
    {
        "hundred": 1e2,
        "thousand": 1e3,
        "k": 1e3,
        "million": 1e6,
        "m": 1e6,
        "mn": 1e6,
        "mio": 1e6,
        "mil": 1e6,
        "mln": 1e6,
        "billion": 1e9,
        "b": 1e9,
        "bn": 1e9,
        "bln": 1e9,
        "mrd": 1e9,
        "trillion": 1e12,
        "t": 1e12,
        "tn": 1e12,
        "tln": 1e12,
        "lakh": 1e5,
        "lakhs": 1e5,
        "crore": 1e7,
        "crores": 1e7,
    }
)
"""Scale words and abbreviations (lower-case) to their factor. `m`, `b` and `t` are
ambiguous with units; callers decide from context whether they are scales."""

# Scale words a word-number phrase may contain (the ambiguous one-letter forms are left out).
_PHRASE_SCALES = frozenset(
    [
        "thousand",
        "million",
        "billion",
        "trillion",
        "lakh",
        "lakhs",
        "crore",
        "crores",
        "k",
        "mn",
        "mio",
        "mil",
        "mln",
        "bn",
        "bln",
        "tn",
        "tln",
        "mrd",
    ]
)

# The only words that can continue a number phrase after digits ("5 million", "3 hundred
# and a half", "2 dozen"); `read_number_words` reads digits before anything else alone.
AFTER_DIGITS = _PHRASE_SCALES | {"hundred", "dozen", "dozens", "and", "&"}

UNITS = MappingProxyType(
    {
        w: i
        for i, w in enumerate(
            [
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
            ]
        )
    }
    | {"nought": 0, "naught": 0}
)
TENS = MappingProxyType(
    {
        w: 10 * (i + 2)
        for i, w in enumerate(
            ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        )
    }
)
FRACTIONS = MappingProxyType(
    {
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
        "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
        "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
        "tenth": 10, "tenths": 10,
    }
)  # fmt: skip
VULGAR = MappingProxyType(
    {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125, "⅖": 0.4}
)
_PLURAL_SCALES = MappingProxyType(
    {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
)
_VAGUE_QUANT = MappingProxyType({"several": (3, 9), "few": (2, 5), "many": (5, 9)})

_GROUPS = re.compile(r"[,.]")


def _grouped(groups: Sequence[str], indian: bool = False) -> bool:
    """True if digit groups form thousands grouping (first 1-3 digits, then 3-digit groups)."""
    if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
        if not indian or len(groups) < 3:
            return False
        return (
            1 <= len(groups[0]) <= 2
            and all(len(g) == 2 for g in groups[1:-1])
            and len(groups[-1]) == 3
        )
    return True


def parse_number(s: str) -> float | None:
    """Value of a digit string such as "1,200", "3.5", "1.200.000", "1 234,5" or "-4"; else None."""
    if s.isdigit() and s.isascii():
        return float(s)  # the common case: plain digits
    s = s.strip()
    sign = 1.0
    if s and (s[0] in MINUS_SIGNS or s[0] == "+"):
        sign = -1.0 if s[0] != "+" else 1.0
        s = s[1:].lstrip()
    if not s:
        return None
    for sp in GROUP_SPACES + " ":
        if sp in s:
            parts = s.split(sp)
            last = re.split(r"[.,]", parts[-1], maxsplit=1)
            if not _grouped([*parts[:-1], last[0]]):
                return None
            s = "".join(parts)
    if s.strip("0123456789.,"):
        return None  # a character other than an ASCII digit, "." or ","
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        grp = "," if dec == "." else "."
        if s.count(dec) != 1:
            return None
        int_part, frac = s.split(dec)
        groups = int_part.split(grp)
        if not _grouped(groups, indian=grp == ","):
            return None
        return sign * float("".join(groups) + "." + frac) if frac else None
    if commas or dots:
        sep = "," if commas else "."
        groups = s.split(sep)
        if any(not g for g in groups[1:]):
            return None
        if len(groups) == 2:
            if sep == "," and _grouped(groups) and groups[0] != "0":
                return sign * float("".join(groups))
            return sign * float(f"{groups[0] or '0'}.{groups[1]}")
        if _grouped(groups, indian=sep == ","):
            return sign * float("".join(groups))
        return None
    return sign * float(s)


def number_spans(run: str) -> list[tuple[int, int, float | None]]:
    """Split a digit run into numbers: (start, end, value), value None for version/IP-like parts.

    "1,200" is one number; "22,24,26,31" is four; "192.168.1.2" is one part with no value.
    Linear in the length of the run.
    """
    value = parse_number(run)
    if value is not None:
        return [(0, len(run), value)]
    out: list[tuple[int, int, float | None]] = []
    for m in re.finditer(rf"[^,{GROUP_SPACES} ]+", run):
        out.append((m.start(), m.end(), parse_number(m.group(0))))
    return out


def parse_fraction(s: str) -> float | None:
    """Value of "1/4", "-4/5" or a vulgar fraction "½"; None if not a proper fraction."""
    if s in VULGAR:
        return VULGAR[s]
    m = re.fullmatch(r"([-−]?)(\d{1,4})\s*/\s*(\d{1,4})", s.strip())
    if not m or int(m.group(3)) == 0:
        return None
    num, den = int(m.group(2)), int(m.group(3))
    if num >= den:
        return None
    return (-1 if m.group(1) else 1) * num / den


@dataclass(frozen=True)
class Reading:
    """A number read from tokens: its value, the tokens it took, the last scale word's factor."""

    value: float
    count: int
    scale: float = 1.0


def _is_num(tok: str) -> bool:
    return tok in UNITS or tok in TENS or parse_number(tok) is not None


def _word_value(tok: str) -> tuple[str, float] | None:
    if tok in UNITS:
        return ("teen" if UNITS[tok] >= 10 or UNITS[tok] == 0 else "unit"), UNITS[tok]
    if tok in TENS:
        return "tens", TENS[tok]
    if tok and tok[0].isdigit():
        v = parse_number(tok)
        return ("digits", v) if v is not None else None
    return None


def _decimals(tokens: Sequence[str], i: int) -> tuple[str, int]:
    """Digits spelled after "point": "zero three" -> ("03", 2), "seventy-one" -> ("71", 3)."""
    digits, j = "", i
    while j < len(tokens):
        t = tokens[j]
        if t == "-" and digits and j + 1 < len(tokens) and tokens[j + 1] in UNITS:
            j += 1
            continue
        if t in UNITS:
            digits += str(UNITS[t])
        elif t in TENS:
            digits += str(TENS[t] // 10) + (
                ""
                if (j + 1 < len(tokens) and tokens[j + 1] in ("-",))
                or (j + 1 < len(tokens) and tokens[j + 1] in UNITS and UNITS[tokens[j + 1]] < 10)
                else "0"
            )
        else:
            break
        j += 1
    return digits, j - i


def read_number_words(tokens: Sequence[str], i: int = 0) -> Reading | None:
    """The longest number phrase starting at `tokens[i]` (lower-case tokens, "-" as its own token).

    Handles "three", "twenty-five", "one hundred and twenty", "a dozen", "two-thirds",
    "half", "a quarter million", "4 thousand 3 hundred and 21", "5.5 million", "nine
    point nought four", "minus five". Returns None when no number starts at `i`.
    """
    n = len(tokens)
    j, sign = i, 1.0
    if j < n and tokens[j] in ("minus", "negative") and j + 1 < n and _is_num(tokens[j + 1]):
        sign, j = -1.0, j + 1
    total, current, last, scale = 0.0, None, "", 1.0
    last_scale, before_add, after_and, end = 0.0, None, False, j
    if (
        j + 1 < n
        and tokens[j] in ("a", "an")
        and (
            tokens[j + 1] in ("hundred", "dozen", "thousand", "million", "billion", "trillion")
            or tokens[j + 1] in ("half", "quarter", "third")
        )
    ):
        current, last, j = 1.0, "a", j + 1
    while j < n:
        t = tokens[j]
        nxt = tokens[j + 1] if j + 1 < n else ""
        wv = _word_value(t)
        if wv is not None:
            kind, v = wv
            ok = (
                last in ("", "and_")
                or (last == "tens" and kind == "unit")
                or (last == "hundred" and kind in ("unit", "teen", "tens"))
                or ((last == "scale" and kind != "digits") or (last == "scale" and current is None))
            )
            if kind == "digits" and last not in ("", "scale", "and_"):
                ok = False
            if not ok:
                break
            before_add = current
            current = (current or 0.0) + v if last in ("tens", "hundred", "and_") and current else v
            if last == "and_" and before_add is None and kind != "digits":
                current = v
            last, end, j = kind, j + 1, j + 1
            continue
        if t == "-" and (
            (last == "tens" and nxt in UNITS) or (last in ("unit", "teen") and nxt in FRACTIONS)
        ):
            j += 1
            continue
        if t == "hundred" and last in ("unit", "teen", "tens", "digits", "a"):
            current = (current or 1.0) * 100
            last, end, j = "hundred", j + 1, j + 1
            continue
        if t in _PHRASE_SCALES and current is not None and last != "scale":
            f = SCALES[t]
            if last_scale and f > last_scale:
                total = (total + current) * f
            else:
                total += current * f
            current, last, last_scale, scale, end, j = None, "scale", f, f, j + 1, j + 1
            if (
                tokens[j : j + 2] in (["and", "a"], ["and", "an"])
                and j + 2 < n
                and tokens[j + 2] in FRACTIONS
            ):
                if j + 3 < n and tokens[j + 3] in _PHRASE_SCALES:
                    current, last, j = 1.0 / FRACTIONS[tokens[j + 2]], "frac", j + 3
                else:
                    total += last_scale / FRACTIONS[tokens[j + 2]]
                    end = j = j + 3
            continue
        if t in ("dozen", "dozens") and last in (
            "unit",
            "teen",
            "tens",
            "digits",
            "a",
            "hundred",
            "frac",
        ):
            current = (current or 1.0) * 12
            last, end, j = "dozen", j + 1, j + 1
            continue
        if t in FRACTIONS:
            d = FRACTIONS[t]
            if last == "a":
                current = 1.0 / d
            elif last in ("unit", "teen", "tens") and current is not None:
                numer = current - (before_add or 0.0) if after_and else current
                if after_and and last_scale and before_add is None and nxt not in _PHRASE_SCALES:
                    total += numer / d * last_scale
                    current = None
                else:
                    current = (before_add or 0.0) + numer / d if after_and else numer / d
            elif last == "" and (t == "half" or (t == "quarter" and nxt in _PHRASE_SCALES)):
                current = 1.0 / d
            else:
                break
            last, end, j = "frac", j + 1, j + 1
            if (
                j + 2 < n
                and tokens[j] == "of"
                and tokens[j + 1] == "a"
                and tokens[j + 2] in _PHRASE_SCALES
            ):
                current = (current or 0.0) * SCALES[tokens[j + 2]]
                scale, end, j = SCALES[tokens[j + 2]], j + 3, j + 3
            elif j + 1 < n and tokens[j] == "a" and tokens[j + 1] == "dozen":
                j += 1
            continue
        if t in ("and", "&") and last in ("hundred", "scale", "unit", "teen", "tens", "digits"):
            if nxt in ("a", "an") and j + 2 < n and tokens[j + 2] in FRACTIONS and last != "scale":
                current = (current or 0.0) + 1.0 / FRACTIONS[tokens[j + 2]]
                last, end, j = "frac", j + 3, j + 3
                continue
            words_follow = nxt in UNITS or nxt in TENS
            if last in ("hundred", "scale") and (
                words_follow or (nxt[:1].isdigit() and last == "hundred")
            ):
                after_and, last, j = True, "and_", j + 1
                before_add = current
                continue
            if (
                last in ("unit", "teen", "tens")
                and nxt in UNITS
                and j + 2 < n
                and tokens[j + 2] in FRACTIONS
            ):
                after_and, last, j = True, "and_", j + 1
                continue
            if last == "scale" and nxt in ("a", "an") and j + 2 < n and tokens[j + 2] in FRACTIONS:
                j += 1
                continue
            break
        if (
            t == "point"
            and last in ("unit", "teen", "tens", "hundred")
            and (nxt in UNITS or nxt in TENS)
        ):
            digits, used = _decimals(tokens, j + 1)
            current = (current or 0.0) + float("0." + digits)
            last, end, j = "point", j + 1 + used, j + 1 + used
            continue
        break
    if end == i or (current is None and total == 0.0 and last != "scale"):
        return None
    return Reading(sign * (total + (current or 0.0)), end - i, scale)


def may_start_number_words(token: str) -> bool:
    """False when `read_number_words` surely reads nothing at a lower-case `token`: it is
    no number word, digit run, "a"/"an", "minus"/"negative", "half" or "quarter"."""
    return token in _number_word_openers() or token[:1].isdigit()


@functools.cache
def _number_word_openers() -> frozenset[str]:
    return frozenset({*UNITS, *TENS, "a", "an", "minus", "negative", "half", "quarter"})


def parse_number_words(tokens: Sequence[str]) -> float | None:
    """Value of a token list that is entirely one number phrase ("one hundred and twenty")."""
    toks = [t.lower() for t in tokens]
    r = read_number_words(toks, 0)
    return r.value if r is not None and r.count == len(toks) else None


def read_vague(tokens: Sequence[str], i: int = 0) -> tuple[float, float, int] | None:
    """A vague amount at `tokens[i]`: ("tens of thousands") -> (low, high, tokens used).

    Recognised: "<tens|dozens|hundreds|thousands|millions> of [<hundreds|thousands|...>]",
    "several|a few|many <hundred|thousand|million|billion>[s]".
    """
    n = len(tokens)
    t = tokens[i] if i < n else ""
    if t in _PLURAL_SCALES and i + 1 < n and tokens[i + 1] == "of":
        lo, hi = 2 * _PLURAL_SCALES[t], 9 * _PLURAL_SCALES[t]
        if (
            i + 2 < n
            and tokens[i + 2] in _PLURAL_SCALES
            and tokens[i + 2] not in ("tens", "dozens")
        ):
            f = _PLURAL_SCALES[tokens[i + 2]]
            return lo * f, hi * f, 3
        return lo, hi, 2
    j = i + 1 if t == "a" and i + 1 < n and tokens[i + 1] == "few" else i
    if tokens[j : j + 1] and tokens[j] in _VAGUE_QUANT and j + 1 < n:
        word = tokens[j + 1]
        base = word[:-1] if word.endswith("s") and word[:-1] in SCALES else word
        if base in ("hundred", "thousand", "million", "billion"):
            lo, hi = _VAGUE_QUANT[tokens[j]]
            f = SCALES[base]
            used = j + 2 - i
            if used + i < n and tokens[i + used] in ("thousand", "million", "billion"):
                f *= SCALES[tokens[i + used]]
                used += 1
            return lo * f, hi * f, used
    return None
