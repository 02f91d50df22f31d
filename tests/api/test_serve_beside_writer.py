"""A server beside a writer: with ``reopen`` it holds the database only while it answers, so
an ingest can write between requests; while one writes, requests get 503 naming it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from builders import Ev, make_doc
from dateline.api import create_app
from dateline.store import Store
from holders import holding


def _store(path: Path) -> Path:
    with Store(path) as store:
        store.ingest([make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")])])
    return path


def _ingest_elsewhere(db: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    coded = tmp_path / "more.jsonl"
    coded.write_text(make_doc([Ev("KAZ", "RUS", "111", "2018-11-10")]).to_json() + "\n")
    return subprocess.run(
        [sys.executable, "-m", "dateline", "ingest", "--coded", str(coded), "--db", str(db)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_reopening_server_lets_an_ingest_write(tmp_path: Path) -> None:
    db = _store(tmp_path / "events.duckdb")
    with TestClient(create_app(db, reopen=True), raise_server_exceptions=False) as client:
        assert client.get("/health").json()["counts"]["events"] == 1
        done = _ingest_elsewhere(db, tmp_path)
        assert done.returncode == 0, done.stderr
        assert client.get("/health").json()["counts"]["events"] == 2


def test_holding_server_keeps_the_writer_out_and_names_itself(tmp_path: Path) -> None:
    db = _store(tmp_path / "events.duckdb")
    with TestClient(create_app(db), raise_server_exceptions=False):
        # This test process holds the database, as `dateline serve` without --reopen does.
        refused = _ingest_elsewhere(db, tmp_path)
    assert refused.returncode == 2
    assert "Traceback" not in refused.stderr
    line = refused.stderr.strip().splitlines()[-1]
    assert "open for reading by process" in line and "--reopen" in line


def test_reopening_server_answers_503_while_another_process_writes(tmp_path: Path) -> None:
    db = _store(tmp_path / "events.duckdb")
    with TestClient(create_app(db, reopen=True), raise_server_exceptions=False) as client:
        with holding(db, "write", tmp_path) as pid:
            busy = client.get("/events")
            assert busy.status_code == 503
            assert busy.headers["retry-after"].isdigit()
            assert f"process {pid}" in busy.json()["detail"]
        assert client.get("/events").status_code == 200
