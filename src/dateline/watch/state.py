"""The watcher's memory, kept in the event database itself (tables ``watch_*``).

- ``watch_sources``: each source's conditional-request validators, last success, last
  error and back-off;
- ``watch_seen``: every URL (or file) handled, with the hash of its content and what came
  of it;
- ``watch_cycles``: one row per cycle, the figures of the stderr line.

A URL is recorded only after the article it gave is committed to the store, and a feed's
validators only after all of its new articles are: a crash at any point leaves the URL
unrecorded, so the next cycle fetches it again, and the store (whose article id is the hash
of the text) skips what was already committed. Nothing is lost and nothing stored twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb

TABLES = ("watch_sources", "watch_seen", "watch_cycles")

_DDL = (
    """
    CREATE TABLE IF NOT EXISTS watch_sources (
        source VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL,
        etag VARCHAR,
        last_modified VARCHAR,
        last_polled TIMESTAMP,
        last_success TIMESTAMP,
        last_error VARCHAR,
        last_error_at TIMESTAMP,
        failures INTEGER NOT NULL DEFAULT 0,
        retry_at TIMESTAMP,
        n_articles INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS watch_seen (
        url VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        content_hash VARCHAR,
        signature VARCHAR,
        article_ids VARCHAR[],
        status VARCHAR NOT NULL,
        seen_at TIMESTAMP NOT NULL
    )
    """,
    "CREATE SEQUENCE IF NOT EXISTS watch_cycle_seq START 1",
    """
    CREATE TABLE IF NOT EXISTS watch_cycles (
        cycle_id BIGINT PRIMARY KEY,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        sources INTEGER NOT NULL DEFAULT 0,
        new_articles INTEGER NOT NULL DEFAULT 0,
        events INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        run_id BIGINT
    )
    """,
)


@dataclass
class SourceState:
    source: str
    kind: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    retry_at: datetime | None = None


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    for statement in _DDL:
        con.execute(statement)


def source_state(con: duckdb.DuckDBPyConnection, source: str, kind: str) -> SourceState:
    row = con.execute(
        "SELECT etag, last_modified, failures, retry_at FROM watch_sources WHERE source = ?",
        [source],
    ).fetchone()
    if row is None:
        con.execute("INSERT INTO watch_sources (source, kind) VALUES (?, ?)", [source, kind])
        return SourceState(source, kind)
    return SourceState(source, kind, row[0], row[1], int(row[2]), row[3])


@dataclass
class Seen:
    """A URL or file handled: its content hash, (for files) size and time, the articles it
    gave and what came of it (stored, or why not)."""

    key: str
    source: str
    content_hash: str | None = None
    signature: str | None = None
    article_ids: tuple[str, ...] = ()
    status: str = "stored"


def seen(
    con: duckdb.DuckDBPyConnection, keys: list[str]
) -> dict[str, tuple[str | None, str | None]]:
    """The recorded (content hash, signature) of each key already handled."""
    if not keys:
        return {}
    rows = con.execute(
        "SELECT url, content_hash, signature FROM watch_seen WHERE list_contains(?, url)", [keys]
    ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def hash_seen(con: duckdb.DuckDBPyConnection, content_hash: str) -> bool:
    row = con.execute(
        "SELECT 1 FROM watch_seen WHERE content_hash = ? LIMIT 1", [content_hash]
    ).fetchone()
    return row is not None


def record_seen(con: duckdb.DuckDBPyConnection, rows: list[Seen], now: datetime) -> None:
    if rows:
        con.executemany(
            "INSERT OR REPLACE INTO watch_seen VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                [r.key, r.source, r.content_hash, r.signature, list(r.article_ids), r.status, now]
                for r in rows
            ],
        )


def record_success(
    con: duckdb.DuckDBPyConnection,
    state: SourceState,
    now: datetime,
    new_articles: int,
) -> None:
    con.execute(
        "UPDATE watch_sources SET etag = ?, last_modified = ?, last_polled = ?, "
        "last_success = ?, failures = 0, retry_at = NULL, n_articles = n_articles + ? "
        "WHERE source = ?",
        [state.etag, state.last_modified, now, now, new_articles, state.source],
    )


def record_failure(
    con: duckdb.DuckDBPyConnection,
    state: SourceState,
    now: datetime,
    reason: str,
    retry_at: datetime,
) -> None:
    con.execute(
        "UPDATE watch_sources SET last_polled = ?, last_error = ?, last_error_at = ?, "
        "failures = failures + 1, retry_at = ? WHERE source = ?",
        [now, reason, now, retry_at, state.source],
    )


def record_page_error(
    con: duckdb.DuckDBPyConnection, state: SourceState, now: datetime, reason: str
) -> None:
    """A page of a source that was read failed for now: reported, no back-off."""
    con.execute(
        "UPDATE watch_sources SET last_error = ?, last_error_at = ? WHERE source = ?",
        [reason, now, state.source],
    )


def start_cycle(con: duckdb.DuckDBPyConnection, now: datetime) -> int:
    row = con.execute(
        "INSERT INTO watch_cycles (cycle_id, started_at) "
        "VALUES (nextval('watch_cycle_seq'), ?) RETURNING cycle_id",
        [now],
    ).fetchone()
    assert row is not None
    return int(row[0])


def finish_cycle(
    con: duckdb.DuckDBPyConnection, cycle_id: int, now: datetime, figures: dict[str, Any]
) -> None:
    con.execute(
        "UPDATE watch_cycles SET finished_at = ?, sources = ?, new_articles = ?, events = ?, "
        "errors = ?, run_id = ? WHERE cycle_id = ?",
        [
            now,
            figures["sources"],
            figures["new_articles"],
            figures["events"],
            figures["errors"],
            figures.get("run_id"),
            cycle_id,
        ],
    )


# The dashboard's "latest coded events": events of the articles stored most recently.
LATEST_EVENTS = 10


def last_updated(con: duckdb.DuckDBPyConnection) -> datetime | None:
    """When articles were last committed to the store (by any ingest or watch cycle)."""
    row = con.execute(
        "SELECT max(coalesce(finished_at, started_at)) FROM runs "
        "WHERE n_stored > 0 OR n_replaced > 0"
    ).fetchone()
    return row[0] if row else None


def latest_events(
    con: duckdb.DuckDBPyConnection, limit: int = LATEST_EVENTS
) -> list[dict[str, Any]]:
    """The events of the articles the watcher stored last, newest first; without a watcher,
    the latest events by date."""
    columns = (
        "e.event_id, e.date, e.source_name, e.source_code, e.cameo_code, e.cameo_name, "
        "e.target_name, e.target_code, e.quad_class, e.sentence, e.url"
    )
    if _has_watch_tables(con):
        sql = (
            f"SELECT {columns} FROM events e JOIN ("  # noqa: S608 - fixed text
            "  SELECT m.event_id, max(s.seen_at) AS seen_at FROM watch_seen s, "
            "  unnest(s.article_ids) AS u(article_id) "
            "  JOIN event_mentions m ON m.article_id = u.article_id "
            "  WHERE m.event_id IS NOT NULL GROUP BY m.event_id"
            ") w ON w.event_id = e.event_id "
            "ORDER BY w.seen_at DESC, e.date DESC NULLS LAST, e.event_id LIMIT ?"
        )
        rows = con.execute(sql, [limit]).fetchall()
        if rows:
            return _dicts(con, rows)
    sql = f"SELECT {columns} FROM events e ORDER BY e.date DESC NULLS LAST, e.event_id LIMIT ?"  # noqa: S608
    return _dicts(con, con.execute(sql, [limit]).fetchall())


def _dicts(con: duckdb.DuckDBPyConnection, rows: list[Any]) -> list[dict[str, Any]]:
    names = [d[0] for d in con.description or ()]
    return [dict(zip(names, row, strict=True)) for row in rows]


def _has_watch_tables(con: duckdb.DuckDBPyConnection) -> bool:
    tables = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
    }
    return set(TABLES) <= tables


def status(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The last cycle and every source's health; empty when nothing was ever watched."""
    if not _has_watch_tables(con):
        return {"last_cycle": None, "sources": []}
    cycle = con.execute(
        "SELECT cycle_id, started_at, finished_at, sources, new_articles, events, errors "
        "FROM watch_cycles WHERE finished_at IS NOT NULL ORDER BY cycle_id DESC LIMIT 1"
    ).fetchone()
    last = None
    if cycle is not None:
        keys = ("cycle", "started_at", "finished_at", "sources", "new_articles", "events")
        last = dict(zip((*keys, "errors"), cycle, strict=True))
    sources = con.execute(
        "SELECT source, kind, last_polled, last_success, last_error, last_error_at, failures, "
        "retry_at, n_articles FROM watch_sources ORDER BY source"
    ).fetchall()
    names = (
        "source",
        "kind",
        "last_polled",
        "last_success",
        "last_error",
        "last_error_at",
        "failures",
        "retry_at",
        "articles",
    )
    out = []
    for row in sources:
        item = dict(zip(names, row, strict=True))
        item["healthy"] = item["failures"] == 0 and item["last_success"] is not None
        out.append(item)
    return {"last_cycle": last, "sources": out}
