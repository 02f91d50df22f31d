"""Negative evaluation in speech (events/_evaluation.py): merit denied, and the doers a
wrongdoing's phrase names through a country adjective, a participle or a frame noun.
Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def accused(events: list[Event], source: str) -> set[str | None]:
    return {
        e.target.country
        for e in events
        if e.plover.event == "ACCUSE"
        and e.source.country == source
        and e.target is not None
        and not e.negated
        and not e.hypothetical
    }


# -- merit denied ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Finland's interior minister said Sweden's decision was not legal.",
        "Finland's interior minister said Sweden's decision was not legal and not fair.",
        "\"Sweden's decision is not acceptable,\" Finland's interior minister said.",
    ],
)
def test_denying_an_acts_merit_criticises_its_actor(pipe: Pipeline, text: str) -> None:
    assert "SWE" in accused(code(pipe, text), "FIN")


@pytest.mark.parametrize(
    "text",
    [
        # a judgement taken back, and praise
        "Finland's interior minister said Sweden's decision was not illegal.",
        "Finland's interior minister said Sweden's decision was fair.",
        # merit asserted
        "Finland's interior minister said Sweden's decision was legal.",
    ],
)
def test_no_criticism_for_merit_granted_or_a_wrong_denied(pipe: Pipeline, text: str) -> None:
    assert "SWE" not in accused(code(pipe, text), "FIN")


# -- the doers a wrongdoing's phrase names -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The Danish prime minister said disinformation by Russian bots was rising.", "RUS"),
        (
            "The Danish prime minister said that disinformation spread by Russian trolls was "
            "rising.",
            "RUS",
        ),
        (
            "The Danish prime minister said Europe must resist China's campaign of economic "
            "coercion.",
            "CHN",
        ),
    ],
)
def test_a_wrongdoing_told_with_its_doer_accuses_the_doer(
    pipe: Pipeline, text: str, doer: str
) -> None:
    assert doer in accused(code(pipe, text), "DNK")


@pytest.mark.parametrize(
    "text",
    [
        # no one says it
        "Russian trolls spread disinformation in Denmark last year.",
        # the wrong is done to China, not by it
        "The Danish prime minister said Europe must resist a campaign of coercion against China.",
        # a frame noun that names no doer of it
        "The Danish prime minister said China's report on economic coercion was useful.",
    ],
)
def test_no_accusation_of_a_doer_the_phrase_does_not_name(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert not accused(events, "DNK") & {"RUS", "CHN"}
