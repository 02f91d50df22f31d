"""A news site on 127.0.0.1 for the watcher tests: feeds, sitemaps and article pages built
from examples/, and routes that misbehave (500, hanging, truncated, huge, redirect loop).

Routes are set by the test: ``site.routes[path] = Page(...)``. A page may ``hold`` its
answer until the test releases it (``site.release``), and ``arrived`` tells the test that a
request for it came in: no sleeps, no races.
"""

from __future__ import annotations

import contextlib
import html
import threading
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 to If-None-Match with this tag
    hold: bool = False  # wait for the test's release before answering
    length: int | None = None  # Content-Length to declare (default: the body's; -1: none)


def text_page(path: Path) -> bytes:
    """An HTML page with an example's plain text: its first line as the headline, no date."""
    lines = path.read_text(encoding="utf-8").strip().splitlines()
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in lines[1:] if p.strip())
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><article>"
        f"<h1>{html.escape(lines[0])}</h1>{paras}</article></body></html>"
    ).encode()


def untitled_page(path: Path) -> bytes:
    """An example's paragraphs without headline, title or date: all metadata must come
    from elsewhere."""
    lines = path.read_text(encoding="utf-8").strip().splitlines()
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in lines[1:] if p.strip())
    return f"<html><body><article>{paras}</article></body></html>".encode()


def example_pages() -> dict[str, bytes]:
    """Three article pages: one with its own date and title (sanctions.html), two without."""
    return {
        "/news/sanctions.html": (EXAMPLES / "sanctions.html").read_bytes(),
        "/news/border-clash.html": text_page(EXAMPLES / "border-clash.txt"),
        "/news/almaty-trade-talks.html": text_page(EXAMPLES / "almaty-trade-talks.txt"),
    }


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (path, title, RFC 822 date) items."""
    body = "".join(
        f"<item><title>{html.escape(t)}</title><link>{base}{p}</link><pubDate>{d}</pubDate></item>"
        for p, t, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Example wire</title><link>{base}/</link><description>news</description>"
        f"{body}</channel></rss>"
    ).encode()


def day(y: int, m: int, d: int) -> str:
    import calendar

    return formatdate(calendar.timegm((y, m, d, 8, 0, 0, 0, 0, 0)), usegmt=True)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Page] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.arrived: dict[str, threading.Event] = {}
        self._release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                site.arrived.setdefault(self.path, threading.Event()).set()
                page = site.routes.get(self.path)
                if page is None:
                    page = Page(b"not found", status=404, content_type="text/plain")
                if page.hold:
                    site._release.wait(30)
                    return
                if page.etag is not None and self.headers.get("If-None-Match") == page.etag:
                    self.send_response(304)
                    self.send_header("ETag", page.etag)
                    self.end_headers()
                    return
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                length = page.length if page.length is not None else len(page.body)
                if length >= 0:
                    self.send_header("Content-Length", str(length))
                else:
                    self.close_connection = True  # the body ends when the connection does
                if page.etag is not None:
                    self.send_header("ETag", page.etag)
                for k, v in page.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                with contextlib.suppress(OSError):
                    self.wfile.write(page.body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> Site:
        self._thread.start()
        return self

    def release(self) -> None:
        self._release.set()

    def stop(self) -> None:
        self.release()
        self.server.shutdown()
        self.server.server_close()

    def arrived_event(self, path: str) -> threading.Event:
        return self.arrived.setdefault(path, threading.Event())

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)
