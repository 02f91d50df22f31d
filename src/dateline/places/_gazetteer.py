"""The gazetteer: place names -> ``Location`` (country and coordinates).

A ``Gazetteer`` is data: the places and countries a knowledge base names, keyed the way
that knowledge base keys phrases, and the names it knows as something else (a person, an
organisation). Built once (``dateline.actors.KnowledgeBase.gazetteer()``) and handed to
whatever needs places: the event coder, the pipeline, the evaluations.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import replace

from dateline.model import Location
from dateline.places._towns import world_town

Key = tuple[str, ...]


class Gazetteer:
    """Place names -> ``Location``; treat it as read-only."""

    def __init__(
        self,
        places: Mapping[Key, Location],
        known: Collection[Key],
        key: Callable[[str], Key],
    ) -> None:
        """``places``: phrase key -> the place or country it names; ``known``: every key the
        knowledge base has, whatever it names; ``key``: how a name becomes a key."""
        self._places = places
        self._known = known
        self._key = key

    def locate(self, name: str) -> Location | None:
        """The place ``name`` names: a listed place or country, else the GeoNames town so
        named unless the name is known as something else ("Jordan" the person). Spans of the
        parser's place entities often begin with the article ("in *the West Bank*")."""
        candidates = [name]
        first, _, rest = name.partition(" ")
        if first.lower() == "the" and rest:
            candidates.append(rest)
        for candidate in candidates:
            found = self._places.get(self._key(candidate))
            if found is not None:
                return replace(found)  # a copy: callers set its source
        return None if self._key(name) in self._known else world_town(name)
