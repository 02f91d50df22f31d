"""Reading feeds and sitemaps: links made absolute, dates kept, broken XML an error."""

from __future__ import annotations

import pytest

from dateline.watch import FetchError
from dateline.watch.sources import parse_feed, parse_sitemap


def test_feed_links_are_made_absolute_and_dated() -> None:
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        b'<entry><title>One</title><link href="/a/1.html"/><updated>2026-02-03T04:05:06Z'
        b"</updated></entry></feed>"
    )
    [link] = parse_feed(atom, "http://127.0.0.1:9/feeds/atom.xml")
    assert link.url == "http://127.0.0.1:9/a/1.html"
    assert (link.title, link.published) == ("One", "2026-02-03T04:05:06")


def test_broken_xml_is_an_error_not_an_empty_list() -> None:
    with pytest.raises(FetchError, match="malformed sitemap"):
        parse_sitemap(b"<urlset><url><loc>http://a/1</loc>", "http://a/sitemap.xml")
    with pytest.raises(FetchError, match="not a sitemap"):
        parse_sitemap(b"<html><body/></html>", "http://a/sitemap.xml")
    with pytest.raises(FetchError, match="malformed feed"):
        parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><item>', "http://a/f")
