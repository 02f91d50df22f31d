"""The watcher against a local news site: each new article stored exactly once, faults
reported and backed off without touching the counts, robots.txt and 304s honoured."""

from __future__ import annotations

from pathlib import Path

from watch_helpers import Clock, count

from dateline.store import Store
from dateline.watch import Source, watch_status
from news_site import EXAMPLES, Page, Site, day, example_pages, rss, untitled_page

A, B, C = "/news/sanctions.html", "/news/border-clash.html", "/news/almaty-trade-talks.html"


def serve_examples(site: Site) -> None:
    for path, body in example_pages().items():
        site.routes[path] = Page(body)


def feed_of(site: Site, *paths: str) -> bytes:
    titles = {A: "EU sanctions Belarus", B: "Feed title: clash on the border", C: "Trade talks"}
    return rss(site.base, [(p, titles[p], day(2026, 3, i + 1)) for i, p in enumerate(paths)])


def test_each_new_article_is_stored_once_as_the_feed_grows(
    site: Site, store: Store, make_watcher
) -> None:
    serve_examples(site)
    site.routes["/feed.xml"] = Page(feed_of(site, A, B), content_type="application/rss+xml")
    watcher = make_watcher([Source("feed", site.base + "/feed.xml")])

    first = watcher.cycle()
    assert (first.sources, first.new_articles, first.errors) == (1, 2, [])
    assert first.events == count(store, "SELECT count(*) FROM event_mentions") > 0
    assert count(store, "SELECT count(*) FROM articles") == 2

    again = watcher.cycle()
    assert (again.new_articles, again.events) == (0, 0)

    site.routes["/feed.xml"] = Page(feed_of(site, A, B, C), content_type="application/rss+xml")
    grown = watcher.cycle()
    assert grown.new_articles == 1
    assert count(store, "SELECT count(*) FROM articles") == 3
    assert count(store, "SELECT count(*) FROM watch_seen") == 3
    # Each page was fetched once, whatever the number of cycles.
    assert [site.hits(p) for p in (A, B, C)] == [1, 1, 1]
    assert "3 sources polled" not in grown.line() and "1 new articles" in grown.line()


def test_the_feed_date_fills_in_for_a_page_without_one(
    site: Site, store: Store, make_watcher
) -> None:
    serve_examples(site)
    site.routes["/feed.xml"] = Page(feed_of(site, A, B))
    make_watcher([Source("feed", site.base + "/feed.xml")]).cycle()
    rows = dict(
        store.connection.execute(
            "SELECT url, published || ' ' || published_source FROM articles"
        ).fetchall()
    )
    # sanctions.html carries its own date; the border-clash page has none but the feed's.
    assert rows[site.base + A] == "2024-06-18 html"
    assert rows[site.base + B] == "2026-03-02 option"


def test_the_feed_title_names_a_page_without_one(site: Site, store: Store, make_watcher) -> None:
    site.routes[B] = Page(untitled_page(EXAMPLES / "border-clash.txt"))
    site.routes["/news/titled.html"] = Page(example_pages()[A])
    site.routes["/feed.xml"] = Page(
        rss(
            site.base,
            [
                (B, "Feed title: clash", day(2026, 3, 2)),
                ("/news/titled.html", "Other", day(2026, 3, 3)),
            ],
        )
    )
    make_watcher([Source("feed", site.base + "/feed.xml")]).cycle()
    titles = dict(store.connection.execute("SELECT url, title FROM articles").fetchall())
    assert titles[site.base + B] == "Feed title: clash"
    # The page's own title wins over the feed's.
    assert (
        titles[site.base + "/news/titled.html"]
        == "EU imposes new sanctions on Belarus over crackdown"
    )


def test_conditional_requests_answered_304_add_nothing(
    site: Site, store: Store, make_watcher
) -> None:
    serve_examples(site)
    site.routes["/feed.xml"] = Page(feed_of(site, A), etag='"v1"')
    watcher = make_watcher([Source("feed", site.base + "/feed.xml")])
    assert watcher.cycle().new_articles == 1
    second = watcher.cycle()
    feed_requests = [h for p, h in site.requests if p == "/feed.xml"]
    assert "if-none-match" not in feed_requests[0]
    assert feed_requests[1]["if-none-match"] == '"v1"'
    assert (second.new_articles, second.errors) == (0, [])
    assert count(store, "SELECT count(*) FROM articles") == 1
    assert watch_status(store.connection)["sources"][0]["healthy"] is True


def test_failing_sources_are_reported_backed_off_and_never_stop_the_others(
    site: Site, store: Store, make_watcher, clock: Clock
) -> None:
    serve_examples(site)
    site.routes["/good.xml"] = Page(feed_of(site, A, B))
    site.routes["/error.xml"] = Page(b"oops", status=500)
    site.routes["/slow.xml"] = Page(hold=True)
    site.routes["/cut.xml"] = Page(feed_of(site, C)[:120])
    site.routes["/loop.xml"] = Page(status=302, headers={"Location": "/loop2.xml"})
    site.routes["/loop2.xml"] = Page(status=302, headers={"Location": "/loop.xml"})
    site.routes["/huge.xml"] = Page(rss(site.base, [("/news/huge.html", "Huge", day(2026, 3, 1))]))
    site.routes["/news/huge.html"] = Page(b"<html><body><p>" + b"word " * 100_000 + b"</p>")
    bad = ["/error.xml", "/slow.xml", "/cut.xml", "/loop.xml", "/nowhere.xml"]
    sources = [Source("feed", site.base + p) for p in ["/good.xml", *bad, "/huge.xml"]]
    sources.append(Source("feed", "http://unresolvable.invalid/feed.xml"))
    watcher = make_watcher(sources, backoff=60.0)

    report = watcher.cycle()
    assert report.new_articles == 2
    failed = {where for where, _ in report.errors}
    assert failed == {site.base + p for p in bad} | {
        site.base + "/news/huge.html",
        "http://unresolvable.invalid/feed.xml",
    }
    health = {s["source"]: s for s in watch_status(store.connection)["sources"]}
    assert health["feed:" + site.base + "/good.xml"]["healthy"] is True
    for path in bad:
        assert health["feed:" + site.base + path]["failures"] == 1
    assert "HTTP 500" in health["feed:" + site.base + "/error.xml"]["last_error"]
    assert "timed out" in health["feed:" + site.base + "/slow.xml"]["last_error"]
    assert "malformed feed" in health["feed:" + site.base + "/cut.xml"]["last_error"]
    assert "redirects" in health["feed:" + site.base + "/loop.xml"]["last_error"]

    # Within the back-off the failing sources are not asked again; the huge page, a
    # permanent failure, is not fetched again either.
    hits = {p: site.hits(p) for p in [*bad, "/news/huge.html"]}
    clock.advance(30)
    waiting = watcher.cycle()
    assert waiting.waiting == len(bad) + 1 and waiting.new_articles == 0
    assert {p: site.hits(p) for p in hits} == hits

    clock.advance(60)  # past the first back-off: retried, and the next wait doubles
    watcher.cycle()
    assert site.hits("/error.xml") == hits["/error.xml"] + 1
    health = {s["source"]: s for s in watch_status(store.connection)["sources"]}
    error = health["feed:" + site.base + "/error.xml"]
    assert error["failures"] == 2
    assert (error["retry_at"] - error["last_error_at"]).total_seconds() == 120
    assert count(store, "SELECT count(*) FROM articles") == 2


def test_a_page_robots_txt_disallows_is_never_fetched(
    site: Site, store: Store, make_watcher
) -> None:
    serve_examples(site)
    site.routes["/robots.txt"] = Page(
        b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    site.routes["/private/a.html"] = Page(example_pages()[A])
    site.routes["/feed.xml"] = Page(
        rss(site.base, [("/private/a.html", "Hidden", day(2026, 3, 1)), (B, "B", day(2026, 3, 2))])
    )
    report = make_watcher([Source("feed", site.base + "/feed.xml")]).cycle()
    assert report.new_articles == 1
    assert site.hits("/private/a.html") == 0
    assert [(w, r) for w, r in report.errors] == [
        (site.base + "/private/a.html", "disallowed by robots.txt")
    ]
    agents = {h["user-agent"] for _, h in site.requests}
    assert len(agents) == 1 and "dateline" in agents.pop()


def test_news_sitemap_and_folder_sources(
    site: Site, store: Store, make_watcher, tmp_path: Path
) -> None:
    serve_examples(site)
    site.routes["/sitemap.xml"] = Page(
        (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
            f"<loc>{site.base}{B}</loc><news:news><news:publication_date>2026-04-05"
            "</news:publication_date><news:title>Clash</news:title></news:news></url></urlset>"
        ).encode(),
        content_type="application/xml",
    )
    # A sitemap index pointing at the news sitemap finds the same page: nothing new.
    site.routes["/index.xml"] = Page(
        (
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{site.base}/sitemap.xml</loc></sitemap></sitemapindex>"
        ).encode()
    )
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "talks.txt").write_text((EXAMPLES / "almaty-trade-talks.txt").read_text())
    # What a folder walk of `dateline ingest` leaves out is left out here too.
    (folder / "README.md").write_text("What this folder is for: the news we watch, one file each.")
    (folder / ".draft.txt").write_text((EXAMPLES / "border-clash.txt").read_text())
    watcher = make_watcher(
        [
            Source("sitemap", site.base + "/sitemap.xml"),
            Source("sitemap", site.base + "/index.xml"),
            Source("folder", str(folder)),
        ]
    )
    assert watcher.cycle().new_articles == 2
    assert site.hits(B) == 1 and site.hits("/sitemap.xml") == 2
    assert watcher.cycle().new_articles == 0
    published = store.connection.execute(
        "SELECT published FROM articles WHERE url = ?", [site.base + B]
    ).fetchone()
    assert published == ("2026-04-05",)
    # A new file in the folder is picked up; the old one is not read again.
    (folder / "sanctions.html").write_bytes((EXAMPLES / "sanctions.html").read_bytes())
    assert watcher.cycle().new_articles == 1
    assert count(store, "SELECT count(*) FROM articles") == 3
    assert count(store, "SELECT count(*) FROM watch_seen") == 3


def test_a_page_that_breaks_the_extractor_is_reported_and_the_cycle_goes_on(
    site: Site, store: Store, make_watcher, monkeypatch
) -> None:
    import dateline.ingest

    serve_examples(site)
    site.routes["/feed.xml"] = Page(feed_of(site, A, B))
    original = dateline.ingest.article_from_html

    def fragile(html, **options):  # type: ignore[no-untyped-def]
        if options["origin"].endswith(A):
            raise RuntimeError("extractor bug")
        return original(html, **options)

    monkeypatch.setattr(dateline.ingest, "article_from_html", fragile)
    report = make_watcher([Source("feed", site.base + "/feed.xml")]).cycle()
    assert report.new_articles == 1
    assert report.errors == [(site.base + A, "extraction failed (RuntimeError: extractor bug)")]
    assert count(store, "SELECT count(*) FROM watch_seen WHERE status LIKE 'extraction%'") == 1
