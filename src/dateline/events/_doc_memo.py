"""What the coder reads of one parsed document many times over, worked out once.

Coding a sentence asks for its named entities and its text once per event (the event's
date, its place, its evidence), and spaCy builds both anew from the tokens on every call.
The answers depend only on the document, so they are kept with it (``dateline.docmemo``).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from dateline.docmemo import doc_text, entities, remember, sentence_of


def span_ents(span: Span) -> list[Span]:
    """The named entities inside ``span`` (as ``span.ents``), read off its own tokens:
    ``Span.ents`` rebuilds every entity of the whole document on each call, which made coding
    quadratic in the article's length (an hour for a 900,000-character article)."""
    return _ents(span.doc, span.start, span.end)


def sentence_ents_of(tok: Token) -> list[Span]:
    """``span_ents(tok.sent)``: ``Token.sent`` builds two spans on each call, so each
    sentence's range is found once, for all its tokens."""
    sent = sentence_of(tok)
    return _ents(tok.doc, sent.start, sent.end)


def _ents(doc: Doc, start: int, end: int) -> list[Span]:
    return list(remember(doc, ("events.ents", start, end), lambda: _read_ents(doc, start, end)))


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text (which spaCy joins from the tokens)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def _read_ents(doc: Doc, start: int, end: int) -> tuple[Span, ...]:
    """The entities that start and end inside tokens [start, end)."""
    ents = entities(doc)
    starts = remember(doc, "events.entity_starts", lambda: [e.start for e in ents])
    inside = ents[bisect_left(starts, start) : bisect_left(starts, end)]
    return tuple(e for e in inside if e.end <= end)
