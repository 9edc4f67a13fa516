"""Quotes: one claim per quotation, with speaker attribution and scare-quoted terms."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import quotes
from factcheck.extract.base import ExtractContext
from factcheck.segment import segment

CTX = ExtractContext()


def run(text: str):
    return quotes.find(text, segment(text), CTX)


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(c.value.text, c.value.speaker) for c in run(text)]


def test_press_release_six_quotes_with_speakers(press_release):
    text, seg = press_release
    found = [c for c in quotes.find(text, seg, CTX) if not c.value.is_term]
    assert [c.value.speaker for c in found] == [
        "Emmanuel Macron",
        "Benoit Lemaignan",
        "Monique Barbut",
        "Sébastien Martin",
        "Xavier Bertrand",
        "Patrice Vergriete",
    ]
    for c in found:
        assert c.speaker == c.subject == c.value.speaker and c.attribute == "quote"
        assert c.value.verbatim and not c.value.is_term


def test_press_release_bertrand_quote_runs_over_two_paragraphs(press_release):
    text, seg = press_release
    bertrand = [c for c in quotes.find(text, seg, CTX) if c.value.speaker == "Xavier Bertrand"]
    assert len(bertrand) == 1
    value = bertrand[0].value.text
    assert value.startswith("Today, with the inauguration of this Verkor Gigafactory")
    assert "The Region took full responsibility, committing €60 million." in value
    assert value.endswith("in Hauts-de-France.")


def test_press_release_france_2030_is_a_term(press_release):
    text, seg = press_release
    terms = [c.value for c in quotes.find(text, seg, CTX) if c.value.is_term]
    assert {t.text for t in terms} == {"France 2030"}
    assert all(t.speaker is None for t in terms)


def test_article_vergriete_quote_and_battery_valley_terms(article):
    text, seg = article
    found = quotes.find(text, seg, CTX)
    real = [c.value for c in found if not c.value.is_term]
    assert [(q.text, q.speaker) for q in real] == [
        ("This is a great day for Dunkirk, France and Europe,", "Patrice Vergriete")
    ]
    terms = [c.value for c in found if c.value.is_term]
    assert [t.text for t in terms] == ["battery valley", "battery valley"]
    assert all(t.speaker is None for t in terms)


def test_spans_cover_the_inner_words(article):
    text, seg = article
    for c in quotes.find(text, seg, CTX):
        assert text[c.start : c.end] == c.value.text


def test_attribution_after_the_quote():
    assert speakers("“We will win,” said Jane Doe, CEO of Acme.") == [("We will win,", "Jane Doe")]
    assert speakers("“We will win,” Jane Doe said.") == [("We will win,", "Jane Doe")]
    assert speakers("“Prices rise,” according to Ann Lee.") == [("Prices rise,", "Ann Lee")]
    text = "“Growth is back,” Mary Jones, Head of Research at Beta, explained on Monday."
    assert speakers(text) == [("Growth is back,", "Mary Jones")]
    text = "« C'est une étape », a déclaré hier Jean Dupont."
    assert speakers(text) == [("C'est une étape", None)]  # French verbs: not in the vocabulary


def test_attribution_before_the_quote():
    assert speakers("John Smith told reporters: “No comment.”") == [("No comment.", "John Smith")]
    assert speakers("Bob Marley: “One love.”") == [("One love.", "Bob Marley")]
    text = "Dr Ana de la Cruz, Chief Scientist of Lab, states: “It works.”"
    assert speakers(text) == [("It works.", "Ana de la Cruz")]


def test_pronoun_takes_the_last_speaker():
    text = "“We will win,” said Jane Doe. “It is hard,” she added."
    assert speakers(text) == [("We will win,", "Jane Doe"), ("It is hard,", "Jane Doe")]


def test_speaker_in_the_previous_paragraph_and_continuation():
    text = "Peter Pan, CEO of Neverland, states:\n\n“Flying is the future.”\n\n“And it works.”"
    assert speakers(text) == [
        ("Flying is the future.", "Peter Pan"),
        ("And it works.", "Peter Pan"),
    ]


def test_unattributed_quote_has_no_speaker_and_terms_stay_silent():
    found = run("The report said nothing. “Costs will fall sharply next year.” Analysts agree.")
    assert [(c.value.speaker, c.value.is_term) for c in found] == [(None, False)]
    found = run("Acme calls it a “green revolution” in the sector.")
    assert [(c.value.text, c.value.is_term, c.speaker) for c in found] == [
        ("green revolution", True, None)
    ]
    assert run("No quotation marks at all, only Europe’s apostrophes.") == []


def test_short_quote_with_a_verb_of_saying_is_not_a_term():
    found = run("Jane Doe said: “Never.”")
    assert [(c.value.speaker, c.value.is_term) for c in found] == [("Jane Doe", False)]
    found = run("“Absolutely not,” said John Smith.")
    assert [(c.value.speaker, c.value.is_term) for c in found] == [("John Smith", False)]


PIECES = [*list('aJ D,:.\n«»“”"‘’'), "said ", "Jane Doe", ", CEO of X, ", "states: ", "he "]
TEXTS = st.one_of(
    st.text(max_size=200), st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_never_raises_and_spans_in_bounds(text):
    for c in run(text):
        assert 0 <= c.start <= c.end <= len(text)
