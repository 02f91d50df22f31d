"""Another process holding an event database open, as ``dateline serve`` or ``dateline
ingest`` would (``from holders import holding``)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# The holder opens the database, says so, and keeps it open until its stdin closes.
_HOLDER = """\
import sys
import duckdb
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "read")
print("ready", flush=True)
sys.stdin.read()
"""


@contextmanager
def holding(db: Path, mode: str, script_dir: Path) -> Iterator[int]:
    """A process with ``db`` open for ``mode`` ("read" or "write"); yields its PID."""
    script = script_dir / "hold_database.py"
    script.write_text(_HOLDER, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        yield proc.pid
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=60)
