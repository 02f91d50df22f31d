"""The hand-made documents the store, API and reliability tests use are sound: every offset
cuts out the text it quotes, every coding is the codebook's, and they fit the output schema."""

from __future__ import annotations

import jsonschema
import pytest
from reliability_docs import coded_corpus, offset_problems

from builders import CODEBOOK, CODES, VERBS, Ev, make_doc, synthetic_corpus
from dateline.codebook import PLOVER_EVENTS
from dateline.model import Document, output_schema


def corpora() -> list[Document]:
    return [
        *synthetic_corpus(30, seed=3),
        *coded_corpus(30, seed=3),
        make_doc([Ev("IRN", None, "111", None)]),
        make_doc([]),
    ]


@pytest.mark.parametrize("doc", corpora(), ids=lambda d: d.article.id[:8])
def test_every_document_is_consistent(doc: Document) -> None:
    data = doc.to_dict()
    assert offset_problems(data) == []
    jsonschema.validate(data, output_schema())
    for event in doc.events:
        assert event.cameo == CODEBOOK.cameo(event.cameo.code)
        assert event.plover == CODEBOOK.plover(event.cameo.code)
        assert event.plover.event in PLOVER_EVENTS  # PLOVER 2021 names only


def test_the_codes_cover_every_quad_class() -> None:
    assert set(CODES) == set(VERBS)
    assert {CODEBOOK.quad_class(code) for code in CODES} == {1, 2, 3, 4}


def test_a_text_missing_from_a_given_sentence_is_an_error() -> None:
    with pytest.raises(ValueError, match="Kazakhstan"):
        make_doc([Ev("KAZ", "CHN", "040", None, "The Chinese envoy held talks in Astana.")])
