"""Places: one home for the gazetteer, used by ingest, the actors, the events and the
evaluations.

    gazetteer = load_kb().gazetteer()          # dateline.actors builds it from its data
    gazetteer.locate("Almaty")                 # a Location: country KAZ, coordinates
    world_town("Gainesville")                  # GeoNames towns the gazetteer does not list
    dateline_country("AUSTIN", "Texas")        # "USA": the country of a news dateline

A leaf package: it imports only ``dateline.model``, so every stage may use it.
"""

from __future__ import annotations

from dateline.places._datelines import country_of_name, dateline_country, known_place
from dateline.places._gazetteer import Gazetteer, Key
from dateline.places._towns import MIN_POPULATION, world_town

__all__ = [
    "MIN_POPULATION",
    "Gazetteer",
    "Key",
    "country_of_name",
    "dateline_country",
    "known_place",
    "world_town",
]
