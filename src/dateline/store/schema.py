"""The DuckDB schema of an event store, its version table and its migrations.

A dateline database is recognised by the ``dateline_meta`` table (``app = 'dateline'``);
``schema_migrations`` lists the migrations applied, one row each. Opening a database runs
the missing migrations in order, each in its own transaction. A file that is not a DuckDB
database, a DuckDB database that is not dateline's, or one written by a newer dateline
raises ``StoreError`` and is never modified.

Tables (content only: nothing here depends on when or in which run a row was written, so
an interrupted-and-resumed ingest ends with exactly the rows of a clean one):

- ``articles``: one row per article; ``article_id`` is the content hash (``Article.id``).
- ``sentences``: the sentences that carry an event, as offsets into ``articles.body``.
- ``event_mentions``: one row per coded event in one sentence (mention level), with its
  dedup block and the ``event_id`` of the deduplicated event it belongs to (NULL when the
  mention is negated or hypothetical, which are kept but never counted as events).
- ``events``: deduplicated events (clusters of mentions of one real-world event) with
  ``num_mentions``, ``num_articles`` and ``num_sources``.
- ``entities``: named-entity mentions (actors found in the text, coded or not).
- ``quantities`` and ``event_quantities``: quantities and which events they belong to.

Views: ``actors`` (one row per actor code seen), ``event_links`` (event -> mention ->
sentence -> article provenance).

Run log (the only tables that differ between two runs over the same input): ``runs`` and
``run_errors``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from dateline.errors import StoreError
from dateline.store.columns import EVENT_TABLE_COLUMNS, MENTION_COLUMNS, create_table
from dateline.store.locks import lock_error

APP_NAME = "dateline"


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    """
    CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        title VARCHAR,
        outlet VARCHAR,
        author VARCHAR,
        url VARCHAR,
        published VARCHAR,
        published_date DATE,
        published_source VARCHAR,
        dateline_place VARCHAR,
        dateline_country VARCHAR,
        dateline_outlet VARCHAR,
        dateline_date_text VARCHAR,
        language VARCHAR,
        input_id VARCHAR,
        origin VARCHAR,
        source_key VARCHAR NOT NULL,
        body VARCHAR NOT NULL,
        topics VARCHAR[],
        warnings VARCHAR[],
        n_events INTEGER NOT NULL,
        schema_version VARCHAR
    )
    """,
    """
    CREATE TABLE sentences (
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (article_id, sentence_index)
    )
    """,
    create_table("event_mentions", MENTION_COLUMNS),
    create_table("events", EVENT_TABLE_COLUMNS),
    """
    CREATE TABLE entities (
        article_id VARCHAR NOT NULL,
        entity_index INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        start INTEGER,
        "end" INTEGER,
        label VARCHAR,
        code VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        name VARCHAR,
        sentence_index INTEGER,
        PRIMARY KEY (article_id, entity_index)
    )
    """,
    """
    CREATE TABLE quantities (
        article_id VARCHAR NOT NULL,
        quantity_index INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        value DOUBLE,
        unit VARCHAR,
        object VARCHAR,
        sentence_index INTEGER,
        start INTEGER,
        "end" INTEGER,
        PRIMARY KEY (article_id, quantity_index)
    )
    """,
    """
    CREATE TABLE event_quantities (
        mention_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        quantity_index INTEGER NOT NULL,
        PRIMARY KEY (mention_id, quantity_index)
    )
    """,
    """
    CREATE SEQUENCE run_id_seq START 1
    """,
    """
    CREATE TABLE runs (
        run_id INTEGER PRIMARY KEY,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        status VARCHAR NOT NULL,
        user_name VARCHAR,
        host VARCHAR,
        pid INTEGER,
        dateline_version VARCHAR,
        command VARCHAR,
        inputs VARCHAR[],
        n_seen INTEGER NOT NULL DEFAULT 0,
        n_stored INTEGER NOT NULL DEFAULT 0,
        n_skipped INTEGER NOT NULL DEFAULT 0,
        n_failed INTEGER NOT NULL DEFAULT 0,
        n_mentions INTEGER NOT NULL DEFAULT 0,
        n_replaced INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE run_errors (
        run_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        origin VARCHAR,
        reason VARCHAR NOT NULL,
        PRIMARY KEY (run_id, seq)
    )
    """,
    "CREATE INDEX event_mentions_block ON event_mentions (block)",
    "CREATE INDEX event_mentions_article ON event_mentions (article_id)",
    # No index on event_mentions.event_id: DuckDB rewrites updates of indexed columns as
    # delete + insert, which trips the primary key inside one transaction.
    "CREATE INDEX events_block ON events (block)",
    # The actor directory is a view, not a table, so that its contents (e.g. which name is
    # shown for a code) never depend on the order in which articles arrived.
    """
    CREATE VIEW actors AS
    WITH m AS (
        SELECT source_code AS code, source_country AS country, source_sector AS sector,
               source_name AS name, source_kind AS kind, 'event' AS via
        FROM event_mentions WHERE source_code IS NOT NULL
        UNION ALL
        SELECT target_code, target_country, target_sector, target_name, target_kind, 'event'
        FROM event_mentions WHERE target_code IS NOT NULL
        UNION ALL
        SELECT code, country, sector, name, NULL, 'entity'
        FROM entities WHERE code IS NOT NULL
    )
    , w AS (
        SELECT *,
               count(*) OVER (PARTITION BY code, country) AS n_country,
               count(*) OVER (PARTITION BY code, sector) AS n_sector,
               count(*) OVER (PARTITION BY code, name) AS n_name,
               count(*) OVER (PARTITION BY code, kind) AS n_kind
        FROM m
    )
    SELECT code,
           first(country ORDER BY country IS NULL, n_country DESC, country) AS country,
           first(sector ORDER BY sector IS NULL, n_sector DESC, sector) AS sector,
           first(name ORDER BY name IS NULL, n_name DESC, name) AS name,
           first(kind ORDER BY kind IS NULL, n_kind DESC, kind) AS kind,
           count(*) FILTER (WHERE via = 'event') AS n_event_roles,
           count(*) FILTER (WHERE via = 'entity') AS n_entity_mentions
    FROM w GROUP BY code
    """,
    """
    CREATE VIEW event_links AS
    SELECT m.event_id, m.mention_id, m.article_id, m.sentence_index,
           s.start AS sentence_start, s."end" AS sentence_end, s.text AS sentence,
           m.trigger, m.cameo_code, m.date, a.outlet, a.url, a.title, a.published, a.origin
    FROM event_mentions m
    JOIN sentences s USING (article_id, sentence_index)
    JOIN articles a USING (article_id)
    """,
)

MIGRATIONS: tuple[Migration, ...] = (Migration(1, "initial schema", _V1),)

SCHEMA_VERSION = MIGRATIONS[-1].version

# Tables whose rows are pure content (see module docstring); the run log is excluded.
CONTENT_TABLES = (
    "articles",
    "sentences",
    "event_mentions",
    "events",
    "entities",
    "quantities",
    "event_quantities",
)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return {r[0] for r in rows}


# Handed an SQLite (or other foreign) file, DuckDB would download and load a reader
# extension for it: never at run time (no network access, no code from elsewhere).
_NO_EXTENSIONS = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def connect(path: str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open ``path`` as a DuckDB database, translating DuckDB's failures into StoreError."""
    try:
        return duckdb.connect(path, read_only=read_only, config=dict(_NO_EXTENSIONS))
    except duckdb.Error as exc:
        text = str(exc)
        if (
            "not a valid DuckDB database" in text
            or "database file" in text.lower()
            or "extension" in text.lower()  # a foreign format that an extension would read
        ):
            raise StoreError(
                f"{path} is not a DuckDB database (it may be corrupt or another kind of "
                "file); give another --db path, or move the file away to start a new store"
            ) from exc
        if "lock" in text.lower():
            raise lock_error(path, text, read_only=read_only) from exc
        first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
        raise StoreError(f"cannot open the event database {path}: {first}") from exc


def ensure_schema(con: duckdb.DuckDBPyConnection, path: str, *, read_only: bool = False) -> int:
    """Check that ``con`` is a dateline store and bring it to ``SCHEMA_VERSION``.

    An empty database is initialised. Returns the schema version.
    """
    try:
        tables = _tables(con)
    except duckdb.Error as exc:
        raise StoreError(f"cannot read the event database {path}: {exc}") from exc
    if not tables:
        if read_only:
            raise StoreError(f"{path} is an empty database, not a dateline store: ingest first")
        _initialise(con)
        tables = _tables(con)
    elif "dateline_meta" not in tables:
        raise StoreError(
            f"{path} is a DuckDB database but not a dateline event store (it has tables "
            f"{', '.join(sorted(tables)[:5])}); give another --db path"
        )
    try:
        row = con.execute("SELECT value FROM dateline_meta WHERE key = 'app'").fetchone()
        version_row = con.execute("SELECT max(version) FROM schema_migrations").fetchone()
    except duckdb.Error as exc:
        raise StoreError(f"{path}: the dateline metadata tables are damaged ({exc})") from exc
    if row is None or row[0] != APP_NAME:
        raise StoreError(f"{path} is not a dateline event store; give another --db path")
    version = int(version_row[0]) if version_row and version_row[0] is not None else 0
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer dateline (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); upgrade dateline to read it"
        )
    if version < SCHEMA_VERSION:
        if read_only:
            raise StoreError(f"{path} has schema {version}; open it once for writing to upgrade it")
        _migrate(con, version)
    return SCHEMA_VERSION


def _transaction(con: duckdb.DuckDBPyConnection, body: Callable[[], None]) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        body()
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # never mask the original error
            con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _initialise(con: duckdb.DuckDBPyConnection) -> None:
    def create() -> None:
        con.execute("CREATE TABLE dateline_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
        con.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
            "description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
        con.execute(
            "INSERT INTO dateline_meta VALUES ('app', ?), ('created_at', ?)",
            [APP_NAME, _now().isoformat()],
        )

    _transaction(con, create)


def _migrate(con: duckdb.DuckDBPyConnection, current: int) -> None:
    for migration in MIGRATIONS:
        if migration.version <= current:
            continue

        def apply(m: Migration = migration) -> None:
            for statement in m.statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                [m.version, m.description, _now()],
            )

        _transaction(con, apply)
