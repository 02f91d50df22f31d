"""Every query command over the data of an analyst's first hour: ``dateline ingest
examples/`` (undated events) plus events dated only to a month or a year."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import Store

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

FORMATS = {
    "events": ["table", "csv", "jsonl", "parquet"],
    "dyad": ["table", "csv", "jsonl", "parquet"],
    "actor": ["table", "jsonl"],
    "event": ["table", "jsonl"],
}


def _one_event(db: Path, precision: str) -> str:
    with Store(db, read_only=True) as store:
        frame = store.events()
    return str(frame[frame["date_precision"] == precision]["event_id"].iloc[0])


def _run(args: list[str], db: Path, fmt: str, tmp_path: Path) -> str:
    out = ["-o", str(tmp_path / "out.parquet")] if fmt == "parquet" else []
    res = runner.invoke(app, [*args, "--db", str(db), "--format", fmt, *out])
    assert res.exit_code == 0, res.output
    assert "Traceback" not in res.output
    return res.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["events"],
        ["events", "--mentions"],
        ["events", "--mentions", "--include-negated"],
        ["events", "--dyad", "KAZ", "CHN"],
        ["dyad", "KAZ", "CHN", "--by", "month"],
        ["dyad", "KAZ", "CHN", "--by", "year"],
        ["dyad", "KAZ", "CHN", "--by", "week"],
        ["actor", "KAZ"],
        ["actor", "KGZ"],
    ],
    ids=" ".join,
)
def test_query_commands_run_in_every_format(
    examples_db: Path, tmp_path: Path, args: list[str]
) -> None:
    for fmt in FORMATS[args[0]]:
        _run(args, examples_db, fmt, tmp_path)


@pytest.mark.parametrize("precision", ["none", "month", "year", "day"])
def test_event_shows_any_precision(examples_db: Path, tmp_path: Path, precision: str) -> None:
    event_id = _one_event(examples_db, precision)
    record = json.loads(_run(["event", event_id], examples_db, "jsonl", tmp_path))
    assert record["event_id"] == event_id and record["mentions"]
    table = _run(["event", event_id], examples_db, "table", tmp_path)
    shown = {"none": "undated", "month": "2018-11 ", "year": "2018 ", "day": "-"}[precision]
    assert shown in table.splitlines()[0]


def test_undated_events_are_listed_as_undated_and_null(examples_db: Path, tmp_path: Path) -> None:
    rows = [
        json.loads(line) for line in _run(["events"], examples_db, "jsonl", tmp_path).splitlines()
    ]
    undated = [r for r in rows if r["date_precision"] == "none"]
    assert undated and all(r["date"] is None for r in undated)
    table = _run(["events", "--limit", "500"], examples_db, "table", tmp_path)
    assert table.count("undated") == len(undated)


def test_month_and_year_dates_are_shown_as_what_is_known(examples_db: Path, tmp_path: Path) -> None:
    table = _run(["events", "--dyad", "KAZ", "CHN"], examples_db, "table", tmp_path)
    heads = [line for line in table.splitlines() if "KAZGOV" in line or "CHNGOV" in line]
    assert any(line.startswith("2018-11 ") for line in heads)
    assert any(line.startswith("2018 ") for line in heads)
    assert not any(line.startswith(("2018-11-01", "2018-01-01")) for line in heads)


def test_actor_without_dated_events_says_so(examples_db: Path, tmp_path: Path) -> None:
    table = _run(["actor", "TJK"], examples_db, "table", tmp_path)
    assert "all undated" in table.splitlines()[0]
    record = json.loads(_run(["actor", "TJK"], examples_db, "jsonl", tmp_path))
    assert record["events"] > 0 and record["first_date"] is None


@pytest.mark.parametrize("fmt", ["gdelt", "plover", "parquet"])
def test_exports_hold_every_event(examples_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"export.{fmt}"
    res = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--db", str(examples_db)])
    assert res.exit_code == 0, res.output
    with Store(examples_db, read_only=True) as store:
        n = len(store.events())
    if fmt == "parquet":
        assert len(pd.read_parquet(out / "events")) == n
    else:
        assert len(out.read_text(encoding="utf-8").splitlines()) >= n


def test_event_accepts_the_id_printed_by_code(examples_db: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["code", str(ROOT / "examples" / "border-clash.txt")])
    assert res.exit_code == 0, res.output
    coded = json.loads(res.stdout.splitlines()[0])
    factual = [e for e in coded["events"] if not e["negated"] and not e["hypothetical"]]
    assert factual
    with Store(examples_db, read_only=True) as store:
        mentions = store.events(level="mention")
    for ev in factual:
        record = json.loads(_run(["event", ev["id"]], examples_db, "jsonl", tmp_path))
        # The event is the cluster of the mention the coder named; the mention keeps the id.
        assert ev["id"] in [m["doc_event_id"] for m in record["mentions"]]
        mention = mentions[mentions["doc_event_id"] == ev["id"]].iloc[0]
        assert record["event_id"] == mention["event_id"]
        by_mention = json.loads(
            _run(["event", mention["mention_id"]], examples_db, "jsonl", tmp_path)
        )
        assert by_mention["event_id"] == record["event_id"]


def test_event_explains_a_report_that_is_no_event(examples_db: Path) -> None:
    with Store(examples_db, read_only=True) as store:
        mentions = store.events(level="mention", include_negated=True, include_hypothetical=True)
    unasserted = mentions[mentions["event_id"].isna()]
    assert not unasserted.empty
    res = runner.invoke(
        app, ["event", unasserted["doc_event_id"].iloc[0], "--db", str(examples_db)]
    )
    assert res.exit_code == 1
    assert "negated or hypothetical" in res.stderr


def test_dyad_takes_a_comma_pair_or_two_words(examples_db: Path, tmp_path: Path) -> None:
    comma = _run(["events", "--dyad", "KGZ,TJK"], examples_db, "csv", tmp_path)
    words = _run(["events", "--dyad", "KGZ", "TJK"], examples_db, "csv", tmp_path)
    assert comma == words and comma.count("\n") > 1
    for bad in (["--dyad", "KGZ"], ["--dyad", "KGZ,TJK", "RUS"], ["KGZ"], ["--dyad", "KGZ,"]):
        res = runner.invoke(app, ["events", *bad, "--db", str(examples_db)])
        assert res.exit_code == 2
        words = [w for w in res.stderr.split() if w.strip("│╭╮╰╯─")]
        assert "--dyad KAZ,CHN or --dyad KAZ CHN" in " ".join(words)


def test_published_only_dates_inputs_without_a_date() -> None:
    examples = ROOT / "examples"
    res = runner.invoke(
        app,
        ["code", str(examples / "records.jsonl"), str(examples / "border-clash.txt"),
         str(examples / "almaty-trade-talks.txt"), "--published", "2001-03-05"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    articles = [json.loads(line)["article"] for line in res.stdout.splitlines()]
    by_source = {}
    for art in articles:
        by_source.setdefault(art["published_source"], []).append(art["published"])
    # Records keep their dates; a dateline without a year takes only the year; an input
    # without any date takes the option's.
    assert by_source["record"] and "2001-03-05" not in by_source["record"]
    assert by_source["dateline"] == ["2001-03-04"]
    assert by_source["option"] == ["2001-03-05"]
