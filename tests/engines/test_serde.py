"""Documents and articles survive their JSON form (the Ray engine ships them as JSON)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.engines._serde import article_from_json, article_to_json, document_from_json
from dateline.model import (
    Actor,
    Article,
    Cameo,
    Dateline,
    Document,
    Entity,
    Event,
    Location,
    Plover,
    Quantity,
    SentenceRef,
    Span,
)


def full_document() -> Document:
    article = Article(
        body="Kazakhstan and China held talks.",
        title="Talks",
        dateline=Dateline("Astana", "KAZ", "TCA"),
        published="2018-11-12",
        language="en",
    )
    kaz = Actor("Kazakhstan", 0, 10, code="KAZ", country="KAZ", kind="country")
    event = Event(
        id="e1",
        sentence=SentenceRef(0, article.body, 0, 32),
        date="2018-11-12",
        date_precision="day",
        source=kaz,
        target=Actor("China", 15, 20, code="CHN"),
        cameo=Cameo("040", "04", 1, 1.0, "Consult"),
        plover=Plover("CONSULT", "visit", ["diplomatic"]),
        location=Location("Astana", "KAZ", 51.1, 71.4, "dateline"),
        negated=False,
        hypothetical=False,
        trigger=Span("held", 21, 25),
        confidence=0.85,
        rule="consult.hold-talks",
        quantities=[0],
    )
    return Document(
        article=article,
        events=[event],
        entities=[Entity("China", 15, 20, "GPE", code="CHN", sentence_index=0)],
        quantities=[Quantity("two", 2.0, None, "sides", 0, 1, 4)],
        topics=["diplomatic"],
        warnings=["w"],
    )


def test_document_round_trip() -> None:
    doc = full_document()
    back = document_from_json(doc.to_json())
    assert back == doc
    assert isinstance(back.events[0].target, Actor)
    assert isinstance(back.article.dateline, Dateline)


def test_optional_fields_stay_none() -> None:
    doc = Document(article=Article(body="x"))
    assert document_from_json(doc.to_json()) == doc


@given(st.text(), st.one_of(st.none(), st.text()))
def test_article_round_trip(body: str, title: str | None) -> None:
    article = Article(body=body, title=title)
    assert article_from_json(article_to_json(article)) == article
