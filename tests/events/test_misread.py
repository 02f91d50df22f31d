"""Nouns the tagger reads as verbs (events/misread.py). Sentences written for dateline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import dyads
from dateline.events.misread import misread_noun
from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def word(nlp: Language, text: str, lemma: str):  # type: ignore[no-untyped-def]
    return next(t for t in nlp(text) if t.lemma_.lower() == lemma)


@pytest.mark.parametrize(
    ("text", "modifier"),
    [
        (
            "Talks resumed after the Oval Office clash between the American president and the "
            "Ukrainian president in February.",
            "Office",
        ),
        (
            "Negotiations stalled after the White House clash between the two leaders last week.",
            "House",
        ),
        (
            "Paris said on Monday that it would halt arms deliveries to Rome, following the "
            "Elysee Palace clash between French President Emmanuel Macron and Italian Prime "
            "Minister Giorgia Meloni.",
            "Palace",
        ),
    ],
)
def test_a_determined_subject_with_a_between_pair_is_the_nouns_modifier(
    nlp: Language, text: str, modifier: str
) -> None:
    found = misread_noun(word(nlp, text, "clash"))
    assert found is not None and found.text == modifier


@pytest.mark.parametrize(
    "text",
    [
        "Rebels and soldiers clash in the north every week.",
        "The two armies will clash between the rivers next week.",
        "The ministers clash over the budget.",
        "Patrols of the rebels clash between the villages and the river.",
    ],
)
def test_a_verb_with_its_own_subject_stays_a_verb(nlp: Language, text: str) -> None:
    assert misread_noun(word(nlp, text, "clash")) is None


def test_a_misread_clash_of_words_is_criticism_between_the_pair(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Talks stalled after the Oval Office clash between French President Emmanuel Macron "
        "and Italian Prime Minister Giorgia Meloni on Friday.",
    )
    assert ("FRA", "ITA") in dyads(events, "ACCUSE")
    assert not dyads(events, "ASSAULT")
