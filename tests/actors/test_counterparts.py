"""Country words that name the other side of a phrase ("Chinese rivals", "Iran's enemies")
or its holder ("the Serb-controlled republic"): the phrase is no actor of that country. What
must and must not come out."""

from __future__ import annotations

import datetime as dt

MARCH_2025 = dt.date(2025, 3, 10)


def codes(resolve, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [m.actor.code for m in resolve(text, MARCH_2025)]


def test_rivals_and_enemies_of_a_country_are_not_that_country(resolve) -> None:  # type: ignore[no-untyped-def]
    assert "CHN" not in codes(resolve, "Washington sells arms to Chinese rivals in Asia.")
    assert "IRN" not in codes(resolve, "Israel armed Iran's enemies in the region.")
    assert "RUS" not in codes(resolve, "Russia's neighbours condemned the invasion.")


def test_a_holder_before_controlled_is_not_the_thing_held(resolve) -> None:  # type: ignore[no-untyped-def]
    assert "SRB" not in codes(
        resolve, "Officials denounced the moves against the Serb-controlled republic."
    )


def test_own_bodies_of_a_country_stay_that_country(resolve) -> None:  # type: ignore[no-untyped-def]
    assert "RUSMIL" in codes(resolve, "Russia's army attacked Ukraine.")
    assert "CHNBUS" in codes(resolve, "The United States sanctioned the Chinese company.")
