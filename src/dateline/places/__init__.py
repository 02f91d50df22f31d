"""Places: one home for the gazetteer, used by ingest, the actors, the events and the
evaluations.

    gazetteer = load_kb().gazetteer()          # dateline.actors builds it from its data
    gazetteer.locate("Almaty")                 # a Location: country KAZ, coordinates
    world_town("Gainesville")                  # GeoNames towns the gazetteer does not list

A leaf package: it imports only ``dateline.model``, so every stage may use it.
"""

from __future__ import annotations

from dateline.places._gazetteer import Gazetteer, Key
from dateline.places._towns import MIN_POPULATION, world_town

__all__ = ["MIN_POPULATION", "Gazetteer", "Key", "world_town"]
