"""Queries: filters, dyad panels, actor summaries, provenance, bound parameters."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from builders import CODEBOOK, Ev, make_doc
from dateline.store import Store


@pytest.fixture
def filled(store: Store) -> Store:
    store.ingest(
        [
            make_doc(
                [Ev("KAZ", "CHN", "040", "2018-11-09"), Ev("KAZ", "CHN", "057", "2018-11-09")],
                outlet="TCA",
                url="https://timesca.com/1",
            ),
            make_doc([Ev("CHN", "KAZ", "061", "2018-11-21", confidence=0.4)], outlet="Xinhua"),
            make_doc([Ev("KAZ", "CHN", "111", "2019-02-02")], outlet="RFE"),
            make_doc([Ev("RUS", "UKR", "190", "2018-11-25")], outlet="Reuters"),
            make_doc(
                [
                    Ev(
                        "RUS",
                        "KAZ",
                        "042",
                        "2018-12-05",
                        "Russia's delegation visited Astana.",
                        tgt_text="Astana",
                    )
                ],
                outlet="TASS",
            ),
            make_doc([Ev("CHN", "KAZ", "040", "2018-11", precision="month")], outlet="CGTN"),
        ]
    )
    return store


def test_filters(filled: Store) -> None:
    def n(**f: object) -> int:
        return len(filled.events(**f))

    assert n() == 7
    assert n(country="KAZ") == 6
    assert n(country="kaz") == 6  # codes are case-insensitive
    assert n(actor="KAZGOV") == 6  # a code prefix
    assert n(actor="russia") == 2  # a name
    assert n(dyad=("KAZ", "CHN")) == 5
    assert n(dyad=("KAZ", "CHN"), directed=True) == 3
    assert n(dyad=("CHN", "KAZ"), directed=True) == 2
    assert n(cameo="04") == 3
    assert n(cameo="057") == 1
    assert n(root="4") == 3
    assert n(plover=CODEBOOK.plover("057").event.lower()) == 1  # the agreement only
    assert n(quad_class=3) == 1
    assert n(quad_class=[3, 4]) == 2
    assert n(start="2018-11-20") == 4
    assert n(start="2018-11", end="2018-11") == 5  # month bounds cover the whole month
    assert n(end="2018") == 6
    assert n(min_confidence=0.5) == 6
    assert n(text="VISITED astana") == 1
    assert n(min_sources=2) == 0
    assert n(limit=2) == 2
    assert n(country="KAZ", quad_class=1, start="2018-12") == 1
    assert n(level="mention", country="KAZ") == 6


def test_bad_filter_values_raise_value_error(filled: Store) -> None:
    with pytest.raises(ValueError, match="not a date"):
        filled.events(start="last tuesday")
    with pytest.raises(ValueError, match="level"):
        filled.events(level="cluster")
    with pytest.raises(ValueError, match="two"):
        filled.events(dyad=("KAZ",))
    with pytest.raises(ValueError, match="by must be"):
        filled.dyad("KAZ", "CHN", by="decade")


@pytest.mark.parametrize(
    "value",
    [
        "'; DROP TABLE events; --",
        "KAZ' OR '1'='1",
        "%",
        "_",
        '") OR 1=1 --',
        "KAZ%",
    ],
)
def test_sql_looking_values_match_nothing_and_break_nothing(filled: Store, value: str) -> None:
    before = filled.counts()
    assert filled.events(country=value).empty
    assert filled.events(actor=value).empty
    assert filled.events(text=value).empty
    assert filled.events(cameo=value).empty
    assert filled.events(plover=value).empty
    assert filled.events(level="mention", text=value).empty
    assert filled.dyad(value, "CHN").empty
    assert filled.actor(value).events == 0
    with pytest.raises(KeyError):
        filled.event(value)
    assert filled.counts() == before


def test_dyad_panel_is_complete_with_zeros(filled: Store) -> None:
    panel = filled.dyad("KAZ", "CHN", by="month")
    assert [p.strftime("%Y-%m") for p in panel["period"]] == [
        "2018-11",
        "2018-12",
        "2019-01",
        "2019-02",
    ]
    nov, dec, jan, feb = (panel.iloc[i] for i in range(4))
    assert nov["events"] == 4  # 040 + 057 + 061 (reverse) + month-dated 040
    assert (nov["verbal_coop"], nov["material_coop"]) == (3, 1)
    assert nov["net_cooperation"] == 1.0
    goldstein = [CODEBOOK.goldstein(code) for code in ("040", "057", "061", "040")]
    assert nov["goldstein_sum"] == pytest.approx(sum(goldstein))
    assert nov["goldstein_mean"] == pytest.approx(sum(goldstein) / 4)
    assert (nov["a_to_b"], nov["b_to_a"]) == (2, 2)
    for empty in (dec, jan):
        assert empty["events"] == 0 and empty["verbal_coop"] == 0
        assert empty["goldstein_sum"] == 0.0
        assert math.isnan(empty["goldstein_mean"]) and math.isnan(empty["net_cooperation"])
    assert (feb["verbal_conflict"], feb["net_cooperation"]) == (1, -1.0)


def test_dyad_panel_options(filled: Store) -> None:
    directed = filled.dyad("CHN", "KAZ", by="month", directed=True)
    assert directed["events"].tolist() == [2]
    assert "a_to_b" not in directed.columns
    # clamped to the data: the store's first event is in November 2018
    bounded = filled.dyad("KAZ", "CHN", by="month", start="2018-09", end="2018-12")
    assert bounded["period"].dt.strftime("%Y-%m").tolist() == ["2018-11", "2018-12"]
    assert bounded["events"].tolist() == [4, 0]
    # a month-dated event cannot be placed in a week: weekly panels leave it out
    weekly = filled.dyad("KAZ", "CHN", by="week", start="2018-11-05", end="2018-11-25")
    assert weekly["period"].dt.strftime("%Y-%m-%d").tolist() == [
        "2018-11-05",
        "2018-11-12",
        "2018-11-19",
    ]
    assert weekly["events"].tolist() == [2, 0, 1]
    yearly = filled.dyad("KAZ", "CHN", by="year")
    assert yearly["events"].tolist() == [4, 1]
    assert filled.dyad("KAZ", "CHN", by="day", start="2018-11-09", end="2018-11-09")[
        "events"
    ].tolist() == [2]
    mentions = filled.dyad("KAZ", "CHN", by="year", level="mention")
    assert mentions["events"].tolist() == [4, 1]
    assert filled.dyad("USA", "IRN").empty


@pytest.mark.parametrize(
    ("start", "end"),
    [("2026-01-01", None), (None, "2010-01-01"), ("1500", "1600"), ("2300", "9999"),
     (None, "0001-01-01")],
)  # fmt: skip
def test_dyad_panel_outside_the_data_is_empty(
    filled: Store, start: str | None, end: str | None
) -> None:
    for by in ("day", "week", "month", "year"):
        assert filled.dyad("KAZ", "CHN", by=by, start=start, end=end).empty


def test_dyad_panel_is_clamped_to_the_store_and_bounded(filled: Store) -> None:
    # the store's data runs from November 2018 (KAZ-CHN) to February 2019 (KAZ-CHN)
    panel = filled.dyad("RUS", "UKR", by="month", start="0001", end="9999")
    assert panel["period"].dt.strftime("%Y-%m").tolist() == ["2018-11", "2018-12", "2019-01",
                                                             "2019-02"]  # fmt: skip
    assert panel["events"].tolist() == [1, 0, 0, 0]
    with pytest.raises(ValueError, match="after end"):
        filled.dyad("KAZ", "CHN", start="2019", end="2018")
    # a daily panel over more than a century of data is refused, not built
    assert filled.dyad("KAZ", "CHN", start="0001")["events"].sum() == 5  # the whole dyad
    filled.ingest([make_doc([Ev("KAZ", "CHN", "040", "1901-05-01")], outlet="Old", salt="1901")])
    with pytest.raises(ValueError, match="periods of one day"):
        filled.dyad("KAZ", "CHN", by="day")
    assert len(filled.dyad("KAZ", "CHN", by="year")) == 2019 - 1901 + 1


@pytest.mark.parametrize("by", ["week", "month", "year"])
def test_dyad_panel_of_data_starting_within_a_period(store: Store, by: str) -> None:
    """The store's first event falls inside a period: that period is still in the panel."""
    store.ingest([make_doc([Ev("KAZ", "CHN", "040", "2018-11-09")], outlet="TCA")])
    for start in (None, "2018-11-01", "2018"):
        panel = store.dyad("KAZ", "CHN", by=by, start=start)
        assert panel["events"].tolist() == [1], (start, panel)


def test_panels_respect_date_precision(store: Store) -> None:
    store.ingest(
        [
            make_doc([Ev("KAZ", "CHN", "040", "2018-03-14")], outlet="A"),
            make_doc([Ev("KAZ", "CHN", "111", "2018-01-01", precision="year")], outlet="B"),
            make_doc([Ev("CHN", "KAZ", "057", "2018-03-01", precision="month")], outlet="C"),
        ]
    )
    monthly = store.dyad("KAZ", "CHN", by="month").set_index("period")
    # The year-dated event is in no month: not in January, which it is stored as.
    assert monthly["events"].sum() == 2
    assert monthly.loc["2018-01-01", "events"] == 0
    assert monthly.loc["2018-03-01", "events"] == 2
    # It is reported on every month of its year, in a column of its own; the panel covers
    # the whole year it may have happened in.
    assert len(monthly) == 12
    assert (monthly["year_precision"] == 1).all()
    assert "month_precision" not in monthly.columns
    yearly = store.dyad("KAZ", "CHN", by="year")
    assert yearly["events"].tolist() == [3]
    assert not {"month_precision", "year_precision"} & set(yearly.columns)
    weekly = store.dyad("KAZ", "CHN", by="week", start="2018-03-01", end="2018-03-31")
    assert weekly["events"].sum() == 1
    assert (weekly["month_precision"] == [0, 1, 1, 1, 1]).all()  # the first week is February's
    assert (weekly["year_precision"] == 1).all()


def test_actor_summary(filled: Store) -> None:
    summary = filled.actor("KAZ")
    assert summary.events == 6
    assert (summary.as_source, summary.as_target) == (3, 3)
    partners = summary.partners.set_index("partner")
    assert partners.loc["CHNGOV", "events"] == 5
    assert partners.loc["RUSGOV", "events"] == 1
    assert partners.loc["CHNGOV", "verbal_conflict"] == 1
    assert summary.partners["partner"].tolist()[0] == "CHNGOV"  # most frequent first
    assert set(summary.event_types["cameo_code"]) == {"040", "057", "061", "111", "042"}
    assert summary.codes["code"].tolist() == ["KAZGOV"]
    assert str(summary.first_date)[:10] == "2018-11-01"
    assert filled.actor("ZZZ").events == 0


def test_event_and_article_provenance(filled: Store) -> None:
    frame = filled.events(cameo="057")
    detail = filled.event(frame["event_id"][0])
    assert detail.event["cameo_code"] == "057"
    assert detail.mentions["url"].tolist() == ["https://timesca.com/1"]
    row = detail.mentions.iloc[0]
    art = filled.article(row["article_id"])
    body = art.article["body"]
    assert body[row["sentence_start"] : row["sentence_end"]] == row["sentence"]
    assert len(art.mentions) == 2
    assert len(art.entities) == 4  # source and target of each of its two events
    assert art.quantities["text"].tolist() == ["$27 billion"]
    with pytest.raises(KeyError):
        filled.article("nope")


def test_actors_view_is_deterministic(filled: Store) -> None:
    actors = filled.table("actors")
    assert isinstance(actors, pd.DataFrame)
    kaz = actors.set_index("code").loc["KAZGOV"]
    assert (kaz["country"], kaz["sector"], kaz["name"]) == ("KAZ", "GOV", "Kazakhstan")


def test_event_detail_lists_the_representative_mention_first(store: Store) -> None:
    """The report whose coding stands for the event (its evidence in every list) leads its
    detail, whatever the other reports' dates or ids."""
    weak = Ev("KAZ", "CHN", "040", "2018-11-08", confidence=0.55)
    strong = Ev("KAZ", "CHN", "040", "2018-11-09", confidence=0.95)
    store.ingest([make_doc([weak], outlet="A", salt="a"), make_doc([strong], outlet="B", salt="b")])
    (event_id,) = store.table("events")["event_id"].tolist()
    detail = store.event(event_id)
    assert len(detail.mentions) == 2
    assert detail.mentions.iloc[0]["mention_id"] == detail.event["representative_mention_id"]
    assert detail.mentions.iloc[0]["confidence"] == 0.95
