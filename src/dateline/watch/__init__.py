"""Keep an event database current: poll RSS/Atom feeds, news sitemaps and folders, fetch
new pages politely, and code them into the store (``dateline watch``).

Public API::

    Watcher(store, WatchConfig([Source("feed", url), ...]))   # .cycle() -> CycleReport
    watch_status(connection)                                  # last cycle, per-source health

The watcher keeps its state in the store's own DuckDB file (tables ``watch_*``, see
``dateline.watch.state``) and stores articles through ``Store.run``, the path of
``dateline ingest``.
"""

from __future__ import annotations

from dateline.watch.fetch import Fetcher, FetchError, FetchSettings
from dateline.watch.sources import FEED, FOLDER, KINDS, SITEMAP, Link, Source
from dateline.watch.state import status as watch_status
from dateline.watch.watcher import (
    DEFAULT_INTERVAL,
    CycleProgress,
    CycleReport,
    WatchConfig,
    Watcher,
    local_engine,
)

__all__ = [
    "DEFAULT_INTERVAL",
    "FEED",
    "FOLDER",
    "KINDS",
    "SITEMAP",
    "CycleProgress",
    "CycleReport",
    "FetchError",
    "FetchSettings",
    "Fetcher",
    "Link",
    "Source",
    "WatchConfig",
    "Watcher",
    "local_engine",
    "watch_status",
]
