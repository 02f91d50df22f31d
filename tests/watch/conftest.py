"""Fixtures of the watcher tests: a local news site, a store, and a watcher on both that
codes with the session's pipeline (loaded once)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from watch_helpers import FAST, Clock

from dateline.store import Store
from dateline.watch import Source, WatchConfig, Watcher
from news_site import Site


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

    return LocalEngine(workers=1, pipeline=pipe)


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
