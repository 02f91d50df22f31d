"""Whom someone met or dealt with, followed by where: the venue is not the partner's
country (actors/_context.py ``_met_partner``). Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


def test_rebels_met_in_a_foreign_capital_keep_the_storys_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Houthi rebels seized a port in Yemen on Monday. "
        "Saudi officials held talks with the rebels in Oman's capital, Muscat, last year.",
        when=WHEN,
    )
    rebels = find(mentions, "the rebels").actor
    assert rebels.country == "YEM"
    assert "Oman" not in rebels.text


def test_rebels_in_a_place_not_met_there_are_of_that_place(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("The rebels in Oman's capital attacked a police station.", when=WHEN)
    assert find(mentions, "rebels").actor.country == "OMN"
