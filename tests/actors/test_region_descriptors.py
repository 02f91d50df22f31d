"""Descriptor anaphora: "the Southeast Asian nation" repeats the story's country of that
region, not the region; with no such country named it stays the region."""

from __future__ import annotations

import datetime as dt

from tests.actors.actor_helpers import find

JUNE_2024 = dt.date(2024, 6, 3)


def test_region_nation_is_the_story_country_of_that_region(resolve) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Beijing warned Manila over the reef on Tuesday. "
        "The Southeast Asian nation said it would keep patrolling."
    )
    nation = find(resolve(text, JUNE_2024), "Southeast Asian nation")
    assert nation.actor.code == "PHL"
    assert nation.actor.kind == "country"


def test_latest_country_of_the_region_wins(resolve) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenya and Brazil signed a coffee pact. Ethiopia later joined the talks. "
        "The African country pledged to cut export taxes."
    )
    country = find(resolve(text, JUNE_2024), "African country")
    assert country.actor.code == "ETH"


def test_country_outside_the_region_is_not_chosen(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Norway hosted the talks. The Central Asian state promised to free the reporters."
    state = find(resolve(text, JUNE_2024), "Central Asian")
    assert state.actor.code != "NOR"


def test_region_noun_phrase_without_state_head_stays_a_region(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Thailand signed the pact. The Southeast Asian bloc welcomed it."
    bloc = find(resolve(text, JUNE_2024), "Southeast Asian")
    assert bloc.actor.code != "THA"
