"""Coding for the store: one article that breaks the coder is reported, the rest go on."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from builders import Ev, make_doc
from dateline.engines import LocalEngine
from dateline.errors import InputError
from dateline.model import Article, Document
from dateline.store import Store
from dateline.store.coding import IsolatingCoder, code_articles


class FakeCoder:
    """Codes the articles built by ``make_doc``; raises on a body containing BOOM."""

    def __init__(self, docs: list[Document]) -> None:
        self.by_id = {d.article.id: d for d in docs}
        self.calls = 0

    def code_many(self, articles: Iterable[Article], **_: object) -> Iterator[Document]:
        self.calls += 1
        out = []
        for art in articles:
            if "BOOM" in art.body:
                raise RuntimeError("parser exploded")
            out.append(self.by_id[art.id])
        return iter(out)


def test_a_failing_article_becomes_an_input_error_in_place(store: Store) -> None:
    docs = [
        make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")], outlet="A"),
        make_doc([Ev("RUS", "UKR", "190", "2018-11-25")], outlet="B", salt="BOOM"),
        make_doc([Ev("USA", "IRN", "111", "2019-01-03")], outlet="C"),
    ]
    docs[1].article.origin = "bad.txt"
    engine = LocalEngine(workers=1, pipeline=IsolatingCoder(FakeCoder(docs)), chunk_size=3)
    out = list(code_articles(engine, [d.article for d in docs]))
    assert isinstance(out[0], Document) and isinstance(out[2], Document)
    assert isinstance(out[1], InputError)
    assert out[1].origin == "bad.txt" and "parser exploded" in out[1].reason

    report = store.ingest(out)
    assert (report.stored, report.failed) == (2, 1)
    assert not store.has_article(docs[1].article.id)  # tried again by the next run


class SlowCoder(FakeCoder):
    """Codes lazily, one document at a time; a body containing SLOW takes a minute."""

    def code_many(self, articles: Iterable[Article], **_: object) -> Iterator[Document]:
        for art in articles:
            if "SLOW" in art.body:
                end = time.monotonic() + 60
                while time.monotonic() < end:
                    pass
            yield self.by_id[art.id]


def test_an_article_over_the_time_budget_is_an_input_error_and_not_stored(store: Store) -> None:
    docs = [
        make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")], outlet="A"),
        make_doc([Ev("RUS", "UKR", "190", "2018-11-25")], outlet="B", salt="SLOW"),
        make_doc([Ev("USA", "IRN", "111", "2019-01-03")], outlet="C"),
    ]
    docs[1].article.origin = "slow.txt"
    coder = IsolatingCoder(SlowCoder(docs))
    engine = LocalEngine(workers=1, pipeline=coder, chunk_size=3, seconds=0.5)
    out = list(code_articles(engine, [d.article for d in docs]))
    assert [type(o).__name__ for o in out] == ["Document", "InputError", "Document"]
    assert isinstance(out[1], InputError) and out[1].origin == "slow.txt"
    assert "time budget of 0.5 s per document" in out[1].reason
    report = store.ingest(out)
    assert (report.stored, report.failed) == (2, 1)
    assert not store.has_article(docs[1].article.id)
