"""What the coder reads of one parsed document many times over, worked out once.

Coding a sentence asks for its named entities and its text once per event (the event's
date, its place, its evidence), and spaCy builds both anew from the tokens on every call.
The answers depend only on the document, so they are kept for the document being coded:
one memo at a time, for the last document asked about, dropped as soon as another document
is asked about. The memo knows its document by a weak reference, so a new document that
happens to take a freed one's place in memory is never taken for it.
"""

from __future__ import annotations

import weakref

from spacy.tokens import Doc, Span, Token


class _DocMemo:
    """The sentences' entities and texts of one document, by token range."""

    def __init__(self, doc: Doc) -> None:
        self.doc = weakref.ref(doc)
        self.ents: dict[tuple[int, int], tuple[Span, ...]] = {}
        self.texts: dict[tuple[int, int], str] = {}
        # each token's sentence as (start, end), filled a whole sentence at a time
        self.sentence_at: list[tuple[int, int] | None] = [None] * len(doc)


_current: _DocMemo | None = None


def _memo(doc: Doc) -> _DocMemo:
    global _current
    memo = _current  # read once: another thread may swap the memo meanwhile
    if memo is None or memo.doc() is not doc:
        memo = _current = _DocMemo(doc)
    return memo


def span_ents(span: Span) -> list[Span]:
    """The named entities inside ``span`` (as ``span.ents``), read off its own tokens:
    ``Span.ents`` rebuilds every entity of the whole document on each call, which made coding
    quadratic in the article's length (an hour for a 900,000-character article)."""
    return _ents(_memo(span.doc), span.doc, span.start, span.end)


def sentence_ents_of(tok: Token) -> list[Span]:
    """``span_ents(tok.sent)``: ``Token.sent`` builds two spans on each call, so each
    sentence's range is found once, for all its tokens."""
    doc = tok.doc
    memo = _memo(doc)
    bounds = memo.sentence_at[tok.i]
    if bounds is None:
        sent = tok.sent
        bounds = (sent.start, sent.end)
        memo.sentence_at[sent.start : sent.end] = [bounds] * (sent.end - sent.start)
    return _ents(memo, doc, *bounds)


def _ents(memo: _DocMemo, doc: Doc, start: int, end: int) -> list[Span]:
    key = (start, end)
    found = memo.ents.get(key)
    if found is None:
        found = memo.ents[key] = tuple(_read_ents(doc, start, end))
    return list(found)


def span_text(span: Span) -> str:
    """``span.text``, joined from the tokens once per span of the document."""
    memo = _memo(span.doc)
    key = (span.start, span.end)
    text = memo.texts.get(key)
    if text is None:
        text = memo.texts[key] = span.text
    return text


def _read_ents(doc: Doc, start: int, end: int) -> list[Span]:
    ents: list[Span] = []
    i = start
    while i < end:
        tok = doc[i]
        if tok.ent_iob_ != "B":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if j <= end:
            ents.append(Span(doc, i, j, label=tok.ent_type_))
        i = j
    return ents
