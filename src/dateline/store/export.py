"""Exports of the deduplicated events in formats analysts already load.

GDELT 2.0 event table (``--format gdelt``)
-----------------------------------------
One row per deduplicated event, the 61 columns of the GDELT 2.0 event table in GDELT's
order (``GDELT_COLUMNS``), tab-separated, no quoting and, like GDELT's files, no header row
unless asked for (``header=True``, ``--header``). Read it as GDELT files are read:
``pd.read_csv(path, sep="\t", header=None, names=GDELT_COLUMNS)``. A column is blank where
dateline has nothing for it. What each filled column holds, and where it differs from GDELT:

=========================  ==============================================================
GLOBALEVENTID              a 63-bit integer: the first 8 bytes of SHA-256 of dateline's
                           event id, top bit cleared (``layouts.stable_int``). The same
                           event id gives the same integer in every run
SQLDATE, MonthYear, Year   the event date (YYYYMMDD, YYYYMM, YYYY); a month- or year-
                           precision date gives the first day of its period (the precision
                           is in the PLOVER and Parquet exports); blank when undated
FractionDate               year + (day of year - 1) / days in year
Actor1Code, Name           the source actor's CAMEO code and resolved name (or its text)
Actor1CountryCode          its country (CAMEO country code, ISO 3166 alpha-3 as in GDELT)
Actor1Type1Code            its sector (CAMEO role code: GOV, MIL, BUS...)
Actor1Geo_*                the actor's country as a country-level place: Type 1, FullName
                           the country's name, CountryCode/ADM1Code/FeatureID its FIPS
                           10-4 code (as GDELT fills a country match); Lat/Long blank
                           (dateline has no country centroids). GDELT places the actor
                           where the text does; this is an approximation
Actor2...                  the same for the target (blank when there is none)
IsRootEvent                1 if a report of the event is in a lead (the first
                           ``ROOT_EVENT_SENTENCES`` sentences of its article), else 0
EventCode, EventBaseCode,  the CAMEO code (leading zero kept: read these as strings), its
EventRootCode              first three digits and its root
QuadClass, GoldsteinScale  from the CAMEO codebook
NumMentions, NumSources,   reports of the event, distinct outlets, distinct articles
NumArticles
ActionGeo_Type             1 country, 2 US state, 3 US city, 4 world city (a place inside
                           another country's first-level division is written as 4: GDELT's
                           5, world state, is not told apart)
ActionGeo_FullName         "Place, Country" (the country's name alone for a country)
ActionGeo_CountryCode      FIPS 10-4 code of the place's country, as in GDELT
ActionGeo_ADM1Code         the FIPS code for a country-level place, else blank
ActionGeo_Lat, _Long       the place's coordinates (WGS84) when the gazetteer has them
DATEADDED                  YYYYMMDDHHMMSS: the article's publication date at 000000 (the
                           event date when the article has none). GDELT writes the time
                           it processed the article; a store keeps no processing times in
                           its content, so the export stays the same from run to run
SOURCEURL                  URL of the article holding the representative report
=========================  ==============================================================

Always blank: KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type2Code,
Type3Code, AvgTone, ADM2Code, and ActionGeo_FeatureID.

ICEWS event table (``--format icews``)
--------------------------------------
The columns of the ICEWS coded event data files (``ICEWS_COLUMNS``), tab-separated with
ICEWS's header row. Approximations:

- ``Event ID`` and ``Story ID`` are 63-bit integers of dateline's event and article ids
  (``layouts.stable_int``), not ICEWS's own numbers.
- ``Source Sectors``/``Target Sectors`` name the CAMEO role code of the actor
  (``data/store/sectors.tsv``), one sector, not ICEWS's comma-separated sector ontology.
- ``Source Country``, ``Target Country`` and ``Country`` are GeoNames country names, which
  may differ from ICEWS's spelling (e.g. "Russia", "Czechia").
- ``Event Text`` is the CAMEO code's name in dateline's codebook; ``Intensity`` its
  Goldstein score (ICEWS's intensity is the same CAMEO scale).
- ``Sentence Number`` is the 1-based sentence of the representative report.
- ``City`` holds the event's place when it is a town; ``Province`` when it is a US state;
  ``District`` is always blank; a month- or year-precision date gives its period's first day.

PLOVER JSONL
------------
One JSON object per line per deduplicated event, in the record layout of the PLOVER gold
standard records: ``id``, ``date``, ``source``/``target`` (lists of ``{actorText, code,
sector, cameoCode}``, code = country), ``event``, ``mode``, ``context`` (comma-separated
string), ``eventText`` (trigger), ``text`` (evidence sentence), ``eventLoc`` (``{name,
country, lat, lon}`` or null), ``language``, ``url``, ``publication`` (outlet), and
dateline's ``cameo``, ``goldstein``, ``quadClass``, ``numMentions``, ``numSources``,
``numArticles``, ``confidence``, ``coder``.

Parquet
-------
``events/`` (deduplicated events, ``queries.EVENT_COLUMNS``) and ``mentions/`` (every
mention, ``event_mentions`` plus the sentence), each partitioned hive-style by the event
date: ``year=2018/month=11/part-0.parquet``; undated rows go to
``year=__HIVE_DEFAULT_PARTITION__``, which DuckDB, Spark and Arrow read as NULL. Read them
with e.g. ``duckdb.sql("SELECT * FROM read_parquet('out/events/**/*.parquet',
hive_partitioning=true)")``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.dataset as pads

from dateline.store import layouts, queries

GDELT_COLUMNS = layouts.GDELT_COLUMNS
ICEWS_COLUMNS = layouts.ICEWS_COLUMNS


def gdelt_frame(con: duckdb.DuckDBPyConnection, **filters: Any) -> pd.DataFrame:
    """The deduplicated events (optionally filtered like ``events``) as GDELT 2.0 rows."""
    chunks = list(layouts.gdelt_chunks(con, **filters))
    return pd.concat(chunks, ignore_index=True) if chunks else _empty(GDELT_COLUMNS)


def icews_frame(con: duckdb.DuckDBPyConnection, **filters: Any) -> pd.DataFrame:
    """The deduplicated events (optionally filtered like ``events``) as ICEWS rows."""
    chunks = list(layouts.icews_chunks(con, **filters))
    return pd.concat(chunks, ignore_index=True) if chunks else _empty(ICEWS_COLUMNS)


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=columns)


def _write_tsv(chunks: Iterator[pd.DataFrame], path: Path, header: list[str] | None) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        if header is not None:
            out.write("\t".join(header) + "\n")
        for chunk in chunks:
            out.write(layouts.to_tsv(chunk, header=False))
            n += len(chunk)
    return n


def write_gdelt(
    con: duckdb.DuckDBPyConnection, path: Path, *, header: bool = False, **filters: Any
) -> int:
    """Write the GDELT 2.0 event table; without a header row unless ``header``."""
    return _write_tsv(layouts.gdelt_chunks(con, **filters), path, GDELT_COLUMNS if header else None)


def write_icews(con: duckdb.DuckDBPyConnection, path: Path, **filters: Any) -> int:
    """Write the ICEWS event table, with ICEWS's header row."""
    return _write_tsv(layouts.icews_chunks(con, **filters), path, ICEWS_COLUMNS)


def plover_records(con: duckdb.DuckDBPyConnection, **filters: Any) -> Iterator[dict[str, Any]]:
    """The deduplicated events as PLOVER records (see the module docstring)."""
    columns = ", ".join(f"t.{c}" for c in queries.EVENT_COLUMNS)
    sql, params = queries.filtered(
        f"SELECT {columns}, a.outlet, a.language FROM events t "
        "JOIN articles a ON a.article_id = t.article_id",
        **filters,
    )
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    coder = _coder()
    while True:
        chunk = cursor.fetchmany(1000)
        if not chunk:
            break
        for values in chunk:
            yield _plover(dict(zip(names, values, strict=False)), coder)


def _coder() -> str:
    try:
        from importlib.metadata import version

        return f"dateline {version('dateline')}"
    except Exception:  # noqa: BLE001 - an uninstalled checkout
        return "dateline"


def _side(row: dict[str, Any], side: str) -> list[dict[str, Any]]:
    text = row[f"{side}_text"]
    code = row[f"{side}_code"]
    country = row[f"{side}_country"]
    if text is None and code is None and country is None:
        return []
    return [
        {
            "actorText": text,
            "code": country or code,
            "sector": row[f"{side}_sector"],
            "cameoCode": code,
        }
    ]


def _plover(row: dict[str, Any], coder: str) -> dict[str, Any]:
    day = row["date"]
    loc = None
    if row["location_name"] is not None:
        loc = {
            "name": row["location_name"],
            "country": row["location_country"],
            "lat": row["lat"],
            "lon": row["lon"],
        }
    context = row["plover_context"]
    return {
        "id": row["event_id"],
        "date": day.isoformat() if isinstance(day, date) else None,
        "datePrecision": row["date_precision"],
        "source": _side(row, "source"),
        "target": _side(row, "target"),
        "event": row["plover_event"],
        "mode": row["plover_mode"],
        "context": ",".join(context) if context is not None else "",
        "eventText": row["trigger"],
        "text": row["sentence"],
        "eventLoc": loc,
        "language": row.get("language") or "en",
        "url": row["url"],
        "publication": row["outlet"],
        "cameo": row["cameo_code"],
        "goldstein": row["goldstein"],
        "quadClass": row["quad_class"],
        "numMentions": row["num_mentions"],
        "numSources": row["num_sources"],
        "numArticles": row["num_articles"],
        "confidence": row["confidence"],
        "coder": coder,
    }


def write_plover(con: duckdb.DuckDBPyConnection, path: Path, **filters: Any) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for record in plover_records(con, **filters):
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


# Undated rows go to year=0/month=0: a null partition value is written as
# __HIVE_DEFAULT_PARTITION__, which pandas (pyarrow's dictionary-typed discovery) cannot read.
_PARTITION_COLUMNS = (
    "CAST(coalesce(year({t}.date), 0) AS INTEGER) AS year, "
    "CAST(coalesce(month({t}.date), 0) AS INTEGER) AS month"
)


def write_parquet(con: duckdb.DuckDBPyConnection, directory: Path) -> dict[str, int]:
    """Write ``events/`` and ``mentions/`` as hive-partitioned Parquet datasets under ``directory``.

    Partitioned by ``year`` and ``month`` of the date; undated events are in ``year=0/month=0``.

    Refuses a non-empty directory, so that stale partitions of an older export are never
    mixed with new ones.
    """
    if directory.exists() and any(directory.iterdir()):
        raise FileExistsError(f"{directory} is not empty: give a new or empty directory")
    directory.mkdir(parents=True, exist_ok=True)
    event_cols = ", ".join(f"t.{c}" for c in queries.EVENT_COLUMNS)
    queries_ = {
        "events": f"SELECT {event_cols}, a.outlet, a.published, "
        f"{_PARTITION_COLUMNS.format(t='t')} "
        "FROM events t JOIN articles a ON a.article_id = t.article_id "
        "ORDER BY t.date NULLS LAST, t.event_id",
        "mentions": "SELECT m.*, s.text AS sentence, a.outlet, a.url, a.published, "
        f"{_PARTITION_COLUMNS.format(t='m')} "
        "FROM event_mentions m JOIN sentences s ON s.article_id = m.article_id "
        "AND s.sentence_index = m.sentence_index "
        "JOIN articles a ON a.article_id = m.article_id "
        "ORDER BY m.date NULLS LAST, m.mention_id",
    }
    counts: dict[str, int] = {}
    # A cursor of its own: streaming from con.sql() is refused while the main connection
    # holds a partly fetched result.
    cursor = con.cursor()
    try:
        for name, sql in queries_.items():
            reader = cursor.sql(sql).to_arrow_reader()
            n = 0

            def batches(reader: Any = reader) -> Iterator[Any]:
                nonlocal n
                for batch in reader:
                    n += batch.num_rows
                    yield batch

            pads.write_dataset(
                batches(),
                directory / name,
                schema=reader.schema,
                format="parquet",
                partitioning=["year", "month"],
                partitioning_flavor="hive",
                existing_data_behavior="error",
            )
            counts[name] = n
    finally:
        cursor.close()
    return counts
