"""``Store``: an embedded DuckDB event database, the facade over its write path and queries.

Writing is ``dateline.store.write`` (``IngestRun``, ``Writer``: batched, transactional,
deterministic ingest); reading is ``dateline.store.queries`` and ``dateline.store.export``.
The library never prints; progress goes to a callback.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

import duckdb
import pandas as pd

from dateline.errors import DatelineError, StoreError, StoreLockedError
from dateline.model import Article, Document
from dateline.store import export, queries
from dateline.store.constants import DEFAULT_DB
from dateline.store.schema import CONTENT_TABLES, connect, ensure_schema
from dateline.store.write import (
    IngestOptions,
    IngestProgress,
    IngestReport,
    IngestRun,
    NoticeCallback,
    Writer,
    is_interruption,
    mark_interrupted_runs,
)

__all__ = [
    "IngestOptions",
    "IngestProgress",
    "IngestReport",
    "IngestRun",
    "Store",
    "is_interruption",
]

T = TypeVar("T")


class Store:
    """A dateline event database (DuckDB file). Query methods return pandas DataFrames.

    >>> store = Store("dateline.duckdb")                      # doctest: +SKIP
    >>> store.ingest(pipeline.code_many(articles))            # doctest: +SKIP
    >>> store.dyad("KAZ", "CHN", by="month")                  # doctest: +SKIP

    DuckDB lets one process write a database file or many read it, never both at once. So
    by default (``read_only=None``) an existing store is opened read-only, which other
    readers (``dateline serve``, a notebook) can share, and re-opened for writing only
    when something is written (``ingest``, ``run``): that re-opening invalidates
    connections taken from ``connection`` before it. A path with no file yet is created.
    ``read_only=True`` never writes; ``read_only=False`` takes the write lock at once.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool | None = None) -> None:
        self.path = str(path)
        exists = Path(self.path).exists()
        if read_only and not exists:
            raise StoreError(f"{self.path} does not exist: ingest articles into it first")
        self._writes_on_demand = read_only is None
        if read_only is None and exists:
            try:
                self._open(read_only=True)
                return
            except StoreLockedError:
                raise
            except StoreError:
                pass  # empty, or an older schema: writing initialises or upgrades it
        self._open(read_only=bool(read_only))

    def _open(self, *, read_only: bool) -> None:
        self.read_only = read_only
        self._con = connect(self.path, read_only=read_only)
        try:
            self.schema_version = ensure_schema(self._con, self.path, read_only=read_only)
        except BaseException:
            self._con.close()
            raise
        self._writer = Writer(self._con)
        if not read_only:
            mark_interrupted_runs(self._con)

    def _writable(self) -> None:
        """Re-open for writing, if this store was opened read-only on demand."""
        if not self.read_only:
            return
        if not self._writes_on_demand:
            raise StoreError(f"{self.path} is open read-only; open it for writing to ingest")
        self._con.close()
        self._open(read_only=False)

    # --- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for ad-hoc SQL (bind your parameters: ``execute(sql, [..])``)."""
        return self._con

    # --- ingest ----------------------------------------------------------------------

    def run(
        self, options: IngestOptions | None = None, *, inputs: Sequence[str] = (), **overrides: Any
    ) -> IngestRun:
        """Start an ingest run (a row in ``runs``); use it as a context manager.

        ``overrides`` are ``IngestOptions`` fields (``batch_size=...``). ``replace=True``
        re-codes: stored articles are not skipped, and their new coding replaces the stored
        one (events are re-deduplicated accordingly).
        """
        self._writable()
        return IngestRun(self._writer, _options(options, overrides), inputs)

    def ingest(
        self,
        inputs: Sequence[str | Path] | Iterable[Article | Document | DatelineError],
        *,
        engine: ArticleCoder | None = None,
        options: IngestOptions | None = None,
        **overrides: Any,
    ) -> IngestReport:
        """Read, select the new articles, code them and store them, in one logged run.

        ``inputs`` are paths (files, folders, globs, ``-``: read with
        ``dateline.ingest.read_inputs``, or with ``read_coded`` when ``options.coded``) or
        items already read. Without ``engine`` the items are coded documents, stored as they
        are. With one (``dateline.engines.get_engine(...)``, or anything with its ``code``),
        the items are news articles: those stored already are skipped before coding, the
        others are coded by the engine, which isolates an article whose coding fails (it is
        logged as a failed input and not stored). ``overrides`` are ``IngestOptions``
        fields. Reading or coding errors are logged in the run and counted, never raised.
        """
        opts = _options(options, overrides)
        paths = _paths(inputs)
        with self.run(opts, inputs=paths or ()) as run:
            items: Iterable[Any] = inputs if paths is None else _read(paths, opts)
            if engine is None:
                run.ingest(items)
            else:
                new = _noticed(run.select_new(items), opts.notice)
                run.ingest(_noticed(engine.code(new), opts.notice))
        assert run.report is not None
        return run.report

    def has_article(self, article_id: str) -> bool:
        row = self._con.execute(
            "SELECT 1 FROM articles WHERE article_id = ?", [article_id]
        ).fetchone()
        return row is not None

    def counts(self) -> dict[str, int]:
        """Rows per content table (and runs)."""
        out = {}
        for table in (*CONTENT_TABLES, "runs"):
            row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608
            out[table] = int(row[0]) if row else 0
        return out

    def table(self, name: str) -> pd.DataFrame:
        """A whole content table (or ``runs``/``run_errors``), rows in primary-key order."""
        orders = {
            "articles": "article_id",
            "sentences": "article_id, sentence_index",
            "event_mentions": "mention_id",
            "events": "event_id",
            "entities": "article_id, entity_index",
            "quantities": "article_id, quantity_index",
            "event_quantities": "mention_id, quantity_index",
            "runs": "run_id",
            "run_errors": "run_id, seq",
            "actors": "code",
        }
        if name not in orders:
            raise ValueError(f"unknown table {name!r}; one of {', '.join(orders)}")
        return self._con.execute(f"SELECT * FROM {name} ORDER BY {orders[name]}").df()  # noqa: S608

    def runs(self) -> pd.DataFrame:
        return self.table("runs")

    # --- queries (see dateline.store.queries) ----------------------------------------

    def events(self, **filters: Any) -> pd.DataFrame:
        """Deduplicated events (``level='event'``) or mentions (``level='mention'``).

        Filters: ``actor``, ``country``, ``dyad=(a, b)``, ``directed``, ``cameo`` (code
        prefix), ``root``, ``plover``, ``quad_class`` (int or list), ``start``, ``end``
        (ISO dates, inclusive), ``min_confidence``, ``text`` (case-insensitive substring of
        the evidence sentence), ``min_sources``, ``include_negated``,
        ``include_hypothetical`` (mention level), ``limit``. See ``queries.events``.
        """
        return queries.events(self._con, **filters)

    def dyad(self, a: str, b: str, **options: Any) -> pd.DataFrame:
        """A complete period panel (explicit zeros) of events between ``a`` and ``b``."""
        return queries.dyad(self._con, a, b, **options)

    def actor(self, code: str, **options: Any) -> queries.ActorSummary:
        return queries.actor(self._con, code, **options)

    def event(self, event_id: str) -> queries.EventDetail:
        return queries.event(self._con, event_id)

    def article(self, article_id: str) -> queries.ArticleDetail:
        return queries.article(self._con, article_id)

    # --- exports (see dateline.store.export) -----------------------------------------

    def gdelt(self, **filters: Any) -> pd.DataFrame:
        """The deduplicated events as GDELT 2.0 event-table rows (``export.GDELT_COLUMNS``)."""
        return export.gdelt_frame(self._con, **filters)

    def icews(self, **filters: Any) -> pd.DataFrame:
        """The deduplicated events as ICEWS event-table rows (``export.ICEWS_COLUMNS``)."""
        return export.icews_frame(self._con, **filters)

    def export_gdelt(self, path: str | Path, *, header: bool = False, **filters: Any) -> int:
        return export.write_gdelt(self._con, Path(path), header=header, **filters)

    def export_icews(self, path: str | Path, **filters: Any) -> int:
        return export.write_icews(self._con, Path(path), **filters)

    def export_plover(self, path: str | Path, **filters: Any) -> int:
        return export.write_plover(self._con, Path(path), **filters)

    def export_parquet(self, directory: str | Path) -> dict[str, int]:
        return export.write_parquet(self._con, Path(directory))

    # --- internals used by IngestRun -------------------------------------------------

    def rebuild_events(self) -> int:
        """Recompute every deduplicated event from all stored mentions, in one transaction.

        Never needed for consistency (ingest keeps events exact); use it after changing the
        deduplication settings. Returns the number of events.
        """
        return self._writer.rebuild_events()


class ArticleCoder(Protocol):
    """What ``Store.ingest`` codes news with: an engine of ``dateline.engines`` (the store
    sits below the engines and the pipeline, so it is handed one and never imports them)."""

    def code(self, articles: Iterable[Any]) -> Iterator[Document | DatelineError]: ...


def _options(options: IngestOptions | None, overrides: dict[str, Any]) -> IngestOptions:
    return dataclasses.replace(options or IngestOptions(), **overrides)


def _paths(inputs: object) -> list[str] | None:
    """``inputs`` as a list of paths, or None when they are items already read."""
    if (
        isinstance(inputs, list | tuple)
        and inputs
        and all(isinstance(p, str | Path) for p in inputs)
    ):
        return [str(p) for p in inputs]
    return None


def _read(paths: list[str], options: IngestOptions) -> Iterator[Any]:
    if options.coded:
        from dateline.store.rows import read_coded

        return read_coded(paths)
    from dateline.ingest import DEFAULT_MAX_BYTES, read_inputs

    return read_inputs(
        paths,
        published=options.published,
        max_bytes=options.max_bytes or DEFAULT_MAX_BYTES,
        seconds=options.seconds,
    )


def _noticed(items: Iterable[T], notice: NoticeCallback | None) -> Iterator[T]:
    for item in items:
        if notice is not None and isinstance(item, Article | Document):
            notice(item)
        yield item
