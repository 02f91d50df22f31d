"""The event store under crashes and bad files.

- ``dateline ingest`` killed with SIGKILL at random points, several times over, with a
  different batch size each time, then resumed: the store ends with exactly the rows of one
  clean run; and after every kill the store holds exactly what a clean ingest of the
  articles it holds would (whole batches, dedup consistent).
- A file that is not a dateline store, or a damaged one, gives one clear line on stderr and
  a non-zero exit, and is left byte for byte as it was; nothing is fetched from the network.

The kill points are random: the seed is printed and ``DATELINE_CRASH_SEED=N`` replays a run.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from reliability_docs import coded_corpus

from dateline.model import Document
from dateline.store import Store
from dateline.store.schema import CONTENT_TABLES

N_DOCS = 500
KILLS = 5
CLI_TIMEOUT = 300  # seconds; a hang guard, not a speed requirement


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "dateline", *args]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cli(*args), capture_output=True, text=True, timeout=CLI_TIMEOUT, check=False
    )


def content(path: Path) -> dict[str, list[tuple[str, ...]]]:
    """Every content table's rows in primary-key order (the run log left out)."""
    with Store(path) as store:
        return {
            table: [tuple(map(repr, row)) for row in store.table(table).itertuples(index=False)]
            for table in CONTENT_TABLES
        }


def clean_store(path: Path, docs: list[Document]) -> dict[str, list[tuple[str, ...]]]:
    with Store(path) as store:
        store.ingest(docs, batch_size=50)
    return content(path)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _kill_at_random_point(args: list[str], rng: random.Random, full_run: float) -> str:
    """Start the command and SIGKILL it at a random point: after a random delay, or just
    after a random one of its commits. Returns how it was stopped."""
    proc = subprocess.Popen(
        args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, bufsize=1
    )
    assert proc.stderr is not None
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)
        lines.put(None)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    if rng.random() < 0.5:
        delay = rng.uniform(0.0, full_run)
        how = f"after {delay:.2f}s"
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.01)
    else:
        commits = rng.randint(1, 6)
        extra = rng.uniform(0.0, 0.05)
        how = f"{extra * 1000:.0f}ms after commit {commits}"
        seen = 0
        while seen < commits:
            try:
                line = lines.get(timeout=CLI_TIMEOUT)
            except queue.Empty:
                break
            if line is None:
                break
            seen += "committed" in line
        time.sleep(extra)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        if proc.returncode != -signal.SIGKILL:
            # It ended on its own between the poll and the kill (the signal then reaches an
            # exited process): a clean finish, which must have succeeded.
            assert proc.returncode == 0, proc.returncode
            how += " (it had finished)"
    else:
        how += " (it had finished)"
    reader.join(timeout=30)
    return how


def test_sigkill_at_random_points_then_resume_equals_clean_run(tmp_path: Path) -> None:
    seed = int(os.environ.get("DATELINE_CRASH_SEED", time.time_ns() % 2**31))
    rng = random.Random(seed)
    print(f"DATELINE_CRASH_SEED={seed}")
    docs = coded_corpus(N_DOCS, seed=5)
    by_id = {d.article.id: d for d in docs}
    coded = tmp_path / "coded.jsonl"
    coded.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")

    # The reference: one uninterrupted CLI run (also times a full run, to pick kill points).
    started = time.monotonic()
    done = run_cli("ingest", "--coded", str(coded), "--db", str(tmp_path / "clean.duckdb"))
    full_run = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    expected = content(tmp_path / "clean.duckdb")
    assert len(expected["articles"]) == N_DOCS and expected["events"]

    crash = tmp_path / "crash.duckdb"
    history = []
    for attempt in range(KILLS):
        batch = rng.choice([1, 2, 7, 20, 50, 64, 200])
        args = cli(
            "ingest", "--coded", str(coded), "--db", str(crash),
            "--batch-size", str(batch), "--progress", "plain",
        )  # fmt: skip
        how = _kill_at_random_point(args, rng, full_run)
        history.append(f"run {attempt}: batch {batch}, killed {how}")
        if not crash.exists():
            continue  # killed before the database was created
        # Whatever the kill point, the store is consistent: exactly what a clean ingest of
        # the articles it holds gives (nothing half-written, dedup up to date).
        got = content(crash)
        with Store(crash) as store:
            held = [by_id[a] for a in store.table("articles")["article_id"]]
        assert got == clean_store(tmp_path / f"subset{attempt}.duckdb", held), (seed, history)

    resumed = run_cli("ingest", "--coded", str(coded), "--db", str(crash), "--batch-size", "33")
    assert resumed.returncode == 0, (seed, history, resumed.stderr)
    assert content(crash) == expected, (seed, history)
    with Store(crash) as store:
        runs = store.runs()
    assert runs["status"].iloc[-1] == "ok"
    print("\n".join(history))


# --- foreign and damaged database files ----------------------------------------------------


def _store_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.duckdb"
    with Store(path) as store:
        store.ingest(coded_corpus(300, seed=9), batch_size=100)
    return path


def make_random(tmp_path: Path) -> Path:
    path = tmp_path / "random.duckdb"
    path.write_bytes(random.Random(3).randbytes(1 << 20))
    return path


def make_text(tmp_path: Path) -> Path:
    path = tmp_path / "notes.duckdb"
    path.write_text("my notes, not a database\n" * 500)
    return path


def make_other_duckdb(tmp_path: Path) -> Path:
    path = tmp_path / "customers.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (id INTEGER, name VARCHAR)")
    con.execute("INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')")
    con.close()
    return path


def make_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "events.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)")
    con.execute("INSERT INTO events (what) VALUES ('meeting')")
    con.commit()
    con.close()
    return path


def make_bad_header(tmp_path: Path) -> Path:
    path = _store_file(tmp_path)
    data = bytearray(path.read_bytes())
    data[:4096] = random.Random(4).randbytes(4096)
    path.write_bytes(bytes(data))
    return path


def make_scrambled(tmp_path: Path) -> Path:
    """A dateline store whose every block after the file headers is garbled."""
    path = _store_file(tmp_path)
    data = bytearray(path.read_bytes())
    for i in range(3 * 4096, len(data)):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def make_truncated(tmp_path: Path) -> Path:
    path = _store_file(tmp_path)
    data = path.read_bytes()
    # A quarter is kept: the events table that export reads lies beyond it. (Cut at half,
    # the events of this corpus are all still there and export is rightly complete.)
    path.write_bytes(data[: len(data) // 4])
    return path


FOREIGN = [make_random, make_text, make_other_duckdb, make_sqlite, make_bad_header]
DAMAGED = [make_scrambled, make_truncated]
COMMANDS = {
    "ingest": ["ingest", "--coded", "CODED", "--progress", "none"],
    "events": ["events", "--format", "csv", "--limit", "100000"],
    "export": ["export", "--format", "gdelt", "-o", "OUT"],
    "dyad": ["dyad", "KAZ", "CHN"],
}


def _command(name: str, db: Path, tmp_path: Path) -> list[str]:
    coded = tmp_path / "coded.jsonl"
    if not coded.exists():
        coded.write_text("".join(d.to_json() + "\n" for d in coded_corpus(20, seed=1)))
    args = [str(coded) if a == "CODED" else str(tmp_path / "out.tsv") if a == "OUT" else a
            for a in COMMANDS[name]]  # fmt: skip
    return [*args, "--db", str(db)]


def _assert_one_clear_line(result: subprocess.CompletedProcess[str]) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert len(lines) == 1 and lines[0].startswith("dateline: error: "), result.stderr
    assert "Traceback" not in result.stderr


# Writing (ingest) and reading (events: export and dyad open the store the same way).
@pytest.mark.parametrize("command", ["ingest", "events"])
@pytest.mark.parametrize("make", FOREIGN, ids=lambda f: f.__name__.removeprefix("make_"))
def test_foreign_file_is_refused_in_one_line_and_left_untouched(
    tmp_path: Path, make: object, command: str
) -> None:
    db = make(tmp_path)  # type: ignore[operator]
    before = sha256(db)
    result = run_cli(*_command(command, db, tmp_path))
    _assert_one_clear_line(result)
    assert str(db) in result.stderr and "another --db path" in result.stderr
    assert sha256(db) == before
    assert not Path(f"{db}.wal").exists()


@pytest.mark.parametrize("make", DAMAGED, ids=lambda f: f.__name__.removeprefix("make_"))
def test_damaged_store_is_reported_in_one_line_never_silently(tmp_path: Path, make: object) -> None:
    db = make(tmp_path)  # type: ignore[operator]
    before = sha256(db)
    # export reads every event: the damage must surface as an error, not as fewer rows.
    result = run_cli(*_command("export", db, tmp_path))
    _assert_one_clear_line(result)
    assert "damaged" in result.stderr or "not a DuckDB database" in result.stderr
    assert sha256(db) == before
    ingest = run_cli(*_command("ingest", db, tmp_path))
    _assert_one_clear_line(ingest)


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_opening_an_sqlite_file_fetches_nothing(tmp_path: Path) -> None:
    """DuckDB, handed an SQLite file, would download its sqlite extension; dateline turns
    extension auto-install and auto-load off, so no connection is even attempted."""
    db = make_sqlite(tmp_path)
    log = tmp_path / "strace.log"
    result = subprocess.run(
        ["strace", "-f", "-e", "trace=connect", "-o", str(log), *cli("events", "--db", str(db))],
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT,
        check=False,
    )
    _assert_one_clear_line(result)
    connects = [ln for ln in log.read_text().splitlines() if "AF_INET" in ln]
    assert connects == []


# --- bad coded input ---------------------------------------------------------------------


def test_bad_lines_of_coded_input_are_errors_and_the_rest_is_stored(tmp_path: Path) -> None:
    """`ingest --coded`: a line that is not UTF-8 or not JSON, and a .gz cut short, are
    per-line errors; every good line before and after is stored."""
    docs = coded_corpus(6, seed=2)
    lines = [d.to_json().encode() + b"\n" for d in docs]
    coded = tmp_path / "coded.jsonl"
    coded.write_bytes(b"".join(lines[:2]) + b'{"article": "\xff\xfe"}\n' + b"{not json\n"
                      + b"".join(lines[2:4]))  # fmt: skip
    cut = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress(b"".join(lines[4:]) * 50, mtime=0)
    cut.write_bytes(whole[: len(whole) // 2])
    db = tmp_path / "events.duckdb"
    result = run_cli("ingest", "--coded", str(coded), str(cut), "--db", str(db))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [e for e in result.stderr.splitlines() if not e.startswith("dateline: ingest:")]
    assert [e.split(": ")[1] for e in errors] == [f"{coded}:3", f"{coded}:4", str(cut)]
    with Store(db) as store:
        stored = set(store.table("articles")["article_id"])
    assert {d.article.id for d in docs} == stored  # docs 4-5 came before the cut
