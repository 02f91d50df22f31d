"""Ingest: idempotent, incremental, order- and batch-independent, logged."""

from __future__ import annotations

import functools
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_builders import content

from builders import Ev, make_doc, synthetic_corpus
from dateline.errors import InputError
from dateline.model import Document
from dateline.store import Store, document_from_dict
from dateline.store.rows import parse_date, source_key


def corpus() -> list[Document]:
    """Ten articles: overlapping reports of a few events plus unrelated ones."""
    return [
        make_doc(
            [Ev("KAZ", "CHN", "040", "2018-11-09"), Ev("KAZ", "CHN", "057", "2018-11-09")],
            outlet="TCA",
            url="https://timesca.com/1",
        ),
        make_doc([Ev("KAZ", "CHN", "040", "2018-11-10")], outlet="Xinhua"),
        make_doc([Ev("CHN", "KAZ", "040", "2018-11-09")], outlet="Tengri"),
        make_doc([Ev("KAZ", "CHN", "040", "2018-11-30")], outlet="TCA", salt="later"),
        make_doc(
            [Ev("RUS", "UKR", "190", "2018-11-25"), Ev("UKR", "RUS", "112", "2018-11-25")],
            outlet="Reuters",
        ),
        make_doc([Ev("RUS", "UKR", "190", "2018-11-26")], outlet="AP"),
        make_doc(
            [Ev("RUS", "UKR", "190", "2018-11-26", negated=True)], outlet="AFP", salt="denied"
        ),
        make_doc([Ev("USA", "IRN", "111", "2019-01-03", hypothetical=True)], outlet="VOA"),
        make_doc(
            [Ev("USA", "IRN", "111", "2019-01-03"), Ev("IRN", None, "111", None)], outlet="BBC"
        ),
        make_doc([], outlet="Empty News", salt="no events here"),
    ]


def test_ingest_stores_every_table(store: Store) -> None:
    docs = corpus()
    report = store.ingest(docs, batch_size=3)
    assert report.status == "ok"
    assert (report.read, report.stored, report.skipped, report.failed) == (10, 10, 0, 0)
    n_events = sum(len(d.events) for d in docs)
    counts = store.counts()
    assert counts["articles"] == 10
    assert counts["event_mentions"] == n_events == report.mentions
    assert counts["entities"] == sum(len(d.entities) for d in docs) > n_events  # actors
    assert counts["quantities"] == 9  # every article with events has one quantity
    assert counts["event_quantities"] == 9  # linked from each article's first event
    assert 0 < counts["events"] < n_events  # deduplicated
    runs = store.runs()
    assert list(runs["status"]) == ["ok"]
    assert int(runs["n_stored"][0]) == 10


def test_reingest_changes_nothing(store: Store) -> None:
    store.ingest(corpus(), batch_size=4)
    before = content(store)
    report = store.ingest(corpus(), batch_size=7)
    assert (report.stored, report.skipped) == (0, 10)
    assert content(store) == before
    assert len(store.runs()) == 2  # the run is logged, the data is unchanged


def test_same_text_from_two_places_is_one_article(store: Store) -> None:
    a = make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")], outlet="TCA", url="https://a.kz/x")
    b = make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")], outlet="TCA", url="https://b.kz/y")
    assert a.article.id == b.article.id
    report = store.ingest([a, b])
    assert (report.stored, report.skipped) == (1, 1)
    assert store.counts()["articles"] == 1


def test_select_new_skips_stored_articles_before_coding(store: Store) -> None:
    docs = corpus()
    store.ingest(docs[:6])
    by_id = {d.article.id: d for d in docs}
    coded: list[str] = []

    def coder(articles):  # type: ignore[no-untyped-def]
        for art in articles:
            coded.append(art.id)
            yield by_id[art.id]

    items = [d.article for d in docs] + [docs[7].article]  # the last one repeated
    with store.run(inputs=["x"]) as run:
        run.ingest(coder(run.select_new(items)))
    assert coded == [d.article.id for d in docs[6:]]
    assert run.report is not None
    assert (run.report.read, run.report.stored, run.report.skipped) == (11, 4, 7)
    assert store.counts()["articles"] == 10


def test_errors_are_logged_per_document(store: Store) -> None:
    seen: list[tuple[str, str]] = []
    items = [corpus()[0], InputError("bad.html", "binary file"), corpus()[1]]
    report = store.ingest(items, on_error=lambda o, r: seen.append((o, r)))
    assert report.status == "failed"
    assert (report.stored, report.failed) == (2, 1)
    assert seen == [("bad.html", "binary file")]
    errors = store.table("run_errors")
    assert list(errors["origin"]) == ["bad.html"]
    assert list(errors["reason"]) == ["binary file"]


def test_progress_callback_reports_commits(store: Store) -> None:
    updates: list[tuple[int, int, bool]] = []
    store.ingest(
        corpus(), batch_size=4, progress=lambda p: updates.append((p.read, p.stored, p.committed))
    )
    commits = [u for u in updates if u[2]]
    assert [c[1] for c in commits] == [4, 8, 10, 10]  # three batches, then the final flush
    assert updates[-1][0] == 10


def test_interrupted_ingest_keeps_committed_batches(db_path: Path) -> None:
    docs = corpus()

    def interrupted():  # type: ignore[no-untyped-def]
        yield from docs[:5]
        raise KeyboardInterrupt

    with Store(db_path) as store:
        with pytest.raises(KeyboardInterrupt), store.run(batch_size=2) as run:
            run.ingest(interrupted())
        assert run.report is not None and run.report.status == "interrupted"
        assert store.counts()["articles"] == 4  # two batches of two; the fifth was in flight
        store.ingest(docs, batch_size=3)
        resumed = content(store)
    with Store(db_path.with_name("clean.duckdb")) as clean:
        clean.ingest(docs)
        assert content(clean) == resumed


@functools.cache
def reference_content() -> str:
    with Store(":memory:") as ref:
        ref.ingest(corpus(), batch_size=50)
        return repr(content(ref))


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 10_000), batch=st.integers(1, 6), split=st.integers(0, 10))
def test_result_independent_of_order_batching_and_runs(seed: int, batch: int, split: int) -> None:
    shuffled = corpus()
    random.Random(seed).shuffle(shuffled)
    with Store(":memory:") as store:
        store.ingest(shuffled[:split], batch_size=batch)
        store.ingest(shuffled, batch_size=batch)
        assert repr(content(store)) == reference_content()


def test_document_round_trips_through_json() -> None:
    for doc in corpus():
        again = document_from_dict(doc.to_dict())
        assert again == doc


def test_parse_date_and_source_key() -> None:
    assert str(parse_date("2018-11-09T10:00:00Z")) == "2018-11-09"
    assert str(parse_date("2018-11")) == "2018-11-01"
    assert str(parse_date("2018")) == "2018-01-01"
    assert parse_date("2018-13-40") is None
    assert parse_date("yesterday") is None
    assert parse_date(None) is None
    # dates no table can hold (pandas' range) are no dates
    for impossible in ("0001-01-01", "0002-01-01", "1677-01-01", "2262-12-31", "9999-12-31"):
        assert parse_date(impossible) is None
    assert str(parse_date("1678-01-01")) == "1678-01-01"
    doc = make_doc([], outlet=None, url="https://www.Reuters.com/x", salt="a")
    assert source_key(doc.article) == "host:reuters.com"
    doc = make_doc([], outlet="  The  Times ", salt="b")
    assert source_key(doc.article) == "outlet:the times"
    doc = make_doc([], outlet=None, url=None, salt="c")
    assert source_key(doc.article) == "article:" + doc.article.id


@pytest.mark.parametrize("order", ["chronological", "reverse", "random"])
def test_incremental_clustering_equals_clustering_from_scratch(tmp_path: Path, order: str) -> None:
    docs = synthetic_corpus(150, seed=11)
    with Store(tmp_path / "ref.duckdb") as ref:
        ref.ingest(docs, batch_size=500)
        expected = content(ref)
    if order == "random":
        random.Random(5).shuffle(docs)
    else:
        docs.sort(
            key=lambda d: min(e.date or "" for e in d.events) if d.events else "",
            reverse=order == "reverse",
        )
    with Store(tmp_path / f"{order}.duckdb") as store:
        store.ingest(docs, batch_size=7)
        assert content(store) == expected
        n_events = len(expected["events"])
        assert store.rebuild_events() == n_events
        assert content(store) == expected


def test_replace_recodes_stored_articles(tmp_path: Path) -> None:
    """Re-coding (a newer dateline) replaces the stored coding; the result is what a clean
    store holding only the new coding gives."""
    old = synthetic_corpus(60, seed=21)
    new = synthetic_corpus(60, seed=22)
    for a, b in zip(old, new, strict=True):  # same articles, different coding
        b.article = a.article
        for ev in b.events:
            ev.id = ev.id.replace(b.article.id[:6], a.article.id[:6])
    with Store(tmp_path / "clean.duckdb") as clean:
        clean.ingest(new[:40] + old[40:])
        expected = content(clean)
    with Store(tmp_path / "recoded.duckdb") as store:
        store.ingest(old, batch_size=9)
        report = store.ingest(new[:40], batch_size=7, replace=True)
        assert (report.stored, report.replaced, report.skipped) == (40, 40, 0)
        assert content(store) == expected
        assert int(store.runs()["n_replaced"].iloc[-1]) == 40


@settings(max_examples=10, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    batch=st.integers(1, 12),
    days=st.sampled_from([3, 20, 90]),
    recode=st.integers(0, 15),
)
def test_resumed_scans_equal_clustering_from_scratch(
    seed: int, batch: int, days: int, recode: int
) -> None:
    """Random arrival order, batch sizes and re-codings, over short and long spans (where
    re-scans stop early): always the events of clustering everything at once."""
    docs = synthetic_corpus(40, seed=seed, days=days)
    recoded = synthetic_corpus(40, seed=seed + 1, days=days)[:recode]
    for old, new in zip(docs, recoded, strict=False):
        new.article = old.article
        for ev in new.events:
            ev.id = "r" + ev.id
    final = [*recoded, *docs[recode:]]
    with Store(":memory:") as ref:
        ref.ingest(final, batch_size=100)
        expected = content(ref)
    order = docs[:]
    random.Random(seed).shuffle(order)
    with Store(":memory:") as store:
        store.ingest(order, batch_size=batch)
        store.ingest(recoded, batch_size=batch, replace=True)
        assert content(store) == expected
        store.rebuild_events()
        assert content(store) == expected


def test_recoding_away_a_mention_of_a_still_open_event(store: Store) -> None:
    """An event that loses a re-coded mention while later, unrelated mentions follow within
    its window must be rewritten, not left as stored (its old row is gone)."""
    meeting = "Kazakhstan held talks with China in Astana on trade."
    x = make_doc([Ev("KAZ", "CHN", "040", "2018-11-01", meeting)], outlet="A")
    y = make_doc([Ev("KAZ", "CHN", "040", "2018-11-02", meeting + " Officials")], outlet="B")
    z1 = make_doc([Ev("KAZ", "CHN", "111", "2018-11-03")], outlet="C")
    z2 = make_doc([Ev("KAZ", "CHN", "190", "2018-11-04")], outlet="D")
    store.ingest([x, y, z1, z2])
    talks = store.events(cameo="040")
    assert talks["num_mentions"].tolist() == [2]
    y_recoded = make_doc([Ev("RUS", "UKR", "190", "2018-11-02")], outlet="B")
    y_recoded.article = y.article
    store.ingest([y_recoded], replace=True)
    talks = store.events(cameo="040")
    assert talks["num_mentions"].tolist() == [1]
    linked = store.events(level="mention", cameo="040")["event_id"].tolist()
    assert linked == talks["event_id"].tolist()
    with Store(":memory:") as clean:
        clean.ingest([x, y_recoded, z1, z2])
        assert content(clean) == content(store)


def test_coded_documents_with_impossible_dates_store_them_undated(store: Store) -> None:
    """Coded documents from elsewhere are not checked for plausible dates; dates outside
    what pandas holds must still never reach a table, a query or a panel."""
    docs = [
        make_doc([Ev("KAZ", "CHN", "040", "0002-01-01")], published="9999-12-31", salt="a"),
        make_doc([Ev("KAZ", "CHN", "040", "9999-12-31")], published="0001-01-01", salt="b"),
        make_doc([Ev("KAZ", "CHN", "111", "2018-11-09")], salt="c"),
    ]
    store.ingest(docs)
    assert store.table("articles")["published_date"].isna().sum() == 2
    assert store.events(level="mention")["date"].isna().sum() == 2
    panel = store.dyad("KAZ", "CHN", by="day")
    assert panel["period"].dt.strftime("%Y-%m-%d").tolist() == ["2018-11-09"]
