"""Names of places and facilities that the tagger reads as people ("Dadaab and Kakuma camps",
"the Tora Bora caves"): no person actor. What must and must not come out."""

from __future__ import annotations

import datetime as dt

MARCH_2025 = dt.date(2025, 3, 10)


def texts(resolve, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.actor.text for m in resolve(text, MARCH_2025)]


def test_names_of_camps_are_no_people(resolve) -> None:  # type: ignore[no-untyped-def]
    found = texts(resolve, "Dadaab and Kakuma camps together shelter more than 400,000 refugees.")
    assert not any("Dadaab" in t or "Kakuma" in t for t in found)
    found = texts(resolve, "Both Hagadera and Ifo camps opened in the 1990s, offering havens.")
    assert not any("Hagadera" in t or "Ifo" in t for t in found)


def test_a_person_named_before_an_ordinary_noun_is_still_a_person(resolve) -> None:  # type: ignore[no-untyped-def]
    found = texts(resolve, "Bashir Ahmed met the Kenyan president in Nairobi.")
    assert "Bashir Ahmed" in found
