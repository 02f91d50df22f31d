"""Streaming exports of the (filtered) events as CSV, JSON Lines or Parquet.

Rows go from DuckDB to the client in Arrow record batches of ``BATCH_ROWS``, so an export
of any size needs only one batch in memory. The columns are those of ``/events``.
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

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}
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
    """CSV has no lists: join list columns (``plover_context``) with commas."""
    columns = []
    for col in batch.columns:
        if pa.types.is_list(col.type):
            col = pa.array(
                [",".join(v) if v is not None else None for v in col.to_pylist()], pa.string()
            )
        columns.append(col)
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def stream(db: Database, fmt: str, level: str, filters: dict[str, Any]) -> Iterator[bytes]:
    """The export as chunks of bytes; the cursor is closed when the stream ends or stops."""
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
