"""The gazetteer as data: names -> Location, with GeoNames towns for the names it lacks."""

from __future__ import annotations

from dateline.actors import load_kb
from dateline.model import Location
from dateline.places import Gazetteer, world_town


def _key(name: str) -> tuple[str, ...]:
    return tuple(name.lower().split())


def _gazetteer() -> Gazetteer:
    harbour = Location("Port Vell", "XYZ", 1.0, 2.0)
    return Gazetteer({("port", "vell"): harbour}, {("port", "vell"), ("gainesville",)}, _key)


def test_a_listed_place_comes_back_as_a_fresh_copy() -> None:
    places = _gazetteer()
    found = places.locate("Port Vell")
    assert found == Location("Port Vell", "XYZ", 1.0, 2.0)
    assert found is not None
    found.source = "dateline"
    assert places.locate("Port Vell") == Location("Port Vell", "XYZ", 1.0, 2.0)


def test_a_leading_article_is_dropped_only_to_look_up() -> None:
    assert _gazetteer().locate("the Port Vell") == Location("Port Vell", "XYZ", 1.0, 2.0)


def test_a_name_known_as_something_else_is_no_town() -> None:
    # "Gainesville" is a GeoNames town, but this gazetteer knows the name as something else
    assert world_town("Gainesville") is not None
    assert _gazetteer().locate("Gainesville") is None


def test_an_unlisted_name_falls_back_to_geonames_towns() -> None:
    found = _gazetteer().locate("Kalat")
    assert found is not None and found.country == "PAK" and found.lat is not None


def test_the_knowledge_base_gazetteer_lists_places_and_countries() -> None:
    places = load_kb().gazetteer()
    city = places.locate("Almaty")
    country = places.locate("Kazakhstan")
    assert city is not None and city.country == "KAZ" and city.lat is not None
    assert country is not None and country.country == "KAZ"
    assert places.locate("Hamas") is None  # an armed group, not a place
