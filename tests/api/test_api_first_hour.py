"""Every API route over the data of an analyst's first hour: ``dateline ingest examples/``
(undated events) plus events dated only to a month or a year."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.store import Store


@pytest.fixture(scope="module")
def first_hour(examples_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(examples_db), raise_server_exceptions=False) as c:
        yield c


def _all(client: TestClient, level: str) -> list[dict]:
    rows: list[dict] = []
    params: dict[str, str | int] = {"level": level, "limit": 7}
    while True:
        res = client.get("/events", params=params)
        assert res.status_code == 200, res.text
        body = res.json()
        rows.extend(body["items"])
        if body["next_cursor"] is None:
            return rows
        params["cursor"] = body["next_cursor"]


def test_event_pages_walk_undated_events_too(first_hour: TestClient, examples_db: Path) -> None:
    with Store(examples_db, read_only=True) as store:
        events, mentions = store.events(), store.events(level="mention")
    assert [r["event_id"] for r in _all(first_hour, "event")] == list(events["event_id"])
    assert [r["mention_id"] for r in _all(first_hour, "mention")] == list(mentions["mention_id"])
    assert any(r["date"] is None for r in _all(first_hour, "event"))


@pytest.mark.parametrize("precision", ["none", "month", "year", "day"])
def test_event_detail_for_every_precision(
    first_hour: TestClient, examples_db: Path, precision: str
) -> None:
    with Store(examples_db, read_only=True) as store:
        frame = store.events()
    event_id = frame[frame["date_precision"] == precision]["event_id"].iloc[0]
    res = first_hour.get(f"/events/{event_id}")
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["event"]["date_precision"] == precision and body["mentions"]
    article = first_hour.get(f"/articles/{body['event']['article_id']}")
    assert article.status_code == 200, article.text


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_dyad_routes(first_hour: TestClient, by: str) -> None:
    res = first_hour.get("/dyads/KAZ/CHN/timeseries", params={"by": by})
    assert res.status_code == 200, res.text
    counted = sum(p["events"] for p in res.json()["periods"])
    # One KAZ-CHN event per precision: day panels hold none of them, year panels both.
    assert counted == {"day": 0, "week": 0, "month": 1, "year": 2}[by]
    res = first_hour.get("/dyads/KAZ/CHN/event-types")
    assert res.status_code == 200 and sum(t["events"] for t in res.json()["types"]) == 2


@pytest.mark.parametrize("code", ["KAZ", "KGZ", "TJK", "ISR"])
def test_actor_routes(first_hour: TestClient, code: str) -> None:
    res = first_hour.get(f"/actors/{code}")
    assert res.status_code == 200, res.text
    assert res.json()["events"] > 0
    assert first_hour.get(f"/actors/{code}/partners").status_code == 200


def test_health_and_countries(first_hour: TestClient) -> None:
    assert first_hour.get("/health").status_code == 200
    res = first_hour.get("/countries")
    assert res.status_code == 200 and res.json()["countries"]


@pytest.mark.parametrize("level", ["event", "mention"])
def test_exports(first_hour: TestClient, level: str) -> None:
    n = len(_all(first_hour, level))
    for fmt in ("csv", "jsonl", "parquet"):
        res = first_hour.get("/export", params={"format": fmt, "level": level})
        assert res.status_code == 200, res.text
        if fmt == "csv":
            frame = pd.read_csv(io.StringIO(res.text))
        elif fmt == "jsonl":
            frame = pd.DataFrame([json.loads(x) for x in res.text.splitlines()])
        else:
            frame = pd.read_parquet(io.BytesIO(res.content))
        assert len(frame) == n


def test_dyads_lists_the_busiest_pairs_first(first_hour: TestClient, examples_db: Path) -> None:
    with Store(examples_db, read_only=True) as store:
        frame = store.events()
    pairs = frame.dropna(subset=["source_country", "target_country"])
    pairs = pairs[pairs["source_country"] != pairs["target_country"]]
    counts = pairs.apply(
        lambda r: tuple(sorted((r["source_country"], r["target_country"]))), axis=1
    ).value_counts()
    res = first_hour.get("/dyads", params={"limit": 3})
    assert res.status_code == 200, res.text
    dyads = res.json()["dyads"]
    assert len(dyads) == 3
    assert [d["events"] for d in dyads] == sorted(counts.values, reverse=True)[:3]
    for d in dyads:
        assert counts[tuple(sorted((d["a"], d["b"])))] == d["events"]
    assert first_hour.get("/dyads", params={"limit": 0}).status_code == 422


def test_every_country_has_a_name(first_hour: TestClient) -> None:
    countries = first_hour.get("/countries").json()["countries"]
    assert countries and all(c["name"] and c["name"] != c["code"] for c in countries)
    names = {c["code"]: c["name"] for c in countries}
    assert names["KGZ"] == "Kyrgyzstan"
