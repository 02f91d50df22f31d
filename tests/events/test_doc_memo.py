"""The coder's per-document memo gives what spaCy would, for the document it is asked about."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from dateline.events._doc_memo import sentence_ents_of, span_ents, span_text


def _doc(text: str, ents: list[tuple[int, int, str]], starts: list[int]) -> Doc:
    doc = spacy.blank("en")(text)
    for i, tok in enumerate(doc):
        tok.is_sent_start = i in starts
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _triples(spans: list[Span]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label_) for s in spans]


def test_span_ents_are_the_entities_inside_the_span() -> None:
    doc = _doc(
        "Ruritania met Freedonia . Then Osterlich left .",
        [(0, 1, "GPE"), (2, 3, "GPE"), (5, 6, "GPE")],
        [0, 4],
    )
    first, second = list(doc.sents)
    assert _triples(span_ents(first)) == [(0, 1, "GPE"), (2, 3, "GPE")]
    assert _triples(span_ents(second)) == [(5, 6, "GPE")]
    assert _triples(span_ents(first)) == _triples(list(first.ents))


def test_sentence_ents_of_a_token_are_those_of_its_sentence() -> None:
    doc = _doc(
        "Ruritania met Freedonia . Then Osterlich left .",
        [(0, 1, "GPE"), (2, 3, "GPE"), (5, 6, "GPE")],
        [0, 4],
    )
    for tok in doc:
        assert _triples(sentence_ents_of(tok)) == _triples(span_ents(tok.sent))


def test_another_document_gets_its_own_answers() -> None:
    one = _doc("Ruritania met Freedonia .", [(0, 1, "GPE")], [0])
    two = _doc("Osterlich met Borduria .", [(2, 3, "NORP")], [0])
    assert _triples(sentence_ents_of(one[0])) == [(0, 1, "GPE")]
    assert _triples(sentence_ents_of(two[0])) == [(2, 3, "NORP")]
    assert span_text(one[0:3]) == "Ruritania met Freedonia"
    assert span_text(two[0:3]) == "Osterlich met Borduria"
