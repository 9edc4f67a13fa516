"""unsupported_entity — an organisation a draft names that no reference names.

What it checks: each organisation a draft names (in lists of financiers and
partners, and in running text) for a mention in any reference: the same name
after normalisation, an acronym and its expansion (EIB = European Investment
Bank, also acronyms the documents define), a shorter form (Renault = Renault
Group), or an alias from the gazetteer (Dunkirk = Dunkerque). Only runs when
documents have roles.

Why it matters: naming a backer or partner that the announcement does not name
is a factual claim the source does not support, and often a real error.

Fails: draft "financed by the EIB, Volta and Orsted Ventures" when the reference
names the European Investment Bank and Volta Group but no Orsted Ventures.

Passes: the same draft without Orsted Ventures.

Params: `attributes` (only entities with these attributes, e.g. [financier];
empty = all, the default).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind
from factcheck.checks.common import checked_against
from factcheck.corpus import Corpus, DocInput, RunContext
from factcheck.model import Claim, EntityValue
from factcheck.normalise.acronyms import defined_acronyms
from factcheck.normalise.gazetteer import default_gazetteer
from factcheck.normalise.names import name_tokens, same_entity, without_article


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    attributes: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class _Index:
    """What one reference names: its words as one searchable string, and its entities."""

    text: str  # " w1 w2 … " (normalised, gazetteer-canonical words)
    names: tuple[str, ...]
    by_token: dict[str, tuple[str, ...]]
    by_letters: dict[str, tuple[str, ...]]  # words run together: "jpmorgan"
    acronyms: dict[str, str]


def _words(name: str, ctx: RunContext) -> list[str]:
    """A name's folded, gazetteer-canonical words."""
    return list(ctx.canonical_tokens(name))


def _text_words(text: str, ctx: RunContext) -> list[str]:
    """The same for a whole document's text (not kept in the names' cache)."""
    tokens = name_tokens(text)
    if ctx.gazetteer is None:
        return tokens
    return list(ctx.gazetteer.canonical(" ".join(tokens)))


def _index(doc: DocInput, ctx: RunContext) -> _Index:
    names = tuple(c.value.name for c in doc.of_kind("entity") if isinstance(c.value, EntityValue))
    return _index_of(doc.document.text, names, ctx)


# Drafts are checked one by one against the same references: index each
# reference once per process, not once per draft.
@lru_cache(maxsize=32)
def _index_of(text: str, names: tuple[str, ...], ctx: RunContext) -> _Index:
    by_token: dict[str, list[str]] = {}
    by_letters: dict[str, list[str]] = {}
    for name in names:
        words = _words(name, ctx)
        for token in set(words):
            by_token.setdefault(token, []).append(name)
        by_letters.setdefault("".join(words), []).append(name)
    return _Index(
        text=" " + " ".join(_text_words(text, ctx)) + " ",
        names=names,
        by_token={k: tuple(v) for k, v in by_token.items()},
        by_letters={k: tuple(v) for k, v in by_letters.items()},
        acronyms=defined_acronyms(text),
    )


def _supported(claim: Claim, index: _Index, acronyms: dict[str, str], ctx: RunContext) -> bool:
    assert isinstance(claim.value, EntityValue)
    name = claim.value.name
    words = _words(name, ctx)
    if words and f" {' '.join(words)} " in index.text:
        return True
    expansion = acronyms.get(name.strip()) or index.acronyms.get(name.strip())
    if expansion and f" {' '.join(_words(expansion, ctx))} " in index.text:
        return True
    candidates = {n for t in words for n in index.by_token.get(t, ())}
    candidates |= set(index.by_letters.get("".join(words), ()))
    upper = without_article(name).isupper()
    candidates |= {n for n in index.names if upper or without_article(n).isupper()}
    gazetteer = ctx.gazetteer
    if gazetteer is None:
        gazetteer = default_gazetteer()
    both = {**index.acronyms, **acronyms}
    return any(same_entity(name, other, gazetteer, acronyms=both) for other in candidates)


@kind(
    "unsupported_entity",
    params=Params,
    scopes=("cross",),
    evidence=("claim", "claim_where", "role"),
)
def run(corpus: Corpus, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit for each organisation of a draft that no reference names."""
    if not corpus.has_roles:
        return
    indexes = {id(r): _index(r, ctx) for r in corpus.references}
    for doc, authorities in checked_against(corpus):
        acronyms = defined_acronyms(doc.document.text)
        seen: set[str] = set()
        for claim in doc.of_kind("entity"):
            assert isinstance(claim.value, EntityValue)
            if params.attributes and claim.attribute not in params.attributes:
                continue
            key = " ".join(_words(claim.value.name, ctx))
            if not key or key in seen:
                continue
            seen.add(key)
            if any(_supported(claim, indexes[id(a)], acronyms, ctx) for a in authorities):
                continue
            yield Hit(
                location=claim.span,
                sentence=claim.sentence,
                evidence={
                    "claim": claim.value.name,
                    "claim_where": claim.span.where,
                    "role": claim.attribute or "organisation",
                },
                key=(key,),
            )
