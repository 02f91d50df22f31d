"""Streaming exports of the (filtered) events in the formats of ``dateline export`` and more.

``csv``, ``jsonl`` and ``parquet`` hold the columns of ``/events`` (in CSV a list such as
``plover_context`` is a JSON array); ``gdelt``, ``icews`` and ``plover`` are the layouts
that ``dateline export`` writes (see ``dateline.store.export``), deduplicated events only.
Rows go from DuckDB to the client in Arrow record batches of ``BATCH_ROWS`` (or the store's
chunks), so an export of any size needs only one batch in memory.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from dateline.api.db import Database, events_sql, jsonable
from dateline.store import export, layouts

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "gdelt": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "icews": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "plover": ("application/x-ndjson", "jsonl"),
}
# The store's own layouts, written for deduplicated events only.
EVENT_ONLY = ("gdelt", "icews", "plover")
# Rows per Arrow batch (and per Parquet row group): bounded memory, few round trips.
BATCH_ROWS = 10_000


class _Sink(io.RawIOBase):
    """A write-only file that collects what pyarrow writes until it is drained."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._pos = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._chunks.append(chunk)
        self._pos += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._pos

    def drain(self) -> bytes:
        out = b"".join(self._chunks)
        self._chunks = []
        return out


def _flatten_lists(batch: pa.RecordBatch) -> pa.RecordBatch:
    """CSV has no lists: write list columns (``plover_context``) as JSON arrays."""
    columns = []
    for col in batch.columns:
        if pa.types.is_list(col.type):
            col = pa.array(
                [
                    json.dumps(v, ensure_ascii=False) if v is not None else None
                    for v in col.to_pylist()
                ],
                pa.string(),
            )
        columns.append(col)
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def _layout(db: Database, fmt: str, filters: dict[str, Any], header: bool) -> Iterator[bytes]:
    with db.cursor() as cur:
        if fmt == "plover":
            batch: list[str] = []
            for record in export.plover_records(cur, **filters):
                batch.append(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                if len(batch) >= BATCH_ROWS:
                    yield "".join(batch).encode("utf-8")
                    batch = []
            yield "".join(batch).encode("utf-8")
            return
        if fmt == "icews" or header:
            columns = layouts.ICEWS_COLUMNS if fmt == "icews" else layouts.GDELT_COLUMNS
            yield ("\t".join(columns) + "\n").encode("utf-8")
        chunks = layouts.icews_chunks if fmt == "icews" else layouts.gdelt_chunks
        for chunk in chunks(cur, **filters):
            yield layouts.to_tsv(chunk, header=False).encode("utf-8")


def stream(
    db: Database, fmt: str, level: str, filters: dict[str, Any], *, header: bool = False
) -> Iterator[bytes]:
    """The export as chunks of bytes; the cursor is closed when the stream ends or stops.
    ``header`` adds the header row to a GDELT table (ICEWS files always have one)."""
    if fmt in EVENT_ONLY:
        yield from _layout(db, fmt, filters, header)
        return
    sql, params = events_sql(level, filters)
    with db.cursor() as cur:
        reader = cur.sql(sql, params=params).to_arrow_reader(BATCH_ROWS)
        if fmt == "jsonl":
            for batch in reader:
                lines = (
                    json.dumps(jsonable(row), ensure_ascii=False) + "\n"
                    for row in batch.to_pylist()
                )
                yield "".join(lines).encode("utf-8")
            return
        sink = _Sink()
        if fmt == "csv":
            schema = pa.schema(
                [
                    pa.field(f.name, pa.string()) if pa.types.is_list(f.type) else f
                    for f in reader.schema
                ]
            )
            with pacsv.CSVWriter(sink, schema) as writer:
                for batch in reader:
                    writer.write_batch(_flatten_lists(batch))
                    yield sink.drain()
            yield sink.drain()
            return
        with pq.ParquetWriter(sink, reader.schema, compression="zstd") as pwriter:
            for batch in reader:
                pwriter.write_batch(batch, row_group_size=BATCH_ROWS)
                yield sink.drain()
        yield sink.drain()
