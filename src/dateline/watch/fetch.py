"""A well-behaved HTTP client for the watcher: it names itself, asks robots.txt, spaces its
requests per host, gives up on slow or huge answers and follows few redirects.

Redirects are followed here, not by httpx, so that robots.txt and the per-host spacing
apply to every hop. Every failure is a ``FetchError`` with a one-line reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from dateline.errors import DatelineError

USER_AGENT = "dateline-watch/{version} (+https://github.com/dateline; news event coder)"
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_PER_HOST_RATE = 1.0  # requests per second to one host
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 30.0
# robots.txt is small; a huge one is a broken server.
ROBOTS_MAX_BYTES = 512_000


class FetchError(DatelineError):
    """A page could not be fetched; ``transient`` failures are worth retrying later."""

    def __init__(self, url: str, reason: str, *, transient: bool = True) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient


@dataclass
class FetchSettings:
    user_agent: str = ""
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    per_host_rate: float = DEFAULT_PER_HOST_RATE
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    read_timeout: float = DEFAULT_READ_TIMEOUT
    # The whole answer must arrive within this many seconds (a server that trickles bytes
    # never trips the read timeout).
    total_timeout: float = 60.0
    respect_robots: bool = True


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class _Host:
    next_slot: float = 0.0
    robots: RobotFileParser | None = None
    robots_error: str | None = None


def _too_large(limit: int) -> str:
    return f"larger than the limit of {limit} bytes"


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("dateline")
    except Exception:  # noqa: BLE001 - an uninstalled checkout has no version
        return "dev"


@dataclass
class Fetcher:
    """Fetch pages politely. ``sleep`` and ``clock`` are injectable for tests."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    transport: httpx.BaseTransport | None = None

    def __post_init__(self) -> None:
        s = self.settings
        self.user_agent = s.user_agent or USER_AGENT.format(version=_version())
        self._client = httpx.Client(
            headers={"User-Agent": self.user_agent},
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            follow_redirects=False,
            transport=self.transport,
            trust_env=False,
        )
        self._hosts: dict[str, _Host] = {}

    def close(self) -> None:
        self._client.close()

    def forget_robots(self) -> None:
        """Read robots.txt again on the next request to each host (once per cycle)."""
        for host in self._hosts.values():
            host.robots = None
            host.robots_error = None

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        """GET ``url`` (conditionally when ``etag``/``last_modified`` are given)."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self.settings.max_redirects + 1):
            self._check_robots(current)
            status, resp_headers, content = self._request(current, headers)
            if status in (301, 302, 303, 307, 308) and "location" in resp_headers:
                current = urljoin(current, resp_headers["location"])
                continue
            if status == 304:
                return Response(current, status, b"", etag, last_modified)
            if status >= 400:
                raise FetchError(url, f"HTTP {status}", transient=status >= 500 or status == 429)
            return Response(
                current,
                status,
                content,
                resp_headers.get("etag"),
                resp_headers.get("last-modified"),
            )
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects")

    # --- internals ---------------------------------------------------------------------

    def _host(self, url: str) -> tuple[str, _Host]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(url, "not an http(s) URL", transient=False)
        key = f"{parts.scheme}://{parts.netloc}"
        return key, self._hosts.setdefault(key, _Host())

    def _wait_turn(self, host: _Host) -> None:
        rate = self.settings.per_host_rate
        now = self.clock()
        if rate > 0 and host.next_slot > now:
            self.sleep(host.next_slot - now)
            now = host.next_slot
        host.next_slot = now + (1.0 / rate if rate > 0 else 0.0)

    def _request(
        self, url: str, headers: dict[str, str], *, limit: int | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        _, host = self._host(url)
        self._wait_turn(host)
        limit = limit or self.settings.max_bytes
        started = self.clock()
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                declared = resp.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, _too_large(limit), transient=False)
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(url, _too_large(limit), transient=False)
                    if self.clock() - started > self.settings.total_timeout:
                        raise FetchError(url, "too slow: gave up on the answer")
                    chunks.append(chunk)
                return (
                    resp.status_code,
                    {k.lower(): v for k, v in resp.headers.items()},
                    (b"".join(chunks)),
                )
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}".rstrip(": ")) from exc

    def _check_robots(self, url: str) -> None:
        if not self.settings.respect_robots:
            return
        key, host = self._host(url)
        if host.robots is None and host.robots_error is None:
            self._load_robots(key, host)
        if host.robots_error is not None:
            raise FetchError(url, host.robots_error)
        assert host.robots is not None
        if not host.robots.can_fetch(self.user_agent, url):
            raise FetchError(url, "disallowed by robots.txt", transient=False)

    def _load_robots(self, key: str, host: _Host) -> None:
        parser = RobotFileParser(key + "/robots.txt")
        try:
            status, _, content = self._request(key + "/robots.txt", {}, limit=ROBOTS_MAX_BYTES)
        except FetchError as exc:
            # RFC 9309: an unreachable robots.txt means "assume everything is disallowed".
            host.robots_error = f"robots.txt unreachable ({exc.reason})"
            return
        if status >= 500:
            host.robots_error = f"robots.txt unreachable (HTTP {status})"
            return
        # No robots.txt (4xx, or a redirect away from it): no rules, everything is allowed.
        lines = [] if status >= 300 else content.decode("utf-8", "replace").splitlines()
        parser.parse(lines)
        host.robots = parser
