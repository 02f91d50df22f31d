"""The per-document memo gives what spaCy would, for each document it is asked about."""

from __future__ import annotations

import gc
from collections.abc import Sequence

import spacy
from spacy.tokens import Doc, Span

from dateline import docmemo
from dateline.docmemo import (
    children,
    doc_text,
    doc_tokens,
    entities,
    head_of,
    remember,
    rights,
    sentence_index,
    sentence_of,
    sentence_tokens,
    sentences,
    span_tokens,
    token_starts,
)

# A parsed text of two sentences with a quotation, a name and a clause, for the memo to read
PARSED = (
    "Ruritania's foreign minister accused Freedonia on Monday of massing troops. "
    '"We will not back down," she told reporters in Osterlich.'
)


def _doc(text: str, starts: list[int], ents: Sequence[tuple[int, int, str]] = ()) -> Doc:
    doc = spacy.blank("en")(text)
    for i, tok in enumerate(doc):
        tok.is_sent_start = i in starts
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_text_sentences_and_offsets_are_spacys() -> None:
    doc = _doc("Ruritania met Freedonia .\n\nThen Osterlich left  the talks .", [0, 4, 5])
    assert doc_text(doc) == doc.text
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert token_starts(doc) == [t.idx for t in doc]
    for tok in doc:
        assert (sentence_of(tok).start, sentence_of(tok).end) == (tok.sent.start, tok.sent.end)
        assert sentences(doc)[sentence_index(tok)].start == tok.sent.start


def test_children_and_heads_are_spacys() -> None:
    # a hand-made tree with left and right children, a non-projective arc and two roots
    words = ["Ruritania", "and", "Freedonia", "signed", "a", "pact", "today", ".", "Fine", "."]
    heads = [3, 0, 0, 3, 5, 3, 3, 3, 8, 8]
    deps = ["nsubj", "cc", "conj", "ROOT", "det", "dobj", "npadvmod", "punct", "ROOT", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    crossing = Doc(doc.vocab, words=["a", "b", "c", "d"], heads=[2, 3, 2, 2], deps=["x"] * 4)
    for d in (doc, crossing):
        for tok in d:
            assert [c.i for c in children(tok)] == [c.i for c in tok.children]
            assert head_of(tok).i == tok.head.i
            assert head_of(tok).doc is d
            assert [c.i for c in rights(tok)] == [c.i for c in tok.rights]
    assert [c.i for c in children(doc[3])] == [0, 5, 6, 7]


def test_entities_are_the_documents() -> None:
    doc = _doc("Ruritania met Freedonia in Osterlich .", [0], [(0, 1, "GPE"), (4, 5, "GPE")])
    assert [(e.start, e.end, e.label_) for e in entities(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]


def test_each_document_keeps_its_own_answers() -> None:
    one = _doc("Ruritania met Freedonia .", [0])
    two = _doc("Osterlich left Borduria today .", [0, 3])
    assert remember(one, "words", lambda: len(one)) == 4
    assert remember(two, "words", lambda: len(two)) == 5
    # a value is computed once and then read back
    assert remember(one, "words", lambda: -1) == 4
    assert len(sentences(two)) == 2 and len(sentences(one)) == 1
    assert doc_text(one) == "Ruritania met Freedonia ."


def test_a_new_document_in_a_freed_ones_place_is_not_taken_for_it() -> None:
    first = _doc("Ruritania met Freedonia .", [0])
    remember(first, "probe", lambda: "first")
    del first
    gc.collect()
    for _ in range(10):
        other = _doc("Ruritania met Freedonia .", [0])
        assert remember(other, "probe", lambda: "other") == "other"
        del other
        gc.collect()


def test_only_the_last_few_documents_are_kept() -> None:
    docs = [_doc(f"Ruritania met Freedonia {i} .", [0]) for i in range(docmemo._KEPT + 2)]
    for doc in docs:
        doc_text(doc)
    kept = [m.doc() for m in docmemo._recent]
    assert len(kept) == docmemo._KEPT
    assert docs[0] not in kept and docs[-1] in kept


def test_tokens_of_a_parsed_document_are_spacys(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(PARSED)
    assert [(t.i, t.text) for t in doc_tokens(doc)] == [(t.i, t.text) for t in doc]
    assert doc_tokens(doc) is doc_tokens(doc)  # made once
    assert all(t.doc is doc for t in doc_tokens(doc))
    for sent in doc.sents:
        assert [t.i for t in span_tokens(sent)] == [t.i for t in sent]
    part = doc[3:9]
    assert [t.text for t in span_tokens(part)] == [t.text for t in part]
    for tok in doc:
        assert [t.i for t in sentence_tokens(tok)] == [t.i for t in tok.sent]
    assert len({len(sentence_tokens(t)) for t in doc}) == 2
    for tok in doc:
        assert [c.i for c in rights(tok)] == [c.i for c in tok.rights]
    assert any(rights(tok) for tok in doc)
