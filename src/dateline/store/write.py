"""The write path of an event store: batched, transactional, deterministic ingest.

``IngestRun`` is one ingest (a ``runs`` row, counters, per-document errors); ``Writer``
inserts a batch of coded documents and brings the deduplicated events of the dedup blocks
it touches up to date. ``dateline.store.core.Store`` is the facade over both.

Ingest guarantees:

- **Idempotent**: an article's id is the hash of its text, the primary key of ``articles``;
  an article already stored is skipped, so ingesting the same input twice adds nothing.
- **Incremental**: ``IngestRun.select_new`` drops stored articles *before* they are coded,
  so re-running over a growing folder only pays for the new articles.
- **Transactional per batch**: each batch of ``batch_size`` documents is written, and its
  dedup blocks re-clustered, in one transaction together with the run-log counters. A
  crash or Ctrl-C loses at most the batch in flight, and the database stays consistent.
- **Deterministic**: deduplication is recomputed for every dedup block a batch touches, from
  all of the block's stored mentions in a canonical order (see ``dateline.store.dedup``), so
  the final tables depend only on the set of articles stored, never on the order, the batch
  size or on interruptions; a killed-and-resumed ingest ends with exactly the rows of a clean
  run (``runs`` and ``run_errors``, the run log, naturally differ).

"""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from dateline.errors import DatelineError
from dateline.model import Article, Document, coding_failure
from dateline.store import dedup
from dateline.store.columns import events_select
from dateline.store.constants import DEFAULT_BATCH_SIZE
from dateline.store.rows import document_rows
from dateline.store.schema import CONTENT_TABLES

_DUCK_TO_ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _version() -> str | None:
    try:
        from importlib.metadata import version

        return version("dateline")
    except Exception:  # noqa: BLE001 - an uninstalled checkout has no version; that is fine
        return None


@dataclass
class IngestProgress:
    """Counters of a running ingest, given to the progress callback."""

    read: int = 0  # input items seen (articles and unreadable inputs)
    stored: int = 0  # new articles committed
    skipped: int = 0  # articles already in the store (or repeated in the input)
    failed: int = 0  # inputs that could not be read or coded
    mentions: int = 0  # event mentions committed
    replaced: int = 0  # stored articles re-coded (replace=True), counted in stored too
    batches: int = 0  # transactions committed
    pending: int = 0  # coded documents waiting in the current batch
    elapsed: float = 0.0  # seconds since the run started
    committed: bool = False  # True when this update follows a commit


@dataclass
class IngestReport:
    run_id: int
    status: str  # ok | failed (some inputs failed) | interrupted | error
    read: int
    stored: int
    skipped: int
    failed: int
    mentions: int
    elapsed: float
    replaced: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


ProgressCallback = Callable[[IngestProgress], None]
ErrorCallback = Callable[[str, str], None]
# Shown each new article before it is coded and each document after (e.g. to warn).
NoticeCallback = Callable[[Article | Document], None]


@dataclass(frozen=True)
class IngestOptions:
    """How an ingest reads, codes and commits; every field has the CLI's default.

    ``coded``: the input paths hold coded documents (``dateline code`` JSONL), not news.
    ``published``, ``max_bytes``, ``seconds``: passed to ``dateline.ingest.read_inputs``
    (None: its defaults). ``replace``: re-code stored articles and replace their coding.
    ``command``: logged in the ``runs`` row.
    """

    batch_size: int = DEFAULT_BATCH_SIZE
    replace: bool = False
    coded: bool = False
    published: str | None = None
    max_bytes: int | None = None
    seconds: float | None = None
    command: str | None = None
    progress: ProgressCallback | None = None
    on_error: ErrorCallback | None = None
    notice: NoticeCallback | None = None


class Writer:
    """Inserts coded documents into one connection's tables and re-clusters their events."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self.connection = con
        self._arrow_schemas: dict[str, pa.Schema] = {}

    def _arrow_schema(self, table: str) -> pa.Schema:
        if table not in self._arrow_schemas:
            rows = self._con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            self._arrow_schemas[table] = pa.schema(
                [pa.field(name, _DUCK_TO_ARROW[dtype]) for name, dtype in rows]
            )
        return self._arrow_schemas[table]

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        data = pa.Table.from_pylist(rows, schema=self._arrow_schema(table))
        self._con.register("_dl_rows", data)
        try:
            self._con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _dl_rows")  # noqa: S608
        finally:
            _unregister(self._con, "_dl_rows")

    def write_batch(
        self, docs: list[Document], *, replace: bool = False
    ) -> tuple[list[Document], int, int]:
        """Insert the documents not stored yet and re-cluster; call inside a transaction.

        ``replace``: documents already stored replace the stored coding instead of being
        skipped (re-coding with a newer dateline). Returns the documents written, the number
        of mentions they added and how many of them replaced a stored article.
        """
        con = self._con
        ids = sorted({d.article.id for d in docs})
        con.register("_dl_ids", pa.table({"article_id": pa.array(ids, pa.string())}))
        try:
            stored = {
                r[0]
                for r in con.execute(
                    "SELECT article_id FROM articles JOIN _dl_ids USING (article_id)"
                ).fetchall()
            }
            touched = _Touched()
            dirty: set[str] = set()  # stored events losing a mention
            replaced = 0
            if replace and stored:
                replaced = len(stored)
                # The removed mentions' places in the scan are where it must resume too.
                old = con.execute(
                    "SELECT block, date, mention_id, article_id, event_id FROM event_mentions "
                    "JOIN _dl_ids USING (article_id) WHERE NOT negated AND NOT hypothetical"
                ).fetchall()
                for block, day, mid, aid, eid in old:
                    touched.add(block, day, mid, aid)
                    if eid is not None:
                        dirty.add(eid)
                con.execute(
                    "DELETE FROM events WHERE event_id IN (SELECT m.event_id FROM "
                    "event_mentions m JOIN _dl_ids USING (article_id))"
                )
                for table in CONTENT_TABLES:
                    if table != "events":
                        con.execute(
                            f"DELETE FROM {table} WHERE article_id IN "  # noqa: S608
                            "(SELECT article_id FROM _dl_ids)"
                        )
                stored = set()
        finally:
            _unregister(con, "_dl_ids")
        fresh: list[Document] = []
        for doc in docs:
            if doc.article.id in stored:
                continue
            stored.add(doc.article.id)
            fresh.append(doc)
        tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for doc in fresh:
            for table, rows in document_rows(doc).items():
                tables[table].extend(rows)
        for table in CONTENT_TABLES:
            if table != "events":
                self._insert(table, tables.get(table, []))
        for m in tables.get("event_mentions", []):
            if not m["negated"] and not m["hypothetical"]:
                touched.add(m["block"], m["date"], m["mention_id"], m["article_id"])
        self._recluster(touched.starts, dirty, touched.undated)
        return fresh, len(tables.get("event_mentions", [])), replaced

    def rebuild_events(self) -> int:
        """Recompute every deduplicated event from all stored mentions, in one transaction.

        Never needed for consistency (ingest keeps events exact); use it after changing the
        deduplication settings. Returns the number of events.
        """
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM events")
            con.execute("UPDATE event_mentions SET event_id = NULL WHERE event_id IS NOT NULL")
            blocks = con.execute(
                "SELECT DISTINCT block FROM event_mentions "
                "WHERE NOT negated AND NOT hypothetical ORDER BY block"
            ).fetchall()
            self._recluster({b[0]: _SCAN_FROM_START for b in blocks})
        except BaseException:
            _rollback(con)
            raise
        con.execute("COMMIT")
        row = con.execute("SELECT count(*) FROM events").fetchone()
        return int(row[0]) if row else 0

    def _recluster(
        self,
        starts: dict[str, tuple[bool, date, str]],
        dirty: set[str] | None = None,
        undated: dict[str, set[str]] | None = None,
    ) -> None:
        """Bring the deduplicated events of the touched blocks up to date.

        The clusters are those of one greedy scan over each block's mentions in canonical
        order (``dedup.cluster_block``); the scan's state at any point depends only on the
        mentions before it. So when new dated mentions arrive, every assignment before the
        earliest new one (``starts[block]``) stands, and the scan resumes there from the
        clusters still open at that point: those anchored at most ``DEDUP_WINDOW_DAYS``
        earlier. Their members are all dated after ``start - window``, which bounds what
        is read and rewritten; the result is exactly that of clustering from scratch.

        Undated mentions sort after every dated one and only ever join undated mentions of
        their own article, so they are a scan of their own: ``undated[block]`` names the
        articles whose undated mentions are new (or removed), and only those are re-read
        and re-clustered. (Reading ``date >= lo`` alone once left a batch's undated
        mentions without an event whenever the same block also got a dated one.)
        """
        undated = undated or {}
        if not starts and not undated:
            return
        dirty = dirty or set()
        con = self._con
        blocks: list[str] = []
        modes: list[str] = []
        los: list[date | None] = []
        loose: list[list[str]] = []
        for block in sorted(set(starts) | set(undated)):
            blocks.append(block)
            loose.append(sorted(undated.get(block, ())))
            start = starts.get(block)
            if start is None:
                modes.append("undated")
                los.append(None)
            elif start == _SCAN_FROM_START:
                modes.append("all")
                los.append(None)
            else:
                day = start[1]
                modes.append("from")
                los.append(date.fromordinal(max(day.toordinal() - dedup.DEDUP_WINDOW_DAYS, 1)))
        con.register(
            "_dl_starts",
            pa.table(
                {
                    "block": pa.array(blocks, pa.string()),
                    "mode": pa.array(modes, pa.string()),
                    "lo": pa.array(los, pa.date32()),
                    "articles": pa.array(loose, pa.list_(pa.string())),
                }
            ),
        )
        try:
            rows = con.execute(
                """
                SELECT m.block, m.mention_id, m.article_id, m.date, m.date_precision,
                       m.dyad_source, m.dyad_target, m.cameo_code, m.cameo_root,
                       m.plover_event, m.trigger, s.text, m.confidence, a.source_key,
                       m.event_id
                FROM event_mentions m
                JOIN _dl_starts b ON b.block = m.block
                JOIN sentences s ON s.article_id = m.article_id
                                AND s.sentence_index = m.sentence_index
                JOIN articles a ON a.article_id = m.article_id
                WHERE NOT m.negated AND NOT m.hypothetical
                  AND (b.mode = 'all'
                       OR (b.mode = 'from' AND m.date >= b.lo)
                       OR (m.date IS NULL AND list_contains(b.articles, m.article_id)))
                """
            ).fetchall()
        finally:
            _unregister(con, "_dl_starts")
        by_block: dict[str, list[dedup.MentionKey]] = defaultdict(list)
        source_of: dict[str, str] = {}
        stored_event: dict[str, str | None] = {}
        for r in rows:
            by_block[r[0]].append(
                dedup.MentionKey(
                    mention_id=r[1],
                    article_id=r[2],
                    date=r[3],
                    date_precision=r[4],
                    dyad_source=r[5],
                    dyad_target=r[6],
                    cameo_code=r[7],
                    cameo_root=r[8],
                    plover_event=r[9],
                    trigger=r[10],
                    sentence=r[11] or "",
                    confidence=float(r[12] or 0.0),
                )
            )
            source_of[r[1]] = r[13]
            stored_event[r[1]] = r[14]

        deleted: set[str] = set()
        assign_m: list[str] = []
        assign_e: list[str] = []
        summary: dict[str, list[Any]] = defaultdict(list)
        for block in sorted(by_block):
            changed, stale = _rescan_block(by_block[block], starts.get(block), stored_event, dirty)
            deleted |= stale
            for cluster in changed:
                eid = dedup.cluster_id(cluster[0])
                rep = dedup.representative(cluster)
                for m in cluster:
                    assign_m.append(m.mention_id)
                    assign_e.append(eid)
                summary["event_id"].append(eid)
                summary["block"].append(block)
                summary["rep"].append(rep.mention_id)
                summary["anchor"].append(cluster[0].mention_id)
                summary["anchor_date"].append(cluster[0].date)
                summary["anchor_precision"].append(cluster[0].date_precision)
                summary["num_mentions"].append(len(cluster))
                summary["num_articles"].append(len({m.article_id for m in cluster}))
                summary["num_sources"].append(len({source_of[m.mention_id] for m in cluster}))

        con.register("_dl_deleted", pa.table({"event_id": pa.array(sorted(deleted), pa.string())}))
        con.register(
            "_dl_assign",
            pa.table(
                {
                    "mention_id": pa.array(assign_m, pa.string()),
                    "event_id": pa.array(assign_e, pa.string()),
                }
            ),
        )
        con.register(
            "_dl_summary",
            pa.table(
                {
                    "event_id": pa.array(summary["event_id"], pa.string()),
                    "block": pa.array(summary["block"], pa.string()),
                    "rep": pa.array(summary["rep"], pa.string()),
                    "anchor": pa.array(summary["anchor"], pa.string()),
                    "anchor_date": pa.array(summary["anchor_date"], pa.date32()),
                    "anchor_precision": pa.array(summary["anchor_precision"], pa.string()),
                    "num_mentions": pa.array(summary["num_mentions"], pa.int32()),
                    "num_articles": pa.array(summary["num_articles"], pa.int32()),
                    "num_sources": pa.array(summary["num_sources"], pa.int32()),
                }
            ),
        )
        try:
            con.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM _dl_deleted)")
            con.execute(
                "UPDATE event_mentions SET event_id = _dl_assign.event_id FROM _dl_assign "
                "WHERE event_mentions.mention_id = _dl_assign.mention_id "
                "AND event_mentions.event_id IS DISTINCT FROM _dl_assign.event_id"
            )
            con.execute(
                f"INSERT INTO events BY NAME SELECT {events_select()} "  # noqa: S608 - fixed
                """
                FROM _dl_summary c
                JOIN event_mentions m ON m.mention_id = c.rep
                JOIN sentences s ON s.article_id = m.article_id
                                AND s.sentence_index = m.sentence_index
                JOIN articles a ON a.article_id = m.article_id
                """
            )
        finally:
            _unregister(con, "_dl_deleted", "_dl_assign", "_dl_summary")


def is_interruption(exc: BaseException | None) -> bool:
    """Whether an exception is (or was caused by) Ctrl-C.

    DuckDB reports a Ctrl-C that lands inside a statement in several shapes: its own
    InterruptException, a RuntimeError "Query interrupted", or an error wrapping the
    KeyboardInterrupt raised in an Arrow scan; all mean the same to the user.
    """
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, KeyboardInterrupt | duckdb.InterruptException):
            return True
        text = str(exc)
        if isinstance(exc, duckdb.Error | RuntimeError) and (
            "KeyboardInterrupt" in text or "interrupted" in text.lower()
        ):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _unregister(con: duckdb.DuckDBPyConnection, *names: str) -> None:
    for name in names:
        try:
            con.unregister(name)
        except Exception as exc:
            # After a failed statement DuckDB refuses even this until the rollback (the
            # leftover view is replaced by the next register() of that name): never mask
            # the error being handled with that, but never swallow a Ctrl-C either.
            if is_interruption(exc):
                raise KeyboardInterrupt from exc


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back, never masking the exception being handled (an interrupted statement may
    already have ended the transaction)."""
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")


def _rescan_block(
    mentions: list[dedup.MentionKey],
    start: tuple[bool, date, str] | None,
    stored_event: dict[str, str | None],
    dirty: set[str],
) -> tuple[list[list[dedup.MentionKey]], set[str]]:
    """The clusters of one block to (re)write and the stored events they replace, from the
    mentions ``_recluster`` read: dated ones from a window before ``start`` (all of the
    block's when it is ``_SCAN_FROM_START``), undated ones of the touched articles."""
    if start == _SCAN_FROM_START:
        return dedup.rescan(mentions, (), stored_event, dirty)
    # The undated mentions read are all those of their articles: cluster them afresh.
    loose = [m for m in mentions if m.date is None]
    clusters = dedup.cluster_block(loose)
    stale = {e for m in loose if (e := stored_event.get(m.mention_id)) is not None}
    if start is None:
        return clusters, stale
    dated = sorted((m for m in mentions if m.date is not None), key=dedup.MentionKey.sort_key)
    prefix = [m for m in dated if m.sort_key() < start]
    suffix = [m for m in dated if m.sort_key() >= start]
    # Clusters formed before the start whose anchor was read (i.e. anchored within a window
    # of it) may still grow; the others are closed and stay as they are. A cluster's id is
    # the hash of its anchor, which tells whether its earliest member read is its anchor.
    groups: dict[str, list[dedup.MentionKey]] = defaultdict(list)
    for m in prefix:
        eid = stored_event.get(m.mention_id)
        if eid is not None:
            groups[eid].append(m)
    initial = [members for eid, members in groups.items() if dedup.cluster_id(members[0]) == eid]
    initial.sort(key=lambda c: c[0].sort_key())
    changed, replaced = dedup.rescan(suffix, initial, stored_event, dirty)
    return changed + clusters, replaced | stale


@dataclass
class _Touched:
    """What a batch changes in each dedup block, i.e. what ``_recluster`` has to redo.

    Dated and undated mentions are two independent scans (``dedup``: an undated mention only
    ever joins undated mentions of its own article). ``starts``: where the canonical scan of
    a block's dated mentions has to resume, its earliest new (or removed) dated mention.
    ``undated``: the articles whose undated mentions in the block are new (or removed);
    only their undated events can change.
    """

    starts: dict[str, tuple[bool, date, str]] = field(default_factory=dict)
    undated: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, block: str, day: date | None, mention_id: str, article_id: str) -> None:
        if day is None:
            self.undated[block].add(article_id)
            return
        key = (False, day, mention_id)
        if block not in self.starts or key < self.starts[block]:
            self.starts[block] = key


# The start key of a scan over a whole block (sorts before every mention).
_SCAN_FROM_START: tuple[bool, date, str] = (False, date.min, "")


def mark_interrupted_runs(con: duckdb.DuckDBPyConnection) -> int:
    """Mark ``interrupted`` the runs left ``running`` by a process that was killed; return
    how many. Only one process can hold a store open for writing, so a run of another
    process (or of another machine) still ``running`` here is one that never finished."""
    rows = con.execute(
        "UPDATE runs SET status = 'interrupted', finished_at = ? "
        "WHERE status = 'running' AND (pid IS DISTINCT FROM ? OR host IS DISTINCT FROM ?) "
        "RETURNING run_id",
        [_now(), os.getpid(), socket.gethostname()],
    ).fetchall()
    return len(rows)


class IngestRun:
    """One ingest: a ``runs`` row, counters, per-document errors, batched transactions.

    ``Store.ingest`` runs one from end to end; by hand::

        with store.run(inputs=paths) as run:
            articles = run.select_new(read_inputs(paths))   # skips stored, logs errors
            run.ingest(engine.code(articles))                # any iterator of Documents
        report = run.report
    """

    def __init__(self, writer: Writer, options: IngestOptions, inputs: Sequence[str] = ()) -> None:
        if options.batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.options = options
        self.batch_size = options.batch_size
        self.replace = options.replace
        self._progress_cb = options.progress
        self._on_error = options.on_error
        self._con = writer.connection
        self._writer = writer
        self._lookup = writer.connection.cursor()  # own connection: safe if an engine reads ahead
        self._started = time.monotonic()
        self.counts = IngestProgress()
        self.errors: list[tuple[str, str]] = []
        self._pending_errors: list[tuple[str, str]] = []
        self._in_flight: set[str] = set()  # ids selected but not committed yet
        self._reading = False  # select_new is counting the input items
        self.report: IngestReport | None = None
        try:
            user: str | None = getpass.getuser()
        except Exception:  # noqa: BLE001 - no user name in some containers
            user = None
        row = self._con.execute(
            """
            INSERT INTO runs (run_id, started_at, status, user_name, host, pid,
                              dateline_version, command, inputs)
            VALUES (nextval('run_id_seq'), ?, 'running', ?, ?, ?, ?, ?, ?)
            RETURNING run_id
            """,
            [
                _now(),
                user,
                socket.gethostname(),
                os.getpid(),
                _version(),
                options.command,
                [str(p) for p in inputs],
            ],
        ).fetchone()
        assert row is not None
        self.run_id = int(row[0])

    # --- context manager -------------------------------------------------------------

    def __enter__(self) -> IngestRun:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.finish()
        elif is_interruption(exc):
            self.finish(status="interrupted")
        else:
            self.finish(status="error")

    # --- input side ------------------------------------------------------------------

    def fail(self, origin: str, reason: str) -> None:
        """Record one input that could not be read or coded (logged with the next commit)."""
        self.counts.failed += 1
        self.errors.append((origin, reason))
        self._pending_errors.append((origin, reason))
        if self._on_error is not None:
            self._on_error(origin, reason)

    def select_new(self, items: Iterable[Article | DatelineError]) -> Iterator[Article]:
        """Yield the articles not stored yet, in input order; record the reading errors.

        Stored articles (and repeats within the input) are counted as skipped and never
        reach the coder, which is what makes re-running over a growing folder cheap.
        """
        self._reading = True
        for item in items:
            self.counts.read += 1
            if isinstance(item, DatelineError):
                self.fail(getattr(item, "origin", "?"), getattr(item, "reason", str(item)))
                self._notify()
                continue
            aid = item.id
            if aid in self._in_flight or (not self.replace and self._stored(aid)):
                self.counts.skipped += 1
                self._notify()
                continue
            self._in_flight.add(aid)
            yield item

    def _stored(self, article_id: str) -> bool:
        row = self._lookup.execute(
            "SELECT 1 FROM articles WHERE article_id = ?", [article_id]
        ).fetchone()
        return row is not None

    # --- output side -----------------------------------------------------------------

    def ingest(self, documents: Iterable[Document | DatelineError]) -> None:
        """Store documents in transactions of ``batch_size``; errors (and documents whose
        coding failed, see ``model.CODING_FAILED``) are logged, not raised."""
        batch: list[Document] = []
        for item in documents:
            if not self._reading:
                self.counts.read += 1
            if isinstance(item, DatelineError):
                self.fail(getattr(item, "origin", "?"), getattr(item, "reason", str(item)))
                self._notify()
                continue
            failed = coding_failure(item)
            if failed is not None:
                # Not stored, so that a later run (e.g. with a fixed dateline) tries it again.
                self.fail(item.article.origin or item.article.id, f"coding failed ({failed})")
                self._notify()
                continue
            batch.append(item)
            self.counts.pending = len(batch)
            self._notify()
            if len(batch) >= self.batch_size:
                self._flush(batch)
                batch = []
        self._flush(batch)

    def _flush(self, batch: list[Document]) -> None:
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            fresh, n_mentions, replaced = self._writer.write_batch(batch, replace=self.replace)
            skipped = len(batch) - len(fresh)
            errors = self._pending_errors
            if errors:
                first = len(self.errors) - len(errors)
                con.executemany(
                    "INSERT INTO run_errors VALUES (?, ?, ?, ?)",
                    [[self.run_id, first + i, o, r] for i, (o, r) in enumerate(errors)],
                )
            con.execute(
                # greatest(): the row is the truth. A Ctrl-C landing between a COMMIT and
                # the update of the counters in memory must not make the log go backwards.
                "UPDATE runs SET n_seen = greatest(n_seen, ?), "
                "n_stored = greatest(n_stored, ?), n_skipped = greatest(n_skipped, ?), "
                "n_failed = greatest(n_failed, ?), n_mentions = greatest(n_mentions, ?), "
                "n_replaced = greatest(n_replaced, ?) WHERE run_id = ?",
                [
                    self.counts.read,
                    self.counts.stored + len(fresh),
                    self.counts.skipped + skipped,
                    self.counts.failed,
                    self.counts.mentions + n_mentions,
                    self.counts.replaced + replaced,
                    self.run_id,
                ],
            )
        except BaseException:
            _rollback(con)
            raise
        con.execute("COMMIT")
        self._pending_errors = []
        self.counts.stored += len(fresh)
        self.counts.skipped += skipped
        self.counts.mentions += n_mentions
        self.counts.replaced += replaced
        self.counts.pending = 0
        if batch:
            self.counts.batches += 1
        for doc in batch:
            self._in_flight.discard(doc.article.id)
        self._notify(committed=True)

    def _notify(self, *, committed: bool = False) -> None:
        if self._progress_cb is None:
            return
        self.counts.elapsed = time.monotonic() - self._started
        self.counts.committed = committed
        self._progress_cb(self.counts)

    def finish(self, status: str | None = None) -> IngestReport:
        """Close the run: log any pending errors and the final counters."""
        if self.report is not None:
            return self.report
        if status is None:
            status = "failed" if self.counts.failed else "ok"
        elapsed = time.monotonic() - self._started
        if status != "ok" and status != "failed":
            _rollback(self._con)  # a transaction an interruption left open, if any
        try:
            self._flush([])
            self._con.execute(
                "UPDATE runs SET finished_at = ?, status = ? WHERE run_id = ?",
                [_now(), status, self.run_id],
            )
            row = self._con.execute(
                "SELECT n_seen, n_stored, n_skipped, n_failed, n_mentions, n_replaced "
                "FROM runs WHERE run_id = ?",
                [self.run_id],
            ).fetchone()
            if row is not None:
                c = self.counts
                c.read, c.stored, c.skipped, c.failed, c.mentions, c.replaced = row
        except duckdb.Error:
            # The database may be unusable after a fatal error; the run stays 'running'
            # until the store is next opened for writing, which marks it 'interrupted'.
            if status not in ("interrupted", "error"):
                raise
        finally:
            self._lookup.close()
        self.report = IngestReport(
            run_id=self.run_id,
            status=status,
            read=self.counts.read,
            stored=self.counts.stored,
            skipped=self.counts.skipped,
            failed=self.counts.failed,
            mentions=self.counts.mentions,
            elapsed=elapsed,
            replaced=self.counts.replaced,
            errors=list(self.errors),
        )
        return self.report
