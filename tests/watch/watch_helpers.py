"""Helpers of the watcher tests: fast fetch settings, a hand-moved clock, a count."""

from __future__ import annotations

from datetime import datetime, timedelta

from dateline.store import Store
from dateline.watch import FetchSettings

# Short enough to keep the tests fast, long enough for a loaded machine to answer.
FAST = FetchSettings(
    connect_timeout=2.0,
    read_timeout=0.5,
    total_timeout=10.0,
    per_host_rate=0.0,
    max_bytes=200_000,
    max_redirects=3,
)


class Clock:
    """A clock the test moves by hand (back-off is measured with it)."""

    def __init__(self) -> None:
        self.t = datetime(2026, 1, 1, 12, 0, 0)

    def __call__(self) -> datetime:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)


def count(store: Store, sql: str) -> int:
    row = store.connection.execute(sql).fetchone()
    assert row is not None
    return int(row[0])
