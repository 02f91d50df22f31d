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


# -- concern over what an actor did, told in a that-clause -------------------------------------
@pytest.mark.parametrize(
    ("text", "holder", "doer"),
    [
        (
            "The U.S. State Department said Washington was deeply disappointed that Somalia's "
            "parliament approved the bill.",
            "USA",
            "SOM",
        ),
        (
            "Canada's foreign minister said she was dismayed that Russia had expelled two "
            "Canadian diplomats.",
            "CAN",
            "RUS",
        ),
    ],
)
def test_disappointment_that_an_actor_did_something_disapproves_of_it(
    pipe: Pipeline, text: str, holder: str, doer: str
) -> None:
    assert doer in accused(code(pipe, text), holder)


@pytest.mark.parametrize(
    "text",
    [
        # only what may come
        "Canada's foreign minister said she was worried that Russia might expel Canadian "
        "diplomats.",
        # pleasure is no disapproval
        "Canada's foreign minister said she was pleased that Russia had released two Canadian "
        "diplomats.",
    ],
)
def test_no_disapproval_for_a_feared_or_welcomed_act(pipe: Pipeline, text: str) -> None:
    assert "RUS" not in accused(code(pipe, text), "CAN")


# -- an actor branded in speech ------------------------------------------------------------------
def test_a_speaker_branding_an_actor_criticises_it(pipe: Pipeline) -> None:
    text = "Venezuelan opposition leaders said the illegitimate government was jailing critics."
    events = code(pipe, text)
    assert [
        e.cameo.code
        for e in events
        if e.plover.event == "ACCUSE" and e.target is not None and e.target.sector == "GOV"
    ] == ["111"]


@pytest.mark.parametrize(
    "text",
    [
        # no one says it
        "The illegitimate government in Caracas jailed critics on Monday.",
        # no brand
        "Venezuelan opposition leaders said the government was jailing critics.",
    ],
)
def test_no_brand_without_a_speaker_or_an_epithet(pipe: Pipeline, text: str) -> None:
    assert not [e for e in code(pipe, text) if e.plover.event == "ACCUSE"]
