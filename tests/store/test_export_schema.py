"""Exports (GDELT-style, PLOVER JSONL, partitioned Parquet) and database safety."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from builders import CODEBOOK, Ev, make_doc
from dateline.errors import StoreError
from dateline.store import GDELT_COLUMNS, Store
from dateline.store.schema import SCHEMA_VERSION


@pytest.fixture
def filled(store: Store) -> Store:
    store.ingest(
        [
            make_doc(
                [Ev("KAZ", "CHN", "040", "2018-11-09"), Ev("KAZ", "CHN", "057", "2018-11-09")],
                outlet="TCA",
                url="https://timesca.com/1",
            ),
            make_doc(
                [Ev("KAZ", "CHN", "040", "2018-11-09", "Kazakhstan held talks with China.")],
                outlet="Xinhua",
                url="https://xinhua.net/2",
            ),
            make_doc([Ev("RUS", "UKR", "190", "2019-02-25")], outlet="Reuters"),
            make_doc([Ev("IRN", None, "111", None)], outlet="BBC"),
        ]
    )
    return store


def test_gdelt_columns_and_values(filled: Store) -> None:
    frame = filled.gdelt()
    assert list(frame.columns) == GDELT_COLUMNS
    for required in (
        "Actor1Code",
        "Actor1CountryCode",
        "Actor2Code",
        "EventCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "SOURCEURL",
    ):
        assert required in frame.columns
    assert len(frame) == 4
    talks = frame[frame["EventCode"] == "040"].iloc[0]
    assert talks["SQLDATE"] == 20181109 and talks["MonthYear"] == 201811
    assert talks["Actor1Code"] == "KAZGOV" and talks["Actor1CountryCode"] == "KAZ"
    assert talks["Actor1Type1Code"] == "GOV" and talks["Actor2CountryCode"] == "CHN"
    assert (talks["NumMentions"], talks["NumSources"], talks["NumArticles"]) == (2, 2, 2)
    assert talks["EventBaseCode"] == "040" and talks["EventRootCode"] == "04"
    assert talks["QuadClass"] == 1 and talks["IsRootEvent"] == 1
    assert talks["FractionDate"] == pytest.approx(2018 + 312 / 365, abs=1e-4)
    undated = frame[frame["EventCode"] == "111"].iloc[0]
    assert pd.isna(undated["SQLDATE"]) and pd.isna(undated["Actor2Code"])
    assert len(filled.gdelt(country="RUS")) == 1


def test_gdelt_file_round_trip(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    assert filled.export_gdelt(path) == 4
    back = pd.read_csv(path, sep="\t", dtype={"EventCode": str, "EventRootCode": str})
    assert list(back.columns) == GDELT_COLUMNS
    assert sorted(back["EventCode"]) == ["040", "057", "111", "190"]


def test_plover_jsonl(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert filled.export_plover(path) == 4
    records = [json.loads(line) for line in path.read_text().splitlines()]
    talks = next(r for r in records if r["cameo"] == "040")
    assert talks["event"] == "CONSULT"
    assert talks["source"] == [
        {"actorText": "Kazakhstan", "code": "KAZ", "sector": "GOV", "cameoCode": "KAZGOV"}
    ]
    assert talks["target"][0]["code"] == "CHN"
    assert talks["date"] == "2018-11-09" and talks["numSources"] == 2
    assert talks["text"] and talks["eventText"]
    for record in records:  # PLOVER fields as the codebook maps the CAMEO code
        plover = CODEBOOK.plover(record["cameo"])
        assert (record["event"], record["mode"]) == (plover.event, plover.mode)
        assert record["context"] == ",".join(plover.context)
    assert any(record["context"] for record in records)
    lone = next(r for r in records if r["cameo"] == "111")
    assert lone["target"] == [] and lone["date"] is None


def test_parquet_partitioned_by_date(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    counts = filled.export_parquet(out)
    assert counts == {"events": 4, "mentions": 5}
    assert (out / "events" / "year=2018" / "month=11").is_dir()
    assert (out / "events" / "year=2019" / "month=2").is_dir()
    assert (out / "mentions" / "year=2018" / "month=11").is_dir()
    rows = duckdb.sql(
        f"SELECT year, month, count(*) FROM read_parquet('{out}/events/**/*.parquet', "
        "hive_partitioning=true) GROUP BY ALL ORDER BY ALL NULLS LAST"
    ).fetchall()
    # Undated events are in year=0/month=0, which pandas reads (a null partition it cannot).
    assert rows == [(0, 0, 1), (2018, 11, 2), (2019, 2, 1)]
    assert len(pd.read_parquet(out / "events")) == 4
    with pytest.raises(FileExistsError):
        filled.export_parquet(out)


# --- database safety -------------------------------------------------------------------


def test_corrupt_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    data = b"These are my notes, not a database.\n" * 200
    path.write_bytes(data)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        Store(path)
    assert path.read_bytes() == data


def test_truncated_database_is_refused(filled: Store, tmp_path: Path) -> None:
    filled.close()
    source = Path(filled.path)
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(source.read_bytes()[:5000])
    with pytest.raises(StoreError):
        Store(broken)


def test_foreign_duckdb_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (id INTEGER, amount DOUBLE)")
    con.execute("INSERT INTO sales VALUES (1, 9.5)")
    con.close()
    with pytest.raises(StoreError, match="not a dateline event store"):
        Store(path)
    con = duckdb.connect(str(path))
    assert con.execute("SELECT * FROM sales").fetchall() == [(1, 9.5)]
    assert {r[0] for r in con.execute("SHOW TABLES").fetchall()} == {"sales"}
    con.close()


def test_newer_schema_is_refused(db_path: Path) -> None:
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute(
        "INSERT INTO schema_migrations VALUES (?, 'from the future', now())", [SCHEMA_VERSION + 1]
    )
    con.close()
    with pytest.raises(StoreError, match="newer dateline"):
        Store(db_path)


def test_read_only_open_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_schema_version_is_recorded(store: Store) -> None:
    rows = store.connection.execute("SELECT version FROM schema_migrations").fetchall()
    assert rows == [(SCHEMA_VERSION,)]
    assert store.schema_version == SCHEMA_VERSION
