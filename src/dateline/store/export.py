"""Exports of the deduplicated events in formats analysts already load.

GDELT-style event table
-----------------------
One row per deduplicated event, tab-separated with a header row (GDELT's own files have no
header; pass ``header=None, names=GDELT_COLUMNS`` to read them the same way). Columns follow
the GDELT 1.0/2.0 event table where dateline has the information; absent GDELT columns are
omitted rather than filled with blanks.

=====================  ==================================================================
GLOBALEVENTID          dateline's deduplicated event id (a string, ``ev`` + 18 hex digits;
                       GDELT's is an integer)
SQLDATE                event date as integer YYYYMMDD (first day of the period for month-
                       or year-precision dates; empty when undated)
MonthYear              YYYYMM
Year                   YYYY
FractionDate           year + (day of year - 1) / days in year, like GDELT's YYYY.FFFF
Actor1Code             source actor's CAMEO code (e.g. ``KAZGOV``)
Actor1Name             source actor's resolved name (or its text when unresolved)
Actor1CountryCode      source actor's country, ISO 3166 alpha-3 (``KAZ``)
Actor1Type1Code        source actor's sector / CAMEO type (``GOV``, ``MIL``, ``BUS``...)
Actor2Code ...         the same four for the target actor (empty when there is none)
IsRootEvent            1 if a report of the event is in the lead (its first
                       ``ROOT_EVENT_SENTENCES`` sentences), else 0
EventCode              full CAMEO event code (string with leading zero, ``042``)
EventBaseCode          the code's first three digits (CAMEO level 2)
EventRootCode          the two-digit CAMEO root
QuadClass              1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
                       4 material conflict
GoldsteinScale         Goldstein score of the event code (-10 to +10)
NumMentions            reports of the event (mentions across all stored articles)
NumSources             distinct outlets reporting it (outlet name, else URL host)
NumArticles            distinct articles reporting it
ActionGeo_FullName     place of the event as named in the text (or the dateline)
ActionGeo_CountryCode  its country, ISO 3166 alpha-3 (GDELT uses FIPS 10-4 two-letter codes)
ActionGeo_Lat          latitude (WGS84), when resolved
ActionGeo_Long         longitude
SOURCEURL              URL of the article holding the representative report
=====================  ==================================================================

dateline extensions, after the GDELT columns: ``DatePrecision`` (day/month/year),
``PloverEvent``, ``PloverMode``, ``PloverContext`` (comma-separated), ``Confidence``
(0-1), ``EvidenceSentence`` (the representative report's sentence).

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

from dateline.store import queries

# An event reported in an article's first two sentences (the lead) is a "root event".
ROOT_EVENT_SENTENCES = 2

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "SOURCEURL",
    "DatePrecision",
    "PloverEvent",
    "PloverMode",
    "PloverContext",
    "Confidence",
    "EvidenceSentence",
]

_GDELT_SQL = """
SELECT
    t.event_id AS GLOBALEVENTID,
    CAST(strftime(t.date, '%Y%m%d') AS INTEGER) AS SQLDATE,
    CAST(strftime(t.date, '%Y%m') AS INTEGER) AS MonthYear,
    CAST(year(t.date) AS INTEGER) AS Year,
    round(year(t.date) + (dayofyear(t.date) - 1)
        / (CASE WHEN (year(t.date) % 4 = 0 AND year(t.date) % 100 <> 0)
                  OR year(t.date) % 400 = 0 THEN 366 ELSE 365 END), 4) AS FractionDate,
    t.source_code AS Actor1Code,
    coalesce(t.source_name, t.source_text) AS Actor1Name,
    t.source_country AS Actor1CountryCode,
    t.source_sector AS Actor1Type1Code,
    t.target_code AS Actor2Code,
    coalesce(t.target_name, t.target_text) AS Actor2Name,
    t.target_country AS Actor2CountryCode,
    t.target_sector AS Actor2Type1Code,
    CASE WHEN EXISTS (SELECT 1 FROM event_mentions r WHERE r.event_id = t.event_id
                      AND r.sentence_index < ?) THEN 1 ELSE 0 END AS IsRootEvent,
    t.cameo_code AS EventCode,
    left(t.cameo_code, 3) AS EventBaseCode,
    t.cameo_root AS EventRootCode,
    t.quad_class AS QuadClass,
    t.goldstein AS GoldsteinScale,
    t.num_mentions AS NumMentions,
    t.num_sources AS NumSources,
    t.num_articles AS NumArticles,
    t.location_name AS ActionGeo_FullName,
    t.location_country AS ActionGeo_CountryCode,
    t.lat AS ActionGeo_Lat,
    t.lon AS ActionGeo_Long,
    t.url AS SOURCEURL,
    t.date_precision AS DatePrecision,
    t.plover_event AS PloverEvent,
    t.plover_mode AS PloverMode,
    array_to_string(t.plover_context, ',') AS PloverContext,
    t.confidence AS Confidence,
    t.sentence AS EvidenceSentence
FROM events t
JOIN articles a ON a.article_id = t.article_id
"""


def _filtered(base: str, filters: dict[str, Any], head: list[Any]) -> tuple[str, list[Any]]:
    clauses, params = queries._where(level="event", **filters)
    sql = base
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    return sql + " ORDER BY t.date NULLS LAST, t.event_id", head + params


def gdelt_frame(con: duckdb.DuckDBPyConnection, **filters: Any) -> pd.DataFrame:
    """The deduplicated events (optionally filtered like ``events``) as a GDELT-style table."""
    sql, params = _filtered(_GDELT_SQL, filters, [ROOT_EVENT_SENTENCES])
    frame = con.execute(sql, params).df()
    for col in ("SQLDATE", "MonthYear", "Year"):
        frame[col] = frame[col].astype("Int64")
    return frame[GDELT_COLUMNS]


def write_gdelt(con: duckdb.DuckDBPyConnection, path: Path, **filters: Any) -> int:
    frame = gdelt_frame(con, **filters)
    frame.to_csv(path, sep="\t", index=False)
    return len(frame)


def plover_records(con: duckdb.DuckDBPyConnection, **filters: Any) -> Iterator[dict[str, Any]]:
    """The deduplicated events as PLOVER records (see the module docstring)."""
    columns = ", ".join(f"t.{c}" for c in queries.EVENT_COLUMNS)
    sql, params = _filtered(
        f"SELECT {columns}, a.outlet, a.language FROM events t "
        "JOIN articles a ON a.article_id = t.article_id",
        filters,
        [],
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
