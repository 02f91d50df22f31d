"""Regions named in an article ("peace in Europe", "the West") are places talked about: never
"the country" or one of "the parties". What must and must not come out."""

from __future__ import annotations

import datetime as dt

MARCH_2025 = dt.date(2025, 3, 10)


def test_the_parties_are_not_a_region(resolve) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Armenia and Azerbaijan met in Geneva. Azerbaijan called the talks a step toward peace "
        "in Europe, and Europe welcomed them. The parties later signed an agreement."
    )
    parties = next(m for m in resolve(text, MARCH_2025) if m.actor.text == "The parties")
    codes = {a.code for a in parties.members} | {parties.actor.code}
    assert "EUR" not in codes
    assert {"ARM", "AZE"} <= codes


def test_the_country_is_not_a_region_named_last(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya signed the deal on Monday, officials in Africa said. The country will export tea."
    country = next(m for m in resolve(text, MARCH_2025) if m.actor.text == "The country")
    assert country.actor.code == "KEN"
