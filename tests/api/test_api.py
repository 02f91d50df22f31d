"""In-process tests of the REST API (FastAPI TestClient; no network)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from builders import CODEBOOK
from dateline.api.params import MAX_PAGE_SIZE
from dateline.cli.export import EXPORT_FORMATS
from dateline.store import Store
from dateline.store.layouts import stable_int


def walk(client: TestClient, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Every row of /events, following next_cursor to the end."""
    rows: list[dict[str, Any]] = []
    cursor = None
    for _ in range(10_000):
        page = client.get("/events", params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        assert len(body["items"]) <= params.get("limit", 100)
        rows.extend(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return rows
    raise AssertionError("pagination did not end")


def store_ids(db: Path, key: str = "event_id", **filters: Any) -> list[str]:
    with Store(db, read_only=True) as store:
        return list(store.events(**filters)[key])


# --- service ---------------------------------------------------------------------------


def test_health_reports_counts_and_read_only(client: TestClient, synthetic_db: Path) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["read_only"] is True and body["write_enabled"] is False
    with Store(synthetic_db, read_only=True) as store:
        assert body["counts"]["events"] == store.counts()["events"] > 100


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/events",
        "/events/{event_id}",
        "/dyads/{a}/{b}/timeseries",
        "/actors/{code}",
        "/articles/{article_id}",
        "/export",
        "/health",
    ):
        assert path in spec["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200
    # Nothing is loaded from another host: the docs and dashboard work offline.
    for page in (docs.text, client.get("/").text):
        assert "http://" not in page and "https://" not in page
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/vendor/vega/vega.min.js").status_code == 200


def test_security_headers(client: TestClient) -> None:
    for url in ("/", "/health", "/events?limit=1", "/nope"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "unsafe-eval" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


# --- /events and pagination ---------------------------------------------------------------


@pytest.mark.parametrize("limit", [1, 7, 50, MAX_PAGE_SIZE])
def test_pagination_walks_every_event_exactly_once(
    client: TestClient, synthetic_db: Path, limit: int
) -> None:
    rows = walk(client, {"limit": limit})
    ids = [r["event_id"] for r in rows]
    assert len(ids) == len(set(ids))
    # Same rows, same order as the store's own query (undated events last).
    assert ids == store_ids(synthetic_db)
    assert any(r["date"] is None for r in rows), "the test data must have undated events"
    dated = [r["date"] for r in rows if r["date"] is not None]
    assert dated == sorted(dated)


def test_pagination_with_filters_and_mentions(client: TestClient, synthetic_db: Path) -> None:
    rows = walk(client, {"limit": 3, "country": "kaz", "quad_class": [1, 2]})
    assert [r["event_id"] for r in rows] == store_ids(
        synthetic_db, country="KAZ", quad_class=[1, 2]
    )
    assert rows and all(r["quad_class"] in (1, 2) for r in rows)
    mentions = walk(client, {"limit": 11, "level": "mention", "include_negated": True})
    ids = [r["mention_id"] for r in mentions]
    assert len(ids) == len(set(ids))
    assert ids == store_ids(synthetic_db, key="mention_id", level="mention", include_negated=True)
    assert any(r["negated"] for r in mentions)


@pytest.mark.parametrize(
    ("params", "filters"),
    [
        ({"dyad": "KAZ,CHN"}, {"dyad": ("KAZ", "CHN")}),
        ({"dyad": "KAZ,CHN", "directed": True}, {"dyad": ("KAZ", "CHN"), "directed": True}),
        ({"cameo": "04"}, {"cameo": "04"}),
        ({"root": "19"}, {"root": "19"}),
        ({"plover": "consult"}, {"plover": "CONSULT"}),
        ({"start": "2018-02", "end": "2018-03-09"}, {"start": "2018-02", "end": "2018-03-09"}),
        ({"min_confidence": 0.75}, {"min_confidence": 0.75}),
        ({"text": "TRADE"}, {"text": "trade"}),
        ({"actor": "Kazakhstan"}, {"actor": "Kazakhstan"}),
        ({"outlet": "test wire"}, {"outlet": "Test Wire"}),
        ({"min_sources": 2}, {"min_sources": 2}),
    ],
)
def test_filters_match_the_store(
    client: TestClient, synthetic_db: Path, params: dict[str, Any], filters: dict[str, Any]
) -> None:
    ids = [r["event_id"] for r in walk(client, {**params, "limit": MAX_PAGE_SIZE})]
    assert ids == store_ids(synthetic_db, **filters)


def test_filters_select_what_they_say(client: TestClient) -> None:
    rows = client.get("/events", params={"dyad": "KAZ,CHN", "directed": True, "limit": 500})
    items = rows.json()["items"]
    assert items
    assert all(r["source_country"] == "KAZ" and r["target_country"] == "CHN" for r in items)
    dated = client.get("/events", params={"start": "2018-11", "limit": 500}).json()["items"]
    assert dated and all(r["date"] >= "2018-11-01" for r in dated)


# --- provenance -------------------------------------------------------------------------


def test_event_provenance_offsets_cut_out_the_quoted_text(client: TestClient) -> None:
    items = client.get("/events", params={"limit": 30}).json()["items"]
    for item in items:
        detail = client.get(f"/events/{item['event_id']}").json()
        assert detail["event"]["event_id"] == item["event_id"]
        assert len(detail["mentions"]) == item["num_mentions"] >= 1
        for m in detail["mentions"]:
            assert m["outlet"] and m["url"].startswith("https://")
            roles = {h["role"]: h for h in m["highlights"]}
            assert set(roles) == {"source", "trigger", "target"}
            for h in roles.values():
                assert h["in_sentence"]
                assert m["sentence"][h["start"] : h["end"]] == h["text"]
            assert roles["trigger"]["text"] == m["trigger"]


def test_article_detail(client: TestClient) -> None:
    item = client.get("/events", params={"limit": 1}).json()["items"][0]
    body = client.get(f"/articles/{item['article_id']}").json()
    assert body["article"]["article_id"] == item["article_id"]
    assert item["sentence"] in body["article"]["body"]
    for m in body["mentions"]:
        for h in m["highlights"]:
            assert m["sentence"][h["start"] : h["end"]] == h["text"]


def test_unknown_ids_are_404_and_malformed_ids_422(client: TestClient) -> None:
    assert client.get("/events/ev0000000000000000ff").status_code == 404
    assert client.get("/articles/0000000000000000000a").status_code == 404
    assert client.get("/articles/not-an-id").status_code == 422
    assert client.get("/events/'; DROP TABLE events; --").status_code in (404, 422)


# --- dyads and actors -------------------------------------------------------------------


def test_dyad_timeseries_counts_add_up(client: TestClient) -> None:
    body = client.get("/dyads/kaz/chn/timeseries", params={"by": "month"}).json()
    assert (body["a"], body["b"], body["by"]) == ("KAZ", "CHN", "month")
    periods = body["periods"]
    assert [p["period"] for p in periods] == sorted(p["period"] for p in periods)
    quads = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
    for p in periods:
        assert p["events"] == sum(p[q] for q in quads)
        assert p["events"] == p["a_to_b"] + p["b_to_a"]
        assert (p["goldstein_mean"] is None) == (p["events"] == 0)
    events = client.get("/events", params={"dyad": "KAZ,CHN", "limit": 500}).json()["items"]
    assert sum(p["events"] for p in periods) == sum(1 for e in events if e["date"])
    # Months without events are kept as explicit zeros (Apr-Oct 2018 in this data).
    assert any(p["events"] == 0 for p in periods)


def test_dyad_timeseries_range_and_limits(client: TestClient) -> None:
    year = client.get(
        "/dyads/KAZ/CHN/timeseries", params={"by": "month", "start": "2018", "end": "2018"}
    ).json()["periods"]
    # Clamped to the data: the store's last event is in November 2018.
    assert len(year) == 11 and year[0]["period"] == "2018-01-01"
    assert year[-1]["period"] == "2018-11-01"
    directed = client.get("/dyads/KAZ/CHN/timeseries", params={"directed": True}).json()
    assert "a_to_b" not in directed["periods"][0]
    huge = client.get(
        "/dyads/KAZ/CHN/timeseries", params={"by": "day", "start": "0001", "end": "9999"}
    )
    assert huge.status_code == 200 and len(huge.json()["periods"]) < 366
    assert client.get("/dyads/KAZ/XYZ/timeseries").status_code == 404
    assert client.get("/dyads/KAZ/CHN/timeseries", params={"by": "hour"}).status_code == 422


def test_dyad_event_types(client: TestClient, synthetic_db: Path) -> None:
    types = client.get("/dyads/KAZ/CHN/event-types").json()["types"]
    assert sum(t["events"] for t in types) == len(store_ids(synthetic_db, dyad=("KAZ", "CHN")))
    assert [t["events"] for t in types] == sorted((t["events"] for t in types), reverse=True)


def test_actor_summary_and_partner_countries(client: TestClient, synthetic_db: Path) -> None:
    body = client.get("/actors/KAZ", params={"limit": 5}).json()
    assert body["events"] == len(store_ids(synthetic_db, country="KAZ"))
    partners = body["partner_countries"]
    assert 0 < len(partners) <= 5 and "KAZ" not in {p["country"] for p in partners}
    counts = [p["events"] for p in partners]
    assert counts == sorted(counts, reverse=True)
    chn = next(p for p in partners if p["country"] == "CHN")
    assert chn["events"] == len(store_ids(synthetic_db, dyad=("KAZ", "CHN")))
    assert client.get("/actors/ZZZ").status_code == 404
    light = client.get("/actors/kaz/partners", params={"limit": 5}).json()
    for got, want in zip(light["partner_countries"], partners, strict=True):
        assert got["goldstein_mean"] == pytest.approx(want["goldstein_mean"])
        assert {**got, "goldstein_mean": 0} == {**want, "goldstein_mean": 0}
    assert client.get("/actors/ZZZ/partners").status_code == 404


def test_countries(client: TestClient) -> None:
    codes = [c["code"] for c in client.get("/countries").json()["countries"]]
    assert {"KAZ", "CHN", "RUS"} <= set(codes)


# --- export -----------------------------------------------------------------------------


def test_export_formats_hold_every_filtered_event(client: TestClient, synthetic_db: Path) -> None:
    expected = store_ids(synthetic_db, country="RUS")
    csv_resp = client.get("/export", params={"format": "csv", "country": "RUS"})
    assert csv_resp.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_resp.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(csv_resp.text)))
    assert [r["event_id"] for r in rows] == expected
    every_row = list(csv.DictReader(io.StringIO(client.get("/export?format=csv").text)))
    for row in every_row:  # a list, as JSON; as the codebook maps the CAMEO code
        assert json.loads(row["plover_context"]) == CODEBOOK.plover(row["cameo_code"]).context
    assert any("," in row["plover_context"] for row in every_row), "no two-context event"
    lines = client.get("/export", params={"format": "jsonl", "country": "RUS"}).text.splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == expected
    data = client.get("/export", params={"format": "parquet", "country": "RUS"}).content
    table = pq.read_table(io.BytesIO(data))
    assert table.column("event_id").to_pylist() == expected
    everything = client.get("/export", params={"format": "jsonl"}).text.splitlines()
    assert len(everything) == len(store_ids(synthetic_db))
    empty = client.get("/export", params={"format": "csv", "country": "ZZZ"})
    assert empty.status_code == 200 and empty.text.count("\n") == 1  # the header only
    assert client.get("/export", params={"format": "xlsx"}).status_code == 422


def test_export_offers_the_cli_layouts(client: TestClient, synthetic_db: Path) -> None:
    expected = store_ids(synthetic_db, country="RUS")
    for fmt in EXPORT_FORMATS:  # every format of `dateline export`
        assert client.get("/export", params={"format": fmt, "country": "ZZZ"}).status_code == 200
    gdelt = client.get("/export", params={"format": "gdelt", "country": "RUS"})
    assert gdelt.headers["content-type"].startswith("text/tab-separated-values")
    lines = gdelt.text.splitlines()
    assert len(lines) == len(expected) and all(line.count("\t") == 60 for line in lines)
    assert sorted(int(line.split("\t")[0]) for line in lines) == sorted(
        stable_int(e) for e in expected
    )
    headed = client.get("/export", params={"format": "gdelt", "header": True, "country": "RUS"})
    assert headed.text.splitlines()[0].split("\t")[-1] == "SOURCEURL"
    icews_text = client.get("/export", params={"format": "icews", "country": "RUS"}).text
    icews = list(csv.DictReader(io.StringIO(icews_text), delimiter="\t"))
    assert sorted(int(r["Event ID"]) for r in icews) == sorted(stable_int(e) for e in expected)
    plover = client.get("/export", params={"format": "plover", "country": "RUS"}).text
    assert sorted(json.loads(line)["id"] for line in plover.splitlines()) == sorted(expected)
    mentions = client.get("/export", params={"format": "gdelt", "level": "mention"})
    assert mentions.status_code == 400
