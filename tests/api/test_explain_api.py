"""``GET /explain``: the explanation of ``dateline explain --json``, off unless asked for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app

# Written for this test: a meeting coded, then a private journey that is no state visit.
TEXT = (
    "Kazakh Foreign Minister Murat Nurtleu met Chinese diplomats in Astana on Tuesday. "
    "Tourists from Germany visited Egypt last week."
)


@pytest.fixture(scope="module")
def explaining(synthetic_db: Path) -> Iterator[TestClient]:
    app = create_app(synthetic_db, explain=True, time_budget=120)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_explain_is_off_by_default(client: TestClient) -> None:
    response = client.get("/explain", params={"text": TEXT})
    assert response.status_code == 404
    assert "--explain" in response.json()["detail"]


def test_explain_shows_coded_and_vetoed_candidates(explaining: TestClient) -> None:
    response = explaining.get("/explain", params={"text": TEXT, "published": "2024-06-19"})
    assert response.status_code == 200, response.text
    first, second = response.json()["sentences"]
    assert any(e["trigger"] == "met" and e["source"]["code"] == "KAZGOV" for e in first["events"])
    assert first["events"][0]["date"] == "2024-06-18"
    [visit] = [c for c in second["candidates"] if c["trigger"] == "visited"]
    assert (visit["outcome"], visit["checks"]) == ("vetoed", ["private_traveller"])
    assert second["events"] == []


def test_explain_refuses_empty_and_overlong_text(explaining: TestClient) -> None:
    assert explaining.get("/explain", params={"text": ""}).status_code == 422
    assert explaining.get("/explain", params={"text": "x" * 5000}).status_code == 422
    bad_date = explaining.get("/explain", params={"text": TEXT, "published": "June"})
    assert bad_date.status_code == 422
