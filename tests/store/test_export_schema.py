"""Exports (GDELT-style, PLOVER JSONL, partitioned Parquet) and database safety."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from builders import ASTANA, CODEBOOK, Ev, make_doc
from dateline.errors import StoreError
from dateline.model import Document
from dateline.store import Store
from dateline.store.layouts import stable_int
from dateline.store.schema import SCHEMA_VERSION


def filled_docs() -> list[Document]:
    return [
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


@pytest.fixture
def filled(store: Store) -> Store:
    store.ingest(filled_docs())
    return store


# The GDELT 2.0 event table's columns, in order, as the GDELT 2.0 Event Database Data
# Format Codebook lists them (written here from the codebook, not from dateline's list).
GDELT2_CODEBOOK = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]  # fmt: skip
# How a GDELT user reads the codes: as text, keeping leading zeros.
GDELT_TEXT = {"EventCode": str, "EventBaseCode": str, "EventRootCode": str}

ICEWS_HEADER = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
]  # fmt: skip


def read_gdelt(path: Path) -> pd.DataFrame:
    return pd.read_csv(
        path, sep="\t", header=None, names=GDELT2_CODEBOOK, dtype=GDELT_TEXT, quoting=3
    )


def test_gdelt_file_reads_with_gdelts_published_columns(filled: Store, tmp_path: Path) -> None:
    assert len(GDELT2_CODEBOOK) == 61
    path = tmp_path / "events.tsv"
    assert filled.export_gdelt(path) == 4
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4, "no header row by default"
    assert all(line.count("\t") == 60 for line in lines)
    table = read_gdelt(path)
    assert len(table) == 4
    for col in ("GLOBALEVENTID", "IsRootEvent", "QuadClass", "NumMentions", "DATEADDED"):
        assert pd.api.types.is_integer_dtype(table[col]), col
    for col in ("GoldsteinScale", "ActionGeo_Lat", "ActionGeo_Long", "FractionDate"):
        assert pd.api.types.is_float_dtype(table[col]), col
    assert table["GLOBALEVENTID"].is_unique and (table["GLOBALEVENTID"] > 0).all()
    assert sorted(table["EventCode"]) == ["040", "057", "111", "190"]
    assert table["SOURCEURL"].notna().sum() == 2  # the Reuters and BBC stories have no URL
    talks = table[table["EventCode"] == "040"].iloc[0]
    assert (talks["SQLDATE"], talks["MonthYear"], talks["Year"]) == (20181109, 201811, 2018)
    assert talks["FractionDate"] == pytest.approx(2018 + 312 / 365, abs=1e-4)
    assert (talks["Actor1Code"], talks["Actor1CountryCode"], talks["Actor1Type1Code"]) == (
        "KAZGOV",
        "KAZ",
        "GOV",
    )
    assert talks["Actor2CountryCode"] == "CHN"
    assert (talks["NumMentions"], talks["NumSources"], talks["NumArticles"]) == (2, 2, 2)
    assert (talks["EventBaseCode"], talks["EventRootCode"], talks["QuadClass"]) == (
        "040",
        "04",
        1,
    )
    assert talks["IsRootEvent"] == 1
    # Geography in GDELT's terms: FIPS 10-4 country codes, type 1 country, 4 world city.
    assert (talks["Actor1Geo_Type"], talks["Actor1Geo_CountryCode"]) == (1, "KZ")
    assert talks["Actor1Geo_FullName"] == "Kazakhstan"
    assert (talks["Actor2Geo_Type"], talks["Actor2Geo_CountryCode"]) == (1, "CH")
    assert talks["ActionGeo_Type"] == 4 and talks["ActionGeo_CountryCode"] == "KZ"
    assert talks["ActionGeo_FullName"] == "Astana, Kazakhstan"
    assert talks["ActionGeo_Lat"] == pytest.approx(ASTANA.lat)
    assert talks["DATEADDED"] == 20181110000000  # the article's publication date
    assert talks["SOURCEURL"].startswith("https://")
    for never in ("AvgTone", "Actor1EthnicCode", "Actor1Type2Code", "ActionGeo_ADM2Code"):
        assert table[never].isna().all(), never
    undated = table[table["EventCode"] == "111"].iloc[0]
    assert pd.isna(undated["SQLDATE"]) and pd.isna(undated["Actor2Code"])
    assert pd.isna(undated["Actor2Geo_Type"])
    assert len(filled.gdelt(country="RUS")) == 1


def test_gdelt_ids_are_stable_integers_of_the_event_ids(filled: Store, tmp_path: Path) -> None:
    frame = filled.gdelt()
    events = filled.events()
    assert sorted(frame["GLOBALEVENTID"]) == sorted(stable_int(e) for e in events["event_id"])
    assert all(0 < v < 2**63 for v in frame["GLOBALEVENTID"])
    again = Store(tmp_path / "again.duckdb")
    try:
        again.ingest(list(reversed(filled_docs())))
        assert set(again.gdelt()["GLOBALEVENTID"]) == set(frame["GLOBALEVENTID"])
    finally:
        again.close()


def test_gdelt_header_on_request(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    filled.export_gdelt(path, header=True)
    back = pd.read_csv(path, sep="\t", dtype=GDELT_TEXT, quoting=3)
    assert list(back.columns) == GDELT2_CODEBOOK and len(back) == 4


def test_icews_table(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "icews.tsv"
    assert filled.export_icews(path) == 4
    table = pd.read_csv(path, sep="\t", dtype={"CAMEO Code": str}, quoting=3)
    assert list(table.columns) == ICEWS_HEADER
    for col in ("Event ID", "Story ID", "Sentence Number"):
        assert pd.api.types.is_integer_dtype(table[col]), col
    talks = table[table["CAMEO Code"] == "040"].iloc[0]
    assert talks["Event Date"] == "2018-11-09"
    assert (talks["Source Country"], talks["Target Country"]) == ("Kazakhstan", "China")
    assert talks["Source Sectors"] == "Government"
    assert talks["Intensity"] == pytest.approx(CODEBOOK.cameo("040").goldstein)
    assert (talks["City"], talks["Country"]) == ("Astana", "Kazakhstan")
    assert talks["Publisher"] in ("TCA", "Xinhua")
    assert table["Event ID"].is_unique
    assert set(table["Event ID"]) == set(filled.gdelt()["GLOBALEVENTID"])


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
