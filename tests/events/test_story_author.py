"""Disapproval of a state's act whose maker neither its phrase nor the article names is
aimed at the state the story is about (events/_story_author.py). Sentences written for
dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline

TERM_VOTE = "Somalia's parliament voted on Monday to extend the president's term by two years. "


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def disapprovals(events: list[Event], source: str) -> list[Event]:
    """ACCUSE events by ``source`` (an ISO3 country, or IGO for international bodies)."""
    return [
        e
        for e in events
        if e.plover.event == "ACCUSE"
        and (e.source.country or (e.source.code or "")[:3]) == source
        and not e.negated
        and not e.hypothetical
    ]


def targets(events: list[Event], source: str) -> set[str | None]:
    return {e.target.country if e.target else None for e in disapprovals(events, source)}


@pytest.mark.parametrize(
    ("text", "critic"),
    [
        (TERM_VOTE + "Somali opposition leaders denounced the decision as a power grab.", "SOM"),
        (TERM_VOTE + "The African Union criticized the decision on Tuesday.", "IGO"),
        (TERM_VOTE + "Kenya's foreign minister described the move as reckless.", "KEN"),
        (
            TERM_VOTE + "The U.S. said it was deeply disappointed by the approval of the bill.",
            "USA",
        ),
        (TERM_VOTE + "Opposition leader Ali Hassan said the decision was not legal.", "SOM"),
    ],
)
def test_a_disapproved_act_with_no_maker_named_is_the_story_states(
    pipe: Pipeline, text: str, critic: str
) -> None:
    found = [e for e in disapprovals(code(pipe, text), critic) if e.target is not None]
    assert found
    assert {e.target.country for e in found if e.target} == {"SOM"}
    assert all(
        e.target.rule and "implicit.story_author" in e.target.rule for e in found if e.target
    )


def test_a_government_does_not_disapprove_of_its_own_act(pipe: Pipeline) -> None:
    text = TERM_VOTE + "Somalia's government criticized the decision on Tuesday."
    assert "SOM" not in targets(code(pipe, text), "SOM")


@pytest.mark.parametrize(
    "text",
    [
        # a hostile act is as often militants' as a state's
        TERM_VOTE + "The African Union condemned the attack on Tuesday.",
        # no act in particular
        TERM_VOTE + "The African Union said it condemns any violence.",
        # the critic's own words, not an act criticised
        TERM_VOTE + "The African Union has leveled a string of criticisms at the region.",
        # a state of things, no act
        TERM_VOTE + "The African Union said the situation was dire.",
    ],
)
def test_no_story_state_for_acts_no_state_need_have_done(pipe: Pipeline, text: str) -> None:
    assert "SOM" not in targets(code(pipe, text), "IGO")


def test_the_maker_the_article_names_comes_first(pipe: Pipeline) -> None:
    text = (
        "Kenya's parliament banned the import of charcoal last year. Somalia's president "
        "says he sees the ban as part of a larger crackdown on traders."
    )
    assert targets(code(pipe, text), "SOM") == {"KEN"}


def test_a_person_known_by_nationality_is_not_the_state_whose_act_they_judge(
    pipe: Pipeline,
) -> None:
    text = (
        "The Taliban banned books written by women last year. Afghan writer Karimi sees "
        "the book ban as part of a larger crackdown on women."
    )
    found = disapprovals(code(pipe, text), "AFG")
    assert any(e.target is not None and e.target.sector == "GOV" for e in found)
