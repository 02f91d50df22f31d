"""Fixtures of the watcher tests: a local news site, a store, and a watcher on both that
codes with the session's pipeline (loaded once)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from dateline.store import Store
from dateline.watch import FetchSettings, Source, WatchConfig, Watcher
from news_site import Site

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


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site().start()
    yield s
    s.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "watch.duckdb")
    yield s
    s.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def engine(pipe: Any) -> Any:
    from dateline.engines import LocalEngine
    from dateline.store.coding import IsolatingCoder

    return LocalEngine(workers=1, pipeline=IsolatingCoder(pipe))


@pytest.fixture
def make_watcher(store: Store, engine: Any, clock: Clock) -> Iterator[Callable[..., Watcher]]:
    made: list[Watcher] = []

    def make(sources: list[Source], **options: Any) -> Watcher:
        w = Watcher(store, WatchConfig(sources, fetch=FAST, **options), engine=engine, now=clock)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


def count(store: Store, sql: str) -> int:
    row = store.connection.execute(sql).fetchone()
    assert row is not None
    return int(row[0])
