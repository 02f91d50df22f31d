"""People introduced through the body they speak for, named after them with "of" or
before them with a possessive, known to the knowledge base or not (actors/_affiliation.py).
Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


def test_a_person_of_a_known_organisation_speaks_for_it(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("Tom Keller of Amnesty International criticized the arrests.", when=WHEN)
    keller = find(mentions, "Tom Keller").actor
    assert keller.code is not None and keller.code.startswith("NGO")


def test_a_person_of_an_unknown_civil_body_is_an_ngo(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Anna Varga, of the Danube River Conservation Society, criticized the dam.", when=WHEN
    )
    varga = find(mentions, "Anna Varga").actor
    assert (varga.code, varga.country) == ("NGO", None)


def test_a_civil_body_named_head_first_is_an_ngo(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("Piet Dekker of the Alliance for Open Harbours urged talks.", when=WHEN)
    assert find(mentions, "Piet Dekker").actor.code == "NGO"


def test_a_person_after_an_unknown_civil_bodys_possessive_is_an_ngo(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The Migrant Legal Defense Project's Luis Barrenechea condemned the transfers.", when=WHEN
    )
    assert find(mentions, "Luis Barrenechea").actor.code == "NGO"


def test_a_later_surname_keeps_the_civil_body(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Anna Varga of the Danube River Conservation Society spoke on Monday. "
        "Varga said the dam would destroy the wetlands.",
        when=WHEN,
    )
    later = [m for m in mentions if m.actor.text == "Varga"]
    assert later and later[0].actor.code == "NGO"


def test_a_person_of_a_place_is_not_a_civil_body(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("Anna Varga of Budapest criticized the dam.", when=WHEN)
    assert find(mentions, "Anna Varga").actor.country == "HUN"


def test_an_unknown_civil_body_is_an_ngo_actor(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("The Mekong Delta Farmers Alliance accused Vietnam of neglect.", when=WHEN)
    body = find(mentions, "Farmers Alliance").actor
    assert (body.code, body.kind) == ("NGO", "organisation")


def test_a_known_organisation_is_not_recoded_as_a_civil_body(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("The Open Society Foundation funded schools in Serbia.", when=WHEN)
    assert find(mentions, "Open Society").actor.code == "NGOOSF"
