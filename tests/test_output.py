"""One format per field across every writer: lists are JSON in CSV, dates one Parquet type,
and rows the store does not count as events are flagged."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from builders import CODEBOOK, VERBS, Ev, make_doc
from dateline import output
from dateline.cli import app
from dateline.model import Document
from dateline.store import Store

# A CAMEO code whose PLOVER mapping has two contexts: the list must survive the round trip.
TWO_CONTEXTS = next(code for code in VERBS if len(CODEBOOK.plover(code).context) >= 2)


def docs() -> list[Document]:
    return [
        make_doc(
            [
                Ev("KAZ", "CHN", TWO_CONTEXTS, "2018-11-09"),
                Ev("RUS", "UKR", "190", "2019-02-25", negated=True),
                Ev("IRN", "USA", "111", "2019-03-01", hypothetical=True),
                Ev("CHN", "KAZ", "040", None),
            ],
            url="https://example.org/a",
        )
    ]


def test_code_csv_writes_lists_as_json_and_flags_uncounted_rows() -> None:
    text = io.StringIO()
    output.write_csv(docs(), text)
    rows = list(csv.DictReader(io.StringIO(text.getvalue())))
    first = rows[0]
    assert json.loads(first["plover_context"]) == CODEBOOK.plover(TWO_CONTEXTS).context
    assert [r["counted"] for r in rows] == ["True", "False", "False", "True"]


def test_code_parquet_dates_lists_and_flags() -> None:
    table = pq.read_table(io.BytesIO(output.parquet_bytes(docs())))
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("plover_context").type == pa.list_(pa.string())
    assert table.column("date").to_pylist()[3] is None
    assert table.column("plover_context").to_pylist()[0] == CODEBOOK.plover(TWO_CONTEXTS).context
    assert table.column("counted").to_pylist() == [True, False, False, True]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        store.ingest(docs())
    return path


def test_every_parquet_has_one_date_type(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    code = pq.read_schema(io.BytesIO(output.parquet_bytes(docs())))
    events = tmp_path / "events.parquet"
    res = runner.invoke(app, ["events", "--db", str(db), "-f", "parquet", "-o", str(events)])
    assert res.exit_code == 0, res.stderr
    exported = tmp_path / "pq"
    res = runner.invoke(app, ["export", "-f", "parquet", "-o", str(exported), "--db", str(db)])
    assert res.exit_code == 0, res.stderr
    store_files = sorted((exported / "events").rglob("*.parquet"))
    assert store_files
    types = {
        "code": code.field("date").type,
        "events": pq.read_schema(events).field("date").type,
        "export": pq.read_schema(store_files[0]).field("date").type,
    }
    assert set(types.values()) == {pa.date32()}, types


def test_events_csv_writes_lists_as_json(db: Path) -> None:
    res = CliRunner().invoke(app, ["events", "--db", str(db), "-f", "csv"])
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    contexts = {r["cameo_code"]: json.loads(r["plover_context"]) for r in rows}
    assert contexts[TWO_CONTEXTS] == CODEBOOK.plover(TWO_CONTEXTS).context
