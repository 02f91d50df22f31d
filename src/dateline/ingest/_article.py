"""From cleaned text and metadata to an :class:`Article`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypedDict, Unpack

from tld import get_fld

from dateline.errors import EMPTY_TEXT, NOT_AN_ARTICLE, InputError
from dateline.ingest._dates import DateWindow, date_window, normalise_published, parse_iso
from dateline.ingest._lang import detect_language
from dateline.ingest._sentences import is_one_sentence
from dateline.ingest._text import CleanedText, clean_text, normalise_newlines
from dateline.model import Article

# Fewer words than this in the text extracted from an HTML page is not an article (a menu,
# an error page, a caption). Text the user gives explicitly is coded whatever its length.
MIN_ARTICLE_WORDS = 15
_BLANK_LINES = re.compile(r"\n{3,}")


class GivenMeta(TypedDict, total=False):
    """Metadata a caller gives with one document: the keyword arguments of
    ``article_from_text`` and ``article_from_html``, and what a JSONL record carries."""

    title: str | None
    author: str | None
    outlet: str | None
    url: str | None
    # The user's --published option (published_source "option"): used only when the
    # document carries no better date.
    published: str | None
    # A date that came with the document (a JSONL record's field; published_source
    # "record"): it wins over all.
    record_published: str | None
    input_id: str | None


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
    def from_record(cls, **given: Unpack[GivenMeta]) -> Meta:
        """Metadata given with a document: a record's own date is trusted as "record"."""
        record = given.get("record_published")
        return cls(
            title=given.get("title"),
            author=given.get("author"),
            outlet=given.get("outlet"),
            url=given.get("url"),
            published=record,
            published_source="record" if record else None,
            option_published=given.get("published"),
            input_id=given.get("input_id"),
        )


def outlet_from_url(url: str | None) -> str | None:
    """The registered domain of ``url`` ("https://www.voanews.com/a/1.html" -> "voanews.com"),
    by the Public Suffix List bundled with ``tld`` (never downloaded at run time), so that
    "news.bbc.co.uk" gives "bbc.co.uk"; None for a URL without one (an IP, "localhost")."""
    if not url or not url.strip():
        return None
    domain = get_fld(url.strip(), fail_silently=True, fix_protocol=True)
    return domain.lower() if isinstance(domain, str) else None


def build_article(text: str, meta: Meta, origin: str, *, extracted: bool = False) -> Article:
    """Clean ``text`` and attach metadata.

    ``extracted``: the text was extracted from an HTML page, where a short result means
    boilerplate, so fewer than ``MIN_ARTICLE_WORDS`` words raise InputError. Any other text
    was given explicitly and is coded whatever its length (only an empty one is an error),
    and cleaning never eats it: a one-line, one-sentence text is kept as given (its
    dateline is still read), and a text that cleaning would empty is kept whole.

    Publication date, in order of trust: the record's own value, the page's HTML metadata,
    a full dateline date, the ``--published`` option. A yearless dateline date ("Nov. 9") is
    completed with the year of the best other date when there is one. A date outside the
    plausible window (``date_window``) is ignored, with a warning in ``Article.warnings``,
    and the next source is used.
    """
    if not normalise_newlines(text).strip():
        raise InputError(origin, EMPTY_TEXT)
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
    if extracted:
        if len(cleaned.body.split()) < MIN_ARTICLE_WORDS:
            raise InputError(origin, NOT_AN_ARTICLE.format(min_words=MIN_ARTICLE_WORDS))
    else:
        cleaned.body = _given_body(text, cleaned)

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
        warnings=warnings,
    )


def _given_body(text: str, cleaned: CleanedText) -> str:
    """The body of an explicitly given text: as cleaned, unless cleaning would change a
    one-sentence record (kept as given, so offsets index into the input) or leave nothing
    (kept whole, line by line)."""
    given = normalise_newlines(text).rstrip()
    stripped = given.strip()
    # leading spaces stay, so that offsets index into the input; leading blank lines go
    verbatim = given if "\n" not in given else stripped
    one_line = "\n" not in stripped
    if one_line and (cleaned.body == stripped or is_one_sentence(stripped)):
        return verbatim
    if cleaned.body.strip():
        return cleaned.body
    if one_line:
        return verbatim
    lines = "\n".join(line.strip() for line in stripped.split("\n"))
    return _BLANK_LINES.sub("\n\n", lines)


def _plausible(value: str | None, what: str, window: DateWindow, warnings: list[str]) -> str | None:
    """``value`` as an ISO date if it is one inside ``window``; a warning if it is outside."""
    iso = normalise_published(value) if value else None
    if iso is not None and not window.holds(iso):
        given = " ".join(str(value).split())[:40]
        warnings.append(f"{what} {given} ignored: outside the plausible dates {window}")
        return None
    return iso
