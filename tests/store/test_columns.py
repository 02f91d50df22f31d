"""The column spec is the one definition of the event row: the tables, the rows written and
the deduplication's insert all follow it."""

from __future__ import annotations

from builders import Ev, make_doc
from dateline.store import Store
from dateline.store.columns import (
    EVENT_ACTOR_FIELDS,
    EVENT_ACTOR_QUERY_ORDER,
    EVENT_TABLE_COLUMNS,
    MENTION_COLUMNS,
    events_select,
)
from dateline.store.queries import EVENT_COLUMNS
from dateline.store.rows import document_rows


def _table_columns(store: Store, table: str) -> list[tuple[str, str, bool]]:
    rows = store.connection.execute(
        "SELECT column_name, data_type, is_nullable = 'NO' FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [(name, dtype, bool(required)) for name, dtype, required in rows]


def test_the_tables_are_the_spec(store: Store) -> None:
    for table, spec in (("event_mentions", MENTION_COLUMNS), ("events", EVENT_TABLE_COLUMNS)):
        expected = [(c.name, c.duck, c.not_null or c.primary_key) for c in spec]
        assert _table_columns(store, table) == expected


def test_a_mention_row_fills_every_column_of_the_spec() -> None:
    doc = make_doc([Ev("KAZ", "CHN", "040", "2018-11-09"), Ev("RUS", "UKR", "190", None)])
    rows = document_rows(doc)["event_mentions"]
    assert len(rows) == 2
    for row in rows:
        assert list(row) == [c.name for c in MENTION_COLUMNS]
    assert rows[0]["source_country"] == "KAZ" and rows[0]["cameo_code"] == "040"
    assert rows[0]["date"] is not None and rows[1]["date"] is None


def test_the_deduplication_fills_every_events_column(store: Store) -> None:
    select = events_select()
    for column in EVENT_TABLE_COLUMNS:
        assert column.select() in select
    store.ingest([make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")])])
    events = store.table("events")
    assert list(events.columns) == [c.name for c in EVENT_TABLE_COLUMNS]
    row = events.iloc[0]
    assert row["source_country"] == "KAZ" and row["num_mentions"] == 1
    assert row["sentence"] and row["representative_mention_id"] == row["anchor_mention_id"]


def test_queries_list_every_events_column_but_the_deduplications_own() -> None:
    # A column added to the spec reaches every export, or this names it.
    internal = {"block", "anchor_mention_id"}
    assert sorted(EVENT_ACTOR_QUERY_ORDER) == sorted(EVENT_ACTOR_FIELDS)
    assert len(EVENT_COLUMNS) == len(set(EVENT_COLUMNS))
    assert set(EVENT_COLUMNS) == {c.name for c in EVENT_TABLE_COLUMNS} - internal
