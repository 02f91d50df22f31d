"""A load test of ``dateline serve`` on loopback: wrk, ``CONNECTIONS`` concurrent connections
for ``SECONDS`` seconds over a mix of read endpoints. Every request must succeed: no socket
errors, no timeouts (a generous per-request limit: this is about failures, not speed), no
non-2xx answer, and the server must log no traceback.

The figures (requests/s, latency percentiles) are printed as JSON (``pytest -s``); nothing
is asserted about them. Needs wrk (Debian package ``wrk``); skips without it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.request import urlopen

import pytest
from api_builders import free_port, stop_server, wait_for

CONNECTIONS = 50
SECONDS = 10
THREADS = 2  # wrk threads: one per core of the test machine
# A request slower than this counts as an error (wrk's default, 2 s, measures the machine).
REQUEST_TIMEOUT = "30s"
START_TIMEOUT = 120  # seconds for the server to answer /health

WRK_SCRIPT = """
local paths = {PATHS}
local i = 0
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  non2xx = 0
  i = id
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local non = 0
  for _, thread in ipairs(threads) do
    non = non + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK-JSON {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, '
    .. '"status": %d, "timeout": %d, "non2xx": %d, "p50_us": %d, "p90_us": %d, '
    .. '"p99_us": %d, "max_us": %d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    non, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


@pytest.fixture
def server(synthetic_db: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "events.duckdb"
    shutil.copy(synthetic_db, db)
    port = free_port()
    log = tmp_path / "server.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/health", proc, START_TIMEOUT)
        yield base, log
    finally:
        stop_server(proc)


def _paths(base: str) -> list[str]:
    with urlopen(f"{base}/events?limit=2", timeout=30) as response:  # noqa: S310
        event_id = json.load(response)["items"][0]["event_id"]
    return [
        "/health",
        "/events?limit=100",
        "/events?dyad=KAZ,CHN&limit=50",
        "/events?country=RUS&start=2018-01&end=2018-12&min_confidence=0.5",
        "/events?level=mention&text=talks&limit=20",
        f"/events/{event_id}",
        "/dyads/KAZ/CHN/timeseries?by=month",
        "/dyads/RUS/UKR/event-types",
        "/actors/KAZ",
        "/countries",
    ]


@pytest.mark.skipif(
    shutil.which("wrk") is None, reason="wrk is not installed (apt-get install wrk)"
)
def test_fifty_connections_for_ten_seconds_without_a_single_error(
    server: tuple[str, Path], tmp_path: Path
) -> None:
    base, log = server
    paths = _paths(base)
    script = tmp_path / "mix.lua"
    lua_paths = "{" + ", ".join(json.dumps(p) for p in paths) + "}"
    script.write_text(WRK_SCRIPT.replace("{PATHS}", lua_paths))
    result = subprocess.run(
        [
            "wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            f"--timeout={REQUEST_TIMEOUT}",
            "-s",
            str(script),
            base + "/",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=SECONDS + 120,
        check=True,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("WRK-JSON "))
    stats = json.loads(line.removeprefix("WRK-JSON "))
    errors = sum(stats[k] for k in ("connect", "read", "write", "timeout"))
    figures = {
        "connections": CONNECTIONS,
        "seconds": SECONDS,
        "requests": stats["requests"],
        "requests_per_s": round(stats["requests"] / (stats["duration_us"] / 1e6), 1),
        "errors": errors,
        "non_2xx": stats["non2xx"],
        "error_rate": round((errors + stats["non2xx"]) / max(1, stats["requests"]), 6),
        "latency_ms": {k: round(stats[f"{k}_us"] / 1000, 1) for k in ("p50", "p90", "p99", "max")},
        "cpus": os.cpu_count(),
    }
    print(json.dumps(figures))
    assert stats["requests"] > 0
    assert errors == 0, (figures, result.stdout)
    assert stats["non2xx"] == 0 and stats["status"] == 0, figures
    served = log.read_text(errors="replace")
    assert "Traceback" not in served and " 500 " not in served, served[-3000:]
