"""Security of the web service, beyond the per-endpoint tests of ``test_api_security.py``:

- every parameter of every GET endpoint (read from the OpenAPI schema, so new ones are
  covered automatically) is bounded and refuses bad values with a 4xx, never a 500 or a
  traceback;
- user values reach DuckDB as bound parameters, never formatted into SQL text (a spy on
  the request cursors records every statement);
- a real ``dateline serve`` on loopback: malformed HTTP, huge headers and URLs, path
  traversal, foreign Host headers, methods it does not serve, bodies over the limit; read
  only by default (the database file is byte-for-byte unchanged); the write endpoint refused
  without its token; no traceback in any response or in the server's log.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from api_builders import get_routes, stop_server, valid_path_values
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.api import db as dbq

BAD_VALUES = [
    "", " ", "x" * 5000, "' OR '1'='1", "1; DROP TABLE events; --", "\x00", "../../etc/passwd",
    "<script>alert(1)</script>", "NaN", "inf", "-1", "1e309", "9" * 400, "😀", "\u202e",
    "null", "[]", "maybe", "2018-02-30", "9999-99-99", "KAZ,CHN,RUS", "%00", "a\nb",
]  # fmt: skip
# What a refused or harmless request may answer; never a 5xx.
ALLOWED = {200, 400, 404, 413, 414, 422}
MARK = "zqxsql"  # a string that no statement dateline writes contains


def assert_no_trace(text: str) -> None:
    assert "Traceback" not in text and 'File "' not in text, text[:500]


# --- every parameter, from the OpenAPI schema --------------------------------------------


def test_every_parameter_is_bounded(client: TestClient) -> None:
    """No parameter takes unbounded input: strings have a pattern, a length limit or a fixed
    set of values; numbers have both bounds or are booleans."""
    loose = []
    for path, params in get_routes(client.app):
        for p in params:
            schema = p["schema"]
            options = schema.get("anyOf", [schema])
            for s in options:
                items = s.get("items", s)
                kind = items.get("type")
                if kind == "string" and not (
                    {"pattern", "maxLength", "enum", "const"} & set(items)
                ):
                    loose.append(f"{path} {p['name']}: unbounded string")
                if kind in ("integer", "number") and not (
                    {"maximum", "exclusiveMaximum"} & set(items)
                    and {"minimum", "exclusiveMinimum"} & set(items)
                ):
                    loose.append(f"{path} {p['name']}: unbounded number")
    assert loose == []


def test_every_parameter_refuses_bad_values(client: TestClient) -> None:
    valid = valid_path_values(client)
    problems: list[str] = []
    refused: dict[str, int] = {}
    for path, params in get_routes(client.app):
        for p in params:
            key = f"{path} {p['in']}:{p['name']}"
            refused[key] = 0
            for value in BAD_VALUES:
                url, query = path, {}
                for q in params:
                    if q["in"] == "path":
                        given = value if q["name"] == p["name"] else valid[q["name"]]
                        url = url.replace("{" + q["name"] + "}", quote(given, safe="") or "%20")
                if p["in"] == "query":
                    query[p["name"]] = value
                response = client.get(url, params=query)
                assert_no_trace(response.text)
                if response.status_code not in ALLOWED:
                    problems.append(f"{key}={value[:30]!r}: {response.status_code}")
                if 400 <= response.status_code < 500:
                    refused[key] += 1
                    detail = response.json().get("detail") if response.text else None
                    if not detail:
                        problems.append(f"{key}={value[:30]!r}: a {response.status_code} "
                                        "without a detail saying why")  # fmt: skip
    assert problems == []
    # Every parameter is validated: some of the bad values were refused for each.
    assert [k for k, n in refused.items() if n == 0] == []
    assert len(refused) >= 20  # the schema was really read


# --- bound, never formatted ---------------------------------------------------------------


@dataclass
class Statement:
    sql: str
    params: Any


class SpyCursor:
    """Forwards to a DuckDB cursor and records every statement with its parameters."""

    def __init__(self, cursor: Any, log: list[Statement]) -> None:
        self._cursor = cursor
        self._log = log

    def execute(self, sql: str, parameters: Any = None, *args: Any, **kw: Any) -> Any:
        self._log.append(Statement(sql, parameters))
        if parameters is None:
            return self._cursor.execute(sql, *args, **kw)
        return self._cursor.execute(sql, parameters, *args, **kw)

    def sql(self, query: str, *args: Any, **kw: Any) -> Any:
        self._log.append(Statement(query, kw.get("params", args[1] if len(args) > 1 else None)))
        return self._cursor.sql(query, *args, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


def test_user_values_are_bound_never_formatted_into_sql(
    synthetic_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "events.duckdb"
    shutil.copy(synthetic_db, db)
    log: list[Statement] = []
    real_cursor = dbq.Database.cursor

    @contextmanager
    def spying(self: dbq.Database) -> Iterator[Any]:
        with real_cursor(self) as cur:
            yield SpyCursor(cur, log)

    monkeypatch.setattr(dbq.Database, "cursor", spying)
    hostile = f"{MARK}' OR '1'='1' --"
    queries = [
        ("/events", {"text": hostile}),
        ("/events", {"outlet": hostile, "level": "mention"}),
        ("/events", {"actor": f"{MARK} O'Brien (Jr.)"}),
        ("/events", {"country": MARK.upper()}),
        ("/events", {"dyad": f"{MARK},CHN", "plover": f"{MARK}_x"}),
        ("/export", {"text": hostile, "format": "jsonl"}),
        ("/export", {"actor": f"{MARK} O'Brien", "format": "parquet"}),
        (f"/actors/{MARK}", {}),
        (f"/dyads/KAZ/{MARK}/timeseries", {}),
        (f"/dyads/{MARK}/KAZ/event-types", {}),
        (f"/events/{MARK}-1", {}),
        ("/articles/deadbeefcafe0042", {}),
    ]
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        for url, params in queries:
            before = len(log)
            response = client.get(url, params=params)
            assert response.status_code in (200, 404), (url, response.status_code, response.text)
            assert len(log) > before, f"{url}: no statement recorded (is the spy in place?)"
    formatted = [s.sql for s in log if MARK in s.sql.lower() or "deadbeef" in s.sql.lower()]
    assert formatted == []
    # ... and the values did reach DuckDB, as parameters.
    bound = " ".join(json.dumps(s.params, default=str) for s in log).lower()
    assert MARK in bound and "deadbeefcafe0042" in bound and "o'brien" in bound


# --- a real server -------------------------------------------------------------------------

START_TIMEOUT = 120
TOKEN_ENV = "DATELINE_SECURITY_TEST_TOKEN"
TOKEN = "s3cret-" + "0123456789abcdef" * 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def raw(port: int, request: bytes, timeout: float = 30) -> bytes:
    """Send raw bytes; return everything the server answers until it closes (or resets)."""
    data = b""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        with suppress(OSError):  # the server may close before a huge request is all sent
            sock.sendall(request)
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            data += chunk
    return data


def status_of(answer: bytes) -> int:
    first = answer.split(b"\r\n", 1)[0].split()
    assert len(first) >= 2 and first[0].startswith(b"HTTP/"), answer[:200]
    return int(first[1])


@dataclass
class Server:
    port: int
    db: Path
    log: Path
    proc: subprocess.Popen[bytes]


@contextmanager
def serving(
    db: Path, tmp: Path, *extra: str, env: dict[str, str] | None = None
) -> Iterator[Server]:
    port = _free_port()
    log = tmp / f"server-{port}.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port),
             *extra],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
        )  # fmt: skip
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert proc.poll() is None, log.read_text(errors="replace")
            try:
                if status_of(raw(port, _get("/health"), timeout=5)) == 200:
                    break
            except (OSError, AssertionError):
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
        yield Server(port, db, log, proc)
    finally:
        stop_server(proc)


def _get(target: str, host: bytes = b"127.0.0.1") -> bytes:
    return (
        b"GET " + target.encode() + b" HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n"
    )


def _post(target: str, body: bytes, headers: bytes = b"") -> bytes:
    return (
        b"POST " + target.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        b"Content-Type: application/json\r\n" + headers
        + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )  # fmt: skip


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def read_only_server(
    synthetic_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("served")
    db = tmp / "events.duckdb"
    shutil.copy(synthetic_db, db)
    before = sha256(db)
    with serving(db, tmp) as server:
        yield server
    assert sha256(db) == before, "the read-only server changed the database file"
    assert_no_trace(server.log.read_text(errors="replace"))


HTTP_ABUSE = {
    "header of 200 KB": (
        b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
        + b"a" * 200_000
        + b"\r\nConnection: close\r\n\r\n",
        {400, 431},
    ),
    "URL of 200 KB": (_get("/events?text=" + "a" * 200_000), {400, 414}),
    "20,000 query parameters": (_get("/events?" + "&".join(["quad_class=1"] * 20_000)), {400, 414}),
    "not HTTP": (b"GARBAGE\r\n\r\n", {400}),
    "bytes that are not UTF-8": (_get("/events?actor=%ff%fe%00"), {400, 422}),
    "NUL in a path": (_get("/actors/KAZ%00"), {400, 404, 422}),
    "traversal": (_get("/static/../../../../etc/passwd"), {400, 404}),
    "encoded traversal": (_get("/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd"), {400, 404}),
    "traversal to the source": (_get("/static/..%2f..%2fapi%2fapp.py"), {400, 404}),
    "foreign Host (DNS rebinding)": (_get("/health", host=b"attacker.example"), {400, 403, 421}),
    "TRACE": (b"TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", {405}),
    "DELETE": (b"DELETE /events HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", {405}),
    "PUT": (b"PUT /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", {405}),
    "write while read-only": (_post("/articles", b'{"text": "x"}'), {403}),
    "a terabyte announced": (
        b"POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 1000000000000\r\nConnection: close\r\n\r\n",
        {413},
    ),
    "page size 10**23": (_get("/events?limit=" + "9" * 23), {422}),
    "a daily panel over 8,000 years (clamped to the data)": (
        _get("/dyads/KAZ/CHN/timeseries?by=day&start=0001&end=9999"),
        {200},
    ),
    "year zero": (_get("/events?start=0000"), {400, 422}),
    "a forged cursor": (_get("/events?cursor=" + "A" * 500), {400, 422}),
}


@pytest.mark.parametrize("name", sorted(HTTP_ABUSE))
def test_malformed_and_hostile_http_is_refused_cleanly(read_only_server: Server, name: str) -> None:
    request, expected = HTTP_ABUSE[name]
    answer = raw(read_only_server.port, request)
    assert status_of(answer) in expected, answer[:300]
    head, _, body = answer.partition(b"\r\n\r\n")
    assert_no_trace(body.decode("utf-8", "replace"))
    assert b"root:" not in body and b"def create_app" not in body  # no file served
    assert b"\nserver:" not in head.lower()  # no server banner


def test_read_only_by_default_and_nothing_changes(read_only_server: Server) -> None:
    server = read_only_server
    before = sha256(server.db)
    health = json.loads(raw(server.port, _get("/health")).partition(b"\r\n\r\n")[2])
    assert health["read_only"] is True and health["write_enabled"] is False
    for request in (
        _post("/articles", b'{"text": "Kazakhstan and China signed a deal."}'),
        _post("/articles", b"{}", b"Authorization: Bearer " + TOKEN.encode() + b"\r\n"),
        _get("/events?text=%27%3B%20DROP%20TABLE%20events%3B%20--"),
        _get("/events?actor=x%27)%20OR%20(1%3D1"),
    ):
        assert status_of(raw(server.port, request)) in (200, 403, 422)
    assert sha256(server.db) == before
    assert json.loads(raw(server.port, _get("/health")).partition(b"\r\n\r\n")[2]) == health


def test_write_endpoint_needs_its_token(synthetic_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "writable.duckdb"
    shutil.copy(synthetic_db, db)
    article = b'{"text": "Kazakhstan and China signed a transit agreement in Astana on Monday."}'
    with serving(db, tmp_path, "--token-env", TOKEN_ENV, env={TOKEN_ENV: TOKEN}) as server:
        counts = json.loads(raw(server.port, _get("/health")).partition(b"\r\n\r\n")[2])
        assert counts["write_enabled"] is True
        refusals = {
            b"": 401,
            b"Authorization: Bearer \r\n": 401,
            b"Authorization: Basic " + TOKEN.encode() + b"\r\n": 401,
            b"Authorization: Bearer " + TOKEN[:-1].encode() + b"\r\n": 403,
            b"Authorization: Bearer " + TOKEN.encode() + b"x\r\n": 403,
            b"Authorization: bearer " + TOKEN.upper().encode() + b"\r\n": 403,
        }
        for header, status in refusals.items():
            answer = raw(server.port, _post("/articles", article, header))
            assert status_of(answer) == status, (header, answer[:300])
            assert TOKEN.encode() not in answer  # the token is never echoed
        # With the token, a bad body is still validated (and the pipeline never loaded).
        good = b"Authorization: Bearer " + TOKEN.encode() + b"\r\n"
        assert status_of(raw(server.port, _post("/articles", b'{"text": ""}', good))) == 422
        after = json.loads(raw(server.port, _get("/health")).partition(b"\r\n\r\n")[2])
        assert after["counts"] == counts["counts"]
        log = server.log.read_text(errors="replace")
    assert_no_trace(log)
    assert TOKEN not in log
