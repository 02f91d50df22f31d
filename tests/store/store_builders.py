"""Store-test helpers beyond the shared hand-made documents (``tests/builders.py``)."""

from __future__ import annotations

from dateline.store import Store


def content(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every content table's rows, in primary-key order (the run log excluded)."""
    from dateline.store.schema import CONTENT_TABLES

    out = {}
    for table in CONTENT_TABLES:
        frame = store.table(table)
        out[table] = [tuple(map(repr, row)) for row in frame.itertuples(index=False)]
    return out
