"""``GET /status``, and the server watching feeds while it serves the same database."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from news_site import Page, Site, day, example_pages, rss


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site().start()
    yield s
    s.stop()


def test_status_of_a_database_never_watched(synthetic_db: Path) -> None:
    with TestClient(create_app(synthetic_db)) as client:
        body = client.get("/status").json()
    assert body["last_cycle"] is None and body["sources"] == [] and body["watching"] is False
    assert body["counts"]["articles"] > 0 and body["last_updated"] is not None
    # Without a watcher, the latest events are the latest by date.
    dates = [e["date"] for e in body["latest_events"] if e["date"] is not None]
    assert dates and dates == sorted(dates, reverse=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_cycle(base: str, proc: subprocess.Popen[str], deadline: float) -> dict[str, Any]:
    """Ask /status until the watcher's first cycle is recorded (the server loads, then
    the pipeline codes the articles)."""
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the server exited"
        try:
            body: dict[str, Any] = httpx.get(base + "/status", timeout=5).json()
        except httpx.HTTPError:
            body = {}
        if body.get("last_cycle"):
            return body
        time.sleep(0.5)  # polling for a state, not timing it
    raise AssertionError("no watch cycle recorded in time")


def test_serve_watches_feeds_and_serves_the_same_database(site: Site, tmp_path: Path) -> None:
    pages = example_pages()
    for path, body in pages.items():
        site.routes[path] = Page(body)
    paths = list(pages)[:2]
    site.routes["/feed.xml"] = Page(
        rss(site.base, [(p, f"Story {i}", day(2026, 3, i + 1)) for i, p in enumerate(paths)])
    )
    port = _free_port()
    db = tmp_path / "live.duckdb"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dateline",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--feed",
            site.base + "/feed.xml",
            "--interval",
            "60",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        status = _wait_for_cycle(base, proc, time.monotonic() + 240)
        assert status["watching"] is True
        assert status["last_cycle"]["new_articles"] == 2
        assert status["counts"]["articles"] == 2
        [source] = status["sources"]
        assert source["healthy"] is True and source["articles"] == 2
        assert {e["url"] for e in status["latest_events"]} <= {site.base + p for p in paths}
        assert status["latest_events"]
        # The dashboard and the API read what the watcher wrote, from the same process.
        assert httpx.get(base + "/", timeout=5).status_code == 200
        events = httpx.get(base + "/events", params={"limit": 100}, timeout=5).json()
        assert len(events["items"]) == status["counts"]["events"]
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    lines = [x for x in err.splitlines() if x.startswith("dateline: watch:")]
    assert len(lines) == 1 and "2 new articles" in lines[0], json.dumps(err[-2000:])
