"""Role words that are mass nouns when bare ("use force", "share intelligence"): no actor
then, an actor with a determiner or a country ("the force", "Pakistani intelligence"); and
"the international community", which is no country's people."""

from __future__ import annotations

import datetime as dt

MARCH_2025 = dt.date(2025, 3, 10)


def texts(resolve, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.actor.text for m in resolve(text, MARCH_2025)]


def test_bare_force_and_intelligence_are_no_actors(resolve) -> None:  # type: ignore[no-untyped-def]
    assert not any(
        "force" in t for t in texts(resolve, "Beijing threatened to use force against Taipei.")
    )
    assert not any("force" in t for t in texts(resolve, "Ankara may use military force in Syria."))
    assert not any(
        "intelligence" in t
        for t in texts(resolve, "The armies of Kenya and Uganda share intelligence.")
    )


def test_force_and_intelligence_with_a_determiner_or_country_are_actors(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Pakistani intelligence arrested two Indian spies.", MARCH_2025)
    assert any(m.actor.code == "PAKSPY" for m in mentions)
    mentions = resolve("A UN force protected civilians in Mali.", MARCH_2025)
    assert any(m.actor.text == "A UN force" and m.actor.code for m in mentions)


def test_the_international_community_is_no_country_s_people(resolve) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The junta barred women from offices in Myanmar. The international community should "
        "respond by refusing to discuss the future of Myanmar without them."
    )
    mentions = resolve(text, MARCH_2025)
    assert not any("community" in m.actor.text and m.actor.code for m in mentions)


def test_a_national_community_is_still_its_people(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("The Somali community in Kenya protested.", MARCH_2025)
    assert any(m.actor.code == "SOMCVL" for m in mentions)
