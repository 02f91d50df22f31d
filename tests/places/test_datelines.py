"""Reading a dateline's country from the gazetteer data (its ``dateline`` column)."""

from __future__ import annotations

import pytest

from dateline.actors import load_kb
from dateline.places import country_of_name, dateline_country, known_place


@pytest.mark.parametrize(
    ("place", "region", "country"),
    [
        ("KYIV", "Ukraine", "UKR"),  # the region part names a country
        ("SPRINGFIELD", "Ill.", "USA"),  # an AP abbreviation of a region
        ("AUSTIN", "Texas", "USA"),  # a region spelled out
        ("DENVER", None, "USA"),  # a city known only as a dateline place
        ("ASTANA", None, "KAZ"),  # a capital of the gazetteer
        ("KUWAIT", None, "KWT"),  # a country named alone
        ("Nowhereville", None, None),
    ],
)
def test_a_dateline_gets_the_country_of_its_region_or_city(
    place: str, region: str | None, country: str | None
) -> None:
    assert dateline_country(place, region) == country


def test_a_region_part_naming_a_country_wins_over_a_namesake_region() -> None:
    # the US state and the country share a name: a dateline's "X, Georgia" is the country
    assert dateline_country("SOMEWHERE", "Georgia") == "GEO"


def test_a_place_without_a_country_is_known_but_gives_none() -> None:
    assert known_place("UNITED NATIONS")
    assert dateline_country("UNITED NATIONS") is None


def test_country_names_include_the_gazetteer_regions_read_as_countries() -> None:
    assert country_of_name("U.S.") == "USA"
    assert country_of_name("Scotland") == "GBR"
    assert country_of_name("Ohio") is None


def test_places_known_only_from_datelines_are_not_actors() -> None:
    kb = load_kb()
    assert not [e for e in kb.lookup("Denver") if e.type == "place"]
    assert not kb.lookup("Calif.")
    assert [e.country for e in kb.lookup("Astana") if e.type == "place"] == ["KAZ"]
