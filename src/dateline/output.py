"""Writers for coded documents: JSONL (one document per article), CSV and Parquet (one row
per event). Used by the CLI and the engines; they write to a binary or text stream given.

One format per field, as in the event store's exports: a list (``plover_context``) is a JSON
array in CSV and a list of strings in Parquet; ``date`` is a Parquet DATE (the ISO text in
CSV)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.model import EVENT_ROW, EVENT_ROW_COLUMNS, Document, event_rows

FORMATS = ("jsonl", "csv", "parquet")


def write_jsonl(docs: Iterable[Document], out: IO[str]) -> int:
    n = 0
    for doc in docs:
        out.write(doc.to_json())
        out.write("\n")
        out.flush()
        n += 1
    return n


def write_csv(docs: Iterable[Document], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=EVENT_ROW_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for doc in docs:
        for row in event_rows(doc):
            row["plover_context"] = json.dumps(row["plover_context"], ensure_ascii=False)
            writer.writerow(row)
            n += 1
    return n


_PARQUET_TYPES = {
    "string": pa.string(),
    "date": pa.date32(),
    "list": pa.list_(pa.string()),
    "int8": pa.int8(),
    "int32": pa.int32(),
    "float32": pa.float32(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
}
PARQUET_SCHEMA = pa.schema([(c.name, _PARQUET_TYPES[c.kind]) for c in EVENT_ROW])
# Rows buffered before a Parquet row group is written: bounds memory on long runs.
PARQUET_ROW_GROUP = 10_000


def _parquet_row(row: dict[str, object]) -> dict[str, object]:
    day = row["date"]
    row["date"] = date.fromisoformat(day) if isinstance(day, str) and day else None
    return row


def write_parquet(docs: Iterable[Document], out: IO[bytes] | str) -> int:
    n = 0
    buffer: list[dict[str, object]] = []
    with pq.ParquetWriter(out, PARQUET_SCHEMA) as writer:
        for doc in docs:
            buffer.extend(_parquet_row(row) for row in event_rows(doc))
            if len(buffer) >= PARQUET_ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(buffer, schema=PARQUET_SCHEMA))
                n += len(buffer)
                buffer = []
        if buffer or n == 0:
            writer.write_table(pa.Table.from_pylist(buffer, schema=PARQUET_SCHEMA))
            n += len(buffer)
    return n


def parquet_bytes(docs: Iterable[Document]) -> bytes:
    sink = io.BytesIO()
    write_parquet(docs, sink)
    return sink.getvalue()
