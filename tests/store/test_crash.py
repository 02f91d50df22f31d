"""A real kill: `dateline ingest` killed with SIGKILL mid-run, then re-run, must end with
exactly the rows of a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from store_builders import content

from builders import synthetic_corpus
from dateline.store import Store

N_DOCS = 300
BATCH = 20


def run_cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dateline", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def test_sigkill_mid_ingest_then_resume_equals_clean_run(tmp_path: Path) -> None:
    docs = synthetic_corpus(N_DOCS)
    coded = tmp_path / "coded.jsonl"
    lines = [doc.to_json() + "\n" for doc in docs]
    coded.write_text("".join(lines), encoding="utf-8")

    clean_db = tmp_path / "clean.duckdb"
    done = run_cli("ingest", "--coded", str(coded), "--db", str(clean_db), "--batch-size", "50")
    assert done.returncode == 0, done.stderr

    crash_db = tmp_path / "crash.duckdb"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dateline",
            "ingest",
            "--coded",
            "-",
            "--db",
            str(crash_db),
            "--batch-size",
            str(BATCH),
            "--progress",
            "plain",
        ],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdin is not None and proc.stderr is not None

    def feed() -> None:
        # Most of the input, never closed: the process cannot finish before it is killed.
        try:
            for line in lines[: N_DOCS * 2 // 3]:
                proc.stdin.write(line)  # type: ignore[union-attr]
            proc.stdin.flush()  # type: ignore[union-attr]
        except (BrokenPipeError, OSError):
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if "batch 3 committed" in line:
            break
    assert any("batch 3 committed" in s for s in seen), "".join(seen)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    feeder.join(timeout=10)

    with Store(crash_db) as store:
        partial = store.counts()["articles"]
        runs = store.runs()
    print(f"killed after {partial} of {N_DOCS} articles were committed")
    assert BATCH * 3 <= partial < N_DOCS  # killed mid-run, after three commits
    assert partial % BATCH == 0  # only whole batches were kept
    assert list(runs["status"]) == ["running"]  # the killed run is visible in the log

    resumed = run_cli("ingest", "--coded", str(coded), "--db", str(crash_db), "--batch-size", "30")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{N_DOCS - partial} stored, {partial} already stored" in resumed.stderr

    with Store(crash_db) as store:
        runs = store.runs()
    # Opening the store for writing marked the killed run: it never finished.
    assert list(runs["status"]) == ["interrupted", "ok"], runs
    assert runs["finished_at"].notna().all()

    with Store(clean_db) as clean, Store(crash_db) as store:
        expected = content(clean)
        got = content(store)
        for table in expected:
            assert got[table] == expected[table], table
        assert len(expected["events"]) > 0
        assert sum(len(d.events) for d in docs) == len(expected["event_mentions"])
    # the coded input round-trips: the first document as stored is the one written
    assert json.loads(lines[0])["article"]["id"] == docs[0].article.id
