"""From cleaned text and metadata to an :class:`Article`."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.errors import NOT_AN_ARTICLE, InputError
from dateline.ingest._dates import DateWindow, date_window, normalise_published, parse_iso
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
    html_published: str | None = None  # the page's own date, next after a record's
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


def build_article(text: str, meta: Meta, origin: str) -> Article:
    """Clean ``text`` and attach metadata; raise InputError when no article is left.

    Publication date, in order of trust: the record's own value, the page's HTML metadata,
    a full dateline date, the ``--published`` option. A yearless dateline date ("Nov. 9") is
    completed with the year of the best other date when there is one. A date outside the
    plausible window (``date_window``) is ignored, with a warning in ``Article.warnings``,
    and the next source is used.
    """
    window = date_window()
    warnings: list[str] = []
    source = meta.published_source or "record"
    published = _plausible(meta.published, f"{source} date", window, warnings)
    if published is None and meta.html_published:
        published = _plausible(meta.html_published, "html date", window, warnings)
        source = "html"
    option = _plausible(meta.option_published, "--published date", window, warnings)
    reference = parse_iso(published) or parse_iso(option)
    cleaned = clean_text(text, title=meta.title, reference=reference)
    words = len(cleaned.body.split())
    if words < MIN_ARTICLE_WORDS:
        raise InputError(origin, NOT_AN_ARTICLE.format(min_words=MIN_ARTICLE_WORDS))

    dateline = cleaned.dateline_date.isoformat() if cleaned.dateline_date else None
    dateline = _plausible(dateline, "dateline date", window, warnings)
    if not published:
        if dateline is not None:
            published, source = dateline, "dateline"
        elif option:
            published, source = option, "option"
        else:
            source = "none"
    return Article(
        body=cleaned.body,
        title=meta.title or cleaned.title,
        outlet=meta.outlet or cleaned.outlet,
        author=meta.author or cleaned.author,
        url=meta.url,
        published=published,
        published_source=source,
        dateline=cleaned.dateline,
        language=detect_language(cleaned.body),
        input_id=meta.input_id,
        origin=origin,
        warnings=warnings,
    )


def _plausible(value: str | None, what: str, window: DateWindow, warnings: list[str]) -> str | None:
    """``value`` as an ISO date if it is one inside ``window``; a warning if it is outside."""
    iso = normalise_published(value) if value else None
    if iso is not None and not window.holds(iso):
        given = " ".join(str(value).split())[:40]
        warnings.append(f"{what} {given} ignored: outside the plausible dates {window}")
        return None
    return iso
