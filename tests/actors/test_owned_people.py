"""People named after a possessive that owns their post or speaks through them: the
spokesman of a named president, a researcher of a known organisation, a person of a
country (actors/_people.py ``_owner_before``). Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


def test_a_titled_person_after_a_presidents_possessive_holds_his_governments_post(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Kenyan President William Ruto's spokesman Hussein Mwangi denied the report.", when=WHEN
    )
    spokesman = find(mentions, "Hussein Mwangi").actor
    assert (spokesman.code, spokesman.rule) == ("KENGOV", "title+owner")


def test_a_person_named_through_a_known_organisation_speaks_for_it(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("Amnesty International's Tom Keller criticized the arrests.", when=WHEN)
    researcher = find(mentions, "Tom Keller").actor
    assert researcher.code is not None and researcher.code.startswith("NGO")


def test_a_person_named_through_a_country_is_of_that_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("Ghana's Kofi Mensah rejected the election results.", when=WHEN)
    assert find(mentions, "Kofi Mensah").actor.country == "GHA"
