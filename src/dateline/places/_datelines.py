"""The country of a news dateline ("KYIV, Ukraine (AP) -", "AUSTIN, Texas -", "ASTANA -").

Read from the gazetteer's data (``data/actors/places.tsv`` and ``countries.tsv``): its
``dateline`` column says which places open a dateline (``city``), which follow a city
(``region``) and which a dateline reads as a country name (``country``). Rows of kind
``dateline`` are places known only from datelines; the actor knowledge base leaves them out.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from dateline.places._towns import fold_name

_DATA = "data/actors"


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("dateline").joinpath(f"{_DATA}/{name}").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _names(row: dict[str, str]) -> list[str]:
    return [row["name"], *[a for a in row["aliases"].split("|") if a]]


@cache
def _table(use: str) -> dict[str, str]:
    """Name or alias -> ISO3 ('' for places without a country, such as the UN) of the
    places a dateline reads as ``use`` (city, region or country)."""
    table: dict[str, str] = {}
    if use == "country":
        for row in _rows("countries.tsv"):
            for name in _names(row):
                table.setdefault(fold_name(name), row["iso3"])
    for row in _rows("places.tsv"):
        if use in row["dateline"].split("|"):
            for name in _names(row):
                table.setdefault(fold_name(name), row["iso3"])
    return table


def country_of_name(name: str) -> str | None:
    """ISO3 of a country name or common short form ('Ukraine', 'U.S.'), else None."""
    return _table("country").get(fold_name(name)) or None


def known_place(place: str) -> bool:
    """Whether ``place`` is a place that opens datelines."""
    return fold_name(place) in _table("city")


def dateline_country(place: str, region: str | None = None) -> str | None:
    """Country of a dateline: the region part when it names a country or a region we know
    ("KYIV, Ukraine", "AUSTIN, Texas"), else the city ("ASTANA"), else None."""
    if region:
        code = country_of_name(region) or _table("region").get(fold_name(region))
        if code:
            return code
    code = _table("city").get(fold_name(place))
    if code is None:
        code = country_of_name(place)  # "SINGAPORE —", "KUWAIT —"
    return code or None
