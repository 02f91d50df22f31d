"""Reading while another process works: read-only by default, and lock errors that name the
process holding the database and say what to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from builders import Ev, make_doc
from dateline.errors import StoreLockedError
from dateline.store import Store
from holders import holding


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.ingest([make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")])])
    return path


def test_an_existing_store_opens_read_only_and_writes_on_demand(stored: Path) -> None:
    with Store(stored) as store:
        assert store.read_only
        # Another process can read it meanwhile: a writing open would have locked it out.
        other = subprocess.run(
            [sys.executable, "-c", "import duckdb, sys; duckdb.connect(sys.argv[1], "
             "read_only=True).execute('SELECT 1')", str(stored)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert other.returncode == 0, other.stderr
        report = store.ingest([make_doc([Ev("KAZ", "RUS", "111", "2018-11-10")])])
        assert report.stored == 1 and not store.read_only
        assert len(store.events()) == 2


def test_explicit_read_only_never_writes(stored: Path) -> None:
    with Store(stored, read_only=True) as store, pytest.raises(Exception, match="read-only"):
        store.ingest([make_doc([Ev("KAZ", "RUS", "111", "2018-11-10")])])


def test_writing_beside_a_reader_names_the_reader(stored: Path, tmp_path: Path) -> None:
    with holding(stored, "read", tmp_path) as pid, pytest.raises(StoreLockedError) as err:
        Store(stored, read_only=False)
    message = str(err.value)
    assert f"process {pid} (hold_database.py {stored} read)" in message
    assert "open for reading" in message and "--reopen" in message
    assert err.value.pid == pid and not err.value.writer
    assert "ingest still running" not in message


def test_reading_beside_a_writer_names_the_writer(stored: Path, tmp_path: Path) -> None:
    with holding(stored, "write", tmp_path) as pid:
        for read_only in (True, None):
            with pytest.raises(StoreLockedError) as err:
                Store(stored, read_only=read_only)
            assert f"process {pid} (hold_database.py" in str(err.value)
            assert "open for writing" in str(err.value) and err.value.writer
