"""The event-store commands: ingest, events, event, dyad, actor, export."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import (
    Actor,
    Article,
    Cameo,
    Document,
    Event,
    Plover,
    SentenceRef,
    Span,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
runner = CliRunner()

# (source, target, CAMEO code, root, quad class, Goldstein, PLOVER, date, outlet, sentence)
REPORTS = [
    ("KAZ", "CHN", "040", "04", 1, 1.0, "CONSULT", "2018-11-09", "TCA",
     "Kazakhstan's foreign minister held talks with China's new ambassador in Astana."),
    ("KAZ", "CHN", "040", "04", 1, 1.0, "CONSULT", "2018-11-10", "Xinhua",
     "China's new ambassador held talks with Kazakhstan's foreign minister in Astana."),
    ("KAZ", "CHN", "111", "11", 3, -2.0, "ACCUSE", "2019-02-02", "RFE",
     "Kazakhstan criticised China over the detention of ethnic Kazakhs."),
    ("RUS", "UKR", "190", "19", 4, -10.0, "FIGHT", "2018-11-25", "Reuters",
     "Russia attacked Ukrainian navy ships near the Kerch Strait."),
]  # fmt: skip


def report_doc(src: str, tgt: str, code: str, root: str, quad: int, gold: float,
               plover: str, day: str, outlet: str, text: str) -> Document:  # fmt: skip
    article = Article(body=text, outlet=outlet, published=day, url=f"https://{outlet}.test/a")
    event = Event(
        id="e0",
        sentence=SentenceRef(0, text, 0, len(text)),
        date=day,
        date_precision="day",
        source=Actor(src, 0, 3, code=src + "GOV", country=src, sector="GOV", name=src),
        target=Actor(tgt, 0, 3, code=tgt + "GOV", country=tgt, sector="GOV", name=tgt),
        cameo=Cameo(code, root, quad, gold),
        plover=Plover(plover),
        location=None,
        negated=False,
        hypothetical=False,
        trigger=Span(text.split()[3], 0, 1),
        confidence=0.9,
        rule="test",
    )
    return Document(article=article, events=[event])


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    path = tmp_path / "coded.jsonl"
    path.write_text("".join(report_doc(*r).to_json() + "\n" for r in REPORTS))
    return path


@pytest.fixture
def db(tmp_path: Path, coded: Path) -> Path:
    path = tmp_path / "cli.duckdb"
    res = runner.invoke(app, ["ingest", "--coded", str(coded), "--db", str(path)])
    assert res.exit_code == 0, res.stderr
    return path


def test_ingest_summary_and_idempotent_rerun(coded: Path, db: Path) -> None:
    res = runner.invoke(app, ["ingest", "--coded", str(coded), "--db", str(db)])
    assert res.exit_code == 0
    assert "0 stored, 4 already stored, 0 failed" in res.stderr
    assert "holds 4 articles, 3 events (4 mentions)" in res.stderr


def test_ingest_reports_each_bad_document_and_fails(tmp_path: Path, coded: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(coded.read_text() + "{not json\n" + '{"article": {}}\n')
    res = runner.invoke(
        app, ["ingest", "--coded", str(bad), "--db", str(tmp_path / "b.duckdb"), "--progress",
              "plain", "--batch-size", "2"]
    )  # fmt: skip
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if "not a coded dateline document" in line]
    assert [e.split(": ")[1] for e in errors] == [f"{bad}:5", f"{bad}:6"]
    assert "batch 2 committed: 4 stored" in res.stderr
    assert "4 stored, 0 already stored, 2 failed" in res.stderr


def test_events_formats(db: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["events", "--db", str(db)])
    assert res.exit_code == 0
    assert "3 events" in res.stdout and "KAZGOV" in res.stdout
    res = runner.invoke(app, ["events", "--db", str(db), "--dyad", "KAZ", "CHN", "-f", "csv"])
    frame = pd.read_csv(pd.io.common.StringIO(res.stdout), dtype={"cameo_code": str})
    assert sorted(frame["cameo_code"]) == ["040", "111"]
    assert frame.set_index("cameo_code").loc["040", "num_sources"] == 2
    res = runner.invoke(app, ["events", "--db", str(db), "--mentions", "-f", "jsonl"])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(rows) == 4 and rows[0]["date"] == "2018-11-09"
    out = tmp_path / "e.parquet"
    res = runner.invoke(app, ["events", "--db", str(db), "-f", "parquet", "-o", str(out)])
    assert res.exit_code == 0 and len(pd.read_parquet(out)) == 3
    res = runner.invoke(app, ["events", "--db", str(db), "--quad-class", "4", "-f", "jsonl"])
    assert [json.loads(x)["cameo_code"] for x in res.stdout.splitlines()] == ["190"]


def test_sql_looking_filter_returns_nothing(db: Path) -> None:
    for option in ("--country", "--text", "--actor", "--cameo"):
        res = runner.invoke(
            app, ["events", "--db", str(db), option, "x'; DROP TABLE events; --", "-f", "csv"]
        )
        assert res.exit_code == 0
        assert res.stdout.strip().count("\n") == 0  # the header only
    res = runner.invoke(app, ["events", "--db", str(db), "-f", "csv"])
    assert res.stdout.strip().count("\n") == 3


def test_bad_values_are_usage_errors(db: Path) -> None:
    res = runner.invoke(app, ["events", "--db", str(db), "--start", "soon"])
    assert res.exit_code == 2 and "not a date" in res.stderr
    res = runner.invoke(app, ["dyad", "KAZ", "CHN", "--db", str(db), "--by", "decade"])
    assert res.exit_code == 2


def test_dyad_panel_table_and_csv(db: Path) -> None:
    res = runner.invoke(app, ["dyad", "KAZ", "CHN", "--db", str(db), "--by", "month"])
    assert res.exit_code == 0
    for month in ("2018-11", "2018-12", "2019-01", "2019-02"):
        assert month in res.stdout
    res = runner.invoke(app, ["dyad", "KAZ", "CHN", "--db", str(db), "-f", "csv"])
    panel = pd.read_csv(pd.io.common.StringIO(res.stdout))
    assert panel["period"].tolist() == ["2018-11-01", "2018-12-01", "2019-01-01", "2019-02-01"]
    assert panel["events"].tolist() == [1, 0, 0, 1]
    assert panel["verbal_coop"].tolist() == [1, 0, 0, 0]
    assert panel["mentions"].tolist() == [2, 0, 0, 1]


def test_actor_and_event_commands(db: Path) -> None:
    res = runner.invoke(app, ["actor", "KAZ", "--db", str(db)])
    assert res.exit_code == 0
    assert "CHNGOV" in res.stdout and "2 events" in res.stdout
    res = runner.invoke(app, ["actor", "KAZ", "--db", str(db), "-f", "jsonl"])
    summary = json.loads(res.stdout)
    assert summary["partners"][0]["partner"] == "CHNGOV"
    res = runner.invoke(app, ["events", "--db", str(db), "--cameo", "040", "-f", "jsonl"])
    event_id = json.loads(res.stdout)["event_id"]
    res = runner.invoke(app, ["event", event_id, "--db", str(db), "-f", "jsonl"])
    detail = json.loads(res.stdout)
    assert sorted(m["outlet"] for m in detail["mentions"]) == ["TCA", "Xinhua"]
    res = runner.invoke(app, ["event", "nope", "--db", str(db)])
    assert res.exit_code == 1


def test_exports(db: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["export", "-f", "gdelt", "-o", str(tmp_path / "g.tsv"),
                              "--db", str(db)])  # fmt: skip
    assert res.exit_code == 0, res.stderr
    table = pd.read_csv(tmp_path / "g.tsv", sep="\t", header=None, quoting=3)
    assert table.shape[1] == 61 and len(table) == 3  # the store holds three events
    assert table[60].str.startswith("http").any()  # SOURCEURL last
    res = runner.invoke(app, ["export", "-f", "gdelt", "--header", "-o", str(tmp_path / "h.tsv"),
                              "--db", str(db)])  # fmt: skip
    assert res.exit_code == 0, res.stderr
    headed = pd.read_csv(tmp_path / "h.tsv", sep="\t", quoting=3)
    assert headed.columns[0] == "GLOBALEVENTID" and headed.columns[-1] == "SOURCEURL"
    res = runner.invoke(app, ["export", "-f", "icews", "-o", str(tmp_path / "i.tsv"),
                              "--db", str(db), "--country", "RUS"])  # fmt: skip
    assert res.exit_code == 0, res.stderr
    icews = pd.read_csv(tmp_path / "i.tsv", sep="\t", quoting=3)
    assert list(icews["Source Country"]) == ["Russia"]
    res = runner.invoke(app, ["export", "-f", "plover", "--header", "-o", str(tmp_path / "x"),
                              "--db", str(db)])  # fmt: skip
    assert res.exit_code == 2 and "--header" in res.stderr
    res = runner.invoke(app, ["export", "-f", "plover", "-o", str(tmp_path / "p.jsonl"),
                              "--db", str(db), "--country", "RUS"])  # fmt: skip
    records = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert [r["event"] for r in records] == ["FIGHT"]
    res = runner.invoke(app, ["export", "-f", "parquet", "-o", str(tmp_path / "pq"),
                              "--db", str(db)])  # fmt: skip
    assert res.exit_code == 0
    assert (tmp_path / "pq" / "events" / "year=2018" / "month=11").is_dir()
    res = runner.invoke(app, ["export", "-f", "parquet", "-o", str(tmp_path / "pq"),
                              "--db", str(db)])  # fmt: skip
    assert res.exit_code == 2 and "not empty" in res.stderr


@pytest.mark.parametrize("command", ["ingest", "events", "dyad", "actor", "export", "event"])
def test_help_has_an_example(command: str) -> None:
    res = runner.invoke(app, [command, "--help"])
    assert res.exit_code == 0
    assert "Example" in res.stdout


def test_corrupt_database_is_a_clear_error(tmp_path: Path, coded: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("my notes\n" * 500)
    res = subprocess.run(
        [sys.executable, "-m", "dateline", "ingest", "--coded", str(coded), "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert res.returncode == 2
    assert "dateline: error:" in res.stderr and "not a DuckDB database" in res.stderr
    assert "Traceback" not in res.stderr
    assert path.read_text() == "my notes\n" * 500
    res = subprocess.run(
        [sys.executable, "-m", "dateline", "events", "--db", str(tmp_path / "none.duckdb")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert res.returncode == 2 and "does not exist" in res.stderr


def test_recode_replaces_instead_of_skipping(coded: Path, db: Path) -> None:
    res = runner.invoke(app, ["ingest", "--coded", str(coded), "--db", str(db), "--recode"])
    assert res.exit_code == 0, res.stderr
    assert "4 stored (4 re-coded), 0 already stored" in res.stderr
    assert "holds 4 articles, 3 events (4 mentions)" in res.stderr


def test_recluster_repairs_lost_events(db: Path) -> None:
    from dateline.store import Store

    with Store(db, read_only=False) as store:
        expected = store.table("events")
        store.connection.execute("UPDATE event_mentions SET event_id = NULL")
        store.connection.execute("DELETE FROM events WHERE num_mentions = 1")
    res = runner.invoke(app, ["ingest", "--recluster", "--db", str(db)])
    assert res.exit_code == 0, res.stderr
    assert f"{db} holds 3 events (1 before)" in res.stderr
    with Store(db, read_only=True) as store:
        pd.testing.assert_frame_equal(store.table("events"), expected)


def test_ingest_needs_inputs_or_recluster(db: Path) -> None:
    res = runner.invoke(app, ["ingest", "--db", str(db)])
    assert res.exit_code == 2
    assert "--recluster" in res.stderr


@pytest.mark.parametrize(
    "dates", [["--start", "2026-01-01"], ["--end", "2010-01-01"], ["--start", "1500"],
              ["--start", "2300", "--end", "9999-12-31"], ["--end", "0001-01-01"]],
)  # fmt: skip
def test_dyad_outside_the_data_is_an_empty_panel(db: Path, dates: list[str]) -> None:
    res = runner.invoke(app, ["dyad", "KAZ", "CHN", "--db", str(db), "--by", "day", *dates])
    assert res.exit_code == 0, res.output
    if dates[0] == "--start" and dates[1] == "1500":
        assert "2018-11-09" in res.stdout  # before the data: the whole dyad
    else:
        assert "no dated events" in res.stdout


def test_dyad_reversed_range_is_one_clear_line(db: Path) -> None:
    res = runner.invoke(app, ["dyad", "KAZ", "CHN", "--db", str(db), "--start", "2019",
                              "--end", "2018"])  # fmt: skip
    assert res.exit_code == 2
    assert "start (2019) is after end (2018)" in res.stderr
    assert "NaT" not in res.stderr and "Timestamp" not in res.stderr
