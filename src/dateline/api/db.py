"""The web service's access to the event store, and the queries the store does not have.

One ``Database`` per app holds the ``Store`` (read-only unless writes are enabled). Every
request takes its own DuckDB cursor (``Database.cursor()``), a connection of its own to the
same database: requests run in parallel threads without sharing a connection and without any
lock around queries. Writes (``POST /articles``) go through the store's own connection,
serialised by ``write_lock``; DuckDB's MVCC lets readers go on meanwhile.

Filters reuse the store's own WHERE-clause builder (``dateline.store.queries``) so that
``/events`` filters exactly as ``dateline events`` does; every user value is a bound
parameter.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from dateline.api.params import Cursor
from dateline.store import Store, queries
from dateline.store.schema import CONTENT_TABLES

LEVEL_KEYS = {"event": "event_id", "mention": "mention_id"}


class Database:
    """The store behind one app, and per-request cursors on it.

    ``reopen``: open the database read-only for each request and close it after, instead of
    holding it open. DuckDB lets one process write a file or many read it, never both; a
    server that holds the file keeps ``dateline ingest`` out, one that re-opens lets it
    write between requests (a request made while it writes raises ``StoreLockedError``).
    """

    def __init__(self, path: str | Path, *, writable: bool = False, reopen: bool = False) -> None:
        if writable and reopen:
            raise ValueError("a writable server holds its database: reopen is for readers")
        self.path = str(path)
        self.writable = writable
        self.reopen = reopen
        self.store: Store | None = Store(self.path, read_only=not writable)
        self.schema_version = self.store.schema_version
        if reopen:
            self.store.close()
            self.store = None
        # Held only while a cursor is created or closed (bookkeeping on the parent
        # connection), never while a query runs.
        self._cursor_lock = threading.Lock()
        self.write_lock = threading.Lock()

    def close(self) -> None:
        if self.store is not None:
            self.store.close()

    def writer(self) -> Store:
        """The store, open for writing (write-enabled servers only)."""
        if self.store is None or not self.writable:
            raise RuntimeError("this server does not write")
        return self.store

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self.store is None:
            with Store(self.path, read_only=True) as store:
                yield store.connection
            return
        with self._cursor_lock:
            cur = self.store.connection.cursor()
        try:
            yield cur
        finally:
            with self._cursor_lock:
                cur.close()


# --- turning DuckDB / pandas values into JSON ----------------------------------------


def jsonable(value: Any) -> Any:
    """A JSON-ready copy of a value from DuckDB or pandas (dates as ISO text, NaN as null)."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, pd.Timestamp | datetime):
        if pd.isna(value):
            return None
        ts = pd.Timestamp(value)
        if ts.hour == ts.minute == ts.second == ts.microsecond == 0 and ts.nanosecond == 0:
            return ts.date().isoformat()
        return ts.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return jsonable(float(value))
    if isinstance(value, np.ndarray):
        return [jsonable(v) for v in value.tolist()]
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if value is pd.NaT or (not isinstance(value, list | tuple | dict) and pd.isna(value)):
        return None
    return str(value)


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    columns = [str(c) for c in frame.columns]
    return [
        {c: jsonable(v) for c, v in zip(columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def fetch_dicts(cur: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> list[dict]:
    result = cur.execute(sql, list(params))
    names = [d[0] for d in result.description or []]
    return [{n: jsonable(v) for n, v in zip(names, row, strict=True)} for row in result.fetchall()]


# --- events, one page at a time ------------------------------------------------------


def events_sql(
    level: str, filters: dict[str, Any], *, after: Cursor | None = None
) -> tuple[str, list[Any]]:
    """SELECT of events (or mentions) matching ``filters``, in cursor order, after ``after``."""
    clauses, params = queries.where(level=level, **filters)
    key = LEVEL_KEYS[level]
    if after is not None:
        # Keyset pagination in the order "date NULLS LAST, id": rows after (date, id).
        if after.date is None:
            clauses.append(f"(t.date IS NULL AND t.{key} > ?)")
            params.append(after.key)
        else:
            clauses.append(f"(t.date > ? OR (t.date = ? AND t.{key} > ?) OR t.date IS NULL)")
            params.extend([after.date, after.date, after.key])
    sql = queries.events_select(level)
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += f" ORDER BY t.date NULLS LAST, t.{key}"
    return sql, params


def events_page(
    cur: duckdb.DuckDBPyConnection,
    *,
    level: str,
    filters: dict[str, Any],
    limit: int,
    after: Cursor | None,
) -> tuple[list[dict[str, Any]], Cursor | None]:
    """One page of rows and the cursor of the next page (None on the last page)."""
    sql, params = events_sql(level, filters, after=after)
    # One row more than asked tells whether another page exists without a COUNT query.
    rows = fetch_dicts(cur, sql + " LIMIT ?", [*params, limit + 1])
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    day = date.fromisoformat(last["date"]) if last["date"] else None
    return rows, Cursor(level, day, last[LEVEL_KEYS[level]])


# --- provenance ----------------------------------------------------------------------


def highlights(row: dict[str, Any]) -> list[dict[str, Any]]:
    """Trigger, source and target spans as offsets into the mention's sentence.

    Stored offsets index the article body; a span is given only when it lies inside the
    sentence and cuts out exactly its recorded text (an actor resolved by coreference may
    be named in another sentence: it is then listed with ``in_sentence`` false).
    """
    out = []
    sentence = row["sentence"] or ""
    base = row["sentence_start"]
    for role in ("source", "trigger", "target"):
        text = row[role] if role == "trigger" else row[f"{role}_text"]
        start, end = row[f"{role}_start"], row[f"{role}_end"]
        if text is None or start is None or end is None:
            continue
        rel_start, rel_end = start - base, end - base
        inside = 0 <= rel_start < rel_end <= len(sentence)
        inside = inside and sentence[rel_start:rel_end] == text
        out.append(
            {
                "role": role,
                "text": text,
                "start": rel_start if inside else None,
                "end": rel_end if inside else None,
                "body_start": start,
                "body_end": end,
                "in_sentence": inside,
            }
        )
    return out


def event_detail(cur: duckdb.DuckDBPyConnection, any_id: str) -> dict[str, Any]:
    """The event ``any_id`` names (an event, mention or coder's id: see
    ``queries.resolve_event_id``, whose ``KeyError`` says why there is none)."""
    event_id = queries.resolve_event_id(cur, any_id)
    rows = fetch_dicts(cur, "SELECT * FROM events WHERE event_id = ?", [event_id])
    mentions = fetch_dicts(
        cur,
        queries.MENTION_PROVENANCE_SQL
        + " WHERE m.event_id = ? ORDER BY m.date NULLS LAST, m.mention_id",
        [event_id],
    )
    # The report whose coding stands for the event leads, as in ``queries.event``.
    mentions.sort(key=lambda m: m["mention_id"] != rows[0]["representative_mention_id"])
    for m in mentions:
        m["highlights"] = highlights(m)
    return {"event": rows[0], "mentions": mentions}


def article_detail(cur: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    try:
        detail = queries.article(cur, article_id)
    except KeyError:
        return None
    mentions = fetch_dicts(
        cur,
        queries.MENTION_PROVENANCE_SQL
        + " WHERE m.article_id = ? ORDER BY m.sentence_index, m.mention_id",
        [article_id],
    )
    for m in mentions:
        m["highlights"] = highlights(m)
    by_id = {m["mention_id"]: m for m in mentions}
    stored = frame_records(detail.mentions)
    for m in stored:
        m["highlights"] = by_id.get(m["mention_id"], {}).get("highlights", [])
    return {
        "article": {k: jsonable(v) for k, v in detail.article.items()},
        "mentions": stored,
        "entities": frame_records(detail.entities),
        "quantities": frame_records(detail.quantities),
    }


# --- dyads and actors ----------------------------------------------------------------


def actor_known(cur: duckdb.DuckDBPyConnection, code: str) -> bool:
    """Whether any event has ``code`` (country or code prefix) on either side."""
    s, ps = queries.country_match("source", code)
    t, pt = queries.country_match("target", code)
    row = cur.execute(f"SELECT 1 FROM events WHERE {s} OR {t} LIMIT 1", ps + pt).fetchone()
    return row is not None


def dyad_event_types(
    cur: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    directed: bool,
    start: date | None,
    end: date | None,
) -> list[dict[str, Any]]:
    """Events between ``a`` and ``b`` per CAMEO event code, most frequent first."""
    pair, params = queries.pair(a, b, directed)
    clauses = [pair]
    if start is not None:
        clauses.append("date >= ?")
        params.append(start)
    if end is not None:
        clauses.append("date <= ?")
        params.append(end)
    sql = (
        "SELECT cameo_code, cameo_root, any_value(cameo_name) AS cameo_name, "
        "any_value(quad_class) AS quad_class, count(*) AS events, "
        "sum(num_mentions) AS mentions, avg(goldstein) AS goldstein "
        "FROM events WHERE " + " AND ".join(clauses) + " "
        "GROUP BY cameo_code, cameo_root ORDER BY events DESC, cameo_code"
    )
    return fetch_dicts(cur, sql, params)


def partner_countries(
    cur: duckdb.DuckDBPyConnection,
    code: str,
    *,
    start: date | None,
    end: date | None,
    limit: int,
) -> list[dict[str, Any]]:
    """The countries ``code`` has most events with (either direction), most first."""
    s, ps = queries.country_match("source", code)
    t, pt = queries.country_match("target", code)
    bounds = ""
    bound_params: list[Any] = []
    if start is not None:
        bounds += " AND date >= ?"
        bound_params.append(start)
    if end is not None:
        bounds += " AND date <= ?"
        bound_params.append(end)
    quads = ", ".join(
        f"count(*) FILTER (WHERE quad_class = {q}) AS {name}"
        for q, name in queries.QUAD_CLASSES.items()
    )
    # UNION (not UNION ALL) keeps one row per (event, partner): an event is counted once
    # per partner even when the actor is on both sides of it.
    sql = f"""
        WITH roles AS (
            SELECT event_id, target_country AS partner, quad_class, goldstein
            FROM events WHERE {s}{bounds}
            UNION
            SELECT event_id, source_country, quad_class, goldstein
            FROM events WHERE {t}{bounds}
        )
        SELECT partner AS country, count(*) AS events,
               avg(goldstein) AS goldstein_mean, {quads}
        FROM roles
        WHERE partner IS NOT NULL AND partner <> ?
        GROUP BY partner ORDER BY events DESC, partner LIMIT ?
    """
    params = [*ps, *bound_params, *pt, *bound_params, code, limit]
    return fetch_dicts(cur, sql, params)


@functools.cache
def country_names() -> dict[str, str]:
    """ISO 3166 alpha-3 code -> the knowledge base's name of the country."""
    text = (files("dateline.data.actors") / "countries.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text), delimiter="\t")
    return {row["iso3"]: row["name"] for row in rows if row.get("iso3") and row.get("name")}


def countries(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Countries with events, most events first, each with its name (the knowledge base's,
    else the most frequent name of an actor with that code in the store)."""
    sql = """
        WITH c AS (
            SELECT source_country AS country, event_id FROM events
            WHERE source_country IS NOT NULL
            UNION ALL
            SELECT target_country, event_id FROM events WHERE target_country IS NOT NULL
        )
        SELECT c.country AS code, any_value(n.name) AS name,
               count(DISTINCT c.event_id) AS events
        FROM c LEFT JOIN actors n ON n.code = c.country
        GROUP BY c.country ORDER BY events DESC, code
    """
    rows = fetch_dicts(cur, sql, [])
    names = country_names()
    for row in rows:
        row["name"] = names.get(row["code"], row["name"])
    return rows


def top_dyads(cur: duckdb.DuckDBPyConnection, limit: int) -> list[dict[str, Any]]:
    """Pairs of countries with the most events between them (either direction), most first.

    ``a`` is the country that acts more often in the pair (alphabetical on a tie), so that
    the pair reads in its usual direction.
    """
    sql = """
        WITH p AS (
            SELECT least(source_country, target_country) AS x,
                   greatest(source_country, target_country) AS y,
                   source_country AS actor
            FROM events
            WHERE source_country IS NOT NULL AND target_country IS NOT NULL
              AND source_country <> target_country
        )
        SELECT x, y, count(*) AS events, count(*) FILTER (WHERE actor = x) AS x_acts
        FROM p GROUP BY x, y ORDER BY events DESC, x, y LIMIT ?
    """
    out = []
    for x, y, n, x_acts in cur.execute(sql, [limit]).fetchall():
        a, b = (x, y) if 2 * x_acts >= n else (y, x)
        out.append({"a": a, "b": b, "events": int(n)})
    return out


def counts(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    out = {}
    for table in CONTENT_TABLES:
        row = cur.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 - fixed names
        out[table] = int(row[0]) if row else 0
    return out
