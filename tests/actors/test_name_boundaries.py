"""Where one person's name and title end: a known leader's surname in the middle of another
name is no mention of the leader, and a title right before a name is that name's, not an
apposition to the name before it (actors/_people.py, actors/_titles.py). Sentences written
for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


def test_a_leaders_surname_as_a_middle_name_is_not_the_leader(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("Brigadier Yusuf Erdogan Demir said 12 soldiers were killed.", when=WHEN)
    person = find(mentions, "Demir").actor
    assert "leaders:" not in (person.rule or "")
    assert person.country != "TUR" or person.sector != "GOV"


def test_a_leaders_full_name_is_still_the_leader(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("Recep Tayyip Erdogan said 12 soldiers were killed.", when=WHEN)
    assert find(mentions, "Erdogan").actor.code == "TURGOV"


def test_a_title_before_the_next_name_is_not_an_apposition(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Speaking alongside Sarah Wanjiku, Kenyan Interior Minister Kipchumba Murkomen said the "
        "border would reopen.",
        when=WHEN,
    )
    assert find(mentions, "Wanjiku").actor.sector != "GOV"
    assert find(mentions, "Murkomen").actor.code == "KENGOV"


def test_a_title_between_commas_is_still_an_apposition(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("Odhiambo Omondi, Kenya's interior minister, said the border would reopen.")
    assert find(mentions, "Omondi").actor.code == "KENGOV"
