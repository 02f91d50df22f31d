"""Cross-article deduplication: what must and must not be merged."""

from __future__ import annotations

import functools
import random
from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_builders import content

from builders import Ev, make_doc, synthetic_corpus
from dateline.model import Document
from dateline.store import Store
from dateline.store.dedup import (
    DEDUP_WINDOW_DAYS,
    MentionKey,
    actor_key,
    block_key,
    cluster_block,
    compatible,
    jaccard,
)

MEETING_TCA = (
    "Kazakhstan's Foreign Minister Kairat Abdrakhmanov held a meeting with the new "
    "Ambassador of China Zhang Xiao in Astana."
)
MEETING_XINHUA = (
    "Chinese Ambassador Zhang Xiao met Kazakh Foreign Minister Kairat Abdrakhmanov in "
    "Astana to discuss bilateral relations."
)
# How the Xinhua report names the two sides: it names neither country.
XINHUA_NAMES = {
    "KAZ": "Kazakh Foreign Minister Kairat Abdrakhmanov",
    "CHN": "Chinese Ambassador Zhang Xiao",
}


def xinhua(src: str, tgt: str, day: str) -> Ev:
    """The Xinhua report of the meeting, coded as ``src`` meeting ``tgt`` on ``day``."""
    return Ev(
        src, tgt, "040", day, MEETING_XINHUA,
        src_text=XINHUA_NAMES[src], tgt_text=XINHUA_NAMES[tgt], trigger="met",
    )  # fmt: skip


def only_event(store: Store, **filters: object) -> dict[str, object]:
    frame = store.events(**filters)
    assert len(frame) == 1, frame
    return frame.iloc[0].to_dict()


def test_two_outlets_one_event(store: Store) -> None:
    store.ingest(
        [
            make_doc([Ev("KAZ", "CHN", "040", "2018-11-09", MEETING_TCA)], outlet="TCA"),
            make_doc([xinhua("KAZ", "CHN", "2018-11-10")], outlet="Xinhua"),
        ]
    )
    ev = only_event(store)
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (2, 2, 2)
    assert str(ev["date"])[:10] == "2018-11-09"  # the earliest report dates the event
    # both mentions stay queryable and link to the event and their sentences
    mentions = store.events(level="mention")
    assert len(mentions) == 2
    assert set(mentions["event_id"]) == {ev["event_id"]}
    detail = store.event(str(ev["event_id"]))
    assert sorted(detail.mentions["outlet"]) == ["TCA", "Xinhua"]
    assert set(detail.mentions["sentence"]) == {MEETING_TCA, MEETING_XINHUA}


def test_same_outlet_twice_is_one_source(store: Store) -> None:
    store.ingest(
        [
            make_doc([Ev("KAZ", "CHN", "040", "2018-11-09", MEETING_TCA)], outlet="TCA"),
            make_doc([xinhua("KAZ", "CHN", "2018-11-09")], outlet="TCA"),
        ]
    )
    ev = only_event(store)
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (2, 2, 1)


def test_symmetric_meeting_coded_either_way_round_is_one_event(store: Store) -> None:
    store.ingest(
        [
            make_doc([Ev("KAZ", "CHN", "040", "2018-11-09", MEETING_TCA)], outlet="TCA"),
            make_doc([xinhua("CHN", "KAZ", "2018-11-09")], outlet="Xinhua"),
        ]
    )
    assert only_event(store)["num_sources"] == 2


def test_directed_accusations_are_not_merged_across_directions(store: Store) -> None:
    store.ingest(
        [
            make_doc([Ev("RUS", "UKR", "112", "2018-11-25")], outlet="Reuters"),
            make_doc([Ev("UKR", "RUS", "112", "2018-11-25")], outlet="AP"),
        ]
    )
    assert len(store.events()) == 2


def test_different_dyads_dates_and_kinds_stay_separate(store: Store) -> None:
    store.ingest(
        [
            make_doc([Ev("KAZ", "CHN", "040", "2018-11-09", MEETING_TCA)], outlet="TCA"),
            # another dyad, same day and words
            make_doc(
                [Ev("KAZ", "RUS", "040", "2018-11-09", MEETING_TCA.replace("China", "Russia"))],
                outlet="Interfax",
            ),
            # same dyad, outside the window
            make_doc([xinhua("KAZ", "CHN", "2018-11-20")], outlet="Xinhua"),
            # same dyad and day, different kind of event (conflict, not consultation)
            make_doc([Ev("KAZ", "CHN", "111", "2018-11-09")], outlet="RFE"),
            # same countries, different sector (military, not government)
            make_doc(
                [Ev("KAZ", "CHN", "040", "2018-11-09", MEETING_TCA, sector_src="MIL")],
                outlet="Defense News",
                salt="(military)",
            ),
        ]
    )
    frame = store.events()
    assert len(frame) == 5
    assert set(frame["num_mentions"]) == {1}


def test_negated_and_hypothetical_mentions_are_kept_but_not_counted(store: Store) -> None:
    store.ingest(
        [
            make_doc([Ev("RUS", "UKR", "190", "2018-11-25")], outlet="Reuters"),
            make_doc(
                [Ev("RUS", "UKR", "190", "2018-11-25", negated=True)], outlet="TASS", salt="n"
            ),
            make_doc(
                [Ev("RUS", "UKR", "190", "2018-11-26", hypothetical=True)], outlet="AP", salt="h"
            ),
        ]
    )
    assert only_event(store)["num_mentions"] == 1
    assert len(store.events(level="mention")) == 1
    everything = store.events(level="mention", include_negated=True, include_hypothetical=True)
    assert len(everything) == 3
    assert everything["event_id"].isna().sum() == 2


def test_later_report_with_earlier_date_reclusters(store: Store) -> None:
    """A report arriving later but dated earlier becomes the anchor; nothing is left stale."""
    store.ingest([make_doc([Ev("KAZ", "CHN", "040", "2018-11-12", MEETING_TCA)], outlet="A")])
    first = only_event(store)
    store.ingest([make_doc([xinhua("KAZ", "CHN", "2018-11-10")], outlet="B")])
    ev = only_event(store)
    assert ev["event_id"] != first["event_id"]
    assert ev["num_sources"] == 2
    assert str(ev["date"])[:10] == "2018-11-10"
    assert store.events(level="mention")["event_id"].tolist() == [ev["event_id"]] * 2


# --- the clustering function itself --------------------------------------------------


def key(mid: str, day: int | None, code: str = "040", **kw: object) -> MentionKey:
    values: dict[str, object] = {
        "mention_id": mid,
        "article_id": kw.pop("article_id", mid),
        "date": date(2018, 11, day) if day else None,
        "date_precision": "day" if day else "none",
        "dyad_source": "KAZ|GOV",
        "dyad_target": "CHN|GOV",
        "cameo_code": code,
        "cameo_root": code[:2],
        "plover_event": None,
        "trigger": "met",
        "sentence": "Kazakhstan met China",
    }
    values.update(kw)
    return MentionKey(**values)  # type: ignore[arg-type]


def test_window_is_anchored_not_chained() -> None:
    # daily reports of similar meetings: each within the window of the previous one
    mentions = [key(f"m{d:02d}", d) for d in range(1, 15)]
    clusters = cluster_block(mentions)
    for cluster in clusters:
        span = (cluster[-1].date - cluster[0].date).days  # type: ignore[operator]
        assert span <= DEDUP_WINDOW_DAYS
    assert len(clusters) > 1


def test_undated_mentions_cluster_only_within_their_article() -> None:
    a1 = key("a:1", None, article_id="a")
    a2 = key("a:2", None, article_id="a")
    b1 = key("b:1", None, article_id="b")
    clusters = cluster_block([b1, a2, a1])
    assert sorted(len(c) for c in clusters) == [1, 2]


def test_compatibility_rules() -> None:
    a = key("a", 9, "040", sentence="Kazakh minister met the Chinese ambassador in Astana")
    same_root = key(
        "b", 9, "042", trigger="visited", sentence="The president paid a state visit to Beijing"
    )
    similar = key(
        "c",
        9,
        "043",
        trigger="hosted",
        sentence="The Kazakh minister hosted the Chinese ambassador in Astana",
    )
    other_root = key("d", 9, "111", trigger="criticised", sentence=a.sentence)
    assert not compatible(a, same_root)  # same root, too little textual overlap
    assert compatible(a, similar)  # same root and similar sentence
    assert not compatible(a, other_root)  # identical sentence, different kind of event
    assert compatible(a, key("e", 9, "040", trigger="met", sentence="Talks were held"))


def test_keys() -> None:
    assert actor_key("KAZGOV", "KAZ", "GOV", "Kazakhstan") == "KAZ|GOV"
    assert actor_key("IGOUNO", None, None, "the UN") == "code:IGOUNO"
    assert actor_key(None, None, None, "  Protesters ") == "text:protesters"
    assert actor_key(None, None, None, None) == "-"
    assert block_key("KAZ|GOV", "CHN|GOV") == block_key("CHN|GOV", "KAZ|GOV")
    assert jaccard(frozenset(), frozenset({"a"})) == 0.0


@given(st.permutations(list(range(12))))
def test_clustering_is_independent_of_input_order(order: list[int]) -> None:
    days = [1, 1, 2, 3, 5, 6, 9, 9, 10, 14, 20, 21]
    codes = ["040", "042", "040", "043", "040", "040", "111", "112", "040", "040", "190", "190"]
    mentions = [key(f"m{i:02d}", days[i], codes[i]) for i in range(12)]
    expected = [[m.mention_id for m in c] for c in cluster_block(mentions)]
    shuffled = [mentions[i] for i in order]
    assert [[m.mention_id for m in c] for c in cluster_block(shuffled)] == expected


# --- independence of batches and runs -------------------------------------------------


def unclustered(store: Store) -> int:
    """Factual mentions that belong to no event (each one is an event lost)."""
    row = store.connection.execute(
        "SELECT count(*) FROM event_mentions "
        "WHERE event_id IS NULL AND NOT negated AND NOT hypothetical"
    ).fetchone()
    assert row is not None
    return int(row[0])


def meeting_records() -> list[Document]:
    """The issue's reproduction: a dated and an undated record of a KAZ-CHN meeting."""
    dated = make_doc([Ev("KAZ", "CHN", "040", "2018-11-09", MEETING_TCA)], outlet="TCA")
    undated = make_doc(
        [Ev("KAZ", "CHN", "040", None, MEETING_TCA + " No date was given.")],
        outlet="Tengri",
        published=None,
    )
    return [dated, undated]


def test_dated_and_undated_mentions_of_one_dyad_in_one_batch() -> None:
    results = []
    for batch_size in (1, 2):
        with Store(":memory:") as store:
            store.ingest(meeting_records(), batch_size=batch_size)
            assert unclustered(store) == 0
            results.append(content(store))
    assert results[0] == results[1]
    # the undated report is an event of its own: no date says it is the dated meeting
    assert len(results[0]["events"]) == 2


@functools.cache
def mixed_corpus() -> tuple[Document, ...]:
    """Dated (day and month precision) and undated mentions, few dyads: blocks that span
    batches and hold both kinds."""
    return tuple(
        synthetic_corpus(
            36, seed=19, days=12, countries=("CHN", "KAZ", "RUS"), undated_share=0.3,
            month_share=0.15,
        )
    )  # fmt: skip


@functools.cache
def mixed_reference() -> str:
    with Store(":memory:") as store:
        store.ingest(mixed_corpus(), batch_size=1000)
        assert unclustered(store) == 0
        return repr(content(store))


@settings(max_examples=12, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    runs=st.lists(
        st.tuples(st.integers(1, 40), st.integers(1, 40)), min_size=1, max_size=3
    ),  # (articles in the run, batch size)
)
def test_events_independent_of_batch_sizes_orders_and_runs(
    seed: int, runs: list[tuple[int, int]]
) -> None:
    """Any arrival order, any split of the input into runs, any batch size per run: the
    same events, with the same ids and contents, as ingesting everything at once."""
    docs = list(mixed_corpus())
    random.Random(seed).shuffle(docs)
    with Store(":memory:") as store:
        done = 0
        for size, batch_size in runs:
            store.ingest(docs[done : done + size], batch_size=batch_size)
            done += size
        store.ingest(docs, batch_size=runs[-1][1])  # the rest (stored ones are skipped)
        assert repr(content(store)) == mixed_reference()


def suffer_the_lost_undated_bug(store: Store) -> None:
    """What ingesting in large batches did before the fix: undated mentions left without an
    event (and their events missing)."""
    con = store.connection
    con.execute(
        "DELETE FROM events WHERE event_id IN "
        "(SELECT event_id FROM event_mentions WHERE date IS NULL)"
    )
    con.execute("UPDATE event_mentions SET event_id = NULL WHERE date IS NULL")


def test_reclustering_repairs_a_database_that_lost_undated_events() -> None:
    with Store(":memory:") as store:
        store.ingest(mixed_corpus(), batch_size=50)
        suffer_the_lost_undated_bug(store)
        assert unclustered(store) > 0
        store.rebuild_events()
        assert unclustered(store) == 0
        assert repr(content(store)) == mixed_reference()


@pytest.mark.shared
def test_real_articles_give_one_event_table_at_any_batch_size(
    real_documents: list[Document],
) -> None:
    """The issue's done-when: about 200 real articles at batch sizes 2, 7, 20 and 50."""
    assert len(real_documents) >= 190
    tables = {}
    for batch_size in (2, 7, 20, 50):
        with Store(":memory:") as store:
            store.ingest(real_documents, batch_size=batch_size)
            assert unclustered(store) == 0
            tables[batch_size] = store.table("events")
    for batch_size in (7, 20, 50):
        pd.testing.assert_frame_equal(tables[batch_size], tables[2])
