"""HTML pages -> Article, with trafilatura for the body and metadata, htmldate for the date.

No network access happens here: trafilatura and htmldate get an already parsed lxml tree
(htmldate fetches a page when handed a bare URL string, so it never gets a string), and the
lxml HTML parser neither loads DTDs nor resolves external entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from dateline.errors import MARKUP_TOO_LARGE, NOT_AN_ARTICLE, NOT_HTML, TRUNCATED_HTML, InputError
from dateline.ingest._article import MIN_ARTICLE_WORDS, Meta, build_article
from dateline.ingest._decode import DecodeFailure, decode_bytes
from dateline.model import Article

# Only the head of a page is searched for a <meta charset> declaration.
CHARSET_SNIFF_BYTES = 4096
# Markup is looked for in this much of the page (pages may open with long <style> blocks).
HTML_SNIFF_CHARS = 65536
# A page whose end is cut off inside a tag or text: only the last bytes are examined.
TRUNCATION_TAIL_CHARS = 2048

# Markup bounds checked before a page is parsed: what lxml and trafilatura cost grows with
# them, and with the square of one element's attribute count (libxml2 compares each new
# attribute with the element's others: 10k/20k/40k/80k attributes on one element took
# 2.6/4.7/11.9/49.2 s). News pages stay far below each (a long article page has a few
# thousand elements and attributes, tens of attributes on an element, nesting under 100;
# 100,000 small elements took 30 s to read).
MAX_ELEMENT_ATTRIBUTES = 1_000
MAX_ATTRIBUTES = 100_000
MAX_ELEMENTS = 50_000
# Deeper than this the extraction's time grows steeply (depth 1,000 takes about a second,
# 2,000 fifteen), and libxml2 stops at 2,048 even with its limits lifted.
MAX_NESTING = 1_000
# libxml2 drops whatever lies deeper than this unless its limits are lifted (huge_tree).
PARSER_DEFAULT_DEPTH = 255

# Tags that never hold content, and tags whose end tag may be left out (a parser closes
# them itself): neither deepens the nesting.
_VOID_OR_SELF_CLOSING = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option",
     "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp")
)  # fmt: skip
# Script, style and comments hold text, not markup: left out of the counts. Each opening
# is followed by a search for its end only, and an unclosed one takes the rest of the page
# (as in a browser), so that the counting stays linear in the page's length.
_OPAQUE_START_RE = re.compile(r"<!--|<(script|style)\b", re.I)
_OPAQUE_END_RE = {
    "": re.compile(r"-->"),
    "script": re.compile(r"</script\s*>", re.I),
    "style": re.compile(r"</style\s*>", re.I),
}
# A tag: quoted values may hold ">" and "<". As in HTML's tokenizer, a quote opens a value
# only right after "=": a stray one (`target_blank"`) is an ordinary character, not the
# start of a value running on through the page. Possessive quantifiers never backtrack,
# and an unclosed tag ends where its text does (">" is optional).
_TAG_RE = re.compile(
    r"""<(/?)([A-Za-z][^\s/>"'<]*+)"""
    r"""((?:[^>"'=]++|=\s*+(?:"[^"]*+"|'[^']*+')|=|["'])*+)>?"""
)
_ATTRIBUTE_RE = re.compile(r"""[^\s=/>"']++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'>]*+))?+""")

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


@dataclass
class Markup:
    """What a page's markup holds, counted without parsing it (linear in its length)."""

    elements: int = 0
    attributes: int = 0
    most_attributes: int = 0  # on one element
    depth: int = 0  # deepest nesting of elements

    def over_limit(self) -> tuple[str, int, int, str] | None:
        """The first bound exceeded, as (what, count, limit, the limit's name), or None."""
        checks = (
            ("attributes on one element", self.most_attributes, MAX_ELEMENT_ATTRIBUTES,
             "MAX_ELEMENT_ATTRIBUTES"),
            ("attributes", self.attributes, MAX_ATTRIBUTES, "MAX_ATTRIBUTES"),
            ("elements", self.elements, MAX_ELEMENTS, "MAX_ELEMENTS"),
            ("levels of nesting", self.depth, MAX_NESTING, "MAX_NESTING"),
        )  # fmt: skip
        for what, count, limit, name in checks:
            if count > limit:
                return what, count, limit, name
        return None


def count_markup(text: str) -> Markup:
    """Elements, attributes and nesting of an HTML page, from its tags alone."""
    counts = Markup()
    depth = 0
    for match in _TAG_RE.finditer(_markup_only(text)):
        closing, name, rest = match.groups()
        name = name.lower()
        if name in _VOID_OR_SELF_CLOSING:
            if not closing:
                counts.elements += 1
                counts.attributes += _attribute_count(rest, counts)
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        counts.elements += 1
        counts.attributes += _attribute_count(rest, counts)
        if not rest.endswith("/"):
            depth += 1
            counts.depth = max(counts.depth, depth)
    return counts


def _markup_only(text: str) -> str:
    """``text`` without its comments, scripts and styles."""
    parts = []
    position = 0
    while (opening := _OPAQUE_START_RE.search(text, position)) is not None:
        parts.append(text[position : opening.start()])
        end = _OPAQUE_END_RE[(opening.group(1) or "").lower()].search(text, opening.end())
        if end is None:
            return " ".join(parts)
        position = end.end()
    parts.append(text[position:])
    return " ".join(parts)


def _attribute_count(rest: str, counts: Markup) -> int:
    own = len(_ATTRIBUTE_RE.findall(rest)) if rest.strip(" /\t\r\n") else 0
    counts.most_attributes = max(counts.most_attributes, own)
    return own


def _screen(text: str, origin: str) -> Markup:
    """The page's markup counts; InputError when one is over its bound."""
    counts = count_markup(text)
    over = counts.over_limit()
    if over is not None:
        what, count, limit, name = over
        raise InputError(
            origin,
            MARKUP_TOO_LARGE.format(
                count=f"{count:,}", what=what, limit=f"{limit:,}", name=f"dateline.ingest.{name}"
            ),
        )
    return counts


def _parse(text: str, counts: Markup) -> Any:
    """The page's lxml tree, as trafilatura loads it; a page nested deeper than libxml2's
    default limit is parsed with the limit lifted, else what lies deeper would be lost."""
    import trafilatura

    if counts.depth <= PARSER_DEFAULT_DEPTH:
        return trafilatura.load_html(text)
    from lxml.etree import ParserError
    from lxml.html import HTMLParser, document_fromstring

    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    try:
        return document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (ParserError, ValueError):
        return None


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


def html_to_article(html: str | bytes, given: Meta, origin: str) -> Article:
    """Extract and clean one HTML page, with the metadata ``given`` with it completed by the
    page's own. Raises InputError for empty, binary, truncated or article-less pages, and for
    pages whose markup is over a bound (``MAX_ELEMENTS`` ...)."""
    try:
        text = html_to_text(html)
    except DecodeFailure as exc:
        raise InputError(origin, str(exc)) from exc
    if not looks_like_html(text):
        raise InputError(origin, NOT_HTML)
    if is_truncated(text):
        raise InputError(origin, TRUNCATED_HTML)
    tree = _parse(text, _screen(text, origin))
    if tree is None:
        raise InputError(origin, NOT_HTML)
    doc = _extract(tree, given.url)
    if doc is None or not (doc.text or "").strip():
        raise InputError(origin, NOT_AN_ARTICLE.format(min_words=MIN_ARTICLE_WORDS))
    return build_article(doc.text, _with_page(given, doc), origin, extracted=True)


def _with_page(given: Meta, doc: Any) -> Meta:
    """``given`` completed by the page's own metadata (trafilatura's ``doc``): what was given
    wins; the page's date comes next after a record's, and before a dateline's."""
    record = given.published
    return replace(
        given,
        title=given.title or doc.title,
        author=given.author or doc.author,
        outlet=given.outlet or doc.sitename,
        url=given.url or doc.url,
        published=record or doc.date,
        published_source="record" if record else ("html" if doc.date else None),
        html_published=doc.date if record else None,
    )
