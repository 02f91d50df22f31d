"""Dateline place -> ISO 3166-1 alpha-3 country.

A deliberately small stop-gap (capitals and frequent dateline cities, written as data in
``data/ingest``); the gazetteer in ``dateline.actors`` replaces it later. Everything goes
through :func:`dateline_country` so that swap touches one function.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from dateline.ingest._data import read_tsv


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("’", "'").replace(".", " ").split()).casefold()


@cache
def _table(name: str) -> dict[str, str]:
    """Name or alias -> country code ('' for places without a country, such as the UN)."""
    table: dict[str, str] = {}
    for row in read_tsv(name):
        country = row["id"] if name == "countries.tsv" else row["country"]
        names = [row["name"], *[a for a in row.get("aliases", "").split("|") if a]]
        for n in names:
            table.setdefault(_key(n), country)
    return table


def country_of_name(name: str) -> str | None:
    """ISO3 of a country name or common short form ('Ukraine', 'U.S.'), else None."""
    return _table("countries.tsv").get(_key(name)) or None


def known_place(place: str) -> bool:
    return _key(place) in _table("places.tsv")


def dateline_country(place: str, region: str | None = None) -> str | None:
    """Country of a dateline: the region part when it names a country or a region we know
    ("KYIV, Ukraine", "AUSTIN, Texas"), else the city ("ASTANA"), else None."""
    if region:
        code = country_of_name(region) or _table("regions.tsv").get(_key(region))
        if code:
            return code
    code = _table("places.tsv").get(_key(place))
    if code is None:
        code = country_of_name(place)  # "SINGAPORE —", "KUWAIT —"
    return code or None
