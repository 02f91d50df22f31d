"""Ingestion: raw news (text, HTML, JSONL, WARC; files, folders, globs, stdin; gzipped or
not) -> clean :class:`~dateline.model.Article` records.

Public API::

    read_inputs(paths, published=None, max_bytes=DEFAULT_MAX_BYTES)  # Article | InputError ...
    article_from_text(text, origin=..., **given)  -> Article   # given: GivenMeta's keys
    article_from_html(html, origin=..., **given)  -> Article

Both ``article_from_*`` raise :class:`~dateline.errors.InputError` when no article is left
after cleaning; ``read_inputs`` yields such errors in place of the document instead.
"""

from __future__ import annotations

from typing import Unpack

from dateline.ingest._article import MIN_ARTICLE_WORDS, GivenMeta, Meta, build_article
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
    "GivenMeta",
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


def article_from_text(text: str, *, origin: str = "<text>", **given: Unpack[GivenMeta]) -> Article:
    """Clean plain-text news (headline, byline, dateline, trailing boilerplate) into an Article.

    ``given``: title, author, outlet, url, input_id, ``published`` (the user's
    ``--published`` option, used only when the text carries no better date) and
    ``record_published`` (a date that came with the document, which wins over all); see
    :class:`GivenMeta`.
    """
    return build_article(text, Meta.from_record(**given), origin)


def article_from_html(
    html: str | bytes, *, origin: str = "<html>", **given: Unpack[GivenMeta]
) -> Article:
    """Extract the article from an HTML page (trafilatura) and clean it into an Article; the
    page's own metadata completes what is ``given`` (as for :func:`article_from_text`)."""
    from dateline.ingest._html import html_to_article

    return html_to_article(html, Meta.from_record(**given), origin)
