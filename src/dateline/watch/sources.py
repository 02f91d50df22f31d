"""Sources the watcher polls: RSS/Atom feeds (feedparser), news sitemaps and folders.

A feed or sitemap yields ``Link`` items (a page to fetch, with the date and title the
source gave it); a folder yields files. Parsing never touches the network: feedparser and
lxml are handed bytes, and the XML parser resolves no entities.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from dateline.watch.fetch import FetchError

FEED, SITEMAP, FOLDER = "feed", "sitemap", "folder"
KINDS = (FEED, SITEMAP, FOLDER)
# A sitemap index may list this many child sitemaps at most (the newest first, by habit).
MAX_CHILD_SITEMAPS = 20

_SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class Source:
    kind: str  # feed | sitemap | folder
    location: str  # URL or folder path

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.location}"


@dataclass(frozen=True)
class Link:
    url: str
    title: str | None = None
    published: str | None = None  # ISO date or datetime as the source gave it


def parse_feed(content: bytes, url: str) -> list[Link]:
    """The entries of an RSS or Atom feed; a feed that is not well-formed is an error."""
    import feedparser

    parsed: Any = feedparser.parse(content)
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        # feedparser also flags a mere encoding mismatch; only broken XML is an error.
        if not isinstance(exc, feedparser.CharacterEncodingOverride | feedparser.NonXMLContentType):
            first = str(exc).splitlines()[0] if exc is not None else "unreadable"
            raise FetchError(url, f"malformed feed ({first})")
    if not parsed.get("version") and not parsed.entries:
        raise FetchError(url, "not an RSS or Atom feed")
    links = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%dT%H:%M:%S", when) if when else None
        # Relative links are relative to the feed (feedparser is given no base URL).
        title = (entry.get("title") or "").strip() or None
        links.append(Link(urljoin(url, link), title, published))
    return links


def parse_sitemap(content: bytes, url: str) -> tuple[list[Link], list[str]]:
    """A sitemap's pages and, for a sitemap index, its child sitemaps."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FetchError(url, f"malformed sitemap ({exc})") from exc
    if root.tag == _SM + "sitemapindex":
        children = [
            (loc.text or "").strip() for loc in root.iter(_SM + "loc") if (loc.text or "").strip()
        ]
        return [], children[:MAX_CHILD_SITEMAPS]
    if root.tag != _SM + "urlset":
        raise FetchError(url, "not a sitemap (no <urlset> or <sitemapindex>)")
    links = []
    for node in root.iter(_SM + "url"):
        loc = (node.findtext(_SM + "loc") or "").strip()
        if not loc:
            continue
        title = node.findtext(f"{_NEWS}news/{_NEWS}title")
        published = node.findtext(f"{_NEWS}news/{_NEWS}publication_date") or node.findtext(
            _SM + "lastmod"
        )
        links.append(Link(loc, (title or "").strip() or None, (published or "").strip() or None))
    return links, []


def folder_files(folder: str) -> Iterator[tuple[str, str]]:
    """Each file of ``folder`` that ``dateline ingest`` would read, with a signature (size
    and modification time) that changes when the file does."""
    from dateline.ingest import input_files

    root = Path(folder)
    files = input_files(folder) if root.is_dir() else None
    if files is None:
        raise FetchError(folder, "no such folder", transient=True)
    for path in files:
        st = path.stat()
        yield str(path), f"{st.st_size}:{st.st_mtime_ns}"
