"""Ingestion: raw news (text, HTML, JSONL, WARC; files, folders, globs, stdin; gzipped or
not) -> clean :class:`~dateline.model.Article` records.

Public API::

    read_inputs(paths, published=None, max_bytes=DEFAULT_MAX_BYTES)  # Article | InputError ...
    article_from_text(text, ...)  -> Article
    article_from_html(html, ...)  -> Article

Both ``article_from_*`` raise :class:`~dateline.errors.InputError` when no article is left
after cleaning; ``read_inputs`` yields such errors in place of the document instead.
"""

from __future__ import annotations

from dateline.ingest._article import MIN_ARTICLE_WORDS, Meta, build_article
from dateline.ingest._dates import DATE_WINDOW_ENV, DateWindow, date_window
from dateline.ingest._html import (
    MAX_ATTRIBUTES,
    MAX_ELEMENT_ATTRIBUTES,
    MAX_ELEMENTS,
    MAX_NESTING,
)
from dateline.ingest._readers import (
    DECOMPRESSED_FLOOR,
    DEFAULT_MAX_BYTES,
    MAX_EXPANSION,
    input_files,
    read_inputs,
)
from dateline.ingest._text import clean_text, match_dateline
from dateline.model import Article
from dateline.places import dateline_country

__all__ = [
    "DATE_WINDOW_ENV",
    "DECOMPRESSED_FLOOR",
    "DEFAULT_MAX_BYTES",
    "MAX_ATTRIBUTES",
    "MAX_ELEMENTS",
    "MAX_ELEMENT_ATTRIBUTES",
    "MAX_EXPANSION",
    "MAX_NESTING",
    "MIN_ARTICLE_WORDS",
    "article_from_html",
    "article_from_text",
    "DateWindow",
    "clean_text",
    "date_window",
    "dateline_country",
    "input_files",
    "match_dateline",
    "read_inputs",
]


def article_from_text(
    text: str,
    *,
    origin: str = "<text>",
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    input_id: str | None = None,
    author: str | None = None,
    outlet: str | None = None,
    record_published: str | None = None,
) -> Article:
    """Clean plain-text news (headline, byline, dateline, trailing boilerplate) into an Article.

    ``published`` is the user's ``--published`` option (published_source "option"), used
    only when the text carries no better date; ``record_published`` is a date that came with
    the document (a JSONL record's field; published_source "record") and wins over all.
    """
    meta = Meta.from_record(
        title=title,
        author=author,
        outlet=outlet,
        url=url,
        record_published=record_published,
        option_published=published,
        input_id=input_id,
    )
    return build_article(text, meta, origin)


def article_from_html(
    html: str | bytes,
    *,
    origin: str = "<html>",
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
    input_id: str | None = None,
    author: str | None = None,
    outlet: str | None = None,
    record_published: str | None = None,
) -> Article:
    """Extract the article from an HTML page (trafilatura) and clean it into an Article."""
    from dateline.ingest._html import html_to_article

    return html_to_article(
        html,
        origin=origin,
        url=url,
        option_published=published,
        title=title,
        input_id=input_id,
        author=author,
        outlet=outlet,
        record_published=record_published,
    )
