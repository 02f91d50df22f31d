"""How long ``/health`` takes while a page with 80,000 attributes on one element is POSTed
to ``dateline serve`` (issue #20): prints one line of JSON. Not a test (nothing is asserted);
``test_api_budget.py`` checks the bound. It uses only the command line and ``Store``, so it
also measures a checkout from before the time budget::

    PYTHONPATH=src .venv/bin/python tests/api/measure_health.py
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from urllib.error import HTTPError
from urllib.request import Request, urlopen

from dateline.store import Store

TOKEN = "measure-token-0123456789abcdef"
ATTRIBUTES = 80_000
POLL_SECONDS = 0.05


def page() -> str:
    attributes = " ".join(f"a{i}" for i in range(ATTRIBUTES))
    text = "The ministers met on Monday to talk about trade and roads. " * 5
    return (
        "<!DOCTYPE html><html><head><title>Talks</title></head><body>"
        f"<div {attributes}><p>{text}</p></div></body></html>"
    )


def main() -> None:
    db = os.path.join(tempfile.mkdtemp(), "events.duckdb")
    Store(db).close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", db, "--port", str(port),
         "--token-env", "MEASURE_TOKEN"],
        env={**os.environ, "MEASURE_TOKEN": TOKEN},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urlopen(f"{base}/health", timeout=5).close()  # noqa: S310 - loopback
                break
            except OSError:
                time.sleep(0.2)
        body = json.dumps({"text": page(), "format": "html"}).encode()
        answer: dict[str, int] = {}

        def post() -> None:
            request = Request(  # noqa: S310 - loopback
                f"{base}/articles",
                data=body,
                headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
            )
            try:
                with urlopen(request, timeout=3600) as response:  # noqa: S310
                    answer["status"] = response.status
            except HTTPError as exc:
                answer["status"] = exc.code

        poster = threading.Thread(target=post)
        start = time.monotonic()
        poster.start()
        latencies: list[float] = []
        while poster.is_alive() or not latencies:
            asked = time.monotonic()
            urlopen(f"{base}/health", timeout=3600).close()  # noqa: S310
            latencies.append(time.monotonic() - asked)
            time.sleep(POLL_SECONDS)
        poster.join()
        figures = {
            "post_seconds": round(time.monotonic() - start, 2),
            "post_status": answer.get("status"),
            "health_requests": len(latencies),
            "health_median_seconds": round(statistics.median(latencies), 4),
            "health_max_seconds": round(max(latencies), 4),
        }
        print(json.dumps(figures))
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
