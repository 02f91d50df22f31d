"""The watcher's HTTP client: size cap without a declared length, redirects, robots.txt
that cannot be read, conditional requests, per-host spacing and its user agent."""

from __future__ import annotations

import pytest
from watch_helpers import FAST

from dateline.watch import Fetcher, FetchError, FetchSettings
from news_site import Page, Site


def test_a_body_over_the_cap_is_refused_even_without_a_declared_length(site: Site) -> None:
    site.routes["/big"] = Page(b"x" * 300_000, length=-1)
    site.routes["/small"] = Page(b"<p>fine</p>", length=-1)
    fetcher = Fetcher(FAST)
    with pytest.raises(FetchError) as err:
        fetcher.get(site.base + "/big")
    assert "larger than the limit of 200000 bytes" in err.value.reason
    assert err.value.transient is False
    assert fetcher.get(site.base + "/small").content == b"<p>fine</p>"


def test_redirects_are_followed_a_few_times(site: Site) -> None:
    site.routes["/old"] = Page(status=301, headers={"Location": "/new"})
    site.routes["/new"] = Page(b"here")
    site.routes["/a"] = Page(status=302, headers={"Location": "/b"})
    site.routes["/b"] = Page(status=302, headers={"Location": "/a"})
    fetcher = Fetcher(FAST)
    moved = fetcher.get(site.base + "/old")
    assert (moved.url, moved.content) == (site.base + "/new", b"here")
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.get(site.base + "/a")
    assert site.hits("/a") + site.hits("/b") == 4  # the first request and 3 redirects


def test_an_unreachable_robots_txt_allows_nothing(site: Site) -> None:
    site.routes["/robots.txt"] = Page(b"down", status=503)
    site.routes["/page"] = Page(b"page")
    with pytest.raises(FetchError, match="robots.txt unreachable"):
        Fetcher(FAST).get(site.base + "/page")
    assert site.hits("/page") == 0


def test_conditional_request_and_not_modified(site: Site) -> None:
    site.routes["/feed"] = Page(b"<rss/>", etag='"abc"', headers={"Last-Modified": "x"})
    fetcher = Fetcher(FAST)
    first = fetcher.get(site.base + "/feed")
    assert (first.etag, first.last_modified, first.not_modified) == ('"abc"', "x", False)
    second = fetcher.get(site.base + "/feed", etag=first.etag, last_modified="x")
    assert second.not_modified and second.content == b""
    assert site.requests[-1][1]["if-modified-since"] == "x"


def test_requests_to_one_host_are_spaced(site: Site) -> None:
    site.routes["/p"] = Page(b"p")
    waits: list[float] = []
    now = [100.0]

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    settings = FetchSettings(per_host_rate=2.0, read_timeout=2.0)
    fetcher = Fetcher(settings, sleep=sleep, clock=lambda: now[0])
    for _ in range(3):
        fetcher.get(site.base + "/p")
    # robots.txt, then three pages: half a second apart on a clock that does not move
    # by itself.
    assert waits == [0.5, 0.5, 0.5]
    agents = {h["user-agent"] for _, h in site.requests}
    assert len(agents) == 1 and agents.pop().startswith("dateline-watch/")
