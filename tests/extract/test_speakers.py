"""Speaker attribution: pronouns, follow-on quotations, titled and surname-only speakers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import quotes
from factcheck.extract.base import ExtractContext
from factcheck.extract.people import is_title_word, name_after
from factcheck.segment import segment

CTX = ExtractContext()


def speakers(text: str) -> list[str | None]:
    return [c.value.speaker for c in quotes.find(text, segment(text), CTX) if not c.value.is_term]


# --- pronouns -------------------------------------------------------------------------


def test_pronoun_after_quote_takes_the_person_named_in_the_paragraph():
    text = (
        '"The harbour reopens in spring," said Ines Varga, the port director.\n\n'
        "Tobias Lindgren, head of dredging at Kanal Works, said the channel was deep enough. "
        '"We removed four metres of silt," he said.'
    )
    assert speakers(text) == ["Ines Varga", "Tobias Lindgren"]


def test_pronoun_before_quote_takes_the_person_named_in_the_paragraph():
    text = (
        '"Funding is secured," said Ines Varga.\n\n'
        "Tobias Lindgren inspected the quay on Monday. He added: "
        '"The piles will hold for a century."'
    )
    assert speakers(text) == ["Ines Varga", "Tobias Lindgren"]


def test_pronoun_prefers_the_subject_of_the_last_sentence_naming_someone():
    text = (
        "Tobias Lindgren, who thanked Ines Varga for her support, walked the site. "
        '"It is ready," he said.'
    )
    assert speakers(text) == ["Tobias Lindgren"]


def test_pronoun_falls_back_to_the_last_speaker_when_nobody_is_named():
    text = '"Funding is secured," said Ines Varga.\n\n"The works start in May," she added.'
    assert speakers(text) == ["Ines Varga", "Ines Varga"]


def test_names_inside_quotations_are_not_referents():
    text = (
        '"I thank Tobias Lindgren and his team," said Ines Varga. '
        '"They worked through the winter," she said.'
    )
    assert speakers(text) == ["Ines Varga", "Ines Varga"]


# --- follow-on quotations ---------------------------------------------------------------


def test_follow_on_quote_in_the_same_paragraph_keeps_the_speaker():
    text = (
        '"We open in June," said Dr Halima Osei, chief executive of Corvel Labs. '
        '"Our first patients arrive a month later."'
    )
    assert speakers(text) == ["Halima Osei", "Halima Osei"]


def test_follow_on_quote_after_another_person_is_named_stays_unattributed():
    text = (
        '"We open in June," said Halima Osei. The building was designed by Pieter Drost. '
        '"It uses no gas at all."'
    )
    assert speakers(text) == ["Halima Osei", None]


def test_follow_on_does_not_turn_a_term_into_a_quote():
    text = '"We open in June," said Halima Osei. The site, nicknamed "the Beehive", is large.'
    found = quotes.find(text, segment(text), CTX)
    assert [(c.value.text, c.value.is_term, c.value.speaker) for c in found][1] == (
        "the Beehive",
        True,
        None,
    )


def test_mid_sentence_partial_quote_is_not_carried_over():
    text = (
        '"We open in June," said Halima Osei. The mayor called it "a clinic for the whole valley".'
    )
    assert speakers(text) == ["Halima Osei", None]


# --- speaker patterns ------------------------------------------------------------------


def test_adverb_between_speaker_and_verb():
    text = 'Ruth Abernathy also said: "The line carries freight at night."'
    assert speakers(text) == ["Ruth Abernathy"]
    text = '"The line carries freight at night," Ruth Abernathy later added.'
    assert speakers(text) == ["Ruth Abernathy"]


def test_said_name_before_the_quote():
    text = 'The merger, said Ruth Abernathy, "is the end of a long courtship."'
    assert speakers(text) == ["Ruth Abernathy"]
    text = 'The merger, said Ruth Abernathy, chief financial officer of Velt, "is overdue."'
    assert speakers(text) == ["Ruth Abernathy"]


def test_according_to_name_with_title_then_clause():
    text = (
        "According to Ruth Abernathy, finance director of Velt, the merger "
        '"ends a decade of rivalry."'
    )
    assert speakers(text) == ["Ruth Abernathy"]


def test_according_to_name_then_another_sentence_is_not_attribution():
    text = 'According to Ruth Abernathy, sales rose. Prices fell. The union "is worried."'
    assert speakers(text) == [None]


def test_lower_case_and_place_led_titles_before_the_name():
    assert speakers('"Sales are up," finance director Ruth Abernathy said.') == ["Ruth Abernathy"]
    text = '"Roads come first," Ohio Senator Marcus Pell said.'
    assert speakers(text) == ["Marcus Pell"]


def test_title_and_surname_resolve_to_the_full_name_used_earlier():
    text = (
        "Professor Keziah Mbeki, a marine biologist, leads the survey.\n\n"
        '"The reef is recovering," said Professor Mbeki.\n\n'
        '"Coral cover doubled," Mbeki said.'
    )
    assert speakers(text) == ["Keziah Mbeki", "Keziah Mbeki"]


def test_surname_shared_by_two_people_stays_unresolved():
    text = (
        'Keziah Mbeki and Daniel Mbeki founded the lab.\n\n"The reef is recovering," said Dr Mbeki.'
    )
    assert speakers(text) == [None]


def test_surname_without_earlier_full_name_stays_unresolved():
    assert speakers('"Shares will rise," said Harlow.') == [None]


# --- vocabulary ------------------------------------------------------------------------


def test_hyphenated_title_words():
    assert is_title_word("Vice-Chancellor")
    assert is_title_word("co-chair")
    assert not is_title_word("Jean-Pierre")
    assert not is_title_word("-")


def test_name_after_titled_skips_lower_case_title_words_only_when_asked():
    text = "chief executive Dana Whitfield said"
    assert name_after(text, 0, len(text)) is None
    span = name_after(text, 0, len(text), titled=True)
    assert span is not None and text[span[0] : span[1]] == "Dana Whitfield"


_FIRST = st.sampled_from(["Ines", "Tobias", "Halima", "Ruth", "Marcus", "Keziah"])
_LAST = st.sampled_from(["Varga", "Lindgren", "Osei", "Abernathy", "Pell", "Mbeki"])
_PRONOUN = st.sampled_from(["he", "she"])
_FILLER = st.sampled_from(
    ["inspected the quay", "opened the depot on Monday", "reviewed the budget", "spoke briefly"]
)


@settings(max_examples=60, deadline=None)
@given(_FIRST, _LAST, _FIRST, _LAST, _PRONOUN, _FILLER)
def test_pronoun_takes_the_person_named_since_the_last_quote(f1, l1, f2, l2, pronoun, filler):
    first, second = f"{f1} {l1}", f"{f2} {l2}"
    text = (
        f'"The budget is tight," said {first}. {second} {filler}. "We will cope," {pronoun} said.'
    )
    assert speakers(text) == [first, second]


@settings(max_examples=60, deadline=None)
@given(_FIRST, _LAST, _FILLER)
def test_follow_on_quote_keeps_the_speaker_whatever_the_filler(first, last, filler):
    name = f"{first} {last}"
    text = f'"The budget is tight," said {name}. The team {filler}. "We will cope."'
    assert speakers(text) == [name, name]


# --- abbreviated titles with a full stop ------------------------------------------------


@pytest.mark.parametrize("title", ["Dr.", "Prof.", "Mrs.", "Sen.", "Gov.", "Prof. Dr."])
def test_abbreviated_title_with_full_stop_before_the_speaker(title: str) -> None:
    text = (
        f'"The reactor passed every test," said {title} Ilse Marten, head of research.\n\n'
        f'{title} Olu Bakare said: "Permits follow in June."\n\n'
        f'"Costs fell," {title} Ines Varga told reporters.'
    )
    assert speakers(text) == ["Ilse Marten", "Olu Bakare", "Ines Varga"]


def test_abbreviated_title_before_a_surname_resolves_to_the_full_name() -> None:
    text = (
        "Ilse Marten leads the reactor team at Halden University.\n\n"
        '"The reactor passed every test," said Dr. Marten.'
    )
    assert speakers(text) == ["Ilse Marten"]


def test_single_initial_is_not_taken_for_a_title() -> None:
    text = '"Costs fell," said J. Olu Bakare.'
    assert speakers(text) == ["J. Olu Bakare"]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["Dr.", "Mr.", "Ms.", "Mrs.", "Prof."]), st.sampled_from(["", " "]))
def test_title_with_or_without_full_stop_gives_the_same_speaker(title: str, gap: str) -> None:
    bare = title.rstrip(".")
    for written in (title, bare):
        text = f'"Costs fell,"{gap} said {written} Olu Bakare.'
        assert speakers(text) == ["Olu Bakare"], text
