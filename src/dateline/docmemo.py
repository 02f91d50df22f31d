"""What every stage reads of one parsed document many times over, worked out once.

spaCy rebuilds ``Doc.text`` from every token on each access, ``Doc.sents`` span by span,
and ``Token.sent`` walks back to its sentence's start and slices the document on every
call. Resolving actors, coding events, dating them and writing the output each ask for
these many times per document; the answers depend only on the parsed document, so they are
kept for the few documents asked about last. A memo knows its document by a weak
reference, so a new document that happens to take a freed one's place in memory is never
taken for it.

``remember`` keeps any other value worked out from the document alone (a sentence's
question mark, its entities) under a key of the caller's choice.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import numpy
from spacy.attrs import HEAD, IDX
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")
# Documents whose memos are kept: the article being coded, and the small documents made on
# the way (a phrase coded on its own) that must not push it out.
_KEPT = 4


class DocMemo:
    """The text, sentences and remembered values of one parsed document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = weakref.ref(doc)
        self._text: str | None = None
        self._tokens: list[Token] | None = None
        self._sentence_tokens: dict[int, tuple[Token, ...]] = {}
        self._sentences: list[Span] | None = None
        self._sentence_at: list[int] | None = None
        self._children: list[tuple[Token, ...]] | None = None
        self._heads: list[Token] | None = None
        self.values: dict[Hashable, Any] = {}
        # per_token's answers: one dict per function, keyed by token index
        self.per_token: dict[str, dict[int, Any]] = {}

    def text(self, doc: Doc) -> str:
        if self._text is None:
            self._text = doc.text
        return self._text

    def tokens(self, doc: Doc) -> list[Token]:
        if self._tokens is None:
            self._tokens = list(doc)
        return self._tokens

    def sentence_tokens(self, doc: Doc, k: int) -> tuple[Token, ...]:
        """The tokens of sentence ``k`` (an index into ``sentences``)."""
        kept = self._sentence_tokens.get(k)
        if kept is None:
            sent = self.sentences(doc)[k]
            kept = self._sentence_tokens[k] = tuple(self.tokens(doc)[sent.start : sent.end])
        return kept

    def sentences(self, doc: Doc) -> list[Span]:
        if self._sentences is None:
            self._sentences = list(doc.sents)
        return self._sentences

    def sentence_at(self, doc: Doc) -> list[int]:
        """Each token's sentence, as an index into ``sentences``."""
        if self._sentence_at is None:
            at = [0] * len(doc)
            for k, sent in enumerate(self.sentences(doc)):
                at[sent.start : sent.end] = [k] * (sent.end - sent.start)
            self._sentence_at = at
        return self._sentence_at

    def children(self, doc: Doc) -> list[tuple[Token, ...]]:
        """Each token's syntactic children, in document order."""
        if self._children is None:
            self._read_tree(doc)
        return self._children  # type: ignore[return-value]

    def heads(self, doc: Doc) -> list[Token]:
        """Each token's syntactic head (the root's is itself)."""
        if self._heads is None:
            self._read_tree(doc)
        return self._heads  # type: ignore[return-value]

    def _read_tree(self, doc: Doc) -> None:
        tokens = self.tokens(doc)
        kids: list[list[Token]] = [[] for _ in tokens]
        # HEAD is stored as the offset to the head, unsigned: the signed view undoes that
        offsets = doc.to_array(HEAD).view(numpy.int64).tolist()
        heads = []
        for i, (tok, offset) in enumerate(zip(tokens, offsets, strict=True)):
            heads.append(tokens[i + offset])
            if offset:
                kids[i + offset].append(tok)
        self._children = [tuple(k) for k in kids]
        self._heads = heads


_recent: tuple[DocMemo, ...] = ()
# what a remembered function has not been asked yet (None is an answer)
_MISSING: Any = object()


def memo(doc: Doc) -> DocMemo:
    """The memo of ``doc``, made on first use."""
    global _recent
    recent = _recent  # read once: another thread may replace it meanwhile
    if recent and recent[0].doc() is doc:
        return recent[0]  # nearly every call asks about the document being coded
    for kept in recent:
        if kept.doc() is doc:
            return kept
    made = DocMemo(doc)
    _recent = (made, *recent[: _KEPT - 1])
    return made


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document."""
    return memo(doc).text(doc)


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, made once per document: spaCy makes a new object for each token on
    every walk (do not change the list)."""
    return memo(doc).tokens(doc)


def span_tokens(span: Span) -> list[Token]:
    """The tokens of ``span``, taken from ``doc_tokens`` instead of made anew."""
    return doc_tokens(span.doc)[span.start : span.end]


def sentence_tokens(tok: Token) -> tuple[Token, ...]:
    """The tokens of ``tok.sent``, made once per sentence."""
    doc = tok.doc
    kept = memo(doc)
    return kept.sentence_tokens(doc, kept.sentence_at(doc)[tok.i])


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, built once per document (do not change the list)."""
    return memo(doc).sentences(doc)


def sentence_index(tok: Token) -> int:
    """The index of ``tok``'s sentence in ``sentences(tok.doc)``."""
    return memo(tok.doc).sentence_at(tok.doc)[tok.i]


def sentence_of(tok: Token) -> Span:
    """``tok.sent``, without walking the document on each call."""
    doc = tok.doc
    kept = memo(doc)
    at = kept._sentence_at
    sents = kept._sentences
    if at is None or sents is None:  # the first call for this document
        return kept.sentences(doc)[kept.sentence_at(doc)[tok.i]]
    return sents[at[tok.i]]


def children(tok: Token) -> tuple[Token, ...]:
    """``tok.children`` as a tuple, found once per document: spaCy's generator walks the
    token's whole subtree span and makes a new object for each child on every call."""
    doc = tok.doc
    kept = memo(doc)
    # read the field, not the method: this is asked half a million times per bench run
    kids = kept._children
    if kids is None:
        kids = kept.children(doc)
    return kids[tok.i]


def rights(tok: Token) -> tuple[Token, ...]:
    """``tok.rights`` as a tuple: spaCy walks back from the token's right edge on every
    call."""
    i = tok.i
    return tuple(c for c in children(tok) if c.i > i)


def head_of(tok: Token) -> Token:
    """``tok.head``, without making a new token object on every call."""
    doc = tok.doc
    kept = memo(doc)
    heads = kept._heads
    if heads is None:
        heads = kept.heads(doc)
    return heads[tok.i]


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document."""
    return remember(doc, "docmemo.entities", lambda: tuple(doc.ents))


def noun_chunks(doc: Doc) -> tuple[Span, ...]:
    """``doc.noun_chunks``, found once per document (the document must be parsed)."""
    return remember(doc, "docmemo.noun_chunks", lambda: tuple(doc.noun_chunks))


def token_lemmas(doc: Doc) -> list[str]:
    """Each token's lemma in lower case."""
    return remember(
        doc, "docmemo.token_lemmas", lambda: [t.lemma_.lower() for t in doc_tokens(doc)]
    )


def token_pos(doc: Doc) -> list[str]:
    """Each token's coarse part of speech (``tok.pos_``)."""
    return remember(doc, "docmemo.token_pos", lambda: [t.pos_ for t in doc_tokens(doc)])


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset (``tok.idx``), read as one array."""
    return remember(doc, "docmemo.token_starts", lambda: doc.to_array(IDX).tolist())


def per_token(fn: Callable[[Token], T]) -> Callable[[Token], T]:
    """``fn`` remembered per token of each document: for a function of the parse alone whose
    answer is not changed by its callers (a token, a flag, a frozen record, a tuple)."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def remembered(tok: Token) -> T:
        kept = memo(tok.doc).per_token
        values = kept.get(name)
        if values is None:
            values = kept[name] = {}
        i = tok.i
        value = values.get(i, _MISSING)
        if value is _MISSING:
            value = values[i] = fn(tok)
        return value

    return remembered


def remember(doc: Doc, key: Hashable, compute: Callable[[], T]) -> T:
    """The value kept for ``doc`` under ``key``, computed by ``compute`` on first use: it
    must depend on the document alone."""
    values = memo(doc).values
    if key in values:
        return values[key]
    value = values[key] = compute()
    return value
