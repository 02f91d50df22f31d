"""A title ending in its post's place, set off by a comma before the name ("the U.N. envoy
to Bolivia, Maria Kowalczyk,"): the name, its surname and "I" in the person's quote keep the
title's body. Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


def test_an_international_envoy_to_a_country_keeps_the_body_not_the_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The U.N. special envoy to Bolivia, Maria Kowalczyk, voiced alarm on Monday. "
        '"I urge the police to find the inmates," Kowalczyk said.',
        when=WHEN,
    )
    envoy = find(mentions, "Maria Kowalczyk").actor
    assert (envoy.code or "").startswith("IGOUNO")
    later = [m.actor for m in mentions if m.actor.text in ("Kowalczyk", "I")]
    assert later and all((a.code or "").startswith("IGOUNO") for a in later)


def test_a_national_ambassador_to_a_country_keeps_the_sending_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The American ambassador to Peru, John Smith, criticized the new law.",
        when=WHEN,
    )
    assert find(mentions, "John Smith").actor.country == "USA"


def test_a_place_without_a_title_before_the_comma_gives_the_name_nothing(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Troops of the U.N. mission were sent to Bolivia, Maria Kowalczyk said on Monday.",
        when=WHEN,
    )
    speaker = find(mentions, "Maria Kowalczyk").actor
    assert not (speaker.code or "").startswith("IGOUNO")
