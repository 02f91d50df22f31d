"""From cleaned text and metadata to an :class:`Article`."""

from __future__ import annotations

from dataclasses import dataclass

from tld import get_fld

from dateline.errors import NOT_AN_ARTICLE, InputError
from dateline.ingest._dates import normalise_published, parse_iso
from dateline.ingest._lang import detect_language
from dateline.ingest._text import clean_text
from dateline.model import Article

# Fewer words than this after cleaning is not an article (a menu, an error page, a caption).
MIN_ARTICLE_WORDS = 15


@dataclass
class Meta:
    """Metadata that came with a document, each value with where it came from."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # as found; normalised to an ISO date here
    published_source: str | None = None  # record | html
    option_published: str | None = None  # the --published option
    input_id: str | None = None
    language: str | None = None  # declared by the record or the page; checked, not trusted

    @classmethod
    def from_record(
        cls,
        *,
        title: str | None = None,
        author: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        record_published: str | None = None,
        option_published: str | None = None,
        input_id: str | None = None,
    ) -> Meta:
        """Metadata given with a text: a record's own date is trusted as "record"."""
        return cls(
            title=title,
            author=author,
            outlet=outlet,
            url=url,
            published=record_published,
            published_source="record" if record_published else None,
            option_published=option_published,
            input_id=input_id,
        )


def outlet_from_url(url: str | None) -> str | None:
    """The registered domain of ``url`` ("https://www.voanews.com/a/1.html" -> "voanews.com"),
    by the Public Suffix List bundled with ``tld`` (never downloaded at run time), so that
    "news.bbc.co.uk" gives "bbc.co.uk"; None for a URL without one (an IP, "localhost")."""
    if not url or not url.strip():
        return None
    domain = get_fld(url.strip(), fail_silently=True, fix_protocol=True)
    return domain.lower() if isinstance(domain, str) else None


def build_article(text: str, meta: Meta, origin: str) -> Article:
    """Clean ``text`` and attach metadata; raise InputError when no article is left.

    Publication date, in order of trust: the record's own value, the page's HTML metadata,
    a full dateline date, the ``--published`` option. A yearless dateline date ("Nov. 9") is
    completed with the year of the best other date when there is one.
    """
    published = normalise_published(meta.published) if meta.published else None
    option = normalise_published(meta.option_published) if meta.option_published else None
    reference = parse_iso(published) or parse_iso(option)
    cleaned = clean_text(text, title=meta.title, reference=reference)
    words = len(cleaned.body.split())
    if words < MIN_ARTICLE_WORDS:
        raise InputError(origin, NOT_AN_ARTICLE.format(min_words=MIN_ARTICLE_WORDS))

    source: str | None
    if published:
        source = meta.published_source or "record"
    elif cleaned.dateline_date is not None:
        published, source = cleaned.dateline_date.isoformat(), "dateline"
    elif option:
        published, source = option, "option"
    else:
        source = "none"
    return Article(
        body=cleaned.body,
        title=meta.title or cleaned.title,
        # The outlet a record names, else the one the text names ("(Reuters)"), else the
        # site the article came from.
        outlet=meta.outlet or cleaned.outlet or outlet_from_url(meta.url),
        author=meta.author or cleaned.author,
        url=meta.url,
        published=published,
        published_source=source,
        dateline=cleaned.dateline,
        language=detect_language(cleaned.body),
        input_id=meta.input_id,
        origin=origin,
    )
