"""Which process holds an event database, for lock errors that name it and say what to do.

DuckDB lets one process open a database file for writing, or any number of processes open
it read-only, never both at once (https://duckdb.org/docs/connect/concurrency). When the
lock is taken, its error names the holder's executable and PID, and adds a hint about
read-only mode when the holder only reads; ``lock_error`` turns that into one line naming
the holder's command line and the fix.
"""

from __future__ import annotations

import re
from pathlib import Path

from dateline.errors import StoreLockedError

_HOLDER = re.compile(r"lock is held in (?P<exe>.*?) \(PID (?P<pid>\d+)\)")
# DuckDB adds this hint only when the holder opened the file read-only.
_READER_HINT = "read-only mode"
# Longest command line quoted in a message.
MAX_COMMAND_CHARS = 100


def process_command(pid: int) -> str | None:
    """The command line of process ``pid`` ("dateline serve --db x.duckdb"), if visible.

    Read from /proc (Linux); None elsewhere or when the process is gone. The interpreter of
    a Python program is left out, and the program is named without its directory.
    """
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    args = [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]
    if len(args) > 1 and Path(args[0]).name.startswith("python"):
        args = args[1:] if args[1] != "-m" else args[2:]
    if not args:
        return None
    args[0] = Path(args[0]).name
    text = " ".join(args)
    return text if len(text) <= MAX_COMMAND_CHARS else text[: MAX_COMMAND_CHARS - 1] + "…"


def lock_error(path: str, message: str, *, read_only: bool) -> StoreLockedError:
    """The error for DuckDB's lock ``message`` met while opening ``path``."""
    match = _HOLDER.search(message)
    pid = int(match["pid"]) if match else None
    # A read-only open fails only against a writer; a writing open against either.
    writer = read_only or _READER_HINT not in message
    holder = "another process"
    if match is not None:
        command = process_command(int(match["pid"])) or Path(match["exe"]).name
        holder = f"process {match['pid']} ({command})"
    rule = "DuckDB lets one process write a database or many read it, never both at once"
    if writer:
        text = (
            f"{path} is open for writing by {holder}; {rule}: wait for it to finish (or stop "
            "it), then retry"
        )
    else:
        text = (
            f"{path} is open for reading by {holder}; {rule}: stop it to write, then restart "
            "it (`dateline serve --reopen` holds the file only while it answers a request)"
        )
    return StoreLockedError(text, pid=pid, writer=writer)
