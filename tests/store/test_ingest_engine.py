"""``Store.ingest`` with an engine: one article that breaks the coder is logged as a failed
input and not stored, the rest go on."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from builders import Ev, make_doc
from dateline.engines import LocalEngine
from dateline.model import Article, Document
from dateline.store import Store


class FakeCoder:
    """Codes the articles built by ``make_doc``; raises on a body containing BOOM."""

    def __init__(self, docs: list[Document]) -> None:
        self.by_id = {d.article.id: d for d in docs}
        self.calls = 0
        self.coded: list[str] = []

    def code_many(self, articles: Iterable[Article], **_: object) -> Iterator[Document]:
        self.calls += 1
        out = []
        for art in articles:
            self.coded.append(art.id)
            if "BOOM" in art.body:
                raise RuntimeError("parser exploded")
            out.append(self.by_id[art.id])
        return iter(out)


def test_a_failing_article_is_logged_and_not_stored(store: Store) -> None:
    docs = [
        make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")], outlet="A"),
        make_doc([Ev("RUS", "UKR", "190", "2018-11-25")], outlet="B", salt="BOOM"),
        make_doc([Ev("USA", "IRN", "111", "2019-01-03")], outlet="C"),
    ]
    docs[1].article.origin = "bad.txt"
    engine = LocalEngine(workers=1, pipeline=FakeCoder(docs), chunk_size=3)
    seen: list[tuple[str, str]] = []
    report = store.ingest(
        [d.article for d in docs], engine=engine, on_error=lambda o, r: seen.append((o, r))
    )
    assert (report.read, report.stored, report.failed) == (3, 2, 1)
    assert seen == report.errors and len(seen) == 1
    assert seen[0][0] == "bad.txt" and "parser exploded" in seen[0][1]
    assert seen[0][1].startswith("coding failed (")
    assert not store.has_article(docs[1].article.id)  # tried again by the next run
    assert store.has_article(docs[0].article.id) and store.has_article(docs[2].article.id)


def test_stored_articles_never_reach_the_engine(store: Store) -> None:
    docs = [make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")], salt=s) for s in "AB"]
    store.ingest(docs[:1])
    coder = FakeCoder(docs)
    report = store.ingest([d.article for d in docs], engine=LocalEngine(pipeline=coder))
    assert (report.read, report.skipped, report.stored) == (2, 1, 1)
    assert coder.calls == 1 and coder.coded == [docs[1].article.id]


def test_no_new_article_codes_nothing(store: Store) -> None:
    docs = [make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")])]
    store.ingest(docs)
    coder = FakeCoder(docs)
    report = store.ingest([docs[0].article], engine=LocalEngine(pipeline=coder))
    assert (report.read, report.skipped, report.stored) == (1, 1, 0)
    assert coder.calls == 0


class SlowCoder(FakeCoder):
    """Codes lazily, one document at a time; a body containing SLOW takes a minute."""

    def code_many(self, articles: Iterable[Article], **_: object) -> Iterator[Document]:
        for art in articles:
            if "SLOW" in art.body:
                end = time.monotonic() + 60
                while time.monotonic() < end:
                    pass
            yield self.by_id[art.id]


def test_an_article_over_the_time_budget_is_logged_and_not_stored(store: Store) -> None:
    docs = [
        make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")], outlet="A"),
        make_doc([Ev("RUS", "UKR", "190", "2018-11-25")], outlet="B", salt="SLOW"),
        make_doc([Ev("USA", "IRN", "111", "2019-01-03")], outlet="C"),
    ]
    docs[1].article.origin = "slow.txt"
    engine = LocalEngine(workers=1, pipeline=SlowCoder(docs), chunk_size=3, seconds=0.5)
    report = store.ingest([d.article for d in docs], engine=engine)
    assert (report.stored, report.failed) == (2, 1)
    [(origin, reason)] = report.errors
    assert origin == "slow.txt" and "time budget of 0.5 s per document" in reason
    assert not store.has_article(docs[1].article.id)
