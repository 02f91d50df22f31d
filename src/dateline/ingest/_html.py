"""HTML pages -> Article, with trafilatura for the body and metadata, htmldate for the date.

No network access happens here: trafilatura and htmldate get an already parsed lxml tree
(htmldate fetches a page when handed a bare URL string, so it never gets a string), and the
lxml HTML parser neither loads DTDs nor resolves external entities.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.errors import NOT_AN_ARTICLE, NOT_HTML, TRUNCATED_HTML, InputError
from dateline.ingest._article import MIN_ARTICLE_WORDS, Meta, build_article
from dateline.ingest._decode import DecodeFailure, decode_bytes
from dateline.model import Article

# Only the head of a page is searched for a <meta charset> declaration.
CHARSET_SNIFF_BYTES = 4096
# Markup is looked for in this much of the page (pages may open with long <style> blocks).
HTML_SNIFF_CHARS = 65536
# A page whose end is cut off inside a tag or text: only the last bytes are examined.
TRUNCATION_TAIL_CHARS = 2048

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_CLOSING_RE = re.compile(r"</(?:html|body)\s*>", re.I)
_HTML_HINT_RE = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|article|main|div|p|title|meta|section|span"
    r"|style|script|link|h[1-6]|table|ul)\b",
    re.I,
)


def declared_charset(data: bytes) -> str | None:
    m = _CHARSET_RE.search(data[:CHARSET_SNIFF_BYTES])
    return m.group(1).decode("ascii", "replace") if m else None


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT_RE.search(text[:HTML_SNIFF_CHARS]))


def is_truncated(text: str) -> bool:
    """A page that ends in the middle of its markup: no closing </body> or </html> and the
    last character is not the end of a tag (HTML may omit the closing tags, but a complete
    page still ends with one)."""
    tail = text[-TRUNCATION_TAIL_CHARS:]
    if _CLOSING_RE.search(tail):
        return False
    return not tail.rstrip().endswith(">")


def _extract(tree: Any, url: str | None) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,  # reader comments are not the article
        include_tables=True,
        include_images=False,
        include_links=False,
        output_format="python",
    )


def html_to_text(html: str | bytes) -> str:
    """The decoded page text (for callers that need it before extraction)."""
    if isinstance(html, bytes):
        return decode_bytes(html, declared_charset(html))
    return html


def html_to_article(
    html: str | bytes,
    *,
    origin: str,
    url: str | None = None,
    option_published: str | None = None,
    title: str | None = None,
    input_id: str | None = None,
    author: str | None = None,
    outlet: str | None = None,
    record_published: str | None = None,
) -> Article:
    """Extract and clean one HTML page. Raises InputError for empty, binary, truncated or
    article-less pages."""
    import trafilatura

    try:
        text = html_to_text(html)
    except DecodeFailure as exc:
        raise InputError(origin, str(exc)) from exc
    if not looks_like_html(text):
        raise InputError(origin, NOT_HTML)
    if is_truncated(text):
        raise InputError(origin, TRUNCATED_HTML)
    tree = trafilatura.load_html(text)
    if tree is None:
        raise InputError(origin, NOT_HTML)
    doc = _extract(tree, url)
    if doc is None or not (doc.text or "").strip():
        raise InputError(origin, NOT_AN_ARTICLE.format(min_words=MIN_ARTICLE_WORDS))
    meta = Meta(
        title=title or doc.title,
        author=author or doc.author,
        outlet=outlet or doc.sitename,
        url=url or doc.url,
        published=record_published or doc.date,
        published_source="record" if record_published else ("html" if doc.date else None),
        option_published=option_published,
        input_id=input_id,
    )
    return build_article(doc.text, meta, origin, extracted=True)
