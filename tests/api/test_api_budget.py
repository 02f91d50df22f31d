"""``POST /articles`` within a time budget, off the server's event loop (issue #20).

A submission is cleaned and coded in a worker process: a costly page or a slow article
must neither stall the server (``/health`` answers meanwhile) nor stop later submissions.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from api_builders import free_port, stop_server, wait_for
from fastapi.testclient import TestClient

from builders import many_attributes_page
from dateline.api import create_app
from dateline.api import write as write_api
from dateline.api.write import MIN_TOKEN_CHARS, WeakToken
from dateline.model import Article, Document

TOKEN = "budget-test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# The one timing the issue asks for: /health answers within this while a page is coded.
HEALTH_BOUND_SECONDS = 1.0
START_TIMEOUT = 120
SLOW = "Slowpoke"  # an article with this word takes the fake coder a minute
STUCK = "Stuckpoke"  # ... and with this one, a minute in which the budget's signal waits

TEXT = (
    "Kazakhstan and Russia signed a grain transit agreement in Astana on Monday, the two "
    "governments said, after talks between their agriculture ministers."
)


def spinning_coder(article: Article) -> Document:
    """A stand-in coder (importable by the worker process): instant, except for articles
    naming SLOW (busy Python code) or STUCK (busy with the alarm signal blocked, as inside
    one long call into C code)."""
    if SLOW in article.body or STUCK in article.body:
        if STUCK in article.body:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        end = time.monotonic() + 60
        while time.monotonic() < end:
            pass
    return Document(article=article)


@pytest.fixture
def budgeted(synthetic_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    db = tmp_path / "writable.duckdb"
    shutil.copy(synthetic_db, db)
    app = create_app(db, write_token=TOKEN, coder=spinning_coder, time_budget=1.0)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_an_article_over_the_budget_is_refused_and_the_next_one_is_coded(
    budgeted: TestClient,
) -> None:
    slow = budgeted.post("/articles", json={"text": f"{TEXT} {SLOW} was there."}, headers=AUTH)
    assert slow.status_code == 422, slow.text
    assert "time budget of 1 s per document" in slow.json()["detail"]
    before = budgeted.get("/health").json()["counts"]["articles"]
    fine = budgeted.post("/articles", json={"text": TEXT}, headers=AUTH)
    assert fine.status_code == 201, fine.text
    assert budgeted.get("/health").json()["counts"]["articles"] == before + 1


def test_a_worker_that_ignores_the_budget_is_replaced(
    budgeted: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write_api, "HARD_GRACE_SECONDS", 1.0)
    stuck = budgeted.post("/articles", json={"text": f"{TEXT} {STUCK} was there."}, headers=AUTH)
    assert stuck.status_code == 422, stuck.text
    assert "time budget" in stuck.json()["detail"]
    fine = budgeted.post("/articles", json={"text": TEXT}, headers=AUTH)
    assert fine.status_code == 201, fine.text


def test_a_short_write_token_is_refused_at_start(synthetic_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "writable.duckdb"
    shutil.copy(synthetic_db, db)
    with pytest.raises(WeakToken, match=f"fewer than the {MIN_TOKEN_CHARS} required"):
        create_app(db, write_token="x" * (MIN_TOKEN_CHARS - 1))
    env = {**os.environ, "DATELINE_TEST_SHORT_TOKEN": "hunter2"}
    result = subprocess.run(
        [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", "1",
         "--token-env", "DATELINE_TEST_SHORT_TOKEN"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"dateline: error: the write token has 7 characters, fewer than the {MIN_TOKEN_CHARS} "
        "required: use a long random secret (e.g. `openssl rand -hex 32`)"
    ]


@pytest.fixture
def served(synthetic_db: Path, tmp_path: Path) -> Iterator[str]:
    """A real `dateline serve` with writes enabled and the full pipeline."""
    db = tmp_path / "events.duckdb"
    shutil.copy(synthetic_db, db)
    port = free_port()
    env = {**os.environ, "DATELINE_TEST_TOKEN": TOKEN}
    with open(tmp_path / "server.log", "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port),
             "--token-env", "DATELINE_TEST_TOKEN"],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/health", proc, START_TIMEOUT)
        yield base
    finally:
        stop_server(proc)


def test_health_answers_while_an_80k_attribute_page_is_posted(served: str) -> None:
    """The probe's page: the server answers /health within a second all along (the first
    submission also starts the coding process and loads the pipeline, so the POST takes
    seconds), and the page is refused with a reason naming the bound. The figures are
    printed as JSON (``pytest -s``)."""
    body = json.dumps({"text": many_attributes_page(80_000), "format": "html"}).encode()
    answer: dict[str, Any] = {}

    def post() -> None:
        request = Request(  # noqa: S310 - loopback URL we built
            f"{served}/articles",
            data=body,
            headers={**AUTH, "Content-Type": "application/json"},
        )
        try:
            with urlopen(request, timeout=300) as response:  # noqa: S310
                answer["status"], answer["body"] = response.status, response.read()
        except HTTPError as exc:
            answer["status"], answer["body"] = exc.code, exc.read()

    poster = threading.Thread(target=post)
    posted = time.monotonic()
    poster.start()
    latencies = []
    while poster.is_alive() or not latencies:
        start = time.monotonic()
        with urlopen(f"{served}/health", timeout=30) as response:  # noqa: S310
            assert response.status == 200
        latencies.append(time.monotonic() - start)
        time.sleep(0.05)
    poster.join()
    figures = {
        "post_seconds": round(time.monotonic() - posted, 2),
        "post_status": answer["status"],
        "health_requests": len(latencies),
        "health_median_seconds": round(statistics.median(latencies), 4),
        "health_max_seconds": round(max(latencies), 4),
    }
    print("HEALTH-JSON", json.dumps(figures))  # shown with pytest -s
    assert max(latencies) < HEALTH_BOUND_SECONDS, latencies
    assert answer["status"] == 400, answer
    detail = json.loads(answer["body"])["detail"]
    assert "80,000 attributes on one element" in detail and "MAX_ELEMENT_ATTRIBUTES" in detail


def test_queued_submissions_leave_the_read_threads_free(synthetic_db: Path, tmp_path: Path) -> None:
    """More slow submissions than the server has threads for reads: they wait for the
    coding process without holding those threads, so /health answers all along."""
    import uvicorn

    db = tmp_path / "writable.duckdb"
    shutil.copy(synthetic_db, db)
    app = create_app(db, write_token=TOKEN, coder=spinning_coder, time_budget=0.5, worker_threads=2)
    server = uvicorn.Server(uvicorn.Config(app, port=free_port(), log_level="warning"))
    serving = threading.Thread(target=server.run)
    serving.start()
    try:
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{server.config.port}"
        body = json.dumps({"text": f"{TEXT} {SLOW} was there."}).encode()
        statuses: list[int] = []

        def post() -> None:
            request = Request(  # noqa: S310 - loopback URL we built
                f"{base}/articles", data=body, headers={**AUTH, "Content-Type": "application/json"}
            )
            try:
                urlopen(request, timeout=300).close()  # noqa: S310
            except HTTPError as exc:
                statuses.append(exc.code)

        posters = [threading.Thread(target=post) for _ in range(4)]
        for poster in posters:
            poster.start()
        latencies = []
        while any(p.is_alive() for p in posters) or not latencies:
            start = time.monotonic()
            urlopen(f"{base}/health", timeout=60).close()  # noqa: S310
            latencies.append(time.monotonic() - start)
            time.sleep(0.05)
        assert statuses == [422] * 4
        assert max(latencies) < HEALTH_BOUND_SECONDS, latencies
    finally:
        server.should_exit = True
        serving.join(timeout=60)
