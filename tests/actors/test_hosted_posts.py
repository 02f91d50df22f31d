"""A state's post or mission at an organisation, owned through a possessive pronoun ("his
U.N. mission"), speaks for the state, while the organisation's own mission stays the
organisation. Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


def test_a_pronoun_owned_mission_at_the_un_is_the_owners_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Peru's U.N. ambassador attended the meeting, but his U.N. mission criticized Chile.",
        when=WHEN,
    )
    mission = find(mentions, "his U.N. mission").actor
    assert mission.country == "PER"
    assert not (mission.code or "").startswith("IGO")


def test_a_pronoun_owned_envoy_at_the_un_is_the_owners_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The Peruvian president said his U.N. envoy had criticized Chile.", when=WHEN
    )
    assert find(mentions, "his U.N. envoy").actor.country == "PER"


def test_the_organisations_own_mission_stays_the_organisation(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("The U.N. mission criticized Chile on Monday.", when=WHEN)
    assert (find(mentions, "The U.N. mission").actor.code or "").startswith("IGOUNO")
