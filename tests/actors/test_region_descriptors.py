"""Descriptor anaphora: "the Southeast Asian nation" repeats the story's country of that
region, not the region; with no such country named it stays the region."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.actors.actor_helpers import find

JUNE_2024 = dt.date(2024, 6, 3)


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # the country the story named, described by its region
        (
            "Beijing warned Manila over the reef on Tuesday. "
            "The Southeast Asian nation said it would keep patrolling.",
            "Southeast Asian nation",
            "PHL",
        ),
        # of several countries of the region, the one named last
        (
            "Kenya and Brazil signed a coffee pact. Ethiopia later joined the talks. "
            "The African country pledged to cut export taxes.",
            "African country",
            "ETH",
        ),
        # a lower-case descriptor: the island country, though another was named after it
        (
            "Japan hosted the summit, and China sent its premier. "
            "The island nation will reopen its ports.",
            "island nation",
            "JPN",
        ),
    ],
)
def test_region_descriptor_is_the_story_country_of_that_region(resolve, text, phrase, code) -> None:  # type: ignore[no-untyped-def]
    found = find(resolve(text, JUNE_2024), phrase)
    assert found.actor.code == code
    assert found.actor.kind == "country"


def test_country_outside_the_region_is_not_chosen(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Norway hosted the talks. The Central Asian state promised to free the reporters."
    state = find(resolve(text, JUNE_2024), "Central Asian")
    assert state.actor.code != "NOR"


def test_region_noun_phrase_without_state_head_stays_a_region(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Thailand signed the pact. The Southeast Asian bloc welcomed it."
    bloc = find(resolve(text, JUNE_2024), "Southeast Asian")
    assert bloc.actor.code != "THA"
